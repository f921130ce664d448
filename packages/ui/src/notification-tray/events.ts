/**
 * Typed events of `<d1-notification-tray>`.
 * @module
 */
import type { Notification } from '@digione/context';

/**
 * Standalone requests carry `waitUntil(promise)`: a host that saves the change hands the tray its
 * promise, and a rejection rolls the optimistic change back with a visible message. Calling
 * `preventDefault()` refuses the change at once.
 */
export interface TrayRequestDetail {
  /** Hand the tray the promise of saving the change; a rejection rolls it back with a message. */
  waitUntil(promise: Promise<unknown>): void;
}

/** `d1-notification-read`: notifications marked read (`all` when "mark all read" was used). */
export interface NotificationReadDetail extends TrayRequestDetail {
  ids: string[];
  all: boolean;
}

/** `d1-notification-dismiss`: a notification dismissed. */
export interface NotificationDismissDetail extends TrayRequestDetail {
  id: string;
  notification: Notification;
}

/**
 * `d1-notification-open`: the user followed a notification's action. Cancelable: for a real link,
 * `preventDefault()` keeps the browser from navigating (a portal routes it itself).
 */
export interface NotificationOpenDetail {
  notification: Notification;
}

declare global {
  interface HTMLElementEventMap {
    'd1-notification-open': CustomEvent<NotificationOpenDetail>;
    'd1-notification-read': CustomEvent<NotificationReadDetail>;
    'd1-notification-dismiss': CustomEvent<NotificationDismissDetail>;
  }
}
