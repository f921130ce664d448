import { expect } from '@open-wc/testing';
import { ApiClient, PlatformPluginSessionService } from '@digione/platform';
import { fakeFetch, json, tokens } from './helpers/fake-fetch.js';

function setup(expiresIn = 300_000) {
  let now = 1_800_000_000_000;
  let n = 0;
  const store = new Map<string, unknown>();
  const f = fakeFetch((c) => {
    if (c.url.pathname === '/api/plugin-sessions') {
      const { pluginId } = c.body as { pluginId: string };
      n++;
      return json({ pluginId, sub: `pairwise-${pluginId}`, token: `jwt-${n}`, expiresAt: now + expiresIn });
    }
    const m = /^\/api\/plugin-storage\/([^/]+)\/(.+)$/.exec(c.url.pathname);
    if (m) {
      const k = `${decodeURIComponent(m[1]!)}|${decodeURIComponent(m[2]!)}`;
      if (c.method === 'PUT') {
        if (JSON.stringify(c.body).length > 100) return json({ error: 'quota', message: 'over 64 KiB' }, 413);
        store.set(k, (c.body as { value: unknown }).value);
        return json(null, 204);
      }
      return store.has(k) ? json({ value: store.get(k) }) : json({ error: 'not_found' }, 404);
    }
    return json({}, 404);
  });
  const svc = new PlatformPluginSessionService({
    api: new ApiClient({ api: 'http://p.test', auth: tokens(), fetch: f }),
    now: () => now,
  });
  return { svc, f, tick: (ms: number) => (now += ms) };
}

describe('PlatformPluginSessionService', () => {
  it('caches a session until shortly before it expires; concurrent callers share one request', async () => {
    const { svc, f, tick } = setup();
    const [a, b] = await Promise.all([svc.session('fi.math'), svc.session('fi.math')]);
    expect(a).to.equal(b);
    expect(a).to.deep.include({ pluginId: 'fi.math', sub: 'pairwise-fi.math', token: 'jwt-1' });
    expect(f.calls).to.have.length(1);
    expect(f.calls[0]!.body).to.deep.equal({ pluginId: 'fi.math' });
    tick(239_000); // 61 s left: still cached
    expect((await svc.session('fi.math')).token).to.equal('jwt-1');
    tick(2_000); // 59 s left: renewed
    expect((await svc.session('fi.math')).token).to.equal('jwt-2');
    expect((await svc.session('fi.math', { forceRefresh: true })).token).to.equal('jwt-3');
    // per plugin
    expect((await svc.session('fi.other')).sub).to.equal('pairwise-fi.other');
    svc.clear();
    expect((await svc.session('fi.math')).token).to.equal('jwt-5');
  });

  it("sends the plugin's grants in the request; a session is cached per plugin and grants", async () => {
    const { svc, f } = setup();
    const a = await svc.session('fi.math', { permissions: ['token', 'roster'] });
    expect(f.calls[0]!.body).to.deep.equal({ pluginId: 'fi.math', permissions: ['token', 'roster'] });
    expect((await svc.session('fi.math', { permissions: ['token', 'roster'] })).token).to.equal(a.token);
    // a changed grant is a new token, never one minted for other grants
    const b = await svc.session('fi.math', { permissions: ['token'] });
    expect(b.token).to.not.equal(a.token);
    expect(f.calls[1]!.body).to.deep.equal({ pluginId: 'fi.math', permissions: ['token'] });
    const c = await svc.session('fi.math', { forceRefresh: true, permissions: ['token', 'roster'] });
    expect(f.calls[2]!.body).to.deep.equal({ pluginId: 'fi.math', permissions: ['token', 'roster'] });
    expect([a.token, b.token]).to.not.include(c.token);
    // none given: none asked for (the platform grants nothing)
    await svc.session('fi.math');
    expect(f.calls[3]!.body).to.deep.equal({ pluginId: 'fi.math' });
    expect(f.calls).to.have.length(4);
  });

  it('a failed request is not cached', async () => {
    let fail = true;
    const f = fakeFetch(() =>
      fail ? json({ error: 'x' }, 503) : json({ sub: 's', token: 't', expiresAt: Date.now() + 300_000 }),
    );
    const svc = new PlatformPluginSessionService({
      api: new ApiClient({ api: 'http://p', auth: tokens(), fetch: f }),
    });
    let err: unknown;
    try {
      await svc.session('x');
    } catch (e) {
      err = e;
    }
    expect(err).to.have.property('code', 'SERVER');
    fail = false;
    expect((await svc.session('x')).token).to.equal('t');
  });

  it('storage: get of an unset key is undefined, set then get, over quota rejects QUOTA_EXCEEDED', async () => {
    const { svc, f } = setup();
    expect(await svc.storageGet('fi.math', 'a/b c')).to.equal(undefined);
    await svc.storageSet('fi.math', 'a/b c', { level: 3 });
    expect(await svc.storageGet('fi.math', 'a/b c')).to.deep.equal({ level: 3 });
    expect(f.calls.at(-1)!.url.pathname).to.equal('/api/plugin-storage/fi.math/a%2Fb%20c');
    let err: unknown;
    try {
      await svc.storageSet('fi.math', 'big', 'x'.repeat(200));
    } catch (e) {
      err = e;
    }
    expect(err).to.have.property('code', 'QUOTA_EXCEEDED');
  });
});
