/** Manifest validation, the registry (arrays, URLs, invalid entries, roles) and the grant policy. */
import { expect } from '@open-wc/testing';
import '@digione/plugin-host/define/d1-plugin-host.js';
import {
  PluginRegistry,
  allowFor,
  grantedPermissions,
  moduleAllowed,
  sandboxFor,
  validateManifest,
  type RegistryError,
} from '@digione/plugin-host';
import { expectAccessible } from '../../../test/helpers/a11y.js';
import { iframeManifest, stateOf } from './helpers.js';

const LIST_URL = new URL('./fixtures/plugins.json', import.meta.url).href;

describe('validateManifest', () => {
  it('lists every error by path, in plain words', () => {
    const r = validateManifest({
      id: 'Bad Id',
      name: { fi: '' },
      version: 'v1',
      vendor: 3,
      kind: 'iframe',
      permissions: ['camera'],
      colour: 'red',
    });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.errors).to.deep.equal([
      {
        path: '/colour',
        message: 'is not a manifest field (check the spelling; vendor extensions start with "x-")',
      },
      {
        path: '/id',
        message: 'must be a lower-case reverse-DNS id such as "fi.example.tool" (got "Bad Id")',
      },
      { path: '/name/fi', message: 'must be 1 to 100 characters long' },
      { path: '/version', message: 'must be a semantic version such as "1.0.0" (got "v1")' },
      { path: '/vendor', message: 'must be a name or an object { name, url } (got 3)' },
      { path: '/entry', message: 'is required for kind "iframe"' },
      {
        path: '/permissions/0',
        message:
          'must be one of context.user.name, context.user.email, context.user.learnerNumber, context.school, context.group, notifications, token, roster, storage, navigation (got "camera")',
      },
    ]);
  });

  it('returns the manifest itself when valid', () => {
    const m = iframeManifest();
    expect(validateManifest(m)).to.deep.equal({ ok: true, manifest: m });
  });
});

describe('PluginRegistry', () => {
  it('keeps the valid manifests and reports each skipped one with its errors', () => {
    const invalid: RegistryError[] = [];
    const registry = new PluginRegistry();
    registry.addEventListener('invalid', (e) => invalid.push((e as CustomEvent<RegistryError>).detail));
    registry.set([
      iframeManifest({ id: 'fi.example.a' }),
      { id: 'fi.example.b' },
      'nonsense',
      iframeManifest({ id: 'fi.example.a' }),
      iframeManifest({ id: 'fi.example.c' }),
    ]);
    expect(registry.list().map((m) => m.id)).to.deep.equal(['fi.example.a', 'fi.example.c']);
    expect(registry.errors.map((e) => [e.index, e.id])).to.deep.equal([
      [1, 'fi.example.b'],
      [2, undefined],
      [3, 'fi.example.a'],
    ]);
    expect(registry.errors[1]!.errors).to.deep.equal([
      { path: '', message: 'must be a JSON object (got "nonsense")' },
    ]);
    expect(registry.errors[2]!.errors[0]!.message).to.contain('repeats "fi.example.a"');
    expect(invalid).to.deep.equal(registry.errors);
    expect(registry.get('fi.example.c')?.id).to.equal('fi.example.c');
    expect(registry.get('fi.example.b')).to.equal(undefined);
  });

  it('loads from a URL, skipping invalid manifests, and filters by role', async () => {
    const registry = new PluginRegistry();
    const changes: string[] = [];
    registry.addEventListener('change', () => changes.push(registry.state));
    const p = registry.load(LIST_URL);
    expect(registry.state).to.equal('loading');
    await p;
    expect(changes).to.deep.equal(['loading', 'loaded']);
    expect(registry.list().map((m) => m.id)).to.deep.equal([
      'fi.example.reading-log',
      'fi.example.guardian-news',
      'fi.example.menu',
    ]);
    expect(registry.errors).to.have.length(1);
    expect(registry.errors[0]!.errors.map((e) => e.path)).to.deep.equal([
      '/vendor',
      '/name',
      '/version',
      '/entry',
    ]);
    const ids = (role: Parameters<PluginRegistry['visibleFor']>[0]) =>
      registry.visibleFor(role).map((m) => m.id);
    expect(ids('teacher')).to.deep.equal(['fi.example.reading-log', 'fi.example.menu']);
    expect(ids('guardian')).to.deep.equal(['fi.example.guardian-news', 'fi.example.menu']);
    expect(ids('principal')).to.deep.equal(['fi.example.menu']);
    expect(ids(null)).to.deep.equal(['fi.example.menu']);
  });

  it('rejects a list that cannot be loaded, and the host says so with Try again', async () => {
    const registry = new PluginRegistry();
    const host = document.createElement('d1-plugin-host');
    host.pluginId = 'fi.example.menu';
    host.registry = registry;
    const failed = registry.load(new URL('./fixtures/missing.json', import.meta.url).href);
    document.body.append(host);
    // read at the first render, before any response can arrive (polling could miss a fast 404)
    await host.updateComplete;
    expect(host.state).to.equal('loading');
    const error = await failed.then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).to.contain('HTTP 404');
    expect(registry.state).to.equal('error');
    await stateOf(host, 'error');
    expect(host.error).to.include({ code: 'REGISTRY', retryable: true });
    await expectAccessible(host);
    // the list comes back: the host starts on its own (here it then refuses nothing but connects to nothing)
    registry.set([iframeManifest({ id: 'fi.example.menu', entry: 'https://menu.example.invalid/' })]);
    await stateOf(host, 'loading');
    host.remove();
  });
});

