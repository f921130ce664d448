/**
 * `DismissController`: close a popup on Escape, on a pointer press outside, or when focus leaves
 * the element; after Escape focus returns to the control that opened it.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Why a popup closed. */
export type DismissReason = 'escape' | 'outside' | 'focusout';

/** Options of {@link DismissController}. */
export interface DismissOptions {
  /** Whether the popup is open now. */
  isOpen(): boolean;
  /** Close it (set state; the host re-renders). */
  close(reason: DismissReason): void;
  /** The control that opened the popup: focus returns here after Escape. */
  trigger(): HTMLElement | null | undefined;
  /** Close when focus moves out of the host (Tab away). Default true; a menu button wants it, a dialog not. */
  closeOnFocusOut?: boolean;
}

/** True when `node` is `host` or inside it, across shadow roots. */
export function composedContains(host: Element, node: Node | null): boolean {
  while (node) {
    if (node === host) return true;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return false;
}

/**
 * ```ts
 * #dismiss = new DismissController(this, {
 *   isOpen: () => this.open,
 *   close: () => (this.open = false),
 *   trigger: () => this.renderRoot.querySelector('button'),
 * });
 * ```
 * Escape is handled (and stopped) only while open, so an outer dialog does not close too. A press
 * outside closes without moving focus: the user is already going somewhere else.
 */
export class DismissController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #options: DismissOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: DismissOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#listen('addEventListener');
  }

  hostDisconnected(): void {
    this.#listen('removeEventListener');
  }

  /** Adds or removes the three listeners: one list, so the two can never disagree. */
  #listen(method: 'addEventListener' | 'removeEventListener'): void {
    const host = this.#host;
    host[method]('keydown', this.#onKeydown as EventListener);
    host[method]('focusout', this.#onFocusout as EventListener);
    host.ownerDocument[method]('pointerdown', this.#onPointerdown as EventListener, true);
  }

  /** Close as Escape does: close, then focus the trigger. */
  dismiss(reason: DismissReason = 'escape'): void {
    const trigger = this.#options.trigger();
    this.#options.close(reason);
    if (reason === 'escape') trigger?.focus();
  }

  #onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || !this.#options.isOpen()) return;
    e.preventDefault();
    e.stopPropagation();
    this.dismiss();
  };

  #onPointerdown = (e: PointerEvent) => {
    if (!this.#options.isOpen() || e.composedPath().includes(this.#host)) return;
    this.#options.close('outside');
  };

  #onFocusout = (e: FocusEvent) => {
    if (this.#options.closeOnFocusOut === false || !this.#options.isOpen()) return;
    const to = e.relatedTarget as Node | null;
    // null: the window lost focus (another app, devtools); the popup stays for when they return
    if (to && !composedContains(this.#host, to)) this.#options.close('focusout');
  };
}
