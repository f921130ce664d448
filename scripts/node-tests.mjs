// Node-side tests (devkit, mappers' fuzzing, end-to-end with playwright-core) through node's runner.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

// Node 20 has no fs.globSync: walk the test folders for *.test.mjs
function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? findTests(join(dir, e.name)) : e.name.endsWith('.test.mjs') ? [join(dir, e.name)] : [],
  );
}
const roots = ['test/node', 'test/e2e', ...readdirSync('packages').map((p) => join('packages', p, 'test'))];

const files = process.argv.slice(2).length ? process.argv.slice(2) : roots.flatMap(findTests).sort();
if (!files.length) {
  console.log('no node test files');
  process.exit(0);
}
mkdirSync('test-results', { recursive: true });
const r = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-count-reporter.mjs',
    '--test-reporter-destination=test-results/node.json',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
