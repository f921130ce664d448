/**
 * `connect()` and the client it resolves with, as a vendor meets them: the real SDK in a frame on
 * another site (127.0.0.1) under a real host endpoint on this page (localhost).
 */
import { expect } from '@open-wc/testing';
import { createHostEndpoint, type HostEndpoint, type PluginContext } from '@digione/bridge';
import { PLUGIN_ORIGIN, PluginFrame } from '../../../test/browser/fixtures/bridge/harness.js';

const CONTEXT = { sub: null, permissions: ['notifications'] } as unknown as PluginContext;
const portal = location.origin;

let frames: PluginFrame[] = [];
let hosts: HostEndpoint[] = [];
afterEach(() => {
  for (const h of hosts) h.close();
  for (const f of frames) f.remove();
  frames = [];
  hosts = [];
});

/** The fixture plugin connecting with `hostOrigins` (comma-separated), under a host endpoint. */
function plugin(
  hostOrigins: string,
  handlers: Partial<Parameters<typeof createHostEndpoint>[0]['handlers']> = {},
) {
  const f = new PluginFrame({ hostOrigins, autoResize: '0' });
  frames.push(f);
  hosts.push(
    createHostEndpoint({
      frame: f.frame,
      origin: PLUGIN_ORIGIN,
      pluginId: 'fi.example.test',
      handlers: { 'context.get': () => CONTEXT, ...handlers },
      heartbeat: false,
    }),
  );
  return f.mount();
}

describe('plugin SDK: connect() options', () => {
  it('names the hostOrigins entry that is not an exact origin, and says an origin has no path', async () => {
    const cases: Array<[string, string]> = [
      [`${portal}/`, `hostOrigins: "${portal}/" has a path; an origin has none (use "${portal}")`],
      [
        `${portal}/portal/`,
        `hostOrigins: "${portal}/portal/" has a path; an origin has none (use "${portal}")`,
      ],
      ['*', 'hostOrigins: "*" is not an exact http(s) origin'],
      [
        `https://ok.example,${portal.replace('http://', '')}`,
        `hostOrigins: "${portal.slice(7)}" is not an exact http(s) origin`,
      ],
    ];
    const started = cases.map(([origins]) => plugin(origins));
    for (const [i, f] of started.entries()) {
      const r = await f.connected();
      expect(r.connected).to.equal(false);
      expect(r.error).to.deep.equal({ code: 'INVALID_PARAMS', message: cases[i]![1] });
    }
  });
});

describe('plugin SDK: client', () => {
  it('notify() resolves with what the host answered: the notification id', async () => {
    const f = plugin(portal, { 'notifications.post': () => ({ id: 'n-42' }) });
    expect((await f.connected()).connected).to.equal(true);
    expect(await f.ok({ cmd: 'notify', arg: { title: 'Hei' } })).to.deep.equal({ id: 'n-42' });
  });
});
