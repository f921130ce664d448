/**
 * OneRoster 1.2 rostering REST subset over the demo data: collections with `limit`/`offset`,
 * `X-Total-Count` and `Link`, `filter`, `sort`/`orderBy`, `fields`; single objects; the per-user,
 * per-school and per-class lookups; errors as `imsx_StatusInfo`. Validated against 1EdTech's
 * OpenAPI in the tests.
 * @module
 */
import type { ServerResponse } from 'node:http';
import type {
  ClassRecord,
  CourseRecord,
  DemoData,
  EnrollmentRecord,
  OrgRecord,
  SessionRecord,
  UserRecord,
} from './data/model.js';
import { HttpError, Router, sendJson, type Req } from './http.js';
import type { RosterScope } from './roster-access.js';

/** The base path of the rostering service. */
export const ONEROSTER_PATH = '/ims/oneroster/rostering/v1p2';
/** `limit` when none is given. */
export const DEFAULT_LIMIT = 100;
/** The most one page may hold (a larger `limit` is an error). */
export const MAX_LIMIT = 10_000;

type Json = Record<string, unknown>;

/** Who is asking: a plugin's backend sees no learner numbers, MPASSid ids or e-mail addresses. */
export interface RosterViewer {
  restricted: boolean;
}

/** imsx code minor values used here (from the OpenAPI's enumeration). */
export type CodeMinor =
  | 'invalid_filter_field'
  | 'invalid_selection_field'
  | 'invaliddata'
  | 'unauthorisedrequest'
  | 'forbidden'
  | 'server_busy'
  | 'unknownobject'
  | 'internal_server_error';

/** An error shaped as `imsx_StatusInfo`. */
export class RosterError extends HttpError {
  constructor(
    status: number,
    readonly codeMinor: CodeMinor,
    message: string,
    headers: Record<string, string> = {},
  ) {
    super(status, codeMinor, message, headers);
  }
}

/** Send an `imsx_StatusInfo` error body. */
export function sendRosterError(
  res: ServerResponse,
  status: number,
  codeMinor: CodeMinor,
  description: string,
  headers: Record<string, string> = {},
): void {
  sendJson(
    res,
    status,
    {
      imsx_codeMajor: 'failure',
      imsx_severity: 'error',
      imsx_description: description,
      imsx_CodeMinor: {
        imsx_codeMinorField: [
          { imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: codeMinor },
        ],
      },
    },
    headers,
  );
}

/** Map any error from a roster route to its imsx code minor. */
export function codeMinorFor(status: number): CodeMinor {
  if (status === 401) return 'unauthorisedrequest';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'unknownobject';
  if (status === 429) return 'server_busy';
  if (status >= 500) return 'internal_server_error';
  return 'invaliddata';
}

// ---- serialisation ------------------------------------------------------------------------

/** Turns records into OneRoster JSON with absolute `href`s on the given origin. */
export class RosterJson {
  private readonly base: string;
  constructor(
    origin: string,
    private readonly data: DemoData,
  ) {
    this.base = `${origin}${ONEROSTER_PATH}`;
  }

  ref(type: 'org' | 'academicSession' | 'course' | 'class' | 'user', id: string): Json {
    const path = {
      org: 'orgs',
      academicSession: 'academicSessions',
      course: 'courses',
      class: 'classes',
      user: 'users',
    }[type];
    return { href: `${this.base}/${path}/${id}`, sourcedId: id, type };
  }

  org(o: OrgRecord): Json {
    const j: Json = {
      sourcedId: o.id,
      status: o.status,
      dateLastModified: o.modified,
      metadata: { names: o.names, ...(o.type === 'school' ? { teachingLanguages: [o.lang] } : {}) },
      name: o.name,
      type: o.type,
      identifier: o.identifier,
    };
    if (o.parentId) j.parent = this.ref('org', o.parentId);
    if (o.childIds.length) j.children = o.childIds.map((id) => this.ref('org', id));
    return j;
  }

  session(s: SessionRecord): Json {
    const j: Json = {
      sourcedId: s.id,
      status: s.status,
      dateLastModified: s.modified,
      metadata: { names: s.names },
      title: s.title,
      startDate: s.startDate,
      endDate: s.endDate,
      type: s.type,
      schoolYear: s.schoolYear,
    };
    if (s.parentId) j.parent = this.ref('academicSession', s.parentId);
    if (s.childIds.length) j.children = s.childIds.map((id) => this.ref('academicSession', id));
    return j;
  }

