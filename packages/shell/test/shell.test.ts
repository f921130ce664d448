import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { localeFor, type ContextStore, type Group, type PlatformContext, type User } from '@digione/context';
import type { D1Platform } from '@digione/platform';
import type { D1NotificationTray } from '@digione/ui';
import { contrastRatio } from '@digione/ui/shared/index.js';
import '@digione/shell/all.js';
import type { D1Shell } from '@digione/shell';
import { expectAccessible } from '../../../test/helpers/a11y.js';
import { waitFor } from '../../../test/helpers/wait.js';

const MODULE = new URL('./fixtures/group-echo.ts', import.meta.url).href;
const manifest = (id: string, fi: string, sv: string, roles?: string[]) => ({
  id,
  name: { fi, sv, en: fi },
  version: '1.0.0',
  vendor: 'Testi Oy',
  kind: 'module',
  module: MODULE,
  ...(roles ? { roles } : {}),
});
const manifests = [
  manifest('fi.example.reading', 'Lukupäiväkirja', 'Läsdagbok', ['teacher', 'student']),
  manifest('fi.example.grades', 'Arviointi', 'Bedömning', ['teacher']),
  manifest('fi.example.pupil-only', 'Oppilaan oma', 'Elevens egen', ['student']),
  { id: 'Not A Valid Id', kind: 'iframe' },
];
const teacher: User = {
  id: 'u-1',
  givenName: 'Aino',
  familyName: 'Virtanen',
  displayName: 'Aino Virtanen',
  enabled: true,
  roles: [
    { role: 'teacher', roleType: 'primary', orgId: 'o-1' },
    { role: 'principal', roleType: 'secondary', orgId: 'o-1' },
  ],
};
const group: Group = {
  id: 'c-7b',
  title: '7B',
  kind: 'homeroom',
  schoolId: 'o-1',
  sessionIds: ['t1'],
  status: 'active',
  lastModified: '2026-08-01T00:00:00.000Z',
};

const startUrl = location.href;
afterEach(() => history.replaceState(null, '', startUrl));

async function shell(): Promise<{ el: D1Shell; store: ContextStore<PlatformContext> }> {
  const el = await fixture<D1Shell>(
    html`<d1-shell
      .manifests=${manifests}
      .policy=${{ moduleAllowList: [MODULE], plugins: { '*': { permissions: [] } } }}
    ></d1-shell>`,
  );
  const platform = await waitFor(
    () => el.shadowRoot!.querySelector<D1Platform>('d1-platform'),
    'the platform',
  );
  const store = await waitFor(() => platform.store, 'the store');
  return { el, store };
}

function signIn(store: ContextStore<PlatformContext>) {
  store.update({
    auth: { status: 'signed-in' },
    user: teacher,
    activeRole: teacher.roles[0]!,
    organizations: {
      'o-1': { id: 'o-1', type: 'school', name: { fi: 'Kuusikon koulu' }, schoolCode: '99901' },
    },
  });
}

