import { expect } from '@open-wc/testing';
import {
  createHostEndpoint,
  type HostEndpoint,
  type HostEndpointOptions,
  type PluginContext,
} from '@digione/bridge';
import { PLUGIN_ORIGIN, PluginFrame } from './fixtures/bridge/harness.js';

const CONTEXT: PluginContext = {
  sub: 'pairwise-1',
  role: 'teacher',
  roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'],
  group: { id: 'g1', title: '7A matematiikka', code: '7A-MA' },
  locale: 'fi',
  formattingLocale: 'fi-FI',
  timeZone: 'Europe/Helsinki',
  theme: { colorScheme: 'light', contrast: 'normal', reducedMotion: false, fontScale: 1 },
};

let plugin: PluginFrame | undefined;
let host: HostEndpoint | undefined;
afterEach(() => {
  host?.close();
  plugin?.remove();
  host = plugin = undefined;
});

function start(opts: Partial<HostEndpointOptions> = {}, query: Record<string, string> = {}) {
  plugin = new PluginFrame(query);
  host = createHostEndpoint({
    frame: plugin.frame,
    origin: PLUGIN_ORIGIN,
    pluginId: 'fi.example.test',
    handlers: { 'context.get': () => CONTEXT },
    ...opts,
  });
  plugin.mount();
  return { plugin, host };
}

describe('bridge: handshake across origins', () => {
  it('connects and hands the plugin its context', async () => {
    const { plugin, host } = start();
    const r = await plugin.connected();
    expect(r.connected, JSON.stringify(r.error)).to.equal(true);
    expect(r.pluginId).to.equal('fi.example.test');
    expect(r.version).to.equal('1.0');
    expect(r.context).to.deep.equal(CONTEXT);
    expect(host.state).to.equal('connected');
  });
});
