/**
 * Accessibility of every state: axe in each theme and language (open menu included), Chromium's
 * accessibility tree (role, name, checked state), the compact layout, forced colours and
 * reduced motion.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { AuthError } from '@digione/context';
import '../../src/define/d1-login-bar.js';
import type { D1LoginBar } from '../../src/login-bar/login-bar.js';
import { contrastRatio } from '../../src/shared/index.js';
import { expectAccessible } from '../../../../test/helpers/a11y.js';
import { waitFor } from '../../../../test/helpers/wait.js';
import { organizations, pupil, teacher } from './fixtures.js';

interface AXNode {
  role: string;
  name?: string;
  description?: string;
  checked?: boolean | 'mixed';
  expanded?: boolean;
  haspopup?: string;
  focused?: boolean;
  children?: AXNode[];
}

const $ = (el: D1LoginBar, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const items = (el: D1LoginBar) =>
  Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[role^="menuitem"]'));

function find(node: AXNode | null | undefined, test: (n: AXNode) => boolean): AXNode | null {
  if (!node) return null;
  if (test(node)) return node;
  for (const c of node.children ?? []) {
    const hit = find(c, test);
    if (hit) return hit;
  }
  return null;
}

async function tree(): Promise<AXNode> {
  return (await a11ySnapshot({})) as unknown as AXNode;
}

type State = { name: string; props: Partial<D1LoginBar>; open?: boolean };
const errorCodes: AuthError['code'][] = [
  'rejected',
  'expired',
  'missing-role',
  'missing-learner-number',
  'network',
  'unknown',
];
const states: State[] = [
  { name: 'signed out', props: {} },
  { name: 'checking', props: { status: 'unknown' } },
  { name: 'signing in', props: { status: 'signing-in' } },
  { name: 'signed in, one role', props: { user: pupil, organizations } },
  { name: 'signed in, several roles', props: { user: teacher, organizations } },
  { name: 'menu open, one role', props: { user: pupil, organizations }, open: true },
  { name: 'menu open, several roles', props: { user: teacher, organizations }, open: true },
  ...errorCodes.map((code) => ({ name: `error ${code}`, props: { error: { code } } })),
];

/**
 * The wrapper does NOT paint the theme's canvas: a vendor page may not either, and the bar must
 * keep its contrast on a plain white page in the dark theme too.
 */
async function render(theme: string, lang: string, state: State): Promise<D1LoginBar> {
  const wrap = await fixture<HTMLDivElement>(
    html`<div
      data-d1-theme=${theme}
      lang=${lang}
      style="padding: 1rem 1rem 24rem; display: flex; justify-content: flex-end"
    >
      <d1-login-bar></d1-login-bar>
    </div>`,
  );
  const el = wrap.querySelector('d1-login-bar')!;
  Object.assign(el, state.props);
  await el.updateComplete;
  if (state.open) {
    $(el, '.trigger')!.click();
    await waitFor(() => el.shadowRoot!.activeElement === items(el)[0], 'menu open');
  }
  return el;
}

