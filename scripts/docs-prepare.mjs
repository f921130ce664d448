// What `npm run storybook`, `npm run build:storybook` and `npm run docs` need on a fresh clone:
// dependencies, the custom elements manifest (+ VS Code data; Storybook's controls and autodocs read
// it) and, for typedoc (`--types`), the packages' declaration files (tsc -b, incremental).
import { ensureDependencies, run } from './ensure.mjs';

ensureDependencies();
const steps = [['npx', ['cem', 'analyze', '--quiet', '--config', 'custom-elements-manifest.config.mjs']]];
if (process.argv.includes('--types')) steps.unshift(['npx', ['tsc', '-b']]);
for (const [cmd, args] of steps) {
  const code = run(cmd, args);
  if (code !== 0) process.exit(code);
}
