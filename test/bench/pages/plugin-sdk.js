// Plugin frame using @digione/plugin-sdk: reports when it holds its context, on every context
// change, and runs timed call batches on command ({ cmd: 'seq' | 'par', n }).
import { connect } from '@digione/plugin-sdk';

const q = new URLSearchParams(location.search);
const parentOrigin = q.get('parent');
const tag = q.get('i');
const say = (d) => parent.postMessage({ bench: true, ...d }, parentOrigin);

const client = await connect({ hostOrigins: [parentOrigin], autoResize: false });
say({ ready: true, group: client.context.group?.id ?? null, i: tag });
client.on('context', (ctx) => say({ context: true, group: ctx.group?.id ?? null, i: tag }));

const call = () => client.request('ui.resize', { height: 1 });
addEventListener('message', async (e) => {
  if (e.source !== parent || e.origin !== parentOrigin || !e.data?.cmd) return;
  const { cmd, n, seq } = e.data;
  const t = performance.now();
  if (cmd === 'seq') for (let i = 0; i < n; i++) await call();
  else await Promise.all(Array.from({ length: n }, call));
  say({ seq, ms: performance.now() - t });
});
