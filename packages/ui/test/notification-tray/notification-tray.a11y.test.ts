/**
 * Accessibility of every state: axe in each theme and language (open and closed), the refused-
 * change message, a virtualized list, forced colours, a narrow screen and target sizes.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { Notification } from '@digione/context';
import '../../src/define/d1-notification-tray.js';
import type { D1NotificationTray } from '../../src/notification-tray/notification-tray.js';
import { expectAccessible } from '../../../../test/helpers/a11y.js';
import { waitFor } from '../../../../test/helpers/wait.js';
import { NOW, many, note } from './fixtures.js';

const $ = <T extends Element = HTMLElement>(el: D1NotificationTray, sel: string): T | null =>
  el.shadowRoot!.querySelector<T>(sel);
const items = (el: D1NotificationTray) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('.item'));

const mixed = (): Notification[] => [
  note({
    severity: 'error',
    minutesAgo: 2,
    title: { fi: 'Virhe', sv: 'Fel', en: 'Error' },
    link: { pluginId: 'p', path: '/x' },
  }),
  note({
    severity: 'warning',
    minutesAgo: 30,
    body: { fi: 'Runko', sv: 'Text', en: 'Body' },
    link: { href: 'https://example.fi/a' },
  }),
  note({ severity: 'success', minutesAgo: 60 * 20, readAt: new Date(NOW).toISOString() }),
  note({ severity: 'info', minutesAgo: 60 * 24 * 4 }),
];

interface State {
  name: string;
  props: Partial<D1NotificationTray>;
  /** Make the host refuse the first read, to show the rollback message. */
  refuse?: boolean;
}

const states: State[] = [
  { name: 'closed, unread', props: { notifications: mixed() } },
  { name: 'closed, none', props: { notifications: [] } },
  { name: 'open', props: { notifications: mixed(), open: true } },
  { name: 'open, empty', props: { notifications: [], open: true } },
  { name: 'open, refused change', props: { notifications: mixed(), open: true }, refuse: true },
  { name: 'open, 10 000 (virtualized, capped)', props: { notifications: many(10_000, 30), open: true } },
];

async function render(theme: string, lang: string, state: State): Promise<D1NotificationTray> {
  // one tray at a time: a virtualized list renders rows only where it is on screen
  fixtureCleanup();
  const wrap = await fixture<HTMLDivElement>(
    html`<div
      data-d1-theme=${theme}
      lang=${lang}
      style="padding: 1rem 1rem 36rem; display: flex; justify-content: flex-end; background: var(--d1-color-canvas)"
    >
      <d1-notification-tray></d1-notification-tray>
    </div>`,
  );
  const el = wrap.querySelector('d1-notification-tray')!;
  Object.assign(el, { now: NOW, ...state.props });
  await el.updateComplete;
  if (el.open && el.notifications?.length) await waitFor(() => items(el).length > 0, `rows of ${state.name}`);
  if (state.refuse) {
    el.addEventListener('d1-notification-read', (e) => e.preventDefault(), { once: true });
    items(el)[0]!.querySelector<HTMLButtonElement>('.actions button')!.click();
    await waitFor(() => $(el, '.message'), 'message');
  }
  return el;
}

describe('<d1-notification-tray> axe in every theme and language', () => {
  for (const theme of ['light', 'dark', 'contrast']) {
    for (const lang of ['fi', 'sv', 'en']) {
      it(`${theme} / ${lang}: every state is axe-clean`, async () => {
        for (const state of states) {
          const el = await render(theme, lang, state);
          try {
            await expectAccessible(el.parentElement!);
          } catch (e) {
            throw new Error(`${state.name}: ${(e as Error).message}`);
          }
        }
      });
    }
  }
});

