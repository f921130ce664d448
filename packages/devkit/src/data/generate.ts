/**
 * Deterministic demo data: the fictional bilingual city of Kuusikoski (Granfors), its Finnish- and
 * Swedish-language schools, the current school year and its terms, homerooms and teaching groups,
 * pupils in families with guardians, class and subject teachers, and the demo logins.
 * The same seed and day always give the same city.
 * @module
 */
import { helsinkiToday, type IsoDate, type PlatformRole } from '@digione/context';
import { createRng, makeIdFactory, type Rng } from './rng.js';
import {
  FINNISH,
  SWEDISH,
  PLACES_FI,
  PLACES_SV,
  SCHOOL_KINDS_FI,
  SCHOOL_KINDS_SV,
  type NamePool,
} from './names.js';
import { subjectsFor, type Subject } from './subjects.js';
import type {
  ClassRecord,
  CourseRecord,
  DemoData,
  DemoUser,
  EnrollmentRecord,
  Names,
  OrgRecord,
  SessionRecord,
  Status,
  UserRecord,
} from './model.js';

/** Options for {@link generateData}. */
export interface GenerateOptions {
  /** Any string; the default is `digione`. */
  seed?: string;
  /** 0 (default) = the small demo city; N = N x (10,000 groups, 100,000 users). */
  scale?: number;
  /** The day to generate for (Helsinki, YYYY-MM-DD); picks the current school year. Default today. */
  today?: IsoDate;
}

interface SchoolPlan {
  names: Names;
  lang: 'fi' | 'sv';
  code: string;
  grades: number[];
  homeroomsPerGrade: number;
  /** Teaching groups per homeroom, before rounding. */
  groupsPerHomeroom: number;
  classSize: [number, number];
}

const SMALL_CITY: SchoolPlan[] = [
  {
    names: {
      fi: 'Kuusikosken yhtenäiskoulu',
      sv: 'Kuusikoski enhetsskola',
      en: 'Kuusikoski Comprehensive School',
    },
    lang: 'fi',
    code: '99901',
    grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    homeroomsPerGrade: 2,
    groupsPerHomeroom: 3,
    classSize: [17, 22],
  },
  {
    names: { fi: 'Koskenrannan koulu', sv: 'Koskenranta skola', en: 'Koskenranta School' },
    lang: 'fi',
    code: '99902',
    grades: [1, 2, 3, 4, 5, 6],
    homeroomsPerGrade: 1,
    groupsPerHomeroom: 2,
    classSize: [16, 21],
  },
  {
    names: { fi: 'Myllymäen koulu', sv: 'Myllymäki skola', en: 'Myllymäki School' },
    lang: 'fi',
    code: '99903',
    grades: [1, 2, 3, 4, 5, 6],
    homeroomsPerGrade: 1,
    groupsPerHomeroom: 2,
    classSize: [15, 20],
  },
  {
    names: { fi: 'Granforsin koulu', sv: 'Granforsens skola', en: 'Granfors School' },
    lang: 'sv',
    code: '99904',
    grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    homeroomsPerGrade: 1,
    groupsPerHomeroom: 3,
    classSize: [14, 20],
  },
];

const CITY: Names = { fi: 'Kuusikoski', sv: 'Granfors', en: 'Kuusikoski' };
const DISTRICT: Names = { fi: 'Kuusikosken kaupunki', sv: 'Granfors stad', en: 'City of Kuusikoski' };
const LETTERS = 'ABCDEFGHIJ';
// measured users per pupil in generated schools: the pupil, ~1.2 guardians, ~0.1 teachers
const USERS_PER_PUPIL = 2.33;

/** Generate the whole city. Large cities (scale 1) take about a second. */
export function generateData(options: GenerateOptions = {}): DemoData {
  const seed = options.seed ?? 'digione';
  const scale = options.scale ?? 0;
  if (!Number.isFinite(scale) || scale < 0 || scale > 10)
    throw new RangeError('scale must be between 0 and 10');
  const today = options.today ?? helsinkiToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))
    throw new RangeError('today must be a date YYYY-MM-DD');
  return new Generator(seed, scale, today).run();
}

