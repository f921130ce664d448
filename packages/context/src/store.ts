/**
 * A small, framework-free observable store.
 *
 * Guarantees the widgets and the plugin host rely on:
 * - notification is synchronous and in subscription order;
 * - no lost updates: an `update()` made by a listener while another update is being dispatched is
 *   queued, and every listener sees every state in order (never a newer state, then an older one);
 * - unsubscribing (even oneself, even another listener) during dispatch is safe: a listener that
 *   was removed is not called again, and one added during dispatch starts with the next change.
 * @module
 */

/** Called with the new state and the previous one. */
export type Listener<T> = (state: Readonly<T>, previous: Readonly<T>) => void;

/** Framework-free state container shared by every DigiOne element and service. */
export class ContextStore<T extends object> {
  #state: T;
  // each subscription is its own wrapper, so one function subscribed twice runs twice
  #listeners = new Set<Listener<T>>();
  #queue: Array<Partial<T>> = [];
  #dispatching = false;

  constructor(initial: T) {
    this.#state = Object.freeze({ ...initial });
  }

  /** The current state (frozen; replace it through {@link update}). */
  get(): Readonly<T> {
    return this.#state;
  }

  /**
   * Merge `partial` into the state (shallow) and notify subscribers. Keys whose value is identical
   * are not a change; an update that changes nothing notifies no one.
   */
  update(partial: Partial<T>): void {
    this.#queue.push(partial);
    if (this.#dispatching) return;
    this.#dispatching = true;
    try {
      while (this.#queue.length) {
        const next = this.#queue.shift()!;
        const previous = this.#state;
        // every key identical: no change
        if ((Object.keys(next) as Array<keyof T>).every((k) => Object.is(previous[k], next[k]))) continue;
        const current = (this.#state = Object.freeze({ ...previous, ...next }));
        // snapshot: listeners added now start with the next change
        for (const l of [...this.#listeners]) {
          // one unsubscribed by an earlier listener of this change is not called
          if (!this.#listeners.has(l)) continue;
          try {
            l(current, previous);
          } catch (err) {
            // one broken listener must not starve the others or leave the store half-dispatched
            console.error('[d1] a ContextStore listener threw; the others still ran', err);
          }
        }
      }
    } finally {
      this.#dispatching = false;
    }
  }

  /** Call `fn` on every change; returns the function that stops it. */
  subscribe(fn: Listener<T>): () => void {
    const l: Listener<T> = (state, previous) => fn(state, previous);
    this.#listeners.add(l);
    return () => void this.#listeners.delete(l);
  }

  /** Call `fn` when the value picked by `select` changes (by `Object.is`). */
  select<S>(select: (state: Readonly<T>) => S, fn: (value: S, previous: S) => void): () => void {
    return this.subscribe((state, previous) => {
      const a = select(state);
      const b = select(previous);
      if (!Object.is(a, b)) fn(a, b);
    });
  }
}
