// Storybook 10 for designers: offline (telemetry off), stories from stories/, sources of the
// workspace packages through the `source` export condition (no build step needed to preview).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const MANIFEST = fileURLToPath(new URL('../custom-elements.json', import.meta.url));
const MANIFEST_ID = 'virtual:d1-elements-manifest';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(cfg) {
    cfg.resolve ??= {};
    cfg.resolve.conditions = ['source', 'development', 'browser', 'module', 'import', 'default'];
    // Module plugins are loaded by URL (`new URL('./plugin.js', import.meta.url)`): never inline a
    // script as a data: URL, the plugin host accepts http(s) module URLs only.
    cfg.build ??= {};
    cfg.build.assetsInlineLimit = (file: string) => (/\.m?js$/.test(file) ? false : undefined);
    // The custom elements manifest is generated (gitignored), so preview.ts imports it through a
    // virtual module: type-checking a fresh clone needs no generated file (.storybook/manifest.d.ts).
    cfg.plugins ??= [];
    cfg.plugins.push({
      name: 'd1-elements-manifest',
      resolveId: (id: string) => (id === MANIFEST_ID ? `\0${MANIFEST_ID}` : null),
      load(id: string) {
        if (id !== `\0${MANIFEST_ID}`) return null;
        if (!existsSync(MANIFEST))
          throw new Error('custom-elements.json is missing: run `npm run build` first');
        this.addWatchFile(MANIFEST);
        return `export default ${readFileSync(MANIFEST, 'utf8')};`;
      },
    });
    return cfg;
  },
};
export default config;
