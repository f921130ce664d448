// The platform APIs: /api/me, plugin registry, plugin sessions and tokens, plugin storage, and
// notifications with SSE resume.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { start, signIn, get, send } from './helpers.mjs';

const HELLO = 'fi.example.hello';
const QUIZ = 'fi.example.quiz';
let dk;
let pupil;
let teacher;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'digione-devkit-'));
  mkdirSync(join(dir, 'hello'));
  writeFileSync(
    join(dir, 'hello', 'manifest.json'),
    JSON.stringify({ id: HELLO, name: { fi: 'Hei', en: 'Hello' }, version: '1.0.0', vendor: { name: 'Esimerkki Oy' }, kind: 'iframe', entry: 'index.html', icon: 'icon.svg', permissions: ['notifications', 'token', 'roster', 'storage'] }),
  );
  writeFileSync(join(dir, 'hello', 'index.html'), '<!doctype html><title>Hello</title><p>Hello plugin</p>');
  writeFileSync(join(dir, 'broken.json'), '{ not json');
  dk = await start({
    plugins: [join(dir, 'hello', 'manifest.json'), { id: QUIZ, name: { fi: 'Visa' }, version: '2.0.0', vendor: 'Visa Ab', kind: 'iframe', entry: 'https://quiz.example.test/' }],
    heartbeatMs: 200,
  });
  pupil = (await signIn(dk, 'pupil')).tokens.access_token;
  teacher = (await signIn(dk, 'teacher')).tokens.access_token;
});
after(() => dk.close());

async function json(res, status) {
  const text = await res.text();
  assert.equal(res.status, status, text);
  return text ? JSON.parse(text) : undefined;
}
async function apiError(res, status, code) {
  const body = await json(res, status);
  assert.equal(body.error, code, JSON.stringify(body));
  assert.ok(body.message.length > 5, 'a reason');
  return body;
}

test('GET /api/me gives the OneRoster user and their orgs; /api/config tells clients where things are', async () => {
  const me = await json(await get(dk, '/api/me', teacher), 200);
  assert.equal(me.user.sourcedId, dk.users.find((u) => u.key === 'teacher').id);
  assert.deepEqual(me.orgs.map((o) => o.type).sort(), ['district', 'school', 'school']);
  const config = await json(await get(dk, '/api/config'), 200);
  assert.equal(config.issuer, dk.issuer);
  assert.equal(config.clientId, 'digione-portal');
  assert.equal(config.resource, 'urn:digione:platform-api');
  assert.equal(config.pluginUrl, dk.pluginUrl);
  await apiError(await get(dk, '/api/me'), 401, 'unauthorized');
  const bad = await get(dk, '/api/me', 'abc.def.ghi');
  assert.match(bad.headers.get('www-authenticate'), /invalid_token/);
  await apiError(bad, 401, 'invalid_token');
  await apiError(await get(dk, '/api/me', null, { headers: { authorization: 'Basic xyz' } }), 401, 'invalid_request');
  await apiError(await get(dk, '/api/nothing', pupil), 404, 'not_found');
  await apiError(await send(dk, 'POST', '/api/me', pupil, {}), 405, 'method_not_allowed');
});

test('plugin registry: --plugin manifests with URLs resolved on the plugin origin, served from there', async () => {
  const list = await json(await get(dk, '/api/plugins'), 200);
  const hello = list.find((m) => m.id === HELLO);
  assert.equal(hello.entry, `${dk.pluginUrl}/local/1/index.html`);
  assert.equal(hello.icon, `${dk.pluginUrl}/local/1/icon.svg`);
  assert.equal(list.find((m) => m.id === QUIZ).entry, 'https://quiz.example.test/');
  const page = await fetch(hello.entry);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.match(await page.text(), /Hello plugin/);
  // the plugin origin is another site than the portal
  assert.notEqual(new URL(dk.pluginUrl).hostname, new URL(dk.portalUrl).hostname);
});

