// Plugin frame using Penpal 7 (child side): connects, fetches its context with one call (what
// our connect() includes), and runs the same timed call batches as plugin-sdk.js.
import { connect, WindowMessenger } from 'penpal';

const q = new URLSearchParams(location.search);
const parentOrigin = q.get('parent');
const say = (d) => parent.postMessage({ bench: true, ...d }, parentOrigin);

const messenger = new WindowMessenger({ remoteWindow: parent, allowedOrigins: [parentOrigin] });
const remote = await connect({ messenger, methods: {} }).promise;
const context = await remote.getContext();
say({ ready: true, group: context.group?.id ?? null });

const call = () => remote.resize({ height: 1 });
addEventListener('message', async (e) => {
  if (e.source !== parent || e.origin !== parentOrigin || !e.data?.cmd) return;
  const { cmd, n, seq } = e.data;
  const t = performance.now();
  if (cmd === 'seq') for (let i = 0; i < n; i++) await call();
  else await Promise.all(Array.from({ length: n }, call));
  say({ seq, ms: performance.now() - t });
});
