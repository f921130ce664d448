/**
 * Notifications per user: a list (newest first), an event log for Server-Sent Events with
 * `Last-Event-ID` resume, read state, dismissal, and a rate limit per user.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { LocalizedText, Notification, NotificationInput, Severity } from '@digione/context';
import { HttpError } from './http.js';

/** Limits that keep a misbehaving sender from filling memory. */
export const NOTIFICATION_LIMITS = {
  /** Notifications kept per user (oldest dropped). */
  keep: 200,
  /** Events kept per user for resume. */
  events: 500,
  /** Posts per user per minute. */
  perMinute: 60,
  title: 200,
  body: 2000,
} as const;

const SEVERITIES: readonly Severity[] = ['info', 'success', 'warning', 'error'];
const LANGS = ['fi', 'sv', 'en', 'se', 'smn', 'sms'];

interface LoggedEvent {
  id: number;
  text: string;
}

interface Feed {
  items: Notification[];
  events: LoggedEvent[];
  clients: Set<ServerResponse>;
  posts: number[];
}

/** Validate a POST body into a NotificationInput (throws 400 naming the field). */
export function readNotificationInput(
  body: Record<string, unknown>,
): NotificationInput & { pluginId?: string } {
  const input: NotificationInput & { pluginId?: string } = {
    title: text(body.title, 'title', NOTIFICATION_LIMITS.title, true)!,
  };
  const bodyText = text(body.body, 'body', NOTIFICATION_LIMITS.body, false);
  if (bodyText !== undefined) input.body = bodyText;
  if (body.severity !== undefined) {
    if (!SEVERITIES.includes(body.severity as Severity))
      throw bad('severity', `must be one of ${SEVERITIES.join(', ')}`);
    input.severity = body.severity as Severity;
  }
  if (body.groupId !== undefined) {
    if (typeof body.groupId !== 'string' || !body.groupId || body.groupId.length > 200)
      throw bad('groupId', 'must be a string of 1-200 characters');
    input.groupId = body.groupId;
  }
  if (body.containsPersonalData !== undefined) {
    if (typeof body.containsPersonalData !== 'boolean')
      throw bad('containsPersonalData', 'must be true or false');
    input.containsPersonalData = body.containsPersonalData;
  }
  if (body.link !== undefined) input.link = link(body.link);
  if (body.count !== undefined) {
    if (!Number.isInteger(body.count) || (body.count as number) < 0 || (body.count as number) > 1_000_000)
      throw bad('count', 'must be a whole number from 0 to 1000000');
    (input as NotificationInput & { count?: number }).count = body.count as number;
  }
  // the body may name the sending plugin: `pluginId` or `source.pluginId`
  const source = body.source;
  const pluginId =
    body.pluginId ??
    (source && typeof source === 'object' ? (source as Record<string, unknown>).pluginId : undefined);
  if (pluginId !== undefined) {
    if (typeof pluginId !== 'string' || !pluginId) throw bad('pluginId', 'must be a plugin id string');
    input.pluginId = pluginId;
  }
  return input;
}

function bad(field: string, reason: string): HttpError {
  return new HttpError(400, 'invalid_notification', `${field} ${reason}`);
}

function text(v: unknown, field: string, max: number, required: boolean): LocalizedText | string | undefined {
  if (v === undefined || v === null) {
    if (required) throw bad(field, 'is required (a string or { fi, sv, en })');
    return undefined;
  }
  if (typeof v === 'string') {
    if (!v.trim()) throw bad(field, 'must not be empty');
    if (v.length > max) throw bad(field, `may be at most ${max} characters`);
    return v;
  }
  if (typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (!entries.length) throw bad(field, 'needs at least one language');
    for (const [lang, s] of entries) {
      if (!LANGS.includes(lang)) throw bad(`${field}.${lang}`, `is not a language; use ${LANGS.join(', ')}`);
      if (typeof s !== 'string' || !s.trim()) throw bad(`${field}.${lang}`, 'must be a non-empty string');
      if (s.length > max) throw bad(`${field}.${lang}`, `may be at most ${max} characters`);
    }
    return v as LocalizedText;
  }
  throw bad(field, 'must be a string or { fi, sv, en }');
}

