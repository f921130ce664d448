/**
 * `fire`: how every DigiOne element dispatches its events.
 * @module
 */

/**
 * Dispatch a bubbling, composed `CustomEvent` (it crosses shadow roots, so a page listening on an
 * ancestor hears it); cancelable unless `cancelable` is false. Returns false when a listener
 * called `preventDefault()`.
 */
export function fire(host: HTMLElement, type: string, detail?: unknown, cancelable = true): boolean {
  return host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
