// A fetch-level fake OIDC provider for the protocol clients (the built-in oauthClient, and
// oidc-client-ts's OidcClient a portal may inject): discovery, an authorization step the test
// drives itself, the token endpoint with real PKCE S256 checking, refresh token rotation. ID tokens
// are RS256-shaped but not signed: neither client verifies the signature of an ID token it
// received straight from the token endpoint (OIDC Core 3.1.3.7); the devkit tests sign for real.
import { teacherClaims } from './claims.js';

export interface TokenRequest {
  url: string;
  params: URLSearchParams;
}

const b64u = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
const b64json = (o: object) => b64u(new TextEncoder().encode(JSON.stringify(o)));

export async function s256(verifier: string): Promise<string> {
  return b64u(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export function fakeProvider(issuer: string, clientId = 'c') {
  let n = 0;
  const codes = new Map<string, { challenge: string; nonce: string | null; redirect: string }>();
  const refreshTokens = new Set<string>();
  const p = {
    issuer,
    metadata: {
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      end_session_endpoint: `${issuer}/session/end`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    } as Record<string, unknown>,
    /** Every request to the provider, in order (discovery included). */
    requests: [] as string[],
    tokenRequests: [] as TokenRequest[],
    /** ID token claims besides iss/aud/exp/iat/nonce; change them to test the client's checks. */
    claims: { ...teacherClaims } as Record<string, unknown>,
    /** Claims that override the computed ones (iss, aud, exp, nonce...). */
    override: {} as Record<string, unknown>,
    expiresIn: 300,

    /** What the provider does with the authorization request: the callback URL it sends back. */
    authorize(href: string, answer: Record<string, string> = {}): string {
      const q = new URL(href).searchParams;
      const code = `code-${++n}`;
      codes.set(code, {
        challenge: q.get('code_challenge') ?? '',
        nonce: q.get('nonce'),
        redirect: q.get('redirect_uri') ?? '',
      });
      const back = new URL(q.get('redirect_uri')!);
      const params = answer.error ? answer : { code, ...answer };
      for (const [k, v] of Object.entries({ ...params, state: q.get('state') ?? '', iss: issuer }))
        back.searchParams.set(k, v);
      return back.href;
    },

    idToken(nonce: string | null): string {
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        ...p.claims,
        iss: issuer,
        aud: clientId,
        iat: now,
        exp: now + 300,
        ...(nonce ? { nonce } : {}),
        ...p.override,
      };
      return `${b64json({ alg: 'RS256', kid: 'k1' })}.${b64json(claims)}.c2lnbmF0dXJl`;
    },

    async token(params: URLSearchParams): Promise<Response> {
      const tokens = (nonce: string | null) => {
        const refresh = `refresh-${++n}`;
        refreshTokens.add(refresh);
        return json({
          access_token: `access-${n}`,
          token_type: 'Bearer',
          expires_in: p.expiresIn,
          refresh_token: refresh,
          scope: 'openid profile offline_access',
          id_token: p.idToken(nonce),
        });
      };
      if (params.get('grant_type') === 'authorization_code') {
        const grant = codes.get(params.get('code') ?? '');
        codes.delete(params.get('code') ?? '');
        if (
          !grant ||
          grant.redirect !== params.get('redirect_uri') ||
          grant.challenge !== (await s256(params.get('code_verifier') ?? ''))
        )
          return json({ error: 'invalid_grant' }, 400);
        return tokens(grant.nonce);
      }
      // rotation: a refresh token works once
      if (
        params.get('grant_type') === 'refresh_token' &&
        refreshTokens.delete(params.get('refresh_token') ?? '')
      )
        return tokens(null);
      return json({ error: 'invalid_grant' }, 400);
    },

    /** Answer fetch() for the provider's URLs (others go to the real fetch); returns the undo. */
    install(): () => void {
      const real = window.fetch;
      window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (!url.startsWith(issuer)) return real(input, init);
        p.requests.push(url);
        if (url === `${issuer}/.well-known/openid-configuration`) return json(p.metadata);
        if (url === `${issuer}/token`) {
          const params = new URLSearchParams(String(init.body));
          p.tokenRequests.push({ url, params });
          return p.token(params);
        }
        return json({ error: 'not_found' }, 404);
      };
      return () => void (window.fetch = real);
    },
  };
  return p;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
