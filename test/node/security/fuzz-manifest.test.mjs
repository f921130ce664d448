// Fuzzing plugin manifests (`validateManifest`, `PluginRegistry`): whatever a vendor (or an
// attacker who controls a vendor's manifest) publishes, the portal gets either a manifest it can
// run without another check, or every error by path; never an exception, and other plugins load on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anyValue, fc, holds, loadSource, nastyKey, nastyString } from './support.mjs';

const { validateManifest, ROLES, SANDBOX_EXTRAS, ALLOW_FEATURES } = await loadSource(
  'packages/plugin-host/src/manifest/manifest.ts',
);
const { PluginRegistry } = await loadSource('packages/plugin-host/src/registry/registry.ts');
const { PERMISSIONS } = await loadSource('packages/context/src/plugin-context.ts');

const FIELDS = [
  '$schema',
  'id',
  'name',
  'description',
  'version',
  'vendor',
  'icon',
  'kind',
  'entry',
  'module',
  'permissions',
  'roles',
  'minHeight',
  'sandbox',
  'allow',
];

const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  nastyString(),
  // pass a pattern of "scheme://something", yet are no URL a browser can parse
  fc.constantFrom(
    'http://x:99999/',
    'http://[::/',
    'https://%zz/',
    'https://xn--/',
    'http://a:b@c/',
    'HTTP://UPPER.example/',
  ),
);
const maybe = (good) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: anyValue() });
const text = fc.dictionary(
  fc.constantFrom('fi', 'sv', 'en', 'se', 'de'),
  maybe(fc.string({ maxLength: 110 })),
  {
    maxKeys: 3,
  },
);
const list = (values) => fc.array(maybe(fc.constantFrom(...values)), { maxLength: 4 });

/** Manifests that are nearly right: each field plausible or garbage, some missing, some extra. */
const nearManifest = fc
  .record(
    {
      id: maybe(fc.oneof(fc.constantFrom('fi.example.tool', 'fi.example.a-b', 'Fi.Bad', 'fi'), fc.domain())),
      name: maybe(text),
      description: maybe(text),
      version: maybe(fc.oneof(fc.constantFrom('1.0.0', '0.1.0-beta.1+b.2', '01.0.0', '1.0'), fc.string())),
      vendor: maybe(
        fc.oneof(
          fc.string({ maxLength: 110 }),
          fc.record({ name: maybe(fc.string()), url: maybe(url) }, { requiredKeys: [] }),
        ),
      ),
      icon: maybe(url),
      kind: maybe(fc.constantFrom('iframe', 'module', 'worker')),
      entry: maybe(url),
      module: maybe(url),
      permissions: maybe(list([...PERMISSIONS, 'camera', 'admin'])),
      roles: maybe(list([...ROLES, 'root'])),
      minHeight: maybe(fc.oneof(fc.integer({ min: -10, max: 10_010 }), fc.double())),
      sandbox: maybe(list([...SANDBOX_EXTRAS, 'allow-top-navigation', 'allow-same-origin'])),
      allow: maybe(list([...ALLOW_FEATURES, 'geolocation', 'usb'])),
    },
    { requiredKeys: [] },
  )
  .chain((m) => fc.dictionary(nastyKey(), anyValue(), { maxKeys: 2 }).map((x) => ({ ...x, ...m })));

const canParse = (u) => {
  try {
    new URL(u);
    return true;
  } catch {
    return false;
  }
};

/** Every promise the validator makes to the portal about a manifest it accepted. */
function assertRunnable(m) {
  assert.match(m.id, /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/);
  assert.ok(m.kind === 'iframe' || m.kind === 'module');
  // the host derives the frame's origin and the module URL with `new URL(...)`: it must not throw
  for (const k of ['entry', 'module', 'icon'])
    if (m[k] !== undefined) assert.ok(canParse(m[k]), `${k} ${JSON.stringify(m[k])} passes but is no URL`);
  if (typeof m.vendor == 'object' && m.vendor.url !== undefined)
    assert.ok(canParse(m.vendor.url), `vendor.url ${JSON.stringify(m.vendor.url)} passes but is no URL`);
  if (m.kind === 'iframe') assert.equal(new URL(m.entry).protocol.startsWith('http'), true);
  for (const p of m.permissions ?? []) assert.ok(PERMISSIONS.includes(p));
  for (const s of m.sandbox ?? []) assert.ok(SANDBOX_EXTRAS.includes(s), `sandbox token ${s}`);
}

