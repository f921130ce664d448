/**
 * Collects pushed notifications into bursts so a screen reader hears one summary
 * ("5 uutta ilmoitusta") instead of five titles read one after another.
 * @module
 */

/** Quiet time after the last push before a burst is announced, ms. */
const QUIET = 1000;
/** A steady trickle must still be heard now and then, not held back forever: ms after the first push. */
const MAX_WAIT = 3000;

/** Debounced batching: flushes `QUIET` ms after the last push, or `MAX_WAIT` ms after the first. */
export class BurstCollector<T> {
  #items: T[] = [];
  #quietTimer: ReturnType<typeof setTimeout> | undefined;
  #maxTimer: ReturnType<typeof setTimeout> | undefined;
  #onBurst: (items: T[]) => void;

  constructor(onBurst: (items: T[]) => void) {
    this.#onBurst = onBurst;
  }

  push(items: readonly T[]): void {
    if (!items.length) return;
    this.#items.push(...items);
    clearTimeout(this.#quietTimer);
    this.#quietTimer = setTimeout(() => this.flush(), QUIET);
    this.#maxTimer ??= setTimeout(() => this.flush(), MAX_WAIT);
  }

  /** Announce what is pending now. */
  flush(): void {
    const items = this.#items;
    this.clear();
    if (items.length) this.#onBurst(items);
  }

  /** Forget pending items without announcing them (the element left the page). */
  clear(): void {
    clearTimeout(this.#quietTimer);
    clearTimeout(this.#maxTimer);
    this.#quietTimer = this.#maxTimer = undefined;
    this.#items = [];
  }
}
