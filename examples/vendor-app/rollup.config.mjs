// Oppimo's own React page, built with the project's tooling: rollup resolves the SDK's React
// wrappers (`@digione/ui/react.js`, built ES modules), React (CommonJS, production build) and
// writes one file. No JSX, so no compiler: `React.createElement` as `h`.
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default [
  {
    input: here('src/main.js'),
    output: { file: here('dist/app.js'), format: 'es', sourcemap: true },
    plugins: [
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      nodeResolve({ browser: true, exportConditions: ['production', 'browser', 'import', 'default'] }),
      commonjs(),
      // mangle and strip comments, skip the slow compress pass: the build stays a few seconds
      terser({ ecma: 2022, module: true, compress: false, format: { comments: false } }),
    ],
    onwarn(w, warn) {
      if (w.code === 'THIS_IS_UNDEFINED' || w.code === 'CIRCULAR_DEPENDENCY') return;
      warn(w);
    },
  },
];
