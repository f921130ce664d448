/**
 * `keyedRows(items, key, row)`: renders a list keeping each row's DOM with its key, as lit's
 * `repeat` does, for the lists of our elements (the virtual list's window) and the shell.
 * @module
 */
import { noChange } from 'lit';
import { directive, Directive, type ChildPart, type DirectiveResult } from 'lit/directive.js';
import {
  getCommittedValue,
  insertPart,
  removePart,
  setChildPartValue,
  setCommittedValue,
} from 'lit/directive-helpers.js';

type Key<T> = (item: T, index: number) => unknown;
type Row<T> = (item: T, index: number) => unknown;

/**
 * Why not lit's `repeat`: it is built for any reordering (a two-ended diff) and for server
 * rendering, about 0.3 KB min+gzip more than this. Our lists change by rows entering and leaving
 * at the ends (a scrolled window, a notification added on top, a plugin host added): rows that
 * stay never move, and a row whose order changed is moved, never re-created, so a focused row
 * keeps its focus while the window slides. Keys must be unique within a list.
 */
class KeyedRows extends Directive {
  #keys: unknown[] = [];

  render(items: readonly unknown[], _key: Key<unknown>, row: Row<unknown>): unknown[] {
    return items.map(row);
  }

  override update(container: ChildPart, [items, key, row]: [readonly unknown[], Key<unknown>, Row<unknown>]) {
    const old = getCommittedValue(container);
    const keys = items.map(key);
    // the first render: the part renders the rows as any array (one child part per row)
    if (!Array.isArray(old)) {
      this.#keys = keys;
      return items.map(row);
    }
    const oldParts = old as ChildPart[];
    const partOf = new Map(this.#keys.map((k, i) => [k, oldParts[i]!]));
    const wanted = new Set(keys);
    // rows that left go first; `live` is then the remaining parts in DOM order
    const live = oldParts.filter((part, i) => wanted.has(this.#keys[i]) || void removePart(part));
    const parts = items.map((item, i) => {
      let part = partOf.get(keys[i]);
      if (!part || part !== live[i]) {
        // a new row, or one that moved up: put it before the row now in its place
        if (part) live.splice(live.indexOf(part), 1);
        part = insertPart(container, live[i], part);
        live.splice(i, 0, part);
      }
      setChildPartValue(part, row(item, i));
      return part;
    });
    setCommittedValue(container, parts);
    this.#keys = keys;
    return noChange;
  }
}

/** Renders `items` through `row`, keeping each row's DOM (and focus) with its `key`. */
export const keyedRows = directive(KeyedRows) as <T>(
  items: readonly T[],
  key: Key<T>,
  row: Row<T>,
) => DirectiveResult<typeof KeyedRows>;
