// node --test reporter that only counts leaf tests (suites excluded) and writes JSON.
export default async function* countReporter(source) {
  const acc = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const d = event.data;
    if (d.details?.type === 'suite') {
      // a suite that fails outside its tests (hook, load error) still counts as one failure
      if (event.type === 'test:fail' && d.details?.error?.failureType !== 'subtestsFailed') {
        acc.failed++;
        acc.failures.push(d.name);
      }
      continue;
    }
    if (d.skip || d.todo) acc.skipped++;
    else if (event.type === 'test:pass') acc.passed++;
    else {
      acc.failed++;
      acc.failures.push(d.name);
    }
  }
  yield JSON.stringify(acc);
}
