/**
 * `<d1-plugin-host>` where the user's settings change how it must look: forced colours (Windows
 * High Contrast) and reduced motion, on the state stories (the same ones designers review).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import { ensureThemeStyles } from '@digione/ui';
import type { D1PluginHost } from '@digione/plugin-host';
import * as stories from '../../../stories/plugin-host.stories.js';
import { wrap } from '../../../stories/support/decorators.js';
import { waitFor } from '../../../test/helpers/wait.js';
import { expectAccessible } from '../../../test/helpers/a11y.js';

type Args = Record<string, unknown>;
const meta = stories.default as unknown as { args: Args; render: (a: Args, c: unknown) => TemplateResult };
const media = (features: { name: string; value: string }[]) =>
  executeServerCommand('d1-emulate-media', { features });

let box: HTMLElement;
before(() => ensureThemeStyles());
afterEach(async () => {
  render(null, box);
  box.remove();
  await media([]);
});

async function story(name: 'Loading' | 'LoadFailed', state: D1PluginHost['state']) {
  const args = { ...meta.args, ...(stories[name] as { args?: Args }).args };
  box = document.createElement('div');
  document.body.append(box);
  render(wrap(meta.render(args, { args, globals: { locale: 'fi' } }), 'light', 'fi'), box);
  const el = box.querySelector('d1-plugin-host')!;
  await waitFor(
    () => el.state === state && !el.shadowRoot!.querySelector('.status')?.hasAttribute('hidden'),
    `${name} -> ${state}`,
  );
  return el;
}

describe('<d1-plugin-host> forced colours and reduced motion', () => {
  it('forced colours: the retry button keeps a visible border and focus ring; axe-clean', async () => {
    await media([{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await story('LoadFailed', 'error');
    const retry = el.shadowRoot!.querySelector('button')!;
    const s = getComputedStyle(retry);
    // a button is only a box of its border here: backgrounds are forced away
    expect(s.borderTopStyle).to.equal('solid');
    expect(parseFloat(s.borderTopWidth)).to.be.at.least(1);
    expect(s.borderTopColor).to.equal(getComputedStyle(el.shadowRoot!.querySelector('.title')!).color);
    retry.focus();
    await sendKeys({ press: 'Shift' }); // keyboard modality, so :focus-visible applies
    expect(getComputedStyle(retry).outlineStyle).to.not.equal('none');
    await expectAccessible(box);
  });

  it('reduced motion: the loading indicator stands still (it spins otherwise)', async () => {
    let el = await story('Loading', 'loading');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.spinner')!).animationName).to.equal('spin');
    render(null, box);
    box.remove();
    await media([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    el = await story('Loading', 'loading');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.spinner')!).animationName).to.equal('none');
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('Ladataan');
  });
});
