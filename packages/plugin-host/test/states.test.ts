/**
 * Every state story of `<d1-plugin-host>`, rendered in every theme once the element has reached
 * the state the story is about (the shared story test checks the first paint), then axe.
 */
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { ensureThemeStyles } from '@digione/ui';
import type { D1PluginHost } from '@digione/plugin-host';
import * as stories from '../../../stories/plugin-host.stories.js';
import { wrap } from '../../../stories/support/decorators.js';
import { waitFor } from '../../../test/helpers/wait.js';
import { expectAccessible } from '../../../test/helpers/a11y.js';

type Args = Record<string, unknown>;
type Story = { args?: Args };
const meta = stories.default as unknown as { args: Args; render: (a: Args, c: unknown) => TemplateResult };
const expected: Record<string, [D1PluginHost['state'], string?]> = {
  Ready: ['ready'],
  Loading: ['loading'],
  MountFailed: ['error', 'MOUNT'],
  LoadFailed: ['error', 'LOAD'],
  NotTrusted: ['error', 'NOT_ALLOWED'],
  SameOriginRefused: ['error', 'SAME_ORIGIN'],
  WrongRole: ['error', 'ROLE'],
};

before(() => ensureThemeStyles());

it('has a test for every story', () => {
  expect(
    Object.keys(stories)
      .filter((k) => k !== 'default')
      .sort(),
  ).to.deep.equal(Object.keys(expected).sort());
});

for (const [name, [state, code]] of Object.entries(expected)) {
  for (const theme of ['light', 'dark', 'contrast']) {
    it(`${name}: ${state}${code ? ` (${code})` : ''}, accessible in ${theme}`, async () => {
      const story = (stories as unknown as Record<string, Story>)[name]!;
      const args = { ...meta.args, ...story.args };
      const host = document.createElement('div');
      document.body.append(host);
      try {
        render(wrap(meta.render(args, { args, globals: { locale: 'fi' } }), theme, 'fi'), host);
        const el = host.querySelector('d1-plugin-host')!;
        await waitFor(
          () =>
            el.state === state &&
            (state !== 'loading' || !el.shadowRoot!.querySelector('.status')!.hasAttribute('hidden')),
          `${name} -> ${state}`,
        );
        if (code) expect(el.error?.code).to.equal(code);
        await expectAccessible(host);
      } finally {
        render(null, host);
        host.remove();
      }
    });
  }
}
