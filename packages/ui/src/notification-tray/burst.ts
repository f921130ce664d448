/**
 * Collects pushed notifications into bursts so a screen reader hears one summary
 * ("5 uutta ilmoitusta") instead of five titles read one after another.
 * @module
 */

/** Debounced batching: flushes `quiet` ms after the last push, or `maxWait` ms after the first. */
export class BurstCollector<T> {
  #items: T[] = [];
  #quietTimer: ReturnType<typeof setTimeout> | undefined;
  #maxTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onBurst: (items: T[]) => void,
    private readonly quiet = 1000,
    // a steady trickle must still be heard now and then, not held back forever
    private readonly maxWait = 3000,
  ) {}

  push(items: readonly T[]): void {
    if (!items.length) return;
    this.#items.push(...items);
    clearTimeout(this.#quietTimer);
    this.#quietTimer = setTimeout(() => this.flush(), this.quiet);
    this.#maxTimer ??= setTimeout(() => this.flush(), this.maxWait);
  }

  /** Announce what is pending now. */
  flush(): void {
    this.cancel();
    const items = this.#items;
    this.#items = [];
    if (items.length) this.onBurst(items);
  }

  /** Drop what is pending (the element left the page). */
  cancel(): void {
    clearTimeout(this.#quietTimer);
    clearTimeout(this.#maxTimer);
    this.#quietTimer = this.#maxTimer = undefined;
  }

  /** Forget pending items without announcing them. */
  clear(): void {
    this.cancel();
    this.#items = [];
  }
}
