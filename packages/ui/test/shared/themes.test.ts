import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { defaultTheme } from '@digione/context';
import {
  applyTheme,
  brandStyleText,
  themeNameFor,
  applyBrand,
  brandToCss,
  checkBrand,
  COLOR_TOKENS,
  CONTRAST_PAIRS,
  contrastRatio,
  ensureThemeStyles,
  themeTokens,
  BrandError,
  type Brand,
} from '../../src/shared/index.js';
import { cleanup, mount } from './fixture.js';

/** Resolve every colour token as the browser computes it under `el` (theme sheet, brand, nesting). */
function resolvedColours(el: HTMLElement): Record<string, string> {
  const probe = document.createElement('span');
  el.append(probe);
  const out: Record<string, string> = {};
  for (const t of COLOR_TOKENS) {
    probe.style.color = `var(--d1-${t})`;
    out[t] = getComputedStyle(probe).color;
  }
  probe.remove();
  return out;
}

function contrastFailures(colours: Record<string, string>): string[] {
  return CONTRAST_PAIRS.flatMap(({ fg, bg, min }) => {
    const r = contrastRatio(colours[fg]!, colours[bg]!);
    return r >= min ? [] : [`${fg} (${colours[fg]}) on ${bg} (${colours[bg]}): ${r.toFixed(2)} < ${min}`];
  });
}

const media = (features: Array<{ name: string; value: string }>) =>
  executeServerCommand('d1-emulate-media', { features });

let kuusikoski: Brand;
before(async () => {
  ensureThemeStyles();
  kuusikoski = await (await fetch('/packages/ui/src/themes/brands/kuusikoski.json')).json();
});

describe('themes: WCAG AA contrast of every text and UI colour pair', () => {
  afterEach(cleanup);
  after(() => media([]));

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`${theme}: every pair passes, as the browser resolves the tokens`, () => {
      const box = mount(`<div data-d1-theme="${theme}"></div>`);
      const colours = resolvedColours(box.firstElementChild as HTMLElement);
      // the theme sheet really applied: the resolved text colour is the theme's own
      expect(contrastRatio(colours['color-text']!, themeTokens[theme]['color-text'])).to.equal(1);
      expect(contrastFailures(colours)).to.deep.equal([]);
    });
  }

  it('the pair list is not vacuous: a bad pair is reported', () => {
    const colours = { ...themeTokens.light, 'color-text-muted': '#9a9a9a' };
    expect(contrastFailures(colours)).to.have.length.greaterThan(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`Kuusikoski brand (${theme}): applied and still AA`, () => {
      const box = mount(`<div><div data-d1-theme="${theme}"></div></div>`);
      applyBrand(kuusikoski, box.firstElementChild as HTMLElement);
      const colours = resolvedColours(box.querySelector('[data-d1-theme]') as HTMLElement);
      const expected = theme === 'light' ? kuusikoski.tokens : kuusikoski.dark!;
      expect(
        contrastRatio(colours['color-primary']!, (expected as Record<string, string>)['color-primary']!),
      ).to.equal(1);
      expect(contrastFailures(colours)).to.deep.equal([]);
    });
  }

  it('checkBrand accepts Kuusikoski and names every failing pair of a poor brand', () => {
    expect(checkBrand(kuusikoski)).to.deep.equal([]);
    const poor: Brand = { id: 'poor', tokens: { 'color-primary': '#8fbfff' } };
    const problems = checkBrand(poor);
    expect(problems.join('\n')).to.match(/^light: color-primary on color-surface is 1.90:1, needs 4.5:1$/m);
    expect(problems.every((p) => p.startsWith('light: '))).to.equal(true);
  });

  it('checkBrand names colours it cannot check (percentages, translucency) instead of NaN ratios', () => {
    const odd: Brand = {
      id: 'odd',
      tokens: { 'color-primary': 'rgb(4%, 35%, 23%)', 'color-focus': 'rgb(11, 90, 58, 0.3)' },
    };
    const problems = checkBrand(odd);
    expect(problems).to.include.members([
      'light: color-primary "rgb(4%, 35%, 23%)" cannot be checked: use an opaque #rrggbb or rgb() of numbers',
      'light: color-focus "rgb(11, 90, 58, 0.3)" cannot be checked: use an opaque #rrggbb or rgb() of numbers',
    ]);
    expect(problems.join('\n')).not.to.contain('NaN');
  });

  it('rejects unknown tokens and values that could break out of CSS', () => {
    const bad = {
      id: 'x',
      tokens: { 'color-prmary': '#000', 'color-text': 'red;} body{display:none' },
    } as Brand;
    expect(() => brandToCss(bad)).to.throw(
      BrandError,
      /color-prmary: not a brandable token.*color-text: unsupported value/,
    );
    expect(brandToCss({ id: 'k', tokens: { 'color-primary': '#0b5a3a' } })).to.equal(
      ':root{--d1-brand-light-color-primary:#0b5a3a;}',
    );
  });

  it('the high-contrast theme ignores brands', () => {
    const box = mount(`<div><div data-d1-theme="contrast"></div></div>`);
    applyBrand(kuusikoski, box.firstElementChild as HTMLElement);
    const colours = resolvedColours(box.querySelector('[data-d1-theme]') as HTMLElement);
    expect(contrastRatio(colours['color-primary']!, themeTokens.contrast['color-primary'])).to.equal(1);
  });
});