const $ = <T extends Element = HTMLElement>(el: D1Shell, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const navNames = (el: D1Shell) =>
  [...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent!.trim());

describe('<d1-shell>', () => {
  it('signed out: skip link, banner, main with a heading, a sign-in prompt, no navigation', async () => {
    const { el } = await shell();
    expect($(el, '.skip')!.textContent).to.equal('Siirry pääsisältöön');
    expect($(el, 'header')).to.exist;
    expect($(el, 'main h1')!.textContent).to.equal('Tervetuloa');
    expect($(el, 'nav')).to.equal(null);
    expect($(el, 'd1-login-bar')).to.exist;
    await expectAccessible(el);
  });

  it('shared-screen reaches the tray: personal notifications are shown without their content', async () => {
    const { el, store } = await shell();
    el.setAttribute('shared-screen', '');
    signIn(store);
    const tray = await waitFor(() => $<D1NotificationTray>(el, 'd1-notification-tray'), 'the tray');
    await waitFor(() => tray.sharedScreen, 'the tray is told');
    el.removeAttribute('shared-screen');
    await waitFor(() => !tray.sharedScreen, 'and told again');
  });

  it('signed in: the navigation lists only what the role may see; invalid manifests are skipped with a notice', async () => {
    const { el, store } = await shell();
    signIn(store);
    await waitFor(() => navNames(el).length === 2, 'two tools in the navigation');
    expect(navNames(el)).to.deep.equal(['Lukupäiväkirja', 'Arviointi']);
    expect($(el, 'nav')!.getAttribute('aria-label')).to.equal('Työkalut');
    expect($(el, 'main')!.textContent).to.contain('1 työkalu ohitettiin');
    await expectAccessible(el);
  });

  it('opening a tool puts it in the URL, moves focus to the heading, mounts the plugin; back returns', async () => {
    const { el, store } = await shell();
    signIn(store);
    store.update({ activeGroup: group });
    await waitFor(() => navNames(el).length === 2, 'navigation');
    const link = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')][1]!;
    link.click();
    await waitFor(() => $(el, 'main h1')!.textContent === 'Arviointi', 'heading of the tool');
    expect(new URL(location.href).searchParams.get('plugin')).to.equal('fi.example.grades');
    expect(new URL(location.href).searchParams.get('group')).to.equal('c-7b');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'main-heading', 'focus on the main heading');
    expect(link.getAttribute('aria-current')).to.equal('page');
    const host = $(el, 'd1-plugin-host[plugin-id="fi.example.grades"]')!;
    await waitFor(() => host.getAttribute('state') === 'ready', 'the plugin to be ready');
    const echo = await waitFor(
      () => host.shadowRoot!.querySelector('[part=module]')?.shadowRoot?.querySelector('.echo') ?? null,
      'plugin output',
    );
    await waitFor(() => echo.textContent!.startsWith('group=7B locale=fi'), 'the plugin sees the group');

    // open the other tool, then go back
    [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')][0]!.click();
    await waitFor(() => $(el, 'main h1')!.textContent === 'Lukupäiväkirja', 'the first tool');
    expect(host.hidden).to.equal(true);
    history.back();
    await waitFor(() => $(el, 'main h1')!.textContent === 'Arviointi', 'back to the second tool');
    expect(host.hidden).to.equal(false);
  });

  it('the path of the address (a deep link, a notification link) reaches the plugin, and follows it', async () => {
    const { el, store } = await shell();
    signIn(store);
    store.update({ activeGroup: group });
    el.navigate('fi.example.grades', '/task/3');
    await waitFor(() => new URL(location.href).searchParams.get('path') === '/task/3', 'path in the URL');
    const host = $(el, 'd1-plugin-host[plugin-id="fi.example.grades"]')!;
    const echo = await waitFor(
      () => host.shadowRoot!.querySelector('[part=module]')?.shadowRoot?.querySelector('.echo') ?? null,
      'plugin output',
    );
    await waitFor(() => echo.textContent!.endsWith('path=/task/3'), 'the plugin has the path');
    el.navigate('fi.example.grades', '/task/4');
    await waitFor(() => echo.textContent!.endsWith('path=/task/4'), 'a new path reaches the running plugin');
    history.back();
    await waitFor(() => echo.textContent!.endsWith('path=/task/3'), 'back: the previous path');
    // the tool opened from the navigation: its start, no path
    [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')][1]!.click();
    await waitFor(() => echo.textContent!.endsWith('path=-'), 'opened as such: no path');
  });

  it("a plugin moving inside itself in a burst adds one history entry, not one per move", async () => {
    const { el, store } = await shell();
    signIn(store);
    el.navigate('fi.example.grades', '/start');
    const host = await waitFor(() => $(el, 'd1-plugin-host[plugin-id="fi.example.grades"]'), 'the tool');
    const before = history.length;
    // what the host dispatches for the plugin's navigation.open, ten times at once (a loop)
    for (let i = 0; i < 10; i++)
      host.dispatchEvent(
        new CustomEvent('d1-plugin-navigate', {
          detail: { pluginId: 'fi.example.grades', path: `/p${i}`, from: 'fi.example.grades' },
          bubbles: true,
          composed: true,
        }),
      );
    expect(new URL(location.href).searchParams.get('path')).to.equal('/p9');
    expect(history.length - before).to.equal(1);
    // the user's own move is always an entry of its own
    el.navigate('fi.example.reading');
    expect(history.length - before).to.equal(2);
  });

  it('a deep link opens the tool; a tool the role may not see is not opened', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}&plugin=fi.example.reading`);
    const { el, store } = await shell();
    signIn(store);
    await waitFor(() => $(el, 'main h1')!.textContent === 'Lukupäiväkirja', 'the linked tool');
    el.navigate('fi.example.pupil-only');
    await waitFor(() => $(el, 'main')!.textContent!.includes('Työkalua ei löytynyt'), 'unknown tool message');
  });

  it('sign-out: the open plugin is told the user left (no subject, no group), then unmounted', async () => {
    const { el, store } = await shell();
    signIn(store);
    store.update({ activeGroup: group });
    await waitFor(() => navNames(el).length === 2, 'navigation');
    el.navigate('fi.example.reading');
    const host = await waitFor(() => $(el, 'd1-plugin-host[plugin-id="fi.example.reading"]'), 'mounted');
    await waitFor(() => host.getAttribute('state') === 'ready', 'ready');
    const echo = await waitFor(
      () => host.shadowRoot!.querySelector('[part=module]')?.shadowRoot?.querySelector('.echo') ?? null,
      'plugin output',
    );
    await waitFor(() => echo.textContent!.startsWith('group=7B'), 'the group');
    store.update({ activeGroup: { ...group, id: 'c-8a', title: '8A' } });
    await waitFor(
      () => echo.textContent!.startsWith('group=8A'),
      `a group change reaches the plugin (${echo.textContent})`,
    );
    store.update({ auth: { status: 'signed-out' }, user: null, activeRole: null, activeGroup: null });
    await waitFor(
      () => echo.textContent!.startsWith('group=- locale=fi sub=-'),
      `the signed-out context reaches the plugin (${echo.textContent}, state ${host.getAttribute('state')}, in DOM ${host.isConnected})`,
    );
    expect(navNames(el)).to.deep.equal([]);
    await waitFor(() => !$(el, 'd1-plugin-host'), 'the plugin unmounted after the grace period', 5000);
    expect($(el, 'main')!.textContent).to.contain('Kirjaudu sisään');
  });

  it('a role switch unmounts tools the new role may not see', async () => {
    const { el, store } = await shell();
    signIn(store);
    await waitFor(() => navNames(el).length === 2, 'navigation');
    el.navigate('fi.example.grades');
    await waitFor(() => $(el, 'd1-plugin-host[plugin-id="fi.example.grades"]'), 'mounted');
    store.update({ activeRole: teacher.roles[1]! });
    await waitFor(() => navNames(el).length === 0, 'no tools for a principal');
    expect($(el, 'd1-plugin-host')).to.equal(null);
    expect($(el, 'main')!.textContent).to.contain('Työkalua ei löytynyt');
  });

  it('follows the language and theme of the store, live', async () => {
    const { el, store } = await shell();
    signIn(store);
    await waitFor(() => navNames(el).length === 2, 'navigation');
    store.update({ locale: localeFor('sv'), theme: { ...store.get().theme, colorScheme: 'dark' } });
    await waitFor(() => navNames(el)[0] === 'Läsdagbok', 'Swedish names');
    expect($(el, 'nav')!.getAttribute('aria-label')).to.equal('Verktyg');
    expect($(el, '.skip')!.textContent).to.equal('Hoppa till huvudinnehållet');
    expect(el.getAttribute('lang')).to.equal('sv');
    expect(el.getAttribute('data-d1-theme')).to.equal('dark');
    await expectAccessible(el);
  });

  it('a plugin list that cannot be loaded: an alert whose retry loads it again', async () => {
    const el = await fixture<D1Shell>(html`<d1-shell plugins="/no-such-plugin-list.json"></d1-shell>`);
    const platform = await waitFor(
      () => el.shadowRoot!.querySelector<D1Platform>('d1-platform'),
      'the platform',
    );
    signIn(await waitFor(() => platform.store, 'the store'));
    const alert = await waitFor(() => $(el, '[role="alert"]'), 'the error');
    expect(alert.textContent).to.contain('Työkalujen lataus epäonnistui.');
    await expectAccessible(el);
    const reg = el.activeRegistry;
    let loads = 0;
    let statusShown = false;
    reg.addEventListener('change', () => {
      if (reg.state !== 'loading') return;
      loads++;
      // the loading message shows in the update that follows
      void el.updateComplete.then(() => (statusShown ||= !!$(el, '.lead[role="status"]')));
    });
    alert.querySelector('button')!.click();
    await waitFor(() => loads === 1, 'a new load');
    await waitFor(() => statusShown, 'the loading status');
    await waitFor(() => $(el, '[role="alert"]'), 'the error again');
  });


  it('the plugin list sits beside `api`, whether `api` ends in /api (the devkit config form) or not', async () => {
    const asked: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/plugins')) {
        asked.push(url);
        return Promise.resolve(Response.json(manifests.slice(0, 2)));
      }
      return realFetch(input, init);
    };
    try {
      for (const api of ['https://api.example.fi', 'https://api.example.fi/', 'https://api.example.fi/api']) {
        const el = await fixture<D1Shell>(
          html`<d1-shell
            api=${api}
            .policy=${{ moduleAllowList: [MODULE], plugins: { '*': { permissions: [] } } }}
          ></d1-shell>`,
        );
        const platform = await waitFor(
          () => el.shadowRoot!.querySelector<D1Platform>('d1-platform'),
          'the platform',
        );
        signIn(await waitFor(() => platform.store, 'the store'));
        await waitFor(() => navNames(el).length === 2, `the tools listed for api=${api}`);
        expect($(el, '[role="alert"]'), api).to.equal(null);
      }
    } finally {
      window.fetch = realFetch;
    }
    expect(asked).to.deep.equal(Array(3).fill('https://api.example.fi/api/plugins'));
  });
  it('on a narrow screen the class picker takes a row of its own under the brand and tools', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { el, store } = await shell();
      signIn(store);
      await waitFor(() => $(el, 'd1-class-picker'), 'the picker');
      const box = (sel: string) => $(el, sel)!.getBoundingClientRect();
      expect(box('.picker').top).to.be.at.least(box('.tools').bottom - 1);
      expect(Math.abs(box('.brand').top - box('.tools').top)).to.be.below(box('.tools').height);
      expect(box('.picker').width).to.be.above(box('.tools').width);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
    const { el, store } = await shell();
    signIn(store);
    await waitFor(() => $(el, 'd1-class-picker'), 'the picker');
    const box = (sel: string) => $(el, sel)!.getBoundingClientRect();
    // wide: brand, picker and tools side by side, in that order
    expect(box('.brand').right).to.be.at.most(box('.picker').left);
    expect(box('.picker').right).to.be.at.most(box('.tools').left);
  });

  it('on a coloured banner (--d1-shell-header-bg) the bell keeps 3:1 against what is behind it', async () => {
    const { el, store } = await shell();
    el.style.setProperty('--d1-shell-header-bg', '#0b5d3b');
    el.style.setProperty('--d1-shell-header-color', '#fff');
    signIn(store);
    const tray = await waitFor(() => $(el, 'd1-notification-tray'), 'the tray');
    const bell = await waitFor(() => tray.shadowRoot!.querySelector<HTMLElement>('.bell'), 'the bell');
    // the first opaque background behind the icon, through shadow roots
    let node: Element | null = bell;
    let behind = 'rgba(0, 0, 0, 0)';
    while (node && /rgba\(.*, 0\)$|transparent/.test(behind)) {
      behind = getComputedStyle(node).backgroundColor;
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    }
    expect(contrastRatio(getComputedStyle(bell).color, behind)).to.be.at.least(3);
  });

  it('the skip link is the first stop and moves focus to the main heading', async () => {
    const { el, store } = await shell();
    signIn(store);
    await waitFor(() => navNames(el).length === 2, 'navigation');
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.classList.contains('skip')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'main-heading', 'focus on the main heading');
    before.remove();
  });

  it('forced colours: the open tool is marked without colour, links keep their focus ring; axe-clean', async () => {
    await executeServerCommand('d1-emulate-media', {
      features: [{ name: 'forced-colors', value: 'active' }],
    });
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const { el, store } = await shell();
      signIn(store);
      await waitFor(() => navNames(el).length === 2, 'navigation');
      const [other, link] = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];
      link!.click();
      await waitFor(() => link!.getAttribute('aria-current') === 'page', 'the tool is open');
      // the usual marker is a box-shadow, which forced colours remove: an underline stands in
      const open = getComputedStyle(link!);
      expect(open.textDecorationLine).to.equal('underline');
      expect(parseFloat(open.textDecorationThickness)).to.be.at.least(3);
      expect(getComputedStyle(other!).textDecorationLine).to.equal('none');
      other!.focus();
      await sendKeys({ press: 'Shift' }); // keyboard modality, so :focus-visible applies
      expect(getComputedStyle(other!).outlineStyle).to.not.equal('none');
      await expectAccessible(el);
    } finally {
      await executeServerCommand('d1-emulate-media', { features: [] });
    }
  });

  it('at 320 px wide nothing scrolls sideways, and it stays accessible', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { el, store } = await shell();
      signIn(store);
      await waitFor(() => navNames(el).length === 2, 'navigation');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