function check(json) {
  let r;
  assert.doesNotThrow(() => (r = validateManifest(json)));
  assert.equal(typeof r.ok, 'boolean');
  if (r.ok) {
    assert.equal(r.errors, undefined);
    assert.equal(r.manifest, json);
    assertRunnable(r.manifest);
  } else {
    assert.equal(r.manifest, undefined);
    assert.ok(Array.isArray(r.errors) && r.errors.length > 0, 'a refusal lists at least one error');
    for (const e of r.errors) {
      assert.equal(typeof e.message, 'string');
      assert.ok(e.message.length > 0);
      // '' (the whole manifest) or a JSON pointer into it, starting at a field the vendor wrote or must write
      assert.ok(e.path === '' || e.path.startsWith('/'), `path ${JSON.stringify(e.path)}`);
      if (e.path) {
        // RFC 6901: "~1" is "/" and "~0" is "~" inside a segment
        const top = e.path.split('/')[1].replaceAll('~1', '/').replaceAll('~0', '~');
        assert.ok(top in json || FIELDS.includes(top), `path ${e.path} names no field of the input`);
      }
    }
  }
  return r;
}

test('any JSON at all: a manifest xor errors with paths, never an exception', async () => {
  await holds(
    'validateManifest(any)',
    fc.property(anyValue(), (json) => void check(json)),
    2000,
  );
});

test('nearly valid manifests: accepted ones are runnable (every URL parses), refused ones name each field', async () => {
  await holds(
    'validateManifest(near)',
    fc.property(nearManifest, (json) => void check(json)),
    1500,
  );
});

test('one field of a valid manifest bent: still a manifest xor errors naming that field', async () => {
  const valid = {
    id: 'fi.example.tool',
    name: { fi: 'Työkalu', en: 'Tool' },
    version: '1.0.0',
    vendor: { name: 'Esimerkki Oy', url: 'https://example.com/' },
    icon: 'https://tool.example.com/icon.svg',
    kind: 'iframe',
    entry: 'https://tool.example.com/app/',
    permissions: ['notifications'],
  };
  const values = {
    entry: url,
    module: url,
    icon: url,
    id: fc.oneof(fc.domain(), nastyString()),
    version: fc.string(),
    vendor: fc.oneof(fc.string(), fc.record({ name: fc.string(), url })),
    kind: fc.constantFrom('module', 'iframe', 'x'),
  };
  const bent = fc
    .constantFrom(...Object.keys(values))
    .chain((k) =>
      fc
        .oneof(values[k], anyValue())
        .map((v) => ({ k, m: { ...valid, [k]: v, ...(k === 'kind' ? { module: valid.entry } : {}) } })),
    );
  await holds(
    'validateManifest(valid with one field bent)',
    fc.property(bent, ({ k, m }) => {
      const r = check(m);
      if (!r.ok)
        assert.ok(
          r.errors.every((e) => e.path.startsWith(`/${k}`)),
          JSON.stringify(r.errors),
        );
    }),
    3000,
  );
});

test('a registry loads the valid manifests of any list and reports the rest; it never throws', async () => {
  const warn = console.warn;
  console.warn = () => {};
  try {
    await holds(
      'PluginRegistry.set(list)',
      fc.property(fc.array(fc.oneof(nearManifest, anyValue()), { maxLength: 8 }), (manifests) => {
        const reg = new PluginRegistry();
        let changes = 0;
        reg.addEventListener('change', () => changes++);
        assert.doesNotThrow(() => reg.set(manifests));
        assert.equal(changes, 1);
        assert.equal(
          reg.list().length + reg.errors.length,
          manifests.length,
          'every manifest is loaded or reported',
        );
        for (const m of reg.list()) assertRunnable(m);
        const ids = reg.list().map((m) => m.id);
        assert.equal(new Set(ids).size, ids.length, 'one manifest per id');
      }),
      250,
    );
  } finally {
    console.warn = warn;
  }
});
