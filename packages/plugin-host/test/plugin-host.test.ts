/**
 * `<d1-plugin-host>` with a real cross-origin iframe plugin (127.0.0.1 while this page is on
 * localhost, the SDK source inside), inside a real `<d1-platform>` with fake services.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import type { ContextStore, PlatformContext, PluginContext } from '@digione/context';
import '@digione/platform/define/d1-platform.js';
import '@digione/plugin-host/define/d1-plugin-host.js';
import {
  PluginRegistry,
  registryContext,
  type D1PluginHost,
  type PluginErrorDetail,
  type PluginManifest,
  type PluginPolicy,
  type PluginReadyDetail,
} from '@digione/plugin-host';
import { waitFor } from '../../../test/helpers/wait.js';
import { expectAccessible } from '../../../test/helpers/a11y.js';
import { Driver, FakeNotifications, FakeSessions, iframeManifest, stateOf, teacherStore } from './helpers.js';

/** Focus targets as short text: chai's inspection of a live element with a port inside can hang the page. */
const describe_ = (el: Element | null) =>
  el ? `${el.localName}:${el.localName === 'd1-plugin-host' ? '' : (el.textContent ?? '')}` : 'none';

/** axe on the host only: the plugin's own document is the vendor's to test (and axe would wait on it). */
const axe = (el: Element) => expectAccessible(el, { iframes: false });

const ALL: PluginPolicy['plugins'] = {
  '*': {
    permissions: ['context.user.name', 'context.group', 'notifications', 'token', 'storage', 'navigation'],
  },
};

let root: HTMLElement;
let store: ContextStore<PlatformContext>;
let sessions: FakeSessions;
let notifications: FakeNotifications;
const uncaught: unknown[] = [];
const onError = (e: ErrorEvent) => uncaught.push(e.error ?? e.message);
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);

beforeEach(() => {
  uncaught.length = 0;
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  store = teacherStore();
  sessions = new FakeSessions(store);
  notifications = new FakeNotifications();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  removeEventListener('error', onError);
  removeEventListener('unhandledrejection', onRejection);
  root.remove();
  expect(uncaught, 'nothing thrown in the host page').to.deep.equal([]);
});

interface Setup {
  manifests?: unknown[];
  policy?: PluginPolicy;
  ids?: string[];
  host?: Partial<D1PluginHost>;
}
/** `<d1-platform>` with the store and fakes, a registry, and one host per id. */
function mount({ manifests = [iframeManifest()], policy = {}, ids, host = {} }: Setup = {}) {
  const platform = document.createElement('d1-platform');
  platform.store = store;
  platform.services = { pluginSessions: sessions, notifications };
  const registry = new PluginRegistry({ manifests, policy });
  const hosts = (ids ?? [(manifests[0] as PluginManifest).id]).map((id) => {
    const el = document.createElement('d1-plugin-host');
    el.pluginId = id;
    el.registry = registry;
    el.heartbeat = { interval: 200, timeout: 300 };
    el.connectTimeout = 6000;
    Object.assign(el, host);
    platform.append(el);
    return el;
  });
  root.append(platform);
  const drivers = hosts.map((h) => new Driver(h));
  return { platform, registry, hosts, drivers, host: hosts[0]!, d: drivers[0]! };
}
async function ready(setup: Setup = {}) {
  const m = mount(setup);
  for (const d of m.drivers) expect((await d.connected()).connected).to.equal(true);
  for (const h of m.hosts) await stateOf(h, 'ready');
  return m;
}

