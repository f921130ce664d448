// <d1-notification-tray> with 10,000 notifications: open, scroll, mark all read (real clicks),
// and the JS heap of the tray page after them. Two configurations: the element's default limits
// (it keeps the newest 500, at most 100 per source) and limits raised to show all 10,000.
import { heap, open, within } from '../lib/browser.mjs';
import { summary } from '../lib/stats.mjs';

const N = 10000;
const MB = 1024 * 1024;
const VARIANTS = [
  { key: 'default', query: '', label: 'default limits (newest 500 shown)' },
  { key: 'all', query: `&max=${N}&perSource=${N}`, label: `all ${N.toLocaleString('en-US')} shown` },
];

async function once(context, url, withHeap) {
  const page = await open(context, url);
  await within(
    page.waitForFunction(() => window.bench),
    60_000,
    'tray page',
  );
  const before = withHeap ? await heap(context, page) : null;
  const give = await page.evaluate(() => window.bench.give());
  const click = async (what, selector) => {
    await page.evaluate((w) => window.bench.arm(w), what);
    await page.locator(selector).click();
    return within(
      page.evaluate(() => window.bench.result()),
      20_000,
      `${what} click`,
    );
  };
  const opened = await click('open', 'd1-notification-tray .bell');
  if (!opened.open || !opened.items)
    throw new Error(`tray did not open with rows: ${JSON.stringify(opened)}`);
  const scroll = await within(
    page.evaluate(() => window.bench.scroll()),
    60_000,
    'scroll',
  );
  const read = await click('read', 'd1-notification-tray .summary button');
  if (read.unread !== 0) throw new Error(`mark all read left ${read.unread} unread`);
  // the second opening: the code is warm now (the first one also compiles the panel's code)
  await page.locator('d1-notification-tray .bell').click();
  await page.waitForFunction(() => !window.bench.state().open);
  const reopened = await click('open', 'd1-notification-tray .bell');
  const after = withHeap ? await heap(context, page) : null;
  if (page.errors.length) throw page.errors[0];
  await page.close();
  return { give, opened, scroll, read, reopened, before, after };
}

export async function tray({ context, portal, log, quick }) {
  const rows = [];
  const reps = quick ? 1 : 3;
  for (const v of VARIANTS) {
    const runs = [];
    for (let i = 0; i < reps; i++)
      runs.push(await once(context, `${portal}/tray.html?n=${N}${v.query}`, i === reps - 1));
    const openMs = runs.map((r) => r.opened.settledMs ?? r.opened.ready);
    const readMs = runs.map((r) => r.read.settledMs ?? r.read.script);
    const intervals = runs.flatMap((r) => r.scroll.intervals);
    const blank = runs.reduce((a, r) => a + r.scroll.blank, 0);
    const frames = intervals.length;
    const long = intervals.filter((x) => x > 25).length;
    const last = runs.at(-1);
    log(
      `  ${v.key}: give ${summary(runs.map((r) => r.give.ms)).median.toFixed(1)} ms, open ${summary(openMs).median.toFixed(1)} ms, scroll frame p95 ${summary(intervals).p95.toFixed(1)} ms (${blank} blank of ${frames}), mark all read ${summary(readMs).median.toFixed(1)} ms`,
    );
    const label = `tray, ${N.toLocaleString('en-US')} notifications, ${v.label}`;
    rows.push(
      {
        group: 'tray',
        name: `${label}: hand the notifications to the closed tray (bell count updated)`,
        unit: 'ms',
        better: 'lower',
        ours: summary(runs.map((r) => r.give.ms)),
      },
      {
        group: 'tray',
        name: `${label}: open (click -> rows painted and still)`,
        unit: 'ms',
        better: 'lower',
        ours: summary(openMs),
        note: `first rows painted after ${summary(runs.map((r) => r.opened.firstMs ?? NaN)).median.toFixed(1)} ms; script ${summary(runs.map((r) => r.opened.script)).median.toFixed(2)} ms; ${last.opened.items} rows in the DOM; frames to show ${summary(runs.map((r) => r.opened.first)).median}, to settle ${summary(runs.map((r) => r.opened.settled)).median}`,
      },
      {
        group: 'tray',
        name: `${label}: open again (warm; click -> rows painted and still)`,
        unit: 'ms',
        better: 'lower',
        ours: summary(runs.map((r) => r.reopened.settledMs ?? r.reopened.ready)),
        note: `first rows painted after ${summary(runs.map((r) => r.reopened.firstMs ?? NaN)).median.toFixed(1)} ms`,
      },
      {
        group: 'tray',
        name: `${label}: scroll to the end, frame interval`,
        unit: 'ms',
        better: 'lower',
        ours: summary(intervals),
        note: `${frames} frames over ${summary(runs.map((r) => r.scroll.steps)).median} steps per run; ${long} frames > 25 ms; ${blank} frames with no row in view`,
      },
      {
        group: 'tray',
        name: `${label}: mark all read (click -> painted and still)`,
        unit: 'ms',
        better: 'lower',
        ours: summary(readMs),
        note: `script ${summary(runs.map((r) => r.read.script)).median.toFixed(2)} ms; frames to show ${summary(runs.map((r) => r.read.first)).median}`,
      },
      {
        group: 'memory',
        name: `JS heap: tray page after ${N.toLocaleString('en-US')} notifications, ${v.label} (after GC)`,
        unit: 'MB',
        better: 'lower',
        ours: { value: last.after.used / MB },
        peer: { name: 'same page, data not given', value: last.before.used / MB },
        note: `the tray holds ${((last.after.used - last.before.used) / MB).toFixed(2)} MB beyond the 10,000 notifications themselves`,
      },
    );
  }
  return rows;
}
