/**
 * One platform per page and configuration: the store, the OIDC session and the API clients wired
 * together. `<d1-platform>` uses it; a page without Lit or custom elements can too.
 * @module
 */
import {
  createPlatformStore,
  localeFor,
  type AuthService,
  type ContextStore,
  type PlatformContext,
  type PlatformServices,
} from '@digione/context';
import { ApiClient, type FetchLike } from '../http.js';
import { OidcAuthService, type OidcAuthOptions } from '../auth/oidc-auth.js';
import { OneRosterService } from '../roster/oneroster.js';
import { PlatformNotificationService } from '../notifications/feed.js';
import { PlatformPluginSessionService } from '../plugin-sessions/plugin-sessions.js';

/** What {@link createPlatform} needs. */
export interface PlatformConfig {
  /** OIDC issuer; with `clientId` it starts the OIDC session. */
  issuer?: string;
  clientId?: string;
  /** Platform API base URL; enables roster, notifications and plugin sessions. */
  api?: string;
  redirectUri?: string;
  postLogoutRedirectUri?: string;
  scope?: string;
  resource?: string;
  fetch?: FetchLike;
  /** Bring your own auth instead of OIDC; it then writes the store's `auth` and `user` itself. */
  auth?: AuthService;
  /** Share an existing store; default a new one in the document's language. */
  store?: ContextStore<PlatformContext>;
}

/** The store and services of one platform, with the built-in implementations typed as such. */
export interface Platform {
  readonly store: ContextStore<PlatformContext>;
  readonly services: PlatformServices;
  /** The OIDC session, when this platform runs one. */
  readonly oidc: OidcAuthService | null;
  readonly notifications: PlatformNotificationService | null;
  readonly pluginSessions: PlatformPluginSessionService | null;
  /** Finish or restore the sign-in; idempotent. */
  start(): Promise<void>;
  /** Stop the session, the stream and timers; the platform is unusable afterwards. */
  dispose(): void;
}

/**
 * Create the store and services. The notification stream runs while someone is signed in;
 * plugin sessions and notifications are forgotten when the user signs out or changes.
 */
export function createPlatform(config: PlatformConfig): Platform {
  const store =
    config.store ?? createPlatformStore({ locale: localeFor(document.documentElement.lang || 'fi') });
  const oidc =
    !config.auth && config.issuer && config.clientId
      ? // issuer and client id are set (checked just now): a copy of the config is the session's options
        new OidcAuthService({ ...config } as OidcAuthOptions)
      : null;
  const auth = config.auth ?? oidc;
  const detach = oidc?.attach(store);
  const services: PlatformServices = auth ? { auth } : {};
  let notifications: PlatformNotificationService | null = null;
  let pluginSessions: PlatformPluginSessionService | null = null;
  if (auth && config.api) {
    // no fetch given: ApiClient's default
    const api = new ApiClient({ api: config.api, auth, fetch: config.fetch });
    services.roster = new OneRosterService({ api });
    services.notifications = notifications = new PlatformNotificationService({ api });
    services.pluginSessions = pluginSessions = new PlatformPluginSessionService({ api });
  }
  const who = (s?: Readonly<PlatformContext>) =>
    s?.auth.status === 'signed-in' ? (s.user?.id ?? null) : null;
  const sync = (s: Readonly<PlatformContext>, prev?: Readonly<PlatformContext>) => {
    const id = who(s);
    if (id === who(prev) && prev) return;
    notifications?.stop(true);
    pluginSessions?.clear();
    if (id) notifications?.start();
  };
  const unsubscribe = store.subscribe(sync);
  sync(store.get());
  return {
    store,
    services,
    oidc,
    notifications,
    pluginSessions,
    // settles with the session's start (at once without OIDC)
    async start() {
      await oidc?.start();
    },
    dispose() {
      unsubscribe();
      detach?.();
      oidc?.dispose();
      notifications?.stop(true);
    },
  };
}

const shared = new Map<string, { platform: Platform; refs: number }>();

/**
 * The page's platform for this issuer, client and API: several `<d1-platform>` elements with the
 * same configuration share one session (one callback, one refresh token, one stream). Call the
 * returned `release` when done; the platform is disposed when nobody holds it any more.
 */
export function sharedPlatform(config: PlatformConfig): {
  platform: Platform;
  /** Give the platform back; it is disposed when the last holder has released it. */
  release: () => void;
} {
  const key = [config.issuer, config.clientId, config.api, config.redirectUri].join('\n');
  let entry = shared.get(key);
  if (!entry)
    shared.set(key, (entry = { platform: createPlatform({ ...config, store: undefined }), refs: 0 }));
  const e = entry;
  e.refs++;
  // a store of the caller's own gets the session written into it as well
  const detach =
    config.store && config.store !== e.platform.store ? e.platform.oidc?.attach(config.store) : null;
  let released = false;
  return {
    platform: e.platform,
    release() {
      if (released) return;
      released = true;
      detach?.();
      e.refs--;
      // a move in the DOM disconnects and reconnects in one task: dispose only if still unused
      queueMicrotask(() => {
        if (e.refs || shared.get(key) !== e) return;
        shared.delete(key);
        e.platform.dispose();
      });
    },
  };
}