describe('<d1-login-bar> axe in every theme and language', () => {
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

describe('<d1-login-bar> accessibility tree', () => {
  it('menu button: role, name with the user, role and school, haspopup, expanded', async () => {
    await render('light', 'fi', { name: 'teacher', props: { user: teacher, organizations } });
    const button = find(await tree(), (n) => n.role === 'button' && !!n.name?.includes('Aino Virtanen'));
    expect(button, 'a button named after the user').to.not.equal(null);
    expect(button!.name).to.equal('Aino Virtanen, Opettaja, Mäkelän koulu');
    expect(button!.haspopup).to.equal('menu');
    expect(!!button!.expanded).to.equal(false);
  });

  it('open menu: radios with checked state, languages, sign out with its honest description', async () => {
    await render('light', 'en', {
      name: 'teacher open',
      props: { user: teacher, organizations },
      open: true,
    });
    const root = await tree();
    const menu = find(root, (n) => n.role === 'menu');
    expect(menu, 'a menu').to.not.equal(null);
    expect(menu!.name).to.contain('Aino Virtanen');
    const radios: AXNode[] = [];
    find(menu, (n) => {
      if (n.role === 'menuitemradio') radios.push(n);
      return false;
    });
    expect(radios.map((r) => [r.name, !!r.checked])).to.deep.equal([
      ['Teacher, Mäkelä School', true],
      ['Principal, Kuusikoski Comprehensive School', false],
      ['Suomeksi', false],
      ['På svenska', false],
      ['In English', true],
    ]);
    const signOut = find(menu, (n) => n.role === 'menuitem');
    expect(signOut!.name).to.equal('Sign out');
    expect(signOut!.description).to.match(/Other MPASSid services may stay signed in/);
    const button = find(root, (n) => n.role === 'button' && !!n.name?.includes('Aino'));
    expect(button!.expanded).to.equal(true);
  });

  it('error is an alert; the avatar initials are not in the tree', async () => {
    await render('light', 'fi', { name: 'err', props: { error: { code: 'missing-role' } } });
    const root = await tree();
    expect(find(root, (n) => n.role === 'alert')).to.not.equal(null);
    await render('light', 'fi', { name: 'pupil', props: { user: pupil, organizations } });
    expect(find(await tree(), (n) => n.name === 'EK')).to.equal(null);
  });
});

describe('<d1-login-bar> compact, zoom, forced colours, reduced motion', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await executeServerCommand('d1-emulate-media', { features: [] });
  });

  it('narrow screen: only the avatar shows, the name stays in the accessible name and in the menu', async () => {
    await setViewport({ width: 360, height: 640 });
    const el = await render('light', 'fi', { name: 'narrow', props: { user: teacher, organizations } });
    const trigger = $(el, '.trigger')!;
    await waitFor(() => $(el, '.label')!.getBoundingClientRect().width <= 1, 'label collapsed');
    // the button is not much wider than the avatar
    expect(trigger.getBoundingClientRect().width).to.be.lessThan(80);
    const button = find(await tree(), (n) => n.role === 'button' && !!n.name?.includes('Aino Virtanen'));
    expect(button, 'name still in the accessible name').to.not.equal(null);
    trigger.click();
    await waitFor(
      () => $(el, '.who')!.getBoundingClientRect().height > 0,
      'who is signed in, at the top of the menu',
    );
    const popup = $(el, '.popup')!.getBoundingClientRect();
    expect(popup.left).to.be.at.least(0);
    expect(popup.right).to.be.at.most(360);
    await expectAccessible(el.parentElement!);
  });

  it('wide screen: name, role and school are visible; the menu header is not repeated', async () => {
    const el = await render('light', 'fi', { name: 'wide', props: { user: teacher, organizations } });
    expect($(el, '.label')!.getBoundingClientRect().width).to.be.greaterThan(80);
    $(el, '.trigger')!.click();
    await el.updateComplete;
    expect($(el, '.who')!.getBoundingClientRect().height).to.equal(0);
  });

  it('targets are at least 24 x 24 CSS px', async () => {
    const el = await render('light', 'fi', {
      name: 'open',
      props: { user: teacher, organizations },
      open: true,
    });
    for (const target of [$(el, '.trigger')!, ...items(el)]) {
      const r = target.getBoundingClientRect();
      expect(r.height, target.textContent ?? '').to.be.at.least(24);
      expect(r.width).to.be.at.least(24);
    }
    const out = await render('light', 'fi', { name: 'out', props: {} });
    expect($(out, '.sign-in')!.getBoundingClientRect().height).to.be.at.least(24);
  });

  it('at 200% zoom (640 px wide viewport at twice the text size) nothing is cut off', async () => {
    await setViewport({ width: 640, height: 400 });
    const wrap = await fixture<HTMLDivElement>(
      html`<div lang="fi" style="font-size: 200%">
        <d1-login-bar .error=${{ code: 'missing-learner-number' }}></d1-login-bar>
      </div>`,
    );
    const el = wrap.querySelector('d1-login-bar')!;
    await el.updateComplete;
    expect(document.documentElement.scrollWidth, 'no horizontal scrolling').to.be.at.most(640);
    const retry = $(el, '.error button')!.getBoundingClientRect();
    expect(retry.right).to.be.at.most(640);
  });

  it('forced colours: still axe-clean, the focused item keeps an outline', async () => {
    await executeServerCommand('d1-emulate-media', {
      features: [{ name: 'forced-colors', value: 'active' }],
    });
    const el = await render('light', 'fi', {
      name: 'forced',
      props: { user: teacher, organizations },
      open: true,
    });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const item = items(el)[0]!;
    expect(getComputedStyle(item).outlineStyle).to.equal('solid');
    // the initials keep their system colours: forced colours would put a Canvas backplate behind
    // HighlightText on the Highlight disc, and the initials would vanish
    const avatar = getComputedStyle($(el, '.avatar')!);
    expect(avatar.forcedColorAdjust).to.equal('none');
    // (Chromium's emulated Highlight is slightly translucent: blend it over the Canvas below)
    const [r, g, b, a = 1] = avatar.backgroundColor.match(/[\d.]+/g)!.map(Number);
    const over = (c: number) => Math.round(c * a + 255 * (1 - a));
    const disc = `rgb(${over(r!)}, ${over(g!)}, ${over(b!)})`;
    expect(contrastRatio(avatar.color, disc), `${avatar.color} on ${disc}`).to.be.at.least(4.5);
    await expectAccessible(el.parentElement!);
  });

  it('reduced motion: the busy indicator does not spin', async () => {
    await executeServerCommand('d1-emulate-media', {
      features: [{ name: 'prefers-reduced-motion', value: 'reduce' }],
    });
    const el = await render('light', 'fi', { name: 'busy', props: { status: 'signing-in' } });
    expect(getComputedStyle($(el, '.d1-spinner')!).animationName).to.equal('none');
  });

  it('keyboard focus on the menu button is visible', async () => {
    const el = await render('light', 'fi', { name: 'focus', props: { user: pupil, organizations } });
    const before = document.createElement('button');
    before.textContent = 'before';
    el.parentElement!.prepend(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    await waitFor(() => el.shadowRoot!.activeElement === $(el, '.trigger'), 'tabbed to the menu button');
    expect(getComputedStyle($(el, '.trigger')!).outlineStyle).to.equal('solid');
  });
});
