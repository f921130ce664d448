import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { keyedRows } from '../../src/shared/keyed-rows.js';

/** Renders `keys` as focusable rows into `host` and returns the row elements by key. */
function show(host: HTMLElement, keys: string[], label = (k: string) => k): Map<string, HTMLElement> {
  render(
    keyedRows(
      keys,
      (k) => k,
      (k, i) => html`<button data-key=${k} data-index=${i}>${label(k)}</button>`,
    ),
    host,
  );
  const rows = [...host.querySelectorAll<HTMLElement>('button')];
  expect(rows.map((r) => r.dataset.key)).to.deep.equal(keys, 'rows in DOM order');
  expect(rows.map((r) => Number(r.dataset.index))).to.deep.equal(
    keys.map((_, i) => i),
    'indexes',
  );
  return new Map(rows.map((r) => [r.dataset.key!, r]));
}

describe('keyedRows', () => {
  let host: HTMLElement;
  beforeEach(async () => {
    host = await fixture(html`<div></div>`);
  });

  it('keeps the element (and focus) of a row that stays while the window slides', () => {
    const first = show(host, ['a', 'b', 'c', 'd']);
    first.get('c')!.focus();
    const slid = show(host, ['b', 'c', 'd', 'e']);
    for (const k of ['b', 'c', 'd']) expect(slid.get(k)).to.equal(first.get(k), k);
    expect(document.activeElement).to.equal(first.get('c'));
    expect(first.get('a')!.isConnected).to.equal(false);
    const back = show(host, ['z', 'b', 'c']);
    expect(back.get('c')).to.equal(first.get('c'));
    expect(document.activeElement).to.equal(first.get('c'));
  });

  it('moves rows whose order changed instead of re-creating them, and updates their content', () => {
    const first = show(host, ['a', 'b', 'c', 'd']);
    const moved = show(host, ['d', 'b', 'a', 'x', 'c'], (k) => k.toUpperCase());
    for (const k of ['a', 'b', 'c', 'd']) expect(moved.get(k)).to.equal(first.get(k), k);
    expect([...host.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal([
      'D',
      'B',
      'A',
      'X',
      'C',
    ]);
    show(host, []);
    expect(host.querySelectorAll('button').length).to.equal(0);
    show(host, ['q', 'a']);
  });
});
