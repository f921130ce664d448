/**
 * {@link RosterService} over the OneRoster 1.2 rostering REST API: the user's classes, paged with
 * `limit`/`offset` until `X-Total-Count`, with the schools and academic sessions that label them.
 * @module
 */
import {
  applyEnrollment,
  fromOneRosterAcademicSession,
  fromOneRosterClass,
  fromOneRosterEnrollment,
  fromOneRosterOrg,
  fromOneRosterUser,
  helsinkiToday,
  isCurrent,
  type AcademicSession,
  type EnrollmentInfo,
  type Group,
  type IsoDate,
  type LoadProgress,
  type Organization,
  type RosterGroups,
  type RosterService,
  type User,
} from '@digione/context';
import type { ApiClient } from '../http.js';
import { PlatformError } from '../errors.js';

/** Options of {@link OneRosterService}. */
export interface OneRosterOptions {
  api: ApiClient;
  /** Default `/ims/oneroster/rostering/v1p2`. */
  basePath?: string;
  /** Page size (`limit`). Default 500. */
  pageSize?: number;
  /** Today in Helsinki, `YYYY-MM-DD` (tests pin it). */
  today?: () => IsoDate;
}

type Child = Pick<User, 'id' | 'givenName' | 'familyName' | 'preferredFirstName' | 'displayName'>;

/**
 * OneRoster roster client. Hides `tobedeleted` classes and classes whose enrollment for the user
 * has ended (end dates are exclusive); a record that does not map is skipped, not fatal.
 */
export class OneRosterService implements RosterService {
  readonly #api: ApiClient;
  readonly #base: string;
  readonly #pageSize: number;
  readonly #today: () => IsoDate;

  constructor(options: OneRosterOptions) {
    this.#api = options.api;
    this.#base = options.basePath ?? '/ims/oneroster/rostering/v1p2';
    this.#pageSize = options.pageSize ?? 500;
    this.#today = options.today ?? (() => helsinkiToday());
  }

  async groupsForUser(
    userId: string,
    options: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {},
  ): Promise<RosterGroups> {
    const { signal, onProgress } = options;
    const id = encodeURIComponent(userId);
    const [classes, enrollments] = await Promise.all([
      this.#all(`/users/${id}/classes`, 'classes', signal, onProgress),
      this.#enrollments(userId, signal),
    ]);
    const today = this.#today();
    const groups: Group[] = [];
    for (const raw of classes) {
      let g: Group;
      try {
        g = fromOneRosterClass(raw);
      } catch {
        continue;
      }
      if (g.status === 'tobedeleted') continue;
      const e = enrollments?.get(g.id);
      if (e) {
        if (e.status === 'tobedeleted' || !isCurrent(e, today)) continue;
        g = applyEnrollment(g, e);
      }
      groups.push(g);
    }
    const [organizations, sessions] = await Promise.all([
      this.#schools(new Set(groups.map((g) => g.schoolId)), signal),
      this.#sessions(new Set(groups.flatMap((g) => g.sessionIds)), signal),
    ]);
    return { groups, organizations, sessions };
  }

