/**
 * Test helpers for `<d1-plugin-host>`: a signed-in teacher's store, fake platform services
 * (pairwise subjects per user and plugin, storage with a quota, notifications with the
 * platform's error codes), manifests for the cross-origin fixture plugin, and a driver that
 * talks to the plugin inside a host element.
 */
import {
  createPlatformStore,
  localeFor,
  type ContextStore,
  type Notification,
  type NotificationInput,
  type NotificationService,
  type Permission,
  type PlatformContext,
  type PluginSession,
  type PluginSessionService,
} from '@digione/context';
import type { D1PluginHost, PluginManifest } from '@digione/plugin-host';
import { waitFor } from '../../../test/helpers/wait.js';

export const PLUGIN_ORIGIN = `http://127.0.0.1:${location.port}`;
export const FIXTURES = '/test/browser/fixtures/plugins';
export const PLUGIN_URL = `${PLUGIN_ORIGIN}${FIXTURES}/plugin.html`;
export const MODULE_URL = `${location.origin}${FIXTURES}/module-plugin.ts`;

/** An iframe manifest for the fixture plugin; `query` becomes its URL's query string. */
export function iframeManifest(
  over: Partial<PluginManifest> = {},
  query: Record<string, string> = {},
): PluginManifest {
  const qs = new URLSearchParams(query).toString();
  return {
    id: 'fi.example.test',
    name: { fi: 'Testityökalu', sv: 'Testverktyg', en: 'Test tool' },
    version: '1.0.0',
    vendor: 'Esimerkki Oy',
    kind: 'iframe',
    entry: qs ? `${PLUGIN_URL}?${qs}` : PLUGIN_URL,
    permissions: ['context.user.name', 'context.group', 'notifications', 'token', 'storage', 'navigation'],
    ...over,
  };
}

export function moduleManifest(over: Partial<PluginManifest> = {}): PluginManifest {
  return {
    id: 'fi.example.module',
    name: { fi: 'Moduuli', en: 'Module' },
    version: '1.0.0',
    vendor: { name: 'Esimerkki Oy' },
    kind: 'module',
    module: MODULE_URL,
    permissions: ['notifications'],
    ...over,
  };
}

/** A signed-in teacher with an active group. */
export function teacherStore(): ContextStore<PlatformContext> {
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
    organizations: {
      'org-1': { id: 'org-1', type: 'school', name: { fi: 'Kuusikosken koulu' }, schoolCode: '12345' },
    },
    activeGroup: {
      id: 'g-7a',
      title: '7A matematiikka',
      code: '7A-MA',
      kind: 'teachingGroup',
      schoolId: 'org-1',
      subjects: ['matematiikka'],
      sessionIds: ['s1'],
      status: 'active',
      lastModified: '2025-08-01T00:00:00Z',
    },
    locale: localeFor('fi'),
  });
}

/** Pairwise subjects (stable per user+plugin, different across plugins), tokens and storage. */
export class FakeSessions implements PluginSessionService {
  calls: Array<{ pluginId: string; forceRefresh: boolean }> = [];
  /** The grants each session request carried (the platform puts them into the token). */
  asked: Array<readonly Permission[] | undefined> = [];
  stored = new Map<string, unknown>();
  /** Lifetime of the tokens handed out. */
  ttl = 300_000;
  failing = false;
  #n = 0;

  constructor(private readonly store: ContextStore<PlatformContext>) {}

  async session(
    pluginId: string,
    options: { forceRefresh?: boolean; permissions?: readonly Permission[] } = {},
  ): Promise<PluginSession> {
    this.calls.push({ pluginId, forceRefresh: !!options.forceRefresh });
    this.asked.push(options.permissions);
    if (this.failing) throw Object.assign(new Error('network down'), { code: 'NETWORK' });
    const user = this.store.get().user!.id;
    return {
      pluginId,
      sub: `pw-${hash(`${user}/${pluginId}`)}`,
      token: `token-${pluginId}-${++this.#n}`,
      expiresAt: Date.now() + this.ttl,
    };
  }

