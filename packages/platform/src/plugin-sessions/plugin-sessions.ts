/**
 * {@link PluginSessionService} over the platform API: a plugin's pairwise subject and short-lived
 * token (`POST /api/plugin-sessions` with the plugin's grants), cached until shortly before it
 * expires, and the cookie-less per-plugin storage (`/api/plugin-storage/:pluginId/:key`).
 * @module
 */
import type { Permission, PluginSession, PluginSessionService } from '@digione/context';
import type { ApiClient } from '../http.js';
import { PlatformError } from '../errors.js';

/** Options of {@link PlatformPluginSessionService}. */
export interface PluginSessionOptions {
  api: ApiClient;
  /** Renew this long before `expiresAt`, so a token handed out still has time to be used. Default 60 s. */
  marginMs?: number;
  /** Clock (tests pin it). Default `Date.now`. */
  now?: () => number;
}

/** Plugin sessions and storage for the signed-in user. */
export class PlatformPluginSessionService implements PluginSessionService {
  readonly #api: ApiClient;
  readonly #margin: number;
  readonly #now: () => number;
  // pending requests have no `until` yet; checked on read, since timers sleep with the tab
  #cache = new Map<string, { p: Promise<PluginSession>; until?: number }>();

  constructor(options: PluginSessionOptions) {
    this.#api = options.api;
    this.#margin = options.marginMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The plugin's session, from the cache until shortly before expiry; callers share one request.
   * `permissions` (the portal's grants) go to the platform, which puts those the manifest asks for
   * into the token; the cache is per plugin and grants, so a changed grant gets a new token.
   */
  session(
    pluginId: string,
    options: { forceRefresh?: boolean; permissions?: readonly Permission[] } = {},
  ): Promise<PluginSession> {
    const { permissions } = options;
    // "id undefined" when none are given: none are granted
    const key = pluginId + ' ' + permissions;
    const hit = this.#cache.get(key);
    if (hit && !options.forceRefresh && (hit.until === undefined || this.#now() < hit.until)) return hit.p;
    const entry: { p: Promise<PluginSession>; until?: number } = {
      p: this.#fetch(pluginId, permissions).then(
        (s) => {
          entry.until = s.expiresAt - this.#margin;
          return s;
        },
        (err) => {
          if (this.#cache.get(key) === entry) this.#cache.delete(key);
          throw err;
        },
      ),
    };
    this.#cache.set(key, entry);
    return entry.p;
  }

  /** The stored value, or undefined when the key is unset. */
  async storageGet(pluginId: string, key: string): Promise<unknown> {
    try {
      return (await this.#api.json<{ value?: unknown }>(this.#path(pluginId, key))).value;
    } catch (err) {
      if (err instanceof PlatformError && err.code === 'NOT_FOUND') return undefined;
      throw err;
    }
  }

  /** Rejects with `QUOTA_EXCEEDED` over the per-plugin quota (64 KiB, 100 keys). */
  async storageSet(pluginId: string, key: string, value: unknown): Promise<void> {
    await this.#api.request(this.#path(pluginId, key), { method: 'PUT', json: { value } });
  }

  /** Forget every cached session (sign-out, user change). */
  clear(): void {
    this.#cache.clear();
  }

  async #fetch(pluginId: string, permissions?: readonly Permission[]): Promise<PluginSession> {
    const b = await this.#api.json<Partial<Record<keyof PluginSession, unknown>>>('/api/plugin-sessions', {
      method: 'POST',
      json: { pluginId, permissions },
    });
    const exp = typeof b.expiresAt === 'string' ? Date.parse(b.expiresAt) : b.expiresAt;
    if (typeof b.sub !== 'string' || typeof b.token !== 'string' || typeof exp !== 'number' || !exp)
      throw new PlatformError('INVALID_RESPONSE', '/api/plugin-sessions: not a session');
    // seconds since the epoch (JWT style) or milliseconds: both occur in the wild
    return { pluginId, sub: b.sub, token: b.token, expiresAt: exp < 1e12 ? exp * 1000 : exp };
  }

  #path(pluginId: string, key: string): string {
    return `/api/plugin-storage/${encodeURIComponent(pluginId)}/${encodeURIComponent(key)}`;
  }
}
