// The portal guide's code (docs/portal-guide.md quotes the regions below; a test keeps the quotes
// equal to this file). The shell story (stories/shell.stories.ts) runs it, and `npm run typecheck`
// checks it through that story.
import type { PluginPolicy } from '@digione/plugin-host';
import type { D1Shell } from '@digione/shell';
import { applyBrand, type Brand } from '@digione/ui';
import { checkBrand } from '@digione/ui/shared/index.js';
// #region imports
// every element a portal needs: <d1-platform>, the widgets, <d1-plugin-host>, <d1-shell>
import '@digione/shell/all.js';
// #endregion imports

// #region policy
/** What the portal grants its plugins. Anything not listed here is refused. */
export const policy: PluginPolicy = {
  plugins: {
    // the city's own reading diary: may greet the pupil by name, see the class, post to the tray
    'fi.kuusikoski.lukupaivakirja': {
      permissions: ['context.user.name', 'context.group', 'notifications'],
    },
    // a vendor's tool: a signed token for its own backend, platform storage, file downloads
    'fi.oppimisyhtio.tehtavat': {
      permissions: ['context.group', 'token', 'storage'],
      sandbox: ['allow-downloads'],
    },
    // every other plugin: the base context only (pairwise sub, role, group, language, theme)
    '*': { permissions: [] },
  },
  // module plugins run inside the portal's page: trust only the city's own module folder
  moduleAllowList: ['https://kuusikoski.example.fi/plugins/'],
};
// #endregion policy

/** Where the portal's platform lives; leave it out for a demo that fills the store itself. */
export interface PlatformConfig {
  issuer: string;
  clientId: string;
  api: string;
}

// #region assemble
/** Build the portal: one `<d1-shell>` with the city's logo, footer and plugin policy. */
export function createPortal(
  config: PlatformConfig | null,
  options: { policy: PluginPolicy; manifests?: unknown[] },
): D1Shell {
  const shell = document.createElement('d1-shell');
  if (config) {
    shell.setAttribute('issuer', config.issuer);
    shell.setAttribute('client-id', config.clientId);
    shell.setAttribute('api', config.api); // plugins load from `${api}/api/plugins`
  }
  shell.policy = options.policy;
  if (options.manifests) shell.manifests = options.manifests; // instead of the plugin list URL

  const home = document.createElement('a');
  home.slot = 'brand';
  home.href = '/';
  home.textContent = 'Kuusikosken kaupunki';

  const statement = document.createElement('a');
  statement.slot = 'footer';
  statement.href = '/saavutettavuusseloste';
  statement.textContent = 'Saavutettavuusseloste';

  shell.append(home, statement);
  return shell;
}
// #endregion assemble

// #region brand
/** Brand the portal (or any part of a page) with the city's brand JSON. */
export function brandPortal(root: HTMLElement | Document, brand: Brand): string[] {
  // design-time check: unknown tokens, unsafe values, colour pairs below WCAG AA
  const problems = checkBrand(brand);
  if (problems.length === 0) applyBrand(brand, root);
  return problems;
}
// #endregion brand

// #region load-brand
/** Fetch the city's brand JSON and apply it to the whole document (or to one subtree). */
export async function loadBrand(url: string, root: HTMLElement | Document = document): Promise<void> {
  const brand = (await (await fetch(url)).json()) as Brand;
  applyBrand(brand, root);
}
// #endregion load-brand
