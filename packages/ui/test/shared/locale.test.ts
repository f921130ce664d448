import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { ContextProvider } from '@lit/context';
import { createPlatformStore, localeFor, storeContext } from '@digione/context';
import { waitFor } from '../../../../test/helpers/wait.js';
import {
  checkCatalogs,
  defineCatalog,
  formatDateTime,
  formatDay,
  formatRelativeTime,
  registeredCatalogs,
  type Catalog,
} from '../../src/shared/index.js';
import { cleanup, mount, type D1TestWidget } from './fixture.js';
// every element module the package offers, so their catalogs register
import '../../src/all.js';

const text = (w: D1TestWidget) => w.shadowRoot!.querySelector('#trigger')!.textContent!.trim();

describe('LocaleController: language of the nearest lang', () => {
  afterEach(cleanup);

  it('speaks the nearest ancestor lang and follows a live change without a reload', async () => {
    const box = mount(`<div lang="sv"><section><d1-test-widget></d1-test-widget></section></div>`);
    const w = box.querySelector('d1-test-widget')!;
    await w.updateComplete;
    expect(text(w)).to.equal('Öppna menyn');
    expect(w.l10n.lang).to.equal('sv');
    expect(w.l10n.formatting).to.equal('sv-FI');
    box.querySelector('div')!.setAttribute('lang', 'en');
    await waitFor(() => text(w) === 'Open menu', 'English after lang change');
    box.querySelector('div')!.removeAttribute('lang');
    // nothing above but the test page's <html lang>? fall back to fi when the page has none
    await waitFor(
      () =>
        w.l10n.lang ===
        (document.documentElement.lang.startsWith('sv')
          ? 'sv'
          : document.documentElement.lang.startsWith('en')
            ? 'en'
            : 'fi'),
    );
  });

  it('two elements on one page speak two languages', async () => {
    const box = mount(`<div lang="fi"><d1-test-widget id="a"></d1-test-widget></div>
      <div lang="en-GB"><d1-test-widget id="b"></d1-test-widget></div>`);
    const [a, b] = [...box.querySelectorAll('d1-test-widget')];
    await a!.updateComplete;
    await b!.updateComplete;
    expect(text(a!)).to.equal('Avaa valikko');
    expect(text(b!)).to.equal('Open menu');
  });

  it('falls back to Finnish for a language the elements do not speak', async () => {
    const box = mount(`<div lang="de"><d1-test-widget></d1-test-widget></div>`);
    const w = box.querySelector('d1-test-widget')!;
    await w.updateComplete;
    expect(text(w)).to.equal('Avaa valikko');
    expect(w.l10n.formatting).to.equal('fi-FI');
    // and says so, or a screen reader would read the Finnish text with German pronunciation
    expect(w.getAttribute('lang')).to.equal('fi');
    box.firstElementChild!.setAttribute('lang', 'sv-FI');
    await waitFor(() => text(w) === 'Öppna menyn', 'Swedish once the page says sv-FI');
    await waitFor(() => !w.hasAttribute('lang'), 'the mark taken back: the page says it now');
    box.firstElementChild!.setAttribute('lang', 'se');
    await waitFor(() => text(w) === 'Avaa valikko' && w.getAttribute('lang') === 'fi', 'Sámi page: fi, marked');
  });

  it('a page that says the language spoken gets no extra lang attribute', async () => {
    const box = mount(`<div lang="sv"><d1-test-widget></d1-test-widget></div>`);
    const w = box.querySelector('d1-test-widget')!;
    await w.updateComplete;
    expect(text(w)).to.equal('Öppna menyn');
    expect(w.hasAttribute('lang')).to.equal(false);
  });

  it("the element's own lang attribute counts, and a change re-renders it", async () => {
    const box = mount(`<div lang="fi"><d1-test-widget lang="sv"></d1-test-widget></div>`);
    const w = box.querySelector('d1-test-widget')!;
    await w.updateComplete;
    expect(text(w)).to.equal('Öppna menyn');
    w.setAttribute('lang', 'en');
    await waitFor(() => text(w) === 'Open menu');
  });

  it('crosses shadow roots: a lang inside another element’s shadow DOM is seen and observed', async () => {
    const box = mount(`<div lang="fi"><div id="host"></div></div>`);
    const host = box.querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<div lang="sv"><d1-test-widget></d1-test-widget></div>`;
    const w = root.querySelector('d1-test-widget')!;
    await w.updateComplete;
    expect(text(w)).to.equal('Öppna menyn');
    root.querySelector('div')!.setAttribute('lang', 'en');
    await waitFor(() => text(w) === 'Open menu', 'lang change inside a shadow root');
    root.querySelector('div')!.removeAttribute('lang');
    await waitFor(() => text(w) === 'Avaa valikko', 'outer lang after the inner one is removed');
  });

  it('re-renders only the elements whose language changed', async () => {
    const box = mount(`<div id="x" lang="fi"><d1-test-widget id="a"></d1-test-widget></div>
      <div lang="sv"><d1-test-widget id="b"></d1-test-widget></div>`);
    const [a, b] = [...box.querySelectorAll('d1-test-widget')];
    await a!.updateComplete;
    await b!.updateComplete;
    const before = b!.renders;
    box.querySelector('#x')!.setAttribute('lang', 'en');
    await waitFor(() => text(a!) === 'Open menu');
    await b!.updateComplete;
    expect(b!.renders).to.equal(before);
  });
});

class TestPlatform extends LitElement {
  store = createPlatformStore({ locale: localeFor('sv') });
  provider = new ContextProvider(this, { context: storeContext, initialValue: this.store });
  protected override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('ds-test-platform', TestPlatform);

describe('LocaleController: the platform store locale', () => {
  afterEach(cleanup);

  it('inside a provider the store locale decides, and a store update re-renders', async () => {
    const box = mount(
      `<div lang="fi"><ds-test-platform><d1-test-widget></d1-test-widget></ds-test-platform></div>`,
    );
    const p = box.querySelector('ds-test-platform') as TestPlatform;
    const w = box.querySelector('d1-test-widget')!;
    await w.updateComplete;
    expect(text(w)).to.equal('Öppna menyn');
    // the page says fi, the user chose sv: the element says what it speaks
    expect(w.getAttribute('lang')).to.equal('sv');
    p.store.update({ locale: localeFor('en') });
    await waitFor(() => text(w) === 'Open menu', 'English after store update');
    expect(w.l10n.formatting).to.equal('en-FI');
    expect(w.getAttribute('lang')).to.equal('en');
    p.store.update({ locale: localeFor('fi') });
    await waitFor(() => text(w) === 'Avaa valikko' && !w.hasAttribute('lang'), 'fi, as the page says');
  });

  it('leaving the provider goes back to the nearest lang', async () => {
    const box = mount(
      `<div lang="fi"><ds-test-platform><d1-test-widget></d1-test-widget></ds-test-platform></div>`,
    );
    const w = box.querySelector('d1-test-widget')!;
    await waitFor(() => text(w) === 'Öppna menyn');
    box.firstElementChild!.append(w);
    await waitFor(() => text(w) === 'Avaa valikko', 'Finnish outside the provider');
  });
});

describe('messages', () => {
  afterEach(cleanup);

  it('interpolates {name} and chooses plural forms by Intl.PluralRules, numbers in the formatting locale', async () => {
    const box = mount(`<div lang="fi"><d1-test-widget></d1-test-widget></div>`);
    const w = box.querySelector('d1-test-widget')!;
    await w.updateComplete;
    expect(w.l10n.t('hello', { name: '<b>Aino</b>' })).to.equal('Hei <b>Aino</b>!');
    expect(w.l10n.t('items', { count: 1 })).to.equal('1 kohde');
    expect(w.l10n.t('items', { count: 2 })).to.equal('2 kohdetta');
    expect(w.l10n.t('items', { count: 12345 })).to.equal('12\u00a0345 kohdetta');
    box.firstElementChild!.setAttribute('lang', 'en');
    await waitFor(() => w.l10n.lang === 'en');
    expect(w.l10n.t('items', { count: 1 })).to.equal('1 item');
    expect(w.l10n.t('items', { count: 0 })).to.equal('0 items');
  });

  it('keeps room for the Sámi dual: a `two` form is chosen when the language has one', async () => {
    const { formatMessage } = await import('../../src/shared/index.js');
    const m = { one: '{count} girji', two: '{count} girjji (dual)', other: '{count} girjji' };
    expect(formatMessage(m, 'se', 'fi-FI', { count: 2 })).to.equal('2 girjji (dual)');
    expect(formatMessage(m, 'fi', 'fi-FI', { count: 2 })).to.equal('2 girjji');
  });

  it('a key missing in any language is a type error', () => {
    // @ts-expect-error en lacks "b"
    defineCatalog({ fi: { a: 'A', b: 'B' }, sv: { a: 'A', b: 'B' }, en: { a: 'A' } }, 'type-test-1');
    // @ts-expect-error sv has a stray key
    defineCatalog({ fi: { a: 'A' }, sv: { a: 'A', typo: 'T' }, en: { a: 'A' } }, 'type-test-2');
    // keep the deliberately broken catalogs out of the registry check below
    const reg = registeredCatalogs() as Catalog[];
    reg.splice(
      reg.findIndex((c) => c.name === 'type-test-1'),
      2,
    );
  });

  it('the runtime check finds a missing, empty or mismatched message', () => {
    const broken = {
      name: 'broken',
      messages: {
        fi: { a: 'A {x}', b: 'B', c: { one: 'yksi', other: 'monta' } },
        sv: { a: 'A', b: '' },
        en: { a: 'A {x}', b: 'B', c: { one: 'one' } },
      },
    } as unknown as Catalog;
    const problems = checkCatalogs([broken]);
    expect(problems).to.include.members([
      'broken.sv.a: placeholders none differ from fi {x}',
      'broken.sv.b: empty',
      'broken.sv.c: missing',
      'broken.en.c: empty (plural needs "other")',
    ]);
  });

  it('every registered catalog is complete in fi, sv and en', () => {
    const names = registeredCatalogs().map((c) => c.name);
    expect(names).to.include('test-widget');
    // the elements' own catalogs came in through src/all.ts, not only the fixture's
    expect(names.length, names.join(', ')).to.be.at.least(2);
    expect(checkCatalogs(), `registered: ${names.join(', ')}`).to.deep.equal([]);
  });
});

describe('formatting in Europe/Helsinki', () => {
  // 2025-08-11 09:05 UTC = 12.05 in Helsinki (EEST)
  const d = new Date('2025-08-11T09:05:00Z');

  it('dates and times use the Helsinki zone and the formatting locale, not the message language', () => {
    expect(formatDateTime(d, 'fi-FI')).to.equal('11.8.2025 klo 12.05');
    expect(formatDateTime(d, 'sv-FI')).to.match(/^11\.8\.2025 (kl\. )?12[.:]05$/);
    expect(formatDay(d, 'fi-FI')).to.equal('ma 11.8.2025');
    expect(formatDateTime(d, 'en-FI')).to.match(/11\/08\/2025|11\.8\.2025/);
  });

  it('relative time counts Helsinki calendar days', () => {
    const now = new Date('2025-08-11T21:10:00Z'); // 00.10 on the 12th in Helsinki
    expect(formatRelativeTime(new Date('2025-08-11T20:55:00Z'), 'fi-FI', now)).to.equal(
      '15 minuuttia sitten',
    );
    expect(formatRelativeTime(new Date('2025-08-11T19:00:00Z'), 'fi-FI', now)).to.equal('eilen');
    expect(formatRelativeTime(new Date('2025-08-11T19:00:00Z'), 'sv-FI', now)).to.equal('i går');
    expect(formatRelativeTime(new Date('2025-08-11T21:09:40Z'), 'en-FI', now)).to.equal('now');
    expect(formatRelativeTime(new Date('2025-08-01T12:00:00Z'), 'fi-FI', now)).to.equal('pe 1.8.2025');
    expect(formatRelativeTime(new Date('2025-08-12T00:10:00Z'), 'fi-FI', now)).to.equal('3 tunnin päästä');
  });
});