describe('permissions and context', () => {
  it('gives only the base context and refuses every guarded method when nothing is granted', async () => {
    const navigations: unknown[] = [];
    root.addEventListener('d1-plugin-navigate', (e) => navigations.push(e.detail));
    const { d } = await ready({ manifests: [iframeManifest(), iframeManifest({ id: 'fi.example.other' })] });
    const ctx = await d.ok<PluginContext>({ cmd: 'context' });
    expect(ctx.role).to.equal('teacher');
    expect(ctx.group).to.deep.equal({ id: 'g-7a', title: '7A matematiikka', code: '7A-MA' });
    expect(ctx.sub).to.match(/^pw-/);
    expect(ctx.locale).to.equal('fi');
    expect(ctx).not.to.have.property('user');
    expect(ctx.permissions).to.deep.equal([]);
    const json = JSON.stringify(ctx);
    for (const secret of ['u-teacher-1', 'Aino', '1.2.246.562.98.1', 'aino@example.fi', 'Kuusikosken'])
      expect(json).not.to.contain(secret);

    expect(await d.fails({ cmd: 'notify', arg: { title: 'Hei' } })).to.equal('PERMISSION_DENIED');
    expect(await d.fails({ cmd: 'getToken' })).to.equal('PERMISSION_DENIED');
    expect(await d.fails({ cmd: 'storage.get', key: 'k' })).to.equal('PERMISSION_DENIED');
    expect(await d.fails({ cmd: 'storage.set', key: 'k', value: 1 })).to.equal('PERMISSION_DENIED');
    expect(await d.fails({ cmd: 'navigate', arg: { pluginId: 'fi.example.other' } })).to.equal(
      'PERMISSION_DENIED',
    );
    expect(notifications.posted).to.have.length(0);
    // moving inside itself needs nothing
    await d.ok({ cmd: 'navigate', arg: { path: '/books/7' } });
    expect(navigations).to.deep.equal([
      { pluginId: 'fi.example.test', path: '/books/7', from: 'fi.example.test' },
    ]);
  });

  it('grants only what both the manifest asks and the portal grants', async () => {
    const { d } = await ready({
      manifests: [iframeManifest({ permissions: ['context.group', 'notifications'] })],
      policy: { plugins: { 'fi.example.test': { permissions: ['context.user.name', 'notifications'] } } },
    });
    const ctx = await d.ok<PluginContext>({ cmd: 'context' });
    expect(ctx).not.to.have.property('user'); // granted but not asked
    expect(ctx.group).not.to.have.property('kind'); // asked but not granted
    expect(ctx.permissions).to.deep.equal(['notifications']);
    await d.ok({ cmd: 'notify', arg: { title: 'Hei' } });
    expect(await d.fails({ cmd: 'getToken' })).to.equal('PERMISSION_DENIED');
  });

  it('serves granted names, group details, notifications, tokens and storage', async () => {
    const navigations: unknown[] = [];
    root.addEventListener('d1-plugin-navigate', (e) => navigations.push(e.detail));
    const { d } = await ready({
      policy: { plugins: ALL },
      manifests: [iframeManifest(), iframeManifest({ id: 'fi.example.other' })],
    });
    const ctx = await d.ok<PluginContext>({ cmd: 'context' });
    expect(ctx.user).to.deep.equal({
      givenName: 'Aino',
      familyName: 'Virtanen',
      displayName: 'Aino Virtanen',
    });
    expect(ctx.group?.kind).to.equal('teachingGroup');
    expect(JSON.stringify(ctx)).not.to.contain('u-teacher-1');

    await d.ok({ cmd: 'notify', arg: { title: { fi: 'Uusi tehtävä' }, severity: 'success' } });
    expect(notifications.posted).to.have.length(1);
    expect(notifications.posted[0]!.source).to.deep.equal({
      pluginId: 'fi.example.test',
      vendorName: 'Esimerkki Oy',
    });

    const token = await d.ok<string>({ cmd: 'getToken' });
    expect(token).to.match(/^token-fi\.example\.test-/);

    await d.ok({ cmd: 'storage.set', key: 'draft', value: { page: 3 } });
    expect(await d.ok({ cmd: 'storage.get', key: 'draft' })).to.deep.equal({ page: 3 });
    expect(await d.ok({ cmd: 'storage.get', key: 'unset' })).to.equal(null);
    expect([...sessions.stored.keys()]).to.deep.equal(['u-teacher-1/fi.example.test/draft']);

    await d.ok({ cmd: 'navigate', arg: { pluginId: 'fi.example.other', path: '/x' } });
    expect(navigations).to.deep.equal([
      { pluginId: 'fi.example.other', path: '/x', from: 'fi.example.test' },
    ]);
    expect(await d.fails({ cmd: 'navigate', arg: { pluginId: 'fi.example.nope' } })).to.equal('NOT_FOUND');
  });

  it('refuses navigation.open to a plugin the active role may not see as NOT_FOUND, like an unknown one', async () => {
    const navigations: unknown[] = [];
    root.addEventListener('d1-plugin-navigate', (e) => navigations.push(e.detail));
    const { d } = await ready({
      policy: { plugins: ALL },
      manifests: [
        iframeManifest({ roles: ['teacher', 'guardian'] }),
        iframeManifest({ id: 'fi.example.pupils', roles: ['student'] }),
        iframeManifest({ id: 'fi.example.teachers', roles: ['teacher'] }),
        iframeManifest({ id: 'fi.example.everyone' }),
      ],
    });
    const hidden = await d.send({ cmd: 'navigate', arg: { pluginId: 'fi.example.pupils' } });
    const unknown = await d.send({ cmd: 'navigate', arg: { pluginId: 'fi.example.nope' } });
    expect(hidden.error?.code).to.equal('NOT_FOUND');
    // the refusal tells nothing that an unknown id would not: the plugin is not there for this user
    expect(hidden.error?.message).to.equal(
      unknown.error?.message.replace('fi.example.nope', 'fi.example.pupils'),
    );
    await d.ok({ cmd: 'navigate', arg: { pluginId: 'fi.example.teachers' } });
    await d.ok({ cmd: 'navigate', arg: { pluginId: 'fi.example.everyone', path: '/a' } });
    await d.ok({ cmd: 'navigate', arg: { path: '/self' } });
    expect(navigations).to.deep.equal([
      { pluginId: 'fi.example.teachers', from: 'fi.example.test' },
      { pluginId: 'fi.example.everyone', path: '/a', from: 'fi.example.test' },
      { pluginId: 'fi.example.test', path: '/self', from: 'fi.example.test' },
    ]);

    // the same user as a guardian: the teachers' tool is gone for them, the plugin itself stays
    const guardian = { role: 'guardian', roleType: 'primary', orgId: 'org-1' } as const;
    store.update({ activeRole: guardian });
    await waitFor(
      async () => (await d.ok<PluginContext>({ cmd: 'context' })).role === 'guardian',
      'guardian',
    );
    expect(await d.fails({ cmd: 'navigate', arg: { pluginId: 'fi.example.teachers' } })).to.equal(
      'NOT_FOUND',
    );
    await d.ok({ cmd: 'navigate', arg: { pluginId: 'fi.example.test', path: '/own' } });
    expect(navigations).to.have.length(4);
  });

  it('gives two plugins different pairwise subjects for the same user', async () => {
    const { drivers } = await ready({
      manifests: [iframeManifest({ id: 'fi.example.one' }), iframeManifest({ id: 'fi.example.two' })],
      ids: ['fi.example.one', 'fi.example.two'],
    });
    const [a, b] = await Promise.all(drivers.map((d) => d.ok<PluginContext>({ cmd: 'context' })));
    expect(a!.sub).to.be.a('string').and.not.equal(b!.sub);
    expect(a!.sub).to.equal((await sessions.session('fi.example.one')).sub);
    expect(b!.sub).to.equal((await sessions.session('fi.example.two')).sub);
    expect(a!.sub).not.to.contain('u-teacher-1');
  });

  it("asks the platform for sessions with the plugin's grants (the token carries roster only when granted)", async () => {
    const manifest = iframeManifest({ permissions: ['context.group', 'token', 'roster', 'storage'] });
    const granted = ['token', 'roster', 'storage', 'navigation', 'context.user.email'] as const;
    const { host, d } = await ready({
      manifests: [manifest],
      policy: { plugins: { '*': { permissions: [...granted] } } },
    });
    // what the portal grants, of what the manifest asks: for the subject at start and for every token
    const grants = ['token', 'roster', 'storage'];
    expect((await d.ok<PluginContext>({ cmd: 'context' })).permissions).to.deep.equal(grants);
    sessions.ttl = 30_000; // the renewal asks with the grants too
    await d.ok({ cmd: 'getToken' });
    expect(sessions.calls.map((c) => c.forceRefresh)).to.include(true);
    expect(sessions.asked.length).to.be.greaterThan(2);
    for (const asked of sessions.asked) expect(asked).to.deep.equal(grants);
    // storage still goes through
    await d.ok({ cmd: 'storage.set', key: 'k', value: 1 });
    expect(await d.ok({ cmd: 'storage.get', key: 'k' })).to.equal(1);
    // a changed grant: the next token is asked for with it
    host.grants = ['token'];
    await waitFor(
      async () => (await d.ok<PluginContext>({ cmd: 'context' })).permissions.join() === 'token',
      'roster withdrawn',
    );
    sessions.asked = [];
    await d.ok({ cmd: 'getToken' });
    expect(sessions.asked).to.deep.include(['token']);
    for (const asked of sessions.asked) expect(asked).to.deep.equal(['token']);
  });

  it('renews a token that is about to expire before handing it out', async () => {
    sessions.ttl = 30_000; // less than the host's 60 s margin
    const { d } = await ready({ policy: { plugins: ALL } });
    sessions.calls = [];
    await d.ok({ cmd: 'getToken' });
    expect(sessions.calls).to.deep.equal([
      { pluginId: 'fi.example.test', forceRefresh: false },
      { pluginId: 'fi.example.test', forceRefresh: true },
    ]);
    sessions.ttl = 300_000;
    sessions.calls = [];
    await d.ok({ cmd: 'getToken' });
    expect(sessions.calls).to.deep.equal([{ pluginId: 'fi.example.test', forceRefresh: false }]);
  });

  it('sends context.changed on group, locale, theme and sign-out changes, and a new subject for a new user', async () => {
    const { host, d } = await ready();
    const events = async () =>
      (await d.ok<Array<{ type: string; ctx: PluginContext }>>({ cmd: 'events' })).filter(
        (e) => e.type === 'context',
      );
    store.update({ activeGroup: { ...store.get().activeGroup!, id: 'g-8b', title: '8B', code: '8B' } });
    await waitFor(async () => (await events()).length === 1, 'group change');
    store.update({ locale: { ...store.get().locale, ui: 'sv-FI' } });
    await waitFor(async () => (await events()).at(-1)?.ctx.locale === 'sv', 'locale change');
    expect(d.frame!.title).to.equal('Testverktyg');
    store.update({ theme: { ...store.get().theme, colorScheme: 'dark' } });
    await waitFor(async () => (await events()).at(-1)?.ctx.theme.colorScheme === 'dark', 'theme change');
    const firstSub = (await events()).at(-1)!.ctx.sub;
    store.update({ user: { ...store.get().user!, id: 'u-teacher-2' } });
    await waitFor(async () => (await events()).at(-1)?.ctx.sub !== firstSub, 'a new subject');
    store.update({ user: null });
    await waitFor(async () => (await events()).at(-1)?.ctx.sub === null, 'sign-out');
    expect((await events()).at(-1)!.ctx.role).to.equal(null);
    // the store changed nothing the plugin sees: no event
    const n = (await events()).length;
    store.update({ auth: { status: 'signed-out' } });
    await d.ok({ cmd: 'context' });
    expect((await events()).length).to.equal(n);
    expect(host!.state).to.equal('ready');
  });

  it('hands the plugin its path (deep link) in the context, follows it, and passes on only /paths', async () => {
    const { host, d } = await ready();
    expect((await d.ok<PluginContext>({ cmd: 'context' })).path).to.equal(undefined);
    const events = async () =>
      (await d.ok<Array<{ type: string; ctx: PluginContext }>>({ cmd: 'events' })).filter(
        (e) => e.type === 'context',
      );
    host!.setAttribute('path', '/task/3?tab=2');
    await waitFor(async () => (await events()).at(-1)?.ctx.path === '/task/3?tab=2', 'the path arrives');
    expect((await d.ok<PluginContext>({ cmd: 'context' })).path).to.equal('/task/3?tab=2');
    // anything else came from an address anyone can write: the plugin gets no path at all
    for (const bad of [
      'javascript:alert(1)',
      '//evil.test/x',
      '/\\evil.test',
      'task/3',
      `/${'x'.repeat(2048)}`,
    ]) {
      host!.path = '/ok';
      await waitFor(async () => (await events()).at(-1)?.ctx.path === '/ok', `reset before ${bad}`);
      host!.path = bad;
      await waitFor(async () => (await events()).at(-1)?.ctx.path === undefined, `refused: ${bad}`);
    }
    host!.path = null;
    await d.ok({ cmd: 'context' });
    expect((await d.ok<PluginContext>({ cmd: 'context' })).path).to.equal(undefined);
  });
});

