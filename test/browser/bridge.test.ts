/**
 * The bridge between a host page (localhost) and plugin frames on another site (127.0.0.1):
 * the real SDK in the frame, the real host endpoint here.
 */
import { expect } from '@open-wc/testing';
import {
  BridgeError,
  createHostEndpoint,
  type HostEndpoint,
  type HostEndpointOptions,
  type PluginContext,
} from '@digione/bridge';
import { connect } from '@digione/plugin-sdk';
import { PLUGIN_ORIGIN, PLUGIN_URL, PluginFrame } from './fixtures/bridge/harness.js';
import { waitFor } from '../helpers/wait.js';

export const CONTEXT: PluginContext = {
  sub: 'pairwise-1',
  role: 'teacher',
  roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'],
  group: { id: 'g1', title: '7A matematiikka', code: '7A-MA' },
  locale: 'fi',
  formattingLocale: 'fi-FI',
  timeZone: 'Europe/Helsinki',
  theme: { colorScheme: 'light', contrast: 'normal', reducedMotion: false, fontScale: 1 },
  permissions: ['notifications', 'navigation'],
};

let plugins: PluginFrame[] = [];
let hosts: HostEndpoint[] = [];
const uncaught: unknown[] = [];
const onError = (e: ErrorEvent) => uncaught.push(e.error ?? e.message);
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
beforeEach(() => {
  uncaught.length = 0;
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
});
afterEach(() => {
  removeEventListener('error', onError);
  removeEventListener('unhandledrejection', onRejection);
  for (const h of hosts) h.close();
  for (const p of plugins) p.remove();
  hosts = [];
  plugins = [];
  expect(uncaught, 'nothing thrown in the host page').to.deep.equal([]);
});

function frame(query: Record<string, string> = {}, url = PLUGIN_URL) {
  const p = new PluginFrame(query, url);
  plugins.push(p);
  return p;
}
function endpoint(p: PluginFrame, opts: Partial<HostEndpointOptions> = {}) {
  const h = createHostEndpoint({
    frame: p.frame,
    origin: PLUGIN_ORIGIN,
    pluginId: 'fi.example.test',
    handlers: { 'context.get': () => CONTEXT },
    heartbeat: false,
    ...opts,
  });
  hosts.push(h);
  return h;
}
async function connected(opts: Partial<HostEndpointOptions> = {}, query: Record<string, string> = {}) {
  const plugin = frame(query);
  const host = endpoint(plugin, opts);
  plugin.mount();
  const r = await plugin.connected();
  expect(r.connected, JSON.stringify(r.error)).to.equal(true);
  return { plugin, host };
}

