/**
 * The wire protocol from a client with no SDK (what a client in another language does), in a
 * cross-origin frame: version negotiation, malformed messages, the heartbeat.
 */
import { expect } from '@open-wc/testing';
import { createHostEndpoint, type HostEndpoint, type HostEndpointOptions } from '@digione/bridge';
import { PLUGIN_ORIGIN, PluginFrame, type Report } from './fixtures/bridge/harness.js';
import { waitFor } from '../helpers/wait.js';

const RAW_URL = `${PLUGIN_ORIGIN}/test/browser/fixtures/bridge/raw.html`;

let plugin: PluginFrame;
let host: HostEndpoint;
const uncaught: unknown[] = [];
const onError = (e: ErrorEvent) => uncaught.push(e.error ?? e.message);
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
beforeEach(() => {
  uncaught.length = 0;
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
});
afterEach(() => {
  removeEventListener('error', onError);
  removeEventListener('unhandledrejection', onRejection);
  host?.close();
  plugin?.remove();
  expect(uncaught, 'nothing thrown in the host page').to.deep.equal([]);
});

async function raw(opts: Partial<HostEndpointOptions> = {}) {
  plugin = new PluginFrame({}, RAW_URL);
  host = createHostEndpoint({
    frame: plugin.frame,
    origin: PLUGIN_ORIGIN,
    pluginId: 'fi.example.raw',
    handlers: { 'context.get': () => ({ locale: 'fi' }) as never, 'ui.resize': () => null },
    heartbeat: false,
    ...opts,
  });
  plugin.mount();
  await waitFor(() => plugin.reports.find((r) => r.loaded), 'raw client loaded');
  return plugin;
}
const handshakes = () =>
  plugin.reports.filter((r) => r.handshake).map((r) => r.handshake as Record<string, unknown>);
const fromPort = () =>
  plugin.reports.filter((r) => 'port' in r).map((r) => r.port as Record<string, unknown>);
async function hello(versions: unknown, instance = 'raw-1') {
  const n = handshakes().length;
  await plugin.ok({ cmd: 'hello', versions, instance });
  return waitFor(() => handshakes()[n], 'handshake answer');
}
/** Post raw data on the port, then a valid marker request; resolves once the marker's reply arrived. */
async function post(...data: unknown[]): Promise<Array<Record<string, unknown>>> {
  const before = fromPort().length;
  for (const d of data) await plugin.ok({ cmd: 'post', data: d });
  const marker = `marker-${Math.random()}`;
  await plugin.ok({ cmd: 'post', data: { id: marker, method: 'ui.resize', params: { height: 1 } } });
  await waitFor(() => fromPort().some((m) => m.id === marker), 'marker reply');
  return fromPort()
    .slice(before)
    .filter((m) => m.id !== marker);
}

describe('bridge protocol: handshake and versions', () => {
  it('welcomes with the chosen version and the plugin id, to the plugin origin only', async () => {
    await raw();
    const w = await hello(['1.0']);
    expect(w).to.deep.equal({
      type: 'd1.welcome',
      version: '1.0',
      pluginId: 'fi.example.raw',
      instance: 'raw-1',
    });
    const r = plugin.reports.find((x) => x.handshake) as Report;
    expect(r.ports).to.equal(1);
    expect(r.origin).to.equal(location.origin);
  });

  it('connects a client of an unknown future minor version at the highest common one', async () => {
    await raw();
    expect((await hello(['1.7'])).version).to.equal('1.0');
  });

  it('picks the highest common major, and the lower minor within it', async () => {
    await raw({ versions: ['1.0', '1.2', '2.1'] });
    expect((await hello(['1.0', '2.3', '3.0'])).version).to.equal('2.1');
  });

  it('rejects, rather than leaving the client waiting, when no major version is shared', async () => {
    await raw();
    const r = await hello(['2.0', 'x', 3]);
    expect(r.type).to.equal('d1.reject');
    expect((r.error as { code: string }).code).to.equal('UNSUPPORTED');
    expect(host.state).to.equal('waiting');
  });

  it('answers one hello per instance; a new instance gets a new port and the old one is closed', async () => {
    const log: string[] = [];
    await raw({ onDisconnect: (i) => log.push(i.reason), onConnect: (i) => log.push(`connect ${i.reload}`) });
    await hello(['1.0'], 'a');
    await plugin.ok({ cmd: 'hello', versions: ['1.0'], instance: 'a' }); // a repeat: ignored
    await hello(['1.0'], 'b');
    expect(handshakes().map((h) => h.instance)).to.deep.equal(['a', 'b']);
    expect(log).to.deep.equal(['connect false', 'reload', 'connect true']);
  });
});

