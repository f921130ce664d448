// Fuzzing the platform's notification feed: the SSE parser (`sseParser`) and
// `PlatformNotificationService` reading a stream of garbage. Whatever the stream carries, nothing
// throws, and the list the tray gets holds only notifications it can render: unique ids, a real
// date, texts that are text, links and icons that are strings, newest first, capped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anyValue, fc, holds, loadSource, nastyString } from './support.mjs';

const { sseParser } = await loadSource('packages/platform/src/notifications/sse.ts');
const { PlatformNotificationService } = await loadSource('packages/platform/src/notifications/feed.ts');
const { ApiClient } = await loadSource('packages/platform/src/http.ts');

const EOL = fc.constantFrom('\n', '\r', '\r\n');
const line = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('event', 'data', 'id', 'retry', 'junk', ''),
      fc.constantFrom(':', ': ', ''),
      fc.string({ maxLength: 12 }),
    )
    .map(([f, sep, v]) => f + sep + v.replace(/[\r\n]/g, '')),
  fc.string({ maxLength: 12 }).map((s) => `:${s.replace(/[\r\n]/g, '')}`),
  fc.constantFrom('data', 'data:', 'id: 7', 'id: a\u0000b', 'retry: 1500', 'retry: x', 'event: notification'),
);
/** A stream: lines and line ends in any mix, possibly ending mid-line. */
const stream = fc
  .array(fc.tuple(line, EOL, fc.boolean()), { maxLength: 30 })
  .map((ls) => ls.map(([l, e, blank]) => l + e + (blank ? e : '')).join(''));
/** Cut a text at random places, including inside a CRLF. */
const cuts = (s) =>
  fc.uniqueArray(fc.integer({ min: 0, max: s.length }), { maxLength: 8 }).map((at) => {
    const ps = [0, ...at.sort((a, b) => a - b), s.length];
    return ps.slice(1).map((p, i) => s.slice(ps[i], p));
  });

function parseAll(chunks) {
  const events = [];
  const retries = [];
  const p = sseParser(
    (e) => events.push(e),
    (ms) => retries.push(ms),
  );
  for (const c of chunks) p.push(c);
  return { events, retries, last: p.lastEventId };
}

test('sseParser: the same events however the stream is cut, and never an exception', async () => {
  await holds(
    'sseParser split invariance',
    fc.property(
      stream.chain((s) => cuts(s).map((chunks) => [s, chunks])),
      ([s, chunks]) => {
        const whole = parseAll([s]);
        assert.deepStrictEqual(parseAll(chunks), whole);
        for (const e of whole.events) {
          assert.equal(typeof e.type, 'string');
          assert.equal(typeof e.data, 'string');
          assert.ok(!e.id.includes('\u0000'), 'an id with NUL is ignored');
        }
        for (const r of whole.retries) assert.ok(Number.isInteger(r) && r >= 0);
      },
    ),
    3000,
  );
});

test('sseParser: well-formed events come out exactly as sent', async () => {
  const ev = fc.record({
    type: fc.constantFrom('notification', 'read', 'dismiss', 'message'),
    data: fc.array(
      fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, '')),
      { minLength: 1, maxLength: 3 },
    ),
    id: fc.integer({ min: 1 }).map(String),
  });
  await holds(
    'sseParser model',
    fc.property(fc.array(ev, { maxLength: 10 }), EOL, (events, eol) => {
      const text = events
        .map(
          (e) =>
            `event: ${e.type}${eol}${e.data.map((d) => `data: ${d}`).join(eol)}${eol}id: ${e.id}${eol}${eol}`,
        )
        .join(`: heartbeat${eol}${eol}`);
      const got = parseAll([text]).events;
      assert.deepStrictEqual(
        got,
        events.map((e) => ({ type: e.type, data: e.data.join('\n'), id: e.id })),
      );
    }),
    1000,
  );
});

// ---------------------------------------------------------------------------------------------
// The feed over a fake platform whose stream carries anything

/** What JSON can carry: the stream's data is JSON text. */
const junk = () => fc.oneof(fc.jsonValue({ maxDepth: 2 }), nastyString());
const text = fc.oneof(
  nastyString(),
  fc.dictionary(fc.constantFrom('fi', 'sv', 'en', 'xx'), fc.oneof(nastyString(), junk()), { maxKeys: 3 }),
  junk(),
);
const notification = fc.record(
  {
    id: fc.oneof(fc.constantFrom('n1', 'n2', 'n3', 'n4'), junk()),
    source: fc.oneof(
      fc.record(
        {
          pluginId: fc.oneof(fc.constantFrom('platform', 'fi.example.a'), junk()),
          vendorName: fc.oneof(nastyString(), junk()),
          icon: fc.oneof(nastyString(), junk()),
        },
        { requiredKeys: ['pluginId'] },
      ),
      junk(),
    ),
    severity: fc.oneof(fc.constantFrom('info', 'error'), junk()),
    title: text,
    body: text,
    link: fc.oneof(
      fc.record(
        {
          pluginId: junk(),
          path: fc.oneof(nastyString(), junk()),
          href: fc.oneof(nastyString(), junk()),
        },
        { requiredKeys: [] },
      ),
      junk(),
    ),
    createdAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      nastyString(),
      junk(),
    ),
    readAt: fc.oneof(
      fc.constant(undefined),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      junk(),
    ),
    count: junk(),
    containsPersonalData: junk(),
  },
  { requiredKeys: ['id', 'title', 'createdAt', 'source'] },
);
const data = fc.oneof(
  { weight: 3, arbitrary: notification.map((n) => JSON.stringify(n) ?? 'null') },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        ids: fc.oneof(fc.array(fc.constantFrom('n1', 'n2', 5)), junk()),
        readAt: junk(),
        id: junk(),
      })
      .map((v) => JSON.stringify(v) ?? '{}'),
  },
);
const event = fc
  .tuple(
    fc.constantFrom('notification', 'notification', 'read', 'dismiss', 'message', 'junk'),
    data,
    fc.nat(99),
  )
  .map(
    ([type, d, id]) =>
      `event: ${type}\n${d
        .split(/\r\n|\r|\n/)
        .map((l) => `data: ${l}`)
        .join('\n')}\nid: ${id}\n\n`,
  );
