// Portal page of the RPC and handshake rows: two cross-site plugin frames (ours and Penpal), each
// answering `ui.resize` with null, plus a bare MessagePort echo whose other end is in our plugin's
// frame (the controls). Driven by run.mjs through window.bench.
import { createHostEndpoint, createInPageChannel } from '@digione/bridge';
import { connect as penpal, WindowMessenger } from 'penpal';
import { CONTEXT, PLUGIN, pluginUrl, report } from './common.js';

const PAGES = { sdk: 'plugin-sdk', penpal: 'plugin-penpal' };
/** The controls: commands of the SDK's frame over its bare port, by kind and mode. */
const BARE = { bare: { seq: 'bare-seq', par: 'bare-par' }, 'bare-await': { seq: 'bare-await' } };
const frames = {};
const closers = [];
let seq = 0;

/** Start one contender; resolves when its plugin holds its context. */
async function start(kind, append = true) {
  const frame = document.createElement('iframe');
  frame.src = pluginUrl(PAGES[kind]);
  frame.title = kind;
  // lets the (COOP/COEP) frame be cross-origin isolated too: 5 us timers inside it
  frame.allow = 'cross-origin-isolated';
  let close;
  const ready = report(frame, (d) => d.ready);
  if (kind === 'sdk') {
    // the endpoint first, as <d1-plugin-host> does, so the first hello is answered
    const ep = createHostEndpoint({
      frame,
      origin: PLUGIN,
      pluginId: 'fi.bench.sdk',
      handlers: { 'context.get': () => CONTEXT, 'ui.resize': () => null },
      heartbeat: false,
    });
    if (append) document.body.append(frame);
    close = () => ep.close();
  } else if (kind === 'penpal') {
    if (append) document.body.append(frame);
    const conn = penpal({
      messenger: new WindowMessenger({ remoteWindow: frame.contentWindow, allowedOrigins: [PLUGIN] }),
      methods: { getContext: () => CONTEXT, resize: () => null },
    });
    close = () => conn.destroy();
  }
  const info = await ready;
  return { frame, close, info };
}

window.bench = {
  /** Mount the long-lived plugin frames (ours, Penpal) and give ours the bare port. */
  async setup() {
    let frameInfo = null;
    for (const kind of Object.keys(PAGES)) {
      const c = await start(kind);
      if (kind === 'sdk') frameInfo = c.info;
      frames[kind] = c.frame;
      closers.push(c.close);
    }
    // the bare echo inside the SDK's own frame
    const ch = new MessageChannel();
    ch.port1.onmessage = (e) => ch.port1.postMessage({ id: e.data.id, result: null });
    const s = ++seq;
    const ok = report(frames.sdk, (d) => d.seq === s);
    frames.sdk.contentWindow.postMessage({ cmd: 'port', seq: s }, PLUGIN, [ch.port2]);
    await ok;
    return { crossOriginIsolated: self.crossOriginIsolated, frameIsolated: frameInfo.isolated };
  },
  /**
   * n calls, one after another ('seq') or all at once ('par'), timed inside the plugin frame; ms.
   * Kinds: 'sdk', 'penpal', and the controls 'bare' and 'bare-await' (in the SDK's frame).
   */
  async run(kind, cmd, n) {
    const frame = frames[BARE[kind] ? 'sdk' : kind];
    if (BARE[kind]) cmd = BARE[kind][cmd];
    const s = ++seq;
    const done = report(frame, (d) => d.seq === s);
    frame.contentWindow.postMessage({ cmd, n, seq: s }, PLUGIN);
    return (await done).ms;
  },
  /**
   * The same n sequential calls with both ends in this page (a MessageChannel, no process hop):
   * what is left beyond the bare echo is the bridge's own JavaScript per call; ms.
   */
  async inPage(kind, n) {
    if (kind === 'sdk') {
      const { host, client } = createInPageChannel({
        pluginId: 'fi.bench.in-page',
        handlers: { 'context.get': () => CONTEXT, 'ui.resize': () => null },
      });
      const c = await client;
      const t = performance.now();
      for (let i = 0; i < n; i++) await c.request('ui.resize', { height: 1 });
      const ms = performance.now() - t;
      host.close();
      return ms;
    }
    const ch = new MessageChannel();
    ch.port1.onmessage = (e) => ch.port1.postMessage({ id: e.data.id, result: null });
    const t = performance.now();
    await new Promise((resolve) => {
      let id = 0;
      ch.port2.onmessage = (e) => {
        if (e.data.id !== id) return;
        if (++id === n) resolve();
        else ch.port2.postMessage({ id, method: 'ui.resize', params: { height: 1 } });
      };
      ch.port2.postMessage({ id, method: 'ui.resize', params: { height: 1 } });
    });
    const ms = performance.now() - t;
    ch.port1.close();
    ch.port2.close();
    return ms;
  },
  /** Iframe created -> the plugin holds its context (its report has arrived); ms. */
  async handshake(kind) {
    const t0 = performance.now();
    const c = await start(kind);
    const ms = performance.now() - t0;
    c.close();
    c.frame.remove();
    return ms;
  },
};
