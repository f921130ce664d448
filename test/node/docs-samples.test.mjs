// Guides quote real files: every marked code block equals its source region, every code block of
// the guides we own is such a quote, and every quoted file is one the tests build or run (or, for
// HTML/CSS/JSON samples, is checked here against the custom elements manifest and the tokens).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkGuides,
  checkReportCitations,
  quotesIn,
  regionOf,
  unmarkedBlocks,
  writeGuides,
} from '../../scripts/docs-samples.mjs';
import { cssCustomData, htmlCustomData, VSCODE_FILES } from '../../scripts/docs-cem-plugins.mjs';

const { problems, quotes } = checkGuides();

function manifest() {
  // `npm test` builds first (the build writes it); a lone run of this file makes it (about 3 s)
  if (!existsSync('custom-elements.json')) {
    const r = spawnSync(
      'npx',
      ['cem', 'analyze', '--quiet', '--config', 'custom-elements-manifest.config.mjs'],
      {
        stdio: 'inherit',
      },
    );
    assert.equal(r.status, 0, 'cem analyze failed');
  }
  return JSON.parse(readFileSync('custom-elements.json', 'utf8'));
}

const elements = (m) =>
  new Map(
    m.modules
      .flatMap((mod) => mod.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => [d.tagName, d]),
  );

test('the guides quote their samples', () => {
  assert.ok(quotes.length >= 10, `only ${quotes.length} quotes found`);
  for (const guide of ['docs/portal-guide.md', 'docs/designer-guide.md', 'docs/README.md']) {
    assert.ok(
      quotes.some((q) => q.guide === guide),
      `${guide} quotes nothing`,
    );
  }
});

test('every quote equals its source, and every code block of our guides is a quote', () => {
  assert.deepEqual(
    problems,
    [],
    `\n${problems.join('\n')}\n(after editing a sample: node scripts/docs-samples.mjs --write)`,
  );
});

