// Everything a portal page needs, registered: the platform provider first (widgets look for it
// when they connect), then the widgets, the plugin host and the shell. The size-budget entry.
import '@digione/platform/define/d1-platform.js';
import '@digione/ui/define/d1-login-bar.js';
import '@digione/ui/define/d1-class-picker.js';
import '@digione/ui/define/d1-notification-tray.js';
import '@digione/plugin-host/define/d1-plugin-host.js';
import './define/d1-shell.js';
export * from './index.js';
