// A fake of the protocol half (OidcClientLike: oauthClient, or oidc-client-ts's OidcClient): what
// the session does with its answers is under test here; the protocol itself runs over a fake
// provider in oauth-client.test.ts and for real in the devkit node tests.
import type { OidcClientLike, OidcTokens } from '@digione/platform';
import { fakeJwt, teacherClaims } from './claims.js';

let n = 0;
export function tokensFor(claims: Record<string, unknown> = teacherClaims, expiresIn = 300): OidcTokens {
  n++;
  return {
    access_token: `access-${n}`,
    refresh_token: `refresh-${n}`,
    id_token: fakeJwt(claims),
    token_type: 'Bearer',
    scope: 'openid profile offline_access',
    session_state: null,
    profile: { ...claims, sub: String(claims.sub), iss: 'http://idp.test', aud: 'c', exp: 0, iat: 0 },
    expires_at: Math.floor(Date.now() / 1000) + expiresIn,
  };
}

export function fakeOidc() {
  const c = {
    signins: [] as Array<{ request_type: string; login_hint?: string }>,
    callbacks: [] as string[],
    refreshes: [] as Array<{ refresh_token: string; resource?: string }>,
    signouts: [] as Array<{ id_token_hint?: string }>,
    /** What the next callback answers: tokens, or an error to throw. */
    callback: (): OidcTokens | Promise<OidcTokens> => tokensFor(),
    refresh: (): OidcTokens | Promise<OidcTokens> => tokensFor(),
    async createSigninRequest(a: { request_type: string; login_hint?: string }) {
      c.signins.push(a);
      // a fresh state per request, in the URL as every real client puts it
      return { url: `http://idp.test/auth?client_id=c&state=st-${++n}` };
    },
    async processSigninResponse(url: string) {
      c.callbacks.push(url);
      return c.callback();
    },
    async useRefreshToken(a: Parameters<OidcClientLike['useRefreshToken']>[0]) {
      c.refreshes.push({
        refresh_token: a.state.refresh_token,
        ...(a.resource ? { resource: a.resource } : {}),
      });
      return c.refresh();
    },
    async createSignoutRequest(a: { id_token_hint?: string }) {
      c.signouts.push(a);
      return { url: 'http://idp.test/session/end' };
    },
  };
  return c satisfies OidcClientLike;
}

/** An OAuth error as the built-in client's OidcError (and oidc-client-ts's ErrorResponse) carry it. */
export function oauthError(error: string): Error {
  return Object.assign(new Error(error), { error });
}
