// Portal page of the RPC experiment (see rpc-parts.mjs): one cross-site plugin frame with our SDK
// connected to a host endpoint, and the ports of the controls and the parts.
import { createHostEndpoint } from '@digione/bridge';
// Internal on purpose: a host core on a port of our own, to time the host's work alone.
import { hostCore } from '../../../packages/bridge/dist/host.js';
import { CONTEXT, PLUGIN, pluginUrl, report } from '../pages/common.js';

const handlers = { 'context.get': () => CONTEXT, 'ui.resize': () => null };
const echo = (port) => (port.onmessage = (e) => port.postMessage({ id: e.data.id, result: e.data.method === 'context.get' ? CONTEXT : null }));
let frame;
let seq = 0;

window.bench = {
  async setup() {
    frame = document.createElement('iframe');
    frame.src = pluginUrl('rpc-parts-plugin');
    frame.allow = 'cross-origin-isolated';
    frame.title = 'parts';
    const ready = report(frame, (d) => d.ready);
    createHostEndpoint({ frame, origin: PLUGIN, pluginId: 'fi.bench.sdk', handlers, heartbeat: false });
    document.body.append(frame);
    await ready;
    const bare = new MessageChannel();
    const host = new MessageChannel();
    const client = new MessageChannel();
    echo(bare.port1);
    hostCore({ pluginId: 'fi.bench.raw', origin: PLUGIN, handlers, heartbeat: false }, () => {}).attach(host.port1, '1.0', () => {});
    echo(client.port1);
    const s = ++seq;
    const ok = report(frame, (d) => d.seq === s);
    frame.contentWindow.postMessage({ cmd: 'ports', seq: s }, PLUGIN, [bare.port2, host.port2, client.port2]);
    await ok;
  },
  async run(cmd, n) {
    const s = ++seq;
    const done = report(frame, (d) => d.seq === s);
    frame.contentWindow.postMessage({ cmd, n, seq: s }, PLUGIN);
    return (await done).ms;
  },
};
