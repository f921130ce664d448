// Order statistics for the bench: median and p95 (nearest rank), and a compact summary.

export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/**
 * `{ median, p95, min, max, n }` of the samples. For rates (higher is better) the tail that
 * matters is the slow one, so `p95` is then the 5th percentile: the value 95% of runs beat.
 */
export function summary(xs, better = 'lower') {
  return {
    median: percentile(xs, 50),
    p95: percentile(xs, better === 'higher' ? 5 : 95),
    min: Math.min(...xs),
    max: Math.max(...xs),
    n: xs.length,
  };
}

/**
 * The order of the contenders in each of n rounds: every permutation in turn (ABC, ACB, BAC, ...),
 * so each runs first, middle and last equally often and drift and order effects cancel.
 */
export function rounds(kinds, n) {
  const perms = (xs) =>
    xs.length <= 1
      ? [xs]
      : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  const all = perms(kinds);
  return Array.from({ length: n }, (_, i) => all[i % all.length]);
}

/** Median of the per-round ratios a[i] / b[i]: pairs measured back to back share the noise. */
export function pairedRatio(a, b) {
  return percentile(
    a.map((x, i) => x / b[i]),
    50,
  );
}

/** The interquartile range of the per-round ratios: how far the noise spreads the ratio. */
export function ratioSpread(a, b) {
  const r = a.map((x, i) => x / b[i]);
  return [percentile(r, 25), percentile(r, 75)];
}

/**
 * A 95 % bootstrap interval of the median per-round ratio a[i] / b[i]: how far the figure a run
 * prints could move with the same machine noise. Resamples the rounds (2,000 times, seeded, so a
 * given run's data always gives the same interval).
 */
export function ratioInterval(a, b, resamples = 2000) {
  const r = a.map((x, i) => x / b[i]);
  let seed = 0x9e3779b9;
  // mulberry32: small, seeded, good enough to pick rounds
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const medians = Array.from({ length: resamples }, () =>
    percentile(
      r.map(() => r[Math.floor(random() * r.length)]),
      50,
    ),
  );
  return [percentile(medians, 2.5), percentile(medians, 97.5)];
}
