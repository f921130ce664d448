// The devkit's OpenID Connect provider, driven with openid-client like a real relying party.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { fromMpassClaims } from '@digione/context';
import { start, signIn, oidcConfig, Jar, get, API } from './helpers.mjs';

const invalidGrant = (e) => e.error === 'invalid_grant';

let dk;
let config;
before(async () => {
  dk = await start({ clientOrigins: ['http://app.example.test:5173'], redirectUris: ['https://vendor.example.test/cb'] });
  config = await oidcConfig(dk);
});
after(() => dk.close());

test('discovery names the mounted endpoints, code flow only, PKCE S256', async () => {
  const d = await (await fetch(`${dk.issuer}/.well-known/openid-configuration`)).json();
  assert.equal(d.issuer, dk.issuer);
  assert.equal(d.authorization_endpoint, `${dk.issuer}/auth`);
  assert.equal(d.jwks_uri, `${dk.issuer}/jwks`);
  assert.equal(d.end_session_endpoint, `${dk.issuer}/session/end`);
  assert.deepEqual(d.response_types_supported, ['code']);
  assert.deepEqual(d.code_challenge_methods_supported, ['S256']);
  const jwks = await (await fetch(d.jwks_uri)).json();
  assert.equal(jwks.keys.length, 1);
  assert.equal(jwks.keys[0].kty, 'RSA');
  assert.equal(jwks.keys[0].d, undefined, 'the JWKS must not leak the private key');
});

test('a pupil signs in with code + PKCE; ID token has MPASSid claims, access token is a JWT for the API', async () => {
  const { tokens } = await signIn(dk, 'pupil', { config });
  const pupil = dk.users.find((u) => u.key === 'pupil');
  const jwks = createRemoteJWKSet(new URL(`${dk.issuer}/jwks`));
  const { payload: at, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer: dk.issuer, audience: API });
  assert.equal(protectedHeader.typ, 'at+jwt');
  assert.equal(at.client_id, 'digione-portal');
  assert.ok(at.exp - at.iat <= 900);
  assert.equal(at.sub, pupil.id);
  const id = tokens.claims();
  assert.equal(id.sub, pupil.id);
  assert.equal(id.aud, 'digione-portal');
  assert.match(id['urn:oid:1.3.6.1.4.1.16161.1.1.27'], /^1\.2\.246\.562\.98\.\d+$/);
  assert.match(id['urn:mpass.id:role'][0], /^1\.2\.246\.562\.10\.\d+;99901;7A;Oppilas;1$/);
  assert.deepEqual(id['urn:mpass.id:schoolInfo'], ['99901;Kuusikosken yhtenäiskoulu']);
  assert.deepEqual(id['urn:mpass.id:classLevel'], ['7']);
  assert.equal(id.locale, 'fi-FI');
  assert.ok(tokens.refresh_token, 'a refresh token for the public client');
  // the access token works on the API
  const me = await get(dk, '/api/me', tokens.access_token);
  assert.equal(me.status, 200);
  assert.equal((await me.json()).user.sourcedId, pupil.id);
});

test("every demo user's ID token maps with @digione/context fromMpassClaims", async () => {
  const orgIdOf = new Map(dk.data.orgs.filter((o) => o.schoolCode).map((o) => [o.schoolCode, o.id]));
  const expected = { pupil: 'student', teacher: 'teacher', substitute: 'substituteTeacher', principal: 'principal', guardian: 'guardian', admin: 'staff' };
  for (const u of dk.users) {
    const { tokens } = await signIn(dk, u.id, { config });
    const claims = tokens.claims();
    const { user, organizations } = fromMpassClaims(claims, { orgIdForSchoolCode: (c) => orgIdOf.get(c) });
    assert.equal(user.id, u.id);
    assert.equal(user.displayName, u.displayName);
    assert.equal(user.roles[0].role, expected[u.key], u.key);
    for (const r of user.roles) assert.ok(dk.data.byId.orgs.has(r.orgId), `${u.key}: role org ${r.orgId} is an org`);
    assert.ok(organizations.length >= 1);
    if (u.key === 'teacher') {
      assert.equal(user.roles.length, 2, 'teacher in two schools');
      assert.deepEqual(organizations.map((o) => o.schoolCode).sort(), ['99901', '99904']);
      assert.ok(claims['urn:mpass.id:role'].some((r) => r.endsWith(';99904;;Lärare;2')));
    }
    if (u.key === 'guardian') {
      assert.equal(claims['https://digione.fi/claims/children'].length, 2);
      assert.ok(claims['urn:mpass.id:role'].every((r) => r.split(';')[3] === 'Huoltaja'));
    }
  }
});

