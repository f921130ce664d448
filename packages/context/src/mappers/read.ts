// Small typed readers for untrusted JSON. Each throws a MappingError naming the path, so a mapper
// either returns a whole object or throws before building anything.
import { MappingError } from '../errors.js';

export type Json = Record<string, unknown>;

export function obj(v: unknown, path: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new MappingError(path, 'expected an object');
  return v as Json;
}

export function str(o: Json, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new MappingError(`${path}.${key}`, v === undefined ? 'is required' : 'expected a non-empty string');
  }
  return v;
}

export function optStr(o: Json, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new MappingError(`${path}.${key}`, 'expected a string');
  return v;
}

export function bool(o: Json, key: string, path: string): boolean {
  const v = o[key];
  // OneRoster 1.2 says boolean; CSV-born feeds send "true"/"false"
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw new MappingError(`${path}.${key}`, v === undefined ? 'is required' : 'expected true or false');
}

export function arr(o: Json, key: string, path: string, required = false): unknown[] {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) throw new MappingError(`${path}.${key}`, 'is required');
    return [];
  }
  if (!Array.isArray(v)) throw new MappingError(`${path}.${key}`, 'expected an array');
  return v;
}

export function strArr(o: Json, key: string, path: string): string[] | undefined {
  if (o[key] === undefined || o[key] === null) return undefined;
  return arr(o, key, path).map((x, i) => {
    if (typeof x !== 'string') throw new MappingError(`${path}.${key}[${i}]`, 'expected a string');
    return x;
  });
}

export function oneOf<T extends string>(o: Json, key: string, path: string, allowed: readonly T[]): T {
  const v = str(o, key, path);
  if (!(allowed as readonly string[]).includes(v)) {
    throw new MappingError(`${path}.${key}`, `expected one of ${allowed.join(', ')}, got "${v}"`);
  }
  return v as T;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export function date(o: Json, key: string, path: string, required: true): string;
export function date(o: Json, key: string, path: string, required?: false): string | undefined;
export function date(o: Json, key: string, path: string, required = false): string | undefined {
  const v = required ? str(o, key, path) : optStr(o, key, path);
  if (v === undefined) return undefined;
  if (!DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    throw new MappingError(`${path}.${key}`, `expected a date YYYY-MM-DD, got "${v}"`);
  }
  return v;
}

export function dateTime(o: Json, key: string, path: string): string {
  const v = str(o, key, path);
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new MappingError(`${path}.${key}`, `expected an ISO 8601 date-time, got "${v}"`);
  return new Date(t).toISOString();
}

/** A OneRoster GUIDRef `{href, sourcedId, type}`: returns its sourcedId. */
export function ref(o: Json, key: string, path: string): string {
  return str(obj(o[key], `${path}.${key}`), 'sourcedId', `${path}.${key}`);
}
