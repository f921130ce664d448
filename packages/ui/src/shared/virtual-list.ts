/**
 * A small windowed list: only the rows in view (plus an overscan) are in the DOM, between two
 * spacers that keep the scroll height right. Rows may differ in height: each rendered row is
 * measured once (by key) and unknown rows count as the average of the measured ones.
 *
 * Why not @lit-labs/virtualizer: it costs ~9 KB min+gzip of the 30 KB budget for all widgets,
 * writes inline styles on its host and measures in ResizeObserver callbacks that resize what they
 * observe (loops). Our lists are plain vertical lists in a scroller of their own; this is enough.
 * @module
 */
import type { nothing } from 'lit';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

/** Options of {@link VirtualListController}. */
export interface VirtualListOptions<T> {
  /** The element that scrolls (overflow: auto, bounded height), inside the host's shadow root. */
  scroller: () => HTMLElement | null;
  /** The rows. Called on every render: keep it cheap (return a stored array). */
  items: () => readonly T[];
  /** A stable key per row (measured heights are kept by key). */
  key: (item: T, index: number) => string;
  /** Rows rendered beyond each edge of the view. Default 6. */
  overscan?: number;
  /** Height in px assumed before any row was measured. Default 44. */
  estimate?: number;
  /** Rows rendered when the scroller has no size yet (e.g. just opened). Default 20. */
  initial?: number;
}

/** Windowed rendering of a long list; see the module comment. */
export class VirtualListController<T> implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #o: Required<VirtualListOptions<T>>;
  #heights = new Map<string, number>();
  #sum = 0;
  #start = 0;
  #end = 0;
  #listening: HTMLElement | null = null;
  #frame = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: VirtualListOptions<T>) {
    this.#host = host;
    this.#o = { overscan: 6, estimate: 44, initial: 20, ...options };
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#listen(null);
    cancelAnimationFrame(this.#frame);
  }

  hostUpdated(): void {
    const scroller = this.#o.scroller();
    this.#listen(scroller);
    if (!scroller) return;
    // measure what was rendered; a changed estimate re-windows on the next frame
    let changed = false;
    const items = this.#o.items();
    this.#rows(scroller).forEach((el, k) => {
      const i = this.#start + k;
      if (i >= items.length) return;
      const key = this.#o.key(items[i]!, i);
      const h = el.offsetHeight;
      if (h > 0 && this.#heights.get(key) !== h) {
        const old = this.#heights.get(key);
        if (old !== undefined) this.#sum -= old;
        this.#heights.set(key, h);
        this.#sum += h;
        changed = true;
      }
    });
    if (changed || this.#windowChanged(scroller)) this.#schedule();
  }

  /**
   * The rows to render now: a spacer, the window's rows, a spacer. `renderItem` must render exactly
   * one element per row (no wrappers are added, so a listbox's options stay its children).
   */
  render(renderItem: (item: T, index: number) => TemplateResult | typeof nothing): TemplateResult {
    const items = this.#o.items();
    const scroller = this.#o.scroller();
    this.#computeWindow(scroller, items);
    const { start, end } = { start: this.#start, end: this.#end };
    const slice = items.slice(start, end);
    const before = this.#offset(items, start);
    const after = this.#offset(items, items.length) - this.#offset(items, end);
    return html`<div class="v-spacer" aria-hidden="true" style="height:${before}px"></div>
      ${repeat(
        slice,
        (item, i) => this.#o.key(item, start + i),
        (item, i) => renderItem(item, start + i),
      )}
      <div class="v-spacer" aria-hidden="true" style="height:${after}px"></div>`;
  }

  /** Whether row `index` is in the DOM now. */
  isRendered(index: number): boolean {
    return index >= this.#start && index < this.#end;
  }

  /**
   * Scroll the least needed to show row `index` and make sure it is rendered; resolves after the
   * host has rendered it (then its element exists, e.g. for `aria-activedescendant`).
   */
  async scrollToIndex(index: number): Promise<void> {
    const scroller = this.#o.scroller();
    const items = this.#o.items();
    if (!scroller || index < 0 || index >= items.length) return;
    const top = this.#offset(items, index);
    const bottom = top + this.#heightAt(items, index);
    const view = scroller.clientHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + view) scroller.scrollTop = bottom - view;
    if (!this.isRendered(index) || this.#windowChanged(scroller)) {
      this.#host.requestUpdate();
      await this.#host.updateComplete;
    }
    // the row's real height may differ from the estimate used to place it: correct once
    this.#rows(scroller)[index - this.#start]?.scrollIntoView({ block: 'nearest' });
  }

  /** The rendered row elements, in order: the element siblings between the two spacers. */
  #rows(scroller: HTMLElement): HTMLElement[] {
    const first = scroller.querySelector(':scope .v-spacer');
    const parent = first?.parentElement;
    if (!parent) return [];
    return [...parent.children].filter((c): c is HTMLElement => !c.classList.contains('v-spacer'));
  }

  #listen(scroller: HTMLElement | null): void {
    if (this.#listening === scroller) return;
    this.#listening?.removeEventListener('scroll', this.#onScroll);
    this.#listening = scroller;
    scroller?.addEventListener('scroll', this.#onScroll, { passive: true });
  }

  #onScroll = (): void => {
    const scroller = this.#listening;
    if (scroller && this.#windowChanged(scroller)) this.#schedule();
  };

  #schedule(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#host.requestUpdate());
  }

  #avg(): number {
    return this.#heights.size ? this.#sum / this.#heights.size : this.#o.estimate;
  }

  #heightAt(items: readonly T[], i: number): number {
    return this.#heights.get(this.#o.key(items[i]!, i)) ?? this.#avg();
  }

  // With no row measured yet every row is the estimate: O(1). Otherwise a walk over the rows; fine
  // for tens of thousands of rows, and only done on render and scroll, never per row.
  #offset(items: readonly T[], end: number): number {
    if (!this.#heights.size) return end * this.#o.estimate;
    const avg = this.#avg();
    let y = 0;
    for (let i = 0; i < end; i++) y += this.#heights.get(this.#o.key(items[i]!, i)) ?? avg;
    return y;
  }

  #range(scroller: HTMLElement | null, items: readonly T[]): [number, number] {
    const n = items.length;
    const view = scroller?.clientHeight ?? 0;
    if (!scroller || view === 0) return [0, Math.min(n, this.#o.initial)];
    const top = scroller.scrollTop;
    const avg = this.#avg();
    let i = 0;
    let y = 0;
    if (!this.#heights.size) {
      i = Math.min(n, Math.floor(top / avg));
      y = i * avg;
    } else {
      while (i < n) {
        const h = this.#heightAt(items, i);
        if (y + h > top) break;
        y += h;
        i++;
      }
    }
    let j = i;
    while (j < n && y < top + view) y += this.#heightAt(items, j++);
    return [Math.max(0, i - this.#o.overscan), Math.min(n, j + this.#o.overscan)];
  }

  #computeWindow(scroller: HTMLElement | null, items: readonly T[]): void {
    [this.#start, this.#end] = this.#range(scroller, items);
  }

  #windowChanged(scroller: HTMLElement): boolean {
    const [s, e] = this.#range(scroller, this.#o.items());
    // only re-render when the view reaches past the overscan margin
    return (
      s < this.#start ||
      e > this.#end ||
      s > this.#start + this.#o.overscan ||
      e < this.#end - this.#o.overscan
    );
  }
}
