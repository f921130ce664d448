/**
 * Fuzzing the host side of the bridge over real postMessage and MessagePorts: any `hello` from any
 * window, then any message on the port, against the plugin host's real handlers (permissions,
 * limits). The host never throws, answers every answerable request exactly once with a result or a
 * typed error, ignores the rest, and never lets params choose the source of a notification.
 */
import { expect } from '@open-wc/testing';
import {
  ERROR_CODES,
  HOST_METHODS,
  createHostEndpoint,
  negotiate,
  type HostEndpoint,
  type PluginContext,
} from '@digione/bridge';
import { DEFAULT_LIMITS, createHandlers, type PluginManifest } from '@digione/plugin-host';
import type { Notification, NotificationInput, Permission } from '@digione/context';
import { cloneable, fc, holds, nastyString, watchErrors } from './fuzz.js';

const ORIGIN = location.origin;
const manifest: PluginManifest = {
  id: 'fi.example.fuzz',
  name: { fi: 'Fuzz' },
  version: '1.0.0',
  vendor: 'Fuzz Oy',
  kind: 'iframe',
  entry: 'https://fuzz.example/',
  permissions: ['context.user.name', 'context.group', 'notifications', 'token', 'storage', 'navigation'],
};
const context: PluginContext = {
  sub: 'pw-1',
  role: 'teacher',
  roles: [],
  group: null,
  locale: 'fi',
  formattingLocale: 'fi-FI',
  timeZone: 'Europe/Helsinki',
  theme: { colorScheme: 'light', contrast: 'normal', reducedMotion: false, fontScale: 1 },
  permissions: [],
};

/** A same-origin frame standing in for the plugin's window, and a poster that runs in its realm. */
function pluginWindow() {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const win = frame.contentWindow!;
  const inbox: MessageEvent[] = [];
  win.addEventListener('message', (e) => inbox.push(e));
  // created in the frame's realm, so the host sees event.source === the frame's window
  const post = new (win as unknown as { Function: FunctionConstructor }).Function(
    'd',
    'o',
    'parent.postMessage(d, o)',
  ) as (data: unknown, origin: string) => void;
  return { frame, win, inbox, post };
}

let markers = 0;
/**
 * Resolves once the host page has handled everything `post` sent before it (messages keep their
 * order). Promise-driven, not polled per frame: hundreds of cases must stay fast.
 */
function settledFrom(post: (d: unknown, o: string) => void): Promise<void> {
  const n = ++markers;
  return new Promise((resolve) => {
    const on = (e: MessageEvent) => {
      if (e.data?.marker !== n) return;
      removeEventListener('message', on);
      resolve();
    };
    addEventListener('message', on);
    post({ marker: n }, ORIGIN);
  });
}
/** Resolves once `win` got everything posted to it before now. */
function settledTo(win: Window): Promise<void> {
  const n = ++markers;
  return new Promise((resolve) => {
    const on = (e: MessageEvent) => {
      if (e.data?.marker !== n) return;
      win.removeEventListener('message', on);
      resolve();
    };
    win.addEventListener('message', on);
    win.postMessage({ marker: n }, ORIGIN);
  });
}
/** Resolves when `check` holds after some message arrives at `target` (or at once). */
function whenMessage(target: EventTarget, check: () => unknown, what: string, timeout = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(t);
      target.removeEventListener('message', on);
      resolve();
    };
    const on = () => check() && done();
    const t = setTimeout(() => {
      target.removeEventListener('message', on);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeout);
    target.addEventListener('message', on);
    if (check()) done();
  });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && v !== null;

