/**
 * Plugin manifests: the type, and a small hand-written validator that agrees with
 * `manifest.schema.json` (a test runs both over the same fixtures) and lists every error by
 * JSON-pointer path in plain words, so a vendor can fix a manifest in one pass.
 * @module
 */
import {
  PERMISSIONS,
  pickText,
  type LocalizedText,
  type Permission,
  type PlatformRole,
} from '@digione/context';

/** Every platform role, as manifests name them. */
export const ROLES: readonly PlatformRole[] = [
  'student',
  'teacher',
  'substituteTeacher',
  'principal',
  'schoolSecretary',
  'staff',
  'guardian',
  'aide',
  'counselor',
  'districtAdministrator',
];

/** Sandbox tokens a manifest may ask for on top of the base `allow-scripts allow-forms allow-same-origin`. */
export const SANDBOX_EXTRAS = [
  'allow-downloads',
  'allow-modals',
  'allow-popups',
  'allow-popups-to-escape-sandbox',
  'allow-presentation',
  'allow-storage-access-by-user-activation',
  'allow-top-navigation-by-user-activation',
] as const;
/** One extra sandbox token. */
export type SandboxExtra = (typeof SANDBOX_EXTRAS)[number];

/** Permissions-policy features a manifest may ask for (`allow` is empty by default). */
export const ALLOW_FEATURES = [
  'autoplay',
  'camera',
  'clipboard-read',
  'clipboard-write',
  'encrypted-media',
  'fullscreen',
  'microphone',
  'picture-in-picture',
  'screen-wake-lock',
  'web-share',
] as const;
/** One permissions-policy feature. */
export type AllowFeature = (typeof ALLOW_FEATURES)[number];

/** A valid plugin manifest (`packages/plugin-host/manifest.schema.json`). */
export interface PluginManifest {
  /** Reverse-DNS, lower case: `fi.example.reading-log`. */
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  /** Semver. */
  version: string;
  vendor: string | { name: string; url?: string };
  icon?: string;
  kind: 'iframe' | 'module';
  /** The iframe page (required for `kind: "iframe"`). */
  entry?: string;
  /** The ES module (required for `kind: "module"`). */
  module?: string;
  /** Asked for; the portal grants. */
  permissions?: Permission[];
  /** Who sees the plugin; omitted = everyone. */
  roles?: PlatformRole[];
  minHeight?: number;
  sandbox?: SandboxExtra[];
  allow?: AllowFeature[];
}

/** One problem in a manifest: where (JSON pointer, `""` = the whole manifest) and what, in words. */
export interface ManifestError {
  path: string;
  message: string;
}

/** Result of {@link validateManifest}. */
export type ManifestResult = { ok: true; manifest: PluginManifest } | { ok: false; errors: ManifestError[] };