  course(c: CourseRecord): Json {
    return {
      sourcedId: c.id,
      status: c.status,
      dateLastModified: c.modified,
      title: c.title,
      schoolYear: this.ref('academicSession', c.schoolYearId),
      courseCode: c.code,
      grades: c.grades,
      subjects: c.subjects,
      subjectCodes: c.subjectCodes,
      org: this.ref('org', c.schoolId),
    };
  }

  klass(c: ClassRecord): Json {
    const j: Json = {
      sourcedId: c.id,
      status: c.status,
      dateLastModified: c.modified,
      title: c.title,
      classCode: c.code,
      classType: c.type,
      grades: c.grades,
      subjects: c.subjects,
      subjectCodes: c.subjectCodes,
      course: this.ref('course', c.courseId),
      school: this.ref('org', c.schoolId),
      terms: c.termIds.map((id) => this.ref('academicSession', id)),
    };
    if (c.location) j.location = c.location;
    return j;
  }

  /** What every user form starts with: the record's identity, state and names. */
  #person(u: UserRecord): Json {
    const j: Json = {
      sourcedId: u.id,
      status: u.status,
      dateLastModified: u.modified,
      enabledUser: u.enabled ? 'true' : 'false',
      givenName: u.givenName,
      familyName: u.familyName,
    };
    if (u.preferredFirstName) j.preferredFirstName = u.preferredFirstName;
    return j;
  }

  user(u: UserRecord, viewer: RosterViewer): Json {
    const j: Json = {
      ...this.#person(u),
      roles: u.roles.map((r) => {
        const role: Json = { roleType: r.roleType, role: r.role, org: this.ref('org', r.orgId) };
        if (r.beginDate) role.beginDate = r.beginDate;
        if (r.endDate) role.endDate = r.endDate;
        return role;
      }),
      primaryOrg: this.ref('org', u.primaryOrgId),
      grades: u.grades,
      agents: u.agentIds.map((id) => this.ref('user', id)),
    };
    if (u.nonDisclosure) j.metadata = { turvakielto: true };
    if (!viewer.restricted) {
      j.userIds = [
        { type: 'oppijanumero', identifier: u.learnerNumber },
        { type: 'mpassid', identifier: u.mpassUid },
      ];
      if (u.email) j.email = u.email;
    }
    return j;
  }

  /**
   * A class-list entry as a pupil sees a classmate or a teacher: names and the role at the class's
   * school (OneRoster requires `roles`), nothing else (no grades, guardians, ids or markings).
   */
  member(u: UserRecord, schoolId: string): Json {
    const here = u.roles.filter((r) => r.orgId === schoolId);
    return {
      ...this.#person(u),
      roles: (here.length ? here : u.roles.slice(0, 1)).map((r) => ({
        roleType: r.roleType,
        role: r.role,
        org: this.ref('org', r.orgId),
      })),
    };
  }

  enrollment(e: EnrollmentRecord): Json {
    const j: Json = {
      sourcedId: e.id,
      status: e.status,
      dateLastModified: e.modified,
      user: this.ref('user', e.userId),
      class: this.ref('class', e.classId),
      school: this.ref('org', e.schoolId),
      role: e.role,
      primary: e.primary ? 'true' : 'false',
    };
    if (e.beginDate) j.beginDate = e.beginDate;
    if (e.endDate) j.endDate = e.endDate;
    return j;
  }
}

// ---- fields per entity (for filter, sort and fields validation) ---------------------------