test('plugin sessions: a JWT for the plugin, verifiable with the JWKS; pairwise subs', async () => {
  const a = await json(await send(dk, 'POST', '/api/plugin-sessions', pupil, { pluginId: HELLO }), 200);
  const b = await json(await send(dk, 'POST', '/api/plugin-sessions', pupil, { pluginId: QUIZ }), 200);
  const again = await json(await send(dk, 'POST', '/api/plugin-sessions', pupil, { pluginId: HELLO }), 200);
  const other = await json(await send(dk, 'POST', '/api/plugin-sessions', teacher, { pluginId: HELLO, permissions: ['token', 'roster'] }), 200);
  const pupilId = dk.users.find((u) => u.key === 'pupil').id;
  assert.equal(a.pluginId, HELLO);
  assert.equal(a.sub, again.sub, 'stable per user and plugin');
  assert.notEqual(a.sub, b.sub, 'different across plugins');
  assert.notEqual(a.sub, other.sub, 'different across users');
  assert.ok(!a.sub.includes(pupilId) && a.sub !== pupilId);
  const jwks = createRemoteJWKSet(new URL(`${dk.issuer}/jwks`));
  const { payload, protectedHeader } = await jwtVerify(a.token, jwks, { issuer: dk.issuer, audience: HELLO });
  assert.equal(protectedHeader.alg, 'RS256');
  assert.equal(payload.sub, a.sub);
  assert.ok(payload.exp - payload.iat <= 300 && payload.exp - payload.iat >= 290, 'five minutes');
  assert.equal(a.expiresAt, payload.exp * 1000);
  assert.deepEqual(payload.permissions, [], 'no grants asked for: none in the token');
  assert.deepEqual((await jwtVerify(other.token, jwks, { issuer: dk.issuer, audience: HELLO })).payload.permissions, ['token', 'roster']);
  await assert.rejects(jwtVerify(a.token, jwks, { issuer: dk.issuer, audience: QUIZ }), /aud/);
  // a vendor backend granted `roster` reads the roster with the plugin token, without learner numbers
  // or e-mail (the teacher's own record: what else each token reaches is in roster-access.test.mjs)
  const teacherId = dk.users.find((u) => u.key === 'teacher').id;
  const asPlugin = await json(await get(dk, `/ims/oneroster/rostering/v1p2/users/${teacherId}`, other.token), 200);
  const asUser = await json(await get(dk, `/ims/oneroster/rostering/v1p2/users/${teacherId}`, teacher), 200);
  assert.ok(asUser.user.userIds && asUser.user.email);
  assert.equal(asPlugin.user.userIds, undefined);
  assert.equal(asPlugin.user.email, undefined);
  await apiError(await get(dk, '/api/me', a.token), 403, 'forbidden');
  // bad input
  await apiError(await send(dk, 'POST', '/api/plugin-sessions', pupil, {}), 400, 'invalid_body');
  await apiError(await send(dk, 'POST', '/api/plugin-sessions', pupil, { pluginId: 'fi.example.nope' }), 404, 'unknown_plugin');
  await apiError(await send(dk, 'POST', '/api/plugin-sessions', pupil, '{"pluginId":'), 400, 'invalid_json');
  await apiError(await send(dk, 'POST', '/api/plugin-sessions', pupil, '[1]'), 400, 'invalid_body');
  const form = await fetch(new URL('/api/plugin-sessions', dk.portalUrl), { method: 'POST', headers: { authorization: `Bearer ${pupil}`, 'content-type': 'text/plain' }, body: 'x' });
  await apiError(form, 415, 'unsupported_media_type');
  await apiError(await send(dk, 'POST', '/api/plugin-sessions', pupil, JSON.stringify({ pluginId: 'x'.repeat(200 * 1024) })), 413, 'payload_too_large');
  await apiError(await send(dk, 'POST', '/api/plugin-sessions', a.token, { pluginId: HELLO }), 403, 'forbidden');
});