class Generator {
  private readonly rng: Rng;
  private readonly id: (kind: string) => string;
  private readonly data: DemoData;
  private readonly yearStart: IsoDate;
  private readonly yearStartMs: number;
  private readonly modifiedSpanMs: number;
  private learnerSeq = 0;
  /** Teaching groups planned but not yet made (fractional plans carry over). */
  private owed = 0;
  private readonly emails = new Set<string>();
  private autumn!: SessionRecord;
  private spring!: SessionRecord;
  private year!: SessionRecord;
  private readonly homeroomsBySchool = new Map<string, ClassRecord[]>();
  private readonly groupsByHomeroom = new Map<string, ClassRecord[]>();
  private readonly teacherOfClass = new Map<string, UserRecord>();

  constructor(
    private readonly seed: string,
    private readonly scale: number,
    private readonly today: IsoDate,
  ) {
    this.rng = createRng(`${seed}/${scale}`);
    this.id = makeIdFactory(`${seed}/${scale}`);
    // the Finnish school year runs 1.8.-31.7.; before August we are in the one that began last year
    const [y, m] = today.split('-').map(Number) as [number, number];
    const startYear = m >= 8 ? y : y - 1;
    this.yearStart = `${startYear}-08-01`;
    this.yearStartMs = Date.parse(`${this.yearStart}T06:00:00Z`);
    this.modifiedSpanMs = Math.max(Date.parse(`${today}T06:00:00Z`) - this.yearStartMs, 86_400_000);
    const district: OrgRecord = {
      id: this.id('org'),
      status: 'active',
      modified: this.modified(),
      type: 'district',
      name: DISTRICT.fi,
      names: DISTRICT,
      identifier: '',
      lang: 'fi',
      childIds: [],
      grades: [],
    };
    district.ophOid = `1.2.246.562.10.${String(this.rng.int(10_000_000_000, 99_999_999_999))}`;
    district.identifier = district.ophOid;
    this.data = {
      seed,
      scale,
      today,
      city: CITY,
      district,
      orgs: [district],
      sessions: [],
      courses: [],
      classes: [],
      users: [],
      enrollments: [],
      demoUsers: [],
      byId: {
        orgs: new Map(),
        sessions: new Map(),
        courses: new Map(),
        classes: new Map(),
        users: new Map(),
        enrollments: new Map(),
      },
      enrollmentsByUser: new Map(),
      enrollmentsByClass: new Map(),
    };
  }

  run(): DemoData {
    this.makeSessions();
    const plans = this.scale > 0 ? this.largeCity() : SMALL_CITY;
    const schools = plans.map((p) => this.makeSchool(p));
    const main = schools[0]!;
    const sv = schools.find((s) => s.org.lang === 'sv' && s.org.grades.includes(3))!;
    const demo = this.makeDemoStaff(main.org, sv.org);
    for (const s of schools) this.makeTeachers(s.org, demo);
    const family = this.makeDemoFamily(main.org, sv.org);
    for (const s of schools) this.makePupils(s.org, s.plan);
    this.makeGuardians(family);
    this.finishDemo(demo, family, main.org);
    this.makeAdmin();
    this.index();
    return this.data;
  }

  // ---- time -------------------------------------------------------------------------------

  private modified(): string {
    const t = this.yearStartMs + Math.floor(this.rng.next() * this.modifiedSpanMs);
    return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }

  private day(offsetFromToday: number): IsoDate {
    return new Date(Date.parse(`${this.today}T12:00:00Z`) + offsetFromToday * 86_400_000)
      .toISOString()
      .slice(0, 10);
  }

  private makeSessions(): void {
    const y = Number(this.yearStart.slice(0, 4));
    const session = (
      type: SessionRecord['type'],
      names: Names,
      startDate: IsoDate,
      endDate: IsoDate,
      parentId?: string,
    ): SessionRecord => {
      const s: SessionRecord = {
        id: this.id('session'),
        status: 'active',
        modified: `${this.yearStart}T06:00:00Z`,
        type,
        title: names.fi,
        names,
        startDate,
        endDate,
        schoolYear: String(y + 1),
        childIds: [],
      };
      if (parentId) s.parentId = parentId;
      this.data.sessions.push(s);
      return s;
    };
    const span = `${y}–${y + 1}`;
    this.year = session(
      'schoolYear',
      { fi: `Lukuvuosi ${span}`, sv: `Läsåret ${span}`, en: `School year ${span}` },
      `${y}-08-01`,
      `${y + 1}-08-01`,
    );
    // autumn term: from the Wednesday of week 33 to just before Christmas; spring: January to the
    // Saturday of week 22 (the end dates below are exclusive)
    this.autumn = session(
      'term',
      { fi: `Syyslukukausi ${y}`, sv: `Höstterminen ${y}`, en: `Autumn term ${y}` },
      isoWeekday(y, 33, 3),
      isoWeekday(y, 51, 7),
      this.year.id,
    );
    this.spring = session(
      'term',
      { fi: `Kevätlukukausi ${y + 1}`, sv: `Vårterminen ${y + 1}`, en: `Spring term ${y + 1}` },
      isoWeekday(y + 1, 1, 4),
      isoWeekday(y + 1, 22, 7),
      this.year.id,
    );
    this.year.childIds.push(this.autumn.id, this.spring.id);
  }

