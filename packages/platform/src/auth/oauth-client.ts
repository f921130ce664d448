/**
 * The default protocol client of {@link OidcAuthService}: discovery, the authorization request
 * (code + PKCE S256, state, nonce, the resource indicator), the code exchange, the refresh grant,
 * the ID token's iss/aud/azp/exp/iat/nonce/sub checks and the end-session URL. It has the shape
 * of oidc-client-ts's `OidcClient` ({@link OidcClientLike}), which a portal may still inject.
 *
 * Written here rather than on a library: it is the one flow this platform speaks (a public
 * browser client, code + PKCE, one provider), and both oidc-client-ts (10.4 KB min+gzip) and
 * oauth4webapi (6.3 KB) left `dist/cdn/digione.js` over its 60 KB budget; this is about 1.5 KB.
 * The rules it follows are cited where they are applied (RFC 6749, 7636, 8707, 9207, OIDC Core
 * 1.0, OIDC Discovery 1.0, RP-Initiated Logout 1.0). The ID token comes straight from the token
 * endpoint over TLS, so its signature is not checked (OIDC Core 3.1.3.7, 6); its claims are.
 * @module
 */
import type { OidcClientLike, OidcProfile, OidcTokens } from './oidc-auth.js';

/** What {@link oauthClient} needs; {@link OidcAuthService} fills in its defaults. */
export interface OAuthClientSettings {
  issuer: string;
  clientId: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scope: string;
  /** The resource indicator (RFC 8707) sent with the authorization request and every token request. */
  resource: string;
}

/** sessionStorage key prefix of a pending authorization request, by its `state`. */
export const PENDING_PREFIX = 'd1.oidc.state:';

/** Clock difference tolerated in the ID token's exp and iat, in seconds. */
const SKEW = 30;

/**
 * A failed protocol step. `code` names the check (`OIDC_INSECURE`, `OIDC_STATE`, `OIDC_ISSUER`,
 * `OIDC_RESPONSE`, `OIDC_CLAIM`, `OIDC_TIMESTAMP`, `OIDC_PROVIDER`); `error` is the provider's
 * OAuth error code when it sent one (`access_denied`, `invalid_grant`...), as oidc-client-ts's
 * `ErrorResponse` carries it.
 */
export class OidcError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly error?: string,
  ) {
    super(message);
    this.name = 'OidcError';
  }
}

/** Now in whole seconds, as oidc-client-ts counts `expires_at` (the session's timers too). */
export const epoch = () => Math.floor(Date.now() / 1000);

const fail = (code: string, message: string, error?: string): never => {
  throw new OidcError(code, message, error);
};

/**
 * Plain http only to a provider on this machine (the devkit): anywhere else tokens would cross
 * the network in the clear.
 */
export function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

/** Provider metadata (OIDC Discovery 1.0 section 3), the members used here. */
interface Metadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
  authorization_response_iss_parameter_supported?: boolean;
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
/** 256 bits from the platform's CSPRNG, base64url: states, nonces and PKCE verifiers (RFC 7636 4.1). */
const random = () => b64url(crypto.getRandomValues(new Uint8Array(32)));
const sha256 = async (s: string) =>
  b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))));
/** A JWT part as JSON; anything else is a malformed response. */
function jwtPart(part: string | undefined): Record<string, unknown> {
  try {
    const bin = atob(part!.replace(/-/g, '+').replace(/_/g, '/'));
    const o: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
    if (o && typeof o == 'object' && !Array.isArray(o)) return o as Record<string, unknown>;
  } catch {
    /* reported below */
  }
  return fail('OIDC_RESPONSE', 'malformed id_token');
}

