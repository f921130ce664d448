/**
 * Hostile plugins in real Chromium, cross-origin: the portal (this page, localhost) runs a hostile
 * plugin (127.0.0.1, `fixtures/hostile/hostile.html`, speaking the protocol by hand) in a real
 * `<d1-plugin-host>` next to a well-behaved plugin, with a `<d1-notification-tray>` fed by the same
 * notification service. For each attack: nothing leaks, nothing runs in the portal, the portal
 * keeps painting, and the plugin's state is shown to the user.
 */
import { expect } from '@open-wc/testing';
import {
  createPlatformStore,
  localeFor,
  type Notification,
  type NotificationInput,
  type NotificationService,
  type PlatformContext,
  type PluginSession,
  type PluginSessionService,
} from '@digione/context';
import '@digione/plugin-host/define/d1-plugin-host.js';
import '@digione/ui/define/d1-notification-tray.js';
import { DEFAULT_LIMITS, type D1PluginHost, type PluginManifest } from '@digione/plugin-host';
import { waitFor } from '../../helpers/wait.js';
import { watchErrors } from './fuzz.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const PLUGIN_ORIGIN = `http://127.0.0.1:${location.port}`;
const HOSTILE_URL = `${PLUGIN_ORIGIN}/test/browser/fixtures/hostile/hostile.html`;
const VICTIM_URL = `${PLUGIN_ORIGIN}/test/browser/fixtures/bridge/plugin.html?autoResize=0`;

const hostile: PluginManifest = {
  id: 'fi.evil.tool',
  name: { fi: 'Paha työkalu', en: 'Evil tool' },
  version: '1.0.0',
  vendor: 'Evil Oy',
  kind: 'iframe',
  entry: HOSTILE_URL,
  // it asks for everything; the portal grants notifications only
  permissions: ['context.user.name', 'context.group', 'notifications', 'token', 'storage', 'navigation'],
};
const victim: PluginManifest = {
  id: 'fi.example.test',
  name: { en: 'Good tool' },
  version: '1.0.0',
  vendor: 'Good Oy',
  kind: 'iframe',
  entry: VICTIM_URL,
  permissions: ['context.user.name', 'notifications', 'storage'],
};

