/**
 * A ResizeObserver whose callbacks run in the next animation frame, for the class picker's
 * virtualizer.
 *
 * Why: the virtualizer measures its rows in a ResizeObserver callback and then resizes its host,
 * an ancestor of those rows, in the same frame. The browser cannot deliver that shallower change
 * in the same frame, skips it and reports "ResizeObserver loop completed with undelivered
 * notifications" to `window.onerror` (a vendor's error monitoring logs it on every open). Run a
 * frame later, the host change is an ordinary change of the next frame. The rows are placed
 * from the layout's size estimate meanwhile; after the first measurements those are exact.
 * @module
 */
import { provideResizeObserver } from '@lit-labs/virtualizer/polyfillLoaders/ResizeObserver.js';

class FrameResizeObserver implements ResizeObserver {
  #observer: ResizeObserver;
  #pending: ResizeObserverEntry[] = [];
  #frame = 0;

  constructor(callback: ResizeObserverCallback) {
    this.#observer = new ResizeObserver((entries) => {
      this.#pending.push(...entries);
      if (this.#frame) return;
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        const batch = this.#pending;
        this.#pending = [];
        callback(batch, this);
      });
    });
  }

  observe(target: Element, options?: ResizeObserverOptions): void {
    this.#observer.observe(target, options);
  }

  unobserve(target: Element): void {
    this.#observer.unobserve(target);
    this.#pending = this.#pending.filter((e) => e.target !== target);
  }

  disconnect(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#pending = [];
    this.#observer.disconnect();
  }
}

/**
 * Run `fn` (a render that may create a virtualizer) with frame-deferred observers, then give the
 * virtualizer module back the native ResizeObserver, so other virtualizers on the page are not
 * affected.
 */
export function withFrameResizeObserver(fn: () => void): void {
  provideResizeObserver(FrameResizeObserver);
  try {
    fn();
  } finally {
    provideResizeObserver(globalThis.ResizeObserver);
  }
}