const ID = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-((0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\+([0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*))?$/;
const URL_RE = /^https?:\/\/[^/?#\s]+([/?#]\S*)?$/;
const LANGS = ['fi', 'sv', 'en', 'se', 'smn', 'sms'];
const KEYS = [
  '$schema',
  'id',
  'name',
  'description',
  'version',
  'vendor',
  'icon',
  'kind',
  'entry',
  'module',
  'permissions',
  'roles',
  'minHeight',
  'sandbox',
  'allow',
];

type Obj = Record<string, unknown>;
/** A key as one JSON-pointer segment (RFC 6901): `~` -> `~0`, `/` -> `~1`. */
const ptr = (k: string): string => k.replaceAll('~', '~0').replaceAll('/', '~1');
const isObj = (v: unknown): v is Obj => typeof v == 'object' && v !== null && !Array.isArray(v);
/** A value as a vendor would recognise it in their manifest, kept short. */
const show = (v: unknown): string =>
  typeof v == 'string'
    ? JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)
    : v === null || typeof v != 'object'
      ? String(v)
      : Array.isArray(v)
        ? 'an array'
        : 'an object';

/**
 * Check `json` against the manifest schema. Returns the manifest (the same object, typed) or
 * every error found, each with its path, e.g. `{ path: '/permissions/1', message: 'must be one
 * of context.user.name, …, navigation (got "camera")' }`.
 */
export function validateManifest(json: unknown): ManifestResult {
  const errors: ManifestError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isObj(json)) {
    err('', `must be a JSON object (got ${Array.isArray(json) ? 'an array' : show(json)})`);
    return { ok: false, errors };
  }
  const m = json;
  const str = (path: string, v: unknown, max: number, min = 1): v is string => {
    if (typeof v != 'string') err(path, `must be a string (got ${show(v)})`);
    else if (v.length < min || v.length > max) err(path, `must be ${min} to ${max} characters long`);
    else return true;
    return false;
  };
  const pattern = (path: string, v: unknown, re: RegExp, what: string, max: number) => {
    if (str(path, v, max) && !re.test(v)) err(path, `must be ${what} (got ${show(v)})`);
  };
  const url = (path: string, v: unknown) => {
    const n = errors.length;
    pattern(path, v, URL_RE, 'an absolute http(s) URL without spaces', 2048);
    // the pattern lets through what no browser parses (a port over 65535, a broken IPv6 host);
    // the host derives the frame's origin with new URL(), so such a URL must be refused here
    if (errors.length === n && !URL.canParse(v as string))
      err(path, `must be a URL a browser can open (got ${show(v)})`);
  };
  const text = (path: string, v: unknown, max: number) => {
    if (!isObj(v)) return err(path, `must be an object of texts by language, e.g. { "fi": "…", "en": "…" }`);
    const keys = Object.keys(v);
    if (!keys.length) err(path, 'must have a text in at least one language (fi, sv or en)');
    for (const k of keys)
      if (LANGS.includes(k)) str(`${path}/${k}`, v[k], max);
      else err(`${path}/${ptr(k)}`, `is not a known language (use ${LANGS.join(', ')})`);
  };
  const list = (path: string, v: unknown, allowed: readonly string[], minItems = 0) => {
    if (!Array.isArray(v)) return err(path, `must be an array (got ${show(v)})`);
    if (v.length < minItems) err(path, `must list at least ${minItems} item`);
    v.forEach((x, i) => {
      if (!allowed.includes(x as string))
        err(`${path}/${i}`, `must be one of ${allowed.join(', ')} (got ${show(x)})`);
      else if (v.indexOf(x) !== i) err(`${path}/${i}`, `repeats ${show(x)}`);
    });
  };

  for (const k of Object.keys(m))
    if (!KEYS.includes(k) && !k.startsWith('x-'))
      err(`/${ptr(k)}`, 'is not a manifest field (check the spelling; vendor extensions start with "x-")');
  for (const k of ['id', 'name', 'version', 'vendor', 'kind'])
    if (m[k] === undefined) err(`/${k}`, 'is required');

  if (m.$schema !== undefined && typeof m.$schema != 'string') err('/$schema', 'must be a string');
  if (m.id !== undefined)
    pattern('/id', m.id, ID, 'a lower-case reverse-DNS id such as "fi.example.tool"', 200);
  if (m.name !== undefined) text('/name', m.name, 100);
  if (m.description !== undefined) text('/description', m.description, 500);
  if (m.version !== undefined)
    pattern('/version', m.version, SEMVER, 'a semantic version such as "1.0.0"', 100);
  const vendor = m.vendor;
  if (isObj(vendor)) {
    for (const k of Object.keys(vendor))
      if (k !== 'name' && k !== 'url') err(`/vendor/${ptr(k)}`, 'is not a vendor field (use name and url)');
    if (vendor.name === undefined) err('/vendor/name', 'is required');
    else str('/vendor/name', vendor.name, 100);
    if (vendor.url !== undefined) url('/vendor/url', vendor.url);
  } else if (vendor !== undefined) {
    if (typeof vendor != 'string')
      err('/vendor', `must be a name or an object { name, url } (got ${show(vendor)})`);
    else str('/vendor', vendor, 100);
  }
  if (m.icon !== undefined) url('/icon', m.icon);
  const kind = m.kind;
  if (kind !== undefined && kind !== 'iframe' && kind !== 'module')
    err('/kind', `must be "iframe" or "module" (got ${show(kind)})`);
  for (const [k, need] of [
    ['entry', 'iframe'],
    ['module', 'module'],
  ] as const) {
    if (m[k] !== undefined) url(`/${k}`, m[k]);
    else if (kind === need) err(`/${k}`, `is required for kind "${need}"`);
  }
  if (m.permissions !== undefined) list('/permissions', m.permissions, PERMISSIONS);
  if (m.roles !== undefined) list('/roles', m.roles, ROLES, 1);
  if (m.minHeight !== undefined) {
    const h = m.minHeight;
    if (typeof h != 'number' || !Number.isInteger(h) || h < 0 || h > 10000)
      err('/minHeight', `must be a whole number of pixels from 0 to 10000 (got ${show(h)})`);
  }
  if (m.sandbox !== undefined) list('/sandbox', m.sandbox, SANDBOX_EXTRAS);
  if (m.allow !== undefined) list('/allow', m.allow, ALLOW_FEATURES);
  return errors.length ? { ok: false, errors } : { ok: true, manifest: m as unknown as PluginManifest };
}

/** The plugin's name in `lang` (falling back fi -> sv -> en). */
export function pluginName(m: PluginManifest, lang: string): string {
  return pickText(m.name, lang);
}

/** The vendor's name, from either form of `vendor`. */
export function vendorName(m: PluginManifest): string {
  return typeof m.vendor == 'string' ? m.vendor : m.vendor.name;
}