/** Notifications in memory, as the platform's service would hold them; feeds the tray. */
class MemoryNotifications implements NotificationService {
  posted: Array<{ input: NotificationInput; source: Notification['source'] }> = [];
  #list: Notification[] = [];
  #fns = new Set<(l: readonly Notification[], added: readonly Notification[]) => void>();
  list = () => this.#list;
  subscribe(fn: (l: readonly Notification[], added: readonly Notification[]) => void) {
    this.#fns.add(fn);
    return () => this.#fns.delete(fn);
  }
  async post(input: NotificationInput, source: Notification['source']): Promise<Notification> {
    this.posted.push({ input, source });
    const text = (t: NotificationInput['title']) => (typeof t == 'string' ? { fi: t, sv: t, en: t } : t);
    const n: Notification = {
      id: `n${this.posted.length}`,
      source,
      severity: input.severity ?? 'info',
      title: text(input.title),
      ...(input.body ? { body: text(input.body) } : {}),
      ...(input.link ? { link: input.link } : {}),
      createdAt: new Date().toISOString(),
      containsPersonalData: true,
    };
    this.#list = [n, ...this.#list];
    for (const fn of this.#fns) fn(this.#list, [n]);
    return n;
  }
  async markRead() {}
  async markAllRead() {}
  async dismiss() {}
}

/** Sessions and storage per plugin id (what the platform keeps apart). */
class MemorySessions implements PluginSessionService {
  stored = new Map<string, unknown>();
  async session(pluginId: string): Promise<PluginSession> {
    return {
      pluginId,
      sub: `pw-${pluginId}`,
      token: `token-for-${pluginId}`,
      expiresAt: Date.now() + 300_000,
    };
  }
  async storageGet(pluginId: string, key: string) {
    return this.stored.get(`${pluginId}/${key}`);
  }
  async storageSet(pluginId: string, key: string, value: unknown) {
    this.stored.set(`${pluginId}/${key}`, value);
  }
}

function teacher(): PlatformContext {
  return createPlatformStore({
    auth: { status: 'signed-in' },
    user: {
      id: 'u-teacher-1',
      givenName: 'Aino',
      familyName: 'Virtanen',
      displayName: 'Aino Virtanen',
      roles: [{ role: 'teacher', roleType: 'primary', orgId: 'org-1' }],
      enabled: true,
      restricted: { learnerNumber: '1.2.246.562.98.1', email: 'aino@example.fi' },
    },
    activeRole: { role: 'teacher', roleType: 'primary', orgId: 'org-1' },
    locale: localeFor('en'),
  }).get();
}

interface Report {
  report: true;
  seq?: number;
  ok?: boolean;
  result?: unknown;
  connected?: boolean;
  [k: string]: unknown;
}
const reports: Array<{ source: MessageEventSource | null; data: Report }> = [];
addEventListener('message', (e) => {
  if (e.origin === PLUGIN_ORIGIN && e.data?.report) reports.push({ source: e.source, data: e.data });
});
let seq = 0;

/** A plugin in a `<d1-plugin-host>`, and a way to command it. */
class Mounted {
  constructor(readonly host: D1PluginHost) {}
  get frame(): HTMLIFrameElement | null {
    return this.host.shadowRoot!.querySelector('iframe');
  }
  reports(): Report[] {
    const win = this.frame?.contentWindow;
    return reports.filter((r) => win && r.source === win).map((r) => r.data);
  }
  async send<T = unknown>(cmd: Record<string, unknown>, timeout = 10000): Promise<T> {
    const s = ++seq;
    this.frame!.contentWindow!.postMessage({ ...cmd, seq: s }, PLUGIN_ORIGIN);
    const r = await waitFor(
      () => this.reports().find((x) => x.seq === s),
      `reply to ${String(cmd.cmd)}`,
      timeout,
    );
    if (!r.ok) throw new Error(`${String(cmd.cmd)} failed in the plugin: ${String(r.error)}`);
    return r.result as T;
  }
  state(s: D1PluginHost['state'], timeout = 8000) {
    return waitFor(() => this.host.state === s, `state ${s} (now ${this.host.state})`, timeout);
  }
  status(): string {
    const el = this.host.shadowRoot!.querySelector<HTMLElement>('.status');
    return el && !el.hidden ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
  }
}

/** Counts painted frames and the longest gap between them (the portal's responsiveness). */
function paintMeter() {
  let frames = 0;
  let maxGap = 0;
  let last = performance.now();
  let run = true;
  const tick = (t: number) => {
    frames++;
    maxGap = Math.max(maxGap, t - last);
    last = t;
    if (run) requestAnimationFrame(tick);
  };
  requestAnimationFrame((t) => {
    last = t;
    requestAnimationFrame(tick);
  });
  return {
    stop() {
      run = false;
      return { frames, maxGap };
    },
  };
}

let root: HTMLElement;
let notifications: MemoryNotifications;
let sessions: MemorySessions;
let tray: HTMLElementTagNameMap['d1-notification-tray'];
let errors: ReturnType<typeof watchErrors>;

function mount(manifest: PluginManifest, grants: D1PluginHost['grants'], more: Partial<D1PluginHost> = {}) {
  const host = document.createElement('d1-plugin-host');
  Object.assign(host, {
    manifest,
    grants,
    context: teacher(),
    services: { notifications, pluginSessions: sessions },
    ...more,
  });
  root.append(host);
  return new Mounted(host);
}
async function connectedHostile(more: Partial<D1PluginHost> = {}) {
  const m = mount(hostile, ['notifications'], more);
  await m.state('ready');
  await waitFor(() => m.reports().find((r) => r.connected), 'the hostile plugin to connect');
  return m;
}

describe('hostile plugins', function () {
  this.timeout(30000);

  beforeEach(() => {
    errors = watchErrors();
    delete window.__pwned;
    notifications = new MemoryNotifications();
    sessions = new MemorySessions();
    root = document.createElement('div');
    root.lang = 'en';
    tray = document.createElement('d1-notification-tray');
    tray.notifications = [];
    notifications.subscribe((list) => (tray.notifications = list));
    root.append(tray);
    document.body.append(root);
  });
  afterEach(() => {
    root.remove();
    errors.stop();
    expect(window.__pwned, 'nothing ran in the portal').to.equal(undefined);
    expect(errors.errors, 'nothing thrown in the portal').to.deep.equal([]);
  });

  it('connects like any plugin and learns only its own id and a pairwise subject', async () => {
    const evil = await connectedHostile();
    const hello = evil.reports().find((r) => r.connected)!;
    expect(hello.welcome).to.deep.include({ type: 'd1.welcome', pluginId: 'fi.evil.tool' });
    expect(hello.origin).to.equal(location.origin);
    const ctx = await evil.send<{ result: Record<string, unknown> }>({ cmd: 'call', method: 'context.get' });
    // not granted context.user.name: no name, no email, no learner number; the subject is pairwise
    expect(ctx.result.sub).to.equal('pw-fi.evil.tool');
    expect(JSON.stringify(ctx.result)).to.not.match(/Aino|Virtanen|aino@|1\.2\.246\.562|u-teacher-1/);
  });

  it('ignores handshakes from other windows, from a wrong origin, and look-alikes aimed at the portal', async () => {
    const good = mount(victim, ['context.user.name', 'storage']);
    const ready: Event[] = [];
    good.host.addEventListener('d1-plugin-ready', (e) => ready.push(e));
    await good.state('ready');
    const evil = await connectedHostile();
    // a frame inside the hostile one (not a window the host made) claims the good plugin's id
    await evil.send({ cmd: 'nested' });
    // welcome/hello/LTI look-alikes posted to the portal's window, to '*'
    await evil.send({ cmd: 'window' });
    // a window on another origin (opaque: sandboxed without allow-same-origin) says hello too
    const stranger = document.createElement('iframe');
    stranger.setAttribute('sandbox', 'allow-scripts');
    stranger.srcdoc = `<script>parent.postMessage({ type: 'd1.hello', versions: ['1.0'], instance: 's1' }, '*')</script>`;
    const loaded = new Promise((r) => stranger.addEventListener('load', r));
    root.append(stranger);
    await loaded;
    // both plugins still run on their first connection, and the good one still gets its own answers
    const probe = await evil.send<{ result: unknown }>({ cmd: 'call', method: 'context.get' });
    expect(probe.result).to.be.an('object');
    const goodFrame = good.frame!.contentWindow!;
    const s = ++seq;
    goodFrame.postMessage({ cmd: 'context', seq: s }, PLUGIN_ORIGIN);
    const ctx = await waitFor(() => good.reports().find((r) => r.seq === s), 'the good plugin');
    expect((ctx.result as { sub: string }).sub).to.equal('pw-fi.example.test');
    expect(ready.length, 'the good plugin was never re-handshaken').to.equal(1);
    expect(good.host.state).to.equal('ready');
    expect(evil.host.state).to.equal('ready');
  });

  it('a plugin whose frame turns into another origin is cut off and shown as unresponsive, with Reload', async () => {
    const evil = await connectedHostile({ heartbeat: { interval: 200, timeout: 300 } });
    // navigate its own frame to a data: document (opaque origin) that says hello from the right window
    const s = ++seq;
    evil.frame!.contentWindow!.postMessage({ cmd: 'call', seq: s, method: 'context.get' }, PLUGIN_ORIGIN);
    await waitFor(() => evil.reports().find((r) => r.seq === s), 'a last call');
    evil.frame!.src = `data:text/html,<script>setInterval(() => parent.postMessage({ type: 'd1.hello', versions: ['1.0'], instance: 'd' }, '*'), 50)</script>`;
    await evil.state('unresponsive');
    expect(evil.status()).to.include('Evil tool is not responding');
    const reload = [...evil.host.shadowRoot!.querySelectorAll('button')].find((b) =>
      /Reload/.test(b.textContent ?? ''),
    )!;
    reload.click();
    await evil.state('ready');
  });

  it('forged replies, stray events and unknown requests change nothing', async () => {
    const evil = await connectedHostile();
    const r = await evil.send<{ context: string }>({ cmd: 'forge' });
    expect(r.context).to.equal('ok');
    const bad = await evil.send<{ error: { code: string } }>({
      cmd: 'call',
      method: 'context.changed',
      params: {},
    });
    expect(bad.error.code).to.equal('UNSUPPORTED');
    expect(evil.host.state).to.equal('ready');
  });

  it('a flood of notifications reaches the tray only up to the limit; RPC and announcement floods are served or refused while the portal keeps painting', async () => {
    const evil = await connectedHostile();
    const meter = paintMeter();
    const n = await evil.send<{ tally: Record<string, number> }>({
      cmd: 'flood',
      method: 'notifications.post',
      count: 300,
      params: { title: 'Flood' },
    });
    expect(n.tally.ok).to.equal(10);
    expect(n.tally.RATE_LIMITED).to.equal(290);
    const rpc = await evil.send<{ tally: Record<string, number>; ms: number }>({
      cmd: 'flood',
      method: 'context.get',
      count: 5000,
    });
    expect(rpc.tally.ok).to.equal(5000);
    const talk = await evil.send<{ tally: Record<string, number> }>({
      cmd: 'flood',
      method: 'ui.announce',
      count: 200,
      params: { text: 'Listen to me' },
    });
    expect(talk.tally.ok).to.equal(20);
    expect(talk.tally.RATE_LIMITED).to.equal(180);
    const paint = meter.stop();
    tray.open = true;
    await tray.updateComplete;
    expect(tray.shadowRoot!.querySelectorAll('.item').length).to.equal(10);
    expect(paint.frames, `frames painted (${JSON.stringify(paint)})`).to.be.greaterThan(5);
    expect(paint.maxGap, `longest frame gap (${JSON.stringify(paint)})`).to.be.lessThan(1000);
  });

  it('huge messages are refused with INVALID_PARAMS or dropped; the connection and the portal carry on', async () => {
    const evil = await connectedHostile();
    const meter = paintMeter();
    const r = await evil.send<Record<string, string>>({ cmd: 'huge', bytes: 16 * 1024 * 1024 }, 20000);
    const paint = meter.stop();
    // size is checked before the handler runs, so even an ungranted call learns only that it is too big
    expect(r).to.deep.equal({ notify: 'INVALID_PARAMS', storage: 'INVALID_PARAMS', after: 'ok' });
    expect(notifications.posted.length).to.equal(0);
    expect(paint.maxGap, `longest frame gap (${JSON.stringify(paint)})`).to.be.lessThan(1500);
    expect(evil.host.state).to.equal('ready');
  });

  it('cannot navigate the portal, open popups or dialogs, or submit to the top', async () => {
    const evil = await connectedHostile();
    const before = location.href;
    const r = await evil.send<Record<string, string>>({ cmd: 'escape', url: `${location.origin}/?pwned=1` });
    expect(r.topLocation).to.equal('threw SecurityError');
    expect(r.topAssign).to.equal('threw SecurityError');
    expect(r.parentReplace).to.equal('threw SecurityError');
    expect(r.open, 'popups are blocked by the sandbox').to.equal('null');
    expect(r.openBlank).to.equal('null');
    // a _top link or form and alert() are blocked without an exception; the portal stayed put
    await new Promise((res) => setTimeout(res, 300));
    expect(location.href).to.equal(before);
    expect(evil.frame!.getAttribute('sandbox')).to.equal('allow-scripts allow-forms allow-same-origin');
  });

  it("cannot take the user's page, history or focus: hidden it may not navigate, moves are limited, focusHost moves only its own focus", async () => {
    const navigations: unknown[] = [];
    root.addEventListener('d1-plugin-navigate', (e) => navigations.push(e.detail));
    const evil = await connectedHostile({ limits: { ...DEFAULT_LIMITS, navigationsPerMinute: 3 } });
    const nav = (path: string) =>
      evil.send<Record<string, unknown>>({ cmd: 'call', method: 'navigation.open', params: { path } });
    // kept mounted out of sight (the shell keeps a tool alive when another opens): no taking over
    evil.host.hidden = true;
    expect(((await nav('/again')).error as { code: string }).code).to.equal('PERMISSION_DENIED');
    expect(navigations).to.deep.equal([]);
    evil.host.hidden = false;
    // in view, moving inside itself works, up to the limit (the refused call above counted): a
    // loop cannot bury the Back button
    const r = await evil.send<{ tally: Record<string, number> }>({
      cmd: 'flood',
      method: 'navigation.open',
      params: { path: '/p' },
      count: 10,
    });
    expect(r.tally).to.deep.equal({ ok: 2, RATE_LIMITED: 8 });
    expect(navigations).to.have.length(2);
    // the user types in the portal: the plugin cannot pull the focus away
    const input = document.createElement('input');
    root.append(input);
    input.focus();
    input.value = 'Mate';
    expect(await evil.send({ cmd: 'call', method: 'ui.focusHost', params: {} })).to.deep.include({
      result: null,
    });
    expect(document.activeElement).to.equal(input);
    expect(input.value).to.equal('Mate');
  });

  it('LTI storage messages count against the storage limit like the bridge calls', async () => {
    const evil = mount(hostile, ['storage'], { limits: { ...DEFAULT_LIMITS, storageCallsPerMinute: 5 } });
    await evil.state('ready');
    await waitFor(() => evil.reports().find((r) => r.connected), 'connect');
    const r = await evil.send<{ tally: Record<string, number> }>({ cmd: 'ltiFlood', count: 12 });
    expect(r.tally).to.deep.equal({ ok: 5, storage_exhaustion: 7 });
    expect(sessions.stored.size).to.equal(5);
  });

  it("cannot read the portal's DOM, storage, cookies or address", async () => {
    localStorage.setItem('portal-secret', 'kept');
    sessionStorage.setItem('portal-secret', 'kept');
    document.cookie = 'portal-secret=kept; SameSite=Lax; path=/';
    const evil = await connectedHostile();
    try {
      const r = await evil.send<Record<string, unknown>>({ cmd: 'read' });
      for (const k of ['dom', 'title', 'cookie', 'localStorage', 'sessionStorage', 'url'])
        expect(r[k], k).to.deep.equal({ refused: 'SecurityError' });
      expect(r.ownCookie).to.not.include('portal-secret');
      expect(r.ownLocalStorage).to.equal(null);
      expect(r.referrer, 'no referrer: the portal URL may carry a group or a path').to.equal('');
      expect(JSON.stringify(r)).to.not.include('kept');
    } finally {
      localStorage.removeItem('portal-secret');
      sessionStorage.removeItem('portal-secret');
      document.cookie = 'portal-secret=; max-age=0; path=/';
    }
  });

  it('calls it was not granted are refused with PERMISSION_DENIED; what is granted works', async () => {
    const evil = await connectedHostile();
    const code = async (method: string, params?: unknown) =>
      (await evil.send<{ error?: { code: string } }>({ cmd: 'call', method, params })).error?.code ?? 'ok';
    expect(await code('auth.getToken')).to.equal('PERMISSION_DENIED');
    expect(await code('storage.get', { key: 'k' })).to.equal('PERMISSION_DENIED');
    expect(await code('storage.set', { key: 'k', value: 1 })).to.equal('PERMISSION_DENIED');
    expect(await code('navigation.open', { pluginId: 'fi.example.test' })).to.equal('PERMISSION_DENIED');
    expect(await code('navigation.open', { path: '/own/page' })).to.equal('ok');
    expect(await code('notifications.post', { title: 'Allowed' })).to.equal('ok');
    expect(sessions.stored.size).to.equal(0);
  });

  it("cannot speak for another plugin: the source is the host's, storage keys stay in its own space", async () => {
    const evil = mount(hostile, ['notifications', 'storage']);
    await evil.state('ready');
    await waitFor(() => evil.reports().find((r) => r.connected), 'connect');
    sessions.stored.set('fi.example.test/secret', 'the good plugin’s data');
    const r = await evil.send<{ result?: unknown }>({
      cmd: 'call',
      method: 'notifications.post',
      params: {
        title: 'Official notice',
        source: { pluginId: 'fi.example.test', vendorName: 'DigiOne' },
        pluginId: 'platform',
      },
    });
    expect(r.result).to.deep.equal({ id: 'n1' });
    expect(notifications.posted[0]!.source).to.deep.equal({
      pluginId: 'fi.evil.tool',
      vendorName: 'Evil Oy',
    });
    expect(notifications.posted[0]!.input).to.deep.equal({ title: 'Official notice' });
    for (const key of ['../fi.example.test/secret', '/fi.example.test/secret', 'secret'])
      expect(
        (await evil.send<{ result?: unknown }>({ cmd: 'call', method: 'storage.get', params: { key } }))
          .result,
        key,
      ).to.equal(null);
    tray.open = true;
    await tray.updateComplete;
    expect(tray.shadowRoot!.querySelector('.item .source')!.textContent).to.include('Evil Oy');
    expect(tray.shadowRoot!.textContent).to.not.include('DigiOne');
  });

  it('markup and script in notification titles, bodies and announcements show as text in the tray; nothing runs', async () => {
    const evil = await connectedHostile();
    const title = '<img src=x onerror="window.__pwned=1">Grades';
    const body = '<script>window.__pwned=1</script><b>bold?</b>';
    const ok = await evil.send<{ result?: unknown }>({
      cmd: 'inject',
      params: { title, body, link: { path: '/grades' } },
    });
    expect(ok.result).to.deep.equal({ id: 'n1' });
    const refused = async (link: unknown) =>
      (await evil.send<{ error?: { code: string } }>({ cmd: 'inject', params: { title: 'x', link } })).error
        ?.code;
    expect(await refused({ href: 'javascript:window.__pwned=1' })).to.equal('INVALID_PARAMS');
    expect(await refused({ href: 'data:text/html,<script>window.__pwned=1</script>' })).to.equal(
      'INVALID_PARAMS',
    );
    expect(await refused({ path: '//evil.example/x' })).to.equal('INVALID_PARAMS');
    await evil.send({
      cmd: 'call',
      method: 'ui.announce',
      params: { text: '<img src=x onerror="window.__pwned=1">Hi' },
    });
    tray.open = true;
    await tray.updateComplete;
    const item = tray.shadowRoot!.querySelector('.item')!;
    expect(item.querySelector('.title')!.textContent).to.include(title);
    expect(item.querySelector('.body')!.textContent).to.equal(body);
    expect(item.querySelectorAll('img, script, b').length).to.equal(0);
    const region = document.querySelector<HTMLElement>('[data-d1-announcer="polite"]')!;
    await waitFor(() => region.textContent!.includes('Hi'), 'the announcement');
    expect(region.querySelectorAll('*').length).to.equal(0);
    await new Promise((r) => setTimeout(r, 100));
  });

  it('a plugin that hangs its event loop is marked unresponsive and shown so, the portal keeps painting, and it recovers', async () => {
    const evil = await connectedHostile({ heartbeat: { interval: 200, timeout: 300 } });
    const meter = paintMeter();
    const timers: number[] = [];
    const interval = setInterval(() => timers.push(performance.now()), 20);
    // the hang starts in the plugin's own process; the command's reply comes only after it
    const hung = evil.send({ cmd: 'hang', ms: 3000 }, 15000);
    await evil.state('unresponsive', 4000);
    expect(evil.status()).to.include('Evil tool is not responding');
    expect(evil.host.getAttribute('state')).to.equal('unresponsive');
    await hung;
    clearInterval(interval);
    const paint = meter.stop();
    const gaps = timers.slice(1).map((t, i) => t - timers[i]!);
    expect(paint.frames, `frames painted during the hang (${JSON.stringify(paint)})`).to.be.greaterThan(20);
    expect(paint.maxGap, `longest frame gap (${JSON.stringify(paint)})`).to.be.lessThan(1000);
    expect(Math.max(...gaps), 'the portal’s timers kept running').to.be.lessThan(1000);
    // answering again brings it back without a reload
    await evil.state('ready', 4000);
    expect(evil.status()).to.equal('');
  });
});
