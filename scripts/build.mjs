// `npm run build`: types and ES modules per package (tsc -b), then the rollup bundles.
import { run } from './ensure.mjs';

const steps = [
  ['npx', ['tsc', '-b']],
  ['npx', ['rollup', '-c', '--silent']],
  // the custom elements manifest: Storybook controls/autodocs and editors read it
  ['npx', ['cem', 'analyze', '--quiet', '--config', 'custom-elements-manifest.config.mjs']],
  // the examples with a build step: the vendor's React app and the exercise plugin (examples/)
  ['npx', ['rollup', '-c', 'examples/rollup.config.mjs', '--silent']],
];
for (const [cmd, args] of steps) {
  const code = run(cmd, args);
  if (code !== 0) process.exit(code);
}
