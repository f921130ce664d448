import { expect } from '@open-wc/testing';
import { ApiClient, PlatformError } from '@digione/platform';
import { fakeFetch, json, tokens } from './helpers/fake-fetch.js';

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('ApiClient', () => {
  it('sends the bearer token and JSON, parses JSON', async () => {
    const f = fakeFetch((c) => json({ echo: c.body }));
    const api = new ApiClient({ api: 'http://api.test/', auth: tokens(), fetch: f });
    const r = await api.json<{ echo: unknown }>('/api/x', { method: 'POST', json: { a: 1 } });
    expect(r.echo).to.deep.equal({ a: 1 });
    expect(f.calls[0]!.url.href).to.equal('http://api.test/api/x');
    expect(f.calls[0]!.headers.get('Authorization')).to.equal('Bearer t1');
    expect(f.calls[0]!.headers.get('Content-Type')).to.equal('application/json');
  });

  it('retries once with a refreshed token after 401, then gives up', async () => {
    const auth = tokens();
    const f = fakeFetch((c) =>
      c.headers.get('Authorization') === 'Bearer t2' ? json({ ok: true }) : json({ error: 'x' }, 401),
    );
    const api = new ApiClient({ api: 'http://api.test', auth, fetch: f });
    expect(await api.json('/a')).to.deep.equal({ ok: true });
    expect(auth.refreshes).to.equal(1);

    const never = new ApiClient({ api: 'http://api.test', auth, fetch: fakeFetch(() => json({}, 401)) });
    const e = (await rejection(never.request('/b'))) as PlatformError;
    expect(e.code).to.equal('UNAUTHENTICATED');
    expect(auth.refreshes).to.equal(2);
  });

  it('maps statuses to codes and keeps the server message (JSON or imsx_StatusInfo)', async () => {
    const cases: Array<[number, unknown, string, string]> = [
      [404, { error: 'not_found', message: 'no such plugin' }, 'NOT_FOUND', 'no such plugin'],
      [413, { error: 'quota', message: 'too big' }, 'QUOTA_EXCEEDED', 'too big'],
      [400, { imsx_codeMajor: 'failure', imsx_description: 'bad filter' }, 'INVALID_PARAMS', 'bad filter'],
      [429, {}, 'RATE_LIMITED', '429'],
      [503, {}, 'SERVER', '503'],
      [403, {}, 'PERMISSION_DENIED', '403'],
    ];
    for (const [status, body, code, text] of cases) {
      const api = new ApiClient({
        api: 'http://a',
        auth: tokens(),
        fetch: fakeFetch(() => json(body, status)),
      });
      const e = (await rejection(api.request('/x'))) as PlatformError;
      expect(e).to.be.instanceOf(PlatformError);
      expect([e.code, e.status]).to.deep.equal([code, status]);
      expect(e.message).to.contain(text);
    }
  });

  it('signed out: UNAUTHENTICATED without calling the server; network failure: NETWORK', async () => {
    const auth = tokens();
    auth.signedOut = true;
    const f = fakeFetch(() => json({}));
    const e = (await rejection(
      new ApiClient({ api: 'http://a', auth, fetch: f }).request('/x'),
    )) as PlatformError;
    expect(e.code).to.equal('UNAUTHENTICATED');
    expect(f.calls).to.have.length(0);
    const down = new ApiClient({
      api: 'http://a',
      auth: tokens(),
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(((await rejection(down.request('/x'))) as PlatformError).code).to.equal('NETWORK');
  });

  it('an abort rejects with the signal reason, not a PlatformError', async () => {
    const ctl = new AbortController();
    const api = new ApiClient({
      api: 'http://a',
      auth: tokens(),
      // as fetch does: reject at once when already aborted, or when the abort comes
      fetch: (_u, init) =>
        new Promise((_r, reject) => {
          if (init?.signal?.aborted) reject(init.signal.reason);
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
        }),
    });
    const p = rejection(api.request('/x', { signal: ctl.signal }));
    ctl.abort(new DOMException('stop', 'AbortError'));
    const e = (await p) as DOMException;
    expect(e.name).to.equal('AbortError');
    expect(e.message).to.equal('stop');
  });
});