test('every quoted file is built or run by the tests', () => {
  const testFiles = ['stories', 'test', 'packages']
    .flatMap(function walk(dir) {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = join(dir, e.name);
        if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : walk(p);
        return /\.(ts|mjs|js)$/.test(e.name) && (dir.startsWith('stories') || /(^|\/)test(\/|$)/.test(p))
          ? [p]
          : [];
      });
    })
    .map((p) => readFileSync(p, 'utf8'));
  for (const file of new Set(quotes.map((q) => q.file))) {
    if (/^packages\/[^/]+\/(src|test)\//.test(file) || /^(test|stories|examples)\//.test(file)) continue;
    assert.match(file, /^docs\/samples\//, `${file}: quote from docs/samples/ or from tested sources`);
    if (/\.(html|css|json)$/.test(file)) continue; // checked by the tests below
    const stem = file.replace(/^docs\//, '').replace(/\.[jt]s$/, '');
    assert.ok(
      testFiles.some((src) => src.includes(stem)),
      `${file} is not imported by any story or test, so nothing builds or runs it`,
    );
  }
});

test('HTML samples use only elements and attributes the manifest documents', () => {
  const known = elements(manifest());
  const global = /^(lang|slot|class|id|style|hidden|title|dir|tabindex|part|role|aria-[\w-]+|data-[\w-]+)$/;
  const samples = readdirSync('docs/samples').filter((f) => f.endsWith('.html'));
  assert.ok(samples.length > 0);
  let checked = 0;
  for (const f of samples) {
    const html = readFileSync(join('docs/samples', f), 'utf8');
    for (const [, tag, attrs] of html.matchAll(/<(d1-[a-z-]+)(\s[^>]*)?>/g)) {
      const el = known.get(tag);
      assert.ok(el, `${f}: <${tag}> is not an element of the manifest`);
      const names = new Set((el.attributes ?? []).map((a) => a.name));
      for (const [, name] of (attrs ?? '').matchAll(/([^\s=/]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
        assert.ok(
          names.has(name) || global.test(name),
          `${f}: <${tag} ${name}> is not a documented attribute`,
        );
        checked++;
      }
    }
  }
  assert.ok(checked > 0, 'no attributes checked');
});

test("the manifest lists each element's own API, not the DOM's (Storybook and editors show it)", () => {
  // e.g. `this.attachShadow(...).innerHTML = ...` in a constructor was read as a public field
  const dom = new Set([
    'innerHTML',
    'outerHTML',
    'textContent',
    'shadowRoot',
    'className',
    'id',
    'style',
    'lang',
  ]);
  for (const [tag, el] of elements(manifest())) {
    const public_ = (el.members ?? []).filter(
      (m) => (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#'),
    );
    assert.deepEqual(
      public_.filter((m) => dom.has(m.name)).map((m) => m.name),
      [],
      `<${tag}> lists DOM properties as its own`,
    );
  }
});

test('CSS samples use only global tokens and documented custom properties', async () => {
  // the token names as the design system defines them (its built module: `npm test` builds first)
  const { lightTokens, commonTokens, COLOR_TOKENS, BRAND_COMMON_TOKENS } = await import(
    '../../packages/ui/dist/themes/tokens.js'
  );
  const tokens = new Set([...Object.keys(lightTokens), ...Object.keys(commonTokens)].map((k) => `--d1-${k}`));
  // the brand hooks the themes read (a brand's colours per theme, its font and radii)
  for (const c of COLOR_TOKENS) for (const t of ['light', 'dark']) tokens.add(`--d1-brand-${t}-${c}`);
  for (const k of BRAND_COMMON_TOKENS) tokens.add(`--d1-brand-${k}`);
  for (const el of elements(manifest()).values()) for (const p of el.cssProperties ?? []) tokens.add(p.name);
  assert.ok(tokens.has('--d1-color-primary') && tokens.has('--d1-radius-m'), 'the token list was not read');
  for (const f of readdirSync('docs/samples').filter((n) => n.endsWith('.css'))) {
    const css = readFileSync(join('docs/samples', f), 'utf8');
    for (const [name] of css.matchAll(/--d1-[a-z0-9-]+/g)) {
      assert.ok(tokens.has(name), `${f}: ${name} is neither a token, a brand hook nor an element's custom property`);
    }
  }
});

test('the VS Code settings sample names the files the build writes, which cover every element', () => {
  const settings = JSON.parse(readFileSync('docs/samples/vscode-settings.json', 'utf8'));
  assert.deepEqual(settings['html.customData'], [`./${VSCODE_FILES.html}`]);
  assert.deepEqual(settings['css.customData'], [`./${VSCODE_FILES.css}`]);
  const m = manifest();
  const data = htmlCustomData(m);
  const tags = data.tags.map((t) => t.name);
  for (const tag of [
    'd1-login-bar',
    'd1-class-picker',
    'd1-notification-tray',
    'd1-shell',
    'd1-plugin-host',
    'd1-platform',
  ]) {
    assert.ok(tags.includes(tag), `${tag} missing from the VS Code data`);
  }
  const shell = data.tags.find((t) => t.name === 'd1-shell');
  assert.ok(shell.attributes.some((a) => a.name === 'client-id'));
  assert.ok(cssCustomData(m).properties.some((p) => p.name === '--d1-shell-header-bg'));
  assert.ok(cssCustomData(m).pseudoElements.some((p) => p.name === '::part(header)'));
});

// The checker itself: a quote that drifts from its source must be caught (and --write fixes it).
test('the checker catches a drifted quote, an unmarked block and a missing region', () => {
  const dir = mkdtempSync(join(tmpdir(), 'd1-docs-'));
  try {
    mkdirSync(join(dir, 'docs', 'samples'), { recursive: true });
    writeFileSync(
      join(dir, 'docs/samples/a.ts'),
      'x;\n  // #region one\n  const a = 1;\n    a;\n  // #endregion one\n',
    );
    const md = (code) =>
      `# T\n\n<!-- sample: docs/samples/a.ts#one -->\n\`\`\`ts\n${code}\n\`\`\`\n\n<!-- sample: docs/samples/a.ts#two -->\n\`\`\`ts\nz\n\`\`\`\n`;
    writeFileSync(join(dir, 'docs/README.md'), md('const a = 2;\n  a;'));
    const before = checkGuides(dir).problems;
    assert.equal(before.length, 2, before.join('\n'));
    assert.match(
      before[0],
      /differs from its source[\s\S]*guide: {2}const a = 2;[\s\S]*source: const a = 1;/,
    );
    assert.match(before[1], /no #region two/);
    assert.deepEqual(writeGuides(dir), [join('docs', 'README.md')]);
    assert.equal(checkGuides(dir).problems.length, 1); // only the missing region is left
    assert.equal(regionOf(readFileSync(join(dir, 'docs/samples/a.ts'), 'utf8'), 'one'), 'const a = 1;\n  a;');
    assert.deepEqual(unmarkedBlocks('text\n\n```js\nx\n```\n'), [3]);
    assert.equal(quotesIn(md('y')).length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the accessibility report cites tests that exist, by file and name', () => {
  const { problems: missing, checked } = checkReportCitations();
  assert.ok(checked >= 80, `only ${checked} citations found`);
  assert.deepEqual(
    missing,
    [],
    `docs/accessibility.md cites tests that are gone or renamed:\n${missing.join('\n')}`,
  );
});

test('a citation of a renamed test is caught', () => {
  const dir = mkdtempSync(join(tmpdir(), 'd1-report-'));
  try {
    mkdirSync(join(dir, 'docs'));
    writeFileSync(
      join(dir, 't.test.ts'),
      "it(`${lang}: the bell has a name`, () => {});\nit('Escape closes', () => {});\n",
    );
    writeFileSync(
      join(dir, 'docs/accessibility.md'),
      '| X | `t.test.ts` |\n\n| 2.1.1 | keys | X › "Escape closes"; "`lang`: the bell has a name" (fi, sv) |\n' +
        '| 4.1.2 | name | X › "Escape opens" |\n| 1.1.1 | alt | Y › "anything" |\n',
    );
    const { problems: found, checked } = checkReportCitations(dir);
    assert.equal(checked, 3);
    assert.deepEqual(found, ['X › "Escape opens"', 'Y: not in the table of test files']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