test('plugin storage: per user and plugin, quota, plugin token limited to its own plugin', async () => {
  const path = (plugin, key) => `/api/plugin-storage/${encodeURIComponent(plugin)}/${encodeURIComponent(key)}`;
  // unset: 200 without a value (not a 404 the browser logs as a failed request)
  assert.deepEqual(await json(await get(dk, path(HELLO, 'draft'), pupil), 200), {});
  assert.equal((await send(dk, 'PUT', path(HELLO, 'draft'), pupil, { value: { text: 'Hei', n: 1 } })).status, 204);
  assert.deepEqual((await json(await get(dk, path(HELLO, 'draft'), pupil), 200)).value, { text: 'Hei', n: 1 });
  assert.deepEqual(await json(await get(dk, path(HELLO, 'draft'), teacher), 200), {}); // another user
  assert.deepEqual(await json(await get(dk, path(QUIZ, 'draft'), pupil), 200), {}); // another plugin
  // the plugin's backend with its own token sees the same space
  const session = await json(await send(dk, 'POST', '/api/plugin-sessions', pupil, { pluginId: HELLO }), 200);
  assert.deepEqual((await json(await get(dk, path(HELLO, 'draft'), session.token), 200)).value.text, 'Hei');
  await apiError(await get(dk, path(QUIZ, 'draft'), session.token), 403, 'forbidden');
  assert.equal((await send(dk, 'DELETE', path(HELLO, 'draft'), pupil)).status, 204);
  assert.deepEqual(await json(await get(dk, path(HELLO, 'draft'), pupil), 200), {});
  // a stored null is a value, unlike an unset key
  assert.equal((await send(dk, 'PUT', path(HELLO, 'nothing'), pupil, { value: null })).status, 204);
  assert.deepEqual(await json(await get(dk, path(HELLO, 'nothing'), pupil), 200), { value: null });
  // quota: 64 KiB and 100 keys
  await apiError(await send(dk, 'PUT', path(HELLO, 'big'), teacher, { value: 'x'.repeat(70_000) }), 413, 'quota_exceeded');
  for (let i = 0; i < 100; i++) assert.equal((await send(dk, 'PUT', path(HELLO, `k${i}`), teacher, { value: i })).status, 204);
  await apiError(await send(dk, 'PUT', path(HELLO, 'k100'), teacher, { value: 1 }), 413, 'quota_exceeded');
  assert.equal((await send(dk, 'PUT', path(HELLO, 'k5'), teacher, { value: 'overwrite ok' })).status, 204);
  // bad input
  await apiError(await send(dk, 'PUT', path(HELLO, 'x'), pupil, { nothing: 1 }), 400, 'invalid_body');
  // the bridge protocol lets a plugin use keys of up to 256 characters: the platform takes them all
  assert.equal((await send(dk, 'PUT', path(HELLO, 'x'.repeat(256)), pupil, { value: 1 })).status, 204);
  await apiError(await send(dk, 'PUT', path(HELLO, 'x'.repeat(257)), pupil, { value: 1 }), 400, 'invalid_key');
  await apiError(await send(dk, 'PUT', path(HELLO, 'a\u0001b'), pupil, { value: 1 }), 400, 'invalid_key');
  await apiError(await get(dk, path('fi.example.nope', 'x'), pupil), 404, 'unknown_plugin');
  await apiError(await get(dk, `/api/plugin-storage/${HELLO}/%E0%A4%A`, pupil), 400, 'bad_path');
  await apiError(await get(dk, path(HELLO, 'x')), 401, 'unauthorized');
});

/** A minimal EventSource over fetch: events with id, type and data. */
function sse(url, headers = {}) {
  const ctrl = new AbortController();
  const events = [];
  const waiters = [];
  const ready = fetch(url, { headers, signal: ctrl.signal }).then(async (res) => {
    if (res.status !== 200) return res;
    (async () => {
      const decoder = new TextDecoder();
      let buf = '';
      try {
        for await (const chunk of res.body) {
          buf += decoder.decode(chunk, { stream: true });
          let at;
          while ((at = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, at);
            buf = buf.slice(at + 2);
            const e = { id: undefined, event: 'message', data: '', comment: false };
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) e.comment = true;
              else if (line.startsWith('id: ')) e.id = line.slice(4);
              else if (line.startsWith('event: ')) e.event = line.slice(7);
              else if (line.startsWith('data: ')) e.data += line.slice(6);
            }
            events.push(e);
            waiters.splice(0).forEach((w) => w());
          }
        }
      } catch {
        /* aborted */
      }
    })();
    return res;
  });
  return {
    ready,
    events,
    close: () => ctrl.abort(),
    async until(pred, what) {
      const deadline = Date.now() + 5000;
      while (!events.some(pred)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
      return events.find(pred);
    },
  };
}

