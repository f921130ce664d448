// <d1-plugin-host> standalone with an in-page (module) plugin: the vendor-style plugin of the guides
// (docs/samples/module-plugin.js), a manifest, grants and a platform context given as properties,
// in-memory services. No network, no iframe: the cross-origin iframe runtime is covered by the
// plugin host's own tests and the end-to-end tests.
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { emptyContext, type Permission, type PlatformContext } from '@digione/context';
import type { PluginManifest } from '@digione/plugin-host';
import '@digione/plugin-host/define/d1-plugin-host.js';
import { DEMO_PLUGIN_URL, demoServices, groups, organizations, teacher } from './support/demo-platform.js';

interface Args {
  manifest: PluginManifest;
  grants: Permission[];
  signedIn: boolean;
  /** Module URLs the portal trusts. */
  moduleAllowList: string[];
}

const manifest: PluginManifest = {
  id: 'fi.kuusikoski.lukupaivakirja',
  name: { fi: 'Lukupäiväkirja', sv: 'Läsdagbok', en: 'Reading diary' },
  description: { fi: 'Oppilaan lukupäiväkirja', sv: 'Elevens läsdagbok', en: "The pupil's reading diary" },
  version: '1.0.0',
  vendor: 'Kuusikosken kaupunki',
  kind: 'module',
  module: DEMO_PLUGIN_URL,
  permissions: ['context.user.name', 'context.group', 'notifications'],
};

function contextFor(signedIn: boolean, lang: string): PlatformContext {
  const base = emptyContext(lang);
  if (!signedIn) return { ...base, auth: { status: 'signed-out' } };
  return {
    ...base,
    auth: { status: 'signed-in' },
    user: teacher,
    activeRole: teacher.roles[0]!,
    organizations,
    activeGroup: groups[1]!,
  };
}

const meta: Meta<Args> = {
  title: 'Shell/Plugin host (in-page plugin)',
  component: 'd1-plugin-host',
  args: {
    manifest,
    grants: ['context.user.name', 'context.group', 'notifications'],
    signedIn: true,
    moduleAllowList: [DEMO_PLUGIN_URL],
  },
  render: (args, ctx) =>
    html`<d1-plugin-host
      plugin-id=${args.manifest.id}
      .manifest=${args.manifest}
      .grants=${args.grants}
      .context=${contextFor(args.signedIn, String(ctx.globals?.locale ?? 'fi'))}
      .services=${demoServices()}
      .moduleAllowList=${args.moduleAllowList}
    ></d1-plugin-host>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Granted the user's name, the group and the tray: greets the teacher and shows the group. */
export const Ready: Story = {};

/** Nothing granted: the plugin gets the base context only (no name; the group's title). */
export const BaseContextOnly: Story = { args: { grants: [] } };

/** Nobody signed in: the plugin gets an anonymous context. */
export const SignedOut: Story = { args: { signedIn: false } };

/** A module the portal does not trust is refused, with the reason shown and announced. */
export const RefusedModule: Story = { args: { moduleAllowList: [] } };
