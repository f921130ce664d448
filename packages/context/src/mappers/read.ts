// Small typed readers for untrusted JSON. Each throws a MappingError naming the path, so a mapper
// either returns a whole object or throws before building anything.
import { MappingError } from '../errors.js';
import type { PlatformRole } from '../model.js';

export type Json = Record<string, unknown>;

/** Throw a {@link MappingError} for `path`. */
export function fail(path: string, reason: string): never {
  throw new MappingError(path, reason);
}

export function obj(v: unknown, path: string): Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Json)
    : fail(path, 'expected an object');
}

export function str(o: Json, key: string, path: string): string {
  const v = o[key];
  return typeof v === 'string' && v.trim() !== ''
    ? v
    : fail(`${path}.${key}`, v === undefined ? 'is required' : 'expected a non-empty string');
}

export function optStr(o: Json, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : fail(`${path}.${key}`, 'expected a string');
}

export function bool(o: Json, key: string, path: string): boolean {
  const v = o[key];
  // OneRoster 1.2 says boolean; CSV-born feeds send "true"/"false"
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return fail(`${path}.${key}`, v === undefined ? 'is required' : 'expected true or false');
}

export function arr(o: Json, key: string, path: string, required = false): unknown[] {
  const v = o[key];
  if (v === undefined || v === null) return required ? fail(`${path}.${key}`, 'is required') : [];
  return Array.isArray(v) ? v : fail(`${path}.${key}`, 'expected an array');
}

/** A list of strings, or undefined when absent or empty. */
export function strArr(o: Json, key: string, path: string): string[] | undefined {
  return some(
    arr(o, key, path).map((x, i) =>
      typeof x === 'string' ? x : fail(`${path}.${key}[${i}]`, 'expected a string'),
    ),
  );
}

/** A list, or undefined when it is empty (an optional list field is left out, not set to []). */
export function some<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}

export function oneOf<T extends string>(o: Json, key: string, path: string, allowed: readonly T[]): T {
  const v = str(o, key, path);
  return (allowed as readonly string[]).includes(v)
    ? (v as T)
    : fail(`${path}.${key}`, `expected one of ${allowed.join(', ')}, got "${v}"`);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export function date(o: Json, key: string, path: string, required: true): string;
export function date(o: Json, key: string, path: string, required?: false): string | undefined;
export function date(o: Json, key: string, path: string, required = false): string | undefined {
  const v = required ? str(o, key, path) : optStr(o, key, path);
  return v === undefined || (DATE.test(v) && !isNaN(Date.parse(`${v}T00:00:00Z`)))
    ? v
    : fail(`${path}.${key}`, `expected a date YYYY-MM-DD, got "${v}"`);
}

export function dateTime(o: Json, key: string, path: string): string {
  const v = str(o, key, path);
  const t = Date.parse(v);
  return isNaN(t)
    ? fail(`${path}.${key}`, `expected an ISO 8601 date-time, got "${v}"`)
    : new Date(t).toISOString();
}

/** The sourcedId of a OneRoster GUIDRef `{href, sourcedId, type}` at `path`. */
export function id(v: unknown, path: string): string {
  return str(obj(v, path), 'sourcedId', path);
}

/** The sourcedIds of a list of GUIDRefs at `path`. */
export function ids(list: unknown[], path: string): string[] {
  return list.map((x, i) => id(x, `${path}[${i}]`));
}

/** The GUIDRef `o[key]`'s sourcedId; with `optional`, undefined when the ref is absent (or null). */
export function ref(o: Json, key: string, path: string, optional: true): string | undefined;
export function ref(o: Json, key: string, path: string, optional?: false): string;
export function ref(o: Json, key: string, path: string, optional = false): string | undefined {
  return optional && o[key] == null ? undefined : id(o[key], `${path}.${key}`);
}

/** `o` without its undefined fields: optional fields are left out, never set to undefined. */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter((e) => e[1] !== undefined)) as T;
}

/**
 * Roles by the words that name them, each role's words written once (space-separated) instead of
 * a word -> role entry each. A Map: a word "constructor" or "__proto__" is no role, and a missing
 * word (undefined) finds none.
 */
export function roleWords(
  words: Partial<Record<PlatformRole, string>>,
): Map<string | undefined, PlatformRole> {
  const m = new Map<string | undefined, PlatformRole>();
  for (const role in words)
    for (const w of words[role as PlatformRole]!.split(' ')) m.set(w, role as PlatformRole);
  return m;
}