describe('bridge: handshake across origins', () => {
  it('connects and hands the plugin its context', async () => {
    const connects: unknown[] = [];
    const { plugin, host } = await connected({ onConnect: (i) => connects.push(i) });
    const r = await plugin.connected();
    expect(r.pluginId).to.equal('fi.example.test');
    expect(r.version).to.equal('1.0');
    expect(r.context).to.deep.equal(CONTEXT);
    expect(host.state).to.equal('connected');
    expect(host.version).to.equal('1.0');
    expect(connects).to.deep.equal([{ version: '1.0', reload: false }]);
  });

  it('connects a plugin that loads late', async () => {
    const { plugin } = await connected({}, { delay: '700' });
    expect(await plugin.ok({ cmd: 'context' })).to.deep.equal(CONTEXT);
  });

  it('connects when the host starts listening after the plugin loaded', async () => {
    const plugin = frame().mount();
    await new Promise((r) => plugin.frame.addEventListener('load', r, { once: true }));
    endpoint(plugin);
    const r = await plugin.connected();
    expect(r.connected, JSON.stringify(r.error)).to.equal(true);
  });

  it('re-handshakes when the plugin reloads: new port, old one closed', async () => {
    const log: string[] = [];
    const { plugin, host } = await connected({
      onConnect: (i) => log.push(`connect reload=${i.reload}`),
      onDisconnect: (i) => log.push(`disconnect ${i.reason}`),
    });
    plugin.frame.contentWindow!.postMessage({ cmd: 'reload', seq: -1 }, PLUGIN_ORIGIN);
    const r = await plugin.connected(2);
    expect(r.connected, JSON.stringify(r.error)).to.equal(true);
    expect(log).to.deep.equal(['connect reload=false', 'disconnect reload', 'connect reload=true']);
    expect(host.state).to.equal('connected');
    expect(await plugin.ok({ cmd: 'context' })).to.deep.equal(CONTEXT);
    expect(host.emit('visibility.changed', { visible: false })).to.equal(true);
    await waitFor(async () => ((await plugin.ok<unknown[]>({ cmd: 'events' })).length ? true : false));
  });

  it('a second connect() in the same document replaces the first, which is told', async () => {
    const reasons: string[] = [];
    const { plugin, host } = await connected({ onDisconnect: (i) => reasons.push(i.reason) });
    expect(await plugin.ok({ cmd: 'reconnect' })).to.equal('1.0');
    await waitFor(async () =>
      (await plugin.ok<Array<{ type: string }>>({ cmd: 'events' })).some(
        (e) => e.type === 'first-disconnected',
      ),
    );
    expect(reasons).to.deep.equal(['reload']);
    expect(host.state).to.equal('connected');
    expect(await plugin.ok({ cmd: 'context' })).to.deep.equal(CONTEXT);
  });

  it('re-handshakes when the plugin navigates inside its frame', async () => {
    const { plugin } = await connected();
    plugin.frame.contentWindow!.postMessage(
      { cmd: 'navigateSelf', href: `${PLUGIN_URL}?page=2`, seq: -1 },
      PLUGIN_ORIGIN,
    );
    const r = await plugin.connected(2);
    expect(r.connected, JSON.stringify(r.error)).to.equal(true);
    expect(await plugin.ok({ cmd: 'context' })).to.deep.equal(CONTEXT);
  });

  it('a plugin refuses a host on an origin it does not list: connect times out naming it', async () => {
    const plugin = frame({ hostOrigins: 'https://portal.example.fi', timeout: '400' });
    const host = endpoint(plugin);
    plugin.mount();
    const r = await plugin.connected();
    expect(r.connected).to.equal(false);
    expect(r.error?.code).to.equal('TIMEOUT');
    expect(r.error?.message).to.contain('welcome from https://portal.example.fi');
    expect(r.error?.message).to.contain('400 ms');
    expect(host.state).to.equal('waiting');
  });

  it('fails at once, not by timeout, when the host speaks no common version', async () => {
    const plugin = frame({ timeout: '8000' });
    endpoint(plugin, { versions: ['2.0'] });
    const t0 = performance.now();
    plugin.mount();
    const r = await plugin.connected();
    expect(r.error?.code).to.equal('UNSUPPORTED');
    expect(r.error?.message).to.contain('host speaks 2.0');
    expect(performance.now() - t0).to.be.below(5000);
  });

  it('refuses a wildcard host origin in the plugin', async () => {
    const plugin = frame({ hostOrigins: '*' });
    endpoint(plugin);
    plugin.mount();
    const r = await plugin.connected();
    expect(r.error?.code).to.equal('INVALID_PARAMS');
  });

  it('the host ignores hello from the right origin but the wrong frame', async () => {
    const other = frame({ timeout: '500' }).mount(); // same plugin origin, not the frame this host serves
    const mine = frame({ delay: '100000' });
    const host = endpoint(mine);
    mine.mount();
    const r = await other.connected();
    expect(r.connected).to.equal(false);
    expect(r.error?.code).to.equal('TIMEOUT');
    expect(host.state).to.equal('waiting');
  });

  it('the host ignores hello from the right frame but the wrong origin', async () => {
    const plugin = frame({ timeout: '500' });
    const host = endpoint(plugin, { origin: `http://127.0.0.1:${Number(location.port) + 1}` });
    plugin.mount();
    const r = await plugin.connected();
    expect(r.error?.code).to.equal('TIMEOUT');
    expect(host.state).to.equal('waiting');
  });

  it('the host ignores a hello posted by its own page', async () => {
    const plugin = frame({ delay: '100000' });
    const host = endpoint(plugin, { frame: () => window });
    plugin.mount();
    // Right source (the function returns this window), wrong origin (localhost, not 127.0.0.1).
    window.postMessage({ type: 'd1.hello', versions: ['1.0'], instance: 'x' }, location.origin);
    // Messages arrive in order: once this one is here, the hello has been handled.
    await new Promise((r) => {
      const h = (e: MessageEvent) => e.data === 'sentinel' && (removeEventListener('message', h), r(null));
      addEventListener('message', h);
      window.postMessage('sentinel', location.origin);
    });
    expect(host.state).to.equal('waiting');
  });

  it('rejects a wildcard or malformed origin at creation', () => {
    const f = document.createElement('iframe');
    for (const origin of ['*', 'null', 'http://127.0.0.1/path', '127.0.0.1'])
      expect(() => createHostEndpoint({ frame: f, origin, pluginId: 'x', handlers: {} }), origin).to.throw(
        TypeError,
      );
  });
});

