// Deterministic randomness from a seed string: the same seed gives the same city on every machine.
// xmur3 hashes the string into 32-bit seeds, sfc32 turns them into a fast, well-mixed stream.

/** A seeded pseudo-random stream. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** One item of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

function xmur3(str: string): () => number {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/** A stream seeded by `seed`. */
export function createRng(seed: string): Rng {
  const h = xmur3(seed);
  const raw = sfc32(h(), h(), h(), h());
  // warm up: the first outputs of sfc32 are weakly mixed
  for (let i = 0; i < 12; i++) raw();
  const next = () => raw() / 4294967296;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p) => next() < p,
  };
}

/**
 * A sourcedId: UUID-shaped, derived only from the seed, the kind and a counter, so it carries no
 * personal data (OneRoster: sourcedIds must not contain PII) and stays stable for a seed.
 * Integer mixing only: the large city makes half a million of these.
 */
export function makeIdFactory(seed: string): (kind: string) => string {
  const h = xmur3(seed);
  const s = [h(), h(), h(), h()] as const;
  const kinds = new Map<string, { key: number; n: number }>();
  return (kind) => {
    let k = kinds.get(kind);
    if (!k) {
      k = { key: xmur3(kind)(), n: 0 };
      kinds.set(kind, k);
    }
    const n = ++k.n;
    const w0 = fmix32(k.key ^ s[0] ^ Math.imul(n, 0x9e3779b9));
    const w1 = fmix32(w0 ^ s[1] ^ Math.imul(n, 0x85ebca6b));
    const w2 = fmix32(w1 ^ s[2] ^ Math.imul(n, 0xc2b2ae35));
    const w3 = fmix32(w2 ^ s[3] ^ n);
    // version 4 / variant bits set so strict UUID parsers accept it
    const b = ((w1 & 0xffff0fff) | 0x00004000) >>> 0;
    const c = ((w2 & 0x3fffffff) | 0x80000000) >>> 0;
    return `${hex8(w0)}-${hex4(b >>> 16)}-${hex4(b & 0xffff)}-${hex4(c >>> 16)}-${hex4(c & 0xffff)}${hex8(w3)}`;
  };
}

function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex4(x: number): string {
  return HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
}
function hex8(x: number): string {
  return hex4(x >>> 16) + hex4(x & 0xffff);
}
