/**
 * Inside a platform: the bar reads a real ContextStore provided through @lit/context and writes
 * role and language changes back to it, so every element and plugin follows.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { localeFor, type Group } from '@digione/context';
import '../../src/define/d1-login-bar.js';
import type { D1LoginBar } from '../../src/login-bar/login-bar.js';
import { waitFor } from '../../../../test/helpers/wait.js';
import { pupil, signedIn, teacher, type TestPlatform } from './fixtures.js';

const $ = (el: D1LoginBar, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const items = (el: D1LoginBar) =>
  Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[role^="menuitem"]'));
const focused = (el: D1LoginBar) => el.shadowRoot!.activeElement;

const group: Group = {
  id: 'g-7b',
  title: '7B',
  kind: 'homeroom',
  schoolId: 'org-makela',
  sessionIds: ['s-2026'],
  status: 'active',
  lastModified: '2026-08-01T00:00:00Z',
};

async function platform(): Promise<{ p: TestPlatform; el: D1LoginBar }> {
  // lang="en" on the page: inside a platform the store's locale (fi) must win over it
  const p = await fixture<TestPlatform>(
    html`<test-platform lang="en"><d1-login-bar></d1-login-bar></test-platform>`,
  );
  const el = p.querySelector('d1-login-bar')!;
  await el.updateComplete;
  return { p, el };
}

async function openMenu(el: D1LoginBar): Promise<void> {
  $(el, '.trigger')!.focus();
  await sendKeys({ press: 'ArrowDown' });
  await waitFor(() => focused(el) === items(el)[0], 'menu open on the first item');
}

describe('<d1-login-bar> inside a platform', () => {
  it('follows auth status from the store: unknown -> signing-in -> signed-in -> error -> signed-out', async () => {
    const { p, el } = await platform();
    expect($(el, '[role="status"]')!.textContent).to.contain('Tarkistetaan');
    p.store.update({ auth: { status: 'signing-in' } });
    await el.updateComplete;
    expect($(el, '[role="status"]')!.textContent).to.contain('Kirjaudutaan');
    p.store.update(signedIn(pupil));
    await el.updateComplete;
    expect($(el, '.name')!.textContent).to.match(/^Eetu Korhonen,?$/);
    p.store.update({ auth: { status: 'error', error: { code: 'expired' } }, user: null });
    await el.updateComplete;
    expect($(el, '[role="alert"]')!.textContent).to.contain('kirjattiin ulos');
    p.store.update({ auth: { status: 'signed-out' } });
    await el.updateComplete;
    expect($(el, '.sign-in')!.textContent?.trim()).to.equal('Kirjaudu sisään');
  });

  it('a session that expired (signed out with a reason) says so and offers to sign in again', async () => {
    const { p, el } = await platform();
    p.store.update({ auth: { status: 'signed-out', error: { code: 'expired' } } });
    await el.updateComplete;
    expect($(el, '[role="alert"]')!.textContent).to.contain('kirjattiin ulos');
    expect($(el, '.sign-in')!.textContent?.trim()).to.equal('Kirjaudu uudelleen');
  });

  it('sign in calls AuthService.signIn and still fires d1-sign-in', async () => {
    const { p, el } = await platform();
    p.store.update({ auth: { status: 'signed-out' } });
    await el.updateComplete;
    let fired = 0;
    el.addEventListener('d1-sign-in', () => fired++);
    $(el, '.sign-in')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => p.auth.calls.includes('signIn'), 'signIn called');
    expect(fired).to.equal(1);
  });

  it('a cancelled d1-sign-in leaves the platform alone', async () => {
    const { p, el } = await platform();
    p.store.update({ auth: { status: 'error', error: { code: 'network' } } });
    await el.updateComplete;
    el.addEventListener('d1-sign-in', (e) => e.preventDefault());
    $(el, '.sign-in')!.click();
    await el.updateComplete;
    expect(p.auth.calls).to.deep.equal([]);
  });

  it('role switch to another school updates store.activeRole and clears activeGroup', async () => {
    const { p, el } = await platform();
    p.store.update(signedIn(teacher, { activeRole: teacher.roles[0]!, activeGroup: group }));
    await el.updateComplete;
    const events: unknown[] = [];
    el.addEventListener('d1-role-change', (e) => events.push(e.detail.role));
    await openMenu(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(p.store.get().activeRole).to.deep.equal(teacher.roles[1]);
    expect(p.store.get().activeGroup, 'a group of the old school').to.equal(null);
    expect(events).to.deep.equal([teacher.roles[1]]);
    await el.updateComplete;
    expect($(el, '.trigger')!.textContent).to.contain('Rehtori');
    expect(items(el)[1]!.getAttribute('aria-checked')).to.equal('true');
  });

  it('role switch within the same school keeps the active group', async () => {
    const { p, el } = await platform();
    const twoRolesOneSchool = {
      ...teacher,
      roles: [
        teacher.roles[0]!,
        { role: 'counselor' as const, roleType: 'secondary' as const, orgId: 'org-makela' },
      ],
    };
    p.store.update(signedIn(twoRolesOneSchool, { activeGroup: group }));
    await el.updateComplete;
    await openMenu(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    expect(p.store.get().activeRole?.role).to.equal('counselor');
    expect(p.store.get().activeGroup).to.equal(group);
  });

  it('language switch updates store.locale and re-renders live; a second element follows', async () => {
    const p = await fixture<TestPlatform>(
      html`<test-platform
        ><d1-login-bar id="a"></d1-login-bar><d1-login-bar id="b"></d1-login-bar
      ></test-platform>`,
    );
    p.store.update(signedIn(pupil));
    const [a, b] = Array.from(p.querySelectorAll('d1-login-bar'));
    await a!.updateComplete;
    const locales: string[] = [];
    a!.addEventListener('d1-locale-change', (e) => locales.push(e.detail.locale));
    await openMenu(a!);
    await sendKeys({ press: 'i' }); // typeahead: "In English"
    await sendKeys({ press: 'Enter' });
    expect(p.store.get().locale).to.deep.equal(localeFor('en'));
    expect(locales).to.deep.equal(['en']);
    await waitFor(
      () => $(a!, '.trigger')!.textContent?.includes('Pupil 7B'),
      'English in the bar that switched',
    );
    await waitFor(
      () => $(b!, '.trigger')!.textContent?.includes('Mäkelä School'),
      'English in the other bar',
    );
    expect(focused(a!), 'focus back on the menu button').to.equal($(a!, '.trigger'));
    expect(
      items(a!)
        .find((i) => i.lang === 'en')!
        .getAttribute('aria-checked'),
    ).to.equal('true');
  });

  it('sign out calls AuthService.signOut; the bar follows the store to signed-out with focus on sign in', async () => {
    const { p, el } = await platform();
    p.store.update(signedIn(pupil));
    await el.updateComplete;
    let fired = 0;
    el.addEventListener('d1-sign-out', () => fired++);
    $(el, '.trigger')!.focus();
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => focused(el) === items(el).at(-1), 'on sign out');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => p.auth.calls.includes('signOut'), 'signOut called');
    expect(fired).to.equal(1);
    p.store.update({ auth: { status: 'signed-out' }, user: null, activeRole: null });
    await waitFor(() => focused(el)?.classList.contains('sign-in'), 'focus on sign in');
    expect($(el, '.note')!.textContent).to.contain('Muut palvelut voivat olla vielä auki');
  });

  it('unsubscribes from the store when removed', async () => {
    const { p, el } = await platform();
    el.remove();
    p.store.update(signedIn(pupil));
    await el.updateComplete;
    expect($(el, '.trigger'), 'a removed bar does not render store changes').to.equal(null);
    p.append(el);
    await waitFor(() => $(el, '.trigger'), 'rendered again after reconnecting');
  });
});
