// Entry of dist/cdn/digione.js: everything a city portal page needs, registered, in one file,
// with the public API of each package for pages without a build step. Only what such a page calls
// at run time: a page that maps OneRoster data or validates claims itself has a build step and
// imports @digione/context directly.
export * from './all.js';
export {
  ContextStore,
  createPlatformStore,
  emptyContext,
  defaultTheme,
  storeContext,
  servicesContext,
  localeFor,
  uiLang,
  pickText,
  UI_LANGS,
  TIME_ZONE,
  PERMISSIONS,
  toPluginContext,
  MappingError,
} from '@digione/context';
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
