/**
 * What an option says: shown details and the accessible name. A sourcedId is never part of it.
 * @module
 */
import type { MessageParams } from '../shared/index.js';
import type { messages } from './messages.js';
import type { Catalog, Entry, Section } from './model.js';
import type { CatalogKey } from '../shared/index.js';

type T = (key: CatalogKey<typeof messages>, params?: MessageParams) => string;

/** Where a group belongs: its school and session, as far as they are known. */
const where = (s: Section): string[] => [s.school, s.session].filter(Boolean);

/** Visible details: kind, code, subjects, grades; and school and session for a recent group. */
export function optionDetails(entry: Entry, catalog: Catalog, t: T): string[] {
  const g = entry.group;
  return [
    t(g.kind === 'homeroom' ? 'homeroom' : 'teachingGroup'),
    // the code when it says more than the title; what is missing or empty is left out below
    g.code?.toLowerCase() !== g.title.toLowerCase() && g.code,
    g.subjects?.join(', '),
    g.grades?.map((x) => gradeText(x, t)).join(', '),
    // the recent section has no school heading above it: the option says where it belongs (its
    // catalog entry holds its own section)
    ...(entry.section.recent ? where(catalog.byId.get(g.id)!.section) : []),
  ].filter((s): s is string => !!s);
}

/**
 * The option's accessible name: what it shows and, when there is more than one school or session,
 * where it belongs, so a screen reader user never depends on the visual headings (which are
 * hidden from the accessibility tree: a virtualized list cannot nest options in groups).
 */
export function optionLabel(entry: Entry, details: string[], multiSection: boolean): string {
  const parts = [entry.group.title, ...details];
  if (!entry.section.recent && multiSection) parts.push(...where(entry.section));
  return parts.join(', ');
}

/** OneRoster grades are codes: "07" reads "7. luokka" / "årskurs 7"; other codes stay as they are. */
export function gradeText(grade: string, t: T): string {
  const n = parseInt(grade, 10);
  return !isNaN(n) && String(n) === grade.replace(/^0+(?=\d)/, '') ? t('grade', { grade: String(n) }) : grade;
}
