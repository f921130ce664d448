// The theme/locale wrapper every story renders in, as a portal would set it: `data-d1-theme`
// and `lang` on an ancestor. The city brand is a theme built from the demo city's brand tokens.
import { html, type TemplateResult } from 'lit';
import type { Decorator } from '@storybook/web-components-vite';
import { brandStyleFor } from './brand.js';

/** Wraps a story in the chosen theme and language. */
export const withThemeAndLocale: Decorator = (story, context) => {
  const theme = String(context.globals.theme ?? 'light');
  const locale = String(context.globals.locale ?? 'fi');
  return wrap(story() as TemplateResult, theme, locale);
};

/** Same wrapper for tests that render stories outside Storybook. */
export function wrap(content: unknown, theme: string, locale: string): TemplateResult {
  const isBrand = theme === 'kuusikoski';
  return html`<div
    data-d1-theme=${isBrand ? 'light' : theme}
    lang=${locale}
    style=${isBrand ? brandStyleFor(theme) : ''}
    class="d1-story"
  >
    ${content}
  </div>`;
}
