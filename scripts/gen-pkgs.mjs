// one-off generator for the workspace package manifests (kept for reference)
import { writeFileSync, mkdirSync } from 'node:fs';
const V = '0.1.0';
const pk = (name, desc, deps, extra = {}) => ({
  name: `@digione/${name}`,
  version: V,
  description: desc,
  type: 'module',
  license: 'EUPL-1.2',
  main: './dist/index.js',
  module: './dist/index.js',
  types: './dist/index.d.ts',
  exports: {
    '.': { types: './dist/index.d.ts', source: './src/index.ts', default: './dist/index.js' },
    './*.js': { types: './dist/*.d.ts', source: './src/*.ts', default: './dist/*.js' },
    './package.json': './package.json',
  },
  files: ['dist', 'src', '!dist/**/*.tsbuildinfo'],
  sideEffects: false,
  dependencies: deps,
  ...extra,
});
const W = '0.1.0';
const pkgs = {
  context: pk('context', 'DigiOne shared context: data model, ContextStore, Lit context keys, mappers.', { '@lit/context': '^1.1.6' }),
  bridge: pk('bridge', 'DigiOne host<->plugin wire protocol, version 1.', {}),
  platform: pk('platform', 'DigiOne platform clients: OIDC session, OneRoster, notifications, plugin sessions; <d1-platform>.', {
    '@digione/context': W, 'oidc-client-ts': '^3.5.0', lit: '^3.3.3', '@lit/context': '^1.1.6', tslib: '^2.9.1',
  }, { sideEffects: ['./dist/define/*.js', './src/define/*.ts'] }),
  'plugin-sdk': pk('plugin-sdk', 'What a vendor imports inside a DigiOne plugin: connect() -> PluginClient.', { '@digione/bridge': W }),
  'plugin-host': pk('plugin-host', 'DigiOne plugin host: <d1-plugin-host>, manifests, permissions, runtimes.', {
    '@digione/bridge': W, '@digione/context': W, lit: '^3.3.3', '@lit/context': '^1.1.6', tslib: '^2.9.1',
  }, { sideEffects: ['./dist/define/*.js', './src/define/*.ts'] }),
  ui: pk('ui', 'DigiOne widgets: <d1-login-bar>, <d1-class-picker>, <d1-notification-tray>; tokens, themes, fi/sv/en.', {
    '@digione/context': W, '@digione/platform': W, lit: '^3.3.3', '@lit/context': '^1.1.6', tslib: '^2.9.1',
  }, { sideEffects: ['./dist/define/*.js', './src/define/*.ts'], customElements: '../../custom-elements.json' }),
  shell: pk('shell', 'DigiOne city portal shell: <d1-shell>.', {
    '@digione/ui': W, '@digione/plugin-host': W, '@digione/platform': W, '@digione/context': W, lit: '^3.3.3', '@lit/context': '^1.1.6', tslib: '^2.9.1',
  }, { sideEffects: ['./dist/define/*.js', './src/define/*.ts'] }),
  devkit: pk('devkit', 'DigiOne local platform for development and tests (Node only): OIDC, OneRoster, notifications, plugins.', {
    '@digione/context': W, 'oidc-provider': '^9.13.3', jose: '^6.2.0',
  }, { bin: { 'digione-dev': './bin/digione-dev.js' }, files: ['dist', 'src', 'bin', 'static'] }),
};
for (const [dir, p] of Object.entries(pkgs)) {
  mkdirSync(`packages/${dir}/src`, { recursive: true });
  writeFileSync(`packages/${dir}/package.json`, JSON.stringify(p, null, 2) + '\n');
  const refs = Object.keys(p.dependencies).filter((d) => d.startsWith('@digione/')).map((d) => ({ path: `../${d.slice(9)}` }));
  const co = { rootDir: 'src', outDir: 'dist', tsBuildInfoFile: 'dist/.tsbuildinfo' };
  if (dir === 'devkit') Object.assign(co, { module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: ['node'] });
  writeFileSync(`packages/${dir}/tsconfig.json`, JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: co, include: ['src'], references: refs }, null, 2) + '\n');
}