  // ---- schools and groups -----------------------------------------------------------------

  private largeCity(): SchoolPlan[] {
    const targetGroups = Math.max(40, Math.round(10_000 * this.scale));
    const targetUsers = Math.max(400, Math.round(100_000 * this.scale));
    const homeroomsPerGrade = 3;
    const classSize = 20;
    const pupilsPerSchool = 9 * homeroomsPerGrade * classSize;
    const schoolCount = Math.max(2, Math.round(targetUsers / (pupilsPerSchool * USERS_PER_PUPIL)));
    const homerooms = schoolCount * 9 * homeroomsPerGrade;
    const groupsPerHomeroom = Math.max(0, (targetGroups - homerooms) / homerooms);
    const used = new Set<string>();
    const plans: SchoolPlan[] = [];
    for (let i = 0; i < schoolCount; i++) {
      // about one school in ten teaches in Swedish; the second school always does
      const lang: 'fi' | 'sv' = i === 1 || (i > 1 && this.rng.chance(0.1)) ? 'sv' : 'fi';
      let names: Names;
      let n = 0;
      do {
        names = lang === 'fi' ? this.finnishSchoolName(i === 0 ? 0 : n + 1) : this.swedishSchoolName(n);
        n++;
      } while (used.has(names.fi));
      used.add(names.fi);
      plans.push({
        names,
        lang,
        code: String(90_001 + i),
        grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
        homeroomsPerGrade,
        groupsPerHomeroom,
        classSize: [classSize - 2, classSize + 2],
      });
    }
    return plans;
  }

  private finnishSchoolName(attempt: number): Names {
    if (attempt === 0) return SMALL_CITY[0]!.names;
    const place = this.rng.pick(PLACES_FI);
    const kind = this.rng.pick(SCHOOL_KINDS_FI);
    const suffix = attempt > 40 ? ` ${Math.floor(attempt / 40) + 1}` : '';
    // Finnish schools keep their Finnish name in every language
    const name = `${place} ${kind}${suffix}`;
    return { fi: name, sv: name, en: name };
  }

  private swedishSchoolName(attempt: number): Names {
    const place = this.rng.pick(PLACES_SV);
    const kind = this.rng.pick(SCHOOL_KINDS_SV);
    const suffix = attempt > 20 ? ` ${Math.floor(attempt / 20) + 1}` : '';
    const name = `${place} ${kind}${suffix}`;
    return { fi: name, sv: name, en: name };
  }