  async storageGet(pluginId: string, key: string): Promise<unknown> {
    return this.stored.get(`${this.store.get().user!.id}/${pluginId}/${key}`);
  }

  async storageSet(pluginId: string, key: string, value: unknown): Promise<void> {
    if (JSON.stringify(value).length > 1000)
      throw Object.assign(new Error('over quota'), { code: 'QUOTA_EXCEEDED' });
    this.stored.set(`${this.store.get().user!.id}/${pluginId}/${key}`, value);
  }
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** Notifications as the platform takes them; records what arrived. */
export class FakeNotifications implements NotificationService {
  posted: Array<{ input: NotificationInput; source: Notification['source'] }> = [];
  list(): readonly Notification[] {
    return [];
  }
  subscribe(): () => void {
    return () => {};
  }
  async post(input: NotificationInput, source: Notification['source']): Promise<Notification> {
    this.posted.push({ input, source });
    return {
      id: `n${this.posted.length}`,
      source,
      severity: input.severity ?? 'info',
      title: typeof input.title == 'string' ? { fi: input.title } : input.title,
      createdAt: new Date().toISOString(),
      containsPersonalData: true,
    };
  }
  async markRead(): Promise<void> {}
  async markAllRead(): Promise<void> {}
  async dismiss(): Promise<void> {}
}

export interface Report {
  report: true;
  seq?: number;
  ok?: boolean;
  result?: unknown;
  error?: { code: string; message: string };
  connected?: boolean;
  silent?: boolean;
  [k: string]: unknown;
}

const reports: Array<{ source: MessageEventSource | null; data: Report }> = [];
addEventListener('message', (e) => {
  if (e.origin === PLUGIN_ORIGIN && e.data?.report) reports.push({ source: e.source, data: e.data });
});
let seq = 0;

/** The fixture plugin inside one `<d1-plugin-host>`. */
export class Driver {
  constructor(readonly host: D1PluginHost) {}

  get frame(): HTMLIFrameElement | null {
    return this.host.shadowRoot!.querySelector('iframe');
  }

  reports(): Report[] {
    const win = this.frame?.contentWindow;
    return reports.filter((r) => win && r.source === win).map((r) => r.data);
  }

  async connected(timeout = 8000): Promise<Report> {
    return waitFor(() => this.reports().find((r) => 'connected' in r), 'the plugin to connect', timeout);
  }

  async send(cmd: Record<string, unknown>, timeout = 8000): Promise<Report> {
    const s = ++seq;
    const frame = await waitFor(() => this.frame?.contentWindow, 'the plugin frame');
    frame.postMessage({ ...cmd, seq: s }, PLUGIN_ORIGIN);
    return waitFor(() => this.reports().find((r) => r.seq === s), `reply to ${String(cmd.cmd)}`, timeout);
  }

  /** Run a command; throws unless it succeeded; returns its result. */
  async ok<T = unknown>(cmd: Record<string, unknown>): Promise<T> {
    const r = await this.send(cmd);
    if (!r.ok) throw new Error(`${String(cmd.cmd)} failed: ${JSON.stringify(r.error)}`);
    return r.result as T;
  }

  /** Run a command that must fail; returns its error code. */
  async fails(cmd: Record<string, unknown>): Promise<string> {
    const r = await this.send(cmd);
    if (r.ok) throw new Error(`${String(cmd.cmd)} succeeded, expected an error`);
    return r.error!.code;
  }
}

/** Waits until the element reaches `state`. */
export function stateOf(host: D1PluginHost, state: D1PluginHost['state'], timeout = 8000) {
  return waitFor(() => host.state === state, `state ${state}`, timeout).catch((e: Error) => {
    // what it is instead, and whether it is still in the page (a disconnected host is idle)
    throw new Error(`${e.message} (now ${host.state}; connected: ${host.isConnected})`);
  });
}
