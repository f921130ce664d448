import { expect } from '@open-wc/testing';
import { OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { createPlatformStore } from '@digione/context';
import { OidcAuthService, PLATFORM_RESOURCE, type OidcClientLike, type OidcTokens } from '@digione/platform';
import {
  isLoopbackHttp,
  oauthClient,
  PENDING_PREFIX,
  type OAuthClientSettings,
} from '@digione/platform/auth/oauth-client.js';
import { fakeProvider, s256 } from './helpers/fake-provider.js';

const home = location.href;
const redirectUri = location.origin + location.pathname;
let idp = 0;

/** A fake provider on a fresh issuer (loopback unless told), answering fetch() until the test ends. */
function provider(base = 'http://localhost:9') {
  const p = fakeProvider(`${base}/idp-${++idp}`);
  undo.push(p.install());
  return p;
}
let undo: Array<() => void> = [];

function settings(issuer: string, extra: Partial<OAuthClientSettings> = {}): OAuthClientSettings {
  return {
    issuer,
    clientId: 'c',
    redirectUri,
    postLogoutRedirectUri: `${redirectUri}?bye`,
    scope: 'openid profile offline_access',
    resource: PLATFORM_RESOURCE,
    ...extra,
  };
}

const pendingKeys = () => Object.keys(sessionStorage).filter((k) => k.startsWith(PENDING_PREFIX));

async function rejection(p: Promise<unknown>): Promise<Error & { code?: string; error?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('oauthClient (the built-in protocol client)', () => {
  afterEach(() => {
    undo.forEach((u) => u());
    undo = [];
    sessionStorage.clear();
    history.replaceState(null, '', home);
  });

  it('plain http only for a loopback issuer', () => {
    for (const ok of ['http://localhost:4000/oidc', 'http://127.0.0.1:3000/', 'http://[::1]:1/oidc'])
      expect(isLoopbackHttp(new URL(ok)), ok).to.equal(true);
    for (const no of [
      'http://idp.test/oidc',
      'http://localhost.evil.test/',
      'http://127.0.0.1.nip.io/',
      'http://10.0.0.1/',
      'http://0.0.0.0/',
      'https://localhost/', // https needs no exception
    ])
      expect(isLoopbackHttp(new URL(no)), no).to.equal(false);
  });

  it('refuses a plain-http issuer off this machine before any request; loopback and https work', async () => {
    const remote = provider('http://idp.test');
    const err = await rejection(
      oauthClient(settings(remote.issuer)).createSigninRequest({ request_type: 'si:r' }),
    );
    expect(err.code).to.equal('OIDC_INSECURE');
    expect(remote.requests).to.deep.equal([]);
    expect(pendingKeys()).to.deep.equal([]);

    for (const base of ['http://localhost:9', 'http://127.0.0.1:9', 'https://idp.test']) {
      const p = provider(base);
      const { url } = await oauthClient(settings(p.issuer)).createSigninRequest({ request_type: 'si:r' });
      expect(url.startsWith(`${p.issuer}/auth?`), base).to.equal(true);
    }
  });

  it('an https provider that names a plain-http endpoint is refused too', async () => {
    const p = provider('https://idp.test');
    p.metadata.authorization_endpoint = 'http://idp.test/auth';
    const err = await rejection(
      oauthClient(settings(p.issuer)).createSigninRequest({ request_type: 'si:r' }),
    );
    expect(err.code).to.equal('OIDC_INSECURE');
    expect(pendingKeys()).to.deep.equal([]);
  });

  it('authorization request: code + PKCE S256, state, nonce, scope, resource, login hint', async () => {
    const p = provider();
    const { url } = await oauthClient(settings(p.issuer)).createSigninRequest({
      request_type: 'si:r',
      login_hint: 'aino',
    });
    const q = new URL(url).searchParams;
    expect(Object.fromEntries([...q].filter(([k]) => !/state|nonce|code_challenge$/.test(k)))).to.deep.equal({
      client_id: 'c',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile offline_access',
      resource: PLATFORM_RESOURCE,
      code_challenge_method: 'S256',
      login_hint: 'aino',
    });
    const state = q.get('state')!;
    expect(state).to.have.length.of.at.least(32);
    expect(q.get('nonce')).to.have.length.of.at.least(32).and.not.equal(state);
    const pending = JSON.parse(sessionStorage.getItem(PENDING_PREFIX + state)!);
    expect(await s256(pending.verifier)).to.equal(q.get('code_challenge'));
    expect(pending.nonce).to.equal(q.get('nonce'));
  });

  it('code exchange names the resource and the verifier; the state is used once, an unknown one fails', async () => {
    const p = provider();
    const client = oauthClient(settings(p.issuer));
    const { url } = await client.createSigninRequest({ request_type: 'si:r' });
    const callback = p.authorize(url, { session_state: 'ss1' });
    const tokens = await client.processSigninResponse(callback);
    expect(tokens.access_token).to.match(/^access-/);
    expect(tokens.refresh_token).to.match(/^refresh-/);
    expect(tokens.profile.sub).to.equal('u-teacher-1');
    expect(tokens.profile['urn:mpass.id:role']).to.deep.equal(p.claims['urn:mpass.id:role']);
    expect(tokens.session_state).to.equal('ss1');
    expect(tokens.expires_at! - Date.now() / 1000).to.be.within(298, 301);
    const [exchange] = p.tokenRequests;
    expect(exchange!.params.get('grant_type')).to.equal('authorization_code');
    expect(exchange!.params.get('resource')).to.equal(PLATFORM_RESOURCE);
    expect(exchange!.params.get('redirect_uri')).to.equal(redirectUri);
    expect(exchange!.params.get('client_id')).to.equal('c');
    expect(pendingKeys()).to.deep.equal([]);

    // the same response again (a replay, a reload of the callback URL): refused, no token request
    await rejection(client.processSigninResponse(callback));
    // a response to a request this tab never made
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-mine');
    await rejection(client.processSigninResponse(forged.href));
    expect(p.tokenRequests).to.have.length(1);
  });

  it('the ID token must carry our nonce, issuer and audience, and not be expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const override of [
      { nonce: 'other' },
      { iss: 'http://evil.test' },
      { aud: 'other' },
      { exp: now - 120 },
      { iat: now + 3600 },
      // several audiences: only with azp naming us (OIDC Core 3.1.3.7)
      { aud: ['c', 'other'] },
      { aud: ['c', 'other'], azp: 'other' },
    ]) {
      const p = provider();
      p.override = override;
      const client = oauthClient(settings(p.issuer));
      const { url } = await client.createSigninRequest({ request_type: 'si:r' });
      const err = await rejection(client.processSigninResponse(p.authorize(url)));
      expect(err.code, JSON.stringify(override)).to.match(/^OIDC_(CLAIM|TIMESTAMP)$/);
    }
  });

  it('a response from another issuer (mix-up) is refused before the code is sent anywhere', async () => {
    const p = provider();
    const client = oauthClient(settings(p.issuer));
    const { url } = await client.createSigninRequest({ request_type: 'si:r' });
    const back = new URL(p.authorize(url));
    back.searchParams.set('iss', 'http://localhost:9/elsewhere');
    await rejection(client.processSigninResponse(back.href));
    expect(p.tokenRequests).to.deep.equal([]);
  });

  it('refresh: the resource, the rotated token; a different person in the new ID token is refused', async () => {
    const p = provider();
    const client = oauthClient(settings(p.issuer));
    const { url } = await client.createSigninRequest({ request_type: 'si:r' });
    const first = await client.processSigninResponse(p.authorize(url, { session_state: 'ss1' }));
    const renewed = await client.useRefreshToken({
      state: { ...first, refresh_token: first.refresh_token! },
      resource: PLATFORM_RESOURCE,
      timeoutInSeconds: 15,
    });
    const refresh = p.tokenRequests[1]!.params;
    expect(refresh.get('grant_type')).to.equal('refresh_token');
    expect(refresh.get('refresh_token')).to.equal(first.refresh_token);
    expect(refresh.get('resource')).to.equal(PLATFORM_RESOURCE);
    expect(renewed.access_token).to.not.equal(first.access_token);
    expect(renewed.refresh_token).to.not.equal(first.refresh_token);
    expect(renewed.session_state).to.equal('ss1');
    expect(renewed.profile.sub).to.equal(first.profile.sub);
    // the old refresh token is spent: the provider says invalid_grant, and the error carries it
    const spent = await rejection(
      client.useRefreshToken({ state: { ...first, refresh_token: first.refresh_token! } }),
    );
    expect(spent.error).to.equal('invalid_grant');

    p.override = { sub: 'someone-else' };
    await rejection(client.useRefreshToken({ state: { ...renewed, refresh_token: renewed.refresh_token! } }));
  });

  it('sign-out URL: end-session endpoint with the ID token hint and where to come back', async () => {
    const p = provider();
    const { url } = await oauthClient(settings(p.issuer)).createSignoutRequest({
      request_type: 'so:r',
      id_token_hint: 'the.id.token',
    });
    const u = new URL(url);
    expect(u.origin + u.pathname).to.equal(`${p.issuer}/session/end`);
    expect(Object.fromEntries(u.searchParams)).to.deep.equal({
      client_id: 'c',
      id_token_hint: 'the.id.token',
      post_logout_redirect_uri: `${redirectUri}?bye`,
    });
  });
});

