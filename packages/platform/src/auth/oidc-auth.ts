/**
 * The portal's OIDC session: authorization code + PKCE, the resource indicator of the platform
 * API, automatic silent renew through the rotating refresh token, RP-initiated logout. It writes
 * what it knows into every attached {@link ContextStore}.
 *
 * The protocol (PKCE, state, token exchange and ID token checks, refresh) is a separate client,
 * {@link OidcClientLike}: by default the built-in {@link oauthClient}, or oidc-client-ts's
 * `OidcClient` when a portal passes one. The renew timer and the token store are here.
 * @module
 */
import type { AuthService, ContextStore, PlatformContext } from '@digione/context';
import { ApiClient, type FetchLike } from '../http.js';
import { authErrorOf, contextFromClaims, type MeResponse, type SignedInContext } from './claims.js';
import { epoch, oauthClient } from './oauth-client.js';
import { rememberReturn, takeReturn } from './return-to.js';

/** The platform API's resource indicator (RFC 8707). */
export const PLATFORM_RESOURCE = 'urn:digione:platform-api';

/** The ID token's claims (oidc-client-ts calls them the profile; its `IdTokenClaims` fit). */
export interface OidcProfile {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  [claim: string]: unknown;
}

/**
 * Tokens as the provider returned them (oidc-client-ts's SigninResponse has these), and the
 * session as kept in sessionStorage (the JSON of oidc-client-ts's `User`, field for field).
 */
export interface OidcTokens {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  token_type: string;
  scope?: string;
  session_state: string | null;
  profile: OidcProfile;
  /** Seconds since the epoch. */
  expires_at?: number;
}

/** The part of oidc-client-ts's `OidcClient` the session uses; tests pass a fake. */
export interface OidcClientLike {
  /** The authorization request URL (code + PKCE) to redirect to. */
  createSigninRequest(args: { request_type: string; login_hint?: string }): Promise<{ url: string }>;
  /** Finish a sign-in from the redirect URL (`?code=&state=`): the tokens. */
  processSigninResponse(url: string): Promise<OidcTokens>;
  /** Renew the tokens with the (rotating) refresh token. */
  useRefreshToken(args: {
    state: Pick<OidcTokens, 'id_token' | 'session_state' | 'scope' | 'profile'> & { refresh_token: string };
    resource?: string;
    timeoutInSeconds?: number;
  }): Promise<OidcTokens>;
  /** The RP-initiated logout URL to redirect to. */
  createSignoutRequest(args: {
    request_type: string;
    id_token_hint?: string;
    post_logout_redirect_uri?: string;
  }): Promise<{ url: string }>;
}

/** Options of {@link OidcAuthService}. */
export interface OidcAuthOptions {
  /** OIDC issuer, e.g. `http://localhost:4000/oidc`. */
  issuer: string;
  clientId: string;
  /** Platform API base; when set, `GET /api/me` adds org ids and the preferred first name. */
  api?: string;
  /**
   * Default: this page without query or hash (`location.origin + location.pathname`). The page's
   * full address (a deep link) is remembered with the sign-in and restored after it, whatever this is.
   */
  redirectUri?: string;
  /** Default: {@link redirectUri}. */
  postLogoutRedirectUri?: string;
  /** Default `openid profile offline_access` (the refresh token drives silent renew). */
  scope?: string;
  /** Default {@link PLATFORM_RESOURCE}. */
  resource?: string;
  /** Renew this many seconds before the access token expires. Default 60. */
  renewBeforeSeconds?: number;
  fetch?: FetchLike;
  /** Replace the protocol client (tests, or a portal's own oidc-client-ts `OidcClient`). */
  client?: OidcClientLike;
  /** Go to the provider (sign-in, sign-out). Default `location.assign`. */
  navigate?: (url: string) => void;
}

const CALLBACK_PARAMS = ['code', 'state', 'session_state', 'iss', 'error', 'error_description', 'error_uri'];

/**
 * {@link AuthService} over OIDC. Call {@link start} once per page load: it finishes a sign-in
 * coming back from the provider (`?code=&state=`, or `?error=`), cleans those from the URL and
 * puts back the address the sign-in started from (a deep link survives the round trip; a
 * `popstate` tells the page's router), or restores the session kept in sessionStorage (per tab: a rotating refresh token must not be
 * shared between tabs). Store states it writes:
 * - `signed-in` with `user`, `activeRole` (first primary), `organizations`, `locale` (from the claim);
 * - `signed-out`, with error `expired` when the session ran out and could not be renewed;
 * - `error` with `rejected`, `missing-role`, `missing-learner-number`, `network` or `unknown`.
 */
