/**
 * The global token layer: every value the elements may read, per theme.
 *
 * Values live here as data (not as CSS text) so that one source feeds the theme stylesheet, the
 * brand validator and the contrast test. Names are written without the `--d1-` prefix.
 * @module
 */

/** Colour tokens: each theme defines all of them. */
export const COLOR_TOKENS = [
  'color-canvas',
  'color-surface',
  'color-surface-hover',
  'color-text',
  'color-text-muted',
  'color-border',
  'color-primary',
  'color-on-primary',
  'color-focus',
  'color-selected',
  'color-on-selected',
  'color-danger',
  'color-on-danger',
  'color-success',
  'color-warning',
  'color-info',
] as const;

/** A colour token name, e.g. `color-text` (CSS: `--d1-color-text`). */
export type ColorToken = (typeof COLOR_TOKENS)[number];

/** The built-in themes; `data-d1-theme` takes one of these. */
export type ThemeName = 'light' | 'dark' | 'contrast';

/**
 * Theme-dependent tokens: all colours, the `color-scheme` for native controls and scrollbars,
 * and the shadow that reads well on that canvas.
 */
export type ThemeTokens = Record<ColorToken | 'color-scheme' | 'elevation-popover', string>;

/**
 * A theme from its colours in {@link COLOR_TOKENS} order: the names are written once, in that list,
 * and each theme is a column of values (the contrast test and the token audit read the result).
 */
function theme(scheme: string, colors: readonly string[], elevation: string): ThemeTokens {
  return {
    'color-scheme': scheme,
    ...Object.fromEntries(COLOR_TOKENS.map((name, i) => [name, colors[i]])),
    'elevation-popover': elevation,
  } as ThemeTokens;
}

/** The light theme's colours (the default). */
export const lightTokens: ThemeTokens = theme(
  'light',
  [
    '#f4f5f7', // color-canvas
    '#ffffff', // color-surface
    '#e9edf2', // color-surface-hover
    '#1b1f24', // color-text
    '#4c5561', // color-text-muted
    '#6b7480', // color-border
    '#0a58a8', // color-primary
    '#ffffff', // color-on-primary
    '#0a4a8f', // color-focus
    '#d6e6f8', // color-selected
    '#0b2648', // color-on-selected
    '#b3261e', // color-danger
    '#ffffff', // color-on-danger
    '#1b6b32', // color-success
    '#8a4b00', // color-warning
    '#0a58a8', // color-info
  ],
  '0 0.25rem 1rem rgb(0 0 0 / 0.18), 0 0 0 1px rgb(0 0 0 / 0.06)',
);

/** The dark theme's colours. */
export const darkTokens: ThemeTokens = theme(
  'dark',
  [
    '#111315', // color-canvas
    '#1b1e22', // color-surface
    '#272b31', // color-surface-hover
    '#eef0f3', // color-text
    '#b3bbc5', // color-text-muted
    '#8a939e', // color-border
    '#8fc0ff', // color-primary
    '#0a1a2e', // color-on-primary
    '#a8ceff', // color-focus
    '#203a5c', // color-selected
    '#f2f6fb', // color-on-selected
    '#ff9a90', // color-danger
    '#2b0805', // color-on-danger
    '#80d494', // color-success
    '#f2c26b', // color-warning
    '#8fc0ff', // color-info
  ],
  '0 0.25rem 1rem rgb(0 0 0 / 0.6), 0 0 0 1px rgb(255 255 255 / 0.12)',
);

/** High contrast: black on white, strong borders, no tinted surfaces. Brands do not apply. */
export const contrastTokens: ThemeTokens = theme(
  'light',
  [
    '#ffffff', // color-canvas
    '#ffffff', // color-surface
    '#e6e6e6', // color-surface-hover
    '#000000', // color-text
    '#1f1f1f', // color-text-muted
    '#000000', // color-border
    '#00306e', // color-primary
    '#ffffff', // color-on-primary
    '#000000', // color-focus
    '#ffe94d', // color-selected
    '#000000', // color-on-selected
    '#8c0000', // color-danger
    '#ffffff', // color-on-danger
    '#004d1a', // color-success
    '#5c3300', // color-warning
    '#00306e', // color-info
  ],
  '0 0 0 2px #000000',
);

/** Every built-in theme's tokens by name. */
export const themeTokens: Record<ThemeName, ThemeTokens> = {
  light: lightTokens,
  dark: darkTokens,
  contrast: contrastTokens,
};

/**
 * Theme-independent tokens, defined once on the document root. `font-family` and the radii can
 * be set by a brand.
 */
export const commonTokens = {
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  'font-size-s': '0.875rem',
  'font-size-m': '1rem',
  'font-size-l': '1.25rem',
  'font-weight-normal': '400',
  'font-weight-bold': '600',
  'font-line-height': '1.5',
  'space-xs': '0.25rem',
  'space-s': '0.5rem',
  'space-m': '0.75rem',
  'space-l': '1rem',
  'space-xl': '1.5rem',
  'radius-s': '0.25rem',
  'radius-m': '0.5rem',
  'radius-pill': '999px',
  'focus-width': '3px',
  'focus-offset': '2px',
  'motion-duration': '150ms',
  'motion-easing': 'cubic-bezier(0.2, 0, 0, 1)',
  /** WCAG 2.2 SC 2.5.8: no target smaller than 24 x 24 CSS px. */
  'size-target': '24px',
  /** Comfortable control height (44 px at 16 px root) for touch. */
  'size-control': '2.75rem',
  'z-popover': '1000',
  /** Height of whatever sticks to the top of the page (the shell sets it); focus scrolls below it. */
  'sticky-offset': '0px',
} as const;

/** The name of a theme-independent token (without `--d1-`). */
export type CommonToken = keyof typeof commonTokens;

/** Tokens a city brand may set (see `brand.ts`). */
export const BRAND_COMMON_TOKENS = [
  'font-family',
  'radius-s',
  'radius-m',
] as const satisfies readonly CommonToken[];
