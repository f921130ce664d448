// <d1-plugin-host>'s life cycle, one story per state, with in-page (module) plugins whose loading
// is scripted through `importModule`: deterministic, no network, no iframe. (Unresponsive needs a
// heartbeat that goes unanswered, which only a real frame shows: the plugin host's browser tests
// cover it, and the error and loading panels here share its look.)
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { emptyContext, type PlatformContext, type PlatformRole } from '@digione/context';
import type { PluginClient } from '@digione/bridge';
import type { PluginManifest } from '@digione/plugin-host';
import '@digione/plugin-host/define/d1-plugin-host.js';
import { groups, organizations, teacher } from './support/demo-platform.js';

type Behaviour = 'mounts' | 'never' | 'throws' | 'missing';

interface Args {
  behaviour: Behaviour;
  /** Who is signed in; the manifest is for teachers only. */
  role: PlatformRole;
  /** Where the plugin's module lives; off the allow list it is refused. */
  trusted: boolean;
  /** An iframe manifest pointing at the portal's own origin (always refused). */
  sameOrigin: boolean;
  /** Milliseconds before the loading text shows. */
  progressDelay: number;
}

const MODULE_URL = 'https://plugins.kuusikoski.example/tehtavat/plugin.js';

const manifest = (a: Args): PluginManifest => ({
  id: 'fi.kuusikoski.tehtavat',
  name: { fi: 'Viikon tehtävät', sv: 'Veckans uppgifter', en: 'Tasks of the week' },
  version: '1.0.0',
  vendor: 'Kuusikosken kaupunki',
  roles: ['teacher'],
  ...(a.sameOrigin
    ? { kind: 'iframe', entry: `${location.origin}/tehtavat/` }
    : { kind: 'module', module: MODULE_URL }),
});

/** A module plugin as a vendor would write it: it reads the context and paints with the portal's tokens. */
const plugin = {
  mount(container: HTMLElement, client: PluginClient) {
    const box = document.createElement('div');
    box.style.cssText =
      'background: var(--d1-color-surface, Canvas); color: var(--d1-color-text, CanvasText); padding: 1rem;';
    const h = document.createElement('h2');
    h.style.margin = '0';
    h.textContent = client.context.group?.title ?? '–';
    const p = document.createElement('p');
    p.textContent = `${client.context.role ?? ''} · ${client.context.locale}`;
    box.append(h, p);
    container.append(box);
    return () => box.remove();
  },
};

const importers: Record<Behaviour, () => Promise<unknown>> = {
  mounts: () => Promise.resolve(plugin),
  never: () => new Promise<never>(() => {}),
  throws: () =>
    Promise.resolve({
      mount() {
        throw new Error('story: mount failed');
      },
    }),
  missing: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
};

function contextFor(role: PlatformRole, lang: string): PlatformContext {
  return {
    ...emptyContext(lang),
    auth: { status: 'signed-in' },
    user: { ...teacher, roles: [{ role, roleType: 'primary', orgId: teacher.roles[0]!.orgId }] },
    activeRole: { role, roleType: 'primary', orgId: teacher.roles[0]!.orgId },
    organizations,
    activeGroup: groups[1]!,
  };
}

const meta: Meta<Args> = {
  title: 'Shell/Plugin host (states)',
  component: 'd1-plugin-host',
  args: { behaviour: 'mounts', role: 'teacher', trusted: true, sameOrigin: false, progressDelay: 400 },
  argTypes: {
    behaviour: { control: 'select', options: ['mounts', 'never', 'throws', 'missing'] },
    role: { control: 'select', options: ['teacher', 'student', 'guardian'] },
  },
  render: (args, ctx) =>
    html`<d1-plugin-host
      plugin-id="fi.kuusikoski.tehtavat"
      progress-delay=${args.progressDelay}
      .manifest=${manifest(args)}
      .context=${contextFor(args.role, String(ctx.globals?.locale ?? 'fi'))}
      .moduleAllowList=${args.trusted ? ['https://plugins.kuusikoski.example/'] : []}
      .importModule=${importers[args.behaviour]}
    ></d1-plugin-host>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Mounted and running: the plugin shows the active group. */
export const Ready: Story = {};

/** Still loading: the text shows after the delay (here at once) and is announced politely. */
export const Loading: Story = { args: { behaviour: 'never', progressDelay: 0 } };

/** The plugin's mount() threw: what happened, and Try again. */
export const MountFailed: Story = { args: { behaviour: 'throws' } };

/** The plugin's code could not be loaded: what happened, and Try again. */
export const LoadFailed: Story = { args: { behaviour: 'missing' } };

/** A module off the portal's allow list is refused before anything is imported; no retry. */
export const NotTrusted: Story = { args: { trusted: false } };

/** An iframe plugin on the portal's own origin is refused (it could lift its own sandbox). */
export const SameOriginRefused: Story = { args: { sameOrigin: true } };

/** The manifest is for teachers; a pupil does not get to run it. */
export const WrongRole: Story = { args: { role: 'student' } };
