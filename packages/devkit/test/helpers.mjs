// Shared by the devkit's node tests: start a devkit on free ports, sign in for real with
// openid-client (authorization code + PKCE through the devkit's own sign-in page), validate
// OneRoster JSON with ajv against 1EdTech's OpenAPI.
import { readFileSync } from 'node:fs';
import * as client from 'openid-client';
import Ajv from 'ajv';
import { startDevkit } from '@digione/devkit';

export const TODAY = '2026-11-28';
export const API = 'urn:digione:platform-api';

/** A devkit on free ports with a fixed day, so the data is the same on every run. */
export function start(options = {}) {
  return startDevkit({ port: 0, pluginPort: 0, today: TODAY, log: () => {}, ...options });
}

/** A tiny cookie jar for one browser-like session against one host. */
export class Jar {
  #cookies = new Map();
  store(res) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || attrs.some((a) => /^\s*max-age=0\b/i.test(a));
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async fetch(url, init = {}) {
    const res = await fetch(url, { redirect: 'manual', ...init, headers: { ...(init.headers ?? {}), cookie: this.header() } });
    this.store(res);
    return res;
  }
}

/** openid-client configuration from the devkit's discovery document (plain http on loopback). */
export function oidcConfig(dk) {
  return client.discovery(new URL(dk.issuer), 'digione-portal', undefined, client.None(), {
    execute: [client.allowInsecureRequests],
  });
}

/**
 * Sign in as a demo user (key or sourcedId): authorize with PKCE -> the devkit's sign-in page ->
 * POST the chosen user -> follow redirects to the callback -> exchange the code.
 */
export async function signIn(dk, who, { config, jar = new Jar(), redirectUri = `${dk.portalUrl}/callback.html`, scope = 'openid profile offline_access' } = {}) {
  config ??= await oidcConfig(dk);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    resource: API,
    state,
    nonce,
  });
  let res = await jar.fetch(url);
  if (res.status !== 303) throw new Error(`authorize answered ${res.status}: ${await res.text()}`);
  const page = new URL(res.headers.get('location'), dk.portalUrl);
  const html = await (await jar.fetch(page)).text();
  res = await jar.fetch(`${page}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ userId: who }),
  });
  if (res.status !== 303) throw new Error(`login answered ${res.status}`);
  let next = new URL(res.headers.get('location'), dk.portalUrl);
  for (let hops = 0; next.href.split('?')[0] !== redirectUri; hops++) {
    if (hops > 5) throw new Error('too many redirects');
    res = await jar.fetch(next);
    if (res.status !== 303 && res.status !== 302) throw new Error(`unexpected ${res.status} at ${next}: ${await res.text()}`);
    next = new URL(res.headers.get('location'), dk.portalUrl);
  }
  const tokens = await client.authorizationCodeGrant(config, next, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce }, { resource: API });
  return { tokens, config, jar, signInPage: html };
}

/** GET with a bearer token. */
export function get(dk, path, token, init = {}) {
  return fetch(new URL(path, dk.portalUrl), { ...init, headers: { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
}

/** Send JSON with a bearer token. */
export function send(dk, method, path, token, body) {
  return fetch(new URL(path, dk.portalUrl), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

let validators;
/** ajv validators over the OpenAPI's components.schemas, by schema name. */
export function onerosterSchemas() {
  if (validators) return validators;
  const spec = JSON.parse(readFileSync(new URL('../../../../shared/specs/oneroster-v1p2-rostering-openapi.json', import.meta.url), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  // the formats the spec uses, checked for real (OneRoster DateTimes must carry UTC)
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  ajv.addFormat('date', (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)));
  ajv.addFormat('uri', (s) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s));
  ajv.addFormat('int32', true);
  ajv.addFormat('float', true);
  ajv.addSchema({ $id: 'https://oneroster.example/spec', components: spec.components });
  validators = (name) => {
    const v = ajv.getSchema(`https://oneroster.example/spec#/components/schemas/${name}`);
    if (!v) throw new Error(`no schema ${name}`);
    return v;
  };
  return validators;
}

/** Assert that `body` validates against the named schema, listing every error. */
export function assertSchema(name, body) {
  const v = onerosterSchemas()(name);
  if (!v(body)) throw new Error(`${name}: ${JSON.stringify(v.errors.slice(0, 5), null, 1)}`);
}