const COMMON = ['sourcedId', 'status', 'dateLastModified', 'metadata'];
const FIELDS = {
  org: [...COMMON, 'name', 'type', 'identifier', 'parent', 'children'],
  academicSession: [...COMMON, 'title', 'startDate', 'endDate', 'type', 'schoolYear', 'parent', 'children'],
  course: [...COMMON, 'title', 'schoolYear', 'courseCode', 'grades', 'subjects', 'subjectCodes', 'org'],
  class: [
    ...COMMON,
    'title',
    'classCode',
    'classType',
    'location',
    'grades',
    'subjects',
    'subjectCodes',
    'course',
    'school',
    'terms',
  ],
  user: [
    ...COMMON,
    'enabledUser',
    'givenName',
    'familyName',
    'preferredFirstName',
    'roles',
    'primaryOrg',
    'grades',
    'agents',
    'userIds',
    'email',
  ],
  enrollment: [...COMMON, 'user', 'class', 'school', 'role', 'primary', 'beginDate', 'endDate'],
} as const;
type Entity = keyof typeof FIELDS;

// ---- query: filter, sort, paging ----------------------------------------------------------

type Op = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~';
interface Predicate {
  path: string[];
  op: Op;
  value: string;
}

const collator = new Intl.Collator('fi', { numeric: true });

/** Parse a OneRoster filter: `field op 'value'` joined by ` AND ` / ` OR ` (AND binds tighter). */
export function parseFilter(filter: string, entity: Entity): Predicate[][] {
  const clauses: Predicate[][] = [[]];
  const re = /\s*([A-Za-z][\w.]*)\s*(!=|>=|<=|=|>|<|~)\s*'([^']*)'\s*(?:(AND|OR)\b|$)/y;
  let pos = 0;
  while (pos < filter.length) {
    re.lastIndex = pos;
    const m = re.exec(filter);
    if (!m) {
      throw new RosterError(
        400,
        'invalid_filter_field',
        `cannot read the filter at "${filter.slice(pos, pos + 40)}": use field op 'value' (ops = != > >= < <= ~), joined by AND or OR`,
      );
    }
    const [, field, op, value, join] = m as unknown as [string, string, Op, string, string | undefined];
    const path = field.split('.');
    if (!(FIELDS[entity] as readonly string[]).includes(path[0]!)) {
      throw new RosterError(
        400,
        'invalid_filter_field',
        `unknown filter field "${field}"; known: ${FIELDS[entity].join(', ')}`,
      );
    }
    if (isDateField(path) && Number.isNaN(Date.parse(value))) {
      throw new RosterError(
        400,
        'invalid_filter_field',
        `${field} needs a date or date-time value, got '${value}'`,
      );
    }
    clauses[clauses.length - 1]!.push({ path, op, value });
    pos = re.lastIndex;
    if (join === 'OR') clauses.push([]);
    else if (!join && pos < filter.length)
      throw new RosterError(400, 'invalid_filter_field', 'expected AND or OR between filter terms');
    if (join && pos >= filter.length)
      throw new RosterError(400, 'invalid_filter_field', `the filter ends with ${join}`);
  }
  if (!clauses[0]!.length) throw new RosterError(400, 'invalid_filter_field', 'the filter is empty');
  return clauses;
}

function isDateField(path: string[]): boolean {
  const last = path[path.length - 1]!;
  return last === 'dateLastModified' || last === 'startDate' || last === 'endDate' || last === 'beginDate';
}

// values at a dotted path; arrays fan out (`roles.role`, `terms.sourcedId`)
function valuesAt(o: unknown, path: string[]): string[] {
  let current: unknown[] = [o];
  for (const key of path) {
    const next: unknown[] = [];
    for (const c of current) {
      const v = c && typeof c === 'object' ? (c as Json)[key] : undefined;
      if (Array.isArray(v)) next.push(...v);
      else if (v !== undefined) next.push(v);
    }
    current = next;
  }
  return current
    .filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(String);
}

function test(p: Predicate, o: Json): boolean {
  const values = valuesAt(o, p.path);
  if (p.op === '!=') return !values.includes(p.value);
  return values.some((v) => compare(v, p));
}

function compare(v: string, p: Predicate): boolean {
  if (p.op === '~') return v.toLowerCase().includes(p.value.toLowerCase());
  if (p.op === '=') return v === p.value;
  const c = isDateField(p.path) ? Date.parse(v) - Date.parse(p.value) : collator.compare(v, p.value);
  if (p.op === '>') return c > 0;
  if (p.op === '>=') return c >= 0;
  if (p.op === '<') return c < 0;
  return c <= 0;
}

interface Query {
  limit: number;
  offset: number;
  filter?: Predicate[][];
  sort?: string[];
  desc: boolean;
  fields?: string[];
}

