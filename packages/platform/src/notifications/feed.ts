/**
 * {@link NotificationService} over the platform's notification API: the initial list, then the
 * SSE stream read through fetch (so the bearer header and `Last-Event-ID` can be sent), resumed
 * after every drop with exponential backoff and jitter. Marking read and dismissing are
 * optimistic and roll back when the server refuses.
 * @module
 */
import type { Notification, NotificationInput, NotificationService } from '@digione/context';
import type { ApiClient } from '../http.js';
import { PlatformError } from '../errors.js';
import { sseParser } from './sse.js';

/** Options of {@link PlatformNotificationService}. */
export interface NotificationFeedOptions {
  api: ApiClient;
  /** Notifications kept in memory, newest first; older ones drop off. Default 200. */
  maxItems?: number;
  /** Posts allowed per source (plugin) in a sliding window. Default 10 per 60 s. */
  rateLimit?: { max: number; windowMs: number };
  /** Reconnect delays: doubling from `initialMs` up to `maxMs`, jittered. Default 1 s .. 30 s. */
  reconnect?: { initialMs?: number; maxMs?: number };
  /** A stream silent this long is dead (the server sends heartbeats every 15 s). Default 45 s. */
  idleTimeoutMs?: number;
  /** Random source for the jitter (tests pin it). */
  random?: () => number;
  /** Clock (tests pin it). Default `Date.now`. */
  now?: () => number;
}

/** Where the live stream stands. */
export type FeedConnection = 'idle' | 'connecting' | 'open' | 'waiting';

type Listener = (list: readonly Notification[], added: readonly Notification[]) => void;

const SEVERITIES = ['info', 'success', 'warning', 'error'];

/** The platform's notification feed; one per signed-in user. */
export class PlatformNotificationService implements NotificationService {
  readonly #api: ApiClient;
  // the options as given: each default is applied where its option is read (most are read once)
  readonly #o: NotificationFeedOptions;
  #list: readonly Notification[] = [];
  #listeners = new Set<Listener>();
  #gone = new Set<string>();
  #sent = new Map<string, number[]>();
  #run: AbortController | null = null;
  #parser = sseParser(
    (e) => this.#onEvent(e.type, e.data),
    (ms) => (this.#retryMs = ms),
  );
  #retryMs = 0;
  #connection: FeedConnection = 'idle';

  constructor(options: NotificationFeedOptions) {
    this.#api = options.api;
    this.#o = options;
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }

  /** Where the live stream stands now. */
  get connection(): FeedConnection {
    return this.#connection;
  }

  /** The id the stream resumes from. */
  get lastEventId(): string {
    return this.#parser.lastEventId;
  }

  list(): readonly Notification[] {
    return this.#list;
  }

