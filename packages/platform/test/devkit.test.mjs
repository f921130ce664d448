// @digione/platform against the real devkit: the built package runs in headless Chromium on a
// page of its own origin (a client origin of the provider, as a vendor app would be), signs in
// through the real OIDC provider, pages the real OneRoster API, receives notifications over the
// real SSE stream and resumes it, mints plugin sessions, renews with the rotating refresh token,
// signs out at the provider. Needs `npm run build` (tsc output of context, platform, devkit).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { startDevkit, PLATFORM_API, CLIENT_ID } from '@digione/devkit';
import { chromeArgs, chromePath } from '../../../scripts/chrome.mjs';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const PLUGINS = ['fi.test.alpha', 'fi.test.beta'].map((id) => ({
  id,
  name: { fi: id },
  version: '1.0.0',
  vendor: 'Testi Oy',
  kind: 'iframe',
  entry: 'http://127.0.0.1:1/',
  permissions: ['token', 'storage'],
  roles: ['teacher'],
}));

let dk, fixture, browser, page, jwks;
let fixtureUrl;

/** The test page: two <d1-platform> with the same configuration, the package from its dist/. */
function testPage() {
  const map = {
    imports: {
      '@digione/platform': '/packages/platform/dist/index.js',
      '@digione/platform/': '/packages/platform/dist/',
      '@digione/context': '/packages/context/dist/index.js',
      '@lit/context': '/node_modules/@lit/context/index.js',
      tslib: '/node_modules/tslib/tslib.es6.mjs',
    },
  };
  // the api attribute in the devkit's /api/config form (`.../api`) on one, the bare origin on the other
  return `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>platform e2e</title>
<script type="importmap">${JSON.stringify(map)}</script>
<script type="module">
  import * as d1 from '@digione/platform';
  import '@digione/platform/define/d1-platform.js';
  window.d1 = d1;
  window.added = [];
  const a = document.getElementById('a');
  a.services.notifications.subscribe((_l, added) => window.added.push(...added.map((n) => n.id)));
  window.ready = true;
</script></head><body>
<d1-platform id="a" issuer="${dk.issuer}" client-id="${CLIENT_ID}" api="${dk.portalUrl}/api"></d1-platform>
<d1-platform id="b" issuer="${dk.issuer}" client-id="${CLIENT_ID}" api="${dk.portalUrl}/api"></d1-platform>
</body></html>`;
}

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json', '.html': 'text/html' };

