/**
 * `AnnouncerController`: speak to screen readers through live regions that already exist.
 *
 * One polite and one assertive region per document, created the first time any element with an
 * announcer connects, never at the moment of announcing (a region created with its text is often
 * not read). They live in `document.body`, outside every shadow root, visually hidden. To read
 * identical text again the region is emptied and refilled a frame later; messages that arrive in
 * the same frame are read together.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options of {@link AnnouncerController.announce}. */
export interface AnnounceOptions {
  /** Interrupt: only for errors the user must hear now. Default polite. */
  assertive?: boolean;
}

/** Milliseconds after which an announced text is cleared, so a virtual cursor does not find stale text. */
export const ANNOUNCE_CLEAR_MS = 7000;

class Region {
  readonly el: HTMLElement;
  #pending: string[] = [];
  #frame = 0;
  #clear = 0;

  constructor(doc: Document, politeness: 'polite' | 'assertive') {
    const el = doc.createElement('div');
    el.setAttribute('aria-live', politeness);
    el.setAttribute('aria-atomic', 'true');
    // role=status/alert would add implicit semantics some readers double-announce; aria-live alone is enough
    el.dataset.d1Announcer = politeness;
    el.style.cssText =
      'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0;';
    doc.body.append(el);
    this.el = el;
  }

  say(text: string): void {
    this.#pending.push(text);
    if (this.#frame) return;
    clearTimeout(this.#clear);
    this.el.textContent = '';
    // set in a later frame than the clear, so an identical text is a change and is read again
    this.#frame = requestAnimationFrame(() => {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.el.textContent = this.#pending.join(' ');
        this.#pending = [];
        this.#clear = window.setTimeout(() => (this.el.textContent = ''), ANNOUNCE_CLEAR_MS);
      });
    });
  }
}

type Regions = { polite: Region; assertive: Region };
const regions = new WeakMap<Document, Regions>();

/** The document's two regions, made again if the page removed either. */
function live(doc: Document): Regions {
  let r = regions.get(doc);
  if (!r || !r.polite.el.isConnected || !r.assertive.el.isConnected) {
    r = { polite: new Region(doc, 'polite'), assertive: new Region(doc, 'assertive') };
    regions.set(doc, r);
  }
  return r;
}

/** The document's two live regions, created on first use (call early: on connect). */
export function ensureLiveRegions(doc: Document = document): { polite: HTMLElement; assertive: HTMLElement } {
  const r = live(doc);
  return { polite: r.polite.el, assertive: r.assertive.el };
}

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
    live(this.#host.ownerDocument);
  }

  /** Read `text` to screen reader users; the same text twice is read twice. */
  announce(text: string, options: AnnounceOptions = {}): void {
    if (!text.trim()) return;
    live(this.#host.ownerDocument)[options.assertive ? 'assertive' : 'polite'].say(text);
  }
}
