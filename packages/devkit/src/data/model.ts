/**
 * The devkit's generated demo data: records shaped close to OneRoster 1.2 so the REST layer only
 * adds `href`s and string booleans. Ids are opaque sourcedIds without personal data.
 * @module
 */
import type { IsoDate, IsoDateTime, PlatformRole } from '@digione/context';

/** Text in the three UI languages. */
export interface Names {
  fi: string;
  sv: string;
  en: string;
}

/** `active` or `tobedeleted`, as OneRoster. */
export type Status = 'active' | 'tobedeleted';

/** An organisation: the city (education provider) or a school. */
export interface OrgRecord {
  id: string;
  status: Status;
  modified: IsoDateTime;
  type: 'district' | 'school';
  /** The name in the organisation's own language. */
  name: string;
  names: Names;
  /** OneRoster identifier: the 5-digit school code, or the provider's OPH OID. */
  identifier: string;
  schoolCode?: string;
  ophOid?: string;
  /** Teaching language of a school. */
  lang: 'fi' | 'sv';
  parentId?: string;
  childIds: string[];
  /** Grades taught, for schools. */
  grades: number[];
}

/** A school year or term. */
export interface SessionRecord {
  id: string;
  status: Status;
  modified: IsoDateTime;
  type: 'schoolYear' | 'term';
  title: string;
  names: Names;
  startDate: IsoDate;
  /** Exclusive, as OneRoster. */
  endDate: IsoDate;
  /** The ending year. */
  schoolYear: string;
  parentId?: string;
  childIds: string[];
}

/** A course: the curriculum a class follows (OneRoster requires every class to have one). */
export interface CourseRecord {
  id: string;
  status: Status;
  modified: IsoDateTime;
  title: string;
  code: string;
  schoolId: string;
  schoolYearId: string;
  grades: string[];
  subjects: string[];
  subjectCodes: string[];
}

/** A homeroom or a teaching group. */
export interface ClassRecord {
  id: string;
  status: Status;
  modified: IsoDateTime;
  title: string;
  code: string;
  type: 'homeroom' | 'scheduled';
  courseId: string;
  schoolId: string;
  termIds: string[];
  grades: string[];
  subjects: string[];
  subjectCodes: string[];
  location?: string;
}

/** One OneRoster role of a user. */
export interface RoleRecord {
  roleType: 'primary' | 'secondary';
  /** OneRoster role, `ext:` values included. */
  role: string;
  orgId: string;
  beginDate?: IsoDate;
  endDate?: IsoDate;
}

/** A person. */
export interface UserRecord {
  id: string;
  status: Status;
  modified: IsoDateTime;
  enabled: boolean;
  givenName: string;
  familyName: string;
  preferredFirstName?: string;
  /** The platform role this person mainly acts in. */
  kind: PlatformRole;
  roles: RoleRecord[];
  primaryOrgId: string;
  grades: string[];
  /** Guardians of a pupil, children of a guardian (OneRoster `agents`). */
  agentIds: string[];
  email?: string;
  /** Test oppijanumero, `1.2.246.562.98.*`. */
  learnerNumber: string;
  /** MPASSid `urn:mpass.id:uid`. */
  mpassUid: string;
  /** Preferred UI language. */
  lang: 'fi' | 'sv';
  /** turvakielto: school and location must not be shown in shared views. */
  nonDisclosure?: boolean;
  /** Homeroom label for pupils (MPASSid `class`), e.g. `7A`. */
  homeroom?: string;
}

/** A user's place in a class. */
export interface EnrollmentRecord {
  id: string;
  status: Status;
  modified: IsoDateTime;
  userId: string;
  classId: string;
  schoolId: string;
  role: 'student' | 'teacher' | 'administrator';
  primary: boolean;
  beginDate?: IsoDate;
  /** Exclusive. */
  endDate?: IsoDate;
}

/** Which demo login this is. */
export type DemoUserKey = 'pupil' | 'teacher' | 'substitute' | 'principal' | 'guardian' | 'admin';

/** A demo login listed on the sign-in page. */
export interface DemoUser {
  key: DemoUserKey;
  /** The user's sourcedId, also the OIDC `sub`. */
  id: string;
  displayName: string;
  role: PlatformRole;
  /** What to pick this user for, per UI language. */
  description: Names;
  /** The schools, in their own languages. */
  schools: string[];
}

/** Everything the devkit serves, generated from a seed. */
export interface DemoData {
  seed: string;
  /** 0 for the small demo city; otherwise the large-city factor (1 = 10,000 groups, 100,000 users). */
  scale: number;
  /** The day the data was generated for (Helsinki), `YYYY-MM-DD`. */
  today: IsoDate;
  city: Names;
  district: OrgRecord;
  orgs: OrgRecord[];
  sessions: SessionRecord[];
  courses: CourseRecord[];
  classes: ClassRecord[];
  users: UserRecord[];
  enrollments: EnrollmentRecord[];
  demoUsers: DemoUser[];
  byId: {
    orgs: Map<string, OrgRecord>;
    sessions: Map<string, SessionRecord>;
    courses: Map<string, CourseRecord>;
    classes: Map<string, ClassRecord>;
    users: Map<string, UserRecord>;
    enrollments: Map<string, EnrollmentRecord>;
  };
  enrollmentsByUser: Map<string, EnrollmentRecord[]>;
  enrollmentsByClass: Map<string, EnrollmentRecord[]>;
}