describe('iframe runtime', () => {
  it('sandboxes, titles and isolates the frame; extras only when the portal allows them', async () => {
    const manifest = iframeManifest({
      sandbox: ['allow-popups', 'allow-modals'],
      allow: ['fullscreen', 'camera'],
    });
    const { d } = await ready({ manifests: [manifest] });
    const f = d.frame!;
    expect(f.getAttribute('sandbox')).to.equal('allow-scripts allow-forms allow-same-origin');
    expect(f.getAttribute('allow')).to.equal('');
    expect(f.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(f.title).to.equal('Testityökalu');
    expect(f.loading).to.equal('eager');
    root.replaceChildren();

    const { d: d2 } = await ready({
      manifests: [manifest],
      policy: { plugins: { 'fi.example.test': { sandbox: ['allow-popups'], allow: ['fullscreen'] } } },
    });
    expect(d2.frame!.getAttribute('sandbox')).to.equal(
      'allow-scripts allow-forms allow-same-origin allow-popups',
    );
    expect(d2.frame!.getAttribute('allow')).to.equal('fullscreen');
  });

  it("refuses an iframe plugin on the portal's own origin, with a clear error", async () => {
    const errors: PluginErrorDetail[] = [];
    root.addEventListener('d1-plugin-error', (e) => errors.push(e.detail));
    const { host } = mount({
      manifests: [iframeManifest({ entry: `${location.origin}/test/browser/fixtures/plugins/plugin.html` })],
    });
    await stateOf(host!, 'error');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'SAME_ORIGIN', retryable: false, pluginId: 'fi.example.test' });
    expect(host!.shadowRoot!.querySelector('iframe')).to.equal(null);
    const status = host!.shadowRoot!.querySelector<HTMLElement>('.status')!;
    expect(status.hidden).to.equal(false);
    expect(status.textContent).to.contain('Testityökalu: lataus epäonnistui.');
    expect(status.textContent).to.contain('omasta osoitteestaan');
    expect(status.querySelector('button')).to.equal(null);
    await axe(host!);
  });

  it('sizes the frame to the plugin, within minHeight and the limit', async () => {
    const { d } = await ready({ manifests: [iframeManifest({ minHeight: 200 })] });
    await d.ok({ cmd: 'grow', height: 600 });
    await waitFor(() => d.frame!.getBoundingClientRect().height > 600, 'taller frame');
    await d.ok({ cmd: 'request', method: 'ui.resize', params: { height: 20 } });
    await waitFor(() => d.frame!.getBoundingClientRect().height === 200, 'minHeight');
    await d.ok({ cmd: 'request', method: 'ui.resize', params: { height: 99999 } });
    await waitFor(() => d.frame!.getBoundingClientRect().height === 10000, 'the limit');
  });

  it('loads lazily while hidden and tells the plugin when it is shown or hidden', async () => {
    const { host, d } = mount({ host: { active: false } });
    const frame = await waitFor(() => d.frame);
    expect(frame.loading).to.equal('lazy');
    host!.active = true;
    await d.connected();
    await stateOf(host!, 'ready');
    expect(frame.loading).to.equal('eager');
    host!.hidden = true;
    const vis = async () =>
      (await d.ok<Array<{ type: string; visible?: boolean }>>({ cmd: 'events' })).filter(
        (e) => e.type === 'visibility',
      );
    await waitFor(async () => (await vis()).at(-1)?.visible === false, 'hidden');
    host!.hidden = false;
    await waitFor(async () => (await vis()).at(-1)?.visible === true, 'shown');
  });

  it('shows a role error when the role may not see the plugin, and starts when it may', async () => {
    const { host, d } = mount({ manifests: [iframeManifest({ roles: ['student'] })] });
    await stateOf(host!, 'error');
    expect(host!.error?.code).to.equal('ROLE');
    expect(d.frame).to.equal(null);
    store.update({ activeRole: { role: 'student', roleType: 'primary', orgId: 'org-1' } });
    await d.connected();
    await stateOf(host!, 'ready');
    store.update({ activeRole: { role: 'teacher', roleType: 'primary', orgId: 'org-1' } });
    await stateOf(host!, 'error');
    expect(d.frame).to.equal(null);
  });

  it('finds the plugin through registryContext, and reports an invalid manifest with its errors', async () => {
    const provider = document.createElement('div');
    const registry = new PluginRegistry({
      manifests: [iframeManifest(), { id: 'fi.example.bad', kind: 'x' }],
    });
    new ContextProvider(provider, { context: registryContext, initialValue: registry });
    root.append(provider);
    const good = document.createElement('d1-plugin-host');
    good.pluginId = 'fi.example.test';
    good.context = store.get() as PlatformContext;
    const bad = document.createElement('d1-plugin-host');
    bad.pluginId = 'fi.example.bad';
    const errors: PluginErrorDetail[] = [];
    bad.addEventListener('d1-plugin-error', (e) => errors.push(e.detail));
    provider.append(good, bad);
    await new Driver(good).connected();
    await stateOf(good, 'ready');
    await stateOf(bad, 'error');
    expect(errors[0]!.code).to.equal('INVALID_MANIFEST');
    expect(errors[0]!.errors!.map((e) => e.path)).to.include.members([
      '/name',
      '/version',
      '/vendor',
      '/kind',
    ]);
    const missing = document.createElement('d1-plugin-host');
    missing.pluginId = 'fi.example.missing';
    provider.append(missing);
    await stateOf(missing, 'error');
    expect(missing.error?.code).to.equal('NOT_FOUND');
  });
});

