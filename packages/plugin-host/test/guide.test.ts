/**
 * The portal guide's `<d1-plugin-host>` samples (docs/portal-guide.md quotes the regions below;
 * test/node/docs-samples.test.mjs keeps the quotes equal to this file), run for real.
 */
import { expect } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import type { PlatformContext } from '@digione/context';
import '@digione/plugin-host/define/d1-plugin-host.js';
import {
  PluginRegistry,
  registryContext,
  type D1PluginHost,
  type PluginManifest,
  type PluginPolicy,
  type RegistryInvalidEvent,
} from '@digione/plugin-host';
import { FIXTURES, moduleManifest, stateOf, teacherStore } from './helpers.js';

// #region registry
/** Load the portal's plugins once and provide them to every `<d1-plugin-host>` inside `portal`. */
export async function providePlugins(portal: HTMLElement, listUrl: string, policy: PluginPolicy) {
  const registry = new PluginRegistry({ policy });
  new ContextProvider(portal, { context: registryContext, initialValue: registry });
  // invalid manifests are skipped, each with every error by path; the others load on
  registry.addEventListener('invalid', (e) => console.warn((e as RegistryInvalidEvent).detail));
  await registry.load(listUrl); // the platform's `${api}/api/plugins`
  return registry;
}
// #endregion registry

// #region standalone
/** One plugin on a page of its own, without `<d1-platform>`: everything comes as properties. */
export function runPlugin(manifest: PluginManifest, context: PlatformContext): D1PluginHost {
  const host = document.createElement('d1-plugin-host');
  host.manifest = manifest; // validated first; an invalid one is an error state listing why
  host.grants = ['context.user.name']; // intersected with what the manifest asks for
  host.context = context; // leave it out: an anonymous context in the page's language and theme
  host.moduleAllowList = ['https://kuusikoski.example.fi/plugins/']; // module plugins only
  host.addEventListener('d1-plugin-ready', (e) => console.info('ready', e.detail.version));
  host.addEventListener('d1-plugin-error', (e) => console.warn(e.detail.code, e.detail.message));
  return host;
}
// #endregion standalone

describe('portal guide samples', () => {
  it('providePlugins loads the list, reports the invalid one and serves the hosts inside', async () => {
    const portal = document.createElement('div');
    document.body.append(portal);
    const host = document.createElement('d1-plugin-host');
    host.pluginId = 'fi.example.menu';
    try {
      // provide first, then add hosts: a host finds the nearest provider when it connects
      const loading = providePlugins(portal, new URL('./fixtures/plugins.json', import.meta.url).href, {});
      portal.append(host);
      const registry = await loading;
      expect(registry.list()).to.have.length(3);
      expect(registry.errors).to.have.length(1);
      // the fixture list points at an unreachable address: it loads (and would time out)
      await stateOf(host, 'loading');
      expect(host.currentManifest?.id).to.equal('fi.example.menu');
    } finally {
      portal.remove();
    }
  });

  it('runPlugin runs a module plugin with the given grants and context', async () => {
    const manifest = moduleManifest({
      permissions: ['context.user.name', 'notifications'],
      module: 'https://kuusikoski.example.fi/plugins/hello.js',
    });
    const host = runPlugin(manifest, teacherStore().get() as PlatformContext);
    host.importModule = () => import(`${FIXTURES}/module-plugin.ts`);
    document.body.append(host);
    try {
      await stateOf(host, 'ready');
      const text = host.shadowRoot!.querySelector('[part="module"]')!.shadowRoot!.textContent;
      expect(text).to.contain('Hello teacher (fi)');
    } finally {
      host.remove();
    }
  });
});
