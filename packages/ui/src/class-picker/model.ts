/**
 * The class picker's list model: groups sorted into sections (school, then academic session),
 * recent groups first, and the flat rows the virtualized listbox renders.
 * @module
 */
import type { AcademicSession, Group, Organization } from '@digione/context';
import { pickText } from '@digione/context';
import { compareRaw } from '../shared/compare.js';
import { FIELD_SEPARATOR, fold } from './search.js';

/** One group, prepared once per data or language change. */
export interface Entry {
  group: Group;
  /** Stable per data set; used for option ids (never the sourcedId). */
  n: number;
  /** The section the entry is listed under. */
  section: Section;
  /** Folded title, code and subjects, separated so no match spans two fields. */
  key: string;
  /** Its row, made once and reused by every query (no allocation per keystroke). */
  row?: OptionRow;
}

/** A heading in the list: a school and session, or the recent groups. */
export interface Section {
  /** School name, or '' for the recent section. */
  school: string;
  /** Session title, or '' when unknown. */
  session: string;
  recent: boolean;
  /** Its heading row, made once. */
  row?: HeaderRow;
}

export interface HeaderRow {
  kind: 'header';
  section: Section;
}
export interface OptionRow {
  kind: 'option';
  entry: Entry;
}
/** A row of the virtualized list. */
export type Row = HeaderRow | OptionRow;

/** Everything a render needs for one query. */
export interface RowSet {
  rows: Row[];
  /** Number of option rows (aria-setsize). */
  count: number;
  /** Per row index: the option's 1-based position among the options shown (aria-posinset); 0 for headings. */
  pos: Uint32Array;
}

/** Prepared, sorted data; built when the groups or the language change. */
export interface Catalog {
  /** Sorted: school, session (newest first), title. Recents are not moved here. */
  sorted: Entry[];
  byId: Map<string, Entry>;
  /** More than one school or session: an option's name then says where it belongs. */
  multi: boolean;
}

/** Sorts and keys groups for the UI language. `tobedeleted` groups are dropped here too. */
export function buildCatalog(
  groups: readonly Group[],
  organizations: readonly Organization[],
  sessions: readonly AcademicSession[],
  lang: string,
  otherLabel: string,
): Catalog {
  const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  const orgs = new Map(organizations.map((o) => [o.id, o]));
  const sess = new Map(sessions.map((s) => [s.id, s]));
  // while sorting, a section also has its key (school and session id), its session's start and
  // its place among the sections
  type Built = Section & { id: string; start: string; rank?: number };
  const sections = new Map<string, Built>();
  const sectionOf = (g: Group): Built => {
    const org = orgs.get(g.schoolId);
    const s = sessionFor(g, sess);
    // unknown schools share one "other" section rather than one per id
    const id = `${org ? g.schoolId : ''}\u0000${s?.id ?? ''}`;
    let section = sections.get(id);
    if (!section) {
      section = {
        id,
        school: org ? pickText(org.name, lang) : otherLabel,
        session: s?.title ?? '',
        recent: false,
        start: s?.startDate ?? '',
      };
      sections.set(id, section);
    }
    return section;
  };
  const entries: (Entry & { section: Built })[] = [];
  for (const group of groups) {
    // bad input from a vendor's own data: skip it with a word rather than break the whole list
    if (typeof group?.id != 'string') {
      console.warn('[d1-class-picker] skipped a group without an id', group);
      continue;
    }
    if (group.status === 'tobedeleted') continue;
    entries.push({ group, n: 0, section: sectionOf(group), key: searchKeyOf(group) });
  }
  // sections first (a handful), so the entries compare by a number and then by title
  [...sections.values()]
    .sort(
      (sa, sb) =>
        collator.compare(sa.school, sb.school) ||
        // the current or latest session first: teachers mostly work in it
        compareRaw(sb.start, sa.start) ||
        collator.compare(sa.session, sb.session) ||
        // section ids are unique: never 0
        compareRaw(sa.id, sb.id),
    )
    .forEach((sec, i) => (sec.rank = i));
  entries.sort(
    (a, b) =>
      a.section.rank! - b.section.rank! ||
      collator.compare(a.group.title, b.group.title) ||
      collator.compare(a.group.code ?? '', b.group.code ?? '') ||
      compareRaw(a.group.id, b.group.id),
  );
  // a plain list (no known school or session anywhere) needs no heading at all
  if (sections.size === 1) {
    const only = sections.values().next().value!;
    // (its first group made it)
    if (!orgs.has(entries[0]!.group.schoolId) && !only.session) only.school = '';
  }
  const byId = new Map<string, Entry>();
  entries.forEach((e, i) => {
    e.n = i;
    byId.set(e.group.id, e);
  });
  // every section holds at least one entry (a section is made for its first group)
  return { sorted: entries, byId, multi: sections.size > 1 };
}

