/**
 * Hand-written validators for the parameters of every version 1 method. The host runs them on
 * every request before a handler sees it; each returns a clean copy holding only known keys
 * (unknown keys from a newer minor version are dropped, not refused) or throws a
 * `BridgeError('INVALID_PARAMS')` naming the path that failed.
 * @module
 */
import { BridgeError, type HostMethod, type HostMethods } from './protocol.js';

type Validators = { [M in HostMethod]: (p: unknown) => HostMethods[M]['params'] };

/** Limits the validators enforce, exported so docs and tests can quote them. */
export const LIMITS = {
  title: 200,
  body: 2000,
  announce: 500,
  key: 256,
  path: 2048,
  href: 2048,
  id: 200,
  maxHeight: 100_000,
} as const;

const LANGS = ['fi', 'sv', 'en', 'se', 'smn', 'sms'];
const SEVERITIES = ['info', 'success', 'warning', 'error'];

function fail(path: string, what: string): never {
  throw new BridgeError('INVALID_PARAMS', `params${path} must be ${what}`);
}
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v == 'object' && v !== null && !Array.isArray(v);

function obj(p: unknown, path = ''): Record<string, unknown> {
  if (!isObj(p)) fail(path, 'an object');
  return p;
}
/** Params that may be absent: undefined, null or an object. */
function optObj(p: unknown): Record<string, unknown> {
  return p === undefined || p === null ? {} : obj(p);
}
function str(v: unknown, path: string, max: number): string {
  if (typeof v != 'string' || v.length === 0 || v.length > max)
    fail(path, `a non-empty string of at most ${max} characters`);
  return v;
}
function optStr(v: unknown, path: string, max: number): string | undefined {
  return v === undefined ? undefined : str(v, path, max);
}
function oneOf<T extends string>(v: unknown, path: string, list: readonly string[]): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v != 'string' || !list.includes(v)) fail(path, `one of ${list.join(', ')}`);
  return v as T;
}
/** A string, or an object of language -> string with at least one known language. */
function text(v: unknown, path: string, max: number): string | Partial<Record<string, string>> {
  if (typeof v == 'string') return str(v, path, max);
  // anything else (missing too) is refused below, saying both forms that are accepted
  const o = isObj(v) ? v : {};
  const out: Record<string, string> = {};
  for (const l of LANGS) if (o[l] !== undefined) out[l] = str(o[l], `${path}.${l}`, max);
  if (!Object.keys(out).length) fail(path, `a string or an object with one of ${LANGS.join(', ')}`);
  return out;
}
/**
 * A path inside a plugin: `/` and then not `/` or `\\` (a URL parser reads `//host` and `/\\host`
 * as another site), at most {@link LIMITS}.path characters.
 */
export function isPluginPath(s: unknown): s is string {
  // no control characters either: a URL parser drops tabs and newlines, and `/\t/host` is `//host`
  return typeof s == 'string' && /^\/(?![/\\])[^\0-\x1f\x7f]*$/.test(s) && s.length <= LIMITS.path;
}
function path(v: unknown, p: string): string | undefined {
  const s = optStr(v, p, LIMITS.path);
  if (s !== undefined && !isPluginPath(s)) fail(p, 'a path starting with a single "/"');
  return s;
}
function href(v: unknown, p: string): string | undefined {
  const s = optStr(v, p, LIMITS.href);
  if (s === undefined) return s;
  let ok = false;
  try {
    const u = new URL(s);
    ok = u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    /* not a URL */
  }
  // Never javascript:, data: or relative URLs: the host renders this link in its own origin.
  if (!ok) fail(p, 'an absolute http(s) URL');
  return s;
}
/** Plain JSON data only (what storage persists): no Map, Date, Blob, cycles or NaN. */
function json(v: unknown, p: string, depth = 0): unknown {
  if (depth > 32) fail(p, 'JSON data nested at most 32 levels');
  if (v === null || typeof v == 'string' || typeof v == 'boolean') return v;
  if (typeof v == 'number' && isFinite(v)) return v;
  if (Array.isArray(v)) return v.map((x, i) => json(x, `${p}[${i}]`, depth + 1));
  if (isObj(v) && Object.getPrototypeOf(v) === Object.prototype) {
    // fromEntries defines its keys, not assigns them: an own "__proto__" key is data, not the
    // copy's prototype
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, json(x, `${p}.${k}`, depth + 1)]));
  }
  return fail(p, 'JSON data (null, boolean, finite number, string, array or plain object)');
}