describe('bridge: methods', () => {
  it('serves every version 1 method with validated params', async () => {
    const calls: Array<[string, unknown, string]> = [];
    const store = new Map<string, unknown>();
    const rec = (m: string) => (p: unknown, ctx: { origin: string }) => {
      calls.push([m, p, ctx.origin]);
      return null;
    };
    const { plugin } = await connected(
      {
        handlers: {
          'context.get': () => CONTEXT,
          'notifications.post': (n, ctx) => (calls.push(['notifications.post', n, ctx.origin]), { id: 'n1' }),
          'ui.announce': rec('ui.announce'),
          'ui.resize': rec('ui.resize'),
          'ui.focusHost': rec('ui.focusHost'),
          'navigation.open': rec('navigation.open'),
          'auth.getToken': () => ({ token: 'eyJ.test.jwt', expiresAt: Date.now() + 60000 }),
          'storage.get': ({ key }) => store.get(key) ?? null,
          'storage.set': ({ key, value }) => (store.set(key, value), null),
        },
      },
      { autoResize: '0' },
    );
    const note = {
      title: { fi: 'Uusi tehtävä', en: 'New task' },
      body: 'Murtoluvut',
      severity: 'info',
      link: { path: '/tasks/1' },
    };
    // notify() resolves with the host's answer (protocol.md: { id } or null)
    expect(await plugin.ok({ cmd: 'notify', arg: note })).to.deep.equal({ id: 'n1' });
    expect(await plugin.ok({ cmd: 'announce', arg: 'Tallennettu' })).to.equal(null);
    expect(await plugin.ok({ cmd: 'resize', arg: 321.4 })).to.equal(null);
    expect(await plugin.ok({ cmd: 'focusHost', arg: 'backward' })).to.equal(null);
    expect(await plugin.ok({ cmd: 'navigate', arg: { pluginId: 'fi.example.other', path: '/x' } })).to.equal(
      null,
    );
    expect(await plugin.ok({ cmd: 'getToken' })).to.equal('eyJ.test.jwt');
    expect(await plugin.ok({ cmd: 'storage.get', key: 'draft' })).to.equal(null);
    expect(
      await plugin.ok({ cmd: 'storage.set', key: 'draft', value: { text: 'puolikas', n: [1, 2] } }),
    ).to.equal(null);
    expect(await plugin.ok({ cmd: 'storage.get', key: 'draft' })).to.deep.equal({
      text: 'puolikas',
      n: [1, 2],
    });
    expect(await plugin.ok({ cmd: 'context' })).to.deep.equal(CONTEXT);
    expect(calls).to.deep.equal([
      ['notifications.post', note, PLUGIN_ORIGIN],
      ['ui.announce', { text: 'Tallennettu' }, PLUGIN_ORIGIN],
      ['ui.resize', { height: 322 }, PLUGIN_ORIGIN],
      ['ui.focusHost', { direction: 'backward' }, PLUGIN_ORIGIN],
      ['navigation.open', { pluginId: 'fi.example.other', path: '/x' }, PLUGIN_ORIGIN],
    ]);
  });

  it('answers typed errors: handler codes, INTERNAL for crashes, UNSUPPORTED, INVALID_PARAMS', async () => {
    const errors: unknown[] = [];
    const { plugin } = await connected(
      {
        handlers: {
          'context.get': () => CONTEXT,
          'auth.getToken': () => {
            throw new BridgeError('PERMISSION_DENIED', 'token not granted');
          },
          'storage.get': () => {
            throw new Error('database password is hunter2');
          },
          'ui.resize': () => null,
          'notifications.post': () => null,
        },
        onError: (e, m) => errors.push([m, (e as Error).message]),
      },
      { autoResize: '0' },
    );
    const e1 = await plugin.send({ cmd: 'getToken' });
    expect(e1.error).to.deep.equal({ code: 'PERMISSION_DENIED', message: 'token not granted' });
    const e2 = await plugin.send({ cmd: 'storage.get', key: 'k' });
    expect(e2.error?.code).to.equal('INTERNAL');
    expect(e2.error?.message, 'no internals leak to the plugin').not.to.contain('hunter2');
    const e3 = await plugin.send({ cmd: 'navigate', arg: { path: '/x' } });
    expect(e3.error?.code).to.equal('UNSUPPORTED');
    const e4 = await plugin.send({ cmd: 'request', method: 'ui.resize', params: { height: 'tall' } });
    expect(e4.error).to.deep.equal({
      code: 'INVALID_PARAMS',
      message: 'params.height must be a number from 0 to 100000',
    });
    const e5 = await plugin.send({
      cmd: 'notify',
      arg: { title: 'x', link: { href: 'javascript:alert(1)' } },
    });
    expect(e5.error?.code).to.equal('INVALID_PARAMS');
    expect(e5.error?.message).to.contain('params.link.href');
    const e6 = await plugin.send({ cmd: 'request', method: 'files.delete', params: {} });
    expect(e6.error?.code).to.equal('UNSUPPORTED');
    expect(errors).to.deep.include(['storage.get', 'database password is hunter2']);
  });

  it('times out per call, with the timeout the caller chose', async () => {
    const { plugin } = await connected({
      handlers: { 'context.get': () => CONTEXT, 'auth.getToken': () => new Promise(() => {}) },
    });
    const t0 = performance.now();
    const r = await plugin.send({ cmd: 'getToken', timeout: 150 });
    expect(r.error?.code).to.equal('TIMEOUT');
    expect(r.error?.message).to.equal('auth.getToken: no reply within 150 ms');
    expect(performance.now() - t0).to.be.below(3000);
  });

  it('rate-limits a method when the host asks for it', async () => {
    const { plugin } = await connected({
      handlers: { 'context.get': () => CONTEXT, 'ui.announce': () => null },
      rateLimit: { 'ui.announce': { limit: 2, interval: 60000 } },
    });
    expect((await plugin.send({ cmd: 'announce', arg: 'a' })).ok).to.equal(true);
    expect((await plugin.send({ cmd: 'announce', arg: 'b' })).ok).to.equal(true);
    expect((await plugin.send({ cmd: 'announce', arg: 'c' })).error?.code).to.equal('RATE_LIMITED');
  });

  it('refuses params over maxMessageBytes', async () => {
    const { plugin } = await connected({
      handlers: { 'context.get': () => CONTEXT, 'storage.set': () => null },
      maxMessageBytes: 1000,
    });
    const r = await plugin.send({ cmd: 'storage.set', key: 'big', value: 'x'.repeat(2000) });
    expect(r.error).to.deep.equal({ code: 'INVALID_PARAMS', message: 'params exceed 1000 bytes' });
  });
});

