// `npm test`: install what is missing, type-check, lint, build, check size budgets, then run every
// test runner, and finish with one combined `N passed, N failed` line. Exit non-zero on any failure.
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { ensureChromium, ensureDependencies, run } from './ensure.mjs';

ensureDependencies();
process.env.CHROME_PATH = ensureChromium();

const only = process.argv.slice(2); // e.g. `npm test -- browser` runs only that stage
const stages = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['build', 'node', ['scripts/build.mjs']],
  ['size', 'node', ['scripts/size.mjs']],
  ['browser', 'npx', ['wtr']],
  ['node', 'node', ['scripts/node-tests.mjs']],
];

rmSync('test-results/wtr.json', { force: true });
rmSync('test-results/node.json', { force: true });
mkdirSync('test-results', { recursive: true });

const failedStages = [];
for (const [name, cmd, args] of stages) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const code = run(cmd, args);
  console.log(`=== ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) failedStages.push(name);
  // without types, lint and a build, the test runs below would only report noise
  if (code !== 0 && ['typecheck', 'build'].includes(name)) break;
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const [stage, file] of [['browser', 'test-results/wtr.json'], ['node', 'test-results/node.json']]) {
  if (only.length && !only.includes(stage)) continue;
  if (!existsSync(file)) {
    if (!failedStages.includes(stage) && !failedStages.length) failedStages.push(`${stage} (no results)`);
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  total.passed += r.passed;
  total.failed += r.failed;
  total.skipped += r.skipped;
  for (const f of r.failures ?? []) console.log(`  ✗ ${stage}: ${f}`);
  for (const f of r.brokenFiles ?? []) console.log(`  ✗ ${stage}: test file did not run cleanly: ${f}`);
}
// a failed non-test stage counts as a failed check, so the combined line never reads all-green
total.failed += failedStages.filter((s) => !['browser', 'node'].includes(s)).length;
if (failedStages.length) console.log(`\nfailed stages: ${failedStages.join(', ')}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStages.length || total.failed ? 1 : 0);
