// The examples as data and as a vendor backend, without a browser: every example manifest is
// valid against the published schema (packages/plugin-host/manifest.schema.json, with ajv) and
// against the portal's own validator, as the devkit serves it; the city portal's brand is the
// design system's Kuusikoski brand and passes its checks; the exercise plugin's backend example
// verifies a real plugin token and notifies the user with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import Ajv from 'ajv';
import { startPlatform } from './harness.mjs';
import { signIn } from '../../packages/devkit/test/helpers.mjs';
import { notifyUser, pluginTokenVerifier } from '../../examples/plugins/exercise/backend/vendor-backend.mjs';

const root = new URL('../../', import.meta.url);
const json = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const exampleDirs = readdirSync(new URL('examples/plugins/', root), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`examples/plugins/${d.name}/manifest.json`, root)))
  .map((d) => d.name);

let dk;
before(async () => {
  dk = await startPlatform();
});
after(async () => {
  await dk?.close();
});

test('every example plugin is registered and its manifest is valid against the schema', async () => {
  assert.deepEqual(exampleDirs.sort(), ['exercise', 'timetable']);
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(json('packages/plugin-host/manifest.schema.json'));
  const { validateManifest } = await import('@digione/plugin-host');
  const served = dk.plugins();
  for (const dir of exampleDirs) {
    const own = json(`examples/plugins/${dir}/manifest.json`);
    const manifest = served.find((m) => m.id === own.id);
    assert.ok(manifest, `${dir}: served by the devkit`);
    // relative URLs are resolved where the devkit serves the folder (the published form is absolute)
    for (const f of ['entry', 'module', 'icon'])
      if (own[f]) assert.equal(manifest[f], `${dk.pluginUrl}/plugins/${dir}/${own[f]}`);
    assert.ok(validate(manifest), `${dir}: ${ajv.errorsText(validate.errors)}`);
    const r = validateManifest(manifest);
    assert.ok(r.ok, `${dir}: ${JSON.stringify(r.errors)}`);
    // the files it names exist
    for (const f of ['entry', 'module', 'icon'])
      if (own[f])
        assert.ok(existsSync(new URL(`examples/plugins/${dir}/${own[f]}`, root)), `${dir}: ${own[f]}`);
  }
  const kinds = exampleDirs.map((d) => json(`examples/plugins/${d}/manifest.json`).kind).sort();
  assert.deepEqual(kinds, ['iframe', 'module'], 'one plugin of each kind');
  const exercise = json('examples/plugins/exercise/manifest.json');
  // `roster`: it reads the group's class list through OneRoster with its token
  for (const p of ['token', 'roster', 'notifications', 'storage', 'context.group'])
    assert.ok(exercise.permissions.includes(p), `the exercise tool asks for ${p}`);
});

test("the city portal's brand is the design system's Kuusikoski brand, and it passes the checks", async () => {
  const brand = json('examples/city-portal/brand.json');
  assert.deepEqual(brand, json('packages/ui/src/themes/brands/kuusikoski.json'), 'no drift between the two');
  const { checkBrand } = await import('@digione/ui/shared/index.js');
  assert.deepEqual(checkBrand(brand), []);
});

test('the vendor backend example verifies a plugin token and notifies the user with it', async () => {
  const teacher = dk.users.find((u) => u.key === 'teacher');
  const { tokens } = await signIn(dk, 'teacher');
  const userToken = tokens.access_token;
  const session = await fetch(`${dk.portalUrl}/api/plugin-sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${userToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ pluginId: 'fi.oppimo.harjoitukset' }),
  }).then((r) => r.json());

  const verify = pluginTokenVerifier({ issuer: dk.issuer, pluginId: 'fi.oppimo.harjoitukset' });
  const claims = await verify(session.token);
  assert.equal(claims.sub, session.sub, 'the pairwise subject');
  assert.notEqual(claims.sub, teacher.id, 'never the user id');
  // another plugin's audience is refused
  const other = pluginTokenVerifier({ issuer: dk.issuer, pluginId: 'fi.kuusikoski.lukujarjestys' });
  await assert.rejects(other(session.token), /aud/);

  const sent = await notifyUser(`${dk.portalUrl}/api`, session.token, {
    title: { fi: 'Palautus arvioitu', sv: 'Inlämningen bedömd', en: 'Hand-in graded' },
    severity: 'success',
  });
  assert.equal(sent.source.pluginId, 'fi.oppimo.harjoitukset');
  const inbox = await fetch(`${dk.portalUrl}/api/notifications`, {
    headers: { authorization: `Bearer ${userToken}` },
  }).then((r) => r.json());
  assert.equal(inbox[0].id, sent.id, 'the teacher got it');
  assert.equal(inbox[0].source.vendorName, 'Oppimo Oy');
});
