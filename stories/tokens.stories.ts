// The design tokens as designers review them: every colour of the theme chosen in the toolbar, the
// colour pairs the tests hold to WCAG AA, type and spacing, and a city brand applied with the
// portal guide's own code (docs/samples/portal.ts). Values come from the live CSS, never copied.
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  CONTRAST_PAIRS,
  COLOR_TOKENS,
  commonTokens,
  ensureThemeStyles,
  type Brand,
} from '@digione/ui/shared/index.js';
import kuusikoski from '../packages/ui/src/themes/brands/kuusikoski.json';
import { brandPortal } from '../docs/samples/portal.js';

const styles = html`<style>
  .tokens {
    font-family: var(--d1-font-family);
    color: var(--d1-color-text);
    background: var(--d1-color-canvas);
    padding: var(--d1-space-l);
    line-height: var(--d1-font-line-height);
  }
  .tokens h2 {
    font-size: var(--d1-font-size-l);
    margin: 0 0 var(--d1-space-m);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--d1-space-m);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .grid li {
    background: var(--d1-color-surface);
    border: 1px solid var(--d1-color-border);
    border-radius: var(--d1-radius-m);
    padding: var(--d1-space-s);
  }
  .swatch {
    block-size: 3rem;
    border-radius: var(--d1-radius-s);
    border: 1px solid var(--d1-color-border);
    margin-block-end: var(--d1-space-xs);
  }
  .pair {
    display: flex;
    align-items: center;
    justify-content: center;
    block-size: 3rem;
    border-radius: var(--d1-radius-s);
    font-weight: var(--d1-font-weight-bold);
  }
  .line {
    inline-size: 60%;
    block-size: 1.5rem;
    border: 3px solid;
    border-radius: var(--d1-radius-s);
  }
  code {
    font-size: var(--d1-font-size-s);
    overflow-wrap: anywhere;
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: var(--d1-space-xs) var(--d1-space-m) var(--d1-space-xs) 0;
  }
</style>`;

const v = (token: string) => `var(--d1-${token})`;

function colours() {
  return html`<section class="tokens" aria-labelledby="colours">
    ${styles}
    <h2 id="colours">Värit – Colours</h2>
    <ul class="grid">
      ${COLOR_TOKENS.map(
        (t) =>
          html`<li>
            <div class="swatch" style="background:${v(t)}"></div>
            <code>--d1-${t}</code>
          </li>`,
      )}
    </ul>
  </section>`;
}

function pairs() {
  return html`<section class="tokens" aria-labelledby="pairs">
    ${styles}
    <h2 id="pairs">Kontrastiparit – Contrast pairs (WCAG AA)</h2>
    <ul class="grid">
      ${CONTRAST_PAIRS.map(
        ({ fg, bg, min }) =>
          html`<li>
            ${
              min === 4.5
                ? html`<div class="pair" style="color:${v(fg)};background:${v(bg)}">Aa Ää Öö</div>`
                : html`<div class="pair" style="background:${v(bg)}">
                    <div class="line" style="border-color:${v(fg)}"></div>
                  </div>`
            }
            <code>${fg}</code> / <code>${bg}</code> ≥ ${min}:1
          </li>`,
      )}
    </ul>
  </section>`;
}

function typeAndSpace() {
  const names = Object.keys(commonTokens);
  const sizes = names.filter((n) => n.startsWith('font-size-'));
  const spaces = names.filter((n) => n.startsWith('space-'));
  return html`<section class="tokens" aria-labelledby="type">
    ${styles}
    <h2 id="type">Typografia ja välit – Type and spacing</h2>
    <table>
      <tbody>
        ${sizes.map(
          (t) =>
            html`<tr>
              <th scope="row"><code>--d1-${t}</code></th>
              <td style="font-size:${v(t)}">Lukupäiväkirja – Läsdagbok</td>
            </tr>`,
        )}
        ${spaces.map(
          (t) =>
            html`<tr>
              <th scope="row"><code>--d1-${t}</code></th>
              <td>
                <div style="inline-size:${v(t)};block-size:1rem;background:${v('color-text-muted')}"></div>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

interface Args {
  view: 'colours' | 'pairs' | 'type';
  /** Apply the demo city's brand to this story only (light and dark themes). */
  brand: boolean;
}

const meta: Meta<Args> = {
  title: 'Design system/Tokens',
  args: { view: 'colours', brand: false },
  argTypes: { view: { control: 'inline-radio', options: ['colours', 'pairs', 'type'] } },
  render: (args) => {
    ensureThemeStyles(document);
    const content = args.view === 'pairs' ? pairs() : args.view === 'type' ? typeAndSpace() : colours();
    const applyBrand = (el?: Element) => {
      if (el instanceof HTMLElement) brandPortal(el, kuusikoski as Brand);
    };
    return html`<div ${args.brand ? ref(applyBrand) : nothing}>${content}</div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Every colour token of the theme chosen in the toolbar. */
export const Colours: Story = {};

/** The colour pairs the tests hold to WCAG AA: 4.5:1 for text, 3:1 for borders and the focus ring. */
export const ContrastPairs: Story = { args: { view: 'pairs' } };

/** Font sizes (in rem: the user's text size applies) and the spacing scale. */
export const TypeAndSpacing: Story = { args: { view: 'type' } };

/** The Kuusikoski brand applied by the portal guide's `brandPortal()` (docs/samples/portal.ts). */
export const CityBrand: Story = { args: { view: 'pairs', brand: true } };