export class OidcAuthService implements AuthService {
  readonly client: OidcClientLike;
  readonly #options: OidcAuthOptions;
  readonly #key: string;
  readonly #resource: string;
  readonly #stores = new Set<ContextStore<PlatformContext>>();
  #state: Partial<PlatformContext> = { auth: { status: 'unknown' } };
  #started?: Promise<void>;
  #renewing: Promise<OidcTokens | null> | null = null;
  #timers: Array<ReturnType<typeof setTimeout>> = [];

  constructor(options: OidcAuthOptions) {
    this.#options = options;
    this.#key = `d1.oidc.user:${options.issuer}:${options.clientId}`;
    this.#resource = options.resource ?? PLATFORM_RESOURCE;
    const redirect = options.redirectUri ?? location.origin + location.pathname;
    this.client =
      options.client ??
      // the issuer and client id as given; the client reads only its own settings
      oauthClient({
        ...options,
        redirectUri: redirect,
        postLogoutRedirectUri: options.postLogoutRedirectUri ?? redirect,
        scope: options.scope ?? 'openid profile offline_access',
        resource: this.#resource,
      });
  }

  /** Write the session state into `store` now and on every change; returns detach. */
  attach(store: ContextStore<PlatformContext>): () => void {
    this.#stores.add(store);
    store.update(this.#state);
    return () => this.#stores.delete(store);
  }

  /** Finish a sign-in in the URL or restore a stored session. Idempotent; resolves when settled. */
  start(): Promise<void> {
    return (this.#started ??= this.#start());
  }

  async signIn(options: { loginHint?: string } = {}): Promise<void> {
    this.#set({ auth: { status: 'signing-in' } });
    try {
      // an undefined hint is left out of the request (by either client)
      const req = await this.client.createSigninRequest({
        request_type: 'si:r',
        login_hint: options.loginHint,
      });
      // the redirect URI is the bare page: the deep link the user is at waits here, by `state`
      rememberReturn(req.url, CALLBACK_PARAMS);
      this.#navigate(req.url);
    } catch (err) {
      this.#set({ auth: { status: 'error', error: authErrorOf(err) } });
      throw err;
    }
  }

  /** RP-initiated logout. MPASSid has no single sign-out: other services may stay signed in. */
  async signOut(): Promise<void> {
    const user = this.#load();
    this.#forget();
    this.#set(signedOut());
    try {
      const req = await this.client.createSignoutRequest({
        request_type: 'so:r',
        id_token_hint: user?.id_token,
      });
      this.#navigate(req.url);
    } catch (err) {
      // signed out here already; the provider's session stays, as it would without the redirect
      console.warn('[d1] could not reach the end-session endpoint', err);
    }
  }

  async getAccessToken(options: { forceRefresh?: boolean } = {}): Promise<string | null> {
    await this.start();
    let user = this.#load();
    if (user && (options.forceRefresh || expired(user))) user = await this.renew();
    return user?.access_token ?? null;
  }

  /**
   * Renew the access token with the refresh token now (it also happens on its own shortly before
   * expiry). One renewal at a time: replaying a rotated refresh token revokes the whole grant.
   * Resolves null, and marks the session expired, when the provider refuses.
   */
  renew(): Promise<OidcTokens | null> {
    return (this.#renewing ??= this.#renew().finally(() => (this.#renewing = null)));
  }

  /** Stop the timers and detach every store. */
  dispose(): void {
    this.#timers.forEach(clearTimeout);
    this.#stores.clear();
  }

  async #start(): Promise<void> {
    const url = new URL(location.href);
    const q = url.searchParams;
    if (q.has('state') && (q.has('code') || q.has('error'))) {
      this.#set({ auth: { status: 'signing-in' } });
      // the code is single-use: never leave it in the address bar or the history
      const back = takeReturn(q.get('state')!);
      for (const p of CALLBACK_PARAMS) q.delete(p);
      const href = location.href;
      const bare = url.pathname + url.search + url.hash;
      // back where the sign-in started (a same-origin path only), or the page without the callback
      history.replaceState(history.state, '', back ?? bare);
      // A router that read the address before this (<d1-shell> reads it when it connects, before
      // the platform starts) hears of the change the way routers do: a popstate.
      if (back && back !== bare) dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
      try {
        await this.#signedIn(this.#save(await this.client.processSigninResponse(href)));
      } catch (err) {
        this.#forget();
        this.#set({ ...signedOut(), auth: { status: 'error', error: authErrorOf(err) } });
      }
      return;
    }
    let user = this.#load();
    if (expired(user)) user = await this.renew();
    if (user) await this.#signedIn(user);
    else if (this.#state.auth?.status === 'unknown') this.#set(signedOut());
  }

  async #renew(): Promise<OidcTokens | null> {
    const user = this.#load();
    if (!user?.refresh_token) return this.#expire();
    try {
      const tokens = await this.client.useRefreshToken({
        state: { ...user, refresh_token: user.refresh_token },
        resource: this.#resource,
        timeoutInSeconds: 15,
      });
      return this.#save({ ...tokens, refresh_token: tokens.refresh_token ?? user.refresh_token });
    } catch (err) {
      // the provider said no (the grant is gone), or it is out of reach and the token has run out
      const now = this.#load();
      if ((err as { error?: unknown }).error || !now || expired(now)) return this.#expire();
      return user;
    }
  }

  async #signedIn(user: OidcTokens): Promise<void> {
    let me: MeResponse | null = null;
    if (this.#options.api) {
      try {
        // with this sign-in's token (a 401 finds no other to retry with); any failure leaves me null
        me = await new ApiClient({
          api: this.#options.api,
          auth: { getAccessToken: async () => user.access_token },
          fetch: this.#options.fetch,
        }).json<MeResponse>('/api/me');
      } catch {
        // without /api/me the school codes stay the org ids; the sign-in itself stands
      }
    }
    let ctx: SignedInContext;
    try {
      ctx = contextFromClaims(user.profile, me);
    } catch (err) {
      // a person the platform cannot map is not signed in here, whatever the provider said
      this.#forget();
      return this.#set({ ...signedOut(), auth: { status: 'error', error: authErrorOf(err) } });
    }
    this.#set(ctx);
  }

  #expire(): null {
    this.#forget();
    if (this.#state.auth?.status === 'signed-in' || this.#state.auth?.status === 'unknown')
      this.#set({ ...signedOut(), auth: { status: 'signed-out', error: { code: 'expired' } } });
    return null;
  }

  #load(): OidcTokens | null {
    const raw = sessionStorage.getItem(this.#key);
    return raw ? (JSON.parse(raw) as OidcTokens) : null;
  }

  // Keep the tokens and time the renewal (shortly before expiry) and the expiry itself.
  #save(tokens: OidcTokens): OidcTokens {
    // these fields only: an injected oidc-client-ts response also carries the used code and state
    const { access_token, refresh_token, id_token, token_type, scope, session_state, profile, expires_at } =
      tokens;
    const user = {
      access_token,
      refresh_token,
      id_token,
      token_type,
      scope,
      session_state,
      profile,
      expires_at,
    };
    sessionStorage.setItem(this.#key, JSON.stringify(user));
    this.#timers.forEach(clearTimeout);
    if (user.expires_at !== undefined) {
      const left = user.expires_at - epoch();
      const before = this.#options.renewBeforeSeconds ?? 60;
      this.#timers = [
        // never sooner than half the lifetime: a provider with short tokens must not be hammered
        setTimeout(() => void this.renew(), Math.max(left - before, left / 2, 0) * 1000),
        // timers sleep with the tab: check again when it fires, the renewal may have won
        setTimeout(() => expired(this.#load()) && void this.renew(), left * 1000 + 1000),
      ];
    }
    return user;
  }

  #forget(): void {
    this.#timers.forEach(clearTimeout);
    sessionStorage.removeItem(this.#key);
  }

  #navigate(url: string): void {
    (this.#options.navigate ?? ((u) => location.assign(u)))(url);
  }

  #set(partial: Partial<PlatformContext>): void {
    this.#state = { ...this.#state, ...partial };
    for (const s of this.#stores) s.update(partial);
  }
}

/** Past `expires_at` (a session without one never expires here; the API's 401 says so). */
function expired(user: OidcTokens | null): boolean {
  return user?.expires_at !== undefined && user.expires_at <= epoch();
}

function signedOut(): SignedInContext {
  return {
    auth: { status: 'signed-out' },
    user: null,
    activeRole: null,
    organizations: {},
    activeChildId: null,
    activeGroup: null,
  };
}
