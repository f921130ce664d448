import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport, executeServerCommand } from '@web/test-runner-commands';
import { waitFor } from '../../../../test/helpers/wait.js';
import { expectAccessible } from '../../../../test/helpers/a11y.js';
import { announce } from '@digione/context';
import { ensureLiveRegions, moveIndex } from '../../src/shared/index.js';
import { cleanup, mount, type D1TestWidget } from './fixture.js';

/** The element that has focus, looking through shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

async function widget(markup = '<d1-test-widget></d1-test-widget>'): Promise<D1TestWidget> {
  const box = mount(markup);
  const w = box.querySelector('d1-test-widget')!;
  await w.updateComplete;
  return w;
}

describe('AnnouncerController', () => {
  afterEach(cleanup);

  it('one polite and one assertive region per document, present before anything is announced', async () => {
    await widget();
    await widget();
    const polite = document.querySelectorAll('[aria-live=polite][data-d1-announcer]');
    const assertive = document.querySelectorAll('[aria-live=assertive][data-d1-announcer]');
    expect(polite.length).to.equal(1);
    expect(assertive.length).to.equal(1);
    expect(polite[0]!.textContent).to.equal('');
    expect(polite[0]!.getAttribute('aria-atomic')).to.equal('true');
    // visually hidden, not display:none (which would silence it)
    const r = polite[0]!.getBoundingClientRect();
    expect(r.width * r.height).to.be.at.most(1);
    expect(getComputedStyle(polite[0]!).display).to.not.equal('none');
  });

  it('text lands in the polite region; errors in the assertive one', async () => {
    const w = await widget();
    const { polite, assertive } = ensureLiveRegions();
    w.announcer.announce('3 uutta ilmoitusta');
    await waitFor(() => polite.textContent === '3 uutta ilmoitusta', 'polite text');
    expect(assertive.textContent).to.equal('');
    w.announcer.announce('Kirjautuminen epäonnistui', { assertive: true });
    await waitFor(() => assertive.textContent === 'Kirjautuminen epäonnistui', 'assertive text');
  });

  it('the same text twice is announced twice (emptied, then set again a frame later)', async () => {
    const w = await widget();
    const { polite } = ensureLiveRegions();
    const seen: string[] = [];
    const mo = new MutationObserver(() => seen.push(polite.textContent ?? ''));
    mo.observe(polite, { childList: true, characterData: true, subtree: true });
    try {
      w.announcer.announce('Uusi ilmoitus');
      await waitFor(() => seen.filter((t) => t === 'Uusi ilmoitus').length === 1);
      w.announcer.announce('Uusi ilmoitus');
      await waitFor(
        () => seen.filter((t) => t === 'Uusi ilmoitus').length === 2,
        'second identical announcement',
      );
      // between the two there was an empty region, so the second is a change a screen reader hears
      const first = seen.indexOf('Uusi ilmoitus');
      expect(seen.slice(first + 1, seen.lastIndexOf('Uusi ilmoitus'))).to.include('');
    } finally {
      mo.disconnect();
    }
  });

  it('messages of one frame are read together, none lost', async () => {
    const w = await widget();
    const { polite } = ensureLiveRegions();
    w.announcer.announce('Yksi.');
    w.announcer.announce('Kaksi.');
    await waitFor(() => polite.textContent === 'Yksi. Kaksi.');
  });

  it('the region says the language of what it reads: the element\'s, not the page\'s', async () => {
    const { polite } = ensureLiveRegions();
    // a Swedish widget on a page whose language is another: the page's lang must not voice it
    const sv = await widget('<div lang="sv"><d1-test-widget></d1-test-widget></div>');
    sv.announcer.announce('Valt: 7A');
    await waitFor(() => polite.textContent === 'Valt: 7A', 'Swedish text');
    expect(polite.getAttribute('lang')).to.equal('sv');
    // a fallback: the widget speaks Finnish on a Sámi page, and says so; so does the region
    const fi = await widget('<div lang="se"><d1-test-widget></d1-test-widget></div>');
    fi.announcer.announce('Valittu: 7A');
    await waitFor(() => polite.textContent === 'Valittu: 7A', 'Finnish text');
    expect(polite.getAttribute('lang')).to.equal('fi');
    // no language given (a caller of context's announce that does not know): the page's
    announce(document, 'Tehtävät on ladattu.');
    await waitFor(() => polite.textContent === 'Tehtävät on ladattu.', 'text without a language');
    expect(polite.hasAttribute('lang')).to.equal(false);
  });

  it("an element and the plugin host (context's announce) in one frame are read together", async () => {
    const w = await widget();
    const { polite } = ensureLiveRegions();
    w.announcer.announce('Uusi ilmoitus.');
    // what <d1-plugin-host> calls for a plugin's ui.announce: the same region, the same queue
    announce(document, 'Tehtävät on ladattu.');
    await waitFor(() => polite.textContent === 'Uusi ilmoitus. Tehtävät on ladattu.');
    expect(document.querySelectorAll('[data-d1-announcer="polite"]')).to.have.length(1);
  });
});

describe('DismissController and roving focus', () => {
  afterEach(cleanup);

  it('Escape closes and returns focus to the trigger', async () => {
    const w = await widget();
    w.trigger!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => w.open, 'opened by Enter');
    await w.updateComplete;
    (w.shadowRoot!.querySelector('[role=menuitem]') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()!.textContent).to.equal('B');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !w.open, 'closed by Escape');
    expect(deepActive()).to.equal(w.trigger);
  });

  it('Escape while closed is left alone for the page (not stopped)', async () => {
    const w = await widget();
    w.trigger!.focus();
    let reached = false;
    const onKey = (e: KeyboardEvent) => (reached = e.key === 'Escape' && !e.defaultPrevented);
    document.addEventListener('keydown', onKey);
    try {
      await sendKeys({ press: 'Escape' });
      expect(reached).to.equal(true);
    } finally {
      document.removeEventListener('keydown', onKey);
    }
  });

  it('a press outside closes without stealing focus; Tab out closes too', async () => {
    // the button comes first: the open panel would cover anything right below the widget
    const box = mount('<button id="after">after</button><d1-test-widget></d1-test-widget>');
    const w = box.querySelector('d1-test-widget')!;
    w.open = true;
    await w.updateComplete;
    const after = box.querySelector('#after') as HTMLButtonElement;
    const r = after.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)],
    });
    await waitFor(() => !w.open, 'closed by outside click');
    expect(document.activeElement).to.equal(after);

    w.open = true;
    await w.updateComplete;
    w.trigger!.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await waitFor(() => !w.open, 'closed when focus left');
  });

  it('a press inside the panel keeps it open', async () => {
    const w = await widget();
    w.open = true;
    await w.updateComplete;
    const item = w.shadowRoot!.querySelector('[role=menuitem]')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(item.x + 5), Math.round(item.y + 5)] });
    await w.updateComplete;
    expect(w.open).to.equal(true);
  });

  it('roving tabindex: one tab stop, arrows wrap, Home/End', async () => {
    const w = await widget();
    w.open = true;
    await w.updateComplete;
    const items = [...w.shadowRoot!.querySelectorAll<HTMLElement>('[role=menuitem]')];
    expect(items.map((i) => i.tabIndex)).to.deep.equal([0, -1, -1]);
    items[0]!.focus();
    await sendKeys({ press: 'ArrowUp' });
    expect(deepActive()).to.equal(items[2]);
    expect(items.map((i) => i.tabIndex)).to.deep.equal([-1, -1, 0]);
    await sendKeys({ press: 'Home' });
    expect(deepActive()).to.equal(items[0]);
    await sendKeys({ press: 'End' });
    expect(deepActive()).to.equal(items[2]);
  });

  it('moveIndex follows the APG listbox keys', () => {
    expect(moveIndex('ArrowDown', -1, 5)).to.equal(0);
    expect(moveIndex('ArrowUp', -1, 5)).to.equal(4);
    expect(moveIndex('ArrowDown', 4, 5)).to.equal(4);
    expect(moveIndex('ArrowDown', 4, 5, { wrap: true })).to.equal(0);
    expect(moveIndex('PageDown', 1, 50)).to.equal(11);
    expect(moveIndex('ArrowRight', 1, 5)).to.equal(null);
    expect(moveIndex('ArrowRight', 1, 5, { orientation: 'horizontal' })).to.equal(2);
    expect(moveIndex('a', 1, 5)).to.equal(null);
    expect(moveIndex('ArrowDown', 0, 0)).to.equal(null);
  });
});

describe('popover, reflow and zoom', () => {
  afterEach(cleanup);
  after(() => setViewport({ width: 800, height: 600 }));

  const noHorizontalScroll = () =>
    document.documentElement.scrollWidth <= document.documentElement.clientWidth;

  it('320 px wide: no horizontal scrolling, the open panel stays inside the viewport', async () => {
    await setViewport({ width: 320, height: 640 });
    const w = await widget(`<header style="display:flex;justify-content:flex-end;padding:8px">
      <d1-test-widget count="12345"></d1-test-widget></header>`);
    w.open = true;
    await w.updateComplete;
    const p = w.panel!.getBoundingClientRect();
    expect(p.left).to.be.at.least(0);
    expect(p.right).to.be.at.most(document.documentElement.clientWidth);
    expect(noHorizontalScroll(), `scrollWidth ${document.documentElement.scrollWidth}`).to.equal(true);
  });

  it('200% text at 640 px (a 1280 px screen zoomed 200%): no horizontal scrolling', async () => {
    await setViewport({ width: 640, height: 400 });
    document.documentElement.style.fontSize = '200%';
    try {
      const w = await widget('<div lang="sv"><d1-test-widget count="2"></d1-test-widget></div>');
      w.open = true;
      await w.updateComplete;
      expect(noHorizontalScroll()).to.equal(true);
      const p = w.panel!.getBoundingClientRect();
      expect(p.right).to.be.at.most(640);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('a trigger at the right edge gets an end-aligned panel; near the bottom it opens upwards', async () => {
    await setViewport({ width: 800, height: 600 });
    const w = await widget(
      `<div style="position:fixed;right:4px;bottom:4px;width:150px;height:40px"><d1-test-widget></d1-test-widget></div>`,
    );
    w.open = true;
    await w.updateComplete;
    expect(w.panel!.dataset.placement).to.equal('top-end');
    const p = w.panel!.getBoundingClientRect();
    const t = w.trigger!.getBoundingClientRect();
    expect(p.bottom).to.be.at.most(t.top);
    expect(p.right).to.be.at.most(800);
  });

  it('re-places the panel when its content grows (a filtered list), not on every update', async () => {
    await setViewport({ width: 800, height: 600 });
    const w = await widget(
      `<div style="position:fixed;left:8px;top:380px"><d1-test-widget></d1-test-widget></div>`,
    );
    w.open = true;
    await w.updateComplete;
    expect(w.panel!.dataset.placement).to.equal('bottom-start');
    const filler = document.createElement('div');
    filler.style.height = '300px';
    w.panel!.append(filler);
    await waitFor(() => w.panel!.dataset.placement === 'top-start', 'flipped above after growing');
    expect(w.panel!.getBoundingClientRect().bottom).to.be.at.most(w.trigger!.getBoundingClientRect().top);
  });

  it('targets are at least 24 x 24 px', async () => {
    const w = await widget();
    w.open = true;
    await w.updateComplete;
    for (const el of w.shadowRoot!.querySelectorAll<HTMLElement>('button, [role=menuitem], input')) {
      const r = el.getBoundingClientRect();
      expect(Math.min(r.width, r.height), el.outerHTML).to.be.at.least(24);
    }
  });

  it('focus scrolls clear of a sticky header (scroll margin from --d1-sticky-offset)', async () => {
    await setViewport({ width: 800, height: 400 });
    const box = mount(`<div style="--d1-sticky-offset: 80px">
      <div style="position:sticky;top:0;height:80px;background:#ddd;z-index:1">header</div>
      <div style="height:1500px"></div><d1-test-widget></d1-test-widget><div style="height:1500px"></div></div>`);
    const w = box.querySelector('d1-test-widget')!;
    await w.updateComplete;
    window.scrollTo(0, 3000);
    w.trigger!.focus();
    w.trigger!.scrollIntoView();
    expect(w.trigger!.getBoundingClientRect().top).to.be.at.least(80);
    window.scrollTo(0, 0);
  });

  it('is accessible (axe), open and closed', async () => {
    const w = await widget();
    await expectAccessible(w);
    w.open = true;
    await w.updateComplete;
    await expectAccessible(w);
  });
});

describe('forced colors and reduced motion', () => {
  afterEach(cleanup);
  afterEach(() => executeServerCommand('d1-emulate-media', { features: [] }));

  it('forced-colors: the focus ring stays an outline and borders stay visible', async () => {
    await executeServerCommand('d1-emulate-media', {
      features: [{ name: 'forced-colors', value: 'active' }],
    });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const w = await widget();
    w.open = true;
    await w.updateComplete;
    const item = w.shadowRoot!.querySelector<HTMLElement>('[role=menuitem]')!;
    item.focus();
    await sendKeys({ press: 'ArrowDown' }); // keyboard focus, so :focus-visible
    const focused = deepActive() as HTMLElement;
    const ring = getComputedStyle(focused);
    expect(ring.outlineStyle).to.equal('solid');
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    expect(ring.outlineColor).to.not.match(/rgba\(0, 0, 0, 0\)|transparent/);
    for (const sel of ['#trigger', '[data-variant=primary]', '[data-variant=quiet]', 'input', '.d1-panel']) {
      const s = getComputedStyle(w.shadowRoot!.querySelector(sel)!);
      expect(parseFloat(s.borderTopWidth), `${sel} border`).to.be.at.least(1);
      expect(s.borderTopStyle, `${sel} border`).to.equal('solid');
      expect(s.borderTopColor, `${sel} border colour`).to.not.match(/rgba\(0, 0, 0, 0\)|transparent/);
    }
    // the badge keeps a visible shape: system colours that contrast, not a forced-away background
    const badge = getComputedStyle(w.shadowRoot!.querySelector('.d1-badge')!);
    const probe = document.createElement('span');
    probe.style.backgroundColor = 'Canvas';
    document.body.append(probe);
    const canvas = getComputedStyle(probe).backgroundColor;
    probe.remove();
    expect(badge.backgroundColor, 'badge drawn in a colour other than the page canvas').to.not.equal(canvas);
    expect(badge.backgroundColor).to.not.match(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(badge.backgroundColor).to.not.equal(badge.color);
    // the theme tokens became system colours
    expect(getComputedStyle(document.documentElement).getPropertyValue('--d1-color-text').trim()).to.equal(
      'CanvasText',
    );
  });

  it('prefers-reduced-motion: no transitions', async () => {
    const w = await widget();
    expect(getComputedStyle(w.trigger!).transitionDuration).to.not.equal('0s');
    await executeServerCommand('d1-emulate-media', {
      features: [{ name: 'prefers-reduced-motion', value: 'reduce' }],
    });
    expect(getComputedStyle(w.trigger!).transitionDuration).to.equal('0s');
  });
});