describe('an invalid manifest given standalone', () => {
  /** A standalone host in `lang` with `manifest`; resolves with its error text and event. */
  async function failed(manifest: unknown, lang = 'en', host = document.createElement('d1-plugin-host')) {
    root.setAttribute('lang', lang);
    const event = new Promise<PluginErrorDetail>((r) =>
      host.addEventListener('d1-plugin-error', (e) => r(e.detail), { once: true }),
    );
    host.manifest = manifest as PluginManifest;
    if (!host.isConnected) root.append(host);
    const detail = await event;
    await stateOf(host, 'error');
    await host.updateComplete;
    return { text: host.shadowRoot!.querySelector('.status .title')!.textContent, detail };
  }
  const bad = { version: '1', kind: 'frame', permissions: ['camera'] };

  it('is still named by its own id and name when those are valid', async () => {
    const { text, detail } = await failed({ ...iframeManifest(), ...bad });
    expect(text).to.equal('Test tool could not be loaded.');
    expect(detail).to.include({ pluginId: 'fi.example.test', code: 'INVALID_MANIFEST' });
    expect(detail.errors!.map((e) => e.path)).to.deep.equal(['/version', '/kind', '/permissions/0']);
    expect((await failed({ ...iframeManifest(), ...bad }, 'sv')).text).to.equal(
      'Testverktyg: laddningen misslyckades.',
    );
    // a valid id with a broken name: the id names it
    const named = await failed({ ...iframeManifest(), ...bad, name: { fi: 5 } });
    expect(named.text).to.equal('fi.example.test could not be loaded.');
  });

  it('says "the tool" as a whole sentence when neither id nor name is usable', async () => {
    const nameless = { ...iframeManifest(), ...bad, id: 'Not An Id', name: 'Testi' };
    const texts: Record<string, string> = {
      fi: 'Työkalu: lataus epäonnistui.',
      sv: 'Verktyget: laddningen misslyckades.',
      en: 'The tool could not be loaded.',
    };
    for (const [lang, text] of Object.entries(texts)) {
      const r = await failed(nameless, lang);
      expect(r.text).to.equal(text);
      expect(r.detail.pluginId).to.equal('');
    }
    for (const json of [null, 'fi.example.test', [iframeManifest()]])
      expect((await failed(json)).text).to.equal(texts.en);
  });

  it('does not keep the name of the manifest it had before', async () => {
    const host = document.createElement('d1-plugin-host');
    host.manifest = iframeManifest();
    root.append(host);
    // it had a name (whatever state it has reached by now: loading or ready)
    await waitFor(
      () => host.currentManifest?.id === 'fi.example.test',
      `the first manifest in use (state ${host.state}, connected ${host.isConnected})`,
      8000,
    );
    const { text, detail } = await failed({ ...bad, id: 'X', name: {} }, 'en', host);
    expect(text).to.equal('The tool could not be loaded.');
    expect(detail.pluginId).to.equal('');
  });
});

