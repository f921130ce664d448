// Handshake and RPC: ours vs Penpal vs a bare MessagePort, all three in cross-site frames of one
// page, measured in interleaved rounds (ABC, CBA, ...) so machine noise hits all of them alike.
import { open } from '../lib/browser.mjs';
import { pairedRatio, ratioInterval, ratioSpread, rounds, summary } from '../lib/stats.mjs';

const CALLS = 1000;
/** Round trips are timed in short batches, many rounds: load bursts then hit every contender alike. */
const BATCH = 100;

export async function rpc({ context, portal, log, quick }) {
  const page = await open(context, `${portal}/rpc.html`);
  const info = await page.evaluate(() => window.bench.setup());
  log(`  cross-origin isolated: portal ${info.crossOriginIsolated}, plugin frame ${info.frameIsolated}`);
  const kinds = ['sdk', 'penpal', 'bare', 'bare-await'];
  const run = (kind, cmd, n) => page.evaluate(([k, c, x]) => window.bench.run(k, c, x), [kind, cmd, n]);

  const parKinds = ['sdk', 'penpal', 'bare'];

  // warm-up: JIT, caches, first-call paths
  for (const k of kinds) await run(k, 'seq', quick ? 50 : 300);
  for (const k of parKinds) await run(k, 'par', quick ? 50 : 300);

  const seq = { sdk: [], penpal: [], bare: [], 'bare-await': [] };
  const par = { sdk: [], penpal: [], bare: [] };
  // every order of the four, 10 times: 24,000 calls each
  for (const order of rounds(kinds, quick ? 4 : 240))
    for (const k of order) seq[k].push((await run(k, 'seq', BATCH)) / BATCH);
  for (const order of rounds(parKinds, quick ? 2 : 24))
    for (const k of order) par[k].push(CALLS / ((await run(k, 'par', CALLS)) / 1000));
  for (const k of kinds)
    log(
      `  ${k}: round trip median ${(summary(seq[k]).median * 1000).toFixed(1)} us${par[k] ? `, ${summary(par[k]).median.toFixed(0)} calls/s` : ''}`,
    );

  const hs = { sdk: [], penpal: [] };
  const hsReps = quick ? 2 : 20;
  await page.evaluate(() => window.bench.handshake('sdk'));
  await page.evaluate(() => window.bench.handshake('penpal'));
  for (const order of rounds(['sdk', 'penpal'], hsReps))
    for (const k of order) hs[k].push(await page.evaluate((x) => window.bench.handshake(x), k));
  // in-page: the bridge's own JavaScript per call, without the process hop (same interleaving)
  const inPage = { sdk: [], bare: [] };
  for (const order of rounds(['sdk', 'bare'], quick ? 2 : 20))
    for (const k of order)
      inPage[k].push((await page.evaluate(([x, n]) => window.bench.inPage(x, n), [k, CALLS])) / CALLS);
  if (page.errors.length) throw page.errors[0];
  await page.close();

  // The ratio of a row is the median of per-round ratios (each pair ran back to back).
  // A ratio budget: ours/peer at most `limit` (below it when `strict`). It is undecided when the
  // run's 95 % interval of the ratio spans the limit: the same noise could print either verdict.
  const row = (name, unit, better, ours, peerName, peer, { budget, limit, strict, ...extra } = {}) => {
    const [lo, hi] = ratioSpread(ours, peer);
    const ratio = pairedRatio(ours, peer);
    const ci = ratioInterval(ours, peer);
    return {
      group: 'rpc',
      name,
      unit,
      better,
      ours: summary(ours, better),
      peer: { name: peerName, ...summary(peer, better) },
      ratio: +ratio.toFixed(3),
      ratioIqr: [+lo.toFixed(3), +hi.toFixed(3)],
      ratioCi95: ci.map((x) => +x.toFixed(3)),
      ...(budget && {
        budget: {
          text: budget,
          ok: strict ? ratio < limit : ratio <= limit,
          undecided: ci[0] <= limit && ci[1] >= limit,
        },
      }),
      ...extra,
      note: `ours/peer is the median of ${ours.length} per-round ratios (interquartile ${lo.toFixed(2)}-${hi.toFixed(2)}; 95 % interval of the median ${ci.map((x) => x.toFixed(3)).join('-')})${extra.note ? `; ${extra.note}` : ''}`,
    };
  };
  const overheadUs = (summary(inPage.sdk).median - summary(inPage.bare).median) * 1000;
  const bareUs = summary(seq.bare).median * 1000;
  log(
    `  in-page: bridge ${(summary(inPage.sdk).median * 1000).toFixed(1)} us, bare ${(summary(inPage.bare).median * 1000).toFixed(1)} us per call: the bridge's own cost ${overheadUs.toFixed(1)} us = ${((100 * overheadUs) / bareUs).toFixed(1)}% of the cross-site bare round trip`,
  );
  return [
    row(
      'handshake: iframe created -> plugin holds its context',
      'ms',
      'lower',
      hs.sdk,
      'penpal 7 (connect + getContext)',
      hs.penpal,
    ),
    row(
      `RPC round trip (sequential calls in batches of ${BATCH}, per call)`,
      'ms',
      'lower',
      seq.sdk,
      'bare MessagePort (same frame)',
      seq.bare,
      { budget: 'within 3% of bare', limit: 1.03 },
    ),
    row(
      `RPC round trip (sequential calls in batches of ${BATCH}, per call)`,
      'ms',
      'lower',
      seq.sdk,
      'bare MessagePort + await per call',
      seq['bare-await'],
      {
        note: 'the control any promise-based API pays: the bare port, awaiting a promise per call',
      },
    ),
    row(
      `RPC round trip (sequential calls in batches of ${BATCH}, per call)`,
      'ms',
      'lower',
      seq.sdk,
      'penpal 7',
      seq.penpal,
      { budget: 'faster than Penpal', limit: 1, strict: true },
    ),
    row(
      `RPC throughput (${CALLS} concurrent calls)`,
      'calls/s',
      'higher',
      par.sdk,
      'bare MessagePort (same frame)',
      par.bare,
    ),
    row(`RPC throughput (${CALLS} concurrent calls)`, 'calls/s', 'higher', par.sdk, 'penpal 7', par.penpal),
    row(
      `RPC round trip, both ends in the page (no process hop; per call)`,
      'ms',
      'lower',
      inPage.sdk,
      'bare MessageChannel',
      inPage.bare,
      {
        note: `the bridge's own work: ${overheadUs.toFixed(1)} us per call = ${((100 * overheadUs) / bareUs).toFixed(1)}% of the cross-site bare round trip`,
      },
    ),
  ];
}
