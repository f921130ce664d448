/**
 * Module plugins: allow-listed ES modules mounted into a shadow root of their own, with the same
 * PluginClient through an in-page channel.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContextStore, PlatformContext } from '@digione/context';
import '@digione/platform/define/d1-platform.js';
import '@digione/plugin-host/define/d1-plugin-host.js';
import {
  PluginRegistry,
  type D1PluginHost,
  type PluginErrorDetail,
  type PluginManifest,
  type PluginPolicy,
} from '@digione/plugin-host';
import type { PluginClient } from '@digione/plugin-sdk';
import { waitFor } from '../../../test/helpers/wait.js';
import { expectAccessible } from '../../../test/helpers/a11y.js';
import {
  FIXTURES,
  FakeNotifications,
  FakeSessions,
  MODULE_URL,
  moduleManifest,
  stateOf,
  teacherStore,
} from './helpers.js';

let root: HTMLElement;
let store: ContextStore<PlatformContext>;
let notifications: FakeNotifications;
const log = () => (window.__d1ModuleLog ??= []);

beforeEach(() => {
  window.__d1ModuleLog = [];
  store = teacherStore();
  notifications = new FakeNotifications();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => root.remove());

function mount(
  manifest: PluginManifest,
  policy: PluginPolicy = { moduleAllowList: [`${location.origin}${FIXTURES}/`] },
) {
  const platform = document.createElement('d1-platform');
  platform.store = store;
  platform.services = { pluginSessions: new FakeSessions(store), notifications };
  const host = document.createElement('d1-plugin-host');
  host.registry = new PluginRegistry({ manifests: [manifest], policy });
  host.pluginId = manifest.id;
  platform.append(host);
  root.append(platform);
  return host;
}

describe('module plugins', () => {
  it('mounts into its own shadow root, keeps its CSS inside, and unmounts cleanly', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'Portal button';
    root.append(outside);
    const host = mount(moduleManifest(), {
      moduleAllowList: [MODULE_URL],
      plugins: { 'fi.example.module': { permissions: ['notifications'] } },
    });
    const ready = new Promise<CustomEvent>((r) =>
      host.addEventListener('d1-plugin-ready', r as never, { once: true }),
    );
    await stateOf(host, 'ready');
    expect((await ready).detail).to.deep.equal({
      pluginId: 'fi.example.module',
      kind: 'module',
      version: '1.0',
      reload: false,
    });
    const box = host.shadowRoot!.querySelector<HTMLElement>('[part="module"]')!;
    const inner = box.shadowRoot!.querySelector('button')!;
    expect(box.shadowRoot!.textContent).to.contain('Hello teacher (fi)');
    expect(getComputedStyle(inner).color).to.equal('rgb(0, 0, 128)');
    expect(getComputedStyle(outside).color).not.to.equal('rgb(0, 0, 128)');
    const mounted = log().find((e) => e.event === 'mount')!;
    expect(mounted.sub).to.match(/^pw-/);
    const client = mounted.client as PluginClient;
    await client.notify({ title: 'Moduulista' });
    expect(notifications.posted[0]!.source.pluginId).to.equal('fi.example.module');
    expect((await client.getToken().catch((e: { code: string }) => e.code)) as string).to.equal(
      'PERMISSION_DENIED',
    );
    await expectAccessible(host);

    store.update({ locale: { ...store.get().locale, ui: 'en' } });
    await waitFor(() => box.shadowRoot!.textContent?.includes('Hello teacher (en)'), 'context.changed');
    host.hidden = true;
    await waitFor(() => log().some((e) => e.event === 'visibility' && e.visible === false), 'hidden');

    host.remove();
    expect(log().map((e) => e.event)).to.include('unmount');
    expect(box.isConnected).to.equal(false);
    const after = await client.notify({ title: 'late' }).catch((e: { code: string }) => e.code);
    expect(after).to.equal('DISCONNECTED');
  });

  it('refuses a module that is not on the allow list, without importing it', async () => {
    const host = mount(moduleManifest(), { moduleAllowList: ['https://trusted.example/plugins/'] });
    await stateOf(host, 'error');
    expect(host.error).to.include({ code: 'NOT_ALLOWED', retryable: false });
    expect(log()).to.deep.equal([]);
    const defaultHost = mount(moduleManifest({ id: 'fi.example.module2' }), {});
    await stateOf(defaultHost, 'error');
    expect(defaultHost.error?.code).to.equal('NOT_ALLOWED');
    await expectAccessible(host);
  });

  it('shows a mount that throws and a module without mount() as errors with Try again', async () => {
    // the vendor's own error reaches the console, with the plugin's id: the element shows only a short text
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    const errors: PluginErrorDetail[] = [];
    root.addEventListener('d1-plugin-error', (e) => errors.push(e.detail));
    const throws = mount(
      moduleManifest({ id: 'fi.example.throws', module: `${location.origin}${FIXTURES}/module-throws.ts` }),
    );
    const noMount = mount(
      moduleManifest({
        id: 'fi.example.nomount',
        module: `${location.origin}${FIXTURES}/module-no-mount.ts`,
      }),
    );
    const missing = mount(
      moduleManifest({ id: 'fi.example.missing', module: `${location.origin}${FIXTURES}/does-not-exist.js` }),
    );
    try {
      for (const h of [throws, noMount, missing]) await stateOf(h, 'error');
    } finally {
      console.error = consoleError;
    }
    expect(throws.error).to.include({ code: 'MOUNT', retryable: true });
    expect(throws.error!.message).to.contain('mount failed on purpose');
    const mountLog = logged.find((a) => String(a[0]).includes('fi.example.throws'));
    expect(mountLog?.[0]).to.equal('[d1-plugin-host] fi.example.throws: mount threw');
    expect(mountLog?.[1]).to.be.instanceOf(Error);
    expect((mountLog![1] as Error).message).to.equal('module plugin fixture: mount failed on purpose');
    expect((mountLog![1] as Error).stack).to.contain('module-throws');
    expect(noMount.error).to.include({ code: 'LOAD', retryable: true });
    expect(missing.error?.code).to.equal('LOAD');
    expect(errors.map((e) => e.code).sort()).to.deep.equal(['LOAD', 'LOAD', 'MOUNT']);
    expect(throws.shadowRoot!.querySelector('[part="module"]')).to.equal(null);
    expect(throws.shadowRoot!.querySelector('.status button')?.textContent).to.equal('Yritä uudelleen');
    await expectAccessible(throws);
  });

  it('fills in its own id for a notification link with only a path, so the tray can open it', async () => {
    const host = mount(moduleManifest({ permissions: ['notifications'] }), {
      moduleAllowList: [MODULE_URL],
      plugins: { '*': { permissions: ['notifications'] } },
    });
    await stateOf(host, 'ready');
    const client = log().find((e) => e.event === 'mount')!.client as PluginClient;
    // notify() resolves with the host's answer: the notification's id
    expect(await client.notify({ title: 'Palautus', link: { path: '/submissions/42' } })).to.deep.equal({
      id: 'n1',
    });
    // another plugin's id stays as given (any id passes validation; the portal routes it); an
    // href-only link is not a plugin link
    await client.notify({ title: 'Muualle', link: { pluginId: 'fi.example.other', path: '/x' } });
    await client.notify({ title: 'Verkkoon', link: { href: 'https://example.fi/a' } });
    expect(notifications.posted.map((p) => p.input.link)).to.deep.equal([
      { pluginId: 'fi.example.module', path: '/submissions/42' },
      { pluginId: 'fi.example.other', path: '/x' },
      { href: 'https://example.fi/a' },
    ]);
  });

  it('says whether a refused call is missing from the manifest or not granted by the portal', async () => {
    const host = mount(moduleManifest({ permissions: ['notifications'] }));
    await stateOf(host, 'ready');
    const client = log().find((e) => e.event === 'mount')!.client as PluginClient;
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
      );
    expect(await refusal(client.notify({ title: 'x' }))).to.equal(
      'PERMISSION_DENIED: notifications.post needs the "notifications" permission, which this portal has not granted',
    );
    expect(await refusal(client.getToken())).to.equal(
      'PERMISSION_DENIED: auth.getToken needs the "token" permission, which is not in the manifest',
    );
  });

  it('moves focus out on an Escape the plugin did not handle', async () => {
    const host = mount(moduleManifest());
    await stateOf(host, 'ready');
    const after = document.createElement('button');
    after.textContent = 'After';
    root.append(after);
    host
      .shadowRoot!.querySelector<HTMLElement>('[part="module"]')!
      .shadowRoot!.querySelector('button')!
      .focus();
    await sendKeys({ press: 'Escape' });
    expect(host.shadowRoot!.activeElement?.className).to.contain('end');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.textContent).to.equal('After');
  });

  it('a context change while the module mounts still reaches it (a group restored after a reload)', async () => {
    const groups: (string | null)[] = [];
    const manifest = moduleManifest({ permissions: ['context.group'] });
    const platform = document.createElement('d1-platform');
    platform.store = store;
    platform.services = { pluginSessions: new FakeSessions(store), notifications };
    const host = document.createElement('d1-plugin-host');
    host.registry = new PluginRegistry({
      manifests: [manifest],
      policy: { moduleAllowList: [MODULE_URL], plugins: { '*': { permissions: ['context.group'] } } },
    });
    host.pluginId = manifest.id;
    host.importModule = async () => ({
      mount(_el: HTMLElement, client: PluginClient) {
        groups.push(client.context.group?.id ?? null);
        client.on('context', (c) => groups.push(c.group?.id ?? null));
        // the portal settles the group after the plugin has its context, before it is mounted
        store.update({ activeGroup: { ...store.get().activeGroup!, id: 'g-8b', title: '8B' } });
      },
    });
    platform.append(host);
    root.append(platform);
    await stateOf(host, 'ready');
    await waitFor(() => groups.at(-1) === 'g-8b', 'the plugin hears of the group set while it mounted');
    expect(groups).to.deep.equal(['g-7a', 'g-8b']);
  });

  it('runs standalone with manifest, grants, context and an importModule of its own', async () => {
    const mounts: string[] = [];
    const host = document.createElement('d1-plugin-host') as D1PluginHost;
    host.manifest = moduleManifest({ permissions: ['context.user.name'] });
    host.moduleAllowList = ['https://cdn.example/'];
    host.manifest.module = 'https://cdn.example/clock.js';
    host.grants = ['context.user.name'];
    host.context = store.get() as PlatformContext;
    const seen: string[][] = [];
    host.importModule = async (url) => ({
      mount(el: HTMLElement, client: PluginClient) {
        mounts.push(url);
        el.textContent = `Hei ${client.context.user?.givenName}, sub ${String(client.context.sub)}`;
        seen.push(client.context.permissions);
        client.on('context', (c) => seen.push(c.permissions));
      },
    });
    root.append(host);
    await stateOf(host, 'ready');
    expect(mounts).to.deep.equal(['https://cdn.example/clock.js']);
    // no plugin sessions standalone: no pairwise subject, never the real id
    expect(host.shadowRoot!.querySelector('[part="module"]')!.shadowRoot!.textContent).to.equal(
      'Hei Aino, sub null',
    );
    // the plugin knows what it holds, and hears when the portal takes a grant back
    expect(seen).to.deep.equal([['context.user.name']]);
    host.grants = [];
    await waitFor(() => seen.length === 2, 'context.changed after the grants changed');
    expect(seen[1]).to.deep.equal([]);
  });

  it('is anonymous standalone without a context: locale from lang, theme from data-d1-theme', async () => {
    root.setAttribute('lang', 'sv');
    root.dataset.d1Theme = 'dark';
    const host = document.createElement('d1-plugin-host');
    host.manifest = moduleManifest();
    host.moduleAllowList = [MODULE_URL];
    root.append(host);
    await stateOf(host, 'ready');
    const ctx = await host.pluginContext();
    expect(ctx).to.include({ sub: null, role: null, locale: 'sv' });
    expect(ctx.theme.colorScheme).to.equal('dark');
    root.setAttribute('lang', 'en');
    await waitFor(
      () => log().some((e) => e.event === 'context' && e.locale === 'en'),
      'context.changed on lang',
    );
  });
});