describe('bridge protocol: malformed messages', () => {
  it('drops what has no usable id, answers the rest with errors, and keeps serving', async () => {
    await raw();
    await hello(['1.0']);
    const replies = await post(
      42,
      'text',
      null,
      [1, 2],
      { method: 'ui.resize', params: { height: 1 } }, // no id: nothing to answer
      { id: { x: 1 }, method: 'ui.resize' }, // unusable id: dropped
      { id: 'r', result: 1 }, // a reply to nothing
      { event: 7 },
      { id: 1, method: 5 },
      { id: 2, method: 'nope.nothing' },
      { id: 3, method: 'ui.resize', params: { height: -1 } },
      { id: 4, method: 'ui.resize' },
      { id: 5, method: 'ui.resize', params: 'tall' },
      { id: 6, method: 'storage.set', params: { key: 'k', value: 1 } },
      { id: 7, method: '__proto__' },
      { id: 8, method: 'constructor' },
    );
    expect(replies).to.deep.equal([
      { id: 1, error: { code: 'INVALID_PARAMS', message: 'method must be a string' } },
      { id: 2, error: { code: 'UNSUPPORTED', message: 'unknown method nope.nothing' } },
      {
        id: 3,
        error: { code: 'INVALID_PARAMS', message: 'params.height must be a number from 0 to 100000' },
      },
      { id: 4, error: { code: 'INVALID_PARAMS', message: 'params must be an object' } },
      { id: 5, error: { code: 'INVALID_PARAMS', message: 'params must be an object' } },
      { id: 6, error: { code: 'UNSUPPORTED', message: 'storage.set is not available in this host' } },
      { id: 7, error: { code: 'UNSUPPORTED', message: 'unknown method __proto__' } },
      { id: 8, error: { code: 'UNSUPPORTED', message: 'unknown method constructor' } },
    ]);
    expect(host.state).to.equal('connected');
  });

  it('ignores window messages that only look like a handshake', async () => {
    await raw();
    const bad = [
      { type: 'd1.hello' },
      { type: 'd1.hello', versions: ['1.0'], instance: 5 },
      { type: 'd1.hello', versions: ['1.0'], instance: 'x'.repeat(65) },
      { type: 'd1.hello', versions: '1.0', instance: 'z' },
      { type: 'd1.welcome', versions: ['1.0'], instance: 'y' },
      'd1.hello',
    ];
    for (const data of bad) await plugin.ok({ cmd: 'window', data });
    expect(host.state).to.equal('waiting');
    // Messages from one frame arrive in order: a good hello afterwards proves the bad ones were handled.
    await hello(['1.0'], 'good');
    expect(handshakes().map((h) => `${String(h.type)} ${String(h.instance)}`)).to.deep.equal([
      'd1.reject z',
      'd1.welcome good',
    ]);
  });
});

describe('bridge protocol: heartbeat', () => {
  it('pings; no answer -> unresponsive; any answer -> responsive again', async () => {
    const log: string[] = [];
    await raw({
      heartbeat: { interval: 50, timeout: 150 },
      onUnresponsive: () => log.push('unresponsive'),
      onResponsive: () => log.push('responsive'),
    });
    await hello(['1.0']);
    await waitFor(() => fromPort().some((m) => m.method === 'ping'), 'a ping');
    expect(host.state).to.equal('connected');
    await plugin.ok({ cmd: 'pong', on: false });
    await waitFor(() => host.state === 'unresponsive', 'unresponsive');
    await plugin.ok({ cmd: 'pong', on: true });
    await waitFor(() => host.state === 'connected', 'responsive');
    expect(log).to.deep.equal(['unresponsive', 'responsive']);
  });
});