describe('themes: choosing', () => {
  afterEach(cleanup);
  afterEach(() => media([]));

  it('the nearest data-d1-theme wins, nested either way, and reaches into shadow DOM', () => {
    const box = mount(`<div data-d1-theme="dark"><div id="host" data-d1-theme="light"></div></div>`);
    const host = box.querySelector('#host') as HTMLElement;
    const inner = host.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>x</p>';
    const p = inner.querySelector('p')!;
    p.style.color = 'var(--d1-color-text)';
    expect(contrastRatio(getComputedStyle(p).color, themeTokens.light['color-text'])).to.equal(1);
    host.removeAttribute('data-d1-theme');
    expect(contrastRatio(getComputedStyle(p).color, themeTokens.dark['color-text'])).to.equal(1);
  });

  it('a data-d1-theme inside a shadow root works once the sheet is installed there', () => {
    const box = mount(`<div data-d1-theme="light"><div id="host"></div></div>`);
    const root = box.querySelector('#host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div data-d1-theme="dark"><p>x</p></div>';
    ensureThemeStyles(root);
    const p = root.querySelector('p')!;
    p.style.color = 'var(--d1-color-text)';
    expect(contrastRatio(getComputedStyle(p).color, themeTokens.dark['color-text'])).to.equal(1);
  });

  it('without data-d1-theme the system decides: prefers-color-scheme and prefers-contrast', async () => {
    const box = mount(`<div></div>`);
    const el = box.firstElementChild as HTMLElement;
    await media([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(resolvedColours(el)['color-text']).to.equal(getColor(themeTokens.dark['color-text']));
    await media([{ name: 'prefers-contrast', value: 'more' }]);
    expect(resolvedColours(el)['color-text']).to.equal(getColor(themeTokens.contrast['color-text']));
    // an explicit theme beats the system preference
    el.setAttribute('data-d1-theme', 'light');
    expect(resolvedColours(el)['color-canvas']).to.equal(getColor(themeTokens.light['color-canvas']));
    await media([{ name: 'prefers-color-scheme', value: 'dark' }]);
    document.documentElement.setAttribute('data-d1-theme', 'light');
    try {
      expect(resolvedColours(box)['color-text']).to.equal(getColor(themeTokens.light['color-text']));
    } finally {
      document.documentElement.removeAttribute('data-d1-theme');
    }
  });

  it("a page's own :root token overrides beat the theme sheet", () => {
    const style = document.createElement('style');
    style.textContent = ':root { --d1-radius-m: 3px; }';
    document.head.append(style);
    try {
      expect(getComputedStyle(document.documentElement).getPropertyValue('--d1-radius-m').trim()).to.equal(
        '3px',
      );
    } finally {
      style.remove();
    }
  });

  it("the designer guide's override sample holds inside a data-d1-theme region too", async () => {
    // docs/samples/overrides.css as the guide shows it; a colour goes through its theme's hook
    // because every data-d1-theme region sets its theme's colours again
    const css = await (await fetch('/docs/samples/overrides.css')).text();
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    const region = document.createElement('div');
    region.setAttribute('data-d1-theme', 'light');
    const probe = document.createElement('d1-class-picker');
    region.append(probe);
    document.body.append(region);
    try {
      const hook = /--d1-brand-light-color-primary:\s*([^;]+);/.exec(css)?.[1];
      expect(hook, 'the sample recolours through the light hook').to.be.a('string');
      const got = getComputedStyle(probe);
      expect(got.getPropertyValue('--d1-radius-m').trim()).to.equal('0');
      expect(got.getPropertyValue('--d1-radius-s').trim()).to.equal('0');
      expect(getColor(got.getPropertyValue('--d1-color-primary'))).to.equal(getColor(hook!));
      expect(got.getPropertyValue('--d1-class-picker-list-height').trim()).to.equal('30rem');
      // what the guide warns about: a --d1-color-* on :root stops at the region
      style.textContent += ':root { --d1-color-primary: rgb(1, 2, 3); }';
      expect(getColor(getComputedStyle(probe).getPropertyValue('--d1-color-primary'))).to.equal(getColor(hook!));
    } finally {
      style.remove();
      region.remove();
    }
  });
});

function getColor(value: string): string {
  const s = document.createElement('span');
  s.style.color = value;
  document.body.append(s);
  const c = getComputedStyle(s).color;
  s.remove();
  return c;
}

describe('applyTheme and document brands', () => {
  afterEach(cleanup);

  it('maps the platform Theme to data-d1-theme, brand and font scale', () => {
    const box = mount('<div><span>x</span></div>');
    const el = box.firstElementChild as HTMLElement;
    expect(themeNameFor(defaultTheme)).to.equal(null);
    applyTheme(el, { ...defaultTheme, colorScheme: 'dark', fontScale: 1.5 });
    expect(el.getAttribute('data-d1-theme')).to.equal('dark');
    expect(el.style.fontSize).to.equal('150%');
    applyTheme(el, { ...defaultTheme, colorScheme: 'dark', contrast: 'more' });
    expect(el.getAttribute('data-d1-theme')).to.equal('contrast');
    applyTheme(el, {
      ...defaultTheme,
      colorScheme: 'light',
      brand: { municipalityId: 'kuusikoski', tokens: kuusikoski.tokens as Record<string, string> },
    });
    expect(el.dataset.d1Brand).to.equal('kuusikoski');
    expect(contrastRatio(resolvedColours(el)['color-primary']!, '#0b5a3a')).to.equal(1);
    applyTheme(el, defaultTheme);
    expect(el.hasAttribute('data-d1-theme')).to.equal(false);
    expect(el.style.fontSize).to.equal('');
    expect(el.dataset.d1Brand).to.equal(undefined);
    expect(contrastRatio(resolvedColours(el)['color-primary']!, themeTokens.light['color-primary'])).to.equal(1);
  });

  it('a brand on the document themes nested light regions; null removes it', () => {
    const box = mount('<div data-d1-theme="light"></div>');
    const el = box.firstElementChild as HTMLElement;
    try {
      applyBrand(kuusikoski);
      expect(contrastRatio(resolvedColours(el)['color-primary']!, '#0b5a3a')).to.equal(1);
      expect(getComputedStyle(el).getPropertyValue('--d1-font-family')).to.contain('Source Sans 3');
    } finally {
      applyBrand(null);
    }
    expect(contrastRatio(resolvedColours(el)['color-primary']!, themeTokens.light['color-primary'])).to.equal(
      1,
    );
  });

  it('brandStyleText is the inline form of the same hooks', () => {
    expect(
      brandStyleText({ id: 'k', tokens: { 'radius-m': '0' }, dark: { 'color-primary': '#fff' } }),
    ).to.equal('--d1-brand-radius-m:0;--d1-brand-dark-color-primary:#fff;');
  });
});