function readQuery(url: URL, entity: Entity): Query {
  const q = url.searchParams;
  const int = (name: string, dflt: number, min: number, max: number): number => {
    const raw = q.get(name);
    if (raw === null) return dflt;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      throw new RosterError(
        400,
        'invaliddata',
        `${name} must be a whole number from ${min} to ${max}, got "${raw}"`,
      );
    }
    return Number(raw);
  };
  const query: Query = {
    limit: int('limit', DEFAULT_LIMIT, 1, MAX_LIMIT),
    offset: int('offset', 0, 0, Number.MAX_SAFE_INTEGER),
    desc: false,
  };
  const filter = q.get('filter');
  if (filter !== null) query.filter = parseFilter(filter, entity);
  const sort = q.get('sort');
  if (sort !== null) {
    const path = sort.split('.');
    if (!(FIELDS[entity] as readonly string[]).includes(path[0]!)) {
      throw new RosterError(
        400,
        'invalid_selection_field',
        `cannot sort by "${sort}"; known fields: ${FIELDS[entity].join(', ')}`,
      );
    }
    query.sort = path;
  }
  const orderBy = q.get('orderBy');
  if (orderBy !== null) {
    if (orderBy !== 'asc' && orderBy !== 'desc')
      throw new RosterError(400, 'invaliddata', `orderBy must be asc or desc, got "${orderBy}"`);
    query.desc = orderBy === 'desc';
  }
  const fields = q.get('fields');
  if (fields !== null) {
    const list = fields.split(',').map((f) => f.trim());
    const unknown = list.filter((f) => !(FIELDS[entity] as readonly string[]).includes(f));
    if (unknown.length || !list.length) {
      throw new RosterError(
        400,
        'invalid_selection_field',
        `unknown fields: ${unknown.join(', ') || '(none given)'}; known: ${FIELDS[entity].join(', ')}`,
      );
    }
    query.fields = list;
  }
  return query;
}

function project(o: Json, fields?: string[]): Json {
  if (!fields) return o;
  const out: Json = {};
  for (const f of fields) if (o[f] !== undefined) out[f] = o[f];
  return out;
}

// ---- routes -------------------------------------------------------------------------------

/** The collection key and single-object key of each entity, as the OpenAPI names them. */
const KEYS: Record<Entity, [string, string]> = {
  org: ['orgs', 'org'],
  academicSession: ['academicSessions', 'academicSession'],
  course: ['courses', 'course'],
  class: ['classes', 'class'],
  user: ['users', 'user'],
  enrollment: ['enrollments', 'enrollment'],
};

/** Context a roster request runs in. */
export interface RosterRequest extends Req {
  viewer: RosterViewer;
  /** What the person behind the token may read (see roster-access.ts). */
  scope: RosterScope;
  json: RosterJson;
}

type Ser<T> = (j: RosterJson, t: T, v: RosterViewer) => Json;

/** A 403 `forbidden`: the object exists, but the person behind the token may not read it. */
function forbidden(what: string, id?: string): RosterError {
  return new RosterError(
    403,
    'forbidden',
    `this token may not read ${what}${id === undefined ? '' : ` "${id}"`}: a pupil reads their own classes, a guardian their children's, staff their schools' (docs/devkit-api.md, "Who may read what")`,
  );
}

