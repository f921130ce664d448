// Fuzzing the host side's parameter validation (`validateParams` / `validators` of @digione/bridge):
// whatever a plugin sends, the host either gets a clean copy that satisfies the method's contract
// or a typed BridgeError naming the path; never another exception, never a half-checked value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anyValue, fc, holds, loadSource, nastyKey, nastyString } from './support.mjs';

const { validateParams, HOST_METHODS, LIMITS, PARAMS_MAX_BYTES, BridgeError } = await loadSource(
  'packages/bridge/src/index.ts',
);
const LANGS = ['fi', 'sv', 'en', 'se', 'smn', 'sms'];

/** Either a plausible value for a field or garbage. */
const maybe = (good) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: anyValue() });
const text = (max) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: max + 2 }),
    fc.dictionary(fc.constantFrom(...LANGS, 'de', '__proto__'), maybe(fc.string({ maxLength: max })), {
      maxKeys: 4,
    }),
  );
const url = fc.oneof(fc.webUrl(), nastyString(), fc.constantFrom('http://x', 'ftp://x/y', 'https://'));
const path = fc.oneof(fc.webPath(), nastyString(), fc.constant('/ok/path'));
const extra = fc.dictionary(nastyKey(), anyValue(), { maxKeys: 2 });

/** Params shaped like each method's, with any field possibly wrong, missing or extra. */
const shaped = {
  'context.get': fc.oneof(fc.constant(undefined), fc.constant(null), extra),
  'auth.getToken': fc.oneof(fc.constant(undefined), extra),
  'notifications.post': fc
    .record(
      {
        title: maybe(text(LIMITS.title)),
        body: maybe(text(LIMITS.body)),
        severity: maybe(fc.constantFrom('info', 'success', 'warning', 'error', 'fatal')),
        link: maybe(
          fc.record(
            { pluginId: maybe(fc.string()), path: maybe(path), href: maybe(url) },
            { requiredKeys: [] },
          ),
        ),
        groupId: maybe(fc.string({ maxLength: 210 })),
        containsPersonalData: maybe(fc.boolean()),
      },
      { requiredKeys: [] },
    )
    .chain((o) => extra.map((x) => ({ ...x, ...o }))),
  'ui.announce': fc.record(
    {
      text: maybe(fc.string({ maxLength: 510 })),
      politeness: maybe(fc.constantFrom('polite', 'assertive', 'rude')),
    },
    { requiredKeys: [] },
  ),
  'ui.resize': fc.record({ height: maybe(fc.oneof(fc.double(), fc.integer({ min: -5, max: 200_000 }))) }),
  'ui.focusHost': fc.oneof(
    fc.constant(undefined),
    fc.record({ direction: maybe(fc.constantFrom('forward', 'backward', 'sideways')) }, { requiredKeys: [] }),
  ),
  'navigation.open': fc.record(
    { pluginId: maybe(fc.string({ maxLength: 210 })), path: maybe(path) },
    { requiredKeys: [] },
  ),
  'storage.get': fc.record({ key: maybe(fc.string({ maxLength: 260 })) }),
  'storage.set': fc.record(
    { key: maybe(fc.string({ maxLength: 260 })), value: maybe(fc.jsonValue({ maxDepth: 4 })) },
    { requiredKeys: [] },
  ),
};

const isPlain = (v) => typeof v == 'object' && v !== null && !Array.isArray(v);
const httpUrl = (s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};
const okText = (t, max) =>
  typeof t == 'string'
    ? t.length > 0 && t.length <= max
    : isPlain(t) &&
      Object.keys(t).length > 0 &&
      Object.entries(t).every(
        ([k, v]) => LANGS.includes(k) && typeof v == 'string' && v.length > 0 && v.length <= max,
      );
const okPath = (p) => p === undefined || (typeof p == 'string' && p.startsWith('/') && !p.startsWith('//'));

/** What a handler may rely on, per method, once validation passed. */
const contract = {
  'context.get': (out) => out === undefined,
  'auth.getToken': (out) => out === undefined,
  'notifications.post': (o) =>
    okText(o.title, LIMITS.title) &&
    (o.body === undefined || okText(o.body, LIMITS.body)) &&
    (o.severity === undefined || ['info', 'success', 'warning', 'error'].includes(o.severity)) &&
    (o.link === undefined ||
      (isPlain(o.link) && okPath(o.link.path) && (o.link.href === undefined || httpUrl(o.link.href)))) &&
    Object.keys(o).every((k) =>
      ['title', 'body', 'severity', 'link', 'groupId', 'containsPersonalData'].includes(k),
    ),
  'ui.announce': (o) => typeof o.text == 'string' && o.text.length > 0 && o.text.length <= LIMITS.announce,
  'ui.resize': (o) => Number.isInteger(o.height) && o.height >= 0 && o.height <= LIMITS.maxHeight,
  'ui.focusHost': (o) => o.direction === undefined || ['forward', 'backward'].includes(o.direction),
  'navigation.open': (o) => (o.pluginId !== undefined || o.path !== undefined) && okPath(o.path),
  'storage.get': (o) => typeof o.key == 'string' && o.key.length > 0 && o.key.length <= LIMITS.key,
  'storage.set': (o) =>
    typeof o.key == 'string' &&
    'value' in o &&
    JSON.stringify(JSON.parse(JSON.stringify(o.value))) === JSON.stringify(o.value),
};

