/**
 * WCAG 2.x contrast arithmetic for sRGB colours given as `#rgb`, `#rrggbb` or `rgb()`/`rgba()`
 * (what `getComputedStyle` returns).
 * @module
 */

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
