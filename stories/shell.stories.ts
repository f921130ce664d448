// <d1-shell>: the city portal with mock data. The portal is built by the portal guide's own code
// (docs/samples/portal.ts); the inner <d1-platform> gets in-memory services and a store filled with
// a demo user, and the tools are in-page module plugins (docs/samples/module-plugin.js), so
// nothing here needs a network or a sign-in. The theme and language come from the toolbar.
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { localeFor, type PlatformContext, type User } from '@digione/context';
import type { D1Platform } from '@digione/platform';
import { routeUrl, type D1Shell } from '@digione/shell';
import { createPortal, policy } from '../docs/samples/portal.js';
import {
  DEMO_PLUGIN_URL,
  demoServices,
  groups,
  organizations,
  pupil,
  teacher,
} from './support/demo-platform.js';

const tool = (
  id: string,
  name: Record<'fi' | 'sv' | 'en', string>,
  roles: string[],
  permissions: string[] = [],
) => ({
  id,
  name,
  description: { fi: 'Esimerkkityökalu', sv: 'Exempelverktyg', en: 'Example tool' },
  version: '1.0.0',
  vendor: 'Kuusikosken kaupunki',
  kind: 'module',
  module: DEMO_PLUGIN_URL,
  roles,
  permissions,
});

const manifests = [
  // asks for what docs/samples/portal.ts grants it: the user's name, the group, the tray
  tool(
    'fi.kuusikoski.lukupaivakirja',
    { fi: 'Lukupäiväkirja', sv: 'Läsdagbok', en: 'Reading diary' },
    ['teacher', 'student'],
    ['context.user.name', 'context.group', 'notifications'],
  ),
  tool('fi.kuusikoski.arviointi', { fi: 'Arviointi', sv: 'Bedömning', en: 'Assessment' }, ['teacher']),
  tool(
    'fi.kuusikoski.kodinjakoulunyhteistyo',
    {
      fi: 'Kodin ja koulun yhteistyö­kalenteri',
      sv: 'Samarbetskalender för hem och skola',
      en: 'Home and school calendar',
    },
    ['teacher', 'guardian'],
  ),
];

interface Args {
  /** Who is signed in (null: signed out). */
  user: User | null;
  /** The tool open in the URL (`?plugin=`), if any. */
  plugin: string | null;
  /** Give the plugin list as an invalid manifest too, to show the skipped-tools notice. */
  withInvalidManifest: boolean;
}

/** The store of the shell's inner <d1-platform>, once it exists. */
async function platformOf(shell: D1Shell): Promise<D1Platform> {
  await shell.updateComplete;
  const platform = shell.shadowRoot?.querySelector<D1Platform>('d1-platform');
  if (!platform) throw new Error('<d1-shell> rendered no <d1-platform>');
  return platform;
}

function render(args: Args, ctx: { globals?: Record<string, unknown> }) {
  // the shell reads the tool from the URL: set it for this story, keep the rest of the URL
  history.replaceState(history.state, '', routeUrl({ plugin: args.plugin, path: null, group: null }));
  const shell = createPortal(null, {
    policy: { ...policy, moduleAllowList: [DEMO_PLUGIN_URL] },
    manifests: args.withInvalidManifest
      ? [...manifests, { id: 'Not a valid id', kind: 'iframe' }]
      : manifests,
  });
  const locale = localeFor(String(ctx.globals?.locale ?? 'fi'));
  void platformOf(shell).then((platform) => {
    platform.services = demoServices();
    const user = args.user;
    const signedIn: Partial<PlatformContext> = user
      ? {
          auth: { status: 'signed-in' },
          user,
          activeRole: user.roles[0]!,
          organizations,
          activeGroup: groups[0]!,
        }
      : { auth: { status: 'signed-out' } };
    platform.store?.update({ ...signedIn, locale });
  });
  return html`${shell}`;
}

const meta: Meta<Args> = {
  title: 'Shell/City portal',
  component: 'd1-shell',
  args: { user: teacher, plugin: null, withInvalidManifest: false },
  argTypes: {
    user: { control: false },
    plugin: { control: 'select', options: [null, ...manifests.map((m) => m.id)] },
  },
  // each story in its own frame on the docs page: a shell reads its tool from the page's URL
  parameters: { layout: 'fullscreen', docs: { story: { inline: false, iframeHeight: 520 } } },
  render,
};
export default meta;

type Story = StoryObj<Args>;

/** Nobody signed in: skip link, banner, a sign-in prompt, no navigation. */
export const SignedOut: Story = { args: { user: null } };

/** A teacher: the class picker, the tray, and the tools a teacher may see. */
export const Teacher: Story = {};

/** A tool open (it is in the URL): the module plugin greets the user and sees the class. */
export const TeacherWithToolOpen: Story = { args: { plugin: 'fi.kuusikoski.lukupaivakirja' } };

/** A pupil sees fewer tools (the `roles` of each manifest). */
export const Pupil: Story = { args: { user: pupil } };

/** An invalid manifest in the plugin list is skipped with a notice; the others load. */
export const InvalidManifestSkipped: Story = { args: { withInvalidManifest: true } };