function link(v: unknown): NonNullable<Notification['link']> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw bad('link', 'must be an object { pluginId?, path?, href? }');
  const o = v as Record<string, unknown>;
  const out: NonNullable<Notification['link']> = {};
  for (const k of ['pluginId', 'path', 'href'] as const) {
    if (o[k] === undefined) continue;
    if (typeof o[k] !== 'string' || !(o[k] as string) || (o[k] as string).length > 2000)
      throw bad(`link.${k}`, 'must be a non-empty string');
    out[k] = o[k] as string;
  }
  if (out.href !== undefined) {
    let u: URL;
    try {
      u = new URL(out.href);
    } catch {
      throw bad('link.href', 'must be an absolute URL');
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw bad('link.href', 'must be an http(s) URL');
  }
  // the bridge's rule (isPluginPath): one leading slash; `//host` and `/\host` would leave the site,
  // and so would `/\t/host` (a URL parser drops tabs and newlines)
  if (out.path !== undefined && !/^\/(?![/\\])[^\0-\x1f\x7f]*$/.test(out.path))
    throw bad('link.path', 'must start with a single /');
  if (!Object.keys(out).length) throw bad('link', 'needs pluginId, path or href');
  return out;
}

/** All users' feeds. */
export class NotificationHub {
  private readonly feeds = new Map<string, Feed>();
  // ids keep increasing across restarts, so a client's old Last-Event-ID never hides new events
  private seq = Date.now() * 1000;
  private readonly timer: NodeJS.Timeout;

  constructor(heartbeatMs: number) {
    this.timer = setInterval(() => this.heartbeat(), heartbeatMs);
    this.timer.unref();
  }

  private feed(userId: string): Feed {
    let f = this.feeds.get(userId);
    if (!f) {
      f = { items: [], events: [], clients: new Set(), posts: [] };
      this.feeds.set(userId, f);
    }
    return f;
  }

  list(userId: string): Notification[] {
    return this.feed(userId).items;
  }

  post(userId: string, input: NotificationInput, source: Notification['source']): Notification {
    const f = this.feed(userId);
    const now = Date.now();
    f.posts = f.posts.filter((t) => now - t < 60_000);
    if (f.posts.length >= NOTIFICATION_LIMITS.perMinute) {
      throw new HttpError(
        429,
        'rate_limited',
        `at most ${NOTIFICATION_LIMITS.perMinute} notifications per user per minute`,
        { 'retry-after': '60' },
      );
    }
    f.posts.push(now);
    const n: Notification = {
      id: randomUUID(),
      source,
      severity: input.severity ?? 'info',
      title:
        typeof input.title === 'string' ? { fi: input.title, sv: input.title, en: input.title } : input.title,
      createdAt: new Date(now).toISOString(),
      containsPersonalData: input.containsPersonalData ?? true,
    };
    if (input.body !== undefined)
      n.body =
        typeof input.body === 'string' ? { fi: input.body, sv: input.body, en: input.body } : input.body;
    if (input.link) n.link = input.link;
    if (input.groupId) n.groupId = input.groupId;
    const count = (input as { count?: number }).count;
    if (count !== undefined) n.count = count;
    f.items.unshift(n);
    if (f.items.length > NOTIFICATION_LIMITS.keep) f.items.length = NOTIFICATION_LIMITS.keep;
    this.emit(userId, 'notification', n);
    return n;
  }

  markRead(userId: string, ids: string[]): void {
    const f = this.feed(userId);
    const readAt = new Date().toISOString();
    const changed = f.items.filter((n) => ids.includes(n.id) && !n.readAt);
    for (const n of changed) n.readAt = readAt;
    if (changed.length) this.emit(userId, 'read', { ids: changed.map((n) => n.id), readAt });
  }

  markAllRead(userId: string): void {
    this.markRead(
      userId,
      this.feed(userId).items.map((n) => n.id),
    );
  }

  dismiss(userId: string, id: string): boolean {
    const f = this.feed(userId);
    const i = f.items.findIndex((n) => n.id === id);
    if (i < 0) return false;
    f.items.splice(i, 1);
    this.emit(userId, 'dismiss', { id });
    return true;
  }

  /** Attach an SSE response; replays events after `lastEventId`. */
  stream(userId: string, res: ServerResponse, lastEventId: number | undefined): void {
    const f = this.feed(userId);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': digione notifications\nretry: 2000\n\n');
    if (lastEventId !== undefined) for (const e of f.events) if (e.id > lastEventId) res.write(e.text);
    f.clients.add(res);
    const drop = () => f.clients.delete(res);
    res.on('close', drop);
    res.on('error', drop);
  }

  /** End every stream (on shutdown). */
  close(): void {
    clearInterval(this.timer);
    for (const f of this.feeds.values()) for (const c of f.clients) c.end();
  }

  private emit(userId: string, event: string, data: unknown): void {
    const f = this.feed(userId);
    const id = ++this.seq;
    const text = `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    f.events.push({ id, text });
    if (f.events.length > NOTIFICATION_LIMITS.events) f.events.shift();
    for (const c of f.clients) c.write(text);
  }

  private heartbeat(): void {
    for (const f of this.feeds.values()) for (const c of f.clients) c.write(': heartbeat\n\n');
  }
}
