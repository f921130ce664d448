/**
 * React wrappers (`@lit/react`) for the DigiOne widgets and the platform provider, for vendors whose
 * own app is written in React:
 *
 * ```js
 * import { Platform, LoginBar, ClassPicker } from '@digione/ui/react.js';
 * <Platform issuer={issuer} clientId="digione-portal" api={api}>
 *   <LoginBar onSignOut={() => track('sign-out')} />
 *   <ClassPicker onGroupChange={(e) => setGroup(e.detail.group)} />
 * </Platform>
 * ```
 *
 * Importing this module registers the elements (the platform provider first, so the widgets find
 * it when they connect). It is a separate entry on purpose: `index.ts` and `all.ts` never import
 * it, so pages without React never download React or `@lit/react`.
 * @module
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { D1Platform, type AuthChangeDetail } from '@digione/platform';
import '@digione/platform/define/d1-platform.js';
import './define/d1-login-bar.js';
import './define/d1-class-picker.js';
import './define/d1-notification-tray.js';
import {
  D1LoginBar,
  type LoginBarLocaleChangeDetail,
  type LoginBarRoleChangeDetail,
} from './login-bar/login-bar.js';
import { D1ClassPicker, type GroupChangeEvent } from './class-picker/class-picker.js';
import { D1NotificationTray } from './notification-tray/notification-tray.js';
import type {
  NotificationDismissDetail,
  NotificationOpenDetail,
  NotificationReadDetail,
} from './notification-tray/events.js';

/** `<d1-platform>`: `issuer`, `clientId`, `api`, `redirectUri`; `onAuthChange`. */
export const Platform = createComponent({
  react: React,
  tagName: 'd1-platform',
  elementClass: D1Platform,
  events: {
    onAuthChange: 'd1-auth-change' as EventName<CustomEvent<AuthChangeDetail>>,
  },
  displayName: 'D1Platform',
});

/** `<d1-login-bar>`: `onSignIn`, `onSignOut`, `onRoleChange`, `onLocaleChange`. */
export const LoginBar = createComponent({
  react: React,
  tagName: 'd1-login-bar',
  elementClass: D1LoginBar,
  events: {
    onSignIn: 'd1-sign-in' as EventName<CustomEvent<void>>,
    onSignOut: 'd1-sign-out' as EventName<CustomEvent<void>>,
    onRoleChange: 'd1-role-change' as EventName<CustomEvent<LoginBarRoleChangeDetail>>,
    onLocaleChange: 'd1-locale-change' as EventName<CustomEvent<LoginBarLocaleChangeDetail>>,
  },
  displayName: 'D1LoginBar',
});

/** `<d1-class-picker>`: `value`, `groups`...; `onGroupChange`. */
export const ClassPicker = createComponent({
  react: React,
  tagName: 'd1-class-picker',
  elementClass: D1ClassPicker,
  events: {
    onGroupChange: 'd1-group-change' as EventName<GroupChangeEvent>,
  },
  displayName: 'D1ClassPicker',
});

/** `<d1-notification-tray>`: `onNotificationOpen` (and the standalone read/dismiss requests). */
export const NotificationTray = createComponent({
  react: React,
  tagName: 'd1-notification-tray',
  elementClass: D1NotificationTray,
  events: {
    onNotificationOpen: 'd1-notification-open' as EventName<CustomEvent<NotificationOpenDetail>>,
    onNotificationRead: 'd1-notification-read' as EventName<CustomEvent<NotificationReadDetail>>,
    onNotificationDismiss: 'd1-notification-dismiss' as EventName<CustomEvent<NotificationDismissDetail>>,
  },
  displayName: 'D1NotificationTray',
});
