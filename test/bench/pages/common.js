// Shared by the bench pages: the two sites, and reports from plugin frames.
export const PORTAL = location.origin.includes('localhost')
  ? location.origin
  : `http://localhost:${location.port}`;
export const PLUGIN = `http://127.0.0.1:${location.port}`;

/** A context every plugin gets (the same for ours and the peers). */
export const CONTEXT = {
  sub: 'bench-sub',
  role: 'teacher',
  roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'],
  group: { id: 'g-0', title: '7A' },
  locale: 'fi',
  formattingLocale: 'fi-FI',
  timeZone: 'Europe/Helsinki',
  theme: { colorScheme: 'light', contrast: 'normal', reducedMotion: false, fontScale: 1 },
};

/** The URL of a plugin page on the plugin site, told where its parent is. */
export function pluginUrl(page, query = {}) {
  const qs = new URLSearchParams({ parent: PORTAL, ...query });
  return `${PLUGIN}/${page}.html?${qs}`;
}

const waiters = new Set();
addEventListener('message', (e) => {
  if (e.origin !== PLUGIN || !e.data?.bench) return;
  for (const w of waiters) {
    if (w.frame.contentWindow === e.source && w.test(e.data)) {
      waiters.delete(w);
      w.resolve(e.data);
    }
  }
});

/** The next report from `frame` that passes `test`. */
export function report(frame, test, timeout = 20000) {
  return new Promise((resolve, reject) => {
    const w = { frame, test, resolve };
    waiters.add(w);
    setTimeout(() => {
      if (waiters.delete(w)) reject(new Error(`no report from ${frame.src} in ${timeout} ms`));
    }, timeout);
  });
}

/** Wait for every microtask queued so far (and those they queue) to run: a 200-deep chain. */
export function drain() {
  return new Promise((resolve) => {
    let depth = 0;
    const step = () => (++depth < 200 ? queueMicrotask(step) : resolve());
    queueMicrotask(step);
  });
}

/** After the next frame has been produced: a task queued from the frame's rAF callback. */
export function afterFrame() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(null);
    }),
  );
}

/** Frame counter: one rAF loop registered first, so it runs first in every frame. */
export const frames = { n: 0, at: [] };
(function tick(t) {
  frames.n++;
  frames.at.push(t);
  if (frames.at.length > 2000) frames.at.splice(0, 1000);
  requestAnimationFrame(tick);
})(performance.now());

const nextFrames = (k) =>
  new Promise((r) => {
    const step = (i) => (i ? requestAnimationFrame(() => step(i - 1)) : r());
    step(k);
  });

/**
 * Times user interactions on the element whose shadow root is `root`: `arm(type, settle)` waits
 * for the next `type` event (a capturing listener on window, the first to run) and resolves with
 * - `script`: ms from the event until the microtasks of its task have drained (Lit updates and
 *   the virtualizer's render run there);
 * - `ready`: ms until `settle()` resolved (e.g. the active option is rendered);
 * - `first` / `settled`: frames to paint. A DOM change (MutationObserver; a write of an unchanged
 *   value is none) made in the event's task or in the next frame's callbacks paints in that next
 *   frame (1); one made during the frame after paints in frame 2, and so on. `first` is the frame
 *   that shows the first change, `settled` the one after which the DOM stays still (3 frames);
 * - `firstMs` / `settledMs`: ms from the event to the end of the frame that `first` / `settled` names.
 */
export function interactions(root) {
  let last = 0;
  let first = Infinity;
  const frameEnd = new Map();
  new MutationObserver((records) => {
    for (const m of records) {
      if (m.type === 'attributes' && m.oldValue === m.target.getAttribute(m.attributeName)) continue;
      if (m.type === 'characterData' && m.oldValue === m.target.data) continue;
      last = frames.n;
      first = Math.min(first, frames.n);
    }
  }).observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeOldValue: true,
    characterData: true,
    characterDataOldValue: true,
  });
  // when each frame's work ended: a task queued from its rAF callback runs after its rendering
  (function mark() {
    requestAnimationFrame(() => {
      const n = frames.n;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        frameEnd.set(n, performance.now());
        if (frameEnd.size > 600) frameEnd.delete(frameEnd.keys().next().value);
      };
      ch.port2.postMessage(null);
      mark();
    });
  })();
  return function arm(type, settle = () => Promise.resolve()) {
    return new Promise((resolve) => {
      addEventListener(
        type,
        () => {
          const t0 = performance.now();
          const f0 = frames.n;
          first = Infinity;
          drain().then(async () => {
            const script = performance.now() - t0;
            await settle();
            const ready = performance.now() - t0;
            let seen;
            let waited = 0;
            do {
              seen = last;
              await nextFrames(3);
              waited += 3;
            } while (last !== seen && waited < 120);
            const changed = first !== Infinity;
            const settled = changed ? Math.max(1, seen - f0) : 1;
            const firstFrame = changed ? Math.max(1, first - f0) : 1;
            const end = frameEnd.get(f0 + settled);
            const firstEnd = frameEnd.get(f0 + firstFrame);
            resolve({
              script,
              ready,
              first: firstFrame,
              settled,
              firstMs: firstEnd === undefined ? null : firstEnd - t0,
              settledMs: end === undefined ? null : end - t0,
            });
          });
        },
        { capture: true, once: true },
      );
    });
  };
}
