/**
 * Who may read what on the OneRoster API: the reach of the person behind a token (a user's access
 * token or a plugin token, whose pairwise `sub` the server maps back to the person). Least data,
 * as the domain brief asks for minors: a pupil reads themselves and their own classes, a guardian
 * their children, school staff their schools, district administrators everything. The rules are
 * stated in docs/devkit-api.md ("Who may read what").
 *
 * Every check is a Set lookup on sets built once per person (the data never changes while the
 * devkit runs), so a teacher's request costs the same with 10,000 groups as with 100.
 * @module
 */
import type { ClassRecord, CourseRecord, DemoData, EnrollmentRecord, UserRecord } from './data/model.js';

/** Roles that reach the whole city. */
const WIDE = new Set(['districtAdministrator', 'systemAdministrator']);
/** Roles that reach everything at their school (or, on a district org, its schools). */
const STAFF = new Set([
  'teacher',
  'ext:substituteTeacher',
  'principal',
  'siteAdministrator',
  'ext:staff',
  'ext:schoolSecretary',
  'aide',
  'counselor',
  'proctor',
]);
/** Roles that reach the person's children (OneRoster `agents`). */
const GUARDIAN = new Set(['guardian', 'parent', 'relative']);

/** How a class list shows its members to this reader. */
export type MemberView = 'full' | 'names';

/** What one person may read. */
export interface RosterScope {
  /** The person's sourcedId. */
  readonly userId: string;
  /** District-wide: no check narrows anything. */
  readonly wide: boolean;
  /** May list people (`/users`, `/students`, `/teachers`, a school's people): staff and wider. */
  readonly listsPeople: boolean;
  seesOrg(id: string): boolean;
  seesClass(c: ClassRecord): boolean;
  seesCourse(c: CourseRecord): boolean;
  seesUser(u: UserRecord): boolean;
  seesEnrollment(e: EnrollmentRecord): boolean;
  /** May read the class's students and teachers; undefined when not. */
  memberView(c: ClassRecord): MemberView | undefined;
  /** Whether a member appears in a class list read with this view. */
  listsMember(u: UserRecord, view: MemberView): boolean;
  /** The person and their children: whose enrollments a pupil or guardian reads. */
  readonly people: readonly string[];
  /** A city-wide list filtered once for this person (the data does not change). */
  memo<T>(key: string, make: () => T[]): T[];
}

const isCurrent = (today: string, r: { beginDate?: string; endDate?: string }) =>
  (!r.beginDate || r.beginDate <= today) && (!r.endDate || today < r.endDate);

class Scope implements RosterScope {
  wide = false;
  /** Schools where the person holds a current staff role. */
  readonly staffSchools = new Set<string>();
  /** Classes of the person's own enrollments (any role, ended ones too: their own history). */
  readonly ownClasses = new Set<string>();
  /** Classes where the person is a current student: their class lists. */
  readonly studentClasses = new Set<string>();
  /** Classes where the person currently teaches or administers (outside their staff schools too). */
  readonly staffClasses = new Set<string>();
  readonly children = new Set<string>();
  readonly childClasses = new Set<string>();
  /** Orgs besides the staff schools: the district, own and children's schools. */
  readonly orgs = new Set<string>();
  /** Courses of own and children's classes. */
  readonly courses = new Set<string>();
  private readonly memos = new Map<string, unknown[]>();

  constructor(readonly userId: string) {}

  get people(): string[] {
    return [this.userId, ...this.children];
  }

  get listsPeople(): boolean {
    return this.wide || this.staffSchools.size > 0;
  }

  seesOrg(id: string): boolean {
    return this.wide || this.staffSchools.has(id) || this.orgs.has(id);
  }

  seesClass(c: ClassRecord): boolean {
    return (
      this.wide ||
      this.staffSchools.has(c.schoolId) ||
      this.ownClasses.has(c.id) ||
      this.childClasses.has(c.id)
    );
  }