/** Build the rostering routes (paths relative to {@link ONEROSTER_PATH}). */
export function rosterRoutes(data: DemoData, today: () => string): Router {
  const r = new Router();
  const d = data;
  const schools = () => d.orgs.filter((o) => o.type === 'school');
  const allTerms = d.sessions.filter((s) => s.type === 'term');
  const isTeacherRole = (role: string) => role === 'teacher' || role === 'ext:substituteTeacher';
  const isTeacher = (u: UserRecord) => u.roles.some((x) => isTeacherRole(x.role));
  const isStudent = (u: UserRecord) => u.roles.some((x) => x.role === 'student');

  const find = <T>(map: Map<string, T>, id: string, what: string, ok: (t: T) => boolean = () => true): T => {
    const t = map.get(id);
    if (!t || !ok(t)) throw new RosterError(404, 'unknownobject', `no ${what} with sourcedId "${id}"`);
    return t;
  };
  // unknown ids are a 404 first (sourcedIds are random and carry nothing); a known one out of reach a 403
  const allowed = <T>(t: T, ok: boolean, what: string, id: string): T => {
    if (!ok) throw forbidden(what, id);
    return t;
  };
  const org = (id: string, s: RosterScope) => allowed(find(d.byId.orgs, id, 'org'), s.seesOrg(id), 'org', id);
  const school = (id: string, s: RosterScope) =>
    allowed(
      find(d.byId.orgs, id, 'school', (o) => o.type === 'school'),
      s.seesOrg(id),
      'school',
      id,
    );
  const user = (id: string, s: RosterScope, what = 'user', ok: (u: UserRecord) => boolean = () => true) => {
    const u = find(d.byId.users, id, what, ok);
    return allowed(u, s.seesUser(u), what, id);
  };
  const klass = (id: string, s: RosterScope) => {
    const c = find(d.byId.classes, id, 'class');
    return allowed(c, s.seesClass(c), 'class', id);
  };
  const course = (id: string, s: RosterScope) => {
    const c = find(d.byId.courses, id, 'course');
    return allowed(c, s.seesCourse(c), 'course', id);
  };
  const term = (id: string) => find(d.byId.sessions, id, 'term', (x) => x.type === 'term');
  // a list only as far as the person reaches; city-wide ones are filtered once per person
  const within = <T>(s: RosterScope, items: T[], sees: (t: T) => boolean, key?: string): T[] =>
    s.wide ? items : key ? s.memo(key, () => items.filter(sees)) : items.filter(sees);
  // pupils and guardians reach people one by one (themselves, their children, a class list), never as a list
  const people = (s: RosterScope, what: string) => {
    if (!s.listsPeople) throw forbidden(what);
  };

  const scopeOf = (req: Req) => (req as RosterRequest).scope;
  const list =
    <T>(entity: Entity, items: (s: RosterScope) => T[], ser: Ser<T>) =>
    (req: Req) => {
      const rr = req as RosterRequest;
      sendCollection(rr, entity, items(rr.scope), (t) => ser(rr.json, t, rr.viewer));
    };
  const one =
    <T>(entity: Entity, get: (id: string, s: RosterScope) => T, ser: Ser<T>) =>
    (req: Req) => {
      const rr = req as RosterRequest;
      const obj = ser(rr.json, get(req.params.id!, rr.scope), rr.viewer);
      const fields = req.url.searchParams.has('fields') ? readQuery(req.url, entity).fields : undefined;
      sendJson(req.res, 200, { [KEYS[entity][1]]: project(obj, fields) });
    };
  const sub =
    <T>(entity: Entity, items: (req: Req, s: RosterScope) => T[], ser: Ser<T>) =>
    (req: Req) => {
      const rr = req as RosterRequest;
      sendCollection(rr, entity, items(req, rr.scope), (t) => ser(rr.json, t, rr.viewer));
    };

  const orgOut: Ser<OrgRecord> = (j, o) => j.org(o);
  const ses: Ser<SessionRecord> = (j, s) => j.session(s);
  const crs: Ser<CourseRecord> = (j, c) => j.course(c);
  const cls: Ser<ClassRecord> = (j, c) => j.klass(c);
  const usr: Ser<UserRecord> = (j, u, v) => j.user(u, v);
  const enr: Ser<EnrollmentRecord> = (j, e) => j.enrollment(e);

  // a user's classes through enrollments that have not ended (endDate is exclusive)
  const classesOf = (userId: string, s: RosterScope, roles?: (role: string) => boolean) => {
    const t = today();
    const seen = new Set<string>();
    const out: ClassRecord[] = [];
    for (const e of d.enrollmentsByUser.get(userId) ?? []) {
      if (roles && !roles(e.role)) continue;
      if (e.endDate && e.endDate <= t) continue;
      if (seen.has(e.classId)) continue;
      seen.add(e.classId);
      const c = d.byId.classes.get(e.classId);
      if (c && s.seesClass(c)) out.push(c);
    }
    return out;
  };
  // a class list: only for those who may read it, and for a pupil names only, without classmates
  // who have a non-disclosure marking
  const members = (c: ClassRecord, role: 'student' | 'teacher') => (req: Req) => {
    const rr = req as RosterRequest;
    const view = rr.scope.memberView(c);
    if (!view) throw forbidden(`the ${role}s of class`, c.id);
    const out: UserRecord[] = [];
    for (const e of d.enrollmentsByClass.get(c.id) ?? []) {
      if (e.role !== role) continue;
      const u = d.byId.users.get(e.userId);
      if (u && rr.scope.listsMember(u, view)) out.push(u);
    }
    sendCollection(rr, 'user', out, (u) =>
      view === 'full' ? rr.json.user(u, rr.viewer) : rr.json.member(u, c.schoolId),
    );
  };

  r.add(
    'GET',
    '/orgs',
    list('org', (s) => within(s, d.orgs, (o) => s.seesOrg(o.id), 'orgs'), orgOut),
  );
  r.add('GET', '/orgs/:id', one('org', org, orgOut));
  r.add(
    'GET',
    '/schools',
    list('org', (s) => within(s, schools(), (o) => s.seesOrg(o.id), 'schools'), orgOut),
  );
  r.add('GET', '/schools/:id', one('org', school, orgOut));
  // the calendar carries nothing personal: every token reads it
  r.add(
    'GET',
    '/academicSessions',
    list('academicSession', () => d.sessions, ses),
  );
  r.add(
    'GET',
    '/academicSessions/:id',
    one('academicSession', (id) => find(d.byId.sessions, id, 'academic session'), ses),
  );
  r.add(
    'GET',
    '/terms',
    list('academicSession', () => allTerms, ses),
  );
  r.add('GET', '/terms/:id', one('academicSession', term, ses));
  r.add(
    'GET',
    '/courses',
    list('course', (s) => within(s, d.courses, (c) => s.seesCourse(c), 'courses'), crs),
  );
  r.add('GET', '/courses/:id', one('course', course, crs));
  r.add(
    'GET',
    '/classes',
    list('class', (s) => within(s, d.classes, (c) => s.seesClass(c), 'classes'), cls),
  );
  r.add('GET', '/classes/:id', one('class', klass, cls));
  r.add(
    'GET',
    '/users',
    list(
      'user',
      (s) => (people(s, 'the users list'), within(s, d.users, (u) => s.seesUser(u), 'users')),
      usr,
    ),
  );
  r.add(
    'GET',
    '/users/:id',
    one('user', (id, s) => user(id, s), usr),
  );
  r.add(
    'GET',
    '/students',
    list(
      'user',
      (s) => (
        people(s, 'the students list'),
        within(s, d.users, (u) => isStudent(u) && s.seesUser(u), 'students')
      ),
      usr,
    ),
  );
  r.add(
    'GET',
    '/students/:id',
    one('user', (id, s) => user(id, s, 'student', isStudent), usr),
  );
  r.add(
    'GET',
    '/teachers',
    list(
      'user',
      (s) => (
        people(s, 'the teachers list'),
        within(s, d.users, (u) => isTeacher(u) && s.seesUser(u), 'teachers')
      ),
      usr,
    ),
  );
  r.add(
    'GET',
    '/teachers/:id',
    one('user', (id, s) => user(id, s, 'teacher', isTeacher), usr),
  );
  r.add(
    'GET',
    '/enrollments',
    list(
      'enrollment',
      (s) =>
        s.listsPeople
          ? within(s, d.enrollments, (e) => s.seesEnrollment(e), 'enrollments')
          : // a pupil's or guardian's own and children's: straight from the index, not a city-wide scan
            s.memo('enrollments', () => s.people.flatMap((id) => d.enrollmentsByUser.get(id) ?? [])),
      enr,
    ),
  );
  r.add(
    'GET',
    '/enrollments/:id',
    one(
      'enrollment',
      (id, s) => {
        const e = find(d.byId.enrollments, id, 'enrollment');
        return allowed(e, s.seesEnrollment(e), 'enrollment', id);
      },
      enr,
    ),
  );

  r.add(
    'GET',
    '/users/:id/classes',
    sub('class', (req, s) => (user(req.params.id!, s), classesOf(req.params.id!, s)), cls),
  );
  r.add(
    'GET',
    '/students/:id/classes',
    sub(
      'class',
      (req, s) => (user(req.params.id!, s), classesOf(req.params.id!, s, (role) => role === 'student')),
      cls,
    ),
  );
  r.add(
    'GET',
    '/teachers/:id/classes',
    sub(
      'class',
      (req, s) => (user(req.params.id!, s), classesOf(req.params.id!, s, (role) => role === 'teacher')),
      cls,
    ),
  );
  r.add(
    'GET',
    '/schools/:id/classes',
    sub(
      'class',
      (req, s) => (
        school(req.params.id!, s),
        within(
          s,
          d.classes.filter((c) => c.schoolId === req.params.id),
          (c) => s.seesClass(c),
        )
      ),
      cls,
    ),
  );
  r.add(
    'GET',
    '/schools/:id/courses',
    sub(
      'course',
      (req, s) => (
        school(req.params.id!, s),
        within(
          s,
          d.courses.filter((c) => c.schoolId === req.params.id),
          (c) => s.seesCourse(c),
        )
      ),
      crs,
    ),
  );
  r.add(
    'GET',
    '/schools/:id/terms',
    sub('academicSession', (req, s) => (school(req.params.id!, s), allTerms), ses),
  );
  r.add(
    'GET',
    '/schools/:id/students',
    sub(
      'user',
      (req, s) => (
        school(req.params.id!, s),
        people(s, "a school's students"),
        within(
          s,
          d.users.filter((u) => u.roles.some((x) => x.role === 'student' && x.orgId === req.params.id)),
          (u) => s.seesUser(u),
        )
      ),
      usr,
    ),
  );
  r.add(
    'GET',
    '/schools/:id/teachers',
    sub(
      'user',
      (req, s) => (
        school(req.params.id!, s),
        people(s, "a school's teachers"),
        within(
          s,
          d.users.filter((u) => u.roles.some((x) => isTeacherRole(x.role) && x.orgId === req.params.id)),
          (u) => s.seesUser(u),
        )
      ),
      usr,
    ),
  );
  r.add(
    'GET',
    '/schools/:id/enrollments',
    sub(
      'enrollment',
      (req, s) => (
        school(req.params.id!, s),
        within(
          s,
          d.enrollments.filter((e) => e.schoolId === req.params.id),
          (e) => s.seesEnrollment(e),
        )
      ),
      enr,
    ),
  );
  const classInSchool = (req: Req) => {
    const s = scopeOf(req);
    school(req.params.id!, s);
    const c = klass(req.params.classId!, s);
    if (c.schoolId !== req.params.id)
      throw new RosterError(404, 'unknownobject', `class "${c.id}" is not in school "${req.params.id}"`);
    return c;
  };
  r.add(
    'GET',
    '/schools/:id/classes/:classId/enrollments',
    sub(
      'enrollment',
      (req, s) =>
        within(s, d.enrollmentsByClass.get(classInSchool(req).id) ?? [], (e) => s.seesEnrollment(e)),
      enr,
    ),
  );
  r.add('GET', '/schools/:id/classes/:classId/students', (req) =>
    members(classInSchool(req), 'student')(req),
  );
  r.add('GET', '/schools/:id/classes/:classId/teachers', (req) =>
    members(classInSchool(req), 'teacher')(req),
  );
  r.add('GET', '/classes/:id/students', (req) =>
    members(find(d.byId.classes, req.params.id!, 'class'), 'student')(req),
  );
  r.add('GET', '/classes/:id/teachers', (req) =>
    members(find(d.byId.classes, req.params.id!, 'class'), 'teacher')(req),
  );
  r.add(
    'GET',
    '/terms/:id/classes',
    sub(
      'class',
      (req, s) => (
        term(req.params.id!),
        within(
          s,
          d.classes.filter((c) => c.termIds.includes(req.params.id!)),
          (c) => s.seesClass(c),
        )
      ),
      cls,
    ),
  );
  r.add(
    'GET',
    '/courses/:id/classes',
    sub(
      'class',
      (req, s) => (
        course(req.params.id!, s),
        within(
          s,
          d.classes.filter((c) => c.courseId === req.params.id),
          (c) => s.seesClass(c),
        )
      ),
      cls,
    ),
  );
  return r;
}

