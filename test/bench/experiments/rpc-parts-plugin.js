// Plugin frame of the RPC experiment (see rpc-parts.mjs): our SDK connected to the portal, plus
// three ports the portal hands over: a bare echo, a raw port to a real host core, and a port on
// which our client (createPluginClient) talks to a bare echo. Timed batches on command.
import { connect } from '@digione/plugin-sdk';
import { createPluginClient } from '@digione/bridge';

const parentOrigin = new URLSearchParams(location.search).get('parent');
const say = (d) => parent.postMessage({ bench: true, ...d }, parentOrigin);
const client = await connect({ hostOrigins: [parentOrigin], autoResize: false });
say({ ready: true });

const ports = {};
let echoClient = null;
const request = (port, id) => port.postMessage({ id, method: 'ui.resize', params: { height: 1 } });

/** n sequential calls awaiting a promise each, over `port` (whose other end answers `{ id }`). */
async function awaited(port, n) {
  let pending = null;
  port.onmessage = (e) => pending?.(e.data);
  for (let id = 1; id <= n; id++) await new Promise((resolve) => ((pending = resolve), request(port, id)));
}

const commands = {
  // ours end to end
  async sdk(n) {
    for (let i = 0; i < n; i++) await client.request('ui.resize', { height: 1 });
  },
  // the bare echo, the next request sent inside the message handler
  bare: (n) =>
    new Promise((resolve) => {
      let id = 0;
      ports.echo.onmessage = (e) => {
        if (e.data.id !== id) return;
        if (++id === n) resolve();
        else request(ports.echo, id);
      };
      request(ports.echo, id);
    }),
  // the same, but the next request sent from a microtask (where any awaited call resumes)
  'bare-micro': (n) =>
    new Promise((resolve) => {
      let id = 0;
      ports.echo.onmessage = (e) => {
        if (e.data.id !== id) return;
        if (++id === n) resolve();
        else queueMicrotask(() => request(ports.echo, id));
      };
      request(ports.echo, id);
    }),
  // the bare echo, awaiting a promise per call
  'bare-await': (n) => awaited(ports.echo, n),
  // raw requests against a real host core (our host's work alone)
  'host-raw': (n) => awaited(ports.host, n),
  // our client against a bare echo (our client's work alone)
  async 'client-echo'(n) {
    for (let i = 0; i < n; i++) await echoClient.request('ui.resize', { height: 1 });
  },
};

addEventListener('message', async (e) => {
  if (e.source !== parent || e.origin !== parentOrigin || !e.data?.cmd) return;
  const { cmd, n, seq } = e.data;
  if (cmd === 'ports') {
    [ports.echo, ports.host, ports.client] = e.ports;
    echoClient = await createPluginClient(ports.client, { pluginId: 'fi.bench.parts', version: '1.0' });
    return say({ seq, ok: true });
  }
  const t = performance.now();
  await commands[cmd](n);
  say({ seq, ms: performance.now() - t });
});
