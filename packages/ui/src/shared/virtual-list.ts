/**
 * A small windowed list: only the rows in view (plus an overscan) are in the DOM, between two
 * spacers that keep the scroll height right. Rows may differ in height: each rendered row is
 * measured once (by key) and unknown rows count as the average of the measured ones. When new
 * heights move the rows, the first row in view is held in place (scroll anchoring).
 *
 * Why not @lit-labs/virtualizer: it costs ~9 KB min+gzip of the 30 KB budget for all widgets,
 * writes inline styles on its host and measures in ResizeObserver callbacks that resize what they
 * observe (loops). Our lists are plain vertical lists in a scroller of their own; this is enough.
 * @module
 */
import type { nothing } from 'lit';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyedRows } from './keyed-rows.js';

/** Options of {@link VirtualListController}. */
export interface VirtualListOptions<T> {
  /** The element that scrolls (overflow: auto, bounded height), inside the host's shadow root. */
  scroller: () => HTMLElement | null;
  /** The rows. Called on every render: keep it cheap (return a stored array). */
  items: () => readonly T[];
  /** A stable key per row (measured heights are kept by key): a string, or the row object itself. */
  key: (item: T) => unknown;
  /** Rows rendered beyond each edge of the view. Default 6. */
  overscan?: number;
  /** Height in px assumed before any row was measured. Default 44. */
  estimate?: number;
}

/** Rows rendered when the scroller has no size yet (e.g. just opened). */
const INITIAL = 20;

/** Where the next render puts the view: `scrollTop` becomes row `i`'s offset plus `d`. */
type Target = [i: number, d: number];

