/**
 * `@digione/ui`: the widgets vendors embed (`<d1-login-bar>`, `<d1-class-picker>`,
 * `<d1-notification-tray>`) and the design-system core they share: tokens, themes, brands,
 * localization and accessibility controllers.
 * @packageDocumentation
 */
// Public theming and formatting API for pages and portals. Only these, not the whole shared core:
// everything exported here lands in every vendor's bundle (the 30 KB budget). Element authors and
// tools import the rest from `@digione/ui/shared/index.js` (controllers, styles, catalogs,
// contrast checks).
export {
  ensureThemeStyles,
  themeCss,
  applyTheme,
  themeNameFor,
  applyBrand,
  brandToCss,
  BrandError,
  type Brand,
  type BrandToken,
  type ThemeName,
  type ColorToken,
} from './shared/index.js';
export * from './login-bar/login-bar.js';
export * from './class-picker/class-picker.js';
export * from './notification-tray/notification-tray.js';