describe('<d1-notification-tray> forced colours, narrow screen, targets', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await executeServerCommand('d1-emulate-media', { features: [] });
  });

  it('forced colours: axe-clean; unread and severity survive without colour; focus has an outline', async () => {
    await executeServerCommand('d1-emulate-media', {
      features: [{ name: 'forced-colors', value: 'active' }],
    });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await render('light', 'fi', { name: 'forced', props: { notifications: mixed(), open: true } });
    const unread = items(el)[0]!;
    // the unread marker is a border in forced colours (box-shadows vanish there)
    expect(getComputedStyle(unread).borderInlineStartStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(unread).borderInlineStartWidth)).to.be.at.least(3);
    expect(getComputedStyle(unread.querySelector('.title')!).fontWeight).to.equal('600');
    // severity is written out, with a distinct icon beside it
    expect(unread.querySelector('.meta')!.textContent).to.contain('Virhe');
    expect(unread.querySelector('.sev-icon svg rect')).to.not.equal(null);
    unread.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => el.shadowRoot!.activeElement === items(el)[1], 'second item focused');
    expect(getComputedStyle(items(el)[1]!).outlineStyle).to.equal('solid');
    // the badge keeps a visible shape
    await expectAccessible(el.parentElement!);
  });

  it('narrow screen: the panel stays inside the viewport, nothing scrolls sideways', async () => {
    await setViewport({ width: 360, height: 640 });
    const el = await render('light', 'fi', { name: 'narrow', props: { notifications: mixed(), open: true } });
    await waitFor(() => {
      const r = $(el, '.panel')!.getBoundingClientRect();
      return r.left >= 0 && r.right <= 360;
    }, 'panel inside the viewport');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expectAccessible(el.parentElement!);
  });

  it('every control is at least 24 x 24 CSS px', async () => {
    const el = await render('light', 'fi', {
      name: 'targets',
      props: { notifications: mixed(), open: true },
    });
    const targets = Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('button, a'));
    expect(targets.length).to.be.greaterThan(6);
    for (const t of targets) {
      const r = t.getBoundingClientRect();
      expect(r.height, t.textContent ?? '').to.be.at.least(24);
      expect(r.width, t.textContent ?? '').to.be.at.least(24);
    }
  });

  it('keyboard focus on the bell is visible', async () => {
    const el = await render('light', 'fi', { name: 'focus', props: { notifications: mixed() } });
    const before = document.createElement('button');
    before.textContent = 'before';
    el.parentElement!.prepend(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    await waitFor(() => el.shadowRoot!.activeElement === $(el, '.bell'), 'tabbed to the bell');
    expect(getComputedStyle($(el, '.bell')!).outlineStyle).to.equal('solid');
  });
});

describe('<d1-notification-tray> stories as fixtures', () => {
  type StoryArgs = Record<string, unknown>;
  interface Story {
    args?: StoryArgs;
    render?: (args: StoryArgs, ctx: unknown) => unknown;
  }
  for (const theme of ['light', 'dark', 'contrast']) {
    it(`every story is axe-clean in ${theme}`, async () => {
      const mod = (await import('../../../../stories/notification-tray.stories.js')) as Record<
        string,
        unknown
      >;
      const { wrap } = await import('../../../../stories/support/decorators.js');
      const meta = mod.default as Story;
      const names = Object.keys(mod).filter((k) => k !== 'default' && typeof mod[k] === 'object');
      expect(names.length).to.be.at.least(8);
      for (const name of names) {
        fixtureCleanup();
        const story = mod[name] as Story;
        const args = { ...meta.args, ...story.args };
        const wrapper = await fixture<HTMLElement>(
          wrap((story.render ?? meta.render)!(args, { args }), theme, 'fi') as ReturnType<typeof html>,
        );
        const el = wrapper.querySelector('d1-notification-tray')!;
        await el.updateComplete;
        if (el.open && el.notifications?.length) await waitFor(() => items(el).length > 0, `rows of ${name}`);
        if (args.refuse) {
          items(el)[0]!.querySelector<HTMLButtonElement>('.actions button')!.click();
          await waitFor(() => $(el, '.message'), `message of ${name}`);
        }
        try {
          await expectAccessible(wrapper);
        } catch (e) {
          throw new Error(`${name}: ${(e as Error).message}`);
        }
      }
    });
  }
});
