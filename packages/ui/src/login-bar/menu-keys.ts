/**
 * APG menu typeahead as a pure function (arrow keys come from the shared `moveIndex`).
 * @module
 */

/**
 * The next item after `current` whose label starts with `char` (case-insensitive in `lang`),
 * wrapping; `-1` when none does.
 */
export function typeaheadIndex(
  labels: readonly string[],
  current: number,
  char: string,
  lang: string,
): number {
  const wanted = char.toLocaleLowerCase(lang);
  for (let step = 1; step <= labels.length; step++) {
    const i = (current + step + labels.length) % labels.length;
    if ((labels[i] ?? '').trim().toLocaleLowerCase(lang).startsWith(wanted)) return i;
  }
  return -1;
}
