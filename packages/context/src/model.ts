/**
 * The shared context model (DOMAIN.md section 7). Keyed on OneRoster sourcedIds; mapping notes
 * name the OneRoster (OR), LTI and MPASSid (MP) fields each property comes from.
 * @module
 */

/** `YYYY-MM-DD` (OneRoster Date). */
export type IsoDate = string;
/** ISO 8601 UTC with `Z` (OneRoster DateTime). */
export type IsoDateTime = string;
/** Languages the platform is structured for; the UI ships fi, sv and en. */
export type Lang = 'fi' | 'sv' | 'en' | 'se' | 'smn' | 'sms';
/** The languages the elements speak today. */
export type UiLang = 'fi' | 'sv' | 'en';
/** Text in several languages (OPH koodisto `metadata[].nimi` by `kieli`). */
export type LocalizedText = Partial<Record<Lang, string>>;

/** The message language and the formatting locale, kept apart (Sámi has no ICU data of its own). */
export interface Locale {
  /** LTI `launch_presentation.locale`, OIDC `locale`. */
  ui: `${Lang}-FI` | 'en';
  /** Tag given to Intl, e.g. `sms-FI` formats as `fi-FI`. */
  formatting: string;
  /** Message lookup chain, e.g. `['sms-FI', 'se-FI', 'fi-FI', 'en']`. */
  fallbacks: string[];
  /** Always `Europe/Helsinki` for display. */
  timeZone: string;
}

/** Roles a person can act in on the platform. */
export type PlatformRole =
  | 'student'
  | 'teacher'
  | 'substituteTeacher'
  | 'principal'
  | 'schoolSecretary'
  | 'staff'
  | 'guardian'
  | 'aide'
  | 'counselor'
  | 'districtAdministrator';

/** One role of a user at one organisation (OR `roles[]`, MP `urn:mpass.id:role`). */
export interface RoleAssignment {
  role: PlatformRole;
  roleType: 'primary' | 'secondary';
  /** OR `roles[].org.sourcedId`; from MPASSid, the school code's org id. */
  orgId: string;
  /** MP role part 3 (`7B`); display only. */
  groupLabel?: string;
  beginDate?: IsoDate;
  /** Exclusive, as in OneRoster. */
  endDate?: IsoDate;
}

/** The signed-in person. Host-internal: plugins never see it, only a {@link PluginContext}. */
export interface User {
  /** OR sourcedId; never PII, never given to vendors. */
  id: string;
  givenName: string;
  familyName: string;
  preferredFirstName?: string;
  displayName: string;
  roles: RoleAssignment[];
  primaryOrgId?: string;
  grades?: string[];
  enabled: boolean;
  /** Guardian <-> pupil links (OR `agents`). */
  agentIds?: string[];
  /** Host-only data, released per vendor only under a DPA-backed grant. */
  restricted?: {
    learnerNumber?: string;
    mpassUid?: string;
    email?: string;
    /** turvakielto: suppress school and location in shared views. */
    nonDisclosure?: boolean;
  };
}

/** An education provider, school or site. */
export interface Organization {
  id: string;
  type: 'educationProvider' | 'school' | 'site';
  name: LocalizedText;
  /** Five-digit oppilaitosnumero. */
  schoolCode?: string;
  ophOid?: string;
  municipalityCode?: string;
  parentId?: string;
  teachingLanguages?: Lang[];
  learningMaterialsCharge?: 0 | 1;
}

/** A class or teaching group: the class picker's item and the LTI context. */
export interface Group {
  id: string;
  title: string;
  code?: string;
  kind: 'homeroom' | 'teachingGroup';
  schoolId: string;
  courseId?: string;
  subjects?: string[];
  subjectCodes?: string[];
  grades?: string[];
  /** OR `terms[]`, at least one. */
  sessionIds: string[];
  myRole?: 'teacher' | 'student' | 'administrator' | 'proctor';
  isPrimaryTeacher?: boolean;
  status: 'active' | 'tobedeleted';
  lastModified: IsoDateTime;
}

/** A school year, semester, term or grading period. */
export interface AcademicSession {
  id: string;
  title: string;
  type: 'schoolYear' | 'semester' | 'term' | 'gradingPeriod';
  startDate: IsoDate;
  /** Exclusive. */
  endDate: IsoDate;
  /** The ending year, `YYYY`. */
  schoolYear: string;
  parentId?: string;
}

/** Visual preferences, handed to plugins as well. */
export interface Theme {
  colorScheme: 'light' | 'dark' | 'system';
  contrast: 'normal' | 'more' | 'forced';
  reducedMotion: boolean;
  /** 1.0 = 100 %. */
  fontScale: number;
  /** A city brand: its id and token overrides. */
  brand?: { municipalityId: string; tokens: Record<string, string> };
}

/** Severity of a notification; `error` is announced assertively. */
export type Severity = 'info' | 'success' | 'warning' | 'error';

/** A notification from the platform or from a plugin. */
export interface Notification {
  id: string;
  source: { pluginId: string; vendorName: string; icon?: string };
  severity: Severity;
  title: LocalizedText;
  body?: LocalizedText;
  count?: number;
  groupId?: string;
  /** An action link: a plugin and a path inside it, or an https URL. */
  link?: { pluginId?: string; path?: string; href?: string };
  createdAt: IsoDateTime;
  readAt?: IsoDateTime;
  /** Default true: hide on shared screens and in previews. */
  containsPersonalData: boolean;
}

/** Where the sign-in stands. */
export type AuthStatus = 'unknown' | 'signed-out' | 'signing-in' | 'signed-in' | 'error';

/** A sign-in problem, in codes the login bar turns into words a pupil understands. */
export interface AuthError {
  code: 'rejected' | 'expired' | 'missing-role' | 'missing-learner-number' | 'network' | 'unknown';
  message?: string;
}

/** Everything the widgets share through the {@link ContextStore}. */
export interface PlatformContext {
  auth: { status: AuthStatus; error?: AuthError };
  user: User | null;
  /** The role the user acts in now; one of `user.roles`. */
  activeRole: RoleAssignment | null;
  /** Organisations known by id (schools of the user's roles, at least). */
  organizations: Record<string, Organization>;
  /** For a guardian: the pupil whose groups are shown. */
  activeChildId: string | null;
  activeGroup: Group | null;
  locale: Locale;
  theme: Theme;
}