test('notifications: SSE delivers a posted notification, resumes after reconnect without duplicates', async () => {
  const stream = sse(`${dk.portalUrl}/api/notifications/stream?access_token=${pupil}`);
  const res = await stream.ready;
  assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  const posted = await json(await send(dk, 'POST', '/api/notifications', pupil, { title: { fi: 'Uusi tehtävä', sv: 'Ny uppgift' }, severity: 'info', link: { pluginId: HELLO, path: '/tasks/1' } }), 201);
  assert.equal(posted.source.pluginId, 'platform');
  assert.equal(posted.containsPersonalData, true);
  const first = await stream.until((e) => e.event === 'notification', 'the first notification');
  assert.equal(JSON.parse(first.data).id, posted.id);
  assert.match(first.id, /^\d+$/);
  await stream.until((e) => e.comment && e.data === '' && e.id === undefined && e !== stream.events[0], 'a heartbeat');
  stream.close();

  // while disconnected: two more events, one from the plugin's backend with its token
  const session = await json(await send(dk, 'POST', '/api/plugin-sessions', pupil, { pluginId: HELLO }), 200);
  const fromPlugin = await json(await send(dk, 'POST', '/api/notifications', session.token, { title: 'Palautus arvioitu', severity: 'success' }), 201);
  assert.deepEqual(fromPlugin.source, { pluginId: HELLO, vendorName: 'Esimerkki Oy', icon: `${dk.pluginUrl}/local/1/icon.svg` });
  assert.equal((await send(dk, 'POST', '/api/notifications/read', pupil, { ids: [posted.id] })).status, 204);

  const resumed = sse(`${dk.portalUrl}/api/notifications/stream`, { authorization: `Bearer ${pupil}`, 'last-event-id': first.id });
  await resumed.ready;
  const read = await resumed.until((e) => e.event === 'read', 'the read event');
  const replayed = resumed.events.filter((e) => e.id);
  assert.deepEqual(replayed.map((e) => e.event), ['notification', 'read'], 'only what came after Last-Event-ID');
  assert.equal(JSON.parse(replayed[0].data).id, fromPlugin.id);
  assert.deepEqual(JSON.parse(read.data).ids, [posted.id]);
  assert.ok(Number(replayed[0].id) > Number(first.id) && Number(read.id) > Number(replayed[0].id), 'ids increase');
  resumed.close();

  // the list: newest first, read state kept per user
  const list = await json(await get(dk, '/api/notifications', pupil), 200);
  assert.deepEqual(list.map((n) => n.id), [fromPlugin.id, posted.id]);
  assert.ok(list[1].readAt);
  assert.equal(list[0].readAt, undefined);
  assert.deepEqual(await json(await get(dk, '/api/notifications', teacher), 200), []);
  assert.equal((await send(dk, 'POST', '/api/notifications/read-all', pupil)).status, 204);
  assert.ok((await json(await get(dk, '/api/notifications', pupil), 200)).every((n) => n.readAt));
  assert.equal((await send(dk, 'DELETE', `/api/notifications/${posted.id}`, pupil)).status, 204);
  assert.deepEqual((await json(await get(dk, '/api/notifications', pupil), 200)).map((n) => n.id), [fromPlugin.id]);
});

