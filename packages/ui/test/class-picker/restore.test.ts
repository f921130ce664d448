/**
 * `<d1-class-picker>` and the store after a reload, a deep link and a guardian's role:
 * - the child a guardian chose survives a reload although a sign-in sets the first child;
 * - the guardian's active role (the login bar's "Huoltaja 3A, school") follows the chosen child,
 *   and a role switched elsewhere (the login bar) brings the child at that school;
 * - a `value` given before the groups load (the shell's `?group=`) becomes the store's activeGroup.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createPlatformStore, type User } from '@digione/context';
import type { GroupChangeEvent } from '../../src/index.js';
import { FakeRoster, group, smallGroups, teacher } from './fixtures.js';
import { clearPickerMemory, mountInPlatform, parts, type TestPlatform } from './harness.js';
import { waitFor } from '../../../../test/helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';

// one guardian role per child's school, each naming that child's homeroom (as MPASSid sends them)
const guardian: User = {
  id: 'u-guardian-2',
  givenName: 'Heikki',
  familyName: 'Huoltaja',
  displayName: 'Heikki Huoltaja',
  roles: [
    { role: 'guardian', roleType: 'primary', orgId: 'org-kuusi', groupLabel: '7A' },
    { role: 'guardian', roleType: 'primary', orgId: 'org-zeta', groupLabel: '3A' },
  ],
  enabled: true,
  agentIds: ['u-kid-1', 'u-kid-2'],
};
const [atKuusi, atZeta] = guardian.roles as [User['roles'][0], User['roles'][0]];

const children = {
  [guardian.id]: [
    { id: 'u-kid-1', givenName: 'Aino', familyName: 'Huoltaja', displayName: 'Aino Huoltaja' },
    { id: 'u-kid-2', givenName: 'Eetu', familyName: 'Huoltaja', displayName: 'Eetu Huoltaja' },
  ],
};

function roster(): FakeRoster {
  return new FakeRoster({
    groupsByUser: {
      'u-kid-1': [group('k1', '7A', { kind: 'homeroom' }), group('k1m', 'Matematiikka 7A')],
      'u-kid-2': [group('k2', '3A', { kind: 'homeroom', schoolId: 'org-zeta' })],
    },
    children,
  });
}

/** What a sign-in (and every session restore) puts in the store: the first child, the first role. */
function signedInGuardian() {
  return createPlatformStore({
    auth: { status: 'signed-in' },
    user: guardian,
    activeRole: atKuusi,
    activeChildId: 'u-kid-1',
  });
}

async function childSwitcher(picker: HTMLElement): Promise<HTMLSelectElement> {
  const select = await waitFor(() => picker.shadowRoot!.querySelector('select'), 'child switcher');
  await waitFor(() => select.options[1]?.text === 'Eetu Huoltaja', 'child names');
  return select;
}