  seesCourse(c: CourseRecord): boolean {
    return this.wide || this.staffSchools.has(c.schoolId) || this.courses.has(c.id);
  }

  seesUser(u: UserRecord): boolean {
    if (this.wide || u.id === this.userId || this.children.has(u.id)) return true;
    if (!this.staffSchools.size) return false;
    for (const r of u.roles) if (this.staffSchools.has(r.orgId)) return true;
    return false;
  }

  seesEnrollment(e: EnrollmentRecord): boolean {
    return (
      this.wide ||
      e.userId === this.userId ||
      this.children.has(e.userId) ||
      this.staffSchools.has(e.schoolId)
    );
  }

  memberView(c: ClassRecord): MemberView | undefined {
    if (this.wide || this.staffSchools.has(c.schoolId) || this.staffClasses.has(c.id)) return 'full';
    if (this.studentClasses.has(c.id)) return 'names';
    return undefined;
  }

  listsMember(u: UserRecord, view: MemberView): boolean {
    // a classmate with a non-disclosure marking (turvakielto) is left out of a pupil's class list:
    // what a pupil (and the plugins they use) sees is a shared view, which must not place them
    return view === 'full' || u.id === this.userId || !u.nonDisclosure;
  }

  memo<T>(key: string, make: () => T[]): T[] {
    let hit = this.memos.get(key) as T[] | undefined;
    if (!hit) this.memos.set(key, (hit = make()));
    return hit;
  }
}

/** Builds (and keeps) each person's {@link RosterScope}. */
export class RosterAccess {
  private readonly scopes = new Map<string, Scope>();

  constructor(
    private readonly data: DemoData,
    private readonly today: () => string,
  ) {}

  /** The reach of a person. */
  scopeFor(user: UserRecord): RosterScope {
    let s = this.scopes.get(user.id);
    if (!s) {
      // bounded: a benchmark signing in thousands of people must not grow this without end
      if (this.scopes.size >= 1_000) this.scopes.clear();
      s = this.build(user);
      this.scopes.set(user.id, s);
    }
    return s;
  }

  private build(user: UserRecord): Scope {
    const d = this.data;
    const today = this.today();
    const s = new Scope(user.id);
    const addSchoolOf = (classId: string, into: Set<string>) => {
      const c = d.byId.classes.get(classId);
      if (!c) return;
      into.add(c.id);
      s.courses.add(c.courseId);
      s.orgs.add(c.schoolId);
    };
    for (const r of user.roles) {
      if (!isCurrent(today, r)) continue;
      if (WIDE.has(r.role)) s.wide = true;
      s.orgs.add(r.orgId);
      if (STAFF.has(r.role)) {
        s.staffSchools.add(r.orgId);
        // a staff role on the district reaches its schools
        for (const child of d.byId.orgs.get(r.orgId)?.childIds ?? []) s.staffSchools.add(child);
      }
      if (GUARDIAN.has(r.role)) {
        for (const id of user.agentIds) {
          const child = d.byId.users.get(id);
          // a child is one who names this person as an agent back
          if (!child?.agentIds.includes(user.id)) continue;
          s.children.add(id);
          for (const e of d.enrollmentsByUser.get(id) ?? []) addSchoolOf(e.classId, s.childClasses);
        }
      }
    }
    for (const e of d.enrollmentsByUser.get(user.id) ?? []) {
      addSchoolOf(e.classId, s.ownClasses);
      if (!isCurrent(today, e)) continue;
      if (e.role === 'student') s.studentClasses.add(e.classId);
      else s.staffClasses.add(e.classId);
    }
    // the schools' parents (the city) are no secret to anyone in them
    for (const id of [...s.orgs, ...s.staffSchools]) {
      const parent = d.byId.orgs.get(id)?.parentId;
      if (parent) s.orgs.add(parent);
    }
    return s;
  }
}