test('notifications: a user token may name a registered plugin as source; bad input is refused', async () => {
  const n = await json(await send(dk, 'POST', '/api/notifications', teacher, { title: 'Hei', pluginId: QUIZ, body: 'Tervetuloa', groupId: 'g1', containsPersonalData: false }), 201);
  assert.deepEqual(n.source, { pluginId: QUIZ, vendorName: 'Visa Ab' });
  assert.deepEqual(n.title, { fi: 'Hei', sv: 'Hei', en: 'Hei' });
  assert.equal(n.containsPersonalData, false);
  const bad = async (body, code = 'invalid_notification', status = 400, token = teacher) => apiError(await send(dk, 'POST', '/api/notifications', token, body), status, code);
  await bad({});
  await bad({ title: '' });
  await bad({ title: 'x'.repeat(201) });
  await bad({ title: { de: 'Hallo' } });
  await bad({ title: 42 });
  await bad({ title: 'ok', severity: 'fatal' });
  await bad({ title: 'ok', link: { href: 'javascript:alert(1)' } });
  await bad({ title: 'ok', link: { path: 'no-slash' } });
  // as the bridge refuses them: a path that is really another site
  await bad({ title: 'ok', link: { path: '//evil.example/' } });
  await bad({ title: 'ok', link: { path: '/\\evil.example/' } });
  await bad({ title: 'ok', link: { path: '/\t/evil.example/' } });
  await bad({ title: 'ok', link: {} });
  await bad({ title: 'ok', containsPersonalData: 'yes' });
  await bad({ title: 'ok', pluginId: 'fi.example.nope' }, 'unknown_plugin', 404);
  await bad('nope', 'invalid_json');
  await bad({ title: 'ok' }, 'unauthorized', 401, null);
  const session = await json(await send(dk, 'POST', '/api/plugin-sessions', teacher, { pluginId: HELLO }), 200);
  await bad({ title: 'ok', pluginId: QUIZ }, 'forbidden', 403, session.token);
  await apiError(await get(dk, '/api/notifications', session.token), 403, 'forbidden');
  await apiError(await send(dk, 'POST', '/api/notifications/read', teacher, { ids: 'all' }), 400, 'invalid_body');
  await apiError(await send(dk, 'POST', '/api/notifications/read', teacher, { ids: [1, 2] }), 400, 'invalid_body');
  await apiError(await send(dk, 'DELETE', '/api/notifications/no-such-id', teacher), 404, 'not_found');
  await apiError(await get(dk, '/api/notifications/stream?lastEventId=abc', teacher), 400, 'invalid_last_event_id');
  await apiError(await get(dk, '/api/notifications/stream'), 401, 'unauthorized');
  // rate limit: 60 a minute per user
  const guardian = (await signIn(dk, 'guardian')).tokens.access_token;
  let status = 0;
  for (let i = 0; i < 61 && status !== 429; i++) status = (await send(dk, 'POST', '/api/notifications', guardian, { title: `#${i}` })).status;
  assert.equal(status, 429);
});

test('the server survives malformed requests', async () => {
  const net = await import('node:net');
  const { port } = new URL(dk.portalUrl);
  const reply = await new Promise((ok, fail) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('GARBAGE / HTTP/9\r\n\r\n'));
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('end', () => ok(data));
    socket.on('error', fail);
  });
  assert.match(reply, /^HTTP\/1\.1 400/);
  assert.equal((await get(dk, '/api/config')).status, 200, 'still serving');
});

test('every endpoint answers hostile input with a 4xx and a reason, never a 5xx', async () => {
  const u = dk.users[0].id;
  const c = dk.data.classes[0].id;
  const s = dk.data.orgs[1].id;
  const paths = [
    '/api/me', '/api/plugins', '/api/config', '/api/plugin-sessions', `/api/plugin-storage/${HELLO}/k`, '/api/plugin-storage/%00/%00',
    '/api/notifications', '/api/notifications/stream?lastEventId=-1', '/api/notifications/read', '/api/notifications/read-all', '/api/notifications/x',
    '/ims/oneroster/rostering/v1p2/classes', `/ims/oneroster/rostering/v1p2/users/${u}/classes?limit=-5`, `/ims/oneroster/rostering/v1p2/schools/${s}/classes/${c}/students?filter=%27`,
    '/ims/oneroster/rostering/v1p2/users?sort=%00&orderBy=sideways', '/oidc/interaction/%00/login', '/oidc/token', '/oidc/auth?client_id=%00', '/oidc/session/end?post_logout_redirect_uri=javascript:alert(1)',
    '/%', '/dist/%ff%fe', '/vendor-app/../../etc/passwd',
  ];
  const bodies = [undefined, '', 'null', '[]', '{"value":', '"x"', '{"title":{"fi":null},"ids":{"$gt":""},"pluginId":["a"],"value":1e999}', '\u0000'.repeat(10)];
  const tokens = [null, pupil, 'x.y.z'];
  let checked = 0;
  for (const path of paths) {
    for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
      for (const body of method === 'GET' || method === 'DELETE' ? [undefined] : bodies) {
        for (const token of tokens) {
          const res = await fetch(new URL(path, dk.portalUrl), {
            method,
            redirect: 'manual',
            headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
            body,
          });
          const text = res.headers.get('content-type')?.startsWith('text/event-stream') ? (await res.body.cancel(), 'stream') : await res.text();
          assert.ok(res.status < 500, `${method} ${path} ${JSON.stringify(body)} -> ${res.status} ${text.slice(0, 200)}`);
          if (res.status >= 400) assert.ok(text.length > 5, `${method} ${path}: a reason`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 500);
  assert.equal((await get(dk, '/api/config')).status, 200, 'still serving');
});
