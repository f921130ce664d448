/**
 * Keyboard focus helpers: roving tabindex for a set of items (toolbars, menus, tab lists) and
 * `aria-activedescendant` for a combobox or listbox where DOM focus stays in one control.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Which arrow keys move. */
export type Orientation = 'vertical' | 'horizontal' | 'both';

/** How navigation keys move through a list (see {@link moveIndex}). */
export interface MoveOptions {
  orientation?: Orientation;
  /** Past the last item comes the first. Default false (APG listbox); true suits menus. */
  wrap?: boolean;
  /** Items moved by PageUp/PageDown; 0 disables them. Default 10. */
  pageSize?: number;
}

/**
 * The index a navigation key leads to from `index` in a list of `count` items, or `null` when the
 * key is not a navigation key (let it through). `index` -1 means "none yet": ArrowDown gives the
 * first, ArrowUp the last.
 */
export function moveIndex(
  key: string,
  index: number,
  count: number,
  options: MoveOptions = {},
): number | null {
  const { orientation = 'vertical', wrap = false, pageSize = 10 } = options;
  if (count <= 0) return null;
  const last = count - 1;
  // which arrows move: up/down unless horizontal, left/right when horizontal or both
  const v = orientation !== 'horizontal';
  const h = !v || orientation === 'both';
  const step = (d: number) => {
    if (index < 0) return d > 0 ? 0 : last;
    const i = index + d;
    if (wrap) return ((i % count) + count) % count;
    return Math.max(0, Math.min(last, i));
  };
  if ((v && key === 'ArrowDown') || (h && key === 'ArrowRight')) return step(1);
  if ((v && key === 'ArrowUp') || (h && key === 'ArrowLeft')) return step(-1);
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  if (pageSize > 0 && key === 'PageDown') return Math.min(last, Math.max(0, index) + pageSize);
  if (pageSize > 0 && key === 'PageUp') return Math.max(0, index - pageSize);
  return null;
}

let idCounter = 0;
/** A document-unique id, e.g. `d1-option-7` (never a fixed id: two instances would collide). */
export function uniqueId(prefix = 'd1'): string {
  return `${prefix}-${++idCounter}`;
}

/**
 * Point `control`'s `aria-activedescendant` at `option` (same shadow root; ids do not cross
 * roots), mark it `data-active` for styling, unmark `previous`, and scroll it into view.
 * `option` null clears it.
 */
export function setActiveDescendant(
  control: HTMLElement,
  option: HTMLElement | null,
  previous?: HTMLElement | null,
): void {
  if (previous && previous !== option) previous.removeAttribute('data-active');
  if (!option) {
    control.removeAttribute('aria-activedescendant');
    return;
  }
  option.id ||= uniqueId('d1-option');
  option.setAttribute('data-active', '');
  control.setAttribute('aria-activedescendant', option.id);
  option.scrollIntoView({ block: 'nearest' });
}

/** Options of {@link RovingFocusController}. */
export interface RovingFocusOptions extends MoveOptions {
  /** The items in order (rendered ones; disabled ones left out). */
  items(): HTMLElement[];
}

/**
 * Roving tabindex: one item has `tabindex=0`, the rest -1; arrow keys, Home and End move focus
 * among them, so Tab enters and leaves the set in one step.
 */
export class RovingFocusController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #options: RovingFocusOptions;
  #index = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: RovingFocusOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Index of the item that takes Tab focus. */
  get index(): number {
    return this.#index;
  }

  /** Make item `i` the tab stop and focus it. */
  focus(i: number): void {
    const items = this.#options.items();
    if (!items.length) return;
    this.#index = Math.max(0, Math.min(items.length - 1, i));
    this.#sync(items);
    items[this.#index]!.focus();
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown);
    this.#host.addEventListener('focusin', this.#onFocusin);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown);
    this.#host.removeEventListener('focusin', this.#onFocusin);
  }

  hostUpdated(): void {
    this.#sync(this.#options.items());
  }

  #sync(items: HTMLElement[]): void {
    if (this.#index >= items.length) this.#index = Math.max(0, items.length - 1);
    items.forEach((el, i) => (el.tabIndex = i === this.#index ? 0 : -1));
  }

  #onFocusin = (e: FocusEvent) => {
    // a click or a programmatic focus on an item makes it the tab stop
    const i = this.#options.items().indexOf(e.composedPath()[0] as HTMLElement);
    if (i >= 0 && i !== this.#index) {
      this.#index = i;
      this.#sync(this.#options.items());
    }
  };

  #onKeydown = (e: KeyboardEvent) => {
    const items = this.#options.items();
    const i = items.indexOf(e.composedPath()[0] as HTMLElement);
    if (i < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const next = moveIndex(e.key, i, items.length, this.#options);
    if (next === null) return;
    e.preventDefault();
    this.focus(next);
  };
}