describe('life cycle', () => {
  it('shows loading with progress, then a timeout error with Try again, for a plugin that never connects', async () => {
    const errors: PluginErrorDetail[] = [];
    root.addEventListener('d1-plugin-error', (e) => errors.push(e.detail));
    const { host, d } = mount({
      manifests: [iframeManifest({}, { mode: 'silent' })],
      host: { connectTimeout: 1500, progressDelay: 50 },
    });
    await stateOf(host!, 'loading');
    const status = host!.shadowRoot!.querySelector<HTMLElement>('.status')!;
    await waitFor(() => !status.hidden, 'the progress text');
    expect(status.textContent).to.contain('Ladataan: Testityökalu…');
    await waitFor(
      () => document.querySelector('[data-d1-announcer="polite"]')?.textContent?.includes('Ladataan'),
      'announced',
    );
    // in the language it is said in, whatever the page's
    expect(document.querySelector('[data-d1-announcer="polite"]')!.getAttribute('lang')).to.equal('fi');
    expect(d.frame!.closest('.frame')!.hasAttribute('inert')).to.equal(true);
    await axe(host!);
    await waitFor(() => d.reports().some((r) => r.silent), 'the silent plugin loaded');

    await stateOf(host!, 'error');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'TIMEOUT', retryable: true });
    expect(status.textContent).to.contain('ei käynnistynyt 2 sekunnissa');
    await waitFor(
      () => document.querySelector('[data-d1-announcer="polite"]')?.textContent?.includes('ei käynnistynyt'),
      'announced',
    );
    expect(status.querySelector('button')!.textContent).to.equal('Yritä uudelleen');
    await axe(host!);
  });

  it('connects on Try again when the plugin answers the second time', async () => {
    const ready: PluginReadyDetail[] = [];
    root.addEventListener('d1-plugin-ready', (e) => ready.push(e.detail));
    const { host } = mount({
      manifests: [iframeManifest({}, { failFirst: `k${Math.random()}` })],
      host: { connectTimeout: 1500 },
    });
    await stateOf(host!, 'error');
    const retry = host!.shadowRoot!.querySelector<HTMLButtonElement>('.status button')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await stateOf(host!, 'ready');
    expect(ready).to.deep.equal([
      { pluginId: 'fi.example.test', kind: 'iframe', version: '1.0', reload: false },
    ]);
    // focus stayed in the plugin's area, not lost to the body
    expect(describe_(document.activeElement)).to.equal('d1-plugin-host:');
    await waitFor(
      () => document.querySelector('[data-d1-announcer="polite"]')?.textContent?.includes('on valmis'),
      'announced',
    );
    await axe(host!);
  });

  it('marks a plugin that stops answering unresponsive: Wait keeps it, it recovers; Reload starts it again', async () => {
    const { host, d } = await ready();
    const firstFrame = d.frame;
    await d.ok({ cmd: 'mute' });
    await stateOf(host!, 'unresponsive');
    const status = host!.shadowRoot!.querySelector<HTMLElement>('.status')!;
    expect(status.hidden).to.equal(false);
    expect(status.textContent).to.contain('Testityökalu ei vastaa.');
    await waitFor(
      () => document.querySelector('[data-d1-announcer="polite"]')?.textContent?.includes('ei vastaa'),
      'announced',
    );
    await axe(host!);
    const [wait, reload] = status.querySelectorAll('button');
    expect(wait!.textContent).to.equal('Odota');
    expect(reload!.textContent).to.equal('Lataa uudelleen');
    wait!.click();
    await waitFor(() => status.hidden, 'the panel closed');
    await d.ok({ cmd: 'unmute' });
    await stateOf(host!, 'ready');
    expect(d.frame).to.equal(firstFrame);

    await d.ok({ cmd: 'mute' });
    await stateOf(host!, 'unresponsive');
    (status.querySelectorAll('button')[1] as HTMLButtonElement).click();
    await waitFor(() => d.frame && d.frame !== firstFrame, 'a new frame');
    await d.connected();
    await stateOf(host!, 'ready');
  });
});