/**
 * The display order: the recent groups (most recent first, in a section of their own), then all
 * the others in catalog order. Each group appears once, so positions and counts stay honest.
 */
export function orderEntries(
  catalog: Catalog,
  recentIds: readonly string[],
  recentSection: Section,
): Entry[] {
  // a Set keeps the first of repeated ids, in order
  const recent = new Set<Entry>();
  for (const id of recentIds) {
    const e = catalog.byId.get(id);
    if (e) recent.add(e);
  }
  if (!recent.size) return catalog.sorted;
  return [
    ...[...recent].map((e) => ({ ...e, section: recentSection, row: undefined })),
    ...catalog.sorted.filter((e) => !recent.has(e)),
  ];
}

/** Rows for the given entries (all, or the ascending indices a search returned). */
export function buildRows(entries: readonly Entry[], indices: Uint32Array | null): RowSet {
  const rows: Row[] = [];
  const n = indices ? indices.length : entries.length;
  // at most one heading per option
  const pos = new Uint32Array(2 * n);
  let section: Section | null = null;
  for (let j = 0; j < n; j++) {
    const entry = entries[indices ? indices[j]! : j]!;
    if (entry.section !== section) {
      section = entry.section;
      if (section.school || section.session || section.recent)
        rows.push((section.row ??= { kind: 'header', section }));
    }
    pos[rows.length] = j + 1;
    rows.push((entry.row ??= { kind: 'option', entry }));
  }
  return { rows, count: n, pos };
}

/** Title, code and subjects, folded, in separate fields. */
export function searchKeyOf(g: Group): string {
  return fold([g.title, g.code ?? '', ...(g.subjects ?? [])].join(FIELD_SEPARATOR));
}

/**
 * The session a group is listed under: its school year when it has one (a class spanning the
 * autumn and spring terms belongs to the year), else the common parent of its terms, else the
 * first session known.
 */
function sessionFor(g: Group, sessions: Map<string, AcademicSession>): AcademicSession | undefined {
  const own = (g.sessionIds ?? []).map((id) => sessions.get(id)).filter((s): s is AcademicSession => !!s);
  // none known: every test below fails and own[0] is undefined
  const parent = own.length > 1 && own[0]!.parentId;
  return (
    own.find((s) => s.type === 'schoolYear') ||
    (parent && own.every((s) => s.parentId === parent) && sessions.get(parent)) ||
    own[0]
  );
}

/**
 * The row of the option `delta` options away from row `from` (headings are skipped), stopping at
 * the ends; from -1 (none active) it is the first option going down, the last going up (also the
 * Home and End keys'), or -1 when there is none.
 */
export function stepOption(rows: readonly Row[], from: number, delta: number): number {
  const dir = Math.sign(delta);
  let left = from < 0 ? 1 : Math.abs(delta);
  let found = from;
  // from none: start just outside the end the step enters by
  let i = from < 0 && dir < 0 ? rows.length : from;
  while (left > 0 && (i += dir) >= 0 && i < rows.length) {
    if (rows[i]!.kind === 'option') {
      found = i;
      left--;
    }
  }
  return found;
}

/** Row index of the option for group `id`, or -1. */
export function rowOfGroup(rows: readonly Row[], id: string | null): number {
  return id ? rows.findIndex((r) => r.kind === 'option' && r.entry.group.id === id) : -1;
}
