/**
 * Deterministic roster data for the class picker tests, and a fake RosterService that pages like
 * the OneRoster client does (limit/offset, X-Total-Count). wtr cannot start a server of its own,
 * so the picker is tested against this fake; the platform's REST client is tested by its owner
 * against the devkit's OneRoster API.
 */
import type { AcademicSession, Group, LoadProgress, Organization, RosterGroups, RosterService, User } from '@digione/context';

export const orgs: Organization[] = [
  { id: 'org-kuusi', type: 'school', name: { fi: 'Kuusikosken koulu', sv: 'Granforsens skola' }, schoolCode: '99901' },
  { id: 'org-aalto', type: 'school', name: { fi: 'Ålandsvägens skola' }, schoolCode: '99902' },
  { id: 'org-zeta', type: 'school', name: { fi: 'Zetan koulu' }, schoolCode: '99903' },
  { id: 'org-oulu', type: 'school', name: { fi: 'Östersundomin koulu' }, schoolCode: '99904' },
];

export const sessions: AcademicSession[] = [
  { id: 'ses-2025', title: 'Lukuvuosi 2025–2026', type: 'schoolYear', startDate: '2025-08-01', endDate: '2026-08-01', schoolYear: '2026' },
  { id: 'ses-2024', title: 'Lukuvuosi 2024–2025', type: 'schoolYear', startDate: '2024-08-01', endDate: '2025-08-01', schoolYear: '2025' },
  { id: 'ses-2025-s', title: 'Syyslukukausi 2025', type: 'semester', startDate: '2025-08-01', endDate: '2026-01-01', schoolYear: '2026', parentId: 'ses-2025' },
];

export function group(id: string, title: string, extra: Partial<Group> = {}): Group {
  return {
    id,
    title,
    kind: 'teachingGroup',
    schoolId: 'org-kuusi',
    sessionIds: ['ses-2025'],
    status: 'active',
    lastModified: '2025-08-01T00:00:00Z',
    ...extra,
  };
}

/** A small, hand-written set covering the grouping and labelling rules. */
export const smallGroups: Group[] = [
  group('g-7b', '7B', { kind: 'homeroom', code: '7B', grades: ['07'] }),
  group('g-7a', '7A', { kind: 'homeroom', code: '7A', grades: ['07'] }),
  group('g-ma7', 'Matematiikka 7A', { code: 'MA7A', subjects: ['Matematiikka'], grades: ['07'] }),
  group('g-ai', 'Äidinkieli 8C', { code: 'AI8C', subjects: ['Äidinkieli ja kirjallisuus'], grades: ['08'] }),
  group('g-fr', 'Français débutants', { code: 'RAB', subjects: ['Ranska'], grades: ['09'] }),
  group('g-old', 'Historia 9A', { code: 'HI9A', subjects: ['Historia'], sessionIds: ['ses-2024'] }),
  group('g-zeta', 'Zeta 1', { schoolId: 'org-zeta', kind: 'homeroom', grades: ['01'] }),
  group('g-osterb', 'Östersundom 2', { schoolId: 'org-oulu' }),
  group('g-aland', 'Ålands 3', { schoolId: 'org-aalto' }),
  group('g-del', 'Poistuva ryhmä', { status: 'tobedeleted' }),
];

const SUBJECTS = ['Matematiikka', 'Äidinkieli', 'Englanti', 'Ruotsi', 'Historia', 'Biologia', 'Fysiikka', 'Kemia', 'Musiikki', 'Liikunta'];
const LETTERS = 'ABCDEFGH';

/** `n` groups over the four schools and two school years, deterministic. */
export function manyGroups(n: number): Group[] {
  const out: Group[] = [];
  for (let i = 0; i < n; i++) {
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const grade = 1 + (i % 9);
    const letter = LETTERS[Math.floor(i / 9) % LETTERS.length]!;
    const homeroom = i % 7 === 0;
    out.push(
      group(`g-${i}`, homeroom ? `${grade}${letter} ${i}` : `${subject} ${grade}${letter} ${i}`, {
        kind: homeroom ? 'homeroom' : 'teachingGroup',
        code: `${subject.slice(0, 2).toUpperCase()}${grade}${letter}${i}`,
        subjects: homeroom ? [] : [subject],
        grades: [String(grade).padStart(2, '0')],
        schoolId: orgs[i % orgs.length]!.id,
        sessionIds: [i % 5 === 0 ? 'ses-2024' : 'ses-2025'],
      }),
    );
  }
  return out;
}

export const teacher: User = {
  id: 'u-teacher',
  givenName: 'Aino',
  familyName: 'Opettaja',
  displayName: 'Aino Opettaja',
  roles: [{ role: 'teacher', roleType: 'primary', orgId: 'org-kuusi' }],
  enabled: true,
};

export const guardian: User = {
  id: 'u-guardian',
  givenName: 'Heikki',
  familyName: 'Huoltaja',
  displayName: 'Heikki Huoltaja',
  roles: [{ role: 'guardian', roleType: 'primary', orgId: 'org-kuusi' }],
  enabled: true,
  agentIds: ['u-child-1', 'u-child-2'],
};

export interface FakeRosterOptions {
  /** Groups per user id. */
  groupsByUser: Record<string, Group[]>;
  /** Page size, as OneRoster `limit`. */
  limit?: number;
  /** Resolve each page only when the test releases it. */
  gate?: boolean;
  /** Fail this many calls before succeeding. */
  failTimes?: number;
  children?: Record<string, Array<Pick<User, 'id' | 'givenName' | 'familyName' | 'displayName'>>>;
}

/**
 * A RosterService that pages through its data like the OneRoster client: it reports progress per
 * page of `limit` groups, hides `tobedeleted` classes, and can be gated page by page.
 */
export class FakeRoster implements RosterService {
  calls: Array<{ userId: string }> = [];
  pagesServed = 0;
  #release: Array<() => void> = [];
  #failures: number;
  childrenOf?: RosterService['childrenOf'];

  constructor(private opts: FakeRosterOptions) {
    this.#failures = opts.failTimes ?? 0;
    if (opts.children) {
      const children = opts.children;
      this.childrenOf = async (guardianId: string) => children[guardianId] ?? [];
    }
  }

  /** Lets the next gated page through. */
  releasePage(): boolean {
    const r = this.#release.shift();
    r?.();
    return !!r;
  }

  get waiting(): number {
    return this.#release.length;
  }

  async groupsForUser(
    userId: string,
    options: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {},
  ): Promise<RosterGroups> {
    this.calls.push({ userId });
    if (this.#failures > 0) {
      this.#failures--;
      await Promise.resolve();
      throw new Error('HTTP 503 from /ims/oneroster/rostering/v1p2');
    }
    const all = this.opts.groupsByUser[userId] ?? [];
    const limit = this.opts.limit ?? 100;
    const total = all.length;
    const groups: Group[] = [];
    for (let offset = 0; offset < total || offset === 0; offset += limit) {
      if (this.opts.gate) await new Promise<void>((r) => this.#release.push(r));
      options.signal?.throwIfAborted();
      const page = all.slice(offset, offset + limit);
      this.pagesServed++;
      groups.push(...page.filter((g) => g.status === 'active'));
      options.onProgress?.({ loaded: Math.min(offset + limit, total), total });
      if (total === 0) break;
    }
    return { groups, organizations: orgs, sessions };
  }
}