  private makeSchool(plan: SchoolPlan): { org: OrgRecord; plan: SchoolPlan } {
    const org: OrgRecord = {
      id: this.id('org'),
      status: 'active',
      modified: this.modified(),
      type: 'school',
      name: plan.names[plan.lang],
      names: plan.names,
      identifier: plan.code,
      schoolCode: plan.code,
      lang: plan.lang,
      parentId: this.data.district.id,
      childIds: [],
      grades: plan.grades,
    };
    this.data.orgs.push(org);
    this.data.district.childIds.push(org.id);
    const homerooms: ClassRecord[] = [];
    for (const grade of plan.grades) {
      const homeCourse = this.course(
        org,
        plan.lang === 'fi' ? `Luokka ${grade}` : `Klass ${grade}`,
        `LK${grade}`,
        grade,
        [],
        [],
      );
      const subjects = subjectsFor(grade, plan.lang);
      const courses = new Map<string, CourseRecord>();
      for (let h = 0; h < plan.homeroomsPerGrade; h++) {
        const label = `${grade}${LETTERS[h]}`;
        const homeroom = this.klass(
          org,
          homeCourse,
          label,
          label,
          'homeroom',
          [this.autumn.id, this.spring.id],
          'active',
        );
        homerooms.push(homeroom);
        // fractional plans: carry the remainder so the city's total comes out right
        this.owed += plan.groupsPerHomeroom;
        const count = Math.min(subjects.length, Math.floor(this.owed + 1e-9));
        this.owed -= count;
        const groups: ClassRecord[] = [];
        // mathematics always, then a rotation so parallel homerooms differ
        const chosen: Subject[] = [];
        const ma = subjects.find((s) => s.code === 'MA');
        if (ma && count > 0) chosen.push(ma);
        const rest = subjects.filter((s) => s !== ma);
        for (let k = 0; chosen.length < count && k < rest.length; k++)
          chosen.push(rest[(k + h * 2 + grade) % rest.length]!);
        for (const subject of chosen) {
          let course = courses.get(subject.code);
          if (!course) {
            const name = plan.lang === 'fi' ? subject.fi : subject.sv;
            course = this.course(
              org,
              `${name} ${grade}`,
              `${subject.code}${grade}`,
              grade,
              // OneRoster `subjects` are free text in the school's own language, as a Finnish
              // SIS sends them; `subjectCodes` carry the code a client can localise
              [name],
              [subject.code],
            );
            courses.set(subject.code, course);
          }
          // arts and crafts run one term; the rest the whole year
          const terms = ['KU', 'MU', 'KO'].includes(subject.code)
            ? [h % 2 === 0 ? this.autumn.id : this.spring.id]
            : [this.autumn.id, this.spring.id];
          const status: Status = this.rng.chance(0.02) ? 'tobedeleted' : 'active';
          const name = plan.lang === 'fi' ? subject.fi : subject.sv;
          groups.push(
            this.klass(
              org,
              course,
              `${name} ${label}`,
              `${subject.code}${label}`,
              'scheduled',
              terms,
              status,
            ),
          );
        }
        this.groupsByHomeroom.set(homeroom.id, groups);
      }
    }
    this.homeroomsBySchool.set(org.id, homerooms);
    return { org, plan };
  }

  private course(
    org: OrgRecord,
    title: string,
    code: string,
    grade: number,
    subjects: string[],
    subjectCodes: string[],
  ): CourseRecord {
    const c: CourseRecord = {
      id: this.id('course'),
      status: 'active',
      modified: `${this.yearStart}T06:00:00Z`,
      title,
      code,
      schoolId: org.id,
      schoolYearId: this.year.id,
      grades: [String(grade)],
      subjects,
      subjectCodes,
    };
    this.data.courses.push(c);
    return c;
  }

  private klass(
    org: OrgRecord,
    course: CourseRecord,
    title: string,
    code: string,
    type: ClassRecord['type'],
    termIds: string[],
    status: Status,
  ): ClassRecord {
    const c: ClassRecord = {
      id: this.id('class'),
      status,
      modified: this.modified(),
      title,
      code,
      type,
      courseId: course.id,
      schoolId: org.id,
      termIds,
      grades: course.grades,
      subjects: course.subjects,
      subjectCodes: course.subjectCodes,
    };
    if (type === 'homeroom')
      c.location = `${org.lang === 'fi' ? 'Luokka' : 'Klassrum'} ${100 + (this.data.classes.length % 300)}`;
    this.data.classes.push(c);
    return c;
  }

  // ---- people -----------------------------------------------------------------------------

  private person(
    kind: PlatformRole,
    lang: 'fi' | 'sv',
    adult: boolean,
    orgId: string,
    role: string,
    familyName?: string,
  ): UserRecord {
    const pool: NamePool = lang === 'fi' ? FINNISH : SWEDISH;
    const girl = this.rng.chance(0.5);
    const givenName = this.rng.pick(adult ? (girl ? pool.women : pool.men) : girl ? pool.girls : pool.boys);
    // about one family in ten has a surname from the other language group
    const surnames = this.rng.chance(0.1) ? (lang === 'fi' ? SWEDISH : FINNISH).family : pool.family;
    this.learnerSeq++;
    const u: UserRecord = {
      id: this.id('user'),
      status: 'active',
      modified: this.modified(),
      enabled: true,
      givenName,
      familyName: familyName ?? this.rng.pick(surnames),
      kind,
      roles: [{ roleType: 'primary', role, orgId }],
      primaryOrgId: orgId,
      grades: [],
      agentIds: [],
      learnerNumber: `1.2.246.562.98.${String(10_000_000_000 + this.learnerSeq * 7919)}`,
      mpassUid: `MPASSOID.${this.id('mpass').replace(/-/g, '')}`,
      lang,
    };
    this.data.users.push(u);
    return u;
  }

