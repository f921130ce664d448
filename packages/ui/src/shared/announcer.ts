/**
 * `AnnouncerController`: speak to screen readers through the page's live regions, which are made
 * when the element connects (`ensureLiveRegions` and `announce` of `@digione/context`, shared with
 * `<d1-plugin-host>`: messages of both in one frame are read together).
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { announce, ensureLiveRegions } from '@digione/context';
import { nearestLang } from './lang-observer.js';

/** Options of {@link AnnouncerController.announce}. */
export interface AnnounceOptions {
  /** Interrupt: only for errors the user must hear now. Default polite. */
  assertive?: boolean;
}

export { ANNOUNCE_CLEAR_MS, ensureLiveRegions } from '@digione/context';

/**
 * Announce through the shared live regions. `announce(text)` is polite; `{ assertive: true }` is
 * for errors only. (Bursts are folded into one summary by the element that knows what they are:
 * the notification tray's BurstCollector.)
 */
export class AnnouncerController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    ensureLiveRegions(this.#host.ownerDocument);
  }

  /** Read `text` to screen reader users; the same text twice is read twice. */
  announce(text: string, options: AnnounceOptions = {}): void {
    // in the host's language: the one it says it speaks (LocaleController marks it) or the page's
    announce(this.#host.ownerDocument, text, options.assertive, nearestLang(this.#host));
  }
}
