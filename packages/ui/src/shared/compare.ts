/**
 * `compareRaw`: the locale-free tie-break of our sorts (ids, ISO dates), in one place.
 * @module
 */

/** Orders strings by UTF-16 code units: stable and the same in every locale. */
export const compareRaw = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
