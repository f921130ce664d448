/**
 * WCAG 2.x contrast: the arithmetic for sRGB colours given as `#rgb`, `#rrggbb` or
 * `rgb()`/`rgba()` (what `getComputedStyle` returns), the colour pairs the elements draw, and
 * the brand check built on them. Design-time tooling: no element imports this module, so it
 * stays out of the widget bundles.
 * @module
 */
import { brandProperties, type Brand, type BrandError } from './brand.js';
import { COLOR_TOKENS, darkTokens, lightTokens, type ColorToken, type ThemeTokens } from './tokens.js';

/** `[r, g, b]` in 0-255, or `undefined` when the string is not a plain sRGB colour. */
export function parseColor(value: string): [number, number, number] | undefined {
  const v = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (hex) {
    const h = hex[1]!;
    const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(v);
  if (rgb) {
    const alpha = rgb[4];
    // a translucent colour has no contrast of its own: it depends on what lies beneath
    if (alpha !== undefined && parseFloat(alpha) < (alpha.endsWith('%') ? 100 : 1)) return undefined;
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  }
  return undefined;
}

/** Relative luminance (WCAG 2.x definition). */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio 1..21 of two colours; `NaN` when either cannot be parsed. */
export function contrastRatio(a: string, b: string): number {
  const ca = parseColor(a);
  const cb = parseColor(b);
  if (!ca || !cb) return NaN;
  const la = luminance(ca);
  const lb = luminance(cb);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The colour pairs the elements actually draw, with the WCAG 2.x minimum for each:
 * 4.5:1 for text (SC 1.4.3), 3:1 for UI components and focus indicators (SC 1.4.11).
 * `fg` is drawn on `bg`. The contrast test and `checkBrand()` check every pair in every theme.
 */
export const CONTRAST_PAIRS: ReadonlyArray<{ fg: ColorToken; bg: ColorToken; min: 4.5 | 3 }> = [
  { fg: 'color-text', bg: 'color-canvas', min: 4.5 },
  { fg: 'color-text', bg: 'color-surface', min: 4.5 },
  { fg: 'color-text', bg: 'color-surface-hover', min: 4.5 },
  { fg: 'color-text-muted', bg: 'color-canvas', min: 4.5 },
  { fg: 'color-text-muted', bg: 'color-surface', min: 4.5 },
  { fg: 'color-text-muted', bg: 'color-surface-hover', min: 4.5 },
  { fg: 'color-primary', bg: 'color-canvas', min: 4.5 },
  { fg: 'color-primary', bg: 'color-surface', min: 4.5 },
  { fg: 'color-primary', bg: 'color-surface-hover', min: 4.5 },
  { fg: 'color-on-primary', bg: 'color-primary', min: 4.5 },
  { fg: 'color-on-selected', bg: 'color-selected', min: 4.5 },
  { fg: 'color-danger', bg: 'color-surface', min: 4.5 },
  { fg: 'color-on-danger', bg: 'color-danger', min: 4.5 },
  { fg: 'color-success', bg: 'color-surface', min: 4.5 },
  { fg: 'color-warning', bg: 'color-surface', min: 4.5 },
  { fg: 'color-info', bg: 'color-surface', min: 4.5 },
  { fg: 'color-border', bg: 'color-canvas', min: 3 },
  { fg: 'color-border', bg: 'color-surface', min: 3 },
  { fg: 'color-border', bg: 'color-surface-hover', min: 3 },
  { fg: 'color-focus', bg: 'color-canvas', min: 3 },
  { fg: 'color-focus', bg: 'color-surface', min: 3 },
  { fg: 'color-focus', bg: 'color-surface-hover', min: 3 },
  { fg: 'color-focus', bg: 'color-selected', min: 3 },
  { fg: 'color-primary', bg: 'color-selected', min: 3 },
  { fg: 'color-danger', bg: 'color-canvas', min: 3 },
];

/**
 * Every problem with a brand: unknown tokens, unsafe values, and each colour pair that falls
 * below WCAG AA in the light or dark theme once the brand is applied. Empty means usable.
 */
export function checkBrand(brand: Brand): string[] {
  try {
    brandProperties(brand);
  } catch (e) {
    return (e as BrandError).problems ?? [String(e)];
  }
  const problems: string[] = [];
  const themes: Array<[string, ThemeTokens, Record<string, string | undefined>]> = [
    ['light', lightTokens, brand.tokens],
    ['dark', darkTokens, brand.dark ?? {}],
  ];
  for (const [theme, base, overrides] of themes) {
    const merged: Record<string, string> = { ...base };
    for (const [k, v] of Object.entries(overrides)) {
      if (v === undefined) continue;
      const name = k.replace(/^--d1-/, '');
      merged[name] = v;
      // a colour CSS accepts but no contrast can be computed for (percentages, translucency)
      if ((COLOR_TOKENS as readonly string[]).includes(name) && !parseColor(v))
        problems.push(
          `${theme}: ${name} ${JSON.stringify(v)} cannot be checked: use an opaque #rrggbb or rgb() of numbers`,
        );
    }
    for (const { fg, bg, min } of CONTRAST_PAIRS) {
      const ratio = contrastRatio(merged[fg]!, merged[bg]!);
      // (NaN: a colour named above)
      if (ratio < min) {
        problems.push(`${theme}: ${fg} on ${bg} is ${ratio.toFixed(2)}:1, needs ${min}:1`);
      }
    }
  }
  return problems;
}
