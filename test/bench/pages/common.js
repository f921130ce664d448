// Shared by the bench pages: the two sites, and reports from plugin frames.
export const PORTAL = location.origin.includes('localhost') ? location.origin : `http://localhost:${location.port}`;
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
