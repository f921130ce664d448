/**
 * What a portal grants. A manifest asks; the portal's {@link PluginPolicy} grants; a plugin gets
 * the intersection. The default policy grants nothing, so a plugin sees only the base context
 * (pairwise sub, role, active group id/title/code, locale, theme) and may only announce, resize,
 * move focus out and navigate inside itself.
 * @module
 */
import { PERMISSIONS, type Permission } from '@digione/context';
import type { HostMethod } from '@digione/bridge';
import type { AllowFeature, PluginManifest, SandboxExtra } from '../manifest/manifest.js';

/** What the portal grants one plugin (each list is intersected with what the manifest asks). */
export interface PluginGrant {
  permissions?: readonly Permission[];
  /** Extra sandbox tokens the portal accepts for this plugin. */
  sandbox?: readonly SandboxExtra[];
  /** Permissions-policy features the portal accepts for this plugin. */
  allow?: readonly AllowFeature[];
}

/** Limits per plugin; over them a call gets `RATE_LIMITED` or `INVALID_PARAMS`. */
export interface PluginLimits {
  /** `notifications.post` calls per minute. Default 10. */
  notificationsPerMinute: number;
  /** `ui.announce` calls per minute (a screen reader user cannot stop a flood). Default 20. */
  announcementsPerMinute: number;
  /** `storage.*` calls per minute (LTI `put_data`/`get_data` included). Default 120. */
  storageCallsPerMinute: number;
  /** `navigation.open` calls per minute (each is a history entry). Default 30. */
  navigationsPerMinute: number;
  /** Largest params of any call, as JSON characters. Default 65536. */
  maxMessageBytes: number;
  /** Largest stored value, as JSON characters. Default 16384 (the platform's quota is 64 KiB per plugin and user). */
  storageValueBytes: number;
  /** Largest frame height in px a plugin may ask for. Default 10000. */
  maxHeight: number;
}

/** Defaults of {@link PluginLimits}. */
export const DEFAULT_LIMITS: Readonly<PluginLimits> = {
  notificationsPerMinute: 10,
  announcementsPerMinute: 20,
  storageCallsPerMinute: 120,
  navigationsPerMinute: 30,
  maxMessageBytes: 65536,
  storageValueBytes: 16384,
  maxHeight: 10000,
};

/** The portal's plugin configuration. Everything is optional; the default grants nothing. */
export interface PluginPolicy {
  /** Grants by plugin id; `'*'` applies to plugins without an entry of their own. */
  plugins?: Readonly<Record<string, PluginGrant>>;
  /**
   * Module URLs the portal trusts: exact URLs, or prefixes ending in `/`. A module plugin whose
   * `module` matches none is refused. Default: none.
   */
  moduleAllowList?: readonly string[];
  limits?: Partial<PluginLimits>;
}

/** The permission each guarded method needs. `navigation.open` needs it only for other plugins. */
export const METHOD_PERMISSIONS: Partial<Record<HostMethod, Permission>> = {
  'notifications.post': 'notifications',
  'auth.getToken': 'token',
  'storage.get': 'storage',
  'storage.set': 'storage',
  'navigation.open': 'navigation',
};

const both = <T extends string>(asked: readonly T[] | undefined, given: readonly string[] | undefined): T[] =>
  (asked ?? []).filter((x) => given?.includes(x));

/** The permissions a plugin holds: asked for in its manifest and granted by the policy. */
export function grantedPermissions(manifest: PluginManifest, policy: PluginPolicy | undefined): Permission[] {
  return both(manifest.permissions, grantFor(policy, manifest.id).permissions).filter((p) =>
    (PERMISSIONS as readonly string[]).includes(p),
  );
}

/** The iframe's `sandbox`: the base tokens plus the extras both sides agree on. */
export function sandboxFor(manifest: PluginManifest, allowed: readonly string[] | undefined): string {
  return ['allow-scripts', 'allow-forms', 'allow-same-origin', ...both(manifest.sandbox, allowed)].join(' ');
}

/** The iframe's `allow` (permissions policy): empty unless both sides agree on a feature. */
export function allowFor(manifest: PluginManifest, allowed: readonly string[] | undefined): string {
  return both(manifest.allow, allowed).join('; ');
}

/** The grant of one plugin: its own entry, else the `'*'` one, else nothing. */
export function grantFor(policy: PluginPolicy | undefined, id: string): PluginGrant {
  return policy?.plugins?.[id] ?? policy?.plugins?.['*'] ?? {};
}

/** Whether `url` is on the allow list (exact, or under a prefix ending in `/`); both resolved against `base`. */
export function moduleAllowed(url: string, allowList: readonly string[] | undefined, base: string): boolean {
  let href: string;
  try {
    href = new URL(url, base).href;
  } catch {
    return false;
  }
  return (allowList ?? []).some((entry) => {
    let a: string;
    try {
      a = new URL(entry, base).href;
    } catch {
      return false;
    }
    return a.endsWith('/') ? href.startsWith(a) && !href.slice(a.length).includes('..') : href === a;
  });
}