  private staff(kind: PlatformRole, org: OrgRecord, role: string): UserRecord {
    const u = this.person(kind, org.lang, true, org.id, role);
    const ascii = (s: string) =>
      s
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z]/g, '');
    let email = `${ascii(u.givenName)}.${ascii(u.familyName)}@kuusikoski.example`;
    for (let n = 2; this.emails.has(email); n++)
      email = `${ascii(u.givenName)}.${ascii(u.familyName)}${n}@kuusikoski.example`;
    this.emails.add(email);
    u.email = email;
    return u;
  }

  private enroll(
    user: UserRecord,
    klass: ClassRecord,
    role: EnrollmentRecord['role'],
    primary: boolean,
  ): EnrollmentRecord {
    const e: EnrollmentRecord = {
      id: this.id('enrollment'),
      status: klass.status,
      modified: klass.modified,
      userId: user.id,
      classId: klass.id,
      schoolId: klass.schoolId,
      role,
      primary,
    };
    this.data.enrollments.push(e);
    return e;
  }

  private makeDemoStaff(main: OrgRecord, sv: OrgRecord): DemoStaff {
    const teacher = this.staff('teacher', main, 'teacher');
    teacher.roles.push({ roleType: 'primary', role: 'teacher', orgId: sv.id });
    const substitute = this.staff('substituteTeacher', main, 'ext:substituteTeacher');
    const principal = this.staff('principal', main, 'principal');
    return { teacher, substitute, principal, sv };
  }

  private makeTeachers(org: OrgRecord, demo: DemoStaff): void {
    // the main school's principal is the demo principal
    if (org.id !== demo.teacher.primaryOrgId) this.staff('principal', org, 'principal');
    const subjectTeachers = new Map<string, { teacher: UserRecord; load: number }>();
    for (const homeroom of this.homeroomsBySchool.get(org.id) ?? []) {
      const grade = Number(homeroom.grades[0]);
      const demoHomeroom = org.id === demo.teacher.primaryOrgId && homeroom.title === '7A';
      const classTeacher = demoHomeroom ? demo.teacher : this.staff('teacher', org, 'teacher');
      this.teacherOfClass.set(homeroom.id, classTeacher);
      this.enroll(classTeacher, homeroom, 'teacher', true);
      for (const group of this.groupsByHomeroom.get(homeroom.id) ?? []) {
        const code = group.subjectCodes[0] ?? '';
        let teacher: UserRecord;
        if (code === 'MA' && grade >= 7 && (org.id === demo.teacher.primaryOrgId || org.id === demo.sv.id)) {
          teacher = demo.teacher; // the demo teacher teaches maths in both schools
        } else if (grade <= 6 && ['MA', 'AI', 'MO', 'YM'].includes(code)) {
          teacher = classTeacher; // in grades 1-6 the class teacher teaches the core subjects
        } else {
          let slot = subjectTeachers.get(code);
          if (!slot || slot.load >= 12) {
            slot = { teacher: this.staff('teacher', org, 'teacher'), load: 0 };
            subjectTeachers.set(code, slot);
          }
          slot.load++;
          teacher = slot.teacher;
        }
        this.teacherOfClass.set(group.id, teacher);
        this.enroll(teacher, group, 'teacher', true);
      }
    }
  }

  private makeDemoFamily(main: OrgRecord, sv: OrgRecord): Family {
    const surname = this.rng.pick(SWEDISH.family);
    const family: Family = { lang: 'fi', surname, children: [], slots: 0 };
    const place = (org: OrgRecord, label: string) => {
      const homeroom = this.homeroomsBySchool.get(org.id)!.find((h) => h.title === label)!;
      const pupil = this.pupil(org, homeroom, family);
      return pupil;
    };
    place(main, '7A');
    place(sv, '3A');
    return family;
  }

  private pupil(org: OrgRecord, homeroom: ClassRecord, family: Family): UserRecord {
    const u = this.person('student', org.lang, false, org.id, 'student', family.surname);
    u.grades = [...homeroom.grades];
    u.homeroom = homeroom.title;
    this.seats.set(homeroom.id, (this.seats.get(homeroom.id) ?? 0) + 1);
    if (this.rng.chance(0.01)) u.nonDisclosure = true;
    family.children.push(u);
    this.enroll(u, homeroom, 'student', false);
    for (const group of this.groupsByHomeroom.get(homeroom.id) ?? []) this.enroll(u, group, 'student', false);
    return u;
  }

  private readonly families: Family[] = [];
  private readonly seats = new Map<string, number>();

  private makePupils(org: OrgRecord, plan: SchoolPlan): void {
    const open: Family[] = [];
    for (const homeroom of this.homeroomsBySchool.get(org.id) ?? []) {
      const size = this.rng.int(plan.classSize[0], plan.classSize[1]);
      // the demo family's children already have their seats
      for (let i = this.seats.get(homeroom.id) ?? 0; i < size; i++) {
        const grade = homeroom.grades[0];
        // siblings: join an open family whose children are in other grades
        let family: Family | undefined;
        if (open.length && this.rng.chance(0.4)) {
          const candidate = open[this.rng.int(0, open.length - 1)]!;
          if (!candidate.children.some((c) => c.grades[0] === grade)) family = candidate;
        }
        if (!family) {
          const lang: 'fi' | 'sv' = this.rng.chance(0.92) ? org.lang : org.lang === 'fi' ? 'sv' : 'fi';
          const pool = lang === 'fi' ? FINNISH : SWEDISH;
          family = {
            lang,
            surname: this.rng.pick(pool.family),
            children: [],
            slots: this.rng.pick([1, 1, 1, 2, 2, 3]),
          };
          this.families.push(family);
          if (family.slots > 1) open.push(family);
        }
        this.pupil(org, homeroom, family);
        if (family.children.length >= family.slots) {
          const at = open.indexOf(family);
          if (at >= 0) open.splice(at, 1);
        }
      }
    }
  }

  private makeGuardians(demoFamily: Family): void {
    for (const family of [demoFamily, ...this.families]) {
      const count = family === demoFamily || this.rng.chance(0.75) ? 2 : 1;
      const schools = [...new Set(family.children.map((c) => c.primaryOrgId))];
      for (let g = 0; g < count; g++) {
        // the second guardian often keeps their own surname
        const surname = g === 0 || this.rng.chance(0.6) ? family.surname : undefined;
        const guardian = this.person('guardian', family.lang, true, schools[0]!, 'guardian', surname);
        for (const orgId of schools.slice(1))
          guardian.roles.push({ roleType: 'primary', role: 'guardian', orgId });
        guardian.agentIds = family.children.map((c) => c.id);
        for (const child of family.children) child.agentIds.push(guardian.id);
        family.guardians ??= [];
        family.guardians.push(guardian);
      }
    }
  }

  private finishDemo(demo: DemoStaff, family: Family, main: OrgRecord): void {
    const [pupil, sibling] = family.children as [UserRecord, UserRecord];
    const guardian = family.guardians![0]!;
    const homerooms = this.homeroomsBySchool.get(main.id)!;
    const groupsOf = (label: string) =>
      this.groupsByHomeroom.get(homerooms.find((h) => h.title === label)!.id) ?? [];
    // the pupil left one group in September (an ended enrollment the picker must hide) ...
    const left = groupsOf('7B').find((g) => g.status === 'active' && !g.subjectCodes.includes('MA'));
    if (left) {
      const e = this.enroll(pupil, left, 'student', false);
      e.beginDate = this.yearStart;
      e.endDate = this.day(-30) < this.yearStart ? this.day(-1) : this.day(-30);
    }
    // ... and one of 7A's groups is being removed (tobedeleted) with its enrollments
    const removed = groupsOf('7A').find((g) => !g.subjectCodes.includes('MA'));
    if (removed) {
      removed.status = 'tobedeleted';
      for (const e of this.data.enrollments) if (e.classId === removed.id) e.status = 'tobedeleted';
    }
    // the substitute covers three groups of 8th grade for four weeks
    const sub = demo.substitute;
    const begin = this.day(-7);
    const end = this.day(21);
    sub.roles[0]!.beginDate = begin;
    sub.roles[0]!.endDate = end;
    for (const group of [...groupsOf('8A'), ...groupsOf('8B')]
      .filter((g) => g.status === 'active')
      .slice(0, 3)) {
      const e = this.enroll(sub, group, 'teacher', false);
      e.beginDate = begin;
      e.endDate = end;
    }
    const schoolName = (id: string) => this.data.orgs.find((o) => o.id === id)!.name;
    const demoUser = (key: DemoUser['key'], u: UserRecord, description: Names): DemoUser => ({
      key,
      id: u.id,
      displayName: `${u.givenName} ${u.familyName}`,
      role: u.kind,
      description,
      schools: [...new Set(u.roles.map((r) => schoolName(r.orgId)))],
    });
    const siblingSchool = schoolName(sibling.primaryOrgId);
    this.data.demoUsers.push(
      demoUser('pupil', pupil, {
        fi: `Oppilas, luokka ${pupil.homeroom}`,
        sv: `Elev, klass ${pupil.homeroom}`,
        en: `Pupil, class ${pupil.homeroom}`,
      }),
      demoUser('teacher', demo.teacher, {
        fi: 'Opettaja kahdessa koulussa, luokanvalvoja 7A',
        sv: 'Lärare i två skolor, klassföreståndare för 7A',
        en: 'Teacher in two schools, homeroom teacher of 7A',
      }),
      demoUser('substitute', sub, {
        fi: `Sijaisopettaja ${dates('fi-FI', begin, this.day(20))}`,
        sv: `Vikarierande lärare ${dates('sv-FI', begin, this.day(20))}`,
        en: `Substitute teacher ${dates('en-GB', begin, this.day(20))}`,
      }),
      demoUser('principal', demo.principal, { fi: 'Rehtori', sv: 'Rektor', en: 'Principal' }),
      demoUser('guardian', guardian, {
        fi: `Huoltaja: ${pupil.givenName} (${pupil.homeroom}) ja ${sibling.givenName} (${sibling.homeroom}, ${siblingSchool})`,
        sv: `Vårdnadshavare: ${pupil.givenName} (${pupil.homeroom}) och ${sibling.givenName} (${sibling.homeroom}, ${siblingSchool})`,
        en: `Guardian of ${pupil.givenName} (${pupil.homeroom}) and ${sibling.givenName} (${sibling.homeroom}, ${siblingSchool})`,
      }),
    );
  }

  private makeAdmin(): void {
    const district = this.data.district;
    const admin = this.staff('districtAdministrator', district, 'districtAdministrator');
    for (const c of this.data.classes) this.enroll(admin, c, 'administrator', false);
    // the small city has one too: someone to read the whole roster with (district-wide reach)
    const bench = this.scale > 0;
    this.data.demoUsers.push({
      key: 'admin',
      id: admin.id,
      displayName: `${admin.givenName} ${admin.familyName}`,
      role: 'districtAdministrator',
      description: {
        fi: `Opetustoimen pääkäyttäjä, kaikki ${this.data.classes.length} ryhmää${bench ? ' (suorituskykytestit)' : ''}`,
        sv: `Huvudanvändare, alla ${this.data.classes.length} grupper${bench ? ' (prestandatester)' : ''}`,
        en: `District administrator, all ${this.data.classes.length} groups${bench ? ' (benchmarks)' : ''}`,
      },
      schools: [district.name],
    });
  }

  private index(): void {
    const d = this.data;
    for (const o of d.orgs) d.byId.orgs.set(o.id, o);
    for (const s of d.sessions) d.byId.sessions.set(s.id, s);
    for (const c of d.courses) d.byId.courses.set(c.id, c);
    for (const c of d.classes) d.byId.classes.set(c.id, c);
    for (const u of d.users) d.byId.users.set(u.id, u);
    for (const e of d.enrollments) {
      d.byId.enrollments.set(e.id, e);
      push(d.enrollmentsByUser, e.userId, e);
      push(d.enrollmentsByClass, e.classId, e);
    }
  }
}

interface DemoStaff {
  teacher: UserRecord;
  substitute: UserRecord;
  principal: UserRecord;
  sv: OrgRecord;
}

interface Family {
  lang: 'fi' | 'sv';
  surname: string;
  children: UserRecord[];
  slots: number;
  guardians?: UserRecord[];
}

// a date range as people in each language write it, e.g. 21.11.2026–18.12.2026
function dates(locale: string, first: IsoDate, last: IsoDate): string {
  const f = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `${f.format(new Date(`${first}T00:00:00Z`))}–${f.format(new Date(`${last}T00:00:00Z`))}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The date of ISO weekday `dow` (1 = Monday) in ISO week `week` of `year`. */
function isoWeekday(year: number, week: number, dow: number): IsoDate {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = Date.UTC(year, 0, 4) - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(mondayOfWeek1 + ((week - 1) * 7 + (dow - 1)) * 86_400_000).toISOString().slice(0, 10);
}
