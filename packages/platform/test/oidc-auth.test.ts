import { expect } from '@open-wc/testing';
import { createPlatformStore } from '@digione/context';
import { OidcAuthService, PLATFORM_RESOURCE, type OidcAuthOptions } from '@digione/platform';
import { waitFor } from '../../../test/helpers/wait.js';
import { fakeFetch, json } from './helpers/fake-fetch.js';
import { fakeOidc, oauthError, tokensFor } from './helpers/fake-oidc.js';
import { meResponse, teacherClaims } from './helpers/claims.js';
import { sameOriginAddress } from '@digione/platform/auth/return-to.js';

let issuer = 0;
const home = location.href;

function setup(extra: Partial<OidcAuthOptions> = {}) {
  const client = fakeOidc();
  const navigations: string[] = [];
  const store = createPlatformStore();
  const options: OidcAuthOptions = {
    issuer: `http://idp.test/${++issuer}`,
    clientId: 'c',
    client,
    navigate: (u) => navigations.push(u),
    ...extra,
  };
  const auth = new OidcAuthService(options);
  auth.attach(store);
  const key = `d1.oidc.user:${options.issuer}:c`;
  return { auth, client, store, navigations, key, options };
}

describe('OidcAuthService', () => {
  afterEach(() => history.replaceState(null, '', home));

  it('finishes a sign-in in the URL: code exchanged, URL cleaned, store signed in', async () => {
    history.replaceState(null, '', `${location.pathname}?keep=1&code=abc&state=st1&iss=x#frag`);
    const { auth, client, store, key } = setup();
    const seen: string[] = [];
    store.select(
      (s) => s.auth.status,
      (s) => seen.push(s),
    );
    await auth.start();
    expect(client.callbacks).to.have.length(1);
    expect(client.callbacks[0]).to.contain('code=abc').and.contain('state=st1');
    expect(location.search).to.equal('?keep=1');
    expect(location.hash).to.equal('#frag');
    expect(seen).to.deep.equal(['signing-in', 'signed-in']);
    const s = store.get();
    expect(s.user!.id).to.equal('u-teacher-1');
    expect(s.activeRole!.orgId).to.equal('99901');
    expect(s.locale.ui).to.equal('sv-FI');
    expect(sessionStorage.getItem(key)).to.contain('access-');
    expect(await auth.getAccessToken()).to.match(/^access-\d+$/);
    auth.dispose();
  });

  it('start() is idempotent: one code exchange however many widgets ask', async () => {
    history.replaceState(null, '', `${location.pathname}?code=abc&state=st1`);
    const { auth, client } = setup();
    await Promise.all([auth.start(), auth.start(), auth.getAccessToken()]);
    expect(client.callbacks).to.have.length(1);
    auth.dispose();
  });

  it('error=access_denied -> error "rejected", URL cleaned, nothing stored', async () => {
    history.replaceState(null, '', `${location.pathname}?error=access_denied&state=st1`);
    const { auth, client, store, key } = setup();
    client.callback = () => {
      throw oauthError('access_denied');
    };
    await auth.start();
    expect(store.get().auth).to.deep.include({ status: 'error' });
    expect(store.get().auth.error!.code).to.equal('rejected');
    expect(store.get().user).to.equal(null);
    expect(location.search).to.equal('');
    expect(sessionStorage.getItem(key)).to.equal(null);
    expect(await auth.getAccessToken()).to.equal(null);
  });

  it('claims without a learner number or role: error with that code, tokens forgotten', async () => {
    for (const [claims, code] of [
      [{ ...teacherClaims, 'urn:oid:1.3.6.1.4.1.16161.1.1.27': undefined }, 'missing-learner-number'],
      [{ ...teacherClaims, 'urn:mpass.id:role': ['x;99901;;Kokki'] }, 'missing-role'],
    ] as const) {
      history.replaceState(null, '', `${location.pathname}?code=abc&state=st1`);
      const { auth, client, store, key } = setup();
      client.callback = () => tokensFor(claims);
      await auth.start();
      expect(store.get().auth.status).to.equal('error');
      expect(store.get().auth.error!.code).to.equal(code);
      expect(sessionStorage.getItem(key)).to.equal(null);
    }
  });

  it('with api: GET /api/me with the new access token maps school codes to org ids', async () => {
    history.replaceState(null, '', `${location.pathname}?code=abc&state=st1`);
    const f = fakeFetch((c) => (c.url.pathname === '/api/me' ? json(meResponse) : json({}, 404)));
    const { auth, store } = setup({ api: 'http://api.test/', fetch: f });
    await auth.start();
    expect(f.calls[0]!.url.href).to.equal('http://api.test/api/me');
    expect(f.calls[0]!.headers.get('Authorization')).to.match(/^Bearer access-\d+$/);
    expect(store.get().activeRole!.orgId).to.equal('org-s1');
    expect(store.get().user!.preferredFirstName).to.equal('Ainska');
    auth.dispose();
  });

  it('without a stored session: signed out, no error', async () => {
    const { auth, store } = setup();
    await auth.start();
    expect(store.get().auth).to.deep.equal({ status: 'signed-out' });
    expect(await auth.getAccessToken()).to.equal(null);
  });

  it('restores a stored session; an expired one is renewed with the refresh token and the resource', async () => {
    const first = setup();
    history.replaceState(null, '', `${location.pathname}?code=abc&state=st1`);
    first.client.callback = () => tokensFor(teacherClaims, -5);
    await first.auth.start();
    first.auth.dispose();
    history.replaceState(null, '', home);
    // a reload: a new service on the same sessionStorage
    const again = new OidcAuthService({ ...first.options, client: first.client });
    const store = createPlatformStore();
    again.attach(store);
    await again.start();
    expect(first.client.refreshes).to.have.length(1);
    expect(first.client.refreshes[0]!.resource).to.equal(PLATFORM_RESOURCE);
    expect(store.get().auth.status).to.equal('signed-in');
    again.dispose();
  });

  it('renews on its own shortly before expiry, once, however many callers', async () => {
    history.replaceState(null, '', `${location.pathname}?code=abc&state=st1`);
    // a 2 s token: renewed at half its life (the 60 s margin would be at once, and again, and again)
    const { auth, client } = setup();
    client.callback = () => tokensFor(teacherClaims, 2);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    client.refresh = async () => {
      await gate;
      return tokensFor();
    };
    await auth.start();
    const before = await auth.getAccessToken();
    const t0 = performance.now();
    await waitFor(() => client.refreshes.length === 1, 'the automatic renewal');
    expect(performance.now() - t0).to.be.at.least(900);
    const concurrent = [auth.getAccessToken({ forceRefresh: true }), auth.renew()];
    release();
    await Promise.all(concurrent);
    expect(client.refreshes).to.have.length(1);
    const after = await auth.getAccessToken();
    expect(after).to.not.equal(before);
    auth.dispose();
  });

  it('the provider refuses the refresh token -> signed out with error "expired"', async () => {
    history.replaceState(null, '', `${location.pathname}?code=abc&state=st1`);
    const { auth, client, store, key } = setup();
    await auth.start();
    client.refresh = () => {
      throw oauthError('invalid_grant');
    };
    expect(await auth.getAccessToken({ forceRefresh: true })).to.equal(null);
    expect(store.get().auth).to.deep.equal({ status: 'signed-out', error: { code: 'expired' } });
    expect(store.get().user).to.equal(null);
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('an unreachable provider keeps a still-valid token; an expired one ends the session', async () => {
    history.replaceState(null, '', `${location.pathname}?code=abc&state=st1`);
    const { auth, client, store } = setup();
    await auth.start();
    client.refresh = () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await auth.getAccessToken({ forceRefresh: true })).to.match(/^access-/);
    expect(store.get().auth.status).to.equal('signed-in');
    auth.dispose();

    history.replaceState(null, '', `${location.pathname}?code=abc&state=st1`);
    const b = setup({ renewBeforeSeconds: 0 });
    b.client.callback = () => tokensFor(teacherClaims, 1);
    b.client.refresh = () => {
      throw new TypeError('Failed to fetch');
    };
    await b.auth.start();
    await waitFor(() => b.store.get().auth.status === 'signed-out', 'expiry', 4000);
    expect(b.store.get().auth.error).to.deep.equal({ code: 'expired' });
  });

  it('signIn redirects to the provider with a login hint; signOut forgets and goes to end-session', async () => {
    history.replaceState(null, '', `${location.pathname}?code=abc&state=st1`);
    const { auth, client, store, navigations, key } = setup();
    await auth.start();
    const idToken = JSON.parse(sessionStorage.getItem(key)!).id_token;
    await auth.signOut();
    expect(store.get().auth).to.deep.equal({ status: 'signed-out' });
    expect(store.get().user).to.equal(null);
    expect(sessionStorage.getItem(key)).to.equal(null);
    expect(client.signouts[0]).to.deep.include({ id_token_hint: idToken });
    expect(navigations).to.deep.equal(['http://idp.test/session/end']);

    await auth.signIn({ loginHint: 'aino' });
    expect(store.get().auth.status).to.equal('signing-in');
    expect(client.signins[0]).to.deep.equal({ request_type: 'si:r', login_hint: 'aino' });
    expect(navigations[1]).to.match(/^http:\/\/idp\.test\/auth\?client_id=c&state=st-\d+$/);
  });

  it('a deep link survives the sign-in: restored after the callback, and a popstate tells the router', async () => {
    const deep = `${location.pathname}?plugin=fi.example.tool&group=g-7a&path=%2Ftask%2F3#top`;
    history.replaceState(null, '', deep);
    const first = setup();
    await first.auth.start();
    await first.auth.signIn();
    const state = new URL(first.navigations[0]!).searchParams.get('state')!;
    expect(sessionStorage.getItem(`d1.oidc.return:${state}`)).to.equal(deep);
    first.auth.dispose();

    // back from the provider at the bare redirect URI: a new page load
    history.replaceState(null, '', `${location.pathname}?code=abc&state=${state}&iss=x`);
    const pops: string[] = [];
    const onPop = () => pops.push(location.pathname + location.search + location.hash);
    addEventListener('popstate', onPop);
    try {
      const { auth, store } = setup({ client: first.client });
      const done = auth.start();
      // the address is back at once, before the exchange: nothing reads the bare page meanwhile
      expect(location.pathname + location.search + location.hash).to.equal(deep);
      await done;
      expect(first.client.callbacks.at(-1)).to.contain(`state=${state}`);
      expect(store.get().auth.status).to.equal('signed-in');
      expect(pops).to.deep.equal([deep]);
      expect(Object.keys(sessionStorage).filter((k) => k.startsWith('d1.oidc.return:'))).to.deep.equal([]);
      auth.dispose();
    } finally {
      removeEventListener('popstate', onPop);
    }
  });

  it('a refused sign-in comes back to the deep link too; a callback this tab never started, to the bare page', async () => {
    history.replaceState(null, '', `${location.pathname}?plugin=fi.example.tool`);
    const first = setup();
    await first.auth.signIn();
    const state = new URL(first.navigations[0]!).searchParams.get('state')!;
    history.replaceState(null, '', `${location.pathname}?error=access_denied&state=${state}`);
    const denied = setup({ client: first.client });
    first.client.callback = () => {
      throw oauthError('access_denied');
    };
    await denied.auth.start();
    expect(denied.store.get().auth.error!.code).to.equal('rejected');
    expect(location.search).to.equal('?plugin=fi.example.tool');

    // the same state again (a replay), and one never issued: no address to restore
    for (const s of [state, 'st-forged']) {
      history.replaceState(null, '', `${location.pathname}?x=1&code=abc&state=${s}`);
      const pops: Event[] = [];
      const onPop = (e: Event) => pops.push(e);
      addEventListener('popstate', onPop);
      const again = setup();
      await again.auth.start();
      again.auth.dispose();
      removeEventListener('popstate', onPop);
      expect(location.search, s).to.equal('?x=1');
      expect(pops, s).to.deep.equal([]);
    }
  });

  it('never restores an address off this origin, whatever sessionStorage holds', async () => {
    const evil = [
      'https://evil.test/phish',
      '//evil.test/phish',
      '/\\evil.test/phish',
      '/\\/evil.test',
      // the URL parser drops tabs and newlines: this one reads as //evil.test
      '/\t/evil.test',
      'javascript:alert(1)',
      'evil.test',
      '',
    ];
    for (const [i, value] of evil.entries()) {
      // what only script on this origin could write: the check holds even then
      sessionStorage.setItem(`d1.oidc.return:st-evil-${i}`, value);
      history.replaceState(null, '', `${location.pathname}?code=abc&state=st-evil-${i}`);
      const { auth } = setup();
      await auth.start();
      expect(location.origin + location.pathname + location.search, value).to.equal(
        location.origin + new URL(home).pathname,
      );
      expect(sessionStorage.getItem(`d1.oidc.return:st-evil-${i}`)).to.equal(null);
      auth.dispose();
    }
    expect(sameOriginAddress('/a/b?c=1#d')).to.equal('/a/b?c=1#d');
    expect(sameOriginAddress('/a/../b')).to.equal('/b');
    for (const v of [...evil, null, 42]) expect(sameOriginAddress(v), String(v)).to.equal(null);
  });

  it('several stores attached to one session all follow it', async () => {
    history.replaceState(null, '', `${location.pathname}?code=abc&state=st1`);
    const { auth, store } = setup();
    const late = createPlatformStore();
    await auth.start();
    auth.attach(late);
    expect(late.get().user!.id).to.equal(store.get().user!.id);
    await auth.signOut();
    expect(late.get().auth.status).to.equal('signed-out');
  });
});
