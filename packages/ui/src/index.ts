/**
 * `@digione/ui`: the widgets vendors embed (`<d1-login-bar>`, `<d1-class-picker>`,
 * `<d1-notification-tray>`) and the design-system core they share: tokens, themes, brands,
 * localization and accessibility controllers.
 * @packageDocumentation
 */
export * from './shared/index.js';
export * from './login-bar/login-bar.js';
export * from './class-picker/class-picker.js';
export * from './notification-tray/notification-tray.js';
