import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AuthError } from '@digione/context';
import '../../src/define/d1-login-bar.js';
import type { D1LoginBar } from '../../src/login-bar/login-bar.js';
import { waitFor } from '../../../../test/helpers/wait.js';
import { organizations, pupil, teacher } from './fixtures.js';

const $ = <T extends Element = HTMLElement>(el: D1LoginBar, sel: string): T | null =>
  el.shadowRoot!.querySelector<T>(sel);
const focused = (el: D1LoginBar): Element | null => el.shadowRoot!.activeElement;
const items = (el: D1LoginBar): HTMLElement[] =>
  Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[role^="menuitem"]'));
const itemText = (item: Element | null): string =>
  (
    item?.querySelector('.item-text > span:first-child') ?? item?.querySelector('.item-text')
  )?.textContent?.trim() ?? '';
const menuOpen = (el: D1LoginBar): boolean => !$(el, '.popup')!.hidden;

async function bar(lang: string, props: Partial<D1LoginBar> = {}): Promise<D1LoginBar> {
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}><d1-login-bar></d1-login-bar></div>`);
  const el = wrap.querySelector('d1-login-bar')!;
  Object.assign(el, props);
  await el.updateComplete;
  return el;
}

/** Focus the menu button with a real Tab from a button placed before the bar. */
async function focusTrigger(el: D1LoginBar): Promise<HTMLButtonElement> {
  const trigger = $<HTMLButtonElement>(el, '.trigger')!;
  trigger.focus();
  await waitFor(() => focused(el) === trigger, 'menu button focused');
  return trigger;
}

describe('<d1-login-bar> states', () => {
  it('signed out: one clear sign-in button that fires d1-sign-in', async () => {
    const el = await bar('fi');
    const button = $<HTMLButtonElement>(el, 'button')!;
    expect(button.textContent?.trim()).to.equal('Kirjaudu sisään');
    expect($(el, '[aria-haspopup]')).to.equal(null);
    let fired = 0;
    el.addEventListener('d1-sign-in', () => fired++);
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(fired).to.equal(1);
  });

  it('busy while the session is checked or sign-in is under way', async () => {
    const el = await bar('en', { status: 'unknown' });
    expect($(el, '[role="status"]')?.textContent).to.contain('Checking sign-in');
    expect($(el, 'button')).to.equal(null);
    el.status = 'signing-in';
    await el.updateComplete;
    expect($(el, '[role="status"]')?.textContent).to.contain('Signing in');
  });

  it('signed in, one role: preferred first name, role, school, initials hidden from AT, no role switch', async () => {
    const el = await bar('fi', { user: pupil, organizations });
    const trigger = $(el, '.trigger')!;
    expect($(el, '.name')?.textContent).to.match(/^Eetu Korhonen,?$/);
    expect(trigger.textContent).to.contain('Oppilas 7B');
    // nonDisclosure hides the school in SHARED views; this is the pupil's own view, so it shows
    expect(trigger.textContent).to.contain('Mäkelän koulu');
    const avatar = $(el, '.avatar')!;
    expect(avatar.textContent).to.equal('EK');
    expect(avatar.getAttribute('aria-hidden')).to.equal('true');
    expect(trigger.getAttribute('aria-haspopup')).to.equal('menu');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(
      el.shadowRoot!.getElementById(trigger.getAttribute('aria-controls')!)?.getAttribute('role'),
    ).to.equal('menu');
    expect(items(el).map(itemText)).to.deep.equal(['Suomeksi', 'På svenska', 'In English', 'Kirjaudu ulos']);
  });

  it('signed in, several roles: one radio item per role and school, the active one checked', async () => {
    const el = await bar('sv', { user: teacher, organizations });
    const radios = items(el).filter((i) => i.getAttribute('role') === 'menuitemradio');
    expect(radios.slice(0, 2).map(itemText)).to.deep.equal([
      'Lärare, Mäkelä skola',
      'Rektor, Kuusikoski enhetsskola',
    ]);
    expect(radios.slice(0, 2).map((r) => r.getAttribute('aria-checked'))).to.deep.equal(['true', 'false']);
    el.activeRole = teacher.roles[1]!;
    await el.updateComplete;
    expect($(el, '.trigger')!.textContent).to.contain('Rektor');
    expect($(el, '.trigger')!.textContent).to.contain('Kuusikoski enhetsskola');
  });

  it('languages: native names, each with its lang, the current one checked', async () => {
    const el = await bar('sv', { user: pupil, organizations });
    const langs = items(el).filter((i) => i.hasAttribute('lang'));
    expect(langs.map((i) => [itemText(i), i.lang, i.getAttribute('aria-checked')])).to.deep.equal([
      ['Suomeksi', 'fi', 'false'],
      ['På svenska', 'sv', 'true'],
      ['In English', 'en', 'false'],
    ]);
  });

  it('sign-out says honestly that other services may stay signed in (visible and as description)', async () => {
    const el = await bar('en', { user: pupil, organizations });
    const signOut = items(el).at(-1)!;
    const hint = el.shadowRoot!.getElementById(signOut.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.match(/Other MPASSid services may stay signed in/);
    $<HTMLButtonElement>(el, '.trigger')!.click();
    await waitFor(() => hint.getBoundingClientRect().height > 0, 'hint visible with the menu');
    const gap = hint.getBoundingClientRect().top - signOut.getBoundingClientRect().bottom;
    expect(gap, 'right under the sign-out item').to.be.within(-1, 4);
  });

  const errors: Array<[AuthError['code'], RegExp]> = [
    ['rejected', /couldn't sign you in/],
    ['expired', /away for a long time/],
    ['missing-role', /isn't linked to a school/],
    ['missing-learner-number', /learner number/],
    ['network', /couldn't connect/],
    ['unknown', /went wrong/],
  ];
  for (const [code, words] of errors) {
    it(`error ${code}: plain words in an alert and a retry that fires d1-sign-in`, async () => {
      const el = await bar('en', { error: { code, message: 'server detail never shown' } });
      const alert = $(el, '[role="alert"]')!;
      expect(alert.textContent).to.match(words);
      expect(alert.textContent).not.to.contain('server detail');
      const retry = $<HTMLButtonElement>(el, '.error button')!;
      expect(retry.textContent?.trim()).to.equal('Sign in again');
      let fired = 0;
      el.addEventListener('d1-sign-in', () => fired++);
      retry.click();
      expect(fired).to.equal(1);
    });
  }

  it('errors are in Finnish and Swedish too', async () => {
    const fi = await bar('fi', { error: { code: 'missing-role' } });
    expect($(fi, '[role="alert"]')!.textContent).to.contain('koulua');
    const sv = await bar('sv', { error: { code: 'missing-learner-number' } });
    expect($(sv, '[role="alert"]')!.textContent).to.contain('studerandenummer');
  });

  it('follows the nearest lang live, without a reload', async () => {
    const el = await bar('fi', { user: pupil, organizations });
    expect($(el, '.trigger')!.textContent).to.contain('Mäkelän koulu');
    el.parentElement!.setAttribute('lang', 'en');
    await waitFor(() => $(el, '.trigger')!.textContent?.includes('Mäkelä School'), 'English school name');
    expect($(el, '.trigger')!.textContent).to.contain('Pupil 7B');
    expect(items(el).at(-1)!.textContent).to.contain('Sign out');
  });

  it('never shows a raw organisation id when the school is unknown', async () => {
    const el = await bar('fi', { user: pupil, organizations: {} });
    expect(el.shadowRoot!.textContent).not.to.contain('org-makela');
    expect($(el, '.trigger')!.textContent).to.contain('Oppilas 7B');
  });
});

describe('<d1-login-bar> menu keyboard (APG menu button)', () => {
  it('Enter opens on the first item', async () => {
    const el = await bar('fi', { user: teacher, organizations });
    const trigger = await focusTrigger(el);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused(el) === items(el)[0], 'first item focused');
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
  });

  it('Space opens on the first item', async () => {
    const el = await bar('fi', { user: teacher, organizations });
    await focusTrigger(el);
    await sendKeys({ press: 'Space' });
    await waitFor(() => focused(el) === items(el)[0], 'first item focused');
  });

  it('ArrowDown opens on the first item, ArrowUp on the last', async () => {
    const el = await bar('fi', { user: teacher, organizations });
    await focusTrigger(el);
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => focused(el) === items(el)[0], 'first item focused');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => focused(el) === $(el, '.trigger'), 'focus back on the button');
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => focused(el) === items(el).at(-1), 'last item focused');
  });

  it('arrows move with wrap; Home and End jump', async () => {
    const el = await bar('fi', { user: teacher, organizations });
    await focusTrigger(el);
    await sendKeys({ press: 'ArrowDown' });
    const all = items(el);
    await waitFor(() => focused(el) === all[0], 'first');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(all[1]);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el), 'ArrowUp on the first wraps to the last').to.equal(all.at(-1));
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el), 'ArrowDown on the last wraps to the first').to.equal(all[0]);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(all.at(-1));
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal(all[0]);
  });

  it('typeahead moves to the next item starting with the typed letter', async () => {
    const el = await bar('fi', { user: teacher, organizations });
    await focusTrigger(el);
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => focused(el) === items(el)[0], 'first');
    await sendKeys({ press: 'i' });
    expect(itemText(focused(el))).to.equal('In English');
    await sendKeys({ press: 'k' });
    expect(itemText(focused(el))).to.equal('Kirjaudu ulos');
    await sendKeys({ press: 'r' });
    expect(itemText(focused(el))).to.equal('Rehtori, Kuusikosken yhtenäiskoulu');
  });

  it('Escape closes and returns focus to the menu button', async () => {
    const el = await bar('fi', { user: teacher, organizations });
    const trigger = await focusTrigger(el);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => menuOpen(el) && focused(el) === items(el)[0], 'open');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !menuOpen(el), 'closed');
    expect(focused(el)).to.equal(trigger);
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
  });

  it('Tab closes the menu and moves on: no focus trap', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div lang="fi"><d1-login-bar></d1-login-bar><button id="after">after</button></div>`,
    );
    const el = wrap.querySelector('d1-login-bar')!;
    el.user = teacher;
    el.organizations = organizations;
    await el.updateComplete;
    await focusTrigger(el);
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => menuOpen(el), 'open');
    await sendKeys({ press: 'Tab' });
    await waitFor(() => document.activeElement === wrap.querySelector('#after'), 'focus after the bar');
    expect(menuOpen(el)).to.equal(false);
  });

  it('Shift+Tab also closes the menu and leaves backwards', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div lang="fi"><button id="before">before</button><d1-login-bar></d1-login-bar></div>`,
    );
    const el = wrap.querySelector('d1-login-bar')!;
    el.user = teacher;
    el.organizations = organizations;
    await el.updateComplete;
    await focusTrigger(el);
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => menuOpen(el), 'open');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await waitFor(() => document.activeElement === wrap.querySelector('#before'), 'focus before the bar');
    expect(menuOpen(el)).to.equal(false);
  });

  it('a click outside closes the menu', async () => {
    const el = await bar('fi', { user: teacher, organizations });
    $<HTMLButtonElement>(el, '.trigger')!.click();
    await waitFor(() => menuOpen(el), 'open');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await waitFor(() => !menuOpen(el), 'closed');
  });
});

describe('<d1-login-bar> standalone events', () => {
  it('role switch fires d1-role-change with the RoleAssignment and shows the new role', async () => {
    const el = await bar('fi', { user: teacher, organizations });
    const seen: unknown[] = [];
    el.addEventListener('d1-role-change', (e) => seen.push(e.detail.role));
    const trigger = await focusTrigger(el);
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => focused(el) === items(el)[0], 'open');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(seen).to.deep.equal([teacher.roles[1]]);
    await waitFor(() => focused(el) === trigger && !menuOpen(el), 'closed, focus on the button');
    expect(trigger.textContent).to.contain('Rehtori');
  });

  it('choosing the role already active fires nothing', async () => {
    const el = await bar('fi', { user: teacher, organizations });
    let fired = 0;
    el.addEventListener('d1-role-change', () => fired++);
    await focusTrigger(el);
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => focused(el) === items(el)[0], 'open');
    await sendKeys({ press: 'Space' });
    await waitFor(() => !menuOpen(el), 'closed');
    expect(fired).to.equal(0);
  });

  it('a cancelled d1-role-change leaves the role as it was', async () => {
    const el = await bar('fi', { user: teacher, organizations });
    el.addEventListener('d1-role-change', (e) => e.preventDefault());
    items(el)[1]!.click();
    await el.updateComplete;
    expect($(el, '.trigger')!.textContent).to.contain('Opettaja');
  });

  it('language switch fires d1-locale-change; the page decides by setting lang', async () => {
    const el = await bar('fi', { user: pupil, organizations });
    el.addEventListener('d1-locale-change', (e) => el.parentElement!.setAttribute('lang', e.detail.locale));
    const events: string[] = [];
    el.addEventListener('d1-locale-change', (e) => events.push(e.detail.locale));
    await focusTrigger(el);
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => focused(el) === items(el)[0], 'open');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(events).to.deep.equal(['sv']);
    await waitFor(() => $(el, '.trigger')!.textContent?.includes('Elev'), 'Swedish role name');
    const sv = items(el).find((i) => i.lang === 'sv')!;
    expect(sv.getAttribute('aria-checked')).to.equal('true');
  });

  it('sign out fires d1-sign-out; once signed out, focus lands on sign in and the note stays honest', async () => {
    const el = await bar('en', { user: pupil, organizations });
    el.addEventListener('d1-sign-out', () => {
      el.user = null;
    });
    await focusTrigger(el);
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => itemText(focused(el)) === 'Sign out', 'on sign out');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused(el)?.classList.contains('sign-in'), 'focus on sign in');
    expect($(el, '.note')!.textContent).to.contain('Other services may still be signed in');
    const live = document.querySelector('[data-d1-announcer="polite"]');
    await waitFor(() => live?.textContent?.includes('You signed out'), 'announced');
  });

  it('two bars on one page get distinct ids', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div lang="fi">
        <d1-login-bar .user=${pupil}></d1-login-bar><d1-login-bar .user=${pupil}></d1-login-bar>
      </div>`,
    );
    const [a, b] = Array.from(wrap.querySelectorAll('d1-login-bar'));
    await a!.updateComplete;
    await b!.updateComplete;
    expect($(a!, '[role="menu"]')!.id).not.to.equal($(b!, '[role="menu"]')!.id);
  });
});
