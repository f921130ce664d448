import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { VirtualListController } from '../../src/shared/virtual-list.js';
import { waitFor } from '../../../../test/helpers/wait.js';

interface Item {
  id: string;
  tall: boolean;
}

class TestVList extends LitElement {
  static override styles = css`
    .scroller {
      height: 300px;
      overflow: auto;
    }
    .row {
      height: 30px;
    }
    .row.tall {
      height: 75px;
    }
  `;
  items: Item[] = [];
  list = new VirtualListController<Item>(this, {
    scroller: () => this.renderRoot.querySelector('.scroller'),
    items: () => this.items,
    key: (item) => item.id,
  });
  override render() {
    return html`<div class="scroller" role="listbox" aria-label="rows">
      ${this.list.render(
        (item, i) =>
          html`<div
            class="row ${item.tall ? 'tall' : ''}"
            role="option"
            id=${item.id}
            aria-posinset=${i + 1}
            aria-setsize=${this.items.length}
            aria-selected="false"
          >
            ${item.id}
          </div>`,
      )}
    </div>`;
  }
}
customElements.define('test-vlist', TestVList);

const make = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, tall: i % 7 === 0 }));
const rows = (el: TestVList) => el.shadowRoot!.querySelectorAll('[role=option]');

describe('VirtualListController', () => {
  it('renders only a window of 10,000 rows and keeps the scroll height about right', async () => {
    const el = await fixture<TestVList>(html`<test-vlist></test-vlist>`);
    el.items = make(10000);
    el.requestUpdate();
    await waitFor(() => rows(el).length > 0, 'rows');
    await waitFor(async () => {
      await el.updateComplete;
      return true;
    });
    expect(rows(el).length).to.be.below(60);
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    // 1/7 of rows are 75px, the rest 30px: about 36.4px average
    const expected = (10000 * (30 * 6 + 75)) / 7;
    await waitFor(
      () => Math.abs(scroller.scrollHeight - expected) / expected < 0.05,
      'scroll height within 5%',
    );
  });

  it('scrolling renders the rows in view', async () => {
    const el = await fixture<TestVList>(html`<test-vlist></test-vlist>`);
    el.items = make(10000);
    el.requestUpdate();
    await el.updateComplete;
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = 200000;
    await waitFor(() => {
      const box = scroller.getBoundingClientRect();
      const mid = el.shadowRoot!.elementFromPoint(box.left + 10, box.top + 150);
      return mid?.getAttribute('role') === 'option';
    }, 'a row under the middle of the view');
    expect(rows(el).length).to.be.below(60);
  });

  it('scrollToIndex renders the row and puts it in view, for aria-activedescendant', async () => {
    const el = await fixture<TestVList>(html`<test-vlist></test-vlist>`);
    el.items = make(10000);
    el.requestUpdate();
    await el.updateComplete;
    await el.list.scrollToIndex(9000);
    const row = el.shadowRoot!.getElementById('r9000');
    expect(row).to.exist;
    const s = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!.getBoundingClientRect();
    const r = row!.getBoundingClientRect();
    expect(r.top).to.be.at.least(s.top - 1);
    expect(r.bottom).to.be.at.most(s.bottom + 1);
    await el.list.scrollToIndex(0);
    expect(el.shadowRoot!.getElementById('r0')).to.exist;
    expect(el.list.isRendered(9000)).to.equal(false);
  });

  it('follows a shrinking list (filtering) without stale rows', async () => {
    const el = await fixture<TestVList>(html`<test-vlist></test-vlist>`);
    el.items = make(10000);
    el.requestUpdate();
    await el.list.scrollToIndex(5000);
    el.items = make(3);
    el.requestUpdate();
    await el.updateComplete;
    await waitFor(() => rows(el).length === 3, 'three rows');
    expect([...rows(el)].map((r) => r.id)).to.deep.equal(['r0', 'r1', 'r2']);
  });
});

describe('VirtualListController, rows measured after a jump', () => {
  it('a row reached by scrollToIndex stays in view once the rows around it are measured', async () => {
    const el = await fixture<TestVList>(html`<test-vlist></test-vlist>`);
    el.items = make(10000);
    el.requestUpdate();
    await el.updateComplete;
    await el.list.scrollToIndex(9990);
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    // several frames: the new rows are measured and the average height changes meanwhile
    for (let f = 0; f < 10; f++) await new Promise((r) => requestAnimationFrame(r));
    const row = el.shadowRoot!.getElementById('r9990');
    expect(row, 'still rendered').to.exist;
    const s = scroller.getBoundingClientRect();
    const r = row!.getBoundingClientRect();
    expect(r.bottom).to.be.greaterThan(s.top);
    expect(r.top).to.be.lessThan(s.bottom);
  });
});
