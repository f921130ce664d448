// docs/vendor-guide.md quotes its code from files the tests build or run, never from memory:
// each code block follows a marker `<!-- snippet: path[#region] -->` and must equal that file
// (or the lines between `#region name` and `#endregion name` in it, dedented). A js/json/html
// block without a marker fails, so no sample can drift from the examples.
//   Regenerate the quoted blocks after changing an example:  UPDATE_SNIPPETS=1 node --test test/e2e/docs.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const root = new URL('../../', import.meta.url);
const GUIDE = new URL('docs/vendor-guide.md', root);
const MARKER = /^<!-- snippet: (\S+?)(?:#([\w-]+))? -->$/;
const QUOTED = new Set(['js', 'mjs', 'json', 'html', 'ts', 'jsx', 'css']);

/** The quoted text: a whole file, or one region of it. */
export function extract(path, region) {
  const url = new URL(path, root);
  assert.ok(existsSync(url), `snippet source ${path} exists`);
  const lines = readFileSync(url, 'utf8').replace(/\n$/, '').split('\n');
  if (!region) return lines.join('\n');
  const start = lines.findIndex((l) => new RegExp(`#region ${region}\\b`).test(l));
  const end = lines.findIndex((l, i) => i > start && new RegExp(`#endregion ${region}\\b`).test(l));
  assert.ok(start >= 0 && end > start, `${path} has #region ${region} ... #endregion ${region}`);
  const body = lines.slice(start + 1, end).filter((l) => !/#(end)?region\b/.test(l));
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
  return body.map((l) => l.slice(indent)).join('\n');
}

/** Every code block of the guide with the snippet marker before it (if any). */
function blocks(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^```(\w*)$/);
    if (!open) continue;
    const close = lines.findIndex((l, j) => j > i && l === '```');
    const marker = (
      lines
        .slice(0, i)
        .reverse()
        .find((l) => l.trim() !== '') ?? ''
    ).match(MARKER);
    out.push({ lang: open[1], from: i + 1, to: close, code: lines.slice(i + 1, close).join('\n'), marker });
    i = close;
  }
  return { lines, out };
}

test('every code sample in docs/vendor-guide.md is quoted from an example file, unchanged', () => {
  const text = readFileSync(GUIDE, 'utf8');
  const { lines, out } = blocks(text);
  const quoted = out.filter((b) => b.marker);
  assert.ok(quoted.length >= 10, `the guide quotes the examples (${quoted.length} snippets)`);
  if (process.env.UPDATE_SNIPPETS) {
    for (const b of [...quoted].reverse())
      lines.splice(b.from, b.to - b.from, ...extract(b.marker[1], b.marker[2]).split('\n'));
    writeFileSync(GUIDE, lines.join('\n'));
    return;
  }
  const stale = quoted
    .filter((b) => b.code !== extract(b.marker[1], b.marker[2]))
    .map((b) => `${b.marker[1]}${b.marker[2] ? `#${b.marker[2]}` : ''} (line ${b.from})`);
  assert.deepEqual(
    stale,
    [],
    'snippets that no longer match their file (UPDATE_SNIPPETS=1 regenerates them)',
  );
  const unquoted = out
    .filter((b) => !b.marker && QUOTED.has(b.lang))
    .map((b) => `line ${b.from}: ${b.code.split('\n')[0]}`);
  assert.deepEqual(unquoted, [], 'code blocks without a snippet marker');
});

test("the guide's manifest check works as it says: relative URLs are refused, --base publishes them", () => {
  const run = (...args) =>
    spawnSync(
      process.execPath,
      ['examples/plugins/check-manifest.mjs', 'examples/plugins/exercise/manifest.json', ...args],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
  const local = run();
  assert.equal(local.status, 1);
  assert.match(local.stderr, /\/entry: must be an absolute http\(s\) URL/);
  const published = run('--base', 'https://oppimo.example/harjoitukset/');
  assert.equal(published.status, 0, published.stderr);
  const manifest = JSON.parse(published.stdout);
  assert.equal(manifest.entry, 'https://oppimo.example/harjoitukset/index.html');
  assert.equal(manifest.icon, 'https://oppimo.example/harjoitukset/icon.svg');
  assert.equal(manifest.$schema, undefined);
  assert.equal(run('--base', 'not a url').status, 2);
});