describe('limits', () => {
  it('rate-limits a flood of notifications while the page stays responsive', async () => {
    const { host, d } = await ready({ policy: { plugins: ALL } });
    // measure the host page's main thread while the flood is handled
    let worst = 0;
    let last = performance.now();
    let running = true;
    const tick = () => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
      if (running) setTimeout(tick, 0);
    };
    tick();
    const results = await d.ok<string[]>({ cmd: 'flood', count: 200 });
    running = false;
    expect(results.filter((r) => r === 'ok')).to.have.length(10);
    expect(results.filter((r) => r === 'RATE_LIMITED')).to.have.length(190);
    expect(notifications.posted).to.have.length(10);
    expect(worst, 'longest main-thread stall in ms').to.be.below(250);
    expect(host!.state).to.equal('ready');
    // other methods still answer at once
    expect((await d.ok<PluginContext>({ cmd: 'context' })).role).to.equal('teacher');
  });

  it('refuses oversized messages and stored values with INVALID_PARAMS', async () => {
    const { d } = await ready({
      policy: { plugins: ALL, limits: { maxMessageBytes: 4000, storageValueBytes: 2000 } },
    });
    expect(await d.fails({ cmd: 'storage.set', key: 'big', value: 'x'.repeat(5000) })).to.equal(
      'INVALID_PARAMS',
    );
    expect(await d.fails({ cmd: 'storage.set', key: 'big', value: 'x'.repeat(3000) })).to.equal(
      'INVALID_PARAMS',
    );
    // under the host's limit, over the platform's quota (the fake's is 1000)
    expect(await d.fails({ cmd: 'storage.set', key: 'big', value: 'x'.repeat(1500) })).to.equal(
      'INVALID_PARAMS',
    );
    await d.ok({ cmd: 'storage.set', key: 'small', value: 'x'.repeat(500) });
    expect(await d.fails({ cmd: 'notify', arg: { title: 'x'.repeat(201) } })).to.equal('INVALID_PARAMS');
  });
});

