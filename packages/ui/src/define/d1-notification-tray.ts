import { D1NotificationTray } from '../notification-tray/notification-tray.js';
if (!customElements.get('d1-notification-tray'))
  customElements.define('d1-notification-tray', D1NotificationTray);
