/**
 * Plugin manifests: the type, and a small hand-written validator that agrees with
 * `manifest.schema.json` (a test runs both over the same fixtures) and lists every error by
 * JSON-pointer path in plain words, so a vendor can fix a manifest in one pass.
 * @module
 */
import {
  LTI_ROLES,
  PERMISSIONS,
  pickText,
  type LocalizedText,
  type Permission,
  type PlatformRole,
} from '@digione/context';

/**
 * Every platform role, as manifests name them: the keys of the context's role table (typed by
 * `PlatformRole`, so it names each role once and only), not a second list to keep in step.
 */
export const ROLES = Object.keys(LTI_ROLES) as readonly PlatformRole[];

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
    err('', `must be a JSON object (got ${show(json)})`); // show() says "an array" for one
    return { ok: false, errors };
  }
  const m = json;
  // every string field must hold at least one character
  const str = (path: string, v: unknown, max: number): v is string => {
    if (typeof v != 'string') err(path, `must be a string (got ${show(v)})`);
    else if (!v || v.length > max) err(path, `must be 1 to ${max} characters long`);
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

  // Every manifest field and its check, in the schema's order (errors are listed in this order).
  // `entry` and `module` are also required by `kind`; that is checked where they are missing.
  const fields: Record<string, (path: string, v: unknown) => void> = {
    $schema: (path, v) => typeof v != 'string' && err(path, 'must be a string'),
    id: (path, v) => pattern(path, v, ID, 'a lower-case reverse-DNS id such as "fi.example.tool"', 200),
    name: (path, v) => text(path, v, 100),
    description: (path, v) => text(path, v, 500),
    version: (path, v) => pattern(path, v, SEMVER, 'a semantic version such as "1.0.0"', 100),
    vendor: (path, v) => {
      if (isObj(v)) {
        for (const k of Object.keys(v))
          if (k !== 'name' && k !== 'url')
            err(`${path}/${ptr(k)}`, 'is not a vendor field (use name and url)');
        if (v.name === undefined) err(`${path}/name`, 'is required');
        else str(`${path}/name`, v.name, 100);
        if (v.url !== undefined) url(`${path}/url`, v.url);
      } else if (typeof v != 'string')
        err(path, `must be a name or an object { name, url } (got ${show(v)})`);
      else str(path, v, 100);
    },
    icon: url,
    kind: (path, v) =>
      v !== 'iframe' && v !== 'module' && err(path, `must be "iframe" or "module" (got ${show(v)})`),
    entry: url,
    module: url,
    permissions: (path, v) => list(path, v, PERMISSIONS),
    roles: (path, v) => list(path, v, ROLES, 1),
    minHeight: (path, v) =>
      // Number.isInteger is false for anything but a number
      (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 10000) &&
      err(path, `must be a whole number of pixels from 0 to 10000 (got ${show(v)})`),
    sandbox: (path, v) => list(path, v, SANDBOX_EXTRAS),
    allow: (path, v) => list(path, v, ALLOW_FEATURES),
  };

  for (const k of Object.keys(m))
    if (!Object.hasOwn(fields, k) && !k.startsWith('x-'))
      err(`/${ptr(k)}`, 'is not a manifest field (check the spelling; vendor extensions start with "x-")');
  for (const k of ['id', 'name', 'version', 'vendor', 'kind'])
    if (m[k] === undefined) err(`/${k}`, 'is required');
  for (const [k, check] of Object.entries(fields)) {
    // the kind that needs this field (only `entry` and `module` have one)
    const need = k === 'entry' ? 'iframe' : k === 'module' ? k : null;
    if (m[k] !== undefined) check(`/${k}`, m[k]);
    else if (need && m.kind === need) err(`/${k}`, `is required for kind "${need}"`);
  }
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
