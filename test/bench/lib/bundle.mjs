// One bundler setup for everything the bench measures or serves, so our packages and the peers
// are treated alike: the plugins of the repository's rollup.config.js (Lit CSS minifier,
// node-resolve with production/browser conditions, terser with its settings), plus commonjs
// (post-robot and zoid ship CommonJS/UMD) and NODE_ENV=production for every package.
// Our packages are bundled from their `tsc -b` output (dist/), never from sources (TOOLCHAIN.md 8).
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { minifyCss } from '../../../scripts/rollup-minify-css.mjs';
import { terserOptions } from '../../../scripts/terser-options.mjs';

export const plugins = (minify = true) => [
  minifyCss(),
  replace({
    preventAssignment: true,
    values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'process.env.ZOID_FRAME_ONLY': 'true' },
  }),
  nodeResolve({ exportConditions: ['production', 'browser', 'import', 'default'] }),
  commonjs(),
  ...(minify ? [terser(terserOptions)] : []),
];

const onwarn = (w, warn) => {
  if (['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY', 'EVAL', 'MODULE_LEVEL_DIRECTIVE'].includes(w.code)) return;
  warn(w);
};

/**
 * Bundle `input` to `file` (one ES module, dynamic imports inlined); `external` as rollup takes it.
 * `minify: false` for bench pages only (their size is not measured; terser costs seconds).
 */
export async function bundle(input, file, { external, minify = true } = {}) {
  const b = await rollup({ input, plugins: plugins(minify), onwarn, ...(external ? { external } : {}) });
  try {
    await b.write({ file, format: 'es', inlineDynamicImports: true });
  } finally {
    await b.close();
  }
  return file;
}

/** min and min+gzip (level 9, as scripts/size.mjs) of a file, in bytes. */
export function sizeOf(file) {
  const buf = readFileSync(file);
  return { min: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}
