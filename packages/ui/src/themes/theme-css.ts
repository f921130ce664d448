/**
 * The document-level theme stylesheet and the helpers that install it.
 *
 * Tokens are custom properties, and custom properties inherit into shadow DOM: one stylesheet
 * that defines them on `:root` and on `[data-d1-theme=...]` themes every element below, in every
 * browser (`:host-context()` would not: Firefox and Safari lack it).
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { commonTokens, COLOR_TOKENS, themeTokens, type ThemeTokens } from './tokens.js';

/** Colour values under `forced-colors: active`: CSS system colours only, in {@link COLOR_TOKENS} order. */
const FORCED_COLORS = [
  'Canvas', // color-canvas
  'Canvas', // color-surface
  'Canvas', // color-surface-hover
  'CanvasText', // color-text
  'CanvasText', // color-text-muted
  'CanvasText', // color-border
  'LinkText', // color-primary
  'Canvas', // color-on-primary
  'Highlight', // color-focus
  'Highlight', // color-selected
  'HighlightText', // color-on-selected
  'CanvasText', // color-danger
  'Canvas', // color-on-danger
  'CanvasText', // color-success
  'CanvasText', // color-warning
  'CanvasText', // color-info
];
const forcedTokens: Partial<ThemeTokens> = {
  ...Object.fromEntries(COLOR_TOKENS.map((name, i) => [name, FORCED_COLORS[i]])),
  'elevation-popover': 'none',
};

const isColor = (name: string) => (COLOR_TOKENS as readonly string[]).includes(name);

/**
 * Declarations for one theme. In `light` and `dark` each colour reads a brand hook first
 * (`--d1-brand-light-color-primary`), so a brand set once on the root also themes a nested
 * `[data-d1-theme=dark]` region; the high-contrast theme ignores brands on purpose.
 */
function declarations(tokens: Partial<ThemeTokens>, brandable?: 'light' | 'dark'): string {
  return Object.entries(tokens)
    .map(([name, value]) =>
      brandable && isColor(name)
        ? `--d1-${name}:var(--d1-brand-${brandable}-${name},${value});`
        : `--d1-${name}:${value};`,
    )
    .join('');
}

/** The whole theme stylesheet as CSS text (useful for server-side rendering or a `<style>`). */
export function themeCss(): string {
  const common = Object.entries(commonTokens)
    .map(([name, value]) =>
      name === 'font-family' || name.startsWith('radius-')
        ? `--d1-${name}:var(--d1-brand-${name},${value});`
        : `--d1-${name}:${value};`,
    )
    .join('');
  const light = declarations(themeTokens.light, 'light');
  const dark = declarations(themeTokens.dark, 'dark');
  const contrast = declarations(themeTokens.contrast);
  // :where() keeps every rule at zero specificity, so a page's own `:root { --d1-... }` wins
  // even though adopted sheets come after the page's sheets. Order decides between ours.
  const unset = ':where(:root:not([data-d1-theme]))';
  return [
    `:where(:root){${common}}`,
    `:where(:root),:where([data-d1-theme=light]){${light}}`,
    `@media (prefers-color-scheme:dark){${unset}{${dark}}}`,
    `@media (prefers-contrast:more){${unset}{${contrast}}}`,
    `:where([data-d1-theme=dark]){${dark}}`,
    `:where([data-d1-theme=contrast]){${contrast}}`,
    // Forced colours win over every theme: the user's system palette is a need, not a taste.
    `@media (forced-colors:active){:root,[data-d1-theme]{${declarations(forcedTokens)}}}`,
  ].join('\n');
}

let sheet: CSSStyleSheet | undefined;
const installed = new WeakSet<Document | ShadowRoot>();

/**
 * Install the theme stylesheet once in `root` (default: the document). Safe to call from every
 * element constructor. Called with a shadow root, it installs there too (so `data-d1-theme` on an
 * element inside that shadow root works) and in the document.
 */
export function ensureThemeStyles(root: Document | ShadowRoot = document): void {
  if (typeof document === 'undefined') return;
  if (root !== document) ensureThemeStyles(document);
  if (installed.has(root)) return;
  installed.add(root);
  // constructable, adoptable sheets: every browser the elements support has them
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(themeCss());
  // first in the list, so a brand or page sheet adopted earlier still overrides on equal terms
  root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
}

/**
 * Installs the theme stylesheet for its host: in the document at construction, and in the
 * host's shadow root of residence when it connects (elements inside another element's shadow DOM).
 * `new ThemeController(this)` in an element constructor is all an element needs.
 */
export class ThemeController implements ReactiveController {
  constructor(private host: ReactiveControllerHost & HTMLElement) {
    ensureThemeStyles();
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.host.getRootNode();
    if (root instanceof ShadowRoot) ensureThemeStyles(root);
  }
}
