/**
 * The default protocol client of {@link OidcAuthService}, on oauth4webapi: discovery, the
 * authorization request (code + PKCE S256, state, nonce, the resource indicator), the code
 * exchange, the refresh grant and the ID token's iss/aud/exp/iat/nonce checks. It has the shape
 * of oidc-client-ts's `OidcClient` ({@link OidcClientLike}), which a portal may still inject.
 *
 * oauth4webapi rather than oidc-client-ts: the same protocol in about 6 KB min+gzip instead of
 * 10, as it ships no user manager, storage or timer layers (the session keeps its own).
 * @module
 */
import * as oauth from 'oauth4webapi';
import type { OidcClientLike, OidcTokens } from './oidc-auth.js';

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

/**
 * Plain http only to a provider on this machine (the devkit): anywhere else tokens would cross
 * the network in the clear, and oauth4webapi refuses it unless told.
 */
export function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

/** The protocol client for one provider and client id. */
export function oauthClient(s: OAuthClientSettings): OidcClientLike {
  const issuer = new URL(s.issuer);
  const client: oauth.Client = { client_id: s.clientId };
  const insecure = isLoopbackHttp(issuer);
  const http = { [oauth.allowInsecureRequests]: insecure };
  const resource = { resource: s.resource };
  let metadata: Promise<oauth.AuthorizationServer> | undefined;
  // discovery once per page; a failure is not remembered, the next sign-in tries again
  const meta = () =>
    (metadata ??= oauth
      .discoveryRequest(issuer, http)
      .then((r) => oauth.processDiscoveryResponse(issuer, r))
      .catch((err: unknown) => {
        metadata = undefined;
        throw err;
      }));
  // a front-channel URL of the provider with these parameters (empty ones left out)
  const endpoint = async (
    name: 'authorization_endpoint' | 'end_session_endpoint',
    params: Record<string, string | undefined>,
  ) => {
    const href = (await meta())[name];
    if (!href) throw new Error(`The provider has no ${name}`);
    const url = new URL(href);
    oauth.checkProtocol(url, !insecure);
    for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
    return url.href;
  };

  return {
    async createSigninRequest({ login_hint }) {
      const state = oauth.generateRandomState();
      const nonce = oauth.generateRandomNonce();
      const verifier = oauth.generateRandomCodeVerifier();
      const url = await endpoint('authorization_endpoint', {
        client_id: s.clientId,
        redirect_uri: s.redirectUri,
        response_type: 'code',
        scope: s.scope,
        ...resource,
        state,
        nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        login_hint,
      });
      sessionStorage.setItem(PENDING_PREFIX + state, JSON.stringify({ nonce, verifier }));
      return { url };
    },

    async processSigninResponse(href) {
      const url = new URL(href);
      const state = url.searchParams.get('state') ?? '';
      const key = PENDING_PREFIX + state;
      const pending = JSON.parse(sessionStorage.getItem(key) ?? 'null') as {
        nonce: string;
        verifier: string;
      } | null;
      // single use: a replayed response, or one this tab never asked for, finds nothing
      sessionStorage.removeItem(key);
      if (!pending) throw new Error('No matching state found in storage');
      const as = await meta();
      // checks iss and state, and throws the provider's `?error=` as AuthorizationResponseError
      const params = oauth.validateAuthResponse(as, client, url, state);
      const res = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        oauth.None(),
        params,
        s.redirectUri,
        pending.verifier,
        { ...http, additionalParameters: resource },
      );
      const r = await oauth.processAuthorizationCodeResponse(as, client, res, {
        expectedNonce: pending.nonce,
      });
      return tokensOf(r, oauth.getValidatedIdTokenClaims(r)!, url.searchParams.get('session_state'));
    },

    async useRefreshToken({ state, resource: asked, timeoutInSeconds }) {
      const as = await meta();
      const res = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), state.refresh_token, {
        ...http,
        additionalParameters: { resource: asked ?? s.resource },
        ...(timeoutInSeconds ? { signal: AbortSignal.timeout(timeoutInSeconds * 1000) } : {}),
      });
      const r = await oauth.processRefreshTokenResponse(as, client, res);
      const claims = oauth.getValidatedIdTokenClaims(r);
      // a renewed ID token must be about the same person (OIDC Core 12.2)
      if (claims && claims.sub !== state.profile.sub)
        throw new Error('sub in id_token does not match current sub');
      return {
        ...tokensOf(r, claims ?? state.profile, state.session_state),
        id_token: r.id_token ?? state.id_token,
        scope: r.scope ?? state.scope,
      };
    },

    async createSignoutRequest({ id_token_hint, post_logout_redirect_uri }) {
      return {
        url: await endpoint('end_session_endpoint', {
          client_id: s.clientId,
          id_token_hint,
          post_logout_redirect_uri: post_logout_redirect_uri ?? s.postLogoutRedirectUri,
        }),
      };
    },
  };
}

function tokensOf(
  r: oauth.TokenEndpointResponse,
  profile: OidcTokens['profile'],
  session_state: string | null,
): OidcTokens {
  return {
    access_token: r.access_token,
    refresh_token: r.refresh_token,
    id_token: r.id_token,
    token_type: r.token_type,
    scope: r.scope,
    session_state,
    profile,
    expires_at: r.expires_in === undefined ? undefined : Math.floor(Date.now() / 1000) + r.expires_in,
  };
}