/** The protocol client for one provider and client id. */
export function oauthClient(s: OAuthClientSettings): OidcClientLike {
  const insecure = isLoopbackHttp(new URL(s.issuer));
  /** https, or http to the loopback provider; checked before anything is sent there. */
  const checked = (href: unknown, what: string): URL => {
    let url: URL | undefined;
    try {
      url = new URL(String(href));
    } catch {
      /* reported below */
    }
    if (!url || !(url.protocol === 'https:' || (insecure && url.protocol === 'http:')))
      fail('OIDC_INSECURE', `${what} must be an https URL: ${String(href)}`);
    return url!;
  };

  /** JSON of a response; an OAuth error body (RFC 6749 5.2) or a non-JSON answer throws. */
  const json = async (res: Response, what: string): Promise<Record<string, unknown>> => {
    let body: Record<string, unknown> | null = null;
    try {
      body = (await res.json()) as Record<string, unknown>;
    } catch {
      /* reported below */
    }
    if (!res.ok || !body || typeof body != 'object') {
      const error = typeof body?.error == 'string' ? body.error : undefined;
      const text = typeof body?.error_description == 'string' ? body.error_description : error;
      fail('OIDC_PROVIDER', `${what}: HTTP ${res.status}${text ? ` ${text}` : ''}`, error);
    }
    return body!;
  };

  let metadata: Promise<Metadata> | undefined;
  // discovery once per page; a failure is not remembered, the next sign-in tries again
  const meta = () =>
    (metadata ??= (async () => {
      const url = checked(s.issuer, 'the issuer');
      url.pathname = `${url.pathname.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const m = (await json(
        await fetch(url, { headers: { Accept: 'application/json' } }),
        'discovery',
      )) as Partial<Metadata>;
      // the issuer must be exactly the one asked (OIDC Discovery 4.3): no provider mix-up
      if (m.issuer !== s.issuer) fail('OIDC_ISSUER', `discovery names issuer ${String(m.issuer)}`);
      if (typeof m.authorization_endpoint != 'string' || typeof m.token_endpoint != 'string')
        fail('OIDC_RESPONSE', 'discovery lacks the authorization or token endpoint');
      return m as Metadata;
    })().catch((err: unknown) => {
      metadata = undefined;
      throw err;
    }));

  /** A front-channel URL of the provider with these parameters (empty ones left out). */
  const endpoint = (href: string | undefined, what: string, params: Record<string, string | undefined>) => {
    if (!href) fail('OIDC_RESPONSE', `the provider has no ${what}`);
    const url = checked(href, what);
    for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
    return url.href;
  };

  /**
   * A token request (RFC 6749 4.1.3 / 6, with the resource of RFC 8707) and the checks of its
   * answer; `nonce` for the code exchange, `sub` for a refresh (OIDC Core 3.1.3.7, 12.2).
   */
  const grant = async (
    params: Record<string, string>,
    expect: { nonce?: string; sub?: string },
    signal?: AbortSignal,
  ) => {
    const m = await meta();
    const res = await fetch(checked(m.token_endpoint, 'the token endpoint'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ client_id: s.clientId, resource: s.resource, ...params }),
      signal,
    });
    const r = await json(res, 'token endpoint');
    if (typeof r.access_token != 'string' || !r.access_token)
      fail('OIDC_RESPONSE', 'token response without access_token');
    if (typeof r.token_type != 'string' || r.token_type.toLowerCase() != 'bearer')
      fail('OIDC_RESPONSE', `unsupported token_type ${String(r.token_type)}`);
    for (const k of ['refresh_token', 'id_token', 'scope'] as const)
      if (r[k] !== undefined && typeof r[k] != 'string') fail('OIDC_RESPONSE', `${k} must be a string`);
    if (r.expires_in !== undefined && !(typeof r.expires_in == 'number' && r.expires_in > 0))
      fail('OIDC_RESPONSE', 'expires_in must be a positive number');
    let claims: OidcProfile | undefined;
    if (typeof r.id_token == 'string') {
      const [head, body] = r.id_token.split('.');
      if (jwtPart(head).alg === 'none') fail('OIDC_RESPONSE', 'unsigned id_token');
      const c = jwtPart(body);
      const now = Date.now() / 1000;
      const aud = c.aud;
      const check = (ok: boolean, claim: string, code = 'OIDC_CLAIM') =>
        ok || fail(code, `unexpected ${claim} in id_token`);
      check(c.iss === m.issuer, 'iss');
      check(aud === s.clientId || (Array.isArray(aud) && aud.includes(s.clientId)), 'aud');
      // several audiences: the token must say it was issued to us (OIDC Core 3.1.3.7 5, 6)
      check(c.azp === undefined ? !Array.isArray(aud) || aud.length < 2 : c.azp === s.clientId, 'azp');
      check(typeof c.sub == 'string' && !!c.sub, 'sub');
      check(typeof c.exp == 'number' && c.exp > now - SKEW, 'exp', 'OIDC_TIMESTAMP');
      check(typeof c.iat == 'number' && c.iat < now + SKEW, 'iat', 'OIDC_TIMESTAMP');
      if (expect.nonce !== undefined) check(c.nonce === expect.nonce, 'nonce');
      // a renewed ID token must be about the same person (OIDC Core 12.2)
      if (expect.sub !== undefined) check(c.sub === expect.sub, 'sub');
      claims = c as OidcProfile;
    } else if (expect.nonce !== undefined) fail('OIDC_RESPONSE', 'token response without id_token');
    return { r: r as Record<string, string | undefined> & { expires_in?: number }, claims };
  };

  const tokensOf = (
    { r, claims }: Awaited<ReturnType<typeof grant>>,
    profile: OidcProfile,
    session_state: string | null,
  ): OidcTokens => ({
    access_token: r.access_token!,
    refresh_token: r.refresh_token,
    id_token: r.id_token,
    token_type: r.token_type!,
    scope: r.scope,
    session_state,
    profile: claims ?? profile,
    expires_at: r.expires_in === undefined ? undefined : epoch() + r.expires_in,
  });

  return {
    async createSigninRequest({ login_hint }) {
      const [state, nonce, verifier] = [random(), random(), random()];
      const url = await endpoint((await meta()).authorization_endpoint, 'authorization endpoint', {
        client_id: s.clientId,
        redirect_uri: s.redirectUri,
        response_type: 'code',
        scope: s.scope,
        resource: s.resource,
        state,
        nonce,
        code_challenge: await sha256(verifier),
        code_challenge_method: 'S256',
        login_hint,
      });
      sessionStorage.setItem(PENDING_PREFIX + state, JSON.stringify({ nonce, verifier }));
      return { url };
    },

    async processSigninResponse(href) {
      const q = new URL(href).searchParams;
      const key = PENDING_PREFIX + (q.get('state') ?? '');
      const pending = JSON.parse(sessionStorage.getItem(key) ?? 'null') as {
        nonce: string;
        verifier: string;
      } | null;
      // single use: a replayed response, or one this tab never asked for, finds nothing (CSRF)
      sessionStorage.removeItem(key);
      if (!pending) fail('OIDC_STATE', 'No matching state found in storage');
      const m = await meta();
      // RFC 9207: the response names its issuer; another one means a mix-up attack
      const iss = q.get('iss');
      if (iss !== null ? iss !== m.issuer : m.authorization_response_iss_parameter_supported)
        fail('OIDC_ISSUER', `authorization response from issuer ${String(iss)}`);
      const error = q.get('error');
      if (error) fail('OIDC_PROVIDER', q.get('error_description') ?? error, error);
      const code = q.get('code') ?? fail('OIDC_RESPONSE', 'authorization response without code');
      const t = await grant(
        {
          grant_type: 'authorization_code',
          code,
          redirect_uri: s.redirectUri,
          code_verifier: pending!.verifier,
        },
        { nonce: pending!.nonce },
      );
      return tokensOf(t, t.claims!, q.get('session_state'));
    },

    async useRefreshToken({ state, resource, timeoutInSeconds }) {
      const t = await grant(
        {
          grant_type: 'refresh_token',
          refresh_token: state.refresh_token,
          // in the place of the default resource: the form's field order stays
          resource: resource || s.resource,
        },
        { sub: state.profile.sub },
        timeoutInSeconds ? AbortSignal.timeout(timeoutInSeconds * 1000) : undefined,
      );
      return {
        ...tokensOf(t, state.profile, state.session_state),
        id_token: t.r.id_token ?? state.id_token,
        scope: t.r.scope ?? state.scope,
      };
    },

    async createSignoutRequest({ id_token_hint, post_logout_redirect_uri }) {
      return {
        url: await endpoint((await meta()).end_session_endpoint, 'end-session endpoint', {
          client_id: s.clientId,
          id_token_hint,
          post_logout_redirect_uri: post_logout_redirect_uri ?? s.postLogoutRedirectUri,
        }),
      };
    },
  };
}
