/**
 * `<d1-class-picker>` data and states: standalone `groups`, a RosterService inside a platform
 * (a fake that pages like the OneRoster client: wtr cannot start a server, so the platform's REST
 * client is tested by its owner against the devkit), loading with progress, empty, error with
 * retry, signed out, d1-group-change and the store, session restore, recents, guardian mode.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createPlatformStore, type Group } from '@digione/context';
import type { D1ClassPicker, GroupChangeEvent } from '../../src/index.js';
import { FakeRoster, guardian, manyGroups, orgs, sessions, smallGroups, teacher, group } from './fixtures.js';
import {
  clearPickerMemory,
  expectActive,
  mountInPlatform,
  parts,
  politeText,
  press,
  renderedOptions,
  typeInto,
} from './harness.js';
import { waitFor, nextEvent } from '../../../../test/helpers/wait.js';

function statusText(picker: D1ClassPicker): string {
  return picker.shadowRoot!.querySelector('[part="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function signedIn(user = teacher) {
  return createPlatformStore({ auth: { status: 'signed-in' }, user, activeRole: user.roles[0]! });
}

describe('<d1-class-picker> data and states', () => {
  beforeEach(() => clearPickerMemory());

  it('standalone: groups property, value property shows the title, never a sourcedId', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en">
      <d1-class-picker .groups=${smallGroups} .organizations=${orgs} .sessions=${sessions} value="g-ai"></d1-class-picker>
    </div>`);
    const picker = wrap.querySelector('d1-class-picker')!;
    await picker.updateComplete;
    expect(parts(picker).input.value).to.equal('Äidinkieli 8C');
    expect(picker.selectedGroup?.id).to.equal('g-ai');
    parts(picker).input.focus();
    await press('ArrowDown');
    await expectActive(picker, 'Äidinkieli 8C');
    await waitFor(() => renderedOptions(picker).length === 9, 'all options');
    const shown = picker.shadowRoot!.querySelector('.d1-panel')!.textContent!;
    const labels = renderedOptions(picker).map((o) => o.getAttribute('aria-label')).join(' ');
    for (const g of smallGroups) {
      expect(shown).not.to.contain(g.id);
      expect(labels).not.to.contain(g.id);
    }
    // homeroom vs teaching group, subject and grade, in English
    expect(labels).to.contain('7A, Homeroom, grade 7');
    expect(labels).to.contain('Matematiikka 7A, Teaching group, MA7A, Matematiikka, grade 7');
  });

  it('standalone: the input never shows a group that is not the chosen one among the groups', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fi">
      <d1-class-picker .groups=${smallGroups} .organizations=${orgs} .sessions=${sessions} value="g-ai"></d1-class-picker>
    </div>`);
    const picker = wrap.querySelector('d1-class-picker')!;
    await picker.updateComplete;
    expect(parts(picker).input.value).to.equal('Äidinkieli 8C');
    // a value that names no group: nothing is shown as chosen
    picker.value = 'no-such-group';
    await picker.updateComplete;
    expect(picker.selectedGroup).to.equal(null);
    expect(parts(picker).input.value).to.equal('');
    picker.value = 'g-ai';
    await picker.updateComplete;
    expect(parts(picker).input.value).to.equal('Äidinkieli 8C');
    // the chosen group leaves the list (a new list from the vendor's own data)
    picker.groups = smallGroups.filter((g) => g.id !== 'g-ai');
    await picker.updateComplete;
    expect(parts(picker).input.value).to.equal('');
    picker.groups = [];
    await picker.updateComplete;
    expect(parts(picker).input.value).to.equal('');
  });

  it('standalone: bad groups from outside are skipped with a warning, a group without sessions is listed', async () => {
    const warned: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args);
    try {
      const noSessions = { ...smallGroups[0]!, id: 'g-nosession', title: 'Ilman lukuvuotta' } as Partial<Group>;
      delete noSessions.sessionIds;
      const bad = [noSessions, { title: 'Ei tunnistetta' }, null, ...smallGroups.slice(1)] as unknown as Group[];
      const wrap = await fixture<HTMLDivElement>(html`<div lang="fi">
        <d1-class-picker .groups=${bad} .organizations=${orgs} .sessions=${sessions}></d1-class-picker>
      </div>`);
      const picker = wrap.querySelector('d1-class-picker')!;
      await picker.updateComplete;
      parts(picker).input.focus();
      await press('ArrowDown');
      const usable = smallGroups.filter((g) => g.status !== 'tobedeleted').length;
      await waitFor(() => renderedOptions(picker).length === usable, 'the usable groups');
      const labels = renderedOptions(picker).map((o) => o.getAttribute('aria-label')).join(' ');
      expect(labels).to.contain('Ilman lukuvuotta');
      expect(labels).not.to.contain('Ei tunnistetta');
      expect(warned.filter((w) => String(w[0]).startsWith('[d1-class-picker] skipped'))).to.have.length(2);
    } finally {
      console.warn = warn;
    }
  });

  it('speaks the nearest lang and follows a change without a reload', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="sv"><d1-class-picker .groups=${smallGroups}></d1-class-picker></div>`);
    const picker = wrap.querySelector('d1-class-picker')!;
    await picker.updateComplete;
    expect(parts(picker).input.labels![0]!.textContent!.trim()).to.equal('Grupp');
    wrap.lang = 'fi';
    await waitFor(() => parts(picker).input.labels![0]!.textContent!.trim() === 'Ryhmä', 'Finnish label');
  });

  it('Finnish matching through the input: "ä" does not match "a"; "é" and "e" match each other', async () => {
    const groups = [
      group('x1', 'Äidinkieli 8C'),
      group('x2', 'Aine 7'),
      group('x3', 'Français débutants'),
      group('x4', 'Ruotsi B1'),
    ];
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fi"><d1-class-picker .groups=${groups}></d1-class-picker></div>`);
    const picker = wrap.querySelector('d1-class-picker')!;
    const titles = () => renderedOptions(picker).map((o) => o.querySelector('.title')!.textContent);
    await typeInto(picker, 'ä');
    await waitFor(() => titles().join() === 'Äidinkieli 8C', '"ä" finds only Äidinkieli');
    parts(picker).input.select();
    await typeInto(picker, 'ain');
    await waitFor(() => titles().join() === 'Aine 7', '"ain" does not find Äidinkieli');
    parts(picker).input.select();
    await typeInto(picker, 'debu');
    await waitFor(() => titles().join() === 'Français débutants', '"debu" finds débutants');
    parts(picker).input.select();
    await typeInto(picker, 'FRANÇ');
    await waitFor(() => titles().join() === 'Français débutants', 'case-insensitive, ç folds');
  });

  it('searches code and subject too', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fi"><d1-class-picker .groups=${smallGroups}></d1-class-picker></div>`);
    const picker = wrap.querySelector('d1-class-picker')!;
    const titles = () => renderedOptions(picker).map((o) => o.querySelector('.title')!.textContent);
    await typeInto(picker, 'ai8c');
    await waitFor(() => titles().join() === 'Äidinkieli 8C', 'by code');
    parts(picker).input.select();
    await typeInto(picker, 'kirjallisuus');
    await waitFor(() => titles().join() === 'Äidinkieli 8C', 'by subject');
  });

  it('inside a platform: pages through the roster with progress, then lists the groups', async () => {
    const roster = new FakeRoster({ groupsByUser: { [teacher.id]: manyGroups(250) }, limit: 100, gate: true });
    const store = signedIn();
    const { picker } = await mountInPlatform(store, { roster });
    await waitFor(() => roster.waiting === 1, 'first page requested');
    expect(statusText(picker)).to.equal('Ladataan ryhmiä…');
    await waitFor(() => politeText() === 'Ladataan ryhmiä…', 'loading announced');
    roster.releasePage();
    await waitFor(() => statusText(picker) === 'Ladataan ryhmiä: 100 / 250', 'progress after page 1');
    roster.releasePage();
    await waitFor(() => statusText(picker) === 'Ladataan ryhmiä: 200 / 250', 'progress after page 2');
    roster.releasePage();
    await waitFor(() => statusText(picker) === '', 'loaded');
    expect(roster.pagesServed).to.equal(3);
    expect(roster.calls).to.deep.equal([{ userId: teacher.id }]);
    expect(picker.resultCount).to.equal(250);
    await waitFor(() => politeText() === '250 ryhmää', 'count announced');
  });

  it('error: says so, announces it, and Try again loads; focus goes to the input', async () => {
    const roster = new FakeRoster({ groupsByUser: { [teacher.id]: smallGroups }, failTimes: 1 });
    const { picker } = await mountInPlatform(signedIn(), { roster });
    await waitFor(() => statusText(picker).startsWith('Ryhmien lataaminen ei onnistunut'), 'error shown');
    await waitFor(() => politeText().includes('Ryhmien lataaminen ei onnistunut.'), 'error announced');
    const retry = picker.shadowRoot!.querySelector<HTMLButtonElement>('[part="status"] button')!;
    expect(retry.textContent!.trim()).to.equal('Yritä uudelleen');
    retry.focus();
    await press('Enter');
    await waitFor(() => picker.resultCount === 9, 'loaded after retry');
    expect(statusText(picker)).to.equal('');
    expect(picker.shadowRoot!.activeElement).to.equal(parts(picker).input);
    expect(roster.calls).to.have.length(2);
  });

  it('empty: says so with a way on (load again)', async () => {
    const roster = new FakeRoster({ groupsByUser: {} });
    const { picker } = await mountInPlatform(signedIn(), { roster });
    await waitFor(() => statusText(picker).startsWith('Sinulle ei löytynyt ryhmiä'), 'empty shown');
    await waitFor(() => politeText().includes('Sinulle ei löytynyt ryhmiä'), 'empty announced');
    const again = picker.shadowRoot!.querySelector<HTMLButtonElement>('[part="status"] button')!;
    expect(again.textContent!.trim()).to.equal('Lataa uudelleen');
    again.click();
    await waitFor(() => roster.calls.length === 2, 'asked again');
    // the combobox stays collapsed: there is nothing to open
    parts(picker).input.focus();
    await press('ArrowDown');
    expect(parts(picker).input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('signed out: tells the user to sign in; signing in loads', async () => {
    const roster = new FakeRoster({ groupsByUser: { [teacher.id]: smallGroups } });
    const store = createPlatformStore({ auth: { status: 'signed-out' } });
    const { picker } = await mountInPlatform(store, { roster });
    expect(statusText(picker)).to.equal('Kirjaudu sisään, niin voit valita ryhmän.');
    store.update({ auth: { status: 'signed-in' }, user: teacher, activeRole: teacher.roles[0]! });
    await waitFor(() => picker.resultCount === 9, 'loaded after sign-in');
  });

  it('a choice fires d1-group-change and sets the store activeGroup; the store drives the value', async () => {
    const roster = new FakeRoster({ groupsByUser: { [teacher.id]: smallGroups } });
    const store = signedIn();
    const { picker } = await mountInPlatform(store, { roster });
    await waitFor(() => picker.resultCount === 9, 'loaded');
    const changed = nextEvent<GroupChangeEvent>(picker, 'd1-group-change');
    parts(picker).input.focus();
    await press('ArrowDown');
    await press('ArrowDown');
    await expectActive(picker, '7B');
    expect(store.get().activeGroup).to.equal(null); // moving does not choose
    await press('Enter');
    const e = await changed;
    expect(e.detail.group.id).to.equal('g-7b');
    expect(store.get().activeGroup?.id).to.equal('g-7b');
    // another part of the portal sets the group: the picker follows, without an event
    let events = 0;
    picker.addEventListener('d1-group-change', () => events++);
    store.update({ activeGroup: smallGroups.find((g) => g.id === 'g-zeta')! });
    await picker.updateComplete;
    expect(picker.value).to.equal('g-zeta');
    expect(parts(picker).input.value).to.equal('Zeta 1');
    expect(events).to.equal(0);
  });

  it('the choice survives a reload (session storage, per user) and is restored into the store', async () => {
    const roster = new FakeRoster({ groupsByUser: { [teacher.id]: smallGroups, other: smallGroups } });
    const first = await mountInPlatform(signedIn(), { roster });
    await waitFor(() => first.picker.resultCount === 9, 'loaded');
    parts(first.picker).input.focus();
    await press('End');
    await press('ArrowUp'); // closed: opens on the last
    await expectActive(first.picker, 'Östersundom 2');
    await press('Enter');
    expect(first.picker.value).to.equal('g-osterb');
    first.platform.parentElement!.remove();

    // "reload": a new store and a new picker for the same user in the same tab
    const store = signedIn();
    const events: GroupChangeEvent[] = [];
    document.addEventListener('d1-group-change', (e) => events.push(e as GroupChangeEvent), { once: true });
    const second = await mountInPlatform(store, { roster });
    await waitFor(() => second.picker.value === 'g-osterb', 'restored');
    expect(parts(second.picker).input.value).to.equal('Östersundom 2');
    expect(store.get().activeGroup?.id).to.equal('g-osterb');
    await waitFor(() => events.length === 1, 'restore event');
    expect(events[0]!.detail.source).to.equal('restore');
    second.platform.parentElement!.remove();

    // another user in the same tab does not get it
    const otherUser = { ...teacher, id: 'other' };
    const third = await mountInPlatform(signedIn(otherUser), { roster });
    await waitFor(() => third.picker.resultCount === 9, 'loaded for the other user');
    expect(third.picker.value).to.equal(null);
  });

  it('recent groups come first, in a section of their own, each group once', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fi">
      <d1-class-picker .groups=${smallGroups} .organizations=${orgs} .sessions=${sessions}></d1-class-picker>
    </div>`);
    const picker = wrap.querySelector('d1-class-picker')!;
    await picker.updateComplete;
    for (const q of ['zeta', 'histo']) {
      parts(picker).input.select();
      await typeInto(picker, q);
      await press('ArrowDown');
      await press('Enter');
    }
    await picker.updateComplete;
    await press('Alt+ArrowDown');
    await waitFor(() => renderedOptions(picker).length === 9, 'all options');
    const header = picker.shadowRoot!.querySelector('.d1-section')!;
    expect(header.textContent!.trim()).to.equal('Viimeksi valitut');
    const titles = renderedOptions(picker).map((o) => o.querySelector('.title')!.textContent);
    expect(titles.slice(0, 2)).to.deep.equal(['Historia 9A', 'Zeta 1']);
    expect(new Set(titles).size).to.equal(9);
    // a recent group names its school and session itself (no school heading above it)
    expect(renderedOptions(picker)[1]!.querySelector('.meta')!.textContent).to.contain('Zetan koulu');
  });

  it('guardian: a child switcher first (names from the roster), then that child\'s groups', async () => {
    const kids = [
      { id: 'u-child-1', givenName: 'Aino', familyName: 'Huoltaja', displayName: 'Aino Huoltaja' },
      { id: 'u-child-2', givenName: 'Eetu', familyName: 'Huoltaja', displayName: 'Eetu Huoltaja' },
    ];
    const roster = new FakeRoster({
      groupsByUser: {
        'u-child-1': [group('c1', '3A', { kind: 'homeroom' })],
        'u-child-2': [group('c2', '5C', { kind: 'homeroom' }), group('c3', 'Musiikki 5', { subjects: ['Musiikki'] })],
      },
      children: { [guardian.id]: kids },
    });
    const store = createPlatformStore({ auth: { status: 'signed-in' }, user: guardian, activeRole: guardian.roles[0]! });
    const { picker } = await mountInPlatform(store, { roster });
    const select = await waitFor(() => picker.shadowRoot!.querySelector('select'), 'child switcher');
    await waitFor(() => [...select.options].map((o) => o.text).join() === 'Aino Huoltaja,Eetu Huoltaja', 'child names');
    expect(select.labels![0]!.textContent!.trim()).to.equal('Lapsi');
    // the switcher comes before the combobox in the DOM (and so in reading and tab order)
    expect(select.compareDocumentPosition(parts(picker).input) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await waitFor(() => picker.resultCount === 1, "first child's groups");
    expect(store.get().activeChildId).to.equal('u-child-1');
    // choose a group, then switch child: the group of the other child does not stay active
    parts(picker).input.focus();
    await press('ArrowDown');
    await press('Enter');
    expect(store.get().activeGroup?.id).to.equal('c1');
    select.focus();
    select.value = 'u-child-2';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => picker.resultCount === 2, "second child's groups");
    expect(store.get().activeChildId).to.equal('u-child-2');
    expect(store.get().activeGroup).to.equal(null);
    expect(picker.value).to.equal(null);
    expect(roster.calls.map((c) => c.userId)).to.deep.equal(['u-child-1', 'u-child-2']);
  });

  it('guardian: arrows only browse the children; Enter or leaving the list switches (WCAG 3.2.2)', async () => {
    const kids = [
      { id: 'u-child-1', givenName: 'Aino', familyName: 'Huoltaja', displayName: 'Aino Huoltaja' },
      { id: 'u-child-2', givenName: 'Eetu', familyName: 'Huoltaja', displayName: 'Eetu Huoltaja' },
    ];
    const roster = new FakeRoster({
      groupsByUser: { 'u-child-1': [group('c1', '3A')], 'u-child-2': [group('c2', '5C'), group('c3', '5D')] },
      children: { [guardian.id]: kids },
    });
    const store = createPlatformStore({ auth: { status: 'signed-in' }, user: guardian, activeRole: guardian.roles[0]! });
    const { picker } = await mountInPlatform(store, { roster });
    const select = await waitFor(() => picker.shadowRoot!.querySelector('select'), 'child switcher');
    await waitFor(() => picker.resultCount === 1, "first child's groups");
    select.focus();
    // a closed list changes its value at the first arrow: nothing else may follow yet
    await press('ArrowDown');
    expect(select.value).to.equal('u-child-2');
    expect(store.get().activeChildId).to.equal('u-child-1');
    await press('ArrowUp');
    await press('ArrowDown');
    expect(store.get().activeChildId).to.equal('u-child-1');
    expect(roster.calls.map((c) => c.userId)).to.deep.equal(['u-child-1']);
    await press('Enter');
    await waitFor(() => picker.resultCount === 2, "second child's groups after Enter");
    expect(store.get().activeChildId).to.equal('u-child-2');
    // leaving the list is a choice too
    await press('ArrowUp');
    expect(store.get().activeChildId).to.equal('u-child-2');
    await press('Tab');
    await waitFor(() => store.get().activeChildId === 'u-child-1', 'the child chosen on leaving the list');
  });

  it('guardian without names from the roster: numbered children, never their ids', async () => {
    const roster = new FakeRoster({ groupsByUser: { 'u-child-1': [group('c1', '3A')] } });
    const store = createPlatformStore({ auth: { status: 'signed-in' }, user: guardian, activeRole: guardian.roles[0]! });
    const { picker } = await mountInPlatform(store, { roster });
    const select = await waitFor(() => picker.shadowRoot!.querySelector('select'), 'child switcher');
    expect([...select.options].map((o) => o.text)).to.deep.equal(['Lapsi 1', 'Lapsi 2']);
    await waitFor(() => picker.resultCount === 1, 'groups');
  });

  it('standalone loader: loading, error and retry work without a platform', async () => {
    let fail = true;
    const loader = async () => {
      if (fail) throw new Error('offline');
      return { groups: smallGroups, organizations: orgs, sessions };
    };
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><d1-class-picker .loader=${loader}></d1-class-picker></div>`);
    const picker = wrap.querySelector('d1-class-picker')!;
    await waitFor(() => statusText(picker).startsWith('The groups could not be loaded.'), 'error');
    fail = false;
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part="status"] button')!.click();
    await waitFor(() => picker.resultCount === 9, 'loaded');
  });

  it('a new loader loads again; a stale answer from the old one is dropped', async () => {
    let releaseOld: (v: { groups: typeof smallGroups; organizations: typeof orgs; sessions: typeof sessions }) => void = () => {};
    const slow = () => new Promise<{ groups: typeof smallGroups; organizations: typeof orgs; sessions: typeof sessions }>((r) => (releaseOld = r));
    const fast = async () => ({ groups: [group('n1', 'Uusi 1')], organizations: orgs, sessions });
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fi"><d1-class-picker .loader=${slow}></d1-class-picker></div>`);
    const picker = wrap.querySelector('d1-class-picker')!;
    await waitFor(() => statusText(picker).startsWith('Ladataan'), 'loading');
    picker.loader = fast;
    await waitFor(() => picker.resultCount === 1, 'the new loader answered');
    releaseOld({ groups: smallGroups, organizations: orgs, sessions });
    // the old load's continuation runs within a few microtasks: let them all run, then look
    for (let i = 0; i < 10; i++) await Promise.resolve();
    await picker.updateComplete;
    expect(picker.resultCount).to.equal(1);
  });
});
