// Storybook 10 for designers: offline (telemetry off), stories from stories/, sources of the
// workspace packages through the `source` export condition (no build step needed to preview).
import type { StorybookConfig } from '@storybook/web-components-vite';

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
    return cfg;
  },
};
export default config;
