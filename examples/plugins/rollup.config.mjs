// The exercise plugin is bundled as a vendor would bundle theirs: its source imports
// `@digione/plugin-sdk` by name, rollup resolves it (the package's built ES module) and writes
// one self-contained file the plugin's page loads. The timetable module plugin needs no build.
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default [
  {
    input: here('exercise/src/main.js'),
    output: { file: here('exercise/dist/exercise.js'), format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['production', 'browser', 'import', 'default'] }),
      terser({ ecma: 2022, module: true }),
    ],
  },
];