function sendCollection<T>(req: RosterRequest, entity: Entity, items: T[], ser: (t: T) => Json): void {
  const q = readQuery(req.url, entity);
  let page: Json[];
  let total: number;
  if (q.filter || q.sort) {
    let all = narrow(entity, items, q.filter).map(ser);
    if (q.filter) {
      const clauses = q.filter;
      all = all.filter((o) => clauses.some((and) => and.every((p) => test(p, o))));
    }
    if (q.sort) {
      const path = q.sort;
      const date = isDateField(path);
      const key = (o: Json) => valuesAt(o, path)[0] ?? '';
      all.sort((a, b) => {
        const c = date ? Date.parse(key(a)) - Date.parse(key(b)) : collator.compare(key(a), key(b));
        return q.desc ? -c : c;
      });
    } else if (q.desc) all.reverse();
    total = all.length;
    page = all.slice(q.offset, q.offset + q.limit);
  } else {
    total = items.length;
    const slice = q.desc ? [...items].reverse() : items;
    page = slice.slice(q.offset, q.offset + q.limit).map(ser);
  }
  sendJson(
    req.res,
    200,
    { [KEYS[entity][0]]: page.map((o) => project(o, q.fields)) },
    {
      'x-total-count': String(total),
      ...linkHeader(req.url, q, total),
    },
  );
}

