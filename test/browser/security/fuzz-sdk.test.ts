/**
 * Fuzzing the plugin side (the SDK's PluginClient over a real MessagePort): the "host" end sends
 * garbage events, forged or malformed replies and unknown requests while the plugin has calls in
 * flight. Nothing throws out of the SDK, every call settles with its result or a typed
 * BridgeError, host requests are answered by id, and the client's state stays well-formed.
 */
import { expect } from '@open-wc/testing';
import { BridgeError, ERROR_CODES, createPluginClient, type PluginContext } from '@digione/bridge';
import { cloneable, fc, holds, nastyString, watchErrors } from './fuzz.js';

const context: PluginContext = {
  sub: 'pw-1',
  role: 'student',
  roles: [],
  group: null,
  locale: 'fi',
  formattingLocale: 'fi-FI',
  timeZone: 'Europe/Helsinki',
  theme: { colorScheme: 'light', contrast: 'normal', reducedMotion: false, fontScale: 1 },
  permissions: [],
};
const CODES = [...ERROR_CODES, 'DISCONNECTED'];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && v !== null;

describe('fuzz: the plugin SDK client', () => {
  it('survives any host traffic: calls settle with results or BridgeErrors, state stays well-formed', async () => {
    const errors = watchErrors();
    const id = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.string({ maxLength: 3 }), cloneable());
    const wire = fc.oneof(
      fc.record({ id, result: cloneable() }, { requiredKeys: ['id'] }),
      fc.record({
        id,
        error: fc.oneof(
          fc.record(
            { code: fc.oneof(fc.constantFrom(...ERROR_CODES), nastyString()), message: cloneable() },
            { requiredKeys: [] },
          ),
          cloneable(),
        ),
      }),
      fc.record({
        event: fc.constantFrom('context.changed', 'visibility.changed', 'ping', 'x'),
        data: cloneable(),
      }),
      fc.record(
        {
          id,
          method: fc.oneof(fc.constantFrom('ping', 'context.get'), nastyString(), cloneable()),
          params: cloneable(),
        },
        { requiredKeys: ['method'] },
      ),
      cloneable(),
    );
    try {
      await holds(
        'client(host garbage)',
        fc.asyncProperty(fc.array(wire, { maxLength: 10 }), async (messages) => {
          const { port1, port2 } = new MessageChannel();
          const fromClient: Array<Record<string, unknown>> = [];
          let synced: () => void;
          const sync = new Promise<void>((r) => (synced = r));
          port2.onmessage = (e) => {
            const m = e.data as Record<string, unknown>;
            if (m.method === 'context.get') port2.postMessage({ id: m.id, result: context });
            else if (m.id === 'sync') synced();
            else fromClient.push(m);
          };
          const client = await createPluginClient(port1, {
            pluginId: 'fi.example.fuzz',
            version: '1.0',
            callTimeout: 40,
          });
          const calls = [
            client.notify({ title: 'x' }),
            client.storage.get('k'),
            client.getToken(),
            client.announce('a'),
            client.request('navigation.open', { path: '/x' }),
          ].map((p) =>
            p.then(
              (value) => ({ ok: true as const, value }),
              (error: unknown) => ({ ok: false as const, error }),
            ),
          );
          let contexts = 0;
          client.on('context', () => contexts++);
          for (const m of messages) port2.postMessage(m);
          // then settle whatever garbage left pending (ids 2-6 are the five calls), without timeouts
          for (let n = 2; n <= 6; n++)
            port2.postMessage({ id: n, error: { code: 'INTERNAL', message: 'settle' } });
          const settled = await Promise.all(calls);
          // the client answers in order: once this ping is answered, every earlier answer is in
          port2.postMessage({ id: 'sync', method: 'ping' });
          await sync;
          for (const s of settled)
            if (!s.ok) {
              expect(s.error, String(s.error)).to.be.instanceOf(BridgeError);
              expect(CODES.concat('TIMEOUT')).to.include((s.error as BridgeError).code);
            }
          expect(isObj(client.context), 'context is an object').to.equal(true);
          expect(client.visible).to.be.a('boolean');
          // every host request with a usable id was answered, by id; unknown methods as UNSUPPORTED
          const asked = messages.filter(
            (m): m is Record<string, unknown> =>
              isObj(m) &&
              'method' in m &&
              ((typeof m.id == 'number' && !Number.isNaN(m.id)) ||
                (typeof m.id == 'string' && m.id.length < 65)),
          );
          const answers = fromClient.filter((m) => !('method' in m) && !('event' in m));
          expect(answers.length).to.equal(asked.length);
          for (const a of answers) {
            const q = asked.find((m) => Object.is(m.id, a.id))!;
            expect(q, `answer to an id never asked: ${String(a.id)}`).to.not.equal(undefined);
            if (q.method === 'ping') expect(a).to.deep.equal({ id: q.id, result: null });
            else expect((a.error as { code: string }).code).to.be.oneOf(['UNSUPPORTED', 'INVALID_PARAMS']);
          }
          client.disconnect();
          port2.close();
        }),
        300,
      );
    } finally {
      errors.stop();
    }
    expect(errors.errors).to.deep.equal([]);
  });
});

