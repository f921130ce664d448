/**
 * City brands: a small JSON of token values turned into a theme.
 *
 * A brand sets hooks (`--d1-brand-light-color-primary`, `--d1-brand-font-family`, ...) that the
 * theme stylesheet reads before its defaults, so one brand applied on the root themes every
 * `light`/`dark` region below it. The high-contrast theme and forced colours ignore brands.
 * @module
 */
import type { Theme } from '@digione/context';
import { BRAND_COMMON_TOKENS, COLOR_TOKENS, type ColorToken, type ThemeName } from './tokens.js';

/** A token a brand may set: any colour, plus `font-family`, `radius-s`, `radius-m`. */
export type BrandToken = ColorToken | (typeof BRAND_COMMON_TOKENS)[number];

/** The JSON a city hands over. Token names are written without `--d1-`. */
export interface Brand {
  /** Stable id, e.g. `kuusikoski`. */
  id: string;
  /** The city's name per language, for previews. */
  name?: Partial<Record<'fi' | 'sv' | 'en', string>>;
  /** Colours for the light theme and theme-independent tokens (font, radii). */
  tokens: Partial<Record<BrandToken, string>> | Record<string, string>;
  /** Colours for the dark theme; without them the dark theme keeps its own palette. */
  dark?: Partial<Record<ColorToken, string>> | Record<string, string>;
}

/** Thrown for a brand that names unknown tokens or carries unsafe values. */
export class BrandError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid brand: ${problems.join('; ')}`);
    this.name = 'BrandError';
  }
}

/**
 * The custom properties a brand sets, as `{ '--d1-brand-light-color-primary': '#0b5a3a', ... }`.
 * Throws {@link BrandError} listing every unknown token and unsafe value.
 */
export function brandProperties(brand: Brand): Record<string, string> {
  const out: Record<string, string> = {};
  const problems: string[] = [];
  const add = (theme: 'light' | 'dark', tokens: Record<string, string | undefined> | undefined) => {
    for (const [raw, value] of Object.entries(tokens ?? {})) {
      if (value === undefined) continue;
      const name = raw.replace(/^--d1-/, '');
      const isColour = (COLOR_TOKENS as readonly string[]).includes(name);
      const isCommon = theme === 'light' && (BRAND_COMMON_TOKENS as readonly string[]).includes(name);
      const where = `${theme === 'dark' ? 'dark.' : 'tokens.'}${raw}`;
      if (!isColour && !isCommon) {
        problems.push(`${where}: not a brandable token`);
        continue;
      }
      if (!safeValue(name, value)) {
        problems.push(`${where}: unsupported value ${JSON.stringify(value)}`);
        continue;
      }
      out[isColour ? `--d1-brand-${theme}-${name}` : `--d1-brand-${name}`] = value;
    }
  };
  if (!brand || typeof brand.id !== 'string' || !/^[\w.-]+$/.test(brand.id)) {
    problems.push('id: letters, digits, dots, underscores and hyphens');
  }
  add('light', brand?.tokens);
  add('dark', brand?.dark);
  if (problems.length) throw new BrandError(problems);
  return out;
}

/** CSS text that applies `brand` at `selector` (default `:root`). */
export function brandToCss(brand: Brand, selector = ':root'): string {
  return `${selector}{${brandStyleText(brand)}}`;
}

/** The brand as an inline `style` value (`--d1-brand-light-color-primary:#0b5a3a;...`), e.g. for a story wrapper. */
export function brandStyleText(brand: Brand): string {
  return Object.entries(brandProperties(brand))
    .map(([p, v]) => `${p}:${v};`)
    .join('');
}

const sheets = new WeakMap<Document | ShadowRoot, CSSStyleSheet>();
const applied = new WeakMap<HTMLElement, string[]>();

/**
 * Apply `brand` to a document, a shadow root or one element (inline custom properties, so only
 * that subtree is branded). Applying again replaces the previous brand; `null` removes it.
 */
export function applyBrand(
  brand: Brand | null,
  target: Document | ShadowRoot | HTMLElement = document,
): void {
  const props = brand ? brandProperties(brand) : {};
  if (target instanceof HTMLElement) {
    for (const p of applied.get(target) ?? []) target.style.removeProperty(p);
    for (const [p, v] of Object.entries(props)) target.style.setProperty(p, v);
    applied.set(target, Object.keys(props));
    if (brand) target.dataset.d1Brand = brand.id;
    else delete target.dataset.d1Brand;
    return;
  }
  let sheet = sheets.get(target);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheets.set(target, sheet);
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  }
  const selector = target instanceof Document ? ':root' : ':host';
  sheet.replaceSync(brand ? brandToCss(brand, selector) : '');
}

/**
 * The `data-d1-theme` value for a platform {@link Theme}: `null` means "follow the system"
 * (no attribute, so the media queries decide).
 */
export function themeNameFor(theme: Theme): ThemeName | null {
  if (theme.contrast === 'more') return 'contrast';
  if (theme.colorScheme === 'light' || theme.colorScheme === 'dark') return theme.colorScheme;
  return null;
}

/**
 * Apply a platform {@link Theme} to an element (a `<d1-platform>` or the shell's root):
 * `data-d1-theme`, the brand tokens, and the font scale.
 */
export function applyTheme(el: HTMLElement, theme: Theme): void {
  const name = themeNameFor(theme);
  if (name) el.setAttribute('data-d1-theme', name);
  else el.removeAttribute('data-d1-theme');
  applyBrand(theme.brand ? { id: theme.brand.municipalityId, tokens: theme.brand.tokens } : null, el);
  // '' removes the inline font size
  el.style.fontSize = theme.fontScale && theme.fontScale !== 1 ? `${theme.fontScale * 100}%` : '';
}

/** Brand values go into CSS text: allow plain colours, lengths and font lists, nothing that can break out. */
function safeValue(name: string, value: unknown): boolean {
  if (typeof value !== 'string' || /[;{}<>\\]|\/\*/.test(value)) return false;
  if (name.startsWith('color-'))
    return /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(value) || /^rgb\([\d\s.,%]+\)$/i.test(value);
  if (name.startsWith('radius-')) return /^\d+(\.\d+)?(px|rem|em)$|^0$/.test(value);
  return /^[\w\s"',-]+$/.test(value);
}
