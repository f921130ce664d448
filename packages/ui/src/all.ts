// Everything the package offers, define modules included: the size-budget entry.
export * from './index.js';
import './define/d1-login-bar.js';
import './define/d1-class-picker.js';
import './define/d1-notification-tray.js';