describe('accessibility across the frame', () => {
  function around(platform: HTMLElement) {
    const before = document.createElement('button');
    before.textContent = 'Before';
    const after = document.createElement('button');
    after.textContent = 'After';
    platform.before(before);
    platform.after(after);
    return { before, after };
  }

  it('speaks the plugin’s announcements through the page’s live region', async () => {
    const { d } = await ready();
    await d.ok({ cmd: 'announce', arg: 'Tallennettu' });
    await waitFor(
      () => document.querySelector('[data-d1-announcer="polite"]')?.textContent?.includes('Tallennettu'),
      'announced',
    );
    expect(document.querySelectorAll('[data-d1-announcer="polite"]')).to.have.length(1);
  });

  it('lets the keyboard skip past the plugin with the skip link', async () => {
    const { platform, host } = await ready();
    const { before } = around(platform);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const skip = host!.shadowRoot!.activeElement as HTMLElement;
    expect(skip?.textContent).to.equal('Ohita Testityökalu');
    expect(skip.getBoundingClientRect().width).to.be.greaterThan(1); // visible when focused
    await sendKeys({ press: 'Enter' });
    expect(host!.shadowRoot!.activeElement?.textContent).to.equal('Testityökalu päättyy');
    await sendKeys({ press: 'Tab' });
    expect(describe_(document.activeElement)).to.equal('button:After');
    await axe(host!);
  });

  it('takes focus out of the plugin on Escape (ui.focusHost) and forward/backward', async () => {
    const { platform, host, d } = await ready();
    const { before } = around(platform);
    before.focus();
    await sendKeys({ press: 'Tab' }); // skip link
    await sendKeys({ press: 'Tab' }); // into the frame
    await waitFor(async () => (await d.ok({ cmd: 'activeElement' })) === 'inside', 'focus inside the plugin');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => host!.shadowRoot!.activeElement?.classList.contains('end'), 'focus after the plugin');
    await sendKeys({ press: 'Tab' });
    expect(describe_(document.activeElement)).to.equal('button:After');

    await d.ok({ cmd: 'focusInside' });
    await d.ok({ cmd: 'focusHost', arg: 'backward' });
    await waitFor(
      () => host!.shadowRoot!.activeElement?.classList.contains('skip'),
      'focus before the plugin',
    );
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(describe_(document.activeElement)).to.equal('button:Before');
  });
});