describe('grant policy', () => {
  const m = iframeManifest({
    permissions: ['notifications', 'token', 'storage'],
    sandbox: ['allow-popups', 'allow-modals'],
    allow: ['fullscreen'],
  });

  it('grants nothing by default, and the intersection of asked and granted otherwise', () => {
    expect(grantedPermissions(m, undefined)).to.deep.equal([]);
    expect(grantedPermissions(m, {})).to.deep.equal([]);
    expect(
      grantedPermissions(m, { plugins: { '*': { permissions: ['token', 'context.user.name'] } } }),
    ).to.deep.equal(['token']);
    // a plugin's own entry replaces the '*' one
    expect(
      grantedPermissions(m, {
        plugins: { '*': { permissions: ['token'] }, 'fi.example.test': { permissions: ['storage'] } },
      }),
    ).to.deep.equal(['storage']);
  });

  it('adds sandbox tokens and allow features only when both sides agree', () => {
    expect(sandboxFor(m, undefined)).to.equal('allow-scripts allow-forms allow-same-origin');
    expect(sandboxFor(m, ['allow-modals', 'allow-downloads'])).to.equal(
      'allow-scripts allow-forms allow-same-origin allow-modals',
    );
    expect(allowFor(m, undefined)).to.equal('');
    expect(allowFor(m, ['fullscreen', 'camera'])).to.equal('fullscreen');
  });

  it('matches module URLs exactly or under a prefix ending in /', () => {
    const list = ['https://cdn.example/plugins/', 'https://other.example/one.js'];
    const base = 'https://portal.example/';
    expect(moduleAllowed('https://cdn.example/plugins/a/b.js', list, base)).to.equal(true);
    expect(moduleAllowed('https://cdn.example/plugins/../evil.js', list, base)).to.equal(false);
    expect(moduleAllowed('https://cdn.example/pluginsX/a.js', list, base)).to.equal(false);
    expect(moduleAllowed('https://other.example/one.js', list, base)).to.equal(true);
    expect(moduleAllowed('https://other.example/one.js?x', list, base)).to.equal(false);
    expect(moduleAllowed('/plugins/a.js', ['/plugins/'], base)).to.equal(true);
    expect(moduleAllowed('https://cdn.example/plugins/a.js', undefined, base)).to.equal(false);
  });
});
