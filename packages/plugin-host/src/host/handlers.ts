/**
 * The host's answers to a plugin's calls, the same for iframe and module plugins: permission
 * checks (`PERMISSION_DENIED`), limits (`RATE_LIMITED`, `INVALID_PARAMS`) and the platform's
 * services behind them. Nothing here touches the DOM; the element passes callbacks for that.
 * @module
 */
import {
  BridgeError,
  type BridgeErrorCode,
  type HostEndpointOptions,
  type HostHandlers,
  type PluginContext,
} from '@digione/bridge';
import type { NotificationService, Permission, PluginSessionService } from '@digione/context';
import { vendorName, type PluginManifest } from '../manifest/manifest.js';
import { METHOD_PERMISSIONS, type PluginLimits } from './permissions.js';

/** What the handlers need from the element. */
export interface HandlerDeps {
  manifest: PluginManifest;
  limits: PluginLimits;
  /** The permissions held now (grants can change while the plugin runs). */
  grants(): readonly Permission[];
  /** The plugin's context now. */
  context(): PluginContext | Promise<PluginContext>;
  /** The plugin sessions service, or undefined (standalone). */
  sessions(): PluginSessionService | undefined;
  /** Whether somebody is signed in (tokens and storage are per user). */
  signedIn(): boolean;
  /** The notification service posts go to, or undefined (then `notifications.post` is `UNSUPPORTED`). */
  notifications(): NotificationService | undefined;
  /** Speak `text` in the host's live region (assertive only when the plugin asked). */
  announce(text: string, assertive: boolean): void;
  /** Set the frame's height (already clamped to `limits.maxHeight`). */
  resize(height: number): void;
  /** Move focus out of the plugin to the next (or previous) control of the host. */
  focusHost(direction: 'forward' | 'backward'): void;
  /** Open a plugin (this one when `pluginId` is its own); throw `NOT_FOUND` for an unknown one. */
  navigate(target: { pluginId: string; path?: string }): void;
  /** Tokens are renewed when they have less than this many ms left. Default 60000. */
  tokenMargin?: number;
  /** Clock (tests pin it). Default `Date.now`. */
  now?(): number;
}

/** Codes a platform service may reject with that a plugin may learn; anything else is INTERNAL. */
function forPlugin(e: unknown, what: string): never {
  const code = (e as { code?: string })?.code;
  if (['RATE_LIMITED', 'INVALID_PARAMS', 'NOT_FOUND', 'PERMISSION_DENIED'].includes(code!))
    throw new BridgeError(code as BridgeErrorCode, `${what}: ${String((e as Error).message)}`);
  if (code === 'QUOTA_EXCEEDED') throw new BridgeError('INVALID_PARAMS', `${what}: storage quota exceeded`);
  if (code === 'UNAUTHENTICATED') throw new BridgeError('PERMISSION_DENIED', `${what}: nobody is signed in`);
  throw e;
}

