// @custom-elements-manifest/analyzer: one source of element API docs (JSDoc tags) for Storybook
// controls/autodocs, the docs site and editors (VS Code custom data is written beside it).
import { statesAreNotAttributes, tagNamesFromDefineModules, vscodeCustomData } from './scripts/docs-cem-plugins.mjs';

export default {
  globs: ['packages/{ui,platform,plugin-host,shell}/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/define/**', '**/all.ts', '**/cdn.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [statesAreNotAttributes(), tagNamesFromDefineModules(), vscodeCustomData()],
};