  subscribe(fn: Listener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Load the list and keep the stream open until {@link stop}. Idempotent. */
  start(): void {
    if (this.#run) return;
    this.#run = new AbortController();
    void this.#loop(this.#run.signal);
  }

  /** Close the stream. `clear` also forgets the list (sign-out). */
  stop(clear = false): void {
    this.#run?.abort();
    this.#run = null;
    this.#connection = 'idle';
    if (clear) {
      this.#parser.lastEventId = '';
      this.#gone.clear();
      this.#sent.clear();
      this.#set([]);
    }
  }

  async post(input: NotificationInput, source: Notification['source']): Promise<Notification> {
    check(input);
    const now = this.#now();
    const limit = this.#o.rateLimit ?? { max: 10, windowMs: 60_000 };
    const sent = (this.#sent.get(source.pluginId) ?? []).filter((t) => now - t < limit.windowMs);
    if (sent.length >= limit.max)
      throw new PlatformError('RATE_LIMITED', `${source.pluginId}: too many notifications, try later`);
    sent.push(now);
    this.#sent.set(source.pluginId, sent);
    const body = source.pluginId === 'platform' ? input : { ...input, pluginId: source.pluginId };
    const n = await this.#api.json<unknown>('/api/notifications', { method: 'POST', json: body });
    if (!isNotification(n)) throw new PlatformError('INVALID_RESPONSE', 'the server sent no notification');
    this.#merge([n], true);
    return n;
  }

  /** Mark read at once (optimistic); rolls back and rejects when the server refuses. */
  markRead(ids: string[]): Promise<void> {
    return this.#markRead(ids, '/api/notifications/read', { ids });
  }

  /** Mark every unread notification read (optimistic, rolled back on refusal). */
  markAllRead(): Promise<void> {
    return this.#markRead(
      this.#list.filter((n) => !n.readAt).map((n) => n.id),
      '/api/notifications/read-all',
    );
  }

  /** Remove at once (optimistic); it comes back and the call rejects when the server refuses. */
  async dismiss(id: string): Promise<void> {
    const item = this.#list.find((n) => n.id === id);
    if (!item) return;
    this.#drop(id);
    try {
      await this.#api.request(`/api/notifications/${encodeURIComponent(id)}`, { method: 'DELETE' });
    } catch (err) {
      // already gone on the server is what we wanted
      if (err instanceof PlatformError && err.code === 'NOT_FOUND') return;
      this.#gone.delete(id);
      this.#merge([item]);
      throw err;
    }
  }

  async #markRead(ids: string[], path: string, json?: unknown): Promise<void> {
    const readAt = new Date(this.#now()).toISOString();
    const changed = new Set(ids.filter((id) => this.#list.some((n) => n.id === id && !n.readAt)));
    if (!changed.size) return;
    this.#set(this.#list.map((n) => (changed.has(n.id) ? { ...n, readAt } : n)));
    try {
      // an undefined json sends no body
      await this.#api.request(path, { method: 'POST', json });
    } catch (err) {
      // undo only what is still ours: a `read` event may have confirmed some meanwhile
      this.#set(
        this.#list.map((n) => {
          if (!changed.has(n.id) || n.readAt !== readAt) return n;
          const { readAt: _r, ...rest } = n;
          return rest;
        }),
      );
      throw err;
    }
  }

  async #loop(signal: AbortSignal): Promise<void> {
    for (let attempt = 0; !signal.aborted; attempt++) {
      this.#connection = 'connecting';
      try {
        if (await this.#connect(signal, () => (attempt = 0))) return;
      } catch (err) {
        if (signal.aborted) return;
        if (err instanceof PlatformError && err.code === 'UNAUTHENTICATED') {
          // signed out: nothing to resume until someone starts the feed again
          if (this.#run?.signal === signal) this.stop();
          return;
        }
      }
      this.#connection = 'waiting';
      const r = this.#o.reconnect;
      const cap = Math.min(r?.maxMs ?? 30_000, Math.max(r?.initialMs ?? 1000, this.#retryMs) * 2 ** attempt);
      await sleep(cap / 2 + ((this.#o.random ?? Math.random)() * cap) / 2, signal);
    }
  }

  // One connection. Resolves true when stopped, false when the stream ended (reconnect).
  async #connect(signal: AbortSignal, opened: () => void): Promise<boolean> {
    const conn = new AbortController();
    const abort = () => conn.abort();
    signal.addEventListener('abort', abort);
    let idle: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(abort, this.#o.idleTimeoutMs ?? 45_000);
    };
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      const last = this.#parser.lastEventId;
      if (last) headers['Last-Event-ID'] = last;
      arm();
      const res = await this.#api.request('/api/notifications/stream', {
        headers,
        signal: conn.signal,
        cache: 'no-store',
      });
      if (!res.body) throw new PlatformError('INVALID_RESPONSE', 'the stream has no body');
      this.#connection = 'open';
      this.#parser.reset();
      // without an id to resume from, events may have been missed: take the list again
      if (!last)
        void this.#api
          .json<unknown>('/api/notifications', { signal: conn.signal })
          .then((l) => Array.isArray(l) && this.#merge(l.filter(isNotification)))
          .catch(() => undefined);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (let first = true; ; first = false) {
        const { done, value } = await reader.read();
        if (done) return signal.aborted;
        if (first) opened();
        arm();
        this.#parser.push(value);
      }
    } catch (err) {
      if (signal.aborted) return true;
      throw err;
    } finally {
      clearTimeout(idle);
      signal.removeEventListener('abort', abort);
    }
  }

  #onEvent(type: string, data: string): void {
    let d: unknown;
    try {
      d = JSON.parse(data);
    } catch {
      return;
    }
    // `data: null` or `data: 5` on a read/dismiss event threw here and dropped the connection
    if (!isRecord(d)) return;
    const o = d as { id?: unknown; ids?: unknown; readAt?: unknown };
    if (type === 'notification' && isNotification(d)) this.#merge([d], true);
    else if (type === 'dismiss' && typeof o.id === 'string') this.#drop(o.id);
    else if (type === 'read' && Array.isArray(o.ids)) {
      const ids = new Set(o.ids);
      const readAt = typeof o.readAt === 'string' ? o.readAt : new Date(this.#now()).toISOString();
      this.#set(this.#list.map((n) => (ids.has(n.id) && n.readAt !== readAt ? { ...n, readAt } : n)));
    }
  }

  // Gone here, and not brought back by a list or an event that still carries it.
  #drop(id: string): void {
    this.#gone.add(id);
    this.#set(this.#list.filter((n) => n.id !== id));
  }

  // Union by id (the incoming copy wins, but a read mark is never lost), newest first, capped.
  // `announce`: the items not in the list before are passed to the listeners as added.
  #merge(items: readonly Notification[], announce = false): void {
    const byId = new Map(this.#list.map((n) => [n.id, n]));
    const added: Notification[] = [];
    for (const n of items) {
      if (this.#gone.has(n.id)) continue;
      const old = byId.get(n.id);
      if (!old && announce) added.push(n);
      byId.set(n.id, old?.readAt && !n.readAt ? { ...n, readAt: old.readAt } : n);
    }
    const list = [...byId.values()]
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
      .slice(0, this.#o.maxItems ?? 200);
    this.#set(
      list,
      added.filter((n) => list.includes(n)),
    );
  }

  #set(list: readonly Notification[], added: readonly Notification[] = []): void {
    this.#list = Object.freeze(list);
    if (this.#gone.size > 500) this.#gone = new Set([...this.#gone].slice(-250));
    for (const fn of [...this.#listeners]) {
      try {
        fn(this.#list, added);
      } catch (err) {
        console.error('[d1] a notification listener threw', err);
      }
    }
  }
}

// The stream and the list come from outside: keep only what a tray can render without a check of
// its own (a null title, a date that is no date or a numeric href made the tray's render throw).
function isNotification(x: unknown): x is Notification {
  const n = x as Record<string, unknown> | null;
  if (!isRecord(n)) return false;
  const { source, link } = n;
  return (
    typeof n.id === 'string' &&
    typeof n.createdAt === 'string' &&
    !isNaN(Date.parse(n.createdAt)) &&
    isText(n.title) &&
    (n.body === undefined || isText(n.body)) &&
    optString(n.readAt) &&
    isRecord(source) &&
    typeof source.pluginId === 'string' &&
    optString(source.vendorName) &&
    optString(source.icon) &&
    (link === undefined ||
      (isRecord(link) && optString(link.href) && optString(link.path) && optString(link.pluginId)))
  );
}
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const optString = (v: unknown) => v === undefined || typeof v === 'string';
const isText = (v: unknown) =>
  typeof v === 'string' || (isRecord(v) && Object.values(v).every((t) => typeof t === 'string'));

// Reject what no tray should show: no title, oversized text, unknown severity, a non-web link.
function check(input: NotificationInput): void {
  const texts = (t: NotificationInput['title'] | undefined) =>
    t === undefined ? [] : typeof t === 'string' ? [t] : Object.values(t);
  const bad = (why: string) => new PlatformError('INVALID_PARAMS', why);
  if (!texts(input.title).some((t) => typeof t === 'string' && t.trim())) throw bad('title is required');
  if (texts(input.title).some((t) => typeof t !== 'string' || t.length > 200))
    throw bad('title: at most 200 characters');
  if (texts(input.body).some((t) => typeof t !== 'string' || t.length > 2000))
    throw bad('body: at most 2000 characters');
  if (input.severity !== undefined && !SEVERITIES.includes(input.severity)) throw bad('severity: unknown');
  const href = input.link?.href;
  if (href !== undefined && !/^https?:\/\//i.test(href)) throw bad('link.href: only http(s) URLs');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
