// Context fan-out to 20 iframe plugins through <d1-plugin-host>, and the memory of that portal page.
import { heap, open, within } from '../lib/browser.mjs';
import { summary } from '../lib/stats.mjs';

const N = 20;
const MB = 1024 * 1024;

export async function fanout({ context, portal, port, log, quick }) {
  // baseline: the same page and bundle with no plugin mounted
  const empty = await open(context, `${portal}/fanout.html?n=0`);
  await empty.evaluate(() => window.bench.mount());
  const base = await heap(context, empty);
  await empty.close();

  const page = await open(context, `${portal}/fanout.html?n=${N}`);
  const mounted = await within(
    page.evaluate(() => window.bench.mount()),
    60_000,
    `mounting ${N} plugins`,
  );
  log(
    `  ${N} plugins mounted and holding their context in ${mounted.ms.toFixed(0)} ms (${[...new Set(mounted.states)].join(', ')})`,
  );
  const change = (k) =>
    within(
      page.evaluate((x) => window.bench.change(x), k),
      20_000,
      'fan-out',
    );
  for (let k = 1; k <= 3; k++) await change(k);
  const ms = [];
  const fr = [];
  const reps = quick ? 3 : 40;
  for (let k = 4; k < 4 + reps; k++) {
    const r = await change(k);
    ms.push(r.ms);
    fr.push(r.frames);
  }
  log(`  fan-out median ${summary(ms).median.toFixed(2)} ms`);

  const portalHeap = await heap(context, page);
  const pluginFrames = page.frames().filter((f) => f.url().startsWith(`http://127.0.0.1:${port}/`));
  // same-site frames may share a renderer (one V8 isolate): count each isolate once
  const isolates = new Map();
  for (const f of pluginFrames) {
    const h = await heap(context, f);
    isolates.set(h.isolate, h.used);
  }
  const distinct = [...isolates.values()];
  if (page.errors.length) throw page.errors[0];
  await page.close();
  const pluginHeap = distinct.reduce((a, b) => a + b, 0);
  log(
    `  heaps: portal ${(portalHeap.used / MB).toFixed(2)} MB (empty ${(base.used / MB).toFixed(2)} MB); plugin frames: ${pluginFrames.length} frames, ${distinct.length} isolate(s), ${(pluginHeap / MB).toFixed(2)} MB`,
  );

  return [
    {
      group: 'fanout',
      name: `context fan-out: one group change -> all ${N} iframe plugins have it`,
      unit: 'ms',
      better: 'lower',
      ours: summary(ms),
      note: `frames produced meanwhile: median ${summary(fr).median}; includes each plugin's report back`,
    },
    {
      group: 'fanout',
      name: `mount ${N} iframe plugins -> all hold their context`,
      unit: 'ms',
      better: 'lower',
      ours: { median: mounted.ms, n: 1 },
    },
    {
      group: 'memory',
      name: `JS heap: portal page with ${N} mounted plugins (after GC)`,
      unit: 'MB',
      better: 'lower',
      ours: { value: portalHeap.used / MB },
      peer: { name: 'same page, no plugin', value: base.used / MB },
      note: `${((portalHeap.used - base.used) / N / 1024).toFixed(1)} KB per mounted plugin in the portal`,
    },
    {
      group: 'memory',
      name: `JS heap: the ${N} plugin frames (${distinct.length} V8 isolate(s), after GC)`,
      unit: 'MB',
      better: 'lower',
      ours: { value: pluginHeap / MB },
    },
  ];
}