describe('fuzz: the plugin SDK handshake', () => {
  it('any message from its parent during connect(): settles only as the protocol says, never throws', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/browser/fixtures/hostile/sdk-window.html';
    document.body.append(frame);
    const win = frame.contentWindow as Window & {
      connect(o: unknown): Promise<{ pluginId: string; version: string; disconnect(): void }>;
      BridgeError: typeof BridgeError;
      uncaught: unknown[];
      ready?: boolean;
    };
    await new Promise<void>((r) => {
      const check = () => (win.ready ? r() : setTimeout(check, 10));
      check();
    });
    const hellos: Array<{ instance: string }> = [];
    const onHello = (e: MessageEvent) =>
      e.source === win && e.data?.type === 'd1.hello' && hellos.push(e.data);
    addEventListener('message', onHello);
    const welcomeish = fc.record(
      {
        type: fc.oneof(fc.constantFrom('d1.welcome', 'd1.reject'), nastyString()),
        version: fc.oneof(fc.constantFrom('1.0', '1.1', '9.9'), cloneable()),
        pluginId: cloneable(),
        instance: fc.oneof(fc.constant('*right*'), cloneable()),
        error: fc.oneof(fc.record({ code: nastyString(), message: cloneable() }), cloneable()),
      },
      { requiredKeys: [] },
    );
    try {
      await holds(
        'connect(parent garbage)',
        fc.asyncProperty(fc.oneof(welcomeish, cloneable()), fc.boolean(), async (garbage, withPort) => {
          const n = hellos.length;
          const settled = win
            .connect({ hostOrigins: [location.origin], timeout: 5000, autoResize: false })
            .then(
              (c) => ({ ok: true as const, c }),
              (e: unknown) => ({ ok: false as const, e }),
            );
          await new Promise<void>((r) => {
            const check = () => (hellos.length > n ? r() : setTimeout(check, 1));
            check();
          });
          const instance = hellos[hellos.length - 1]!.instance;
          const g = isObj(garbage) && garbage.instance === '*right*' ? { ...garbage, instance } : garbage;
          const ch = new MessageChannel();
          // play host on the port: answer context.get, whatever the handshake said
          ch.port1.onmessage = (e) =>
            e.data?.method === 'context.get' && ch.port1.postMessage({ id: e.data.id, result: context });
          win.postMessage(g, location.origin, withPort ? [ch.port2] : []);
          // then a proper refusal: whatever the garbage left undecided ends here, not by timeout
          win.postMessage(
            { type: 'd1.reject', instance, error: { code: 'UNSUPPORTED', message: 'final' } },
            location.origin,
          );
          const r = await settled;
          const d = g as Record<string, unknown>;
          const right = isObj(g) && d.instance === instance;
          if (right && d.type === 'd1.welcome' && withPort && typeof d.version == 'string') {
            expect(r.ok, 'a well-formed welcome connects').to.equal(true);
            if (r.ok) {
              expect(r.c.version).to.equal(d.version);
              expect(r.c.pluginId).to.be.a('string');
              r.c.disconnect();
            }
          } else {
            expect(r.ok, 'nothing else connects').to.equal(false);
            const e = (r as { e: { code?: string; message?: string } }).e;
            expect(e).to.be.instanceOf(win.BridgeError);
            expect(e.code).to.equal('UNSUPPORTED');
            if (!(right && d.type === 'd1.reject')) expect(e.message).to.equal('final');
          }
          ch.port1.close();
        }),
        300,
      );
    } finally {
      removeEventListener('message', onHello);
      frame.remove();
    }
    expect(win.uncaught).to.deep.equal([]);
  });
});
