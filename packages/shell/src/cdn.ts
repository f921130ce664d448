// Entry of dist/cdn/digione.js: everything a city portal page needs, registered, in one file,
// with the public API of each package for pages without a build step.
export * from './all.js';
export * from '@digione/context';
export { D1Platform, createPlatform } from '@digione/platform';
export {
  D1LoginBar,
  D1ClassPicker,
  D1NotificationTray,
  applyBrand,
  applyTheme,
  ensureThemeStyles,
} from '@digione/ui';
export { D1PluginHost, PluginRegistry, registryContext, validateManifest } from '@digione/plugin-host';