// Raw fields that filters can test before serialising: a large city has 220,000 enrollments,
// and `filter=user.sourcedId='…'` or a delta sync should not build JSON for all of them.
type Raw = Record<string, unknown>;
const RAW: Record<Entity, Record<string, (r: Raw) => unknown>> = {
  org: { sourcedId: (r) => r.id, status: (r) => r.status, dateLastModified: (r) => r.modified },
  academicSession: { sourcedId: (r) => r.id, status: (r) => r.status, dateLastModified: (r) => r.modified },
  course: { sourcedId: (r) => r.id, status: (r) => r.status, dateLastModified: (r) => r.modified },
  class: {
    sourcedId: (r) => r.id,
    status: (r) => r.status,
    dateLastModified: (r) => r.modified,
    'school.sourcedId': (r) => r.schoolId,
    'course.sourcedId': (r) => r.courseId,
    classType: (r) => r.type,
    classCode: (r) => r.code,
  },
  user: { sourcedId: (r) => r.id, status: (r) => r.status, dateLastModified: (r) => r.modified },
  enrollment: {
    sourcedId: (r) => r.id,
    status: (r) => r.status,
    dateLastModified: (r) => r.modified,
    'user.sourcedId': (r) => r.userId,
    'class.sourcedId': (r) => r.classId,
    'school.sourcedId': (r) => r.schoolId,
    role: (r) => r.role,
  },
};

