// Static serving on both origins (content types, no traversal), the digione-dev CLI, and the
// generated data (deterministic, realistic, scalable).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DevkitError, generateData } from '@digione/devkit';
import { FINNISH, SWEDISH } from '@digione/devkit/data/names.js';
import { start, TODAY } from './helpers.mjs';

const BIN = fileURLToPath(new URL('../bin/digione-dev.js', import.meta.url));
let root;
let dk;
const warnings = [];
before(async () => {
  root = mkdtempSync(join(tmpdir(), 'digione-root-'));
  const file = (path, text) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  file('secret.txt', 'TOP SECRET');
  file('examples/city-portal/index.html', '<!doctype html><title>Portal</title>');
  file('examples/city-portal/app.js', 'export const x = 1;');
  file('examples/city-portal/theme.css', 'body{}');
  file('examples/city-portal/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  file('examples/city-portal/.env', 'SECRET=1');
  file('examples/vendor-app/index.html', '<!doctype html><title>Vendor</title>');
  file('examples/plugins/demo/manifest.json', JSON.stringify({ id: 'fi.example.demo', name: { fi: 'Demo' }, version: '1.0.0', vendor: 'Demo Oy', kind: 'iframe', entry: 'index.html' }));
  file('examples/plugins/demo/index.html', '<!doctype html><title>Demo plugin</title>');
  file('examples/plugins/broken/manifest.json', '{ "id": 12 }');
  file('dist/cdn/digione.js', 'console.log("bundle")');
  file('dist/cdn/digione.js.map', '{}');
  file('node_modules/lit/index.js', 'export {}');
  file('packages/ui/dist/index.js', 'export {}');
  file('packages/ui/src/index.ts', 'export {}');
  symlinkSync(join(root, 'secret.txt'), join(root, 'examples', 'city-portal', 'link.txt'));
  dk = await start({ root, log: (m) => warnings.push(m) });
});
after(() => dk.close());

/** GET a raw path exactly as written (fetch would normalise ../ away). */
function raw(base, path, method = 'GET') {
  const u = new URL(base);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname === 'localhost' ? '127.0.0.1' : u.hostname, port: u.port, path, method }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('portal origin: examples, the built bundle and package dists with the right content types', async () => {
  const cases = [
    ['/', 'text/html; charset=utf-8', /Portal/],
    ['/index.html', 'text/html; charset=utf-8', /Portal/],
    ['/app.js', 'text/javascript; charset=utf-8', /export/],
    ['/theme.css', 'text/css; charset=utf-8', /body/],
    ['/logo.svg', 'image/svg+xml', /svg/],
    ['/vendor-app/', 'text/html; charset=utf-8', /Vendor/],
    ['/dist/cdn/digione.js', 'text/javascript; charset=utf-8', /bundle/],
    ['/dist/cdn/digione.js.map', 'application/json; charset=utf-8', /\{\}/],
    ['/node_modules/lit/index.js', 'text/javascript; charset=utf-8', /export/],
    ['/packages/ui/dist/index.js', 'text/javascript; charset=utf-8', /export/],
  ];
  for (const [path, type, body] of cases) {
    const res = await raw(dk.portalUrl, path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['content-type'], type, path);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(res.body, body, path);
  }
  const head = await raw(dk.portalUrl, '/app.js', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  const redirect = await raw(dk.portalUrl, '/vendor-app');
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.location, '/vendor-app/');
});

test('no directory traversal, dotfiles, symlinks out, listings or writes', async () => {
  const attempts = [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/dist/..%2f..%2fsecret.txt',
    '/dist/%2e%2e/%2e%2e/secret.txt',
    '/vendor-app/..%5c..%5csecret.txt',
    '/vendor-app/%2e%2e%5csecret.txt',
    '/node_modules/..%2f..%2fsecret.txt',
    '/packages/ui/dist/..%2f..%2f..%2fsecret.txt',
    '/secret.txt%00.html',
    '/%c0%ae%c0%ae/secret.txt',
    '/.env',
    '/%2eenv',
    '/link.txt',
    '/packages/ui/src/index.ts',
  ];
  for (const path of attempts) {
    const res = await raw(dk.portalUrl, path);
    assert.ok(res.status >= 400 && res.status < 500, `${path} -> ${res.status}`);
    assert.doesNotMatch(res.body, /TOP SECRET|SECRET=1/, path);
    assert.ok(res.body.length > 5, `${path}: a reason`);
  }
  for (const path of attempts.slice(0, 6)) {
    const res = await raw(dk.pluginUrl, `/plugins${path}`);
    assert.ok(res.status >= 400 && res.status < 500, `plugins ${path} -> ${res.status}`);
    assert.doesNotMatch(res.body, /TOP SECRET/);
  }
  assert.equal((await raw(dk.portalUrl, '/dist/')).status, 404, 'no listings');
  assert.equal((await raw(dk.portalUrl, '/no/such/file.js')).status, 404);
  const post = await raw(dk.portalUrl, '/index.html', 'POST');
  assert.equal(post.status, 405);
  assert.match(post.headers.allow, /GET/);
});

test('plugin origin: example plugins on 127.0.0.1 with CORS for module plugins; invalid manifests skipped', async () => {
  const res = await raw(dk.pluginUrl, '/plugins/demo/index.html');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(res.headers['access-control-allow-origin'], '*');
  assert.equal((await raw(dk.pluginUrl, '/dist/cdn/digione.js')).status, 200);
  assert.equal(new URL(dk.pluginUrl).hostname, '127.0.0.1');
  const list = await (await fetch(`${dk.portalUrl}/api/plugins`)).json();
  assert.deepEqual(list.map((m) => m.id), ['fi.example.demo']);
  assert.equal(list[0].entry, `${dk.pluginUrl}/plugins/demo/index.html`);
  const index = await raw(dk.pluginUrl, '/');
  assert.match(index.body, /fi\.example\.demo/);
  // the skipped one is named with every error by path, once
  const skipped = warnings.filter((w) => w.includes(join('broken', 'manifest.json')));
  assert.equal(skipped.length, 1, warnings.join('\n'));
  assert.match(skipped[0], /^skipped invalid plugin manifest .*broken.manifest\.json \(5 errors\):\n  \/name: is required\n  \/version: is required\n  \/vendor: is required\n  \/kind: is required\n  \/id: must be a string \(got 12\)$/);
});

test('without the portal example, / shows the built-in page with the URLs and demo users', async () => {
  const bare = await start({ root: mkdtempSync(join(tmpdir(), 'digione-empty-')) });
  try {
    const fi = await (await fetch(`${bare.portalUrl}/`)).text();
    assert.match(fi, /<html lang="fi">/);
    assert.match(fi, /ei ole vielä rakennettu/);
    for (const u of bare.users) assert.ok(fi.includes(u.displayName.replace(/&/g, '&amp;')), u.key);
    assert.ok(fi.includes(`${bare.issuer}`));
    const en = await (await fetch(`${bare.portalUrl}/`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text();
    assert.match(en, /is not built yet/);
    assert.equal((await fetch(`${bare.portalUrl}/vendor-app/`)).status, 404);
    assert.deepEqual(await (await fetch(`${bare.portalUrl}/api/plugins`)).json(), []);
  } finally {
    await bare.close();
  }
});

function run(args, { until, timeout = 20_000 } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise((ok) => child.on('exit', (code) => ok(code)));
  const started = until
    ? new Promise((ok, fail) => {
        const t = setTimeout(() => fail(new Error(`no "${until}" in ${timeout} ms:\n${out}\n${err}`)), timeout);
        const check = () => out.includes(until) && (clearTimeout(t), ok());
        child.stdout.on('data', check);
        exited.then(() => fail(new Error(`exited early:\n${out}\n${err}`)));
      })
    : undefined;
  return { child, exited, started, output: () => ({ out, err }) };
}

test('CLI: start-up banner, Ctrl+C stops cleanly', async () => {
  const p = run(['--port', '0', '--plugin-port', '0', '--seed', 'cli-test'], { until: 'Press Ctrl+C to stop.' });
  await p.started;
  const { out } = p.output();
  const portal = /City portal\s+(http:\/\/localhost:\d+)\//.exec(out)[1];
  assert.match(out, /Plugins\s+http:\/\/127\.0\.0\.1:\d+\//);
  assert.match(out, /OIDC issuer\s+http:\/\/localhost:\d+\/oidc/);
  assert.match(out, /Demo users/);
  assert.match(out, /Guardian of/);
  assert.match(out, /seed "cli-test"/);
  assert.equal((await fetch(`${portal}/api/config`)).status, 200);
  p.child.kill('SIGINT');
  assert.equal(await p.exited, 0);
  assert.match(p.output().out, /Stopped\./);
  await assert.rejects(fetch(`${portal}/api/config`), 'the port is closed');
});

test('CLI: a port in use, bad flags and a missing manifest are clear errors', async () => {
  const blocker = createServer();
  await new Promise((ok) => blocker.listen(0, '127.0.0.1', ok));
  const busy = blocker.address().port;
  try {
    const p = run(['--port', String(busy), '--plugin-port', '0']);
    assert.equal(await p.exited, 1);
    assert.match(p.output().err, new RegExp(`Port ${busy} \\(portal\\) is already in use`));
    const q = run(['--port', '0', '--plugin-port', String(busy)]);
    assert.equal(await q.exited, 1);
    assert.match(q.output().err, /already in use.*--plugin-port/s);
  } finally {
    blocker.close();
  }
  for (const [args, pattern] of [
    [['--port', 'x'], /--port must be a port number/],
    [['--port', '70000'], /--port must be a port number/],
    [['--scale', '-3'], /--scale must be a number/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--redirect-uri', 'not a url'], /--redirect-uri must be an absolute URL/],
    [['--today', '2026-13-45'], /--today must be a date/],
    // exact origins only: no bare host, path, query, wildcard, credentials or other scheme
    ...['localhost:4512', 'http://x/path', 'http://x/?q', 'http://*.example.fi', 'http://u:p@x', 'ftp://x', '*'].map((o) => [
      ['--portal-origin', o],
      new RegExp(`--portal-origin must be an origin such as http://localhost:4512 .*got "${o.replace(/[.*?]/g, '\\$&')}"`),
    ]),
  ]) {
    const p = run(args);
    assert.equal(await p.exited, 2, args.join(' '));
    assert.match(p.output().err, pattern);
  }
  const m = run(['--port', '0', '--plugin-port', '0', '--plugin', '/no/such/manifest.json']);
  assert.equal(await m.exited, 1);
  assert.match(m.output().err, /plugin manifest not found/);
  const help = run(['--help']);
  assert.equal(await help.exited, 0);
  assert.match(help.output().out, /--plugin FILE/);
  assert.match(help.output().out, /--portal-origin O/);
});

/** A free port on 127.0.0.1 (and closed again). */
async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

// The review's broken manifest: a valid id and eight errors, each of which the portal would refuse.
const BROKEN = {
  id: 'fi.reviewer.rikki',
  name: { de: 'Kaputt' },
  version: '1.0',
  vendor: 42,
  kind: 'frame',
  permissions: ['camera', 'token'],
  roles: ['pupil'],
  minHeight: -5,
  premissions: ['storage'],
};
const BROKEN_ERRORS = [
  ['/premissions', /is not a manifest field/],
  ['/name/de', /is not a known language/],
  ['/version', /must be a semantic version/],
  ['/vendor', /must be a name or an object/],
  ['/kind', /must be "iframe" or "module"/],
  ['/permissions/0', /must be one of .*\(got "camera"\)/],
  ['/roles/0', /must be one of .*\(got "pupil"\)/],
  ['/minHeight', /must be a whole number/],
];

test('--plugin: an invalid manifest stops the start with every error by path, in the API and the CLI', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digione-manifests-'));
  const bad = join(dir, 'manifest.json');
  writeFileSync(bad, JSON.stringify(BROKEN));
  const badId = join(dir, 'badid.json');
  writeFileSync(badId, JSON.stringify({ ...BROKEN, id: 'Fi.Reviewer.Broken!', permissions: ['camera', 'token', 'token'] }));
  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify({ id: 'fi.example.good', name: { fi: 'Hyvä' }, version: '1.0.0', vendor: 'Hyvä Oy', kind: 'iframe', entry: 'index.html' }));
  const port = await freePort();

  const err = await start({ port, plugins: [good, bad, { ...BROKEN, id: 'fi.example.object', version: '1.0.0' }] }).then(
    async (started) => (await started.close(), assert.fail('started with invalid manifests')),
    (e) => e,
  );
  assert.ok(err instanceof DevkitError, String(err));
  assert.equal(err.code, 'invalid_manifest');
  // every error of every invalid manifest, by manifest and path; the valid one has none
  assert.deepEqual(
    err.errors.filter((e) => e.manifest === bad).map((e) => e.path),
    BROKEN_ERRORS.map(([path]) => path),
  );
  for (const [path, message] of BROKEN_ERRORS) assert.match(err.errors.find((e) => e.manifest === bad && e.path === path).message, message);
  assert.deepEqual(err.errors.filter((e) => e.manifest === 'plugins[2]').map((e) => e.path), BROKEN_ERRORS.map(([p]) => p).filter((p) => p !== '/version'));
  assert.ok(!err.errors.some((e) => e.manifest === good));
  assert.match(err.message, new RegExp(`invalid plugin manifest ${bad.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} \\(8 errors\\):\n  /premissions: `));
  // nothing is left listening: the same port starts cleanly
  const again = await start({ port, plugins: [good] });
  try {
    assert.deepEqual(again.plugins().map((m) => m.id).filter((id) => id === 'fi.example.good'), ['fi.example.good']);
  } finally {
    await again.close();
  }

  // the CLI: a clear error listing every error by path, exit 1, no banner claiming it registered
  for (const [file, expected] of [
    [bad, BROKEN_ERRORS],
    [badId, [['/id', /must be a lower-case reverse-DNS id/], ['/permissions/2', /repeats "token"/], ...BROKEN_ERRORS]],
  ]) {
    const p = run(['--port', '0', '--plugin-port', '0', '--plugin', good, '--plugin', file]);
    // a CLI that starts anyway is stopped, so the failure shows instead of a hang
    p.child.stdout.on('data', () => p.output().out.includes('Press Ctrl+C') && p.child.kill('SIGINT'));
    assert.equal(await p.exited, 1, p.output().out);
    const { out, err: stderr } = p.output();
    assert.doesNotMatch(out, /Plugins registered/);
    assert.match(stderr, new RegExp(`^digione-dev: invalid plugin manifest .*${file.slice(dir.length + 1)} \\(${expected.length} errors\\):`));
    for (const [path, message] of expected)
      assert.match(stderr, new RegExp(`\n  ${path}: ${message.source}`), `${path} in:\n${stderr}`);
  }
});

test('--plugin: a manifest edited into an invalid one is skipped with every error, and back when fixed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digione-edit-'));
  const file = join(dir, 'manifest.json');
  const valid = { id: 'fi.example.edit', name: { fi: 'Muokattava' }, version: '1.0.0', vendor: 'Muokkaus Oy', kind: 'iframe', entry: 'index.html' };
  writeFileSync(file, JSON.stringify(valid));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Muokattava</title>');
  const logged = [];
  const dk2 = await start({ root: mkdtempSync(join(tmpdir(), 'digione-empty-')), plugins: [file], log: (m) => logged.push(m) });
  try {
    const ids = async () => (await (await fetch(`${dk2.portalUrl}/api/plugins`)).json()).map((m) => m.id);
    assert.deepEqual(await ids(), ['fi.example.edit']);
    writeFileSync(file, JSON.stringify({ ...valid, permissions: ['camera'], minHeight: -5 }));
    assert.deepEqual(await ids(), []);
    await ids(); // warned once, not on every request
    assert.deepEqual(logged, [
      `skipped invalid plugin manifest ${file} (2 errors):\n  /permissions/0: must be one of context.user.name, context.user.email, context.user.learnerNumber, context.school, context.group, notifications, token, roster, storage, navigation (got "camera")\n  /minHeight: must be a whole number of pixels from 0 to 10000 (got -5)`,
    ]);
    writeFileSync(file, JSON.stringify(valid));
    assert.deepEqual(await ids(), ['fi.example.edit']);
  } finally {
    await dk2.close();
  }
});