/** OidcAuthService's whole round trip over the fake provider, with a given protocol client. */
async function roundTrip(issuer: string, client?: OidcClientLike) {
  const navigations: string[] = [];
  const options = {
    issuer,
    clientId: 'c',
    navigate: (u: string) => navigations.push(u),
    ...(client ? { client } : {}),
  };
  const store = createPlatformStore();
  const first = new OidcAuthService(options);
  first.attach(store);
  await first.start();
  await first.signIn();
  return { navigations, store, first, options };
}

describe('OidcAuthService over a protocol client', () => {
  afterEach(() => {
    undo.forEach((u) => u());
    undo = [];
    sessionStorage.clear();
    history.replaceState(null, '', home);
  });

  const clients: Array<[string, (issuer: string) => OidcClientLike | undefined]> = [
    ['the default (built-in)', () => undefined],
    [
      "oidc-client-ts's OidcClient, as a portal may pass it",
      (issuer) =>
        new OidcClient({
          authority: issuer,
          client_id: 'c',
          redirect_uri: redirectUri,
          post_logout_redirect_uri: redirectUri,
          response_type: 'code',
          scope: 'openid profile offline_access',
          resource: PLATFORM_RESOURCE,
          extraTokenParams: { resource: PLATFORM_RESOURCE },
          loadUserInfo: false,
          stateStore: new WebStorageStateStore({ store: sessionStorage }),
        }),
    ],
  ];
  for (const [name, make] of clients) {
    it(`${name}: sign in from a deep link and come back to it, renew, sign out`, async () => {
      const p = provider();
      const deep = `${location.pathname}?plugin=fi.example.tool&group=g-7a#top`;
      history.replaceState(null, '', deep);
      const { navigations, first, options } = await roundTrip(p.issuer, make(p.issuer));
      expect(navigations[0]!.startsWith(`${p.issuer}/auth?`)).to.equal(true);
      first.dispose();

      // back from the provider: a new page load
      history.replaceState(null, '', p.authorize(navigations[0]!));
      const auth = new OidcAuthService({ ...options, client: options.client ?? make(p.issuer) });
      const store = createPlatformStore();
      auth.attach(store);
      await auth.start();
      expect(store.get().auth.status).to.equal('signed-in');
      expect(store.get().user!.id).to.equal('u-teacher-1');
      // the provider came back to the bare redirect URI; the page is back at the deep link
      expect(p.tokenRequests[0]!.params.get('redirect_uri')).to.equal(redirectUri);
      expect(location.href).to.equal(location.origin + deep);
      expect(p.tokenRequests[0]!.params.get('resource')).to.equal(PLATFORM_RESOURCE);
      const key = `d1.oidc.user:${p.issuer}:c`;
      // only the session is left in sessionStorage: the pending request is gone
      expect(Object.keys(sessionStorage).filter((k) => sessionStorage.getItem(k))).to.deep.equal([key]);
      const stored = JSON.parse(sessionStorage.getItem(key)!) as OidcTokens;

      expect(await auth.renew()).to.not.equal(null);
      expect(p.tokenRequests[1]!.params.get('resource')).to.equal(PLATFORM_RESOURCE);
      const after = JSON.parse(sessionStorage.getItem(key)!) as OidcTokens;
      expect(after.refresh_token).to.not.equal(stored.refresh_token);
      expect(await auth.getAccessToken()).to.equal(after.access_token);

      await auth.signOut();
      const end = new URL(navigations.at(-1)!);
      expect(end.origin + end.pathname).to.equal(`${p.issuer}/session/end`);
      expect(end.searchParams.get('id_token_hint')).to.equal(after.id_token);
      expect(sessionStorage.getItem(key)).to.equal(null);
      auth.dispose();
    });
  }

  it('the default client: ?error=access_denied -> "rejected"; a replayed callback -> error, nothing stored', async () => {
    const p = provider();
    const { navigations, first, options } = await roundTrip(p.issuer);
    first.dispose();
    history.replaceState(null, '', p.authorize(navigations[0]!, { error: 'access_denied' }));
    const denied = new OidcAuthService(options);
    const store = createPlatformStore();
    denied.attach(store);
    await denied.start();
    expect(store.get().auth.error!.code).to.equal('rejected');
    // back on the page the sign-in started from (this test page, with its own query)
    expect(location.href).to.equal(home);
    expect(pendingKeys()).to.deep.equal([]);

    // sign in for real, then replay the same callback URL in a fresh page
    await denied.signIn();
    const callback = p.authorize(navigations.at(-1)!);
    for (const expected of ['signed-in', 'error']) {
      history.replaceState(null, '', callback);
      sessionStorage.removeItem(`d1.oidc.user:${p.issuer}:c`);
      const auth = new OidcAuthService(options);
      const s = createPlatformStore();
      auth.attach(s);
      await auth.start();
      expect(s.get().auth.status).to.equal(expected);
      auth.dispose();
    }
    expect(sessionStorage.getItem(`d1.oidc.user:${p.issuer}:c`)).to.equal(null);
    expect(p.tokenRequests).to.have.length(1);
  });
});