test('refresh rotates the refresh token; replaying the old one is refused', async () => {
  const { tokens } = await signIn(dk, 'teacher', { config });
  const next = await client.refreshTokenGrant(config, tokens.refresh_token, { resource: API });
  assert.ok(next.access_token);
  assert.notEqual(next.refresh_token, tokens.refresh_token);
  const { payload } = await jwtVerify(next.access_token, createRemoteJWKSet(new URL(`${dk.issuer}/jwks`)), { audience: API });
  assert.equal(payload.sub, dk.users.find((u) => u.key === 'teacher').id);
  await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token, { resource: API }), invalidGrant);
});

test('RP-initiated logout: no confirmation step, redirects back, ends the session and its refresh tokens', async () => {
  const jar = new Jar();
  const { tokens } = await signIn(dk, 'principal', { config, jar });
  const back = `${dk.portalUrl}/`;
  const url = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token, post_logout_redirect_uri: back, state: 'bye' });
  let res = await jar.fetch(url);
  assert.equal(res.status, 200);
  const page = await res.text();
  assert.match(page, /<html lang="fi">/);
  assert.match(page, /\.submit\(\)/, 'the page submits itself: no confirmation');
  const action = /action="([^"]+)"/.exec(page)[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)[1];
  res = await jar.fetch(new URL(action.replace(/&amp;/g, '&'), dk.portalUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }),
  });
  assert.equal(res.status, 303);
  const loc = new URL(res.headers.get('location'));
  assert.equal(loc.origin + loc.pathname, back);
  assert.equal(loc.searchParams.get('state'), 'bye');
  await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token, { resource: API }), invalidGrant);
  // signing in again shows the sign-in page (the session is gone)
  const again = await jar.fetch(client.buildAuthorizationUrl(config, { redirect_uri: back, scope: 'openid', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' }));
  assert.match(again.headers.get('location'), /\/oidc\/interaction\//);
});

test('the sign-in page lists every demo user, in fi, sv and en, with accessible structure', async () => {
  const { signInPage } = await signIn(dk, 'pupil', { config });
  assert.match(signInPage, /<html lang="fi">/);
  assert.match(signInPage, /<main id="main"/);
  assert.equal(signInPage.match(/<h1>/g).length, 1);
  assert.match(signInPage, /<legend>Testikäyttäjät<\/legend>/);
  for (const u of dk.users) assert.ok(signInPage.includes(`value="${u.id}"`), u.key);
  assert.match(signInPage, /hreflang="sv"[^>]*>På svenska/);
  const jar = new Jar();
  const auth = client.buildAuthorizationUrl(config, {
    redirect_uri: `${dk.portalUrl}/`,
    scope: 'openid',
    code_challenge: 'b'.repeat(43),
    code_challenge_method: 'S256',
    ui_locales: 'sv',
  });
  const loc = (await jar.fetch(auth)).headers.get('location');
  const sv = await (await jar.fetch(new URL(loc, dk.portalUrl))).text();
  assert.match(sv, /<html lang="sv">/);
  assert.match(sv, /Logga in/);
  const en = await (await jar.fetch(new URL(`${loc}?lang=en`, dk.portalUrl))).text();
  assert.match(en, /<html lang="en">/);
  assert.match(en, /Guardian of/);
});

test('redirect URIs: client origins, extra URIs and loopback ports are accepted; others are refused', async () => {
  const authorize = (redirect_uri) =>
    fetch(client.buildAuthorizationUrl(config, { redirect_uri, scope: 'openid', code_challenge: 'c'.repeat(43), code_challenge_method: 'S256' }), { redirect: 'manual' });
  for (const ok of ['http://app.example.test:5173/callback.html', 'https://vendor.example.test/cb', 'http://localhost:9/any/path', `${dk.portalUrl}/vendor-app/`]) {
    assert.equal((await authorize(ok)).status, 303, ok);
  }
  for (const bad of ['https://evil.example.test/cb', 'http://app.example.test:5173/other']) {
    const res = await authorize(bad);
    assert.equal(res.status, 400, bad);
    assert.match(await res.text(), /redirect_uri/);
  }
});

test('bad input on the OIDC endpoints gets a clear 4xx', async () => {
  const base = { client_id: 'digione-portal', redirect_uri: `${dk.portalUrl}/`, response_type: 'code', scope: 'openid' };
  const auth = (params) => fetch(`${dk.issuer}/auth?${new URLSearchParams(params)}`, { redirect: 'manual' });
  // no PKCE: the error goes back to the client
  let res = await auth(base);
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), /error=invalid_request.*PKCE/);
  // implicit flow is not offered
  res = await auth({ ...base, response_type: 'id_token', code_challenge: 'd'.repeat(43), code_challenge_method: 'S256', nonce: 'n' });
  assert.match(res.headers.get('location') ?? (await res.text()), /unsupported_response_type/);
  // unknown resource
  res = await auth({ ...base, code_challenge: 'd'.repeat(43), code_challenge_method: 'S256', resource: 'urn:other' });
  assert.match(res.headers.get('location'), /error=invalid_target/);
  // unknown client
  res = await auth({ ...base, client_id: 'nobody', code_challenge: 'd'.repeat(43), code_challenge_method: 'S256' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /invalid_client/);
  // token endpoint: a made-up code
  res = await fetch(`${dk.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: 'nope', client_id: 'digione-portal', redirect_uri: `${dk.portalUrl}/`, code_verifier: 'e'.repeat(43) }),
  });
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error, 'invalid_grant');
  // the sign-in page without its interaction cookie, and an unknown user
  res = await fetch(`${dk.issuer}/interaction/abc123`);
  assert.equal(res.status, 400);
  assert.match(await res.text(), /Kirjautuminen vanheni/);
  const jar = new Jar();
  const loc = (await jar.fetch(client.buildAuthorizationUrl(config, { redirect_uri: `${dk.portalUrl}/`, scope: 'openid', code_challenge: 'f'.repeat(43), code_challenge_method: 'S256' }))).headers.get('location');
  res = await jar.fetch(new URL(`${loc}/login`, dk.portalUrl), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'userId=not-a-user&lang=en' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /role="alert">The chosen user does not exist/);
  res = await jar.fetch(new URL(`${loc}/login`, dk.portalUrl));
  assert.equal(res.status, 405);
  // cancel: the client gets access_denied
  res = await jar.fetch(new URL(`${loc}/abort`, dk.portalUrl), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  assert.equal(res.status, 303);
  res = await jar.fetch(new URL(res.headers.get('location'), dk.portalUrl));
  assert.match(res.headers.get('location'), /error=access_denied/);
});

test('CORS on the token endpoint admits the client origins only', async () => {
  const post = (origin) =>
    fetch(`${dk.issuer}/token`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x', client_id: 'digione-portal' }),
    });
  const ok = await post('http://app.example.test:5173');
  assert.equal(ok.headers.get('access-control-allow-origin'), 'http://app.example.test:5173');
  const evil = await post('https://evil.example.test');
  assert.equal(evil.status, 400);
  assert.match((await evil.json()).error_description, /origin/i);
});
