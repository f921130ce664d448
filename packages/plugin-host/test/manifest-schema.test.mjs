// The published JSON Schema and the hand-written validator must agree: same verdict on every
// fixture and on thousands of mutations of the valid ones, and the same places blamed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const schema = JSON.parse(readFileSync(here('../manifest.schema.json'), 'utf8'));
const fixtures = JSON.parse(readFileSync(here('./fixtures/manifests.json'), 'utf8'));

// The validator's TypeScript source, bundled on the fly (tests run sources, not dist).
async function loadValidator() {
  const out = await build({
    entryPoints: [here('../src/manifest/manifest.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    conditions: ['source'],
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
const { validateManifest, ROLES, SANDBOX_EXTRAS, ALLOW_FEATURES } = await loadValidator();
const { PERMISSIONS } = await import(
  `data:text/javascript;base64,${Buffer.from(
    (
      await build({
        entryPoints: [here('../../context/src/plugin-context.ts')],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'neutral',
        logLevel: 'silent',
      })
    ).outputFiles[0].text,
  ).toString('base64')}`
);

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const check = ajv.compile(schema);

/** Where ajv blames, as JSON pointers comparable with ours. */
function ajvPaths(errors) {
  const out = new Set();
  for (const e of errors ?? []) {
    if (['if', 'anyOf', 'allOf'].includes(e.keyword)) continue;
    if (e.keyword === 'required') out.add(`${e.instancePath}/${e.params.missingProperty}`);
    else if (e.keyword === 'additionalProperties') out.add(`${e.instancePath}/${e.params.additionalProperty}`);
    else out.add(e.instancePath);
  }
  return out;
}
/** Ours blame the item for a repeat, ajv the array: compare at the array. */
const ourPaths = (errors) => new Set(errors.map((e) => e.path));
const covers = (ours, path) => [...ours].some((p) => p === path || p.startsWith(`${path}/`) || path.startsWith(`${p}/`));

test('the schema and the enums in code name the same values', () => {
  assert.deepEqual(schema.properties.permissions.items.enum, [...PERMISSIONS]);
  assert.deepEqual(schema.properties.roles.items.enum, [...ROLES]);
  assert.deepEqual(schema.properties.sandbox.items.enum, [...SANDBOX_EXTRAS]);
  assert.deepEqual(schema.properties.allow.items.enum, [...ALLOW_FEATURES]);
});

test('valid fixtures pass both', () => {
  for (const m of fixtures.valid) {
    assert.equal(check(m), true, `${m.id}: ${JSON.stringify(check.errors)}`);
    const r = validateManifest(m);
    assert.equal(r.ok, true, `${m.id}: ${JSON.stringify(r.errors)}`);
    assert.equal(r.manifest, m);
  }
});

test('invalid fixtures fail both, with every expected path and nothing else', () => {
  for (const f of fixtures.invalid) {
    assert.equal(check(f.json), false, `${f.name}: ajv accepted it`);
    const r = validateManifest(f.json);
    assert.equal(r.ok, false, `${f.name}: the validator accepted it`);
    assert.deepEqual([...ourPaths(r.errors)].sort(), [...f.paths].sort(), `${f.name}: ${JSON.stringify(r.errors, null, 1)}`);
    for (const p of ajvPaths(check.errors)) assert.ok(covers(ourPaths(r.errors), p), `${f.name}: ajv blames ${p}, we do not`);
    for (const e of r.errors) {
      assert.match(e.message, /^[a-z"]/, 'plain words, not codes');
      assert.ok(!e.message.includes('undefined'), e.message);
    }
  }
});

// Mutations of the valid fixtures: drop, retype and bend each field; both must agree on each.
const SAMPLES = [
  undefined, null, true, 0, 1, -1, 1.5, 10001, '', 'x', 'fi.example.ok', 'Fi.Example', '1.0.0', '1.0', 'iframe', 'module',
  'https://a.example/', 'http://127.0.0.1:1/x', 'javascript:1', 'a b', [], ['token'], ['token', 'token'], ['teacher'],
  ['allow-popups'], ['camera'], ['fullscreen'], {}, { fi: 'A' }, { fi: '' }, { de: 'x' }, { name: 'V' }, { name: 'V', url: 'x' },
  'x'.repeat(101), 'x'.repeat(501),
];
test('both agree on every mutation of the valid fixtures', () => {
  let n = 0;
  for (const base of fixtures.valid) {
    for (const key of [...Object.keys(schema.properties), 'x-extra', 'unknown']) {
      for (const v of SAMPLES) {
        const m = structuredClone(base);
        if (v === undefined) delete m[key];
        else m[key] = structuredClone(v);
        const a = check(m);
        const r = validateManifest(m);
        n++;
        assert.equal(r.ok, a, `${key} = ${JSON.stringify(v)}: ajv ${a}, ours ${r.ok} ${JSON.stringify(r.errors ?? check.errors)}`);
        if (!a) for (const p of ajvPaths(check.errors)) assert.ok(covers(ourPaths(r.errors), p), `${key}=${JSON.stringify(v)}: ajv blames ${p}; ours ${JSON.stringify(r.errors)}`);
      }
    }
  }
  assert.ok(n > 1000, `${n} mutations`);
});