describe('fuzz: the host endpoint', () => {
  let errors: ReturnType<typeof watchErrors>;
  beforeEach(() => (errors = watchErrors()));
  afterEach(() => errors.stop());

  it('answers only well-formed hellos from its frame, each at most once, and never throws', async () => {
    const plugin = pluginWindow();
    const endpoint = createHostEndpoint({
      frame: plugin.frame,
      origin: ORIGIN,
      pluginId: manifest.id,
      handlers: {},
      heartbeat: false,
    });
    const versions = fc.oneof(
      fc.array(fc.oneof(fc.constantFrom('1.0', '1.9', '2.0', '0.1', '1'), nastyString()), { maxLength: 3 }),
      cloneable(),
    );
    const instance = fc.oneof(
      fc.string({ minLength: 0, maxLength: 70 }),
      fc.constantFrom('a', 'b', 'c'),
      cloneable(),
    );
    const hello = fc.record(
      { type: fc.oneof(fc.constant('d1.hello'), nastyString()), versions, instance },
      { requiredKeys: [] },
    );
    let last: string | null = null;
    try {
      await holds(
        'hello(any)',
        fc.asyncProperty(fc.oneof(hello, cloneable()), fc.boolean(), async (data, fromFrame) => {
          const before = plugin.inbox.length;
          if (fromFrame) plugin.post(data, ORIGIN);
          else window.postMessage(data, ORIGIN); // the right origin, the wrong window
          await settledFrom(plugin.post);
          await settledTo(plugin.win);
          const answers = plugin.inbox.slice(before).filter((e) => isObj(e.data) && !('marker' in e.data));
          const d = data as Record<string, unknown>;
          const wellFormed =
            fromFrame &&
            isObj(data) &&
            d.type === 'd1.hello' &&
            typeof d.instance == 'string' &&
            d.instance.length > 0 &&
            d.instance.length <= 64 &&
            d.instance !== last;
          expect(answers.length, 'answers').to.equal(wellFormed ? 1 : 0);
          if (!wellFormed) return;
          const a = answers[0]!;
          expect(a.origin).to.equal(ORIGIN);
          expect((a.data as { instance: string }).instance).to.equal(d.instance);
          const v = Array.isArray(d.versions) ? negotiate(['1.0'], d.versions) : null;
          if (v) {
            last = d.instance as string;
            expect(a.data).to.deep.equal({
              type: 'd1.welcome',
              version: v,
              pluginId: manifest.id,
              instance: d.instance,
            });
            expect(a.ports.length).to.equal(1);
            expect(endpoint.state).to.equal('connected');
          } else {
            expect((a.data as { type: string }).type).to.equal('d1.reject');
            expect(a.ports.length).to.equal(0);
          }
        }),
        400,
      );
    } finally {
      endpoint.close();
      plugin.frame.remove();
    }
    expect(errors.errors).to.deep.equal([]);
  });

  it('answers every request with an id exactly once, with a result or a typed error; the rest is dropped', async () => {
    const plugin = pluginWindow();
    const posted: Array<{ input: NotificationInput; source: Notification['source'] }> = [];
    let grants: Permission[] = [];
    const handlers = createHandlers({
      manifest,
      limits: { ...DEFAULT_LIMITS, notificationsPerMinute: 1000, announcementsPerMinute: 1000 },
      grants: () => grants,
      context: () => context,
      sessions: () => ({
        session: async (pluginId) => ({
          pluginId,
          sub: 'pw-1',
          token: 'jwt',
          expiresAt: Date.now() + 300_000,
        }),
        storageGet: async () => ({ stored: true }),
        storageSet: async () => {},
      }),
      signedIn: () => true,
      notifications: () => ({
        list: () => [],
        subscribe: () => () => {},
        post: async (input, source) => {
          posted.push({ input, source });
          return {
            id: 'n1',
            source,
            severity: 'info',
            title: { fi: 'x' },
            createdAt: new Date().toISOString(),
            containsPersonalData: true,
          };
        },
        markRead: async () => {},
        markAllRead: async () => {},
        dismiss: async () => {},
      }),
      announce: () => {},
      resize: () => {},
      focusHost: () => {},
      navigate: () => {},
    });

    const id = fc.oneof(
      fc.nat(),
      fc.string({ maxLength: 70 }),
      fc.constantFrom(NaN, -0, 1.5, null),
      cloneable(),
    );
    const method = fc.oneof(fc.constantFrom(...HOST_METHODS, 'ping'), nastyString(), cloneable());
    const request = fc.record({ id, method, params: cloneable() }, { requiredKeys: ['method'] });
    const reply = fc.record({ id, result: cloneable(), error: cloneable() }, { requiredKeys: [] });
    const event = fc.record({
      event: fc.oneof(nastyString(), fc.constant('context.changed')),
      data: cloneable(),
    });
    const message = fc
      .oneof({ weight: 4, arbitrary: request }, reply, event, cloneable())
      .filter((m) => !(isObj(m) && m.event === 'bye')); // bye ends the connection: covered elsewhere
    const perms = fc.subarray(['notifications', 'token', 'storage', 'navigation'] as Permission[]);

    try {
      await holds(
        'port messages(any)',
        fc.asyncProperty(
          fc.array(message, { minLength: 1, maxLength: 8 }),
          perms,
          async (messages, granted) => {
            grants = granted;
            const endpoint: HostEndpoint = createHostEndpoint({
              frame: plugin.frame,
              origin: ORIGIN,
              pluginId: manifest.id,
              ...handlers,
              heartbeat: false,
              onError: () => {},
            });
            const before = plugin.inbox.length;
            plugin.post({ type: 'd1.hello', versions: ['1.0'], instance: `i${++markers}` }, ORIGIN);
            const welcomed = () => plugin.inbox.slice(before).find((e) => e.ports[0]);
            await whenMessage(plugin.win, welcomed, 'welcome');
            const port = welcomed()!.ports[0]!;
            const replies: Array<Record<string, unknown>> = [];
            const arrived = new EventTarget();
            port.onmessage = (e) => {
              replies.push(e.data);
              arrived.dispatchEvent(new Event('message'));
            };
            const expected = new Map<unknown, number>();
            for (const m of messages) {
              port.postMessage(m);
              const r = m as Record<string, unknown>;
              const answerable =
                isObj(m) &&
                'method' in m &&
                ((typeof r.id == 'number' && !Number.isNaN(r.id)) ||
                  (typeof r.id == 'string' && r.id.length < 65));
              if (answerable) expected.set(r.id, (expected.get(r.id) ?? 0) + 1);
            }
            const total = [...expected.values()].reduce((a, b) => a + b, 0);
            // a final ping: every synchronous answer precedes its reply; async ones get a frame or two
            port.postMessage({ id: 'last', method: 'ping' });
            await whenMessage(
              arrived,
              () =>
                replies.filter((r) => r.id !== 'last').length >= total &&
                replies.some((r) => r.id === 'last'),
              `${total} replies`,
            );
            // anything more (a second answer to one request) would arrive now
            await new Promise((r) => setTimeout(r, 0));
            const got = replies.filter((r) => r.id !== 'last');
            expect(got.length, 'one reply per answerable request').to.equal(total);
            for (const r of got) {
              expect(expected.has(r.id), `reply to an id never sent: ${String(r.id)}`).to.equal(true);
              if ('error' in r) {
                const err = r.error as { code: string; message: string };
                expect(ERROR_CODES).to.include(err.code);
                expect(err.message).to.be.a('string');
                expect('result' in r).to.equal(false);
              } else expect('result' in r).to.equal(true);
            }
            for (const m of messages) {
              const r = m as Record<string, unknown>;
              if (!isObj(m) || !('method' in m) || !expected.has(r.id) || expected.get(r.id)! > 1) continue;
              const answer = got.find((x) => Object.is(x.id, r.id))!;
              if (typeof r.method != 'string')
                expect(answer.error).to.deep.include({ code: 'INVALID_PARAMS' });
              else if (r.method === 'ping') expect(answer).to.deep.equal({ id: r.id, result: null });
              else if (!(HOST_METHODS as readonly string[]).includes(r.method))
                expect(answer.error).to.deep.include({ code: 'UNSUPPORTED' });
              else if (r.method === 'auth.getToken' && !granted.includes('token') && 'result' in answer)
                throw new Error('auth.getToken answered without the token grant');
            }
            expect(endpoint.state).to.equal('connected');
            endpoint.close();
          },
        ),
        300,
      );
    } finally {
      plugin.frame.remove();
    }
    // whatever the params said, a notification's source is the plugin the host knows
    for (const p of posted) {
      expect(p.source.pluginId).to.equal(manifest.id);
      expect(p.source.vendorName).to.equal('Fuzz Oy');
      expect(Object.keys(p.input)).to.not.include.members(['source', 'pluginId']);
    }
    expect(errors.errors).to.deep.equal([]);
  });
});
