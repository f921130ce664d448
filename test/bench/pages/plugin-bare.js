// Plugin frame with no library: a bare MessagePort request/response against an echo on the host
// (the floor any RPC over postMessage pays). The host transfers the port with { cmd: 'port' }.
const q = new URLSearchParams(location.search);
const parentOrigin = q.get('parent');
const say = (d) => parent.postMessage({ bench: true, ...d }, parentOrigin);
let port = null;

function seq(n) {
  return new Promise((resolve) => {
    let id = 0;
    port.onmessage = (e) => {
      if (e.data.id !== id) return;
      if (++id === n) resolve();
      else port.postMessage({ id, method: 'ui.resize', params: { height: 1 } });
    };
    port.postMessage({ id, method: 'ui.resize', params: { height: 1 } });
  });
}
function par(n) {
  return new Promise((resolve) => {
    let left = n;
    port.onmessage = () => --left === 0 && resolve();
    for (let id = 0; id < n; id++) port.postMessage({ id, method: 'ui.resize', params: { height: 1 } });
  });
}

addEventListener('message', async (e) => {
  if (e.source !== parent || e.origin !== parentOrigin || !e.data?.cmd) return;
  const { cmd, n, seq: s } = e.data;
  if (cmd === 'port') {
    port = e.ports[0];
    return say({ ready: true });
  }
  const t = performance.now();
  await (cmd === 'seq' ? seq(n) : par(n));
  say({ seq: s, ms: performance.now() - t });
});
say({ loaded: true });