const feedStream = fc
  .array(fc.oneof({ weight: 5, arbitrary: event }, { weight: 1, arbitrary: stream }), { maxLength: 12 })
  .chain((evs) => cuts(evs.join('')));

const isText = (t) =>
  typeof t == 'string' ||
  (typeof t == 'object' &&
    t !== null &&
    !Array.isArray(t) &&
    Object.values(t).every((v) => typeof v == 'string'));
const optString = (v) => v === undefined || typeof v == 'string';

/** What the tray relies on to render an item without throwing. */
function assertRenderable(n) {
  assert.equal(typeof n.id, 'string');
  assert.ok(!Number.isNaN(Date.parse(n.createdAt)), `createdAt ${JSON.stringify(n.createdAt)} is no date`);
  assert.ok(isText(n.title), `title ${JSON.stringify(n.title)}`);
  assert.ok(n.body === undefined || isText(n.body), `body ${JSON.stringify(n.body)}`);
  assert.ok(typeof n.source == 'object' && n.source !== null && typeof n.source.pluginId == 'string');
  assert.ok(optString(n.source.icon) && optString(n.source.vendorName), `source ${JSON.stringify(n.source)}`);
  assert.ok(
    n.link === undefined || (typeof n.link == 'object' && n.link !== null),
    `link ${JSON.stringify(n.link)}`,
  );
  if (n.link) for (const k of ['href', 'path', 'pluginId']) assert.ok(optString(n.link[k]), `link.${k}`);
  assert.ok(n.readAt === undefined || typeof n.readAt == 'string');
}

/** A platform whose stream sends `chunks` once, then nothing; the list endpoint answers `initial`. */
function fakePlatform(chunks, initial) {
  let drained;
  const done = new Promise((r) => (drained = r));
  let streams = 0;
  const fetch = async (url) => {
    if (url.endsWith('/api/notifications/stream')) {
      if (streams++) return new Promise(() => {}); // later reconnects hang until stop()
      const queue = [...chunks];
      const enc = new TextEncoder();
      return new Response(
        new ReadableStream({
          pull(c) {
            if (queue.length) c.enqueue(enc.encode(queue.shift()));
            else {
              c.close();
              setTimeout(drained, 0);
            }
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    }
    if (url.endsWith('/api/notifications')) return Response.json(initial);
    return new Response('{}', { status: 404 });
  };
  const api = new ApiClient({
    api: 'http://platform.test',
    auth: { getAccessToken: async () => 'token' },
    fetch,
  });
  return { api, done };
}

test('the feed over a stream of garbage: nothing escapes, and the list holds only renderable notifications', async () => {
  const escaped = [];
  const onReject = (e) => escaped.push(e);
  process.on('unhandledRejection', onReject);
  const error = console.error;
  console.error = (...a) => escaped.push(a);
  try {
    await holds(
      'feed(garbage)',
      fc.asyncProperty(
        feedStream,
        fc.array(fc.oneof(notification, junk()), { maxLength: 3 }),
        async (chunks, initial) => {
          const { api, done } = fakePlatform(chunks, JSON.parse(JSON.stringify(initial) ?? 'null'));
          const feed = new PlatformNotificationService({ api, maxItems: 5, random: () => 0 });
          let calls = 0;
          feed.subscribe(() => calls++);
          feed.start();
          let stall;
          await Promise.race([
            done,
            new Promise((_, no) => (stall = setTimeout(no, 2000, new Error('the feed stopped reading')))),
          ]);
          clearTimeout(stall);
          await new Promise((r) => setTimeout(r, 0));
          feed.stop();
          const list = feed.list();
          assert.ok(list.length <= 5);
          assert.equal(new Set(list.map((n) => n.id)).size, list.length, 'ids are unique');
          list.forEach(assertRenderable);
          for (let i = 1; i < list.length; i++)
            assert.ok(list[i - 1].createdAt >= list[i].createdAt, 'newest first');
          assert.deepEqual(escaped, []);
        },
      ),
      150,
    );
  } finally {
    process.off('unhandledRejection', onReject);
    console.error = error;
  }
});
