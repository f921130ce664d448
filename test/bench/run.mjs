// `npm run bench`: DigiOne measured against the peers in one headless Chromium run.
//
//   node test/bench/run.mjs                  every row (about 3-4 minutes on 2 cores)
//   node test/bench/run.mjs --only rpc,tray  some suites; their rows replace those in bench-results.json
//   node test/bench/run.mjs --quick          few repetitions: checks the harness, the figures mean little
//   node test/bench/run.mjs --markdown       print bench-results.json as the markdown table of docs/benchmarks.md
//
// Suites: sizes, rpc (handshake, round trip, throughput), fanout (and portal memory), picker,
// tray (and its memory), devkit. Prints a table and writes bench-results.json (medians, p95,
// ratios to the peer, the Chromium version). Timing is never asserted in `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './lib/bundle.mjs';
import { serve } from './lib/server.mjs';
import { launch } from './lib/browser.mjs';
import { markdown, table } from './lib/table.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
process.chdir(root);
const OUT = join(here, '.out');
const RESULTS = join(root, 'bench-results.json');

const args = process.argv.slice(2);
if (args.includes('--markdown')) {
  const r = JSON.parse(readFileSync(RESULTS, 'utf8'));
  console.log(markdown(r.rows));
  process.exit(0);
}
const flag = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : (args[i + 1] ?? '');
};
const ALL = ['sizes', 'rpc', 'fanout', 'picker', 'tray', 'devkit'];
const only = flag('--only')?.split(',').filter(Boolean) ?? ALL;
const quick = args.includes('--quick');
for (const s of only)
  if (!ALL.includes(s)) throw new Error(`unknown suite "${s}" (one of ${ALL.join(', ')})`);

const started = performance.now();
const log = (...a) => console.log(...a);

// Our packages are measured from their build output: build it when a fresh clone has none.
const needed = ['bridge', 'context', 'plugin-sdk', 'plugin-host', 'ui', 'platform', 'shell', 'devkit'].map(
  (p) => `packages/${p}/dist/index.js`,
);
if (needed.some((f) => !existsSync(f))) {
  log('bench: building the packages (tsc -b) ...');
  const r = spawnSync('npx', ['tsc', '-b'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The pages: plugin frames minified like a vendor would ship them; the UI pages need not be.
const PAGES = [
  ['rpc', false],
  ['plugin-sdk', true],
  ['plugin-penpal', true],
  ['fanout', false],
  ['picker', false],
  ['tray', false],
];
const pageSuites = {
  rpc: ['rpc', 'plugin-sdk', 'plugin-penpal'],
  fanout: ['fanout', 'plugin-sdk'],
  picker: ['picker'],
  tray: ['tray'],
};
const wanted = new Set(only.flatMap((s) => pageSuites[s] ?? []));
mkdirSync(OUT, { recursive: true });
const t0 = performance.now();
for (const [name, minify] of PAGES) {
  if (!wanted.has(name)) continue;
  await bundle(join(here, 'pages', `${name}.js`), join(OUT, `${name}.js`), { minify });
  writeFileSync(
    join(OUT, `${name}.html`),
    `<!doctype html>\n<html lang="fi">\n<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench: ${name}</title></head>\n<body>\n<script type="module" src="./${name}.js"></script>\n</body>\n</html>\n`,
  );
}
if (wanted.size) log(`bench: pages bundled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const server = await serve(OUT);
const portal = `http://localhost:${server.port}`;
let browser = null;
let context = null;
let chromium = null;
if (wanted.size) {
  ({ browser, context, version: chromium } = await launch());
  log(`bench: Chromium ${chromium}, pages on ${portal}, plugins on http://127.0.0.1:${server.port}`);
}

const env = { context, portal, out: OUT, log, quick, port: server.port };
const rows = [];
const failures = [];
try {
  for (const name of only) {
    const t = performance.now();
    log(`bench: ${name} ...`);
    try {
      const mod = await import(`./suites/${name}.mjs`);
      const at = new Date().toISOString();
      const load = +loadavg()[0].toFixed(2);
      rows.push(...(await mod[name](env)).map((r) => ({ suite: name, ...r, at, load })));
    } catch (e) {
      failures.push(name);
      console.error(`bench: ${name} failed:`, e);
      rows.push({ suite: name, group: name, name: `${name} suite`, error: String(e?.message ?? e) });
    }
    log(`bench: ${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
} finally {
  await browser?.close();
  await server.close();
}

// Merge with an earlier run when only some suites ran, so the file always holds every row.
let previous = null;
if (only.length < ALL.length && existsSync(RESULTS)) {
  try {
    previous = JSON.parse(readFileSync(RESULTS, 'utf8'));
  } catch {
    previous = null;
  }
}
const kept = previous ? previous.rows.filter((r) => !only.includes(r.suite)) : [];
const result = {
  date: new Date().toISOString(),
  chromium: chromium ?? previous?.chromium ?? null,
  node: process.version,
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((x) => +x.toFixed(2)) },
  quick,
  suites: only,
  seconds: +((performance.now() - started) / 1000).toFixed(1),
  rows: [...kept, ...rows].sort((a, b) => ALL.indexOf(a.suite) - ALL.indexOf(b.suite)),
};
for (const r of result.rows) r.ratio ??= ratio(r);
function ratio(r) {
  const a = r.ours?.median ?? r.ours?.value;
  const b = r.peer?.median ?? r.peer?.value;
  return a != null && b ? +(a / b).toFixed(3) : null;
}
writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);

log('');
log(table(result.rows));
log('');
log(
  `Chromium ${result.chromium}; Node ${process.version}; ${result.machine.cpus} cores, load average ${result.machine.loadavg.join(' ')}; ${result.seconds} s${quick ? ' (--quick: few repetitions)' : ''}`,
);
const missed = result.rows.filter((r) => r.budget && !r.budget.ok);
if (missed.length) log(`Budgets missed: ${missed.map((r) => `${r.name} (${r.budget.text})`).join('; ')}`);
const undecided = result.rows.filter((r) => r.budget?.undecided);
if (undecided.length)
  log(
    `Budgets this run cannot settle (the 95 % interval of the ratio spans the limit): ${undecided.map((r) => `${r.budget.text} (${r.ratioCi95.join('-')})`).join('; ')}`,
  );
log(`Results: ${RESULTS}`);
if (failures.length) {
  console.error(`bench: suites failed: ${failures.join(', ')}`);
  process.exitCode = 1;
}