/** Windowed rendering of a long list; see the module comment. */
export class VirtualListController<T> implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #o: Required<VirtualListOptions<T>>;
  #heights = new Map<unknown, number>();
  #sum = 0;
  #start = 0;
  #end = 0;
  #listening: HTMLElement | null = null;
  #frame = 0;
  /** Row tops (n + 1 of them) for `#topsOf`, rebuilt when the rows or any measured height change. */
  #tops: number[] | null = null;
  #topsOf?: readonly T[];
  /** Rows measured anew since the last render: their new heights move the rows below them. */
  #stale = false;
  #shown?: readonly T[];
  /** The last render showed other rows than the one before (a new filter), not a scrolled window. */
  #fresh = false;
  #target: Target | null = null;
  #scrollTo = -1;

  constructor(host: ReactiveControllerHost & HTMLElement, options: VirtualListOptions<T>) {
    this.#host = host;
    this.#o = { overscan: 6, estimate: 44, ...options };
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#listen(null);
  }

  hostUpdated(): void {
    const scroller = this.#o.scroller();
    this.#listen(scroller);
    if (!scroller) return;
    if (this.#scrollTo >= 0) scroller.scrollTop = this.#scrollTo;
    this.#scrollTo = -1;
    // measure what was rendered
    const items = this.#o.items();
    this.#rows(scroller).forEach((el, k) => {
      const key = this.#o.key(items[this.#start + k]!);
      const h = el.offsetHeight;
      const old = this.#heights.get(key);
      if (h && old !== h) {
        this.#sum += h - (old ?? 0);
        this.#heights.set(key, h);
        this.#stale = true;
        this.#tops = null;
      }
    });
    // New rows (a new filter) with new heights: render again now, before this frame paints, so no
    // frame shows the estimated spacers (the list settles in the keystroke's own frame). Each row
    // is measured once per key, so this converges in a render or two. While scrolling, the window
    // follows once a frame instead (re-anchoring in the same frame fights the scroll).
    if (this.#stale && this.#fresh) {
      cancelAnimationFrame(this.#frame);
      this.#host.requestUpdate();
    } else this.#onScroll();
  }

  /**
   * The rows to render now: a spacer, the window's rows, a spacer. `renderItem` must render exactly
   * one element per row (no wrappers are added, so a listbox's options stay its children).
   */
  render(renderItem: (item: T, index: number) => TemplateResult | typeof nothing): TemplateResult {
    const items = this.#o.items();
    const scroller = this.#o.scroller();
    let top = scroller?.scrollTop ?? 0;
    // new heights would shift what is in view: keep the first row in view where it is now
    const t =
      this.#target ?? (this.#stale && scroller && items === this.#shown ? this.#anchor(scroller, top) : 0);
    this.#target = null;
    this.#stale = false;
    this.#fresh = items !== this.#shown;
    this.#shown = items;
    if (t) top = this.#scrollTo = Math.max(0, this.#top(t[0]) + t[1]);
    const [start, end] = this.#range(scroller, top);
    this.#start = start;
    this.#end = end;
    const spacer = (h: number) => html`<div class="v-spacer" aria-hidden="true" style="height:${h}px"></div>`;
    return html`${spacer(this.#top(start))}${keyedRows(items.slice(start, end), this.#o.key, (item, i) =>
      renderItem(item, start + i),
    )}${spacer(this.#top(items.length) - this.#top(end))}`;
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
    if (!scroller || index < 0 || index >= this.#o.items().length) return;
    if (!this.isRendered(index)) {
      // place the window by the row's offset: the row at the top edge, or at the bottom edge below
      const top = this.#top(index);
      this.#target = [
        index,
        top < scroller.scrollTop ? 0 : this.#top(index + 1) - top - scroller.clientHeight,
      ];
      this.#host.requestUpdate();
      await this.#host.updateComplete;
    }
    // the row's real height may differ from the estimate used to place it
    this.#rows(scroller)[index - this.#start]?.scrollIntoView({ block: 'nearest' });
  }

  /** The rendered row elements, in order: the element siblings between the two spacers. */
  #rows(scroller: HTMLElement): HTMLElement[] {
    const rows: HTMLElement[] = [];
    let el = scroller.querySelector('.v-spacer')?.nextElementSibling;
    for (; el && el.className !== 'v-spacer'; el = el.nextElementSibling) rows.push(el as HTMLElement);
    return rows;
  }

  /** The first rendered row in view, and the view's top relative to that row's offset. */
  #anchor(scroller: HTMLElement, top: number): Target | false {
    const rows = this.#rows(scroller);
    const view = scroller.getBoundingClientRect().top;
    const k = rows.findIndex((el) => el.getBoundingClientRect().bottom > view);
    return (
      k >= 0 && [
        this.#start + k,
        top -
          rows[k]!.getBoundingClientRect().top +
          rows[0]!.previousElementSibling!.getBoundingClientRect().top,
      ]
    );
  }

  #listen(scroller: HTMLElement | null): void {
    if (this.#listening === scroller) return;
    this.#listening?.removeEventListener('scroll', this.#onScroll);
    this.#listening = scroller;
    scroller?.addEventListener('scroll', this.#onScroll, { passive: true });
  }

  /** Re-render (next frame) when the view's window moved, or new heights wait to be applied. */
  #onScroll = (): void => {
    const scroller = this.#listening;
    if (!scroller) return;
    const [s, e] = this.#range(scroller, scroller.scrollTop);
    // edges off by more than half the overscan: render the new window
    const half = this.#o.overscan / 2;
    if (!this.#stale && Math.abs(s - this.#start) <= half && Math.abs(e - this.#end) <= half) return;
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#host.requestUpdate());
  };

  /** The top of row `i` (`i` = n: the list's height). O(1) after one O(n) pass per change. */
  #top(i: number): number {
    const items = this.#o.items();
    if (!this.#heights.size) return i * this.#o.estimate;
    if (!this.#tops || this.#topsOf !== items) {
      const avg = this.#sum / this.#heights.size;
      let top = 0;
      this.#tops = [0, ...items.map((item) => (top += this.#heights.get(this.#o.key(item)) ?? avg))];
      this.#topsOf = items;
    }
    return this.#tops[i]!;
  }

  /** The window for a view whose top is at `top`: the rows in view plus the overscan. */
  #range(scroller: HTMLElement | null, top: number): [number, number] {
    const n = this.#o.items().length;
    const view = scroller?.clientHeight;
    // the row at offset y: binary search over the row tops
    const at = (y: number) => {
      let lo = 0;
      for (let hi = n; lo < hi;) {
        const m = (lo + hi) >> 1;
        if (this.#top(m + 1) <= y) lo = m + 1;
        else hi = m;
      }
      return lo;
    };
    const ov = this.#o.overscan;
    return view
      ? [Math.max(0, at(top) - ov), Math.min(n, at(top + view) + 1 + ov)]
      : [0, Math.min(n, INITIAL)];
  }
}