describe('bridge: events, heartbeat, disconnect', () => {
  it('delivers context.changed and visibility.changed', async () => {
    const { plugin, host } = await connected();
    const next = { ...CONTEXT, locale: 'sv' as const, group: null };
    expect(host.emit('context.changed', next)).to.equal(true);
    expect(host.emit('visibility.changed', { visible: false })).to.equal(true);
    const events = await waitFor(async () => {
      const e = await plugin.ok<unknown[]>({ cmd: 'events' });
      return e.length >= 2 ? e : null;
    });
    expect(events).to.deep.equal([
      { type: 'context', ctx: next },
      { type: 'visibility', visible: false },
    ]);
    expect(await plugin.ok({ cmd: 'context' })).to.deep.equal(next);
  });

  it('marks a plugin that stops answering unresponsive, and responsive when it answers again', async () => {
    const log: string[] = [];
    const { plugin, host } = await connected({
      heartbeat: { interval: 200, timeout: 800 },
      onUnresponsive: () => log.push('unresponsive'),
      onResponsive: () => log.push('responsive'),
    });
    // The plugin's main thread is busy for 2.5 s (its frame runs in another process): far
    // longer than the heartbeat timeout, so a loaded machine cannot blur the two states.
    plugin.frame.contentWindow!.postMessage({ cmd: 'block', ms: 2500, seq: -2 }, PLUGIN_ORIGIN);
    await waitFor(() => host.state === 'unresponsive', 'unresponsive', 6000);
    await waitFor(() => host.state === 'connected', 'responsive again', 6000);
    // each state change is reported once, in order (a stall of the loaded test machine after
    // the block may add another unresponsive/responsive pair, never a repeat of one state)
    expect(log.slice(0, 2)).to.deep.equal(['unresponsive', 'responsive']);
    log.forEach((s, i) => expect(s).to.equal(i % 2 ? 'responsive' : 'unresponsive'));
  });

  it('goes back to waiting when the plugin disconnects, and accepts it again', async () => {
    const reasons: string[] = [];
    const { plugin, host } = await connected({ onDisconnect: (i) => reasons.push(i.reason) });
    await plugin.ok({ cmd: 'disconnect' });
    await waitFor(() => host.state === 'waiting');
    expect(reasons).to.deep.equal(['bye']);
    expect(host.emit('visibility.changed', { visible: true })).to.equal(false);
    const r = await plugin.send({ cmd: 'getToken' });
    expect(r.error?.code).to.equal('DISCONNECTED');
  });

  it('tells the plugin when the host closes; its calls then reject with DISCONNECTED', async () => {
    const { plugin, host } = await connected();
    host.close();
    expect(host.state).to.equal('closed');
    await waitFor(async () =>
      (await plugin.ok<Array<{ type: string }>>({ cmd: 'events' })).some((e) => e.type === 'disconnect'),
    );
    expect((await plugin.send({ cmd: 'storage.get', key: 'k' })).error?.code).to.equal('DISCONNECTED');
  });
});

