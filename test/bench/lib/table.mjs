// The printed table (and the markdown one for docs/benchmarks.md).

const num = (x, unit) => {
  if (x == null || Number.isNaN(x)) return '-';
  if (unit === 'calls/s' || unit === 'req/s') return Math.round(x).toLocaleString('en-US');
  if (unit === 'KB' || unit === 'MB') return x.toFixed(2);
  if (unit === 'frames') return String(x);
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3);
};

/** "median / p95" for samples, or the single value. */
export function cell(v, unit) {
  if (!v) return '-';
  if (v.value !== undefined) return num(v.value, unit);
  return v.p95 !== undefined && v.n > 1
    ? `${num(v.median, unit)} / ${num(v.p95, unit)}`
    : num(v.median, unit);
}

export function columns(r) {
  if (r.error) return [r.name, 'ERROR', '', '', '', '', r.error.slice(0, 60)];
  const ratio = r.ratio == null ? '-' : `${r.ratio.toFixed(2)}x`;
  // undecided: the run's 95 % interval spans the limit, so the verdict is the noise's as much as ours
  const verdict = r.budget
    ? `${r.budget.ok ? 'ok' : 'MISSED'}${r.budget.undecided ? ' (undecided)' : ''}: ${r.budget.text}`
    : '';
  return [
    r.name,
    r.unit ?? '',
    cell(r.ours, r.unit),
    r.peer?.name ?? '',
    cell(r.peer, r.unit),
    ratio,
    verdict,
  ];
}

const HEAD = ['row', 'unit', 'ours (median / p95)', 'peer', 'peer (median / p95)', 'ours/peer', 'budget'];

export function table(rows) {
  const body = rows.map(columns);
  const w = HEAD.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (r) =>
    r
      .map((c, i) => String(c).padEnd(w[i]))
      .join('  ')
      .trimEnd();
  return [line(HEAD), w.map((n) => '-'.repeat(n)).join('  '), ...body.map(line)].join('\n');
}

/** The table with a notes column and when each row was measured (load average at the time). */
export function markdown(rows) {
  const esc = (s) => String(s).replaceAll('|', '\\|');
  const head = [...HEAD, 'notes', 'measured (load)'];
  const when = (r) => (r.at ? `${r.at.slice(11, 16)} UTC (${r.load})` : '');
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${[...columns(r), r.note ?? '', when(r)].map(esc).join(' | ')} |`),
  ].join('\n');
}
