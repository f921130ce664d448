// <d1-notification-tray> standalone with 10,000 notifications. run.mjs clicks for real (CDP);
// this page times the clicks with interactions() (common.js) and scrolls the list frame by frame.
// ?max=N&perSource=M set the tray's limits (default: the element's own, 500 and 100).
import '@digione/ui/define/d1-notification-tray.js';
import { interactions } from './common.js';

const q = new URLSearchParams(location.search);
const N = Number(q.get('n') ?? 10000);
const NOW = Date.parse('2025-03-12T08:00:00Z');
const SEVERITIES = ['info', 'info', 'info', 'success', 'warning', 'error'];
const SOURCES = 20;

/** `N` notifications, one a minute back from NOW, over 20 sources; some with body and link; 9 in 10 unread. */
function make() {
  return Array.from({ length: N }, (_, i) => ({
    id: `n${i}`,
    source: { pluginId: `fi.example.p${i % SOURCES}`, vendorName: `Palvelu ${i % SOURCES}` },
    severity: SEVERITIES[i % SEVERITIES.length],
    title: { fi: `Viesti ${i}: läksyt ja kokeet`, sv: `Meddelande ${i}`, en: `Message ${i}` },
    ...(i % 3 === 0 ? { body: { fi: `Ryhmän 7A tehtävä ${i} palautetaan perjantaina.` } } : {}),
    ...(i % 4 === 0 ? { link: { pluginId: `fi.example.p${i % SOURCES}`, path: `/tehtava/${i}` } } : {}),
    createdAt: new Date(NOW - i * 60_000).toISOString(),
    ...(i % 10 === 9 ? { readAt: new Date(NOW - i * 60_000 + 30_000).toISOString() } : {}),
    containsPersonalData: false,
  }));
}

window.list = make();
const tray = document.createElement('d1-notification-tray');
tray.now = NOW;
if (q.has('max')) tray.max = Number(q.get('max'));
if (q.has('perSource')) tray.perSourceLimit = Number(q.get('perSource'));
document.body.style.cssText = 'display:flex;justify-content:flex-end;padding:8px;min-height:100vh;margin:0';
document.body.append(tray);
await tray.updateComplete;
const arm = interactions(tray.shadowRoot);
const $ = (sel) => tray.shadowRoot.querySelector(sel);
let armed = null;

const items = () => tray.shadowRoot.querySelectorAll('.item').length;
const rowsShown = () =>
  new Promise((r) => {
    const step = () => (items() > 0 ? r() : requestAnimationFrame(step));
    step();
  });

window.bench = {
  /** Hand the notifications to the (closed) tray; ms until its update is done. */
  async give() {
    const t0 = performance.now();
    tray.notifications = window.list;
    await tray.updateComplete;
    return { ms: performance.now() - t0, unread: tray.unreadCount };
  },
  /** Arm for the next click: 'open' settles once rows are rendered. */
  arm(what) {
    armed = arm('click', what === 'open' ? rowsShown : undefined).then((r) => ({
      ...r,
      unread: tray.unreadCount,
      items: items(),
      open: tray.open,
    }));
  },
  result: () => armed,
  /**
   * Scroll the list to its end in at most ~200 frames (one list height per frame, or more for a
   * long list); frame intervals (ms) and frames that showed no row where the list is.
   */
  async scroll() {
    const list = $('.list');
    const intervals = [];
    let blank = 0;
    let steps = 0;
    let prev = performance.now();
    list.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(r));
    prev = performance.now();
    const t0 = prev;
    await new Promise((resolve) => {
      const step = () => {
        const now = performance.now();
        intervals.push(now - prev);
        prev = now;
        // rows the virtualizer should have rendered for what is in view: none visible is a blank frame
        const box = list.getBoundingClientRect();
        const visible = [...tray.shadowRoot.querySelectorAll('.item')].some((el) => {
          const b = el.getBoundingClientRect();
          return b.bottom > box.top && b.top < box.bottom;
        });
        if (!visible) blank++;
        if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1 || steps > 2000) return resolve();
        list.scrollTop += Math.max(list.clientHeight, Math.ceil(list.scrollHeight / 200));
        steps++;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    return {
      ms: performance.now() - t0,
      steps,
      intervals: intervals.slice(1),
      blank,
      height: list.scrollHeight,
    };
  },
  state: () => ({ open: tray.open, unread: tray.unreadCount, items: items() }),
};
