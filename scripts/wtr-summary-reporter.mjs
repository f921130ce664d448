// A reporter that counts passed/failed tests over every session, counts a test file that failed
// to load (or a browser error) as a failure, writes the counts to JSON for scripts/test.mjs and
// prints the plain `N passed, N failed` line CI reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function count(suite, acc) {
  if (!suite) return;
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else {
      acc.failed++;
      acc.failures.push(t.name);
    }
  }
  for (const s of suite.suites ?? []) count(s, acc);
}

export function summaryReporter({ out }) {
  let acc;
  return {
    start() {
      acc = { passed: 0, failed: 0, skipped: 0, failures: [], brokenFiles: [] };
    },
    onTestRunFinished({ sessions }) {
      acc = { passed: 0, failed: 0, skipped: 0, failures: [], brokenFiles: [] };
      for (const s of sessions) {
        count(s.testResults, acc);
        const loadError = (s.errors?.length ?? 0) > 0 || (s.status === 'FINISHED' && !s.passed && !s.testResults);
        if (loadError || (!s.passed && countFailed(s.testResults) === 0)) {
          acc.failed++;
          acc.brokenFiles.push(s.testFile);
        }
      }
    },
    stop() {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(acc, null, 2));
      process.once('exit', () => {
        console.log(`browser: ${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped`);
      });
    },
  };
}

function countFailed(suite) {
  const a = { passed: 0, failed: 0, skipped: 0, failures: [] };
  count(suite, a);
  return a.failed;
}