describe('<d1-class-picker> restore, deep links and the guardian role', () => {
  beforeEach(() => clearPickerMemory());

  it("a reload keeps the guardian's chosen child; the store follows", async () => {
    const first = await mountInPlatform(signedInGuardian(), { roster: roster() });
    const select = await childSwitcher(first.picker);
    await waitFor(() => first.picker.resultCount === 2, "first child's groups");
    select.focus();
    await sendKeys({ press: 'ArrowDown' }); // a closed select: the next child, browsed
    await sendKeys({ press: 'Enter' }); // and chosen
    await waitFor(() => first.picker.resultCount === 1, "second child's groups");
    first.platform.parentElement!.remove();

    // "reload": a new store, set by the sign-in to the first child, and a new picker in the same tab
    const store = signedInGuardian();
    const service = roster();
    const second = await mountInPlatform(store, { roster: service });
    const again = await childSwitcher(second.picker);
    await waitFor(() => second.picker.resultCount === 1, "the second child's groups");
    expect(again.value).to.equal('u-kid-2');
    expect(again.selectedOptions[0]!.text).to.equal('Eetu Huoltaja');
    expect(store.get().activeChildId).to.equal('u-kid-2');
    // the first child's groups were never asked for
    expect(service.calls.map((c) => c.userId)).to.deep.equal(['u-kid-2']);
  });

  it('a remembered child that is no longer theirs is not restored', async () => {
    const first = await mountInPlatform(signedInGuardian(), { roster: roster() });
    const select = await childSwitcher(first.picker);
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' }); // and chosen
    await waitFor(() => first.picker.resultCount === 1, "second child's groups");
    first.platform.parentElement!.remove();

    const store = createPlatformStore({
      auth: { status: 'signed-in' },
      user: { ...guardian, agentIds: ['u-kid-1'] },
      activeRole: atKuusi,
      activeChildId: 'u-kid-1',
    });
    const { picker } = await mountInPlatform(store, { roster: roster() });
    await waitFor(() => picker.resultCount === 2, "the only child's groups");
    expect(store.get().activeChildId).to.equal('u-kid-1');
  });

  it("the guardian's role follows the chosen child, and a role switch brings that school's child", async () => {
    const store = signedInGuardian();
    const { picker } = await mountInPlatform(store, { roster: roster() });
    const select = await childSwitcher(picker);
    await waitFor(() => picker.resultCount === 2, "first child's groups");
    expect(store.get().activeRole).to.equal(atKuusi);
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' }); // and chosen
    await waitFor(() => store.get().activeRole === atZeta, "the role at the second child's school");
    expect(store.get().activeChildId).to.equal('u-kid-2');
    // choose the child's group: a role already at the child's school stays
    parts(picker).input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => store.get().activeGroup?.id === 'k2', 'group chosen');
    expect(store.get().activeRole).to.equal(atZeta);

    // the login bar switches the role (and drops the group of the other school), as it does
    store.update({ activeRole: atKuusi, activeGroup: null });
    await waitFor(() => store.get().activeChildId === 'u-kid-1', 'the child at that school');
    await waitFor(() => select.value === 'u-kid-1' && picker.resultCount === 2, "the first child's groups");
    expect(store.get().activeRole).to.equal(atKuusi);
    expect(picker.value).to.equal(null);

    // and back: the switcher shows the child even when its options were chosen through their
    // `selected` property (as Playwright and some assistive technology do), which makes the
    // `selected` attribute count no more
    for (const o of select.options) o.selected = o.index === 0;
    store.update({ activeRole: atZeta, activeGroup: null });
    await waitFor(() => store.get().activeChildId === 'u-kid-2', 'the second child again');
    await waitFor(() => picker.resultCount === 1, "the second child's groups");
    expect(select.selectedOptions[0]!.text).to.equal('Eetu Huoltaja');
  });

  it("siblings at one school: the role naming the chosen child's class is active, and a role switch brings that child", async () => {
    // MPASSid gives a guardian one role per child, at one school they differ only by the class
    const at7A = { role: 'guardian', roleType: 'primary', orgId: 'org-kuusi', groupLabel: '7A' } as const;
    const at3B = { role: 'guardian', roleType: 'primary', orgId: 'org-kuusi', groupLabel: '3B' } as const;
    const store = createPlatformStore({
      auth: { status: 'signed-in' },
      user: { ...guardian, roles: [at7A, at3B] },
      activeRole: at7A,
      activeChildId: 'u-kid-1',
    });
    const service = new FakeRoster({
      groupsByUser: {
        'u-kid-1': [group('k1', '7A', { kind: 'homeroom' }), group('k1m', 'Matematiikka 7A')],
        'u-kid-2': [group('k2', '3B', { kind: 'homeroom' })],
      },
      children,
    });
    const { picker } = await mountInPlatform(store, { roster: service });
    const select = await childSwitcher(picker);
    await waitFor(() => picker.resultCount === 2, "first child's groups");
    expect(store.get().activeRole).to.equal(at7A);
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' }); // and chosen
    // the login bar would otherwise say "Huoltaja 7A" for the child in 3B
    await waitFor(() => store.get().activeRole === at3B, "the role naming the second child's class");
    await waitFor(() => picker.resultCount === 1, "second child's groups");

    // the login bar switches to the other role at the same school: the child in 7A follows
    store.update({ activeRole: at7A });
    await waitFor(() => store.get().activeChildId === 'u-kid-1', 'the child in 7A');
    await waitFor(() => select.value === 'u-kid-1' && picker.resultCount === 2, "the first child's groups");
    expect(store.get().activeRole).to.equal(at7A);
  });

  it('a value given before the groups load (a deep link) becomes the store activeGroup', async () => {
    const store = createPlatformStore({
      auth: { status: 'signed-in' },
      user: teacher,
      activeRole: teacher.roles[0]!,
    });
    const service = new FakeRoster({ groupsByUser: { [teacher.id]: smallGroups }, gate: true });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fi"><cp-test-platform></cp-test-platform></div>`,
    );
    const platform = wrapper.querySelector('cp-test-platform') as unknown as TestPlatform;
    platform.setup(store, { roster: service });
    // the shell renders the picker with the group of `?group=`, before the groups are loaded
    const picker = document.createElement('d1-class-picker');
    picker.value = 'g-7b';
    const events: GroupChangeEvent[] = [];
    picker.addEventListener('d1-group-change', (e) => events.push(e));
    platform.append(picker);
    await waitFor(() => service.waiting === 1, 'loading');
    expect(store.get().activeGroup).to.equal(null);
    service.releasePage();
    await waitFor(() => store.get().activeGroup?.id === 'g-7b', "the store's activeGroup");
    expect(parts(picker).input.value).to.equal('7B');
    await waitFor(() => events.length === 1, 'd1-group-change');
    expect(events[0]!.detail.source).to.equal('restore');
    expect(events[0]!.detail.group.id).to.equal('g-7b');

    // a value the store already has (it came from the store) is not fired again on a new load
    store.update({ activeGroup: smallGroups.find((g) => g.id === 'g-zeta')! });
    await picker.updateComplete;
    picker.reload();
    await waitFor(() => service.releasePage(), 'loading again');
    await waitFor(() => picker.resultCount === 9 && parts(picker).input.value === 'Zeta 1', 'loaded again');
    expect(picker.value).to.equal('g-zeta');
    expect(events.length).to.equal(1);
  });

  it('a value set after the load (the back button) becomes the store activeGroup; a cleared one stays cleared', async () => {
    const store = createPlatformStore({
      auth: { status: 'signed-in' },
      user: teacher,
      activeRole: teacher.roles[0]!,
    });
    const { picker } = await mountInPlatform(store, {
      roster: new FakeRoster({ groupsByUser: { [teacher.id]: smallGroups } }),
    });
    await waitFor(() => picker.resultCount === 9, 'loaded');
    // the teacher chooses 7B (the tab remembers it), then goes on to another page of the portal
    parts(picker).input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => store.get().activeGroup?.id === 'g-7b', 'chosen');
    const events: GroupChangeEvent[] = [];
    picker.addEventListener('d1-group-change', (e) => events.push(e));
    // the shell's popstate hands the picker the group of an earlier address
    picker.value = 'g-zeta';
    await waitFor(() => store.get().activeGroup?.id === 'g-zeta', "the store's activeGroup");
    await waitFor(() => events.length === 1, 'd1-group-change');
    expect(events[0]!.detail).to.include({ source: 'restore' });
    expect(parts(picker).input.value).to.equal('Zeta 1');
    // an unknown id changes nothing in the store
    picker.value = 'no-such-group';
    await picker.updateComplete;
    expect(store.get().activeGroup?.id).to.equal('g-zeta');
    // cleared from outside (a school switch): the remembered 7B does not come back
    picker.value = null;
    store.update({ activeGroup: null });
    await picker.updateComplete;
    expect(store.get().activeGroup).to.equal(null);
    expect(picker.value).to.equal(null);
    expect(parts(picker).input.value).to.equal('');
    expect(events.length).to.equal(1);
  });

  it('standalone, a given value is shown and nothing is fired', async () => {
    const events: GroupChangeEvent[] = [];
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fi">
        <d1-class-picker
          .groups=${smallGroups}
          value="g-7a"
          @d1-group-change=${(e: GroupChangeEvent) => events.push(e)}
        ></d1-class-picker>
      </div>`,
    );
    const picker = wrapper.querySelector('d1-class-picker')!;
    await picker.updateComplete;
    expect(parts(picker).input.value).to.equal('7A');
    expect(events.length).to.equal(0);
  });
});
