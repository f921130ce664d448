// Static token audit over packages/ui/src: fails on a token used but undefined, a global token
// defined but unused, a public component token without a fallback, and a private `--_x` token
// used but not defined (or defined but not used) within its element's folder. It scans whatever exists, so the
// elements are covered as they arrive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, '../../src');

function walk(dir, ext) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : [],
  );
}

/** The token data itself (tokens.ts compiled on the fly: the real values, not a regex over them). */
async function loadTokens(themes) {
  const out = await build({ entryPoints: [join(themes, 'tokens.ts')], bundle: true, write: false, format: 'esm' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

const GLOBAL = /^(color|space|font|radius|focus|elevation|motion|size|z|sticky)-/;
// files that generate the token layer from data; their template strings are not "uses"
const GENERATORS = new Set(['themes/theme-css.ts', 'themes/brand.ts', 'themes/tokens.ts']);

async function audit(src) {
  const themes = join(src, 'themes');
  const t = await loadTokens(themes);
  const defined = new Set([
    ...Object.keys(t.commonTokens),
    ...Object.keys(t.lightTokens),
    ...Object.keys(t.darkTokens),
    ...Object.keys(t.contrastTokens),
  ]);
  const components = readdirSync(src, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !['shared', 'themes', 'define'].includes(e.name))
    .map((e) => e.name);
  const problems = [];
  const used = new Map(); // token -> files
  const priv = new Map(); // folder -> private tokens defined / used
  const files = walk(src, '.ts');
  for (const file of files) {
    const rel = relative(src, file).replaceAll('\\', '/');
    if (GENERATORS.has(rel)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/var\(\s*--d1-([a-z0-9-]+)\s*(,)?/g)) {
      const [, name, comma] = m;
      if (!used.has(name)) used.set(name, new Set());
      used.get(name).add(rel);
      if (name.startsWith('brand-')) {
        problems.push(`${rel}: --d1-${name} is a brand hook, read only by the theme sheet; use the global token`);
      } else if (GLOBAL.test(name)) {
        if (!defined.has(name)) problems.push(`${rel}: --d1-${name} is used but no theme defines it`);
      } else {
        const owner = components.find((c) => name.startsWith(`${c}-`));
        if (!owner) problems.push(`${rel}: --d1-${name} is neither a global token nor --d1-<element>-<token> of an element folder`);
        else if (!comma) problems.push(`${rel}: public token --d1-${name} needs a fallback to a global token`);
      }
    }
    // private tokens belong to one element: its folder (styles file + class file)
    const folder = dirname(rel);
    if (!priv.has(folder)) priv.set(folder, { defined: new Set(), used: new Set() });
    for (const m of text.matchAll(/(?<![\w-])--_([a-z0-9-]+)\s*:/g)) priv.get(folder).defined.add(m[1]);
    for (const m of text.matchAll(/var\(\s*--_([a-z0-9-]+)/g)) priv.get(folder).used.add(m[1]);
  }
  for (const [folder, { defined: d, used: u }] of priv) {
    for (const p of u) if (!d.has(p)) problems.push(`${folder}/: --_${p} is used but not defined in this element`);
    for (const p of d) if (!u.has(p)) problems.push(`${folder}/: --_${p} is defined but never used`);
  }
  for (const name of defined) {
    if (!used.has(name)) problems.push(`--d1-${name} is defined by the themes but no element or shared style uses it`);
  }
  // brand files: only brandable tokens
  const brandable = new Set([...t.COLOR_TOKENS, ...t.BRAND_COMMON_TOKENS]);
  for (const file of walk(join(themes, 'brands'), '.json')) {
    const brand = JSON.parse(readFileSync(file, 'utf8'));
    for (const [section, tokens] of [['tokens', brand.tokens], ['dark', brand.dark ?? {}]]) {
      for (const k of Object.keys(tokens)) {
        const name = k.replace(/^--d1-/, '');
        const ok = section === 'dark' ? t.COLOR_TOKENS.includes(name) : brandable.has(name);
        if (!ok) problems.push(`${relative(src, file)}: ${section}.${k} is not a brandable token`);
      }
    }
  }
  return { problems, defined, used, files: files.length };
}

test('design tokens: none used but undefined, none defined but unused, public tokens fall back, private ones are local', async () => {
  const { problems, defined, files } = await audit(src);
  assert.ok(defined.size > 30, `expected the global token layer, found ${defined.size} tokens`);
  assert.ok(files > 5, 'scanned the sources');
  assert.deepEqual(problems, []);
});

test('the audit is not vacuous: it reports each kind of mistake', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'd1-tokens-'));
  try {
    mkdirSync(join(dir, 'themes/brands'), { recursive: true });
    mkdirSync(join(dir, 'shared'));
    mkdirSync(join(dir, 'widget'));
    copyFileSync(join(src, 'themes/tokens.ts'), join(dir, 'themes/tokens.ts'));
    copyFileSync(join(src, 'shared/styles.ts'), join(dir, 'shared/styles.ts'));
    writeFileSync(join(dir, 'themes/brands/bad.json'), JSON.stringify({ id: 'bad', tokens: { 'space-m': '1px' } }));
    writeFileSync(
      join(dir, 'widget/widget.ts'),
      'css`:host { --_bg: var(--d1-widget-bg); --_unused: 1px; color: var(--d1-color-txet); border: var(--_gone) var(--d1-other-x, red); }`',
    );
    const { problems } = await audit(dir);
    const expected = [
      'widget/widget.ts: --d1-color-txet is used but no theme defines it',
      'widget/widget.ts: public token --d1-widget-bg needs a fallback to a global token',
      'widget/widget.ts: --d1-other-x is neither a global token nor --d1-<element>-<token> of an element folder',
      'widget/: --_gone is used but not defined in this element',
      'widget/: --_unused is defined but never used',
      'widget/: --_bg is defined but never used',
      'themes/brands/bad.json: tokens.space-m is not a brandable token',
    ];
    for (const e of expected) assert.ok(problems.includes(e), `missing problem: ${e}\n${problems.join('\n')}`);
    // shared/styles.ts alone uses every global token, so nothing is reported as unused here
    assert.ok(!problems.some((p) => p.includes('no element or shared style uses it')), problems.join('\n'));
    rmSync(join(dir, 'shared/styles.ts'));
    const without = (await audit(dir)).problems;
    assert.ok(without.includes('--d1-color-canvas is defined by the themes but no element or shared style uses it'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
