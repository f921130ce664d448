// Rollup bundles the `tsc -b` output (dist/), never the sources: bundling sources duplicated
// workspace packages (two context symbols, two customElements.define).
// Outputs:
//   dist/cdn/digione.js        everything a city portal page needs, one file, no build step
//   dist/size/<name>.js        per-package production bundles, only for the size budgets
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { existsSync } from 'node:fs';
import { minifyCss } from './scripts/rollup-minify-css.mjs';
import { terserOptions } from './scripts/terser-options.mjs';

const plugins = () => [
  minifyCss(),
  nodeResolve({ exportConditions: ['production', 'browser', 'import', 'default'] }),
  terser(terserOptions),
];
const onwarn = (w, warn) => {
  if (w.code === 'THIS_IS_UNDEFINED' || w.code === 'CIRCULAR_DEPENDENCY') return;
  warn(w);
};

/** Size bundles: what a vendor downloads for each package, all of it. */
const sizeEntries = {
  'plugin-sdk': 'packages/plugin-sdk/dist/index.js',
  bridge: 'packages/bridge/dist/index.js',
  context: 'packages/context/dist/index.js',
  platform: 'packages/platform/dist/all.js',
  ui: 'packages/ui/dist/all.js',
  'plugin-host': 'packages/plugin-host/dist/all.js',
  shell: 'packages/shell/dist/all.js',
};
const config = [];
for (const [name, input] of Object.entries(sizeEntries)) {
  if (!existsSync(input)) continue;
  config.push({
    input,
    // "ui without platform": the platform package is measured on its own
    external: name === 'ui' ? (id) => id === '@digione/platform' || id.startsWith('@digione/platform/') : [],
    output: { file: `dist/size/${name}.js`, format: 'es', inlineDynamicImports: true },
    plugins: plugins(),
    onwarn,
  });
}
if (existsSync('packages/shell/dist/cdn.js')) {
  config.push({
    input: 'packages/shell/dist/cdn.js',
    output: { file: 'dist/cdn/digione.js', format: 'es', inlineDynamicImports: true, sourcemap: true },
    plugins: plugins(),
    onwarn,
  });
}
export default config;
