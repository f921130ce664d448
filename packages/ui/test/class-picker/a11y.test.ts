/**
 * `<d1-class-picker>` accessibility in every state: axe in the light, dark and contrast themes
 * and in fi, sv and en (open list included), forced colours, 320 px wide (200% zoom of 640 px),
 * reduced motion.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { GroupLoader } from '../../src/index.js';
import type { D1ClassPicker } from '../../src/index.js';
import { expectAccessible } from '../../../../test/helpers/a11y.js';
import { waitFor } from '../../../../test/helpers/wait.js';
import { group, orgs, sessions, smallGroups } from './fixtures.js';
import { clearPickerMemory, expectActive, parts, press, renderedOptions } from './harness.js';

type State = {
  name: string;
  props: Partial<Pick<D1ClassPicker, 'groups' | 'organizations' | 'sessions' | 'loader' | 'value' | 'pupils'>>;
  open?: boolean;
  ready?: (p: D1ClassPicker) => boolean | string;
};

const never: GroupLoader = ({ onProgress }) => {
  onProgress({ loaded: 300, total: 1200 });
  return new Promise(() => {});
};
const failing: GroupLoader = async () => {
  throw new Error('offline');
};
const empty: GroupLoader = async () => ({ groups: [], organizations: [], sessions: [] });

const statusOf = (p: D1ClassPicker) => p.shadowRoot!.querySelector('[part="status"]')?.textContent ?? '';

const states: State[] = [
  { name: 'closed, nothing chosen', props: { groups: smallGroups, organizations: orgs, sessions } },
  { name: 'closed, chosen', props: { groups: smallGroups, organizations: orgs, sessions, value: 'g-ai' } },
  { name: 'open', props: { groups: smallGroups, organizations: orgs, sessions, value: 'g-ma7' }, open: true },
  { name: 'loading', props: { loader: never }, ready: (p) => statusOf(p).includes('1') },
  { name: 'error', props: { loader: failing }, ready: (p) => !!p.shadowRoot!.querySelector('[part="status"] button') },
  { name: 'empty', props: { loader: empty }, ready: (p) => !!p.shadowRoot!.querySelector('[part="status"] button') },
  {
    name: 'guardian',
    props: {
      pupils: [
        { id: 'k1', displayName: 'Aino Virtanen' },
        { id: 'k2', displayName: 'Eetu Virtanen' },
      ],
      loader: async () => ({ groups: [group('k', '3A', { kind: 'homeroom' })], organizations: orgs, sessions }),
    },
    ready: (p) => p.resultCount === 1,
  },
];

async function render(theme: string, lang: string, state: State): Promise<D1ClassPicker> {
  clearPickerMemory();
  // no painted canvas: a vendor page may be plain white in any theme
  const wrap = await fixture<HTMLDivElement>(
    html`<div data-d1-theme=${theme} lang=${lang} style="padding: 1rem 1rem 26rem"><d1-class-picker></d1-class-picker></div>`,
  );
  const picker = wrap.querySelector('d1-class-picker')!;
  Object.assign(picker, state.props);
  await picker.updateComplete;
  if (state.ready) await waitFor(() => state.ready!(picker), `${state.name} ready`);
  if (state.open) {
    parts(picker).input.focus();
    await press('ArrowDown');
    await expectActive(picker, /.+/);
  }
  return picker;
}

describe('<d1-class-picker> axe in every theme, language and state', function () {
  this.timeout(60000);
  for (const theme of ['light', 'dark', 'contrast']) {
    for (const lang of ['fi', 'sv', 'en']) {
      it(`${theme}, ${lang}: every state`, async () => {
        for (const state of states) {
          const picker = await render(theme, lang, state);
          try {
            await expectAccessible(picker.parentElement!);
          } catch (e) {
            throw new Error(`${state.name}: ${(e as Error).message}`);
          }
        }
      });
    }
  }
});

describe('<d1-class-picker> forced colours, narrow screens, reduced motion', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await executeServerCommand('d1-emulate-media', { features: [] });
  });

  it('forced colours: axe-clean open, the active option is Highlight and outlined', async () => {
    await executeServerCommand('d1-emulate-media', { features: [{ name: 'forced-colors', value: 'active' }] });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const picker = await render('light', 'fi', states[2]!);
    await expectAccessible(picker.parentElement!);
    const active = await expectActive(picker, 'Matematiikka 7A');
    const style = getComputedStyle(active);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.backgroundColor).to.not.equal(getComputedStyle(renderedOptions(picker)[0]!).backgroundColor);
  });

  it('320 px wide (a 640 px window at 200%): no horizontal scrolling, the list fits, long Finnish words wrap', async () => {
    await setViewport({ width: 320, height: 640 });
    const long = [
      group('l1', 'Ympäristö- ja luonnontieteiden soveltava syventävä kurssi', {
        code: 'YMPLUONSOVSYV9',
        subjects: ['Ympäristöoppi', 'Luonnontieteet'],
        grades: ['09'],
      }),
      ...smallGroups,
    ];
    const picker = await render('light', 'fi', { name: 'long', props: { groups: long, organizations: orgs, sessions }, open: true });
    await waitFor(() => renderedOptions(picker).length > 3, 'options');
    expect(document.documentElement.scrollWidth, 'no horizontal page scroll').to.be.at.most(320);
    const panel = picker.shadowRoot!.querySelector('.d1-panel')!.getBoundingClientRect();
    expect(panel.left).to.be.at.least(0);
    expect(panel.right).to.be.at.most(320);
    const listbox = parts(picker).listbox;
    expect(listbox.scrollWidth, 'no horizontal scroll inside the list').to.be.at.most(listbox.clientWidth + 1);
    await expectAccessible(picker.parentElement!);
  });

  it('targets are at least 24 x 24 px', async () => {
    const picker = await render('light', 'fi', states[2]!);
    const toggle = picker.shadowRoot!.querySelector('button')!.getBoundingClientRect();
    expect(toggle.width).to.be.at.least(24);
    expect(toggle.height).to.be.at.least(24);
    for (const o of renderedOptions(picker)) expect(o.getBoundingClientRect().height).to.be.at.least(24);
  });

  it('reduced motion: the loading indicator does not spin', async () => {
    await executeServerCommand('d1-emulate-media', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
    const picker = await render('light', 'fi', states[3]!);
    const spinner = picker.shadowRoot!.querySelector('.d1-spinner')!;
    expect(getComputedStyle(spinner).animationName).to.equal('none');
  });
});
