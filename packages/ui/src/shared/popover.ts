/**
 * `PopoverController`: place a panel under (or over) its trigger, inside the element's own shadow
 * root, kept within the viewport.
 *
 * Why not the top layer (`popover`, `<dialog>`) or a panel moved to `document.body`: the panel must
 * stay next to its trigger in the DOM so Tab order runs trigger -> panel -> what follows, ids stay
 * in one shadow root (`aria-controls`, `aria-activedescendant`), and the shell's sticky header
 * carries it along. The panel is `position: absolute` inside a positioned wrapper; the controller
 * only chooses its offsets and max height from the trigger's rectangle and the viewport.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options of {@link PopoverController}. */
export interface PopoverOptions {
  /** Whether the panel is open now (it is placed only then). */
  isOpen(): boolean;
  /** The trigger the panel hangs from. */
  anchor(): HTMLElement | null | undefined;
  /** The panel (styled `.d1-panel`); the controller sets its position, inset and max-height. */
  panel(): HTMLElement | null | undefined;
  /** Which edges line up: `start` (left edges, the default) or `end` (right edges; for the right end of a header). */
  align?: 'start' | 'end';
  /** Gap between trigger and panel, px. Default 4. */
  gap?: number;
  /** Minimum distance from the viewport edges, px. Default 8. */
  margin?: number;
}

/** Where the panel went: `bottom` or `top`, `start` or `end`. */
export interface PopoverPlacement {
  side: 'bottom' | 'top';
  align: 'start' | 'end';
}

/**
 * Positions the panel when it opens (the first host update that renders it), when the panel or
 * its trigger changes size (filtering a list), and on viewport resize or scroll. Not on every
 * update: measuring forces a layout, and a combobox updates on every keystroke. The panel's
 * wrapper needs `position: relative` (or any containing block); the controller does the rest.
 */
export class PopoverController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #options: PopoverOptions;
  #frame = 0;
  #placed: HTMLElement | null = null;
  #resize?: ResizeObserver;
  /** The last placement, e.g. for an arrow or an animation origin. */
  placement: PopoverPlacement | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PopoverOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#listen('addEventListener');
  }

  hostDisconnected(): void {
    this.#listen('removeEventListener');
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#resize?.disconnect();
    this.#placed = null;
  }

  hostUpdated(): void {
    const panel = this.#options.isOpen() ? (this.#options.panel() ?? null) : null;
    if (panel === this.#placed) return;
    this.#placed = panel;
    this.#resize?.disconnect();
    if (!panel) return;
    this.position();
    // size changes (a filtered list) re-place it a frame later; the report at observe() time too, harmlessly
    this.#resize ??= new ResizeObserver(this.#schedule);
    this.#resize.observe(panel);
    const anchor = this.#options.anchor();
    if (anchor) this.#resize.observe(anchor);
  }

  /** Place the panel now (the host calls it by itself after each update while open). */
  position(): void {
    const anchor = this.#options.anchor();
    const panel = this.#options.panel();
    if (!this.#options.isOpen() || !anchor || !panel) return;
    const gap = this.#options.gap ?? 4;
    const margin = this.#options.margin ?? 8;
    const doc = this.#host.ownerDocument;
    const vw = doc.documentElement.clientWidth;
    const vh = window.innerHeight;

    // out of flow first: a panel still in flow may have pushed the trigger around. Only then: a
    // placed panel is measured where it is, so re-placing it unchanged writes nothing (a filtered
    // list that only got shorter settles in its own frame, with no style flicker a frame later)
    const s = panel.style;
    if (s.position !== 'absolute') Object.assign(s, { position: 'absolute', inset: '0px auto auto 0px' });
    s.maxWidth = `${Math.max(0, vw - 2 * margin)}px`;
    const a = anchor.getBoundingClientRect();
    const box = panel.getBoundingClientRect();
    // where (0, 0) of the containing block is, in viewport coordinates: the box minus its offsets
    const origin = { left: box.left - parseFloat(s.left), top: box.top - parseFloat(s.top) };
    const width = box.width;
    // the content's whole height, whatever max-height clips of it now
    const height = panel.scrollHeight;

    let align = this.#options.align ?? 'start';
    let left = align === 'start' ? a.left : a.right - width;
    if (align === 'start' && left + width > vw - margin) {
      align = 'end';
      left = a.right - width;
    } else if (align === 'end' && left < margin) {
      align = 'start';
      left = a.left;
    }
    left = Math.max(margin, Math.min(left, vw - margin - width));

    const below = vh - a.bottom - gap - margin;
    const above = a.top - gap - margin;
    const side = height > below && above > below ? 'top' : 'bottom';
    // never squeeze below a usable height: past that the page scrolls instead
    const room = Math.max(side === 'bottom' ? below : above, 160);
    const shown = Math.min(height, room);
    const top = side === 'bottom' ? a.bottom + gap : a.top - gap - shown;

    s.maxHeight = `${room}px`;
    s.left = `${left - origin.left}px`;
    s.top = `${top - origin.top}px`;
    // an attribute set to the same value is still a DOM change (a mutation record): skip it
    if (panel.dataset.placement !== `${side}-${align}`) panel.dataset.placement = `${side}-${align}`;
    this.placement = { side, align };
  }

  /** Adds or removes the viewport listeners (removal reads only `capture` of the options). */
  #listen(method: 'addEventListener' | 'removeEventListener'): void {
    window[method]('resize', this.#schedule, { passive: true });
    window[method]('scroll', this.#schedule, { passive: true, capture: true });
  }

  #schedule = () => {
    if (this.#frame || !this.#options.isOpen()) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.position();
    });
  };
}