/** Drop undefined members so handlers see exactly what was sent. */
function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o)) if (o[k as keyof T] === undefined) delete o[k as keyof T];
  return o;
}

/** Validators of version 1 parameters, by method. */
export const validators: Validators = {
  'context.get': (p) => (optObj(p), undefined),
  'auth.getToken': (p) => (optObj(p), undefined),
  'notifications.post'(p) {
    const o = obj(p);
    const link = o.link === undefined ? undefined : obj(o.link, '.link');
    if (o.containsPersonalData !== undefined && typeof o.containsPersonalData != 'boolean')
      fail('.containsPersonalData', 'a boolean');
    return clean({
      title: text(o.title, '.title', LIMITS.title),
      body: o.body === undefined ? undefined : text(o.body, '.body', LIMITS.body),
      severity: oneOf(o.severity, '.severity', SEVERITIES),
      link: link
        ? clean({
            pluginId: optStr(link.pluginId, '.link.pluginId', LIMITS.id),
            path: path(link.path, '.link.path'),
            href: href(link.href, '.link.href'),
          })
        : undefined,
      groupId: optStr(o.groupId, '.groupId', LIMITS.id),
      containsPersonalData: o.containsPersonalData as boolean | undefined,
    });
  },
  'ui.announce'(p) {
    const o = obj(p);
    return clean({
      text: str(o.text, '.text', LIMITS.announce),
      politeness: oneOf<'polite' | 'assertive'>(o.politeness, '.politeness', ['polite', 'assertive']),
    });
  },
  'ui.resize'(p) {
    const h = obj(p).height;
    if (typeof h != 'number' || !isFinite(h) || h < 0 || h > LIMITS.maxHeight)
      fail('.height', `a number from 0 to ${LIMITS.maxHeight}`);
    return { height: Math.ceil(h) };
  },
  'ui.focusHost'(p) {
    const o = optObj(p);
    return clean({
      direction: oneOf<'forward' | 'backward'>(o.direction, '.direction', ['forward', 'backward']),
    });
  },
  'navigation.open'(p) {
    const o = obj(p);
    const out = clean({
      pluginId: optStr(o.pluginId, '.pluginId', LIMITS.id),
      path: path(o.path, '.path'),
    });
    if (!out.pluginId && !out.path) fail('', 'an object with pluginId or path');
    return out;
  },
  'storage.get': (p) => ({ key: str(obj(p).key, '.key', LIMITS.key) }),
  'storage.set'(p) {
    const o = obj(p);
    if (!('value' in o)) fail('.value', 'present (use null to clear)');
    return { key: str(o.key, '.key', LIMITS.key), value: json(o.value, '.value') };
  },
};

/** The longest JSON a string of at most `n` characters can become (each one escaped as `\uXXXX`). */
const jsonStr = (n: number) => 6 * n + 2;

/**
 * Upper bounds of the JSON length of each method's validated params, from {@link LIMITS}; Infinity
 * where the validator does not bound them. The host measures only params that could exceed its
 * `maxMessageBytes`, so the calls on the hot path (`ui.resize`) are never serialised twice.
 */
export const PARAMS_MAX_BYTES: { readonly [M in HostMethod]: number } = {
  'context.get': 0,
  'auth.getToken': 0,
  'ui.resize': `{"height":${LIMITS.maxHeight}}`.length,
  'ui.focusHost': '{"direction":"backward"}'.length,
  'ui.announce': '{"text":,"politeness":"assertive"}'.length + jsonStr(LIMITS.announce),
  'storage.get': '{"key":}'.length + jsonStr(LIMITS.key),
  'navigation.open': '{"pluginId":,"path":}'.length + jsonStr(LIMITS.id) + jsonStr(LIMITS.path),
  'notifications.post': Infinity,
  'storage.set': Infinity,
};

/** Validate the params of `method`; throws `UNSUPPORTED` for a method version 1 does not know. */
export function validateParams<M extends HostMethod>(method: M, params: unknown): HostMethods[M]['params'];
export function validateParams(method: string, params: unknown): unknown;
export function validateParams(method: string, params: unknown): unknown {
  const v = Object.hasOwn(validators, method) && validators[method as HostMethod];
  if (!v) throw new BridgeError('UNSUPPORTED', `unknown method ${method}`);
  return v(params);
}
