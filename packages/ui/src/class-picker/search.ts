/**
 * Search for the class picker: one normalised key per group, built once, and a filter that does
 * no more work per keystroke than the new query needs.
 * @module
 */

// Combining marks left after NFD, except the ring and diaeresis that make å, ä and ö.
const MARKS = /[\u0300-\u036f]/g;
/**
 * What one pass turns into its own letter before the other marks go: a + ring -> å, a + diaeresis
 * -> ä, o + diaeresis -> ö (o + ring drops its ring like any other mark), and the letters NFD does
 * not decompose.
 */
const SPECIAL: Record<string, string> = {
  'a\u030a': 'å',
  'a\u0308': 'ä',
  'o\u0308': 'ö',
  'o\u030a': 'o',
  æ: 'ä',
  ø: 'ö',
  œ: 'ö',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  ı: 'i',
};
const SPECIAL_RE = /[ao][\u030a\u0308]|[æøœßđłı]/g;
/** A field separator no query can contain, so no match spans two fields. */
export const FIELD_SEPARATOR = '\u0001';

/**
 * Normalise text for matching: lower case; accents folded (é -> e, ü -> u, ç -> c); but å, ä and ö
 * stay letters of their own, as Finnish and Swedish readers expect ("ä" never matches "a"). The
 * Nordic spellings æ and ø fold to ä and ö, which the Finnish and Swedish alphabets treat as the
 * same letters. Runs of white space become one space.
 */
export function fold(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      // every match has its entry; other letters drop their marks below
      .replace(SPECIAL_RE, (c) => SPECIAL[c]!)
      .replace(MARKS, '')
      .replace(/\s+/g, ' ')
  );
}

/** The query's tokens: folded, split on white space, without control characters. */
export function tokenize(query: string): string[] {
  return fold(query.replace(/[\u0000-\u001f]/g, ' '))
    .split(' ')
    .filter(Boolean);
}

/**
 * Filters a fixed list of keys by queries whose tokens must all occur (AND, substring, in any
 * field). Keeps the indices ascending, so the caller's sort order survives filtering.
 *
 * Per keystroke it searches the smallest set that is sure to contain the answer: when every token
 * of an earlier query is part of some token of the new one ("7" -> "7b", "ma" -> "ma 7"), only
 * that earlier result is scanned; answers of recent queries are kept, so backspace is a lookup.
 */
export class KeySearch {
  #keys: readonly string[];
  #cache = new Map<string, Uint32Array>();
  /** Items scanned by the last {@link search}; tests and the benchmark read it. */
  lastScanned = 0;

  constructor(keys: readonly string[]) {
    this.#keys = keys;
    // One scan now, off the keystroke: strings built by replace chains are trees of pieces the
    // engine joins on their first search, and the match loop is still interpreted on its first
    // run; together they made the first keystroke over 10,000 groups cost ~5 ms instead of ~0.3.
    for (let i = 0; i < keys.length; i++) matches(keys[i]!, WARM_UP);
  }

  /** Ascending indices of the keys that contain every token of `query`; `null` means all. */
  search(query: string): Uint32Array | null {
    const tokens = tokenize(query);
    this.lastScanned = 0;
    if (tokens.length === 0) return null;
    const id = tokens.join(' ');
    const cached = this.#cache.get(id);
    if (cached) {
      // refresh its place in the LRU order
      this.#cache.delete(id);
      this.#cache.set(id, cached);
      return cached;
    }
    // scan the narrowest earlier answer, or every key
    const base = this.#narrowest(tokens);
    const keys = this.#keys;
    const size = (this.lastScanned = base ? base.length : keys.length);
    const out = new Uint32Array(size);
    let n = 0;
    for (let j = 0; j < size; j++) {
      const i = base ? base[j]! : j;
      if (matches(keys[i]!, tokens)) out[n++] = i;
    }
    const result = out.slice(0, n);
    this.#cache.set(id, result);
    // over the limit, so not empty: drop the least recently used answer
    if (this.#cache.size > CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value!);
    return result;
  }

  /** The smallest cached result that must contain every answer for `tokens`. */
  #narrowest(tokens: string[]): Uint32Array | null {
    let best: Uint32Array | null = null;
    for (const [id, result] of this.#cache) {
      if (best && result.length >= best.length) continue;
      const earlier = id.split(' ');
      if (earlier.every((e) => tokens.some((t) => t.includes(e)))) best = result;
    }
    return best;
  }
}

/** Answers kept (no caller asked for another number). */
const CACHE_LIMIT = 48;
const WARM_UP = [FIELD_SEPARATOR + FIELD_SEPARATOR];

function matches(key: string, tokens: string[]): boolean {
  for (let t = 0; t < tokens.length; t++) {
    if (!key.includes(tokens[t]!)) return false;
  }
  return true;
}
