// The minifier settings of every bundle we measure: rollup.config.js (dist/, the size budgets)
// and the bench (test/bench/lib/bundle.mjs, ours and the peers alike), so the two cannot drift.
// Three compress passes: what the first inlines, the later ones fold (-0.1 KB on the CDN file
// against two; a fourth finds nothing more). Nothing "unsafe": booleans as integers would turn
// `true` into `1` in messages, and a plugin checking `typeof visible == 'boolean'` would break.
export const terserOptions = {
  ecma: 2022,
  module: true,
  compress: { passes: 3 },
  format: { comments: false },
};