describe('bridge: automatic resize', () => {
  it('follows the content height, only when it changes, without a loop', async () => {
    const heights: number[] = [];
    const plugin = frame();
    endpoint(plugin, {
      handlers: {
        'context.get': () => CONTEXT,
        'ui.resize': ({ height }) => {
          heights.push(height);
          plugin.frame.style.height = `${height}px`;
          return null;
        },
      },
    });
    plugin.mount();
    await plugin.connected();
    await plugin.ok({ cmd: 'grow', height: 640 });
    await waitFor(() => heights.at(-1) === 640, 'height 640');
    const frameHeight = plugin.frame.getBoundingClientRect().height;
    expect(frameHeight).to.equal(640);
    // The frame took the height: no scrollbar, and no further resize however long we wait.
    const count = heights.length;
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
    expect(heights.length).to.equal(count);
    await plugin.ok({ cmd: 'grow', height: 200 });
    await waitFor(() => heights.at(-1) === 200, 'height 200');
  });
});

describe('bridge: plugin SDK outside a host', () => {
  it('rejects with NOT_EMBEDDED at once when the page has no parent', async () => {
    expect(window.parent).to.equal(window);
    const err = await connect({ hostOrigins: ['http://localhost:1'] }).catch((e: BridgeError) => e);
    expect(err).to.be.instanceOf(BridgeError);
    expect((err as BridgeError).code).to.equal('NOT_EMBEDDED');
  });
});