/** A static server for the test page and the built packages (a vendor's own origin). */
function startFixture() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(testPage());
    }
    const allowed = ['/packages/', '/node_modules/'].some((p) => path.startsWith(p));
    const file = normalize(join(root, path));
    if (!allowed || !file.startsWith(root + sep) || !existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// --- helpers -----------------------------------------------------------------------------------

const state = (id = 'a') =>
  page.evaluate((id) => {
    const s = document.getElementById(id).store.get();
    return {
      status: s.auth.status,
      error: s.auth.error?.code ?? null,
      userId: s.user?.id ?? null,
      roles: s.user?.roles ?? [],
      activeRole: s.activeRole,
      organizations: s.organizations,
      displayName: s.user?.displayName ?? null,
      locale: s.locale.ui,
    };
  }, id);

const waitStatus = (status, id = 'a') =>
  page.waitForFunction(
    ([id, status]) => window.ready && document.getElementById(id).store.get().auth.status === status,
    [id, status],
    { timeout: 15000 },
  );

const token = () => page.evaluate(() => document.getElementById('a').services.auth.getAccessToken());

/** Start a sign-in from the page and land on the provider's sign-in page. */
async function toSignInPage() {
  await page.evaluate(() => void document.getElementById('a').services.auth.signIn());
  await page.waitForURL((u) => u.href.startsWith(`${dk.issuer}/interaction/`), { timeout: 15000 });
}

async function signInAs(userId) {
  await toSignInPage();
  await page.click(`button[name="userId"][value="${userId}"]`);
  await page.waitForURL((u) => u.href.startsWith(fixtureUrl), { timeout: 15000 });
  await waitStatus('signed-in');
}

async function api(path, init = {}) {
  const res = await fetch(dk.portalUrl + path, {
    ...init,
    headers: { Authorization: `Bearer ${await token()}`, 'content-type': 'application/json', ...init.headers },
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

const teacher = () => dk.users.find((u) => u.key === 'teacher');

// --- the run -----------------------------------------------------------------------------------

before(async () => {
  for (const p of ['context', 'platform', 'devkit'])
    assert.ok(existsSync(join(root, 'packages', p, 'dist', 'index.js')), `build first: packages/${p}/dist missing`);
  dk = await startDevkit({ port: 0, pluginPort: 0, plugins: PLUGINS, heartbeatMs: 60_000, log: () => {} });
  fixture = await startFixture();
  // localhost, as the provider: the same site, never mixed with 127.0.0.1
  fixtureUrl = `http://localhost:${fixture.address().port}/`;
  jwks = createRemoteJWKSet(new URL(`${dk.issuer}/jwks`));
  browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
  page = await browser.newPage();
  page.on('pageerror', (e) => console.error('[page]', e));
});

after(async () => {
  await browser?.close();
  await dk?.close();
  fixture?.closeAllConnections();
  await new Promise((ok) => (fixture ? fixture.close(ok) : ok()));
});

test('@digione/platform against the devkit', async (t) => {
  await t.test('a fresh page is signed out', async () => {
    await page.goto(fixtureUrl);
    await waitStatus('signed-out');
    assert.deepEqual((await state()).error, null);
  });

  await t.test('a cancelled sign-in comes back as "rejected", with the URL cleaned', async () => {
    await toSignInPage();
    await page.click('form[action$="/abort"] button');
    await page.waitForURL((u) => u.href.startsWith(fixtureUrl), { timeout: 15000 });
    await waitStatus('error');
    assert.equal((await state()).error, 'rejected');
    assert.equal(page.url(), fixtureUrl);
  });

  await t.test('signs in through the provider as the teacher of two schools, from a deep link and back to it', async () => {
    // the redirect URI is the bare page; the deep link travels beside the request, by its state
    const deep = `${fixtureUrl}?plugin=fi.test.alpha&group=g-1&path=%2Ftask%2F3#top`;
    await page.addInitScript(() => {
      window.pops = [];
      addEventListener('popstate', () => window.pops.push(location.href));
    });
    await page.goto(deep);
    await waitStatus('signed-out');
    let redirectUri;
    const onRequest = (r) => {
      if (r.url().startsWith(`${dk.issuer}/auth?`)) redirectUri = new URL(r.url()).searchParams.get('redirect_uri');
    };
    page.on('request', onRequest);
    await signInAs(teacher().id);
    page.off('request', onRequest);
    assert.equal(redirectUri, fixtureUrl, 'the provider is sent the registered redirect URI, without the query');
    assert.equal(page.url(), deep, 'back at the deep link; code and state are gone from the URL');
    assert.deepEqual(await page.evaluate(() => window.pops), [deep], 'one popstate told the router');
    assert.deepEqual(
      await page.evaluate(() => Object.keys(sessionStorage).filter((k) => !k.startsWith('d1.oidc.user:'))),
      [],
      'no pending state or return address is left',
    );
    const s = await state();
    assert.equal(s.userId, teacher().id);
    assert.equal(s.roles.length, 2);
    // the ID token names schools by code; /api/me turned them into OneRoster org sourcedIds
    const orgIds = new Set(dk.data.orgs.map((o) => o.id));
    for (const r of s.roles) assert.ok(orgIds.has(r.orgId), `role org ${r.orgId} is a OneRoster org`);
    assert.deepEqual(s.activeRole, s.roles.find((r) => r.roleType === 'primary'));
    const schoolNames = s.roles.map((r) => Object.values(s.organizations[r.orgId].name).join('/'));
    assert.equal(new Set(schoolNames).size, 2, schoolNames.join(', '));
    // the second widget shares the session: the same store
    assert.ok(await page.evaluate(() => document.getElementById('a').store === document.getElementById('b').store));
    assert.equal((await state('b')).userId, teacher().id);
    // a JWT for the platform API, signed by the provider
    const { payload } = await jwtVerify(await token(), jwks, { issuer: dk.issuer, audience: PLATFORM_API });
    assert.equal(payload.sub, teacher().id);
  });

  await t.test('a role switch on one widget is seen by the other', async () => {
    await page.evaluate(() => {
      const s = document.getElementById('a').store;
      s.update({ activeRole: s.get().user.roles[1] });
    });
    const [a, b] = [await state('a'), await state('b')];
    assert.deepEqual(b.activeRole, a.roles[1]);
  });

  await t.test('pages the roster with limit/offset until X-Total-Count', async () => {
    const r = await page.evaluate(async (userId) => {
      const el = document.getElementById('a');
      const api = new window.d1.ApiClient({ api: el.api, auth: el.services.auth });
      const progress = [];
      const small = new window.d1.OneRosterService({ api, pageSize: 2 });
      const paged = await small.groupsForUser(userId, { onProgress: (p) => progress.push(p) });
      const builtIn = await el.services.roster.groupsForUser(userId);
      return {
        progress,
        ids: paged.groups.map((g) => g.id).sort(),
        builtInIds: builtIn.groups.map((g) => g.id).sort(),
        kinds: [...new Set(paged.groups.map((g) => g.kind))].sort(),
        roles: [...new Set(paged.groups.map((g) => g.myRole))],
        schools: paged.organizations.map((o) => o.id).sort(),
        groupSchools: [...new Set(paged.groups.map((g) => g.schoolId))].sort(),
        sessions: paged.sessions.map((s) => s.id),
        sessionRefs: [...new Set(paged.groups.flatMap((g) => g.sessionIds))],
        parents: paged.sessions.map((s) => s.parentId).filter(Boolean),
      };
    }, teacher().id);
    // what the devkit itself says the teacher's classes are (all of them, one request)
    const all = await api(`/ims/oneroster/rostering/v1p2/users/${teacher().id}/classes?limit=10000`);
    const expected = all.body.classes.filter((c) => c.status === 'active').map((c) => c.sourcedId).sort();
    assert.ok(expected.length > 2, 'the teacher has several classes');
    assert.deepEqual(r.ids, expected);
    assert.deepEqual(r.builtInIds, expected);
    assert.equal(r.progress.length, Math.ceil(all.body.classes.length / 2));
    assert.deepEqual(r.progress.at(-1), { loaded: all.body.classes.length, total: all.body.classes.length });
    assert.deepEqual(r.kinds, ['homeroom', 'teachingGroup']);
    assert.deepEqual(r.roles, ['teacher']);
    assert.deepEqual(r.schools, r.groupSchools);
    assert.equal(r.groupSchools.length, 2);
    for (const id of r.sessionRefs) assert.ok(r.sessions.includes(id), `session ${id} is labelled`);
    for (const id of r.parents) assert.ok(r.sessions.includes(id), `parent session ${id} is there too`);
  });

  let n1;
  await t.test('a notification posted for the user arrives over the SSE stream', async () => {
    await page.waitForFunction(() => document.getElementById('a').services.notifications.connection === 'open');
    const posted = await api('/api/notifications', {
      method: 'POST',
      body: JSON.stringify({ title: { fi: 'Uusi tehtävä', sv: 'Ny uppgift' }, severity: 'info' }),
    });
    assert.equal(posted.status, 201);
    n1 = posted.body.id;
    await page.waitForFunction(
      (id) => document.getElementById('a').services.notifications.list().some((n) => n.id === id),
      n1,
    );
    assert.deepEqual(await page.evaluate(() => window.added), [n1]);
  });

  await t.test('a dropped stream resumes with Last-Event-ID: missed events arrive, none twice', async () => {
    // a second feed whose stream the test can cut, and whose reconnect it can hold back
    await page.evaluate(() => {
      const el = document.getElementById('a');
      window.streamRequests = [];
      window.hold = null;
      const cut = async (url, init) => {
        if (!url.endsWith('/api/notifications/stream')) return fetch(url, init);
        window.streamRequests.push(new Headers(init.headers).get('Last-Event-ID'));
        if (window.hold) await window.hold;
        const ac = new AbortController();
        init.signal?.addEventListener('abort', () => ac.abort());
        window.cutStream = () => ac.abort(new TypeError('connection lost'));
        return fetch(url, { ...init, signal: ac.signal });
      };
      const api = new window.d1.ApiClient({ api: el.api, auth: el.services.auth, fetch: cut });
      window.feed2 = new window.d1.PlatformNotificationService({ api, reconnect: { initialMs: 50 } });
      window.added2 = [];
      window.feed2.subscribe((_l, added) => window.added2.push(...added.map((n) => n.id)));
      window.feed2.start();
    });
    await page.waitForFunction(() => window.feed2.connection === 'open' && window.feed2.list().length > 0);
    const second = (await api('/api/notifications', { method: 'POST', body: JSON.stringify({ title: 'Toinen' }) })).body.id;
    await page.waitForFunction((id) => window.feed2.list().some((n) => n.id === id), second);
    const lastId = await page.evaluate(() => window.feed2.lastEventId);
    assert.match(lastId, /^\d+$/);
    await page.evaluate(() => {
      window.hold = new Promise((r) => (window.release = r));
      window.cutStream();
    });
    await page.waitForFunction(() => window.streamRequests.length === 2);
    const missed = (await api('/api/notifications', { method: 'POST', body: JSON.stringify({ title: 'Kolmas' }) })).body.id;
    await page.evaluate(() => window.release());
    await page.waitForFunction((id) => window.feed2.list().some((n) => n.id === id), missed);
    const r = await page.evaluate(() => ({
      requests: window.streamRequests,
      ids: window.feed2.list().map((n) => n.id),
      added: window.added2,
    }));
    assert.deepEqual(r.requests, [null, lastId]);
    assert.equal(new Set(r.ids).size, r.ids.length, 'no duplicates');
    assert.deepEqual(r.added, [second, missed]);
    assert.deepEqual(r.ids.slice(0, 3), [missed, second, n1]);
  });

  await t.test('mark read and dismiss reach the server, and other feeds hear of them', async () => {
    const second = await page.evaluate(() => window.added2[0]);
    await page.evaluate(
      ([a, b]) =>
        Promise.all([
          document.getElementById('a').services.notifications.markRead([a]),
          document.getElementById('a').services.notifications.dismiss(b),
        ]),
      [n1, second],
    );
    const list = (await api('/api/notifications')).body;
    assert.ok(list.find((n) => n.id === n1).readAt, 'read on the server');
    assert.ok(!list.some((n) => n.id === second), 'dismissed on the server');
    await page.waitForFunction(
      ([a, b]) =>
        window.feed2.list().find((n) => n.id === a)?.readAt && !window.feed2.list().some((n) => n.id === b),
      [n1, second],
    );
    await page.evaluate(() => window.feed2.stop());
  });

  await t.test('plugin sessions: pairwise, verifiable, cached; plugin storage', async () => {
    const r = await page.evaluate(async () => {
      const ps = document.getElementById('a').services.pluginSessions;
      const a1 = await ps.session('fi.test.alpha');
      const a2 = await ps.session('fi.test.alpha');
      const b = await ps.session('fi.test.beta');
      const unset = await ps.storageGet('fi.test.alpha', 'progress');
      await ps.storageSet('fi.test.alpha', 'progress', { level: 3 });
      const set = await ps.storageGet('fi.test.alpha', 'progress');
      const big = await ps.storageSet('fi.test.alpha', 'big', 'x'.repeat(70_000)).catch((e) => e.code);
      return { a1, a2, b, unset: unset === undefined, set, big };
    });
    assert.equal(r.a1.token, r.a2.token, 'cached');
    assert.notEqual(r.a1.sub, r.b.sub, 'pairwise: different per plugin');
    assert.notEqual(r.a1.sub, teacher().id);
    const { payload } = await jwtVerify(r.a1.token, jwks, { issuer: dk.issuer, audience: 'fi.test.alpha' });
    assert.equal(payload.sub, r.a1.sub);
    assert.ok(Math.abs(r.a1.expiresAt - payload.exp * 1000) < 1000);
    assert.equal(r.unset, true);
    assert.deepEqual(r.set, { level: 3 });
    assert.equal(r.big, 'QUOTA_EXCEEDED');
  });

  await t.test('renews through the rotating refresh token, for the platform API', async () => {
    const key = `d1.oidc.user:${dk.issuer}:${CLIENT_ID}`;
    const before = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)), key);
    const renewed = await page.evaluate(() => document.getElementById('a').services.auth.renew().then((u) => !!u));
    assert.equal(renewed, true);
    const after = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)), key);
    assert.notEqual(after.access_token, before.access_token);
    assert.notEqual(after.refresh_token, before.refresh_token, 'rotated');
    await jwtVerify(after.access_token, jwks, { issuer: dk.issuer, audience: PLATFORM_API });
    assert.equal((await state()).status, 'signed-in');
    assert.equal((await api('/api/me')).status, 200);
  });

  await t.test('a reload restores the session without visiting the provider', async () => {
    const authorizeRequests = [];
    const onRequest = (r) => r.url().startsWith(`${dk.issuer}/auth`) && authorizeRequests.push(r.url());
    page.on('request', onRequest);
    await page.reload();
    await waitStatus('signed-in');
    page.off('request', onRequest);
    assert.deepEqual(authorizeRequests, []);
    assert.equal((await state('b')).userId, teacher().id);
  });

  await t.test('signs out at the provider (RP-initiated); the next sign-in asks again', async () => {
    const atProvider = page.waitForEvent('framenavigated', {
      predicate: (f) => f === page.mainFrame() && f.url().startsWith(dk.issuer),
      timeout: 15000,
    });
    await page.evaluate(() => void document.getElementById('b').services.auth.signOut());
    await atProvider;
    await page.waitForURL((u) => u.href.startsWith(fixtureUrl), { timeout: 15000 });
    await waitStatus('signed-out');
    assert.equal(await token(), null);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'no tokens or state left');
    // the provider's session is gone: it shows the sign-in page instead of coming straight back
    await toSignInPage();
    await page.click(`button[name="userId"][value="${teacher().id}"]`);
    await page.waitForURL((u) => u.href.startsWith(fixtureUrl), { timeout: 15000 });
    await waitStatus('signed-in');
  });

  await t.test('a refresh token the provider refuses ends the session as "expired"', async () => {
    const key = `d1.oidc.user:${dk.issuer}:${CLIENT_ID}`;
    const { refresh_token } = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)), key);
    const res = await fetch(`${dk.issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refresh_token, token_type_hint: 'refresh_token', client_id: CLIENT_ID }),
    });
    assert.equal(res.status, 200);
    const t2 = await page.evaluate(() =>
      document.getElementById('a').services.auth.getAccessToken({ forceRefresh: true }),
    );
    assert.equal(t2, null);
    const s = await state();
    assert.deepEqual([s.status, s.error, s.userId], ['signed-out', 'expired', null]);
    assert.equal((await state('b')).status, 'signed-out');
  });
});