  /** A guardian's children from the guardian's OneRoster `agents`. */
  async childrenOf(guardianId: string, options: { signal?: AbortSignal } = {}): Promise<Child[]> {
    const me = await this.#user(guardianId, options.signal);
    const kids = await Promise.all((me.agentIds ?? []).map((a) => this.#user(a, options.signal)));
    return kids.map(({ id, givenName, familyName, preferredFirstName, displayName }) => ({
      id,
      givenName,
      familyName,
      displayName,
      ...(preferredFirstName ? { preferredFirstName } : {}),
    }));
  }

  // Enrollments carry the user's role and end date per class. The contract promises filters on
  // status and dateLastModified only, so a server that ignores the user filter is detected (a
  // foreign user on the page) and the classes then stand without enrollment data.
  async #enrollments(userId: string, signal?: AbortSignal): Promise<Map<string, EnrollmentInfo> | null> {
    const filter = encodeURIComponent(`user.sourcedId='${userId.replace(/'/g, "''")}'`);
    let raw: unknown[];
    try {
      raw = await this.#all(
        `/enrollments?filter=${filter}`,
        'enrollments',
        signal,
        undefined,
        (e) =>
          // a server that ignored the filter sends other people's enrollments too
          (e as { user?: { sourcedId?: unknown } } | null)?.user?.sourcedId === userId,
      );
    } catch (err) {
      if (err instanceof PlatformError && (err.code === 'INVALID_PARAMS' || err.code === 'NOT_FOUND'))
        return null;
      throw err;
    }
    const map = new Map<string, EnrollmentInfo>();
    for (const r of raw) {
      try {
        const e = fromOneRosterEnrollment(r);
        const prev = map.get(e.classId);
        // several enrollments in one class (e.g. moved in and out): a current one wins
        if (!prev || !isCurrent(prev, this.#today())) map.set(e.classId, e);
      } catch {
        // skip
      }
    }
    return map;
  }

  async #schools(ids: Set<string>, signal?: AbortSignal): Promise<Organization[]> {
    const out = await Promise.all(
      [...ids].map(async (id) => {
        try {
          const b = await this.#api.json<{ org?: unknown }>(
            `${this.#base}/schools/${encodeURIComponent(id)}`,
            { signal },
          );
          return fromOneRosterOrg(b.org);
        } catch (err) {
          if (signal?.aborted) throw err;
          return null;
        }
      }),
    );
    return out.filter((o): o is Organization => !!o);
  }

  // Sessions referenced by the groups, plus their parents (a term's school year labels a section).
  async #sessions(ids: Set<string>, signal?: AbortSignal): Promise<AcademicSession[]> {
    if (!ids.size) return [];
    const all = new Map<string, AcademicSession>();
    for (const raw of await this.#all('/academicSessions', 'academicSessions', signal)) {
      try {
        const s = fromOneRosterAcademicSession(raw);
        all.set(s.id, s);
      } catch {
        // skip
      }
    }
    const out = new Map<string, AcademicSession>();
    const queue = [...ids];
    for (const id of queue) {
      const s = all.get(id);
      if (!s || out.has(id)) continue;
      out.set(id, s);
      if (s.parentId) queue.push(s.parentId);
    }
    return [...out.values()];
  }

  async #user(id: string, signal?: AbortSignal): Promise<User> {
    const b = await this.#api.json<{ user?: unknown }>(`${this.#base}/users/${encodeURIComponent(id)}`, {
      signal,
    });
    return fromOneRosterUser(b.user);
  }

  // Every page of a collection. `accept` stops early (returns what it has, flagged) on the first
  // record it refuses, which is how an ignored filter is caught before paging the whole city.
  async #all(
    path: string,
    key: string,
    signal?: AbortSignal,
    onProgress?: (p: LoadProgress) => void,
    accept?: (r: unknown) => boolean,
  ): Promise<unknown[]> {
    const out: unknown[] = [];
    const sep = path.includes('?') ? '&' : '?';
    for (let total: number | null = null; ;) {
      const res = await this.#api.request(
        `${this.#base}${path}${sep}limit=${this.#pageSize}&offset=${out.length}`,
        { signal },
      );
      const header = res.headers.get('X-Total-Count');
      total = header !== null && /^\d+$/.test(header) ? Number(header) : total;
      const page = ((await res.json()) as Record<string, unknown>)[key];
      if (!Array.isArray(page)) throw new PlatformError('INVALID_RESPONSE', `${path}: no "${key}" array`);
      if (accept && !page.every(accept)) throw new PlatformError('INVALID_PARAMS', `${path}: filter ignored`);
      out.push(...page);
      onProgress?.({ loaded: out.length, total });
      if (!page.length || (total !== null ? out.length >= total : page.length < this.#pageSize)) return out;
    }
  }
}
