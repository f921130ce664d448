// An experiment, not part of `npm run bench`: where the RPC round trip's cost beyond a bare
// MessagePort goes. Contenders, all in one cross-site plugin frame and interleaved in every order
// as the bench does (the ratio is the median of per-round ratios):
//   sdk          ours end to end (the SDK's request against a host endpoint)
//   bare         a bare echo, the next request sent inside the message handler
//   bare-micro   the same, the next request sent from a microtask
//   bare-await   the bare echo, awaiting a promise per call
//   host-raw     raw awaited requests against a real host core (our host alone)
//   client-echo  our client (createPluginClient) against a bare echo (our client alone)
// Usage: npm run build && node test/bench/experiments/rpc-parts.mjs [rounds=240] [kinds,...]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../lib/bundle.mjs';
import { serve } from '../lib/server.mjs';
import { launch, open } from '../lib/browser.mjs';
import { pairedRatio, rounds, summary } from '../lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, '..', '.out', 'experiments');
mkdirSync(OUT, { recursive: true });
const ALL = ['sdk', 'bare', 'bare-micro', 'bare-await', 'host-raw', 'client-echo'];
const n = Number(process.argv[2] ?? 240);
const kinds = process.argv[3]?.split(',') ?? ALL;
for (const k of kinds) if (!ALL.includes(k)) throw new Error(`unknown contender "${k}" (${ALL.join(', ')})`);
if (!kinds.includes('bare')) kinds.unshift('bare');

for (const [name, minify] of [['rpc-parts-portal', false], ['rpc-parts-plugin', true]]) {
  await bundle(join(here, `${name}.js`), join(OUT, `${name}.js`), { minify });
  writeFileSync(
    join(OUT, `${name}.html`),
    `<!doctype html><html lang="fi"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name}</title></head><body><script type="module" src="./${name}.js"></script></body></html>\n`,
  );
}
const server = await serve(OUT);
const { browser, context, version } = await launch();
try {
  const page = await open(context, `http://localhost:${server.port}/rpc-parts-portal.html`);
  await page.evaluate(() => window.bench.setup());
  const run = (k, x) => page.evaluate(([c, m]) => window.bench.run(c, m), [k, x]);
  for (const k of kinds) await run(k, 300); // warm-up
  const per = Object.fromEntries(kinds.map((k) => [k, []]));
  for (const order of rounds(kinds, n)) for (const k of order) per[k].push((await run(k, 100)) / 100);
  if (page.errors.length) throw page.errors[0];
  const vs = (k, base) => (per[base] ? pairedRatio(per[k], per[base]).toFixed(3) : '  -  ');
  console.log(`Chromium ${version}; ${n} rounds of 100 sequential calls per contender`);
  console.log('contender     median us  vs bare  vs bare-await');
  for (const k of kinds)
    console.log(
      `${k.padEnd(12)}  ${(summary(per[k]).median * 1000).toFixed(1).padStart(9)}  ${vs(k, 'bare').padStart(7)}  ${vs(k, 'bare-await').padStart(13)}`,
    );
} finally {
  await browser.close();
  await server.close();
}