test('--plugin: a valid manifest whose page is not beside it is served, with a warning naming the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digione-missing-'));
  const file = join(dir, 'manifest.json');
  writeFileSync(file, JSON.stringify({ id: 'fi.example.missing', name: { fi: 'Puuttuva' }, version: '1.0.0', vendor: 'Puute Oy', kind: 'iframe', entry: 'nothere.html?x=1', icon: 'icon.svg' }));
  writeFileSync(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const logged = [];
  const dk2 = await start({ root: mkdtempSync(join(tmpdir(), 'digione-empty-')), plugins: [file], log: (m) => logged.push(m) });
  try {
    const list = await (await fetch(`${dk2.portalUrl}/api/plugins`)).json();
    assert.deepEqual(list.map((m) => m.id), ['fi.example.missing']);
    await fetch(`${dk2.portalUrl}/api/plugins`); // warned once
    assert.deepEqual(logged.filter((m) => m.includes('not found beside')), [
      `plugin manifest ${file}: entry "nothere.html?x=1" not found beside it (the portal will wait for it)`,
    ]);
  } finally {
    await dk2.close();
  }
});

test('portalOrigins: /api/config lists the portals the example plugins accept; --portal-origin adds exact ones', async () => {
  const dk2 = await start({
    root: mkdtempSync(join(tmpdir(), 'digione-empty-')),
    portalOrigins: ['http://localhost:4512/', 'HTTPS://Portal.Example.test'],
    redirectUris: ['http://vendor.example.test:8080/app/callback', 'fi.example.app:/callback'],
    clientOrigins: ['http://localhost:4600/somewhere'],
  });
  try {
    const expected = [dk2.portalUrl, 'http://localhost:4600', 'http://localhost:4512', 'https://portal.example.test', 'http://vendor.example.test:8080'];
    // the same JSON on both origins: the plugins read it from their own
    for (const base of [dk2.portalUrl, dk2.pluginUrl])
      assert.deepEqual((await (await fetch(`${base}/api/config`)).json()).portalOrigins, expected, base);
    // a portal origin is a client origin too: its pages may call the APIs (CORS) and sign in
    const preflight = await fetch(`${dk2.portalUrl}/api/me`, {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example.test', 'access-control-request-method': 'GET' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://portal.example.test');
  } finally {
    await dk2.close();
  }
  // the default: only the devkit's own portal
  assert.deepEqual((await (await fetch(`${dk.pluginUrl}/api/config`)).json()).portalOrigins, [dk.portalUrl]);
  await assert.rejects(start({ portalOrigins: ['http://localhost:4512/app'] }), (e) => e instanceof DevkitError && e.code === 'bad_option' && /portalOrigins: "http:\/\/localhost:4512\/app" is not an origin/.test(e.message));
  // the CLI passes the flag on
  const p = run(['--port', '0', '--plugin-port', '0', '--portal-origin', 'http://localhost:4512', '--portal-origin', 'http://127.0.0.1:4513'], { until: 'Press Ctrl+C to stop.' });
  await p.started;
  const portal = /City portal\s+(http:\/\/localhost:\d+)\//.exec(p.output().out)[1];
  assert.deepEqual((await (await fetch(`${portal}/api/config`)).json()).portalOrigins, [portal, 'http://localhost:4512', 'http://127.0.0.1:4513']);
  p.child.kill('SIGINT');
  assert.equal(await p.exited, 0);
});

test('data: deterministic per seed, Finnish and Swedish names, no PII in ids', () => {
  const a = generateData({ seed: 'x', today: TODAY });
  const b = generateData({ seed: 'x', today: TODAY });
  const c = generateData({ seed: 'y', today: TODAY });
  assert.deepEqual(a.users.map((u) => [u.id, u.givenName, u.familyName]), b.users.map((u) => [u.id, u.givenName, u.familyName]));
  assert.notDeepEqual(a.users.map((u) => u.id), c.users.map((u) => u.id));
  const sv = a.orgs.find((o) => o.lang === 'sv');
  const svPupils = a.users.filter((u) => u.kind === 'student' && u.primaryOrgId === sv.id);
  const swedish = svPupils.filter((u) => [...SWEDISH.girls, ...SWEDISH.boys].includes(u.givenName));
  assert.ok(swedish.length / svPupils.length > 0.8, 'pupils of the Swedish-language school mostly have Swedish names');
  const fiPupils = a.users.filter((u) => u.kind === 'student' && u.primaryOrgId !== sv.id);
  assert.ok(fiPupils.filter((u) => [...FINNISH.girls, ...FINNISH.boys].includes(u.givenName)).length / fiPupils.length > 0.8);
  for (const key of ['pupil', 'teacher', 'substitute', 'principal', 'guardian']) assert.ok(a.demoUsers.some((u) => u.key === key), key);
  const year = a.sessions.find((s) => s.type === 'schoolYear');
  assert.deepEqual([year.startDate, year.endDate, year.schoolYear], ['2026-08-01', '2027-08-01', '2027']);
  // a day in spring is still the same school year; August starts the next
  assert.equal(generateData({ today: '2027-03-01' }).sessions[0].schoolYear, '2027');
  assert.equal(generateData({ today: '2027-08-01' }).sessions[0].schoolYear, '2028');
  for (const u of a.users) assert.ok(!u.id.includes(u.givenName) && !u.id.includes(u.learnerNumber));
  assert.throws(() => generateData({ scale: -1 }), /scale/);
  assert.throws(() => generateData({ today: 'tomorrow' }), /today/);
});

test('data: --scale 1 makes 10,000 groups and about 100,000 users in seconds', () => {
  const t0 = performance.now();
  const big = generateData({ scale: 1, today: TODAY });
  const ms = performance.now() - t0;
  assert.equal(big.classes.length, 10_000);
  assert.ok(Math.abs(big.users.length - 100_000) < 5_000, `${big.users.length} users`);
  assert.ok(ms < 20_000, `${ms.toFixed(0)} ms`);
  const admin = big.demoUsers.find((u) => u.key === 'admin');
  assert.equal(big.enrollmentsByUser.get(admin.id).length, 10_000, 'a benchmark user sees every group');
  console.log(`# scale 1: ${big.classes.length} groups, ${big.users.length} users, ${big.enrollments.length} enrollments in ${ms.toFixed(0)} ms`);
});