/** Run one validation; returns the outcome, failing the property on anything but a typed refusal. */
function outcome(method, params) {
  try {
    return { ok: true, value: validateParams(method, params) };
  } catch (e) {
    assert.ok(e instanceof BridgeError, `threw ${e?.name}: ${e?.message}`);
    return { ok: false, error: e };
  }
}

test('any method name and any params: a clean value or a typed refusal, nothing else', async () => {
  const method = fc.oneof(fc.constantFrom(...HOST_METHODS, 'ping', 'bye'), nastyString());
  await holds(
    'validateParams(any, any)',
    fc.property(method, anyValue(), (m, params) => {
      const r = outcome(m, params);
      const known = HOST_METHODS.includes(m);
      if (!r.ok) {
        assert.equal(r.error.code, known ? 'INVALID_PARAMS' : 'UNSUPPORTED');
        if (known) assert.match(r.error.message, /^params/, 'an INVALID_PARAMS message names the path');
      } else {
        assert.ok(known, `unknown method ${m} was accepted`);
        assert.ok(
          contract[m](r.value),
          `${m}: accepted value breaks the contract: ${JSON.stringify(r.value)}`,
        );
      }
    }),
    3000,
  );
});

test('params shaped like each method, with wrong, missing and extra fields: contract holds, validation is idempotent', async () => {
  for (const m of HOST_METHODS) {
    await holds(
      `validateParams(${m}, shaped)`,
      fc.property(shaped[m], (params) => {
        const r = outcome(m, params);
        if (!r.ok) return assert.equal(r.error.code, 'INVALID_PARAMS');
        assert.ok(
          contract[m](r.value),
          `${m}: accepted value breaks the contract: ${JSON.stringify(r.value)}`,
        );
        // the host skips measuring methods whose validated params cannot exceed its limit
        assert.ok((JSON.stringify(r.value)?.length ?? 0) <= PARAMS_MAX_BYTES[m], `${m}: over its bound`);
        // what a handler got passes validation again, unchanged: nothing half-cleaned
        assert.deepStrictEqual(validateParams(m, r.value), r.value);
      }),
      600,
    );
  }
});

test('PARAMS_MAX_BYTES bounds the longest params each bounded method accepts', () => {
  // the worst case: every character at its limit and escaped by JSON.stringify as \uXXXX
  const worst = (n) => '\u0001'.repeat(n);
  const longest = {
    'context.get': undefined,
    'auth.getToken': undefined,
    'ui.resize': { height: LIMITS.maxHeight - 0.5 },
    'ui.focusHost': { direction: 'backward' },
    'ui.announce': { text: worst(LIMITS.announce), politeness: 'assertive' },
    'storage.get': { key: worst(LIMITS.key) },
    // a path may hold no control character, but a lone surrogate is escaped as \uXXXX too
    'navigation.open': { pluginId: worst(LIMITS.id), path: `/${'\ud800'.repeat(LIMITS.path - 1)}` },
  };
  for (const m of HOST_METHODS) {
    if (!(m in longest)) {
      assert.equal(PARAMS_MAX_BYTES[m], Infinity, `${m} is measured on every call`);
      continue;
    }
    const size = JSON.stringify(validateParams(m, longest[m]))?.length ?? 0;
    assert.ok(size <= PARAMS_MAX_BYTES[m], `${m}: ${size} > ${PARAMS_MAX_BYTES[m]}`);
    // and the bound is tight enough to matter: within a few bytes of the real worst case
    assert.ok(PARAMS_MAX_BYTES[m] - size < 8, `${m}: bound ${PARAMS_MAX_BYTES[m]} is loose (${size})`);
  }
});

test('storage.set keeps any JSON value exactly, prototype-looking keys included', async () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  const tricky = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'a'), json, {
    minKeys: 1,
  });
  await holds(
    'storage.set value round trip',
    // as the wire delivers them: plain objects, own "__proto__" keys kept (JSON.parse and structured clone do)
    fc.property(
      fc.oneof(json, tricky).map((v) => JSON.parse(JSON.stringify(v))),
      (value) => {
        const r = outcome('storage.set', { key: 'k', value });
        // JSON numbers such as -0 are finite; everything fc.jsonValue makes is storable
        assert.ok(r.ok, r.error?.message);
        assert.deepStrictEqual(r.value.value, value);
        assert.equal(Object.getPrototypeOf(r.value.value ?? {}), Object.getPrototypeOf(value ?? {}));
      },
    ),
    1000,
  );
});
