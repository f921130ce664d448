import { expect } from '@open-wc/testing';
import type { Notification } from '@digione/context';
import { ApiClient, PlatformNotificationService, type NotificationFeedOptions } from '@digione/platform';
import { waitFor } from '../../../test/helpers/wait.js';
import { fakeFetch, json, sseStream, tokens, type Call } from './helpers/fake-fetch.js';

function note(id: string, minute: number, extra: Partial<Notification> = {}): Notification {
  return {
    id,
    source: { pluginId: 'platform', vendorName: 'DigiOne' },
    severity: 'info',
    title: { fi: `Ilmoitus ${id}` },
    createdAt: `2026-09-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
    containsPersonalData: true,
    ...extra,
  };
}

type Stream = ReturnType<typeof sseStream> & { call: Call; at: number };
interface Server {
  list: Notification[];
  streams: Stream[];
  /** Status for the next stream request(s), e.g. 503; undefined streams normally. */
  streamStatus: number | undefined;
  /** Answer for the mutating requests. */
  mutate: (c: Call) => Response | Promise<Response>;
  fetch: ReturnType<typeof fakeFetch>;
}

/** The notification API over an in-memory list; each stream request gets a controllable body. */
function server(initial: Notification[] = []): Server {
  const s: Server = {
    list: [...initial],
    streams: [],
    streamStatus: undefined,
    mutate: () => json(null, 204),
    fetch: fakeFetch((c, signal) => {
      const p = c.url.pathname;
      if (p === '/api/notifications/stream') {
        if (s.streamStatus) return json({ error: 'x' }, s.streamStatus);
        const st = Object.assign(sseStream(signal), { call: c, at: performance.now() });
        s.streams.push(st);
        return st.response;
      }
      if (p === '/api/notifications' && c.method === 'GET') return json(s.list);
      if (p === '/api/notifications' && c.method === 'POST') {
        const title = String((c.body as { title?: unknown } | undefined)?.title);
        return json(note(`p${s.fetch.calls.length}`, 59, { title: { fi: title } }), 201);
      }
      return s.mutate(c);
    }),
  };
  return s;
}

function feed(srv: Server, options: Partial<NotificationFeedOptions> = {}, auth = tokens()) {
  const api = new ApiClient({ api: 'http://n.test', auth, fetch: srv.fetch });
  const f = new PlatformNotificationService({
    api,
    reconnect: { initialMs: 40, maxMs: 2000 },
    random: () => 0,
    ...options,
  });
  const seen: Array<{ ids: string[]; added: string[] }> = [];
  f.subscribe((list, added) => seen.push({ ids: list.map((n) => n.id), added: added.map((n) => n.id) }));
  return { f, seen };
}

async function rejection(p: Promise<unknown>): Promise<{ code?: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string };
  }
  throw new Error('expected a rejection');
}

describe('PlatformNotificationService', () => {
  let stop: Array<() => void> = [];
  afterEach(() => {
    stop.forEach((f) => f());
    stop = [];
  });
  function started(srv: Server, options: Partial<NotificationFeedOptions> = {}, auth = tokens()) {
    const r = feed(srv, options, auth);
    r.f.start();
    stop.push(() => r.f.stop(true));
    return r;
  }

  it('loads the list, then adds streamed notifications newest first; read and dismiss events apply', async () => {
    const srv = server([note('a', 1), note('b', 2)]);
    const { f, seen } = started(srv);
    await waitFor(() => f.list().length === 2, 'the initial list');
    expect(f.list().map((n) => n.id)).to.deep.equal(['b', 'a']);
    expect(srv.streams[0]!.call.headers.get('Authorization')).to.equal('Bearer t1');
    expect(srv.streams[0]!.call.headers.get('Accept')).to.equal('text/event-stream');
    expect(f.connection).to.equal('open');
    srv.streams[0]!.event('notification', '5', note('c', 3));
    await waitFor(() => f.list().length === 3, 'the streamed one');
    expect(f.list()[0]!.id).to.equal('c');
    expect(seen.at(-1)!.added).to.deep.equal(['c']);
    // the same event again (a replay) is not a second notification
    srv.streams[0]!.event('notification', '6', note('c', 3));
    srv.streams[0]!.event('read', '7', { ids: ['a', 'c'], readAt: '2026-09-01T11:00:00.000Z' });
    srv.streams[0]!.event('dismiss', '8', { id: 'b' });
    await waitFor(() => f.list().length === 2, 'the dismissal');
    expect(f.list().map((n) => [n.id, n.readAt])).to.deep.equal([
      ['c', '2026-09-01T11:00:00.000Z'],
      ['a', '2026-09-01T11:00:00.000Z'],
    ]);
    expect(seen.flatMap((s) => s.added)).to.deep.equal(['c']);
    expect(f.lastEventId).to.equal('8');
  });

  it('reconnects after the stream ends or breaks, resuming with Last-Event-ID, no duplicates', async () => {
    const srv = server([note('a', 1)]);
    const { f, seen } = started(srv);
    await waitFor(() => srv.streams.length === 1 && f.list().length === 1, 'connected');
    srv.streams[0]!.event('notification', '41', note('b', 2));
    await waitFor(() => f.list().length === 2, 'b');
    srv.streams[0]!.close();
    await waitFor(() => srv.streams.length === 2, 'a second connection');
    expect(srv.streams[1]!.call.headers.get('Last-Event-ID')).to.equal('41');
    // the server replays from the id: b again is not a duplicate
    srv.streams[1]!.event('notification', '41', note('b', 2));
    srv.streams[1]!.event('notification', '42', note('c', 3));
    await waitFor(() => f.list().length === 3, 'c');
    srv.streams[1]!.error();
    await waitFor(() => srv.streams.length === 3, 'a third connection');
    expect(srv.streams[2]!.call.headers.get('Last-Event-ID')).to.equal('42');
    expect(f.list().map((n) => n.id)).to.deep.equal(['c', 'b', 'a']);
    expect(seen.flatMap((s) => s.added)).to.deep.equal(['b', 'c']);
    // the list was fetched once, at the start: with an id to resume from it is not needed again
    expect(srv.fetch.calls.filter((c) => c.url.pathname === '/api/notifications')).to.have.length(1);
  });

  it('backs off exponentially while the server fails, and starts over after a good connection', async () => {
    const srv = server();
    srv.streamStatus = 503;
    const { f } = started(srv, { reconnect: { initialMs: 200, maxMs: 10_000 } });
    const streamCalls = () => srv.fetch.calls.filter((c) => c.url.pathname.endsWith('/stream'));
    await waitFor(() => streamCalls().length >= 5, 'five attempts');
    const times = streamCalls().map((c) => c.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // jitter pinned to its low end: cap/2 = 100, 200, 400, 800 ms; timers never fire early, and
    // steps this far apart stay apart on a loaded machine (a stalled first gap is not growth)
    gaps.forEach((g, i) => expect(g, `gap ${i}`).to.be.at.least(100 * 2 ** i - 2));
    expect(gaps[3]! - gaps[0]!).to.be.at.least(400);
    expect(f.connection).to.not.equal('open');
    srv.streamStatus = undefined;
    await waitFor(() => srv.streams.length === 1, 'a good connection');
    srv.streams[0]!.send(': hi\n\n');
    await waitFor(() => f.connection === 'open', 'open');
    await new Promise((r) => setTimeout(r, 20));
    const t0 = performance.now();
    srv.streams[0]!.close();
    await waitFor(() => srv.streams.length === 2, 'reconnected');
    // back at the first step (100 ms), not the sixth (3.2 s)
    expect(performance.now() - t0).to.be.below(1600);
  });

  it('a silent stream (no heartbeat) is dropped and reopened', async () => {
    const srv = server();
    started(srv, { idleTimeoutMs: 150 });
    await waitFor(() => srv.streams.length === 2, 'a reconnect after silence', 3000);
    expect(srv.streams[1]!.at - srv.streams[0]!.at).to.be.at.least(150);
  });

  it('signed out (401 and no new token): stops instead of retrying', async () => {
    const srv = server();
    srv.streamStatus = 401;
    const auth = tokens();
    const { f } = started(srv, {}, auth);
    auth.signedOut = true;
    await waitFor(() => f.connection === 'idle' && srv.fetch.calls.length >= 1, 'stopped');
    const n = srv.fetch.calls.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(srv.fetch.calls.length).to.equal(n);
  });

  it('markRead is optimistic and rolls back with a rejection when the server refuses', async () => {
    const srv = server([note('a', 1), note('b', 2)]);
    const { f, seen } = started(srv);
    await waitFor(() => f.list().length === 2, 'list');
    let release!: (r: Response) => void;
    srv.mutate = () => new Promise((r) => (release = r));
    const p = f.markRead(['a']);
    expect(f.list().find((n) => n.id === 'a')!.readAt).to.be.a('string');
    await waitFor(() => release, 'the request');
    release(json({ error: 'server_error', message: 'boom' }, 500));
    expect((await rejection(p)).code).to.equal('SERVER');
    expect(f.list().find((n) => n.id === 'a')!.readAt).to.equal(undefined);
    const mutation = srv.fetch.calls.find((c) => c.url.pathname === '/api/notifications/read')!;
    expect([mutation.method, mutation.body]).to.deep.equal(['POST', { ids: ['a'] }]);
    expect(seen.length).to.be.at.least(3);

    srv.mutate = () => json(null, 204);
    await f.markRead(['a']);
    expect(f.list().find((n) => n.id === 'a')!.readAt).to.be.a('string');
  });

  it('markAllRead: optimistic for every unread one, rolled back on failure', async () => {
    const srv = server([note('a', 1), note('b', 2, { readAt: '2026-09-01T09:00:00.000Z' }), note('c', 3)]);
    const { f } = started(srv);
    await waitFor(() => f.list().length === 3, 'list');
    srv.mutate = () => json({ error: 'x' }, 503);
    const p = f.markAllRead();
    expect(f.list().every((n) => n.readAt)).to.equal(true);
    await rejection(p);
    expect(f.list().map((n) => n.readAt ?? null)).to.deep.equal([null, '2026-09-01T09:00:00.000Z', null]);
    expect(srv.fetch.calls.some((c) => c.url.pathname === '/api/notifications/read-all')).to.equal(true);
  });

  it('dismiss: optimistic, back in its place on failure; "already gone" (404) counts as done', async () => {
    const srv = server([note('a', 1), note('b', 2), note('c', 3)]);
    const { f } = started(srv);
    await waitFor(() => f.list().length === 3, 'list');
    srv.mutate = () => json({ error: 'x' }, 500);
    const p = f.dismiss('b');
    expect(f.list().map((n) => n.id)).to.deep.equal(['c', 'a']);
    await rejection(p);
    expect(f.list().map((n) => n.id)).to.deep.equal(['c', 'b', 'a']);
    const del = srv.fetch.calls.find((c) => c.method === 'DELETE')!;
    expect(del.url.pathname).to.equal('/api/notifications/b');
    srv.mutate = () => json({ error: 'not_found' }, 404);
    await f.dismiss('b');
    expect(f.list().map((n) => n.id)).to.deep.equal(['c', 'a']);
  });

  it('post: validated, rate limited per source, announced once even when the stream echoes it', async () => {
    const srv = server();
    const { f, seen } = started(srv, { rateLimit: { max: 2, windowMs: 60_000 } });
    await waitFor(() => srv.streams.length === 1, 'stream');
    const src = { pluginId: 'fi.vendor.math', vendorName: 'Math Oy' };
    const n1 = await f.post({ title: 'one' }, src);
    await f.post({ title: 'two' }, src);
    const postsBefore = srv.fetch.calls.filter((c) => c.method === 'POST').length;
    expect((await rejection(f.post({ title: 'three' }, src))).code).to.equal('RATE_LIMITED');
    expect(srv.fetch.calls.filter((c) => c.method === 'POST').length).to.equal(postsBefore);
    // another source has its own budget
    await f.post({ title: 'other' }, { pluginId: 'fi.vendor.other', vendorName: 'Other' });
    const body = srv.fetch.calls.find((c) => c.method === 'POST')!.body;
    expect(body).to.deep.equal({ title: 'one', pluginId: 'fi.vendor.math' });
    srv.streams[0]!.event('notification', '9', n1);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.flatMap((s) => s.added).filter((id) => id === n1.id)).to.have.length(1);

    for (const bad of [
      { title: '  ' },
      { title: { fi: 'x'.repeat(201) } },
      { title: 'x', link: { href: 'javascript:alert(1)' } },
      { title: 'x', severity: 'loud' },
    ]) {
      expect((await rejection(f.post(bad as never, { pluginId: 'fi.x', vendorName: 'X' }))).code).to.equal(
        'INVALID_PARAMS',
      );
    }
  });

  it('keeps at most maxItems, the newest; stop(true) forgets them', async () => {
    const srv = server([1, 2, 3, 4, 5].map((i) => note(`n${i}`, i)));
    const { f } = started(srv, { maxItems: 3 });
    await waitFor(() => f.list().length === 3, 'list');
    expect(f.list().map((n) => n.id)).to.deep.equal(['n5', 'n4', 'n3']);
    srv.streams[0]!.event('notification', '1', note('old', 0));
    srv.streams[0]!.event('notification', '2', note('new', 9));
    await waitFor(() => f.list()[0]!.id === 'new', 'new');
    expect(f.list().map((n) => n.id)).to.deep.equal(['new', 'n5', 'n4']);
    f.stop(true);
    expect(f.list()).to.have.length(0);
    expect(f.connection).to.equal('idle');
  });
});