/** Build the handlers and the endpoint options that enforce the limits. */
export function createHandlers(
  d: HandlerDeps,
): Pick<HostEndpointOptions, 'handlers' | 'rateLimit' | 'maxMessageBytes'> {
  const { manifest, limits } = d;
  const id = manifest.id;
  const now = d.now ?? Date.now;
  const margin = d.tokenMargin ?? 60_000;

  const need = (method: keyof typeof METHOD_PERMISSIONS) => {
    const p = METHOD_PERMISSIONS[method]!;
    // Say which side is missing: the vendor's manifest never asked, or the portal did not grant.
    if (!d.grants().includes(p))
      throw new BridgeError(
        'PERMISSION_DENIED',
        `${method} needs the "${p}" permission, which ${manifest.permissions?.includes(p) ? 'this portal has not granted' : 'is not in the manifest'}`,
      );
  };
  /**
   * A call on a platform service: its permission first, then the service (none in this host:
   * `UNSUPPORTED`), then `check` of the params; the service's refusals are translated for the
   * plugin. `service` throws `PERMISSION_DENIED` for calls that need somebody signed in.
   */
  const withService =
    <S, P, R>(
      method: keyof typeof METHOD_PERMISSIONS,
      service: (method: string) => S | undefined,
      run: (s: S, params: P) => Promise<R>,
      check?: (params: P) => void,
    ) =>
    async (params: P): Promise<R> => {
      need(method);
      const s = service(method);
      if (!s) throw new BridgeError('UNSUPPORTED', `${method} is not available in this host`);
      check?.(params);
      try {
        return await run(s, params);
      } catch (e) {
        return forPlugin(e, method);
      }
    };
  /** The signed-in user's plugin session (tokens and storage are per user). */
  const session = (method: string) => {
    const s = d.sessions();
    if (s && !d.signedIn()) throw new BridgeError('PERMISSION_DENIED', `${method}: nobody is signed in`);
    return s;
  };

  const handlers: HostHandlers = {
    'context.get': () => d.context(),
    'notifications.post': withService(
      'notifications.post',
      () => d.notifications(),
      async (service, n) => {
        const source = {
          pluginId: id,
          vendorName: vendorName(manifest),
          ...(manifest.icon ? { icon: manifest.icon } : {}),
        };
        // A link with only a path leads into this plugin: the tray opens a plugin link only when
        // it names the plugin. A plugin may name another plugin (the validator allows any id).
        if (n.link?.path) n.link.pluginId ??= id;
        const posted = await service.post(n, source);
        return { id: posted.id };
      },
    ),
    'ui.announce': ({ text, politeness }) => {
      d.announce(text, politeness === 'assertive');
      return null;
    },
    'ui.resize': ({ height }) => {
      d.resize(Math.min(Math.ceil(height), limits.maxHeight));
      return null;
    },
    'ui.focusHost': (p) => {
      d.focusHost(p?.direction === 'backward' ? 'backward' : 'forward');
      return null;
    },
    'navigation.open': ({ pluginId, path }) => {
      // Moving inside itself is always allowed; opening another plugin needs the grant.
      if (pluginId && pluginId !== id) need('navigation.open');
      d.navigate({ pluginId: pluginId ?? id, ...(path ? { path } : {}) });
      return null;
    },
    // Hand out only tokens with time left to use them: renew one about to expire. No cache
    // here: the service caches per user, and a user change must never reuse a token.
    'auth.getToken': withService('auth.getToken', session, async (s) => {
      // the token carries the plugin's grants (`roster`)
      const permissions = d.grants();
      let t = await s.session(id, { permissions });
      if (t.expiresAt - now() < margin) t = await s.session(id, { forceRefresh: true, permissions });
      return { token: t.token, expiresAt: t.expiresAt };
    }),
    'storage.get': withService('storage.get', session, async (s, { key }: { key: string }) => {
      // nothing stored (undefined) is null on the wire
      return (await s.storageGet(id, key)) ?? null;
    }),
    'storage.set': withService(
      'storage.set',
      session,
      async (s, { key, value }: { key: string; value: unknown }) => {
        await s.storageSet(id, key, value);
        return null;
      },
      ({ value }) => {
        const size = JSON.stringify(value)?.length ?? 0;
        if (size > limits.storageValueBytes)
          throw new BridgeError(
            'INVALID_PARAMS',
            `storage.set: value is ${size} bytes, the limit is ${limits.storageValueBytes}`,
          );
      },
    ),
  };
  const perMinute = (limit: number) => ({ limit, interval: 60_000 });
  return {
    handlers,
    maxMessageBytes: limits.maxMessageBytes,
    rateLimit: {
      'notifications.post': perMinute(limits.notificationsPerMinute),
      'ui.announce': perMinute(limits.announcementsPerMinute),
      'storage.get': perMinute(limits.storageCallsPerMinute),
      'storage.set': perMinute(limits.storageCallsPerMinute),
      // each move is a history entry: a loop must not bury the user's Back button
      'navigation.open': perMinute(limits.navigationsPerMinute),
    },
  };
}
