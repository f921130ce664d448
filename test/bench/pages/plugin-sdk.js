// Plugin frame using @digione/plugin-sdk: reports when it holds its context and on every context
// change, and runs timed batches on command: { cmd: 'seq' | 'par', n } through the SDK, and the
// controls over a bare MessagePort whose other end echoes in the portal ({ cmd: 'port' } transfers
// it), in this same frame so they share everything with the SDK's calls but the SDK (as
// test/browser/fixtures/bridge/bench.ts does): 'bare-seq' answers in the message handler,
// 'bare-await' awaits a promise per call as any promise-based API does, 'bare-par' sends n at once.
import { connect } from '@digione/plugin-sdk';

const q = new URLSearchParams(location.search);
const parentOrigin = q.get('parent');
const tag = q.get('i');
const say = (d) => parent.postMessage({ bench: true, ...d }, parentOrigin);

const client = await connect({ hostOrigins: [parentOrigin], autoResize: false });
say({ ready: true, group: client.context.group?.id ?? null, i: tag, isolated: self.crossOriginIsolated });
client.on('context', (ctx) => say({ context: true, group: ctx.group?.id ?? null, i: tag }));

const call = () => client.request('ui.resize', { height: 1 });
let port = null;
const request = (id) => port.postMessage({ id, method: 'ui.resize', params: { height: 1 } });

const commands = {
  async seq(n) {
    for (let i = 0; i < n; i++) await call();
  },
  par: (n) => Promise.all(Array.from({ length: n }, call)),
  'bare-seq': (n) =>
    new Promise((resolve) => {
      let id = 0;
      port.onmessage = (e) => {
        if (e.data.id !== id) return;
        if (++id === n) resolve();
        else request(id);
      };
      request(id);
    }),
  async 'bare-await'(n) {
    let pending = null;
    port.onmessage = (e) => pending?.(e.data);
    for (let id = 0; id < n; id++) await new Promise((resolve) => ((pending = resolve), request(id)));
  },
  'bare-par': (n) =>
    new Promise((resolve) => {
      let left = n;
      port.onmessage = () => --left === 0 && resolve();
      for (let id = 0; id < n; id++) request(id);
    }),
};

addEventListener('message', async (e) => {
  if (e.source !== parent || e.origin !== parentOrigin || !e.data?.cmd) return;
  const { cmd, n, seq } = e.data;
  if (cmd === 'port') {
    port = e.ports[0];
    return say({ seq, ok: true });
  }
  const t = performance.now();
  await commands[cmd](n);
  say({ seq, ms: performance.now() - t });
});
