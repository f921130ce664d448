/**
 * Stories as fixtures: every story of every element is rendered in Chromium and checked with axe
 * in each theme, so stories and tests cannot drift apart.
 */
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { storyModules } from '../../stories/index.js';
import { wrap } from '../../stories/support/decorators.js';
import { expectAccessible } from '../helpers/a11y.js';

type Args = Record<string, unknown>;
interface StoryObj {
  args?: Args;
  render?: (args: Args, ctx: unknown) => unknown;
  parameters?: { fixture?: { skipThemes?: string[] } };
}
interface Meta extends StoryObj {
  title: string;
}

const THEMES = ['light', 'dark', 'contrast', 'kuusikoski'];

async function settle(root: Element) {
  // wait until every custom element below has rendered (and any it rendered, one level deeper)
  for (let pass = 0; pass < 3; pass++) {
    const all = [root, ...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot?.querySelectorAll('*') ?? [])]);
    await Promise.all(all.map((el) => (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete));
  }
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

it('there are stories to test', () => {
  expect(storyModules.length).to.be.greaterThan(0);
});

for (const mod of storyModules) {
  const meta = mod.default as Meta;
  describe(`story ${meta.title}`, () => {
    for (const [name, value] of Object.entries(mod)) {
      if (name === 'default' || name === '__namedExportsOrder' || typeof value !== 'object' || value === null) continue;
      const story = value as StoryObj;
      for (const theme of THEMES) {
        if (story.parameters?.fixture?.skipThemes?.includes(theme)) continue;
        it(`${name} is accessible in ${theme}`, async () => {
          const args = { ...meta.args, ...story.args };
          const renderFn = story.render ?? meta.render;
          if (!renderFn) throw new Error(`${meta.title}/${name} has no render function`);
          const host = document.createElement('div');
          document.body.append(host);
          try {
            render(wrap(renderFn(args, { args, globals: { theme, locale: 'fi' } }) as TemplateResult, theme, 'fi'), host);
            await settle(host);
            await expectAccessible(host);
          } finally {
            render(null, host);
            host.remove();
          }
        });
      }
    }
  });
}