/** Drop records that an all-AND filter excludes on raw fields; the full filter runs afterwards. */
function narrow<T>(entity: Entity, items: T[], filter: Predicate[][] | undefined): T[] {
  if (!filter || filter.length !== 1) return items;
  const checks = filter[0]!.flatMap((p) => {
    const get = RAW[entity][p.path.join('.')];
    return get && p.op !== '~' ? [{ p, get }] : [];
  });
  if (!checks.length) return items;
  return items.filter((item) =>
    checks.every(({ p, get }) => {
      const v = get(item as Raw);
      return typeof v === 'string' && (p.op === '!=' ? v !== p.value : compare(v, p));
    }),
  );
}

function linkHeader(url: URL, q: Query, total: number): Record<string, string> {
  const at = (offset: number) => {
    const u = new URL(url);
    u.searchParams.set('limit', String(q.limit));
    u.searchParams.set('offset', String(offset));
    u.searchParams.delete('access_token');
    return u.href;
  };
  const links: string[] = [];
  const last = Math.max(0, Math.floor((total - 1) / q.limit) * q.limit);
  if (q.offset + q.limit < total) links.push(`<${at(q.offset + q.limit)}>; rel="next"`);
  if (q.offset > 0) links.push(`<${at(Math.max(0, q.offset - q.limit))}>; rel="prev"`);
  links.push(`<${at(0)}>; rel="first"`, `<${at(last)}>; rel="last"`);
  return { link: links.join(', ') };
}
