// Code samples in the guides are quotes of files the tests build or run. A guide marks each quote:
//
//   <!-- sample: docs/samples/portal.ts#policy -->
//   ```ts
//   ...the lines between `#region policy` and `#endregion policy` of that file...
//   ```
//
// (no `#name`: the whole file). test/node/docs-samples.test.mjs fails when a quote differs from its
// source; `node scripts/docs-samples.mjs --write` copies the sources into the guides.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Guides in which every code block must be such a quote. Other docs may opt in per block. */
export const STRICT_GUIDES = [
  'docs/README.md',
  'docs/portal-guide.md',
  'docs/designer-guide.md',
  'docs/accessibility.md',
];

const MARKER =
  /<!--\s*sample:\s*([^#\s]+?)(?:#([\w.-]+))?\s*-->[ \t]*\r?\n(?:[ \t]*\r?\n)*(`{3,})([^\n]*)\n([\s\S]*?)\n\3[ \t]*$/gm;

/** Every marked quote in a markdown text. */
export function quotesIn(markdown) {
  return [...markdown.matchAll(MARKER)].map((m) => ({
    file: m[1],
    region: m[2] ?? null,
    fence: m[3],
    info: m[4],
    code: m[5],
    index: m.index,
    line: markdown.slice(0, m.index).split('\n').length,
    length: m[0].length,
  }));
}

/** The text of `#region name` in a source (comment style free), or the whole file; dedented. */
export function regionOf(text, name) {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  let body = lines;
  if (name) {
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const start = lines.findIndex((l) => new RegExp(`#region\\s+${esc}(\\s|\\*/|-->|$)`).test(l));
    const end = lines.findIndex(
      (l, i) => i > start && new RegExp(`#endregion\\s+${esc}(\\s|\\*/|-->|$)`).test(l),
    );
    if (start < 0 || end < 0) return null;
    body = lines.slice(start + 1, end);
  }
  // nested region markers are for other quotes, not part of this one
  body = body.filter((l) => !/#(end)?region\b/.test(l));
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

/** Code blocks of a markdown text that carry no sample marker (line numbers). */
export function unmarkedBlocks(markdown) {
  const marked = new Set(quotesIn(markdown).map((q) => q.line));
  const lines = markdown.split('\n');
  const out = [];
  let inFence = null;
  for (let i = 0; i < lines.length; i++) {
    const fence = /^\s*(`{3,}|~{3,})/.exec(lines[i]);
    if (!fence) continue;
    if (inFence) {
      if (lines[i].trim().startsWith(inFence)) inFence = null;
      continue;
    }
    inFence = fence[1];
    // the marker sits on the closest non-blank line above the fence
    let j = i - 1;
    while (j >= 0 && !lines[j].trim()) j--;
    if (!(j >= 0 && marked.has(j + 1))) out.push(i + 1);
  }
  return out;
}

/** Markdown files under docs/ (not the generated API reference). */
export function guideFiles(root = '.') {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (p !== join('docs', 'api')) walk(p);
      } else if (e.name.endsWith('.md')) out.push(p);
    }
  };
  walk('docs');
  return out.sort();
}

/** Every problem with the guides' quotes: missing sources and regions, differing text, unmarked blocks. */
export function checkGuides(root = '.') {
  const problems = [];
  const quotes = [];
  for (const guide of guideFiles(root)) {
    const md = readFileSync(join(root, guide), 'utf8');
    for (const q of quotesIn(md)) {
      quotes.push({ guide, ...q });
      const where = `${guide}:${q.line} (${q.file}${q.region ? `#${q.region}` : ''})`;
      if (!existsSync(join(root, q.file))) {
        problems.push(`${where}: the source file does not exist`);
        continue;
      }
      const src = regionOf(readFileSync(join(root, q.file), 'utf8'), q.region);
      if (src === null)
        problems.push(`${where}: no #region ${q.region} … #endregion ${q.region} in the source`);
      else if (src !== q.code)
        problems.push(`${where}: the quote differs from its source\n${firstDifference(q.code, src)}`);
    }
    if (STRICT_GUIDES.includes(guide.split('\\').join('/'))) {
      for (const line of unmarkedBlocks(md))
        problems.push(`${guide}:${line}: a code block without a <!-- sample: file#region --> marker`);
    }
  }
  return { problems, quotes };
}

function firstDifference(quote, source) {
  const a = quote.split('\n');
  const b = source.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `  line ${i + 1} of the quote:\n    guide:  ${a[i] ?? '(missing)'}\n    source: ${b[i] ?? '(missing)'}`;
  }
  return '';
}

/** Copy every quote's source into its guide (after editing a sample). Returns the guides changed. */
export function writeGuides(root = '.') {
  const changed = [];
  for (const guide of guideFiles(root)) {
    const path = join(root, guide);
    const md = readFileSync(path, 'utf8');
    let out = '';
    let at = 0;
    for (const q of quotesIn(md)) {
      if (!existsSync(join(root, q.file))) continue;
      const src = regionOf(readFileSync(join(root, q.file), 'utf8'), q.region);
      if (src === null || src === q.code) continue;
      const block = md.slice(q.index, q.index + q.length);
      const codeAt = q.index + block.lastIndexOf(q.code + '\n' + q.fence);
      out += md.slice(at, codeAt) + src;
      at = codeAt + q.code.length;
    }
    if (at) {
      writeFileSync(path, out + md.slice(at));
      changed.push(relative(root, path));
    }
  }
  return changed;
}

/**
 * The accessibility report cites tests as `ABBR › "test name"` (abbreviations in its table of test
 * files). Every cited name must still be in that file; `placeholders` and … stand for the parts a
 * test builds from variables. Returns the citations that no longer match.
 */
export function checkReportCitations(root = '.', report = 'docs/accessibility.md') {
  const md = readFileSync(join(root, report), 'utf8');
  const files = new Map([...md.matchAll(/^\| ([A-Z][\w-]*) \| `([^`]+)` \|$/gm)].map((m) => [m[1], m[2]]));
  const problems = [];
  let checked = 0;
  for (const m of md.matchAll(/((?:[A-Z][\w-]*, )*[A-Z][\w-]*) › ((?:"[^"]*"(?: \([^)]*\))?(?:; |, )?)+)/g)) {
    const abbrs = m[1].split(', ');
    const sources = abbrs.map((a) => files.get(a));
    if (sources.some((f) => !f)) {
      problems.push(`${m[1]}: not in the table of test files`);
      continue;
    }
    const texts = sources.map((f) => readFileSync(join(root, f), 'utf8').replace(/\\'/g, "'"));
    for (const [, raw] of m[2].matchAll(/"([^"]*)"/g)) {
      const name = raw.replace(/\s+/g, ' ');
      const fragments = name
        .split(/`[^`]*`|…/)
        .map((f) => f.trim())
        .filter((f) => f.length >= 4);
      checked++;
      if (!texts.some((t) => fragments.every((f) => t.includes(f)))) problems.push(`${m[1]} › "${name}"`);
    }
  }
  return { problems, checked };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--write')) {
    const changed = writeGuides();
    console.log(changed.length ? `updated: ${changed.join(', ')}` : 'every quote already matches its source');
  }
  const { problems, quotes } = checkGuides();
  const cited = checkReportCitations();
  console.log(`${quotes.length} quotes and ${cited.checked} cited tests checked`);
  for (const p of [
    ...problems,
    ...cited.problems.map((c) => `docs/accessibility.md cites a missing test: ${c}`),
  ])
    console.error(p);
  process.exit(problems.length || cited.problems.length ? 1 : 0);
}
