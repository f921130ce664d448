/**
 * OneRoster 1.2 rostering JSON -> the context model. Each mapper returns a whole object or throws a
 * {@link MappingError} naming the field; enumerations accept `ext:*` values where OneRoster does.
 * @module
 */
import type {
  AcademicSession,
  Group,
  IsoDate,
  Organization,
  PlatformRole,
  RoleAssignment,
  User,
} from '../model.js';
import { MappingError } from '../errors.js';
import { arr, bool, date, dateTime, obj, oneOf, optStr, ref, str, strArr, type Json } from './read.js';

const STATUS = ['active', 'tobedeleted'] as const;

/** OneRoster role -> platform role; `ext:` roles used by Finnish feeds map too. */
const OR_ROLES: Record<string, PlatformRole> = {
  student: 'student',
  teacher: 'teacher',
  principal: 'principal',
  guardian: 'guardian',
  parent: 'guardian',
  relative: 'guardian',
  aide: 'aide',
  counselor: 'counselor',
  districtAdministrator: 'districtAdministrator',
  siteAdministrator: 'staff',
  systemAdministrator: 'staff',
  proctor: 'staff',
  'ext:staff': 'staff',
  'ext:schoolSecretary': 'schoolSecretary',
  'ext:substituteTeacher': 'substituteTeacher',
};

/** OneRoster `user` -> {@link User}. Unknown roles are dropped (not guessed). */
export function fromOneRosterUser(input: unknown, path = 'user'): User {
  const o = obj(input, path);
  const id = str(o, 'sourcedId', path);
  const givenName = str(o, 'givenName', path);
  const familyName = str(o, 'familyName', path);
  const enabled = bool(o, 'enabledUser', path);
  const roles: RoleAssignment[] = [];
  arr(o, 'roles', path, true).forEach((r, i) => {
    const p = `${path}.roles[${i}]`;
    const ro = obj(r, p);
    const orRole = str(ro, 'role', p);
    // own keys only: a feed's role "constructor" or "__proto__" is no role
    const role = Object.hasOwn(OR_ROLES, orRole) ? OR_ROLES[orRole] : undefined;
    const roleType = oneOf(ro, 'roleType', p, ['primary', 'secondary'] as const);
    const orgId = ref(ro, 'org', p);
    if (!role) return;
    const a: RoleAssignment = { role, roleType, orgId };
    const b = date(ro, 'beginDate', p);
    const e = date(ro, 'endDate', p);
    if (b) a.beginDate = b;
    if (e) a.endDate = e;
    roles.push(a);
  });
  const preferred = optStr(o, 'preferredFirstName', path);
  const user: User = {
    id,
    givenName,
    familyName,
    displayName: `${preferred ?? givenName} ${familyName}`,
    roles,
    enabled,
  };
  if (preferred) user.preferredFirstName = preferred;
  if (o.primaryOrg !== undefined && o.primaryOrg !== null) user.primaryOrgId = ref(o, 'primaryOrg', path);
  const grades = strArr(o, 'grades', path);
  if (grades?.length) user.grades = grades;
  const agents = arr(o, 'agents', path).map((a, i) =>
    str(obj(a, `${path}.agents[${i}]`), 'sourcedId', `${path}.agents[${i}]`),
  );
  if (agents.length) user.agentIds = agents;
  const restricted: NonNullable<User['restricted']> = {};
  const email = optStr(o, 'email', path);
  if (email) restricted.email = email;
  arr(o, 'userIds', path).forEach((u, i) => {
    const p = `${path}.userIds[${i}]`;
    const uo = obj(u, p);
    const type = str(uo, 'type', p).toLowerCase();
    if (type === 'oppijanumero' || type === 'learnernumber')
      restricted.learnerNumber = str(uo, 'identifier', p);
    if (type === 'mpassid') restricted.mpassUid = str(uo, 'identifier', p);
  });
  const meta = o.metadata;
  if (meta && typeof meta === 'object' && (meta as Json).turvakielto === true)
    restricted.nonDisclosure = true;
  if (Object.keys(restricted).length) user.restricted = restricted;
  return user;
}

/** OneRoster `org` -> {@link Organization}. */
export function fromOneRosterOrg(input: unknown, path = 'org'): Organization {
  const o = obj(input, path);
  const id = str(o, 'sourcedId', path);
  const name = str(o, 'name', path);
  const orType = str(o, 'type', path);
  const type: Organization['type'] =
    orType === 'school'
      ? 'school'
      : orType === 'district' || orType === 'local'
        ? 'educationProvider'
        : orType === 'ext:site'
          ? 'site'
          : 'educationProvider';
  const identifier = optStr(o, 'identifier', path);
  const org: Organization = { id, type, name: localizedName(o, name) };
  if (identifier && /^\d{5}$/.test(identifier)) org.schoolCode = identifier;
  else if (identifier && /^1\.2\.246\.562\.10\./.test(identifier)) org.ophOid = identifier;
  if (o.parent !== undefined && o.parent !== null) org.parentId = ref(o, 'parent', path);
  const langs = (o.metadata as Json | undefined)?.teachingLanguages;
  if (Array.isArray(langs))
    org.teachingLanguages = langs.filter((l): l is 'fi' | 'sv' => l === 'fi' || l === 'sv');
  return org;
}

// OneRoster has one name; Finnish feeds carry the other languages in metadata (koodisto names).
function localizedName(o: Json, name: string): Organization['name'] {
  const m = o.metadata as Json | undefined;
  const names = m && typeof m.names === 'object' && m.names ? (m.names as Json) : {};
  const out: Organization['name'] = { fi: name };
  for (const l of ['fi', 'sv', 'en'] as const) if (typeof names[l] === 'string') out[l] = names[l] as string;
  return out;
}

/** OneRoster `academicSession` -> {@link AcademicSession}. */
export function fromOneRosterAcademicSession(input: unknown, path = 'academicSession'): AcademicSession {
  const o = obj(input, path);
  const s: AcademicSession = {
    id: str(o, 'sourcedId', path),
    title: str(o, 'title', path),
    type: oneOf(o, 'type', path, ['schoolYear', 'semester', 'term', 'gradingPeriod'] as const),
    startDate: date(o, 'startDate', path, true),
    endDate: date(o, 'endDate', path, true),
    schoolYear: str(o, 'schoolYear', path),
  };
  if (!/^\d{4}$/.test(s.schoolYear))
    throw new MappingError(`${path}.schoolYear`, 'expected a year YYYY (the ending year)');
  if (s.endDate <= s.startDate)
    throw new MappingError(`${path}.endDate`, 'must be after startDate (it is exclusive)');
  if (o.parent !== undefined && o.parent !== null) s.parentId = ref(o, 'parent', path);
  return s;
}

/** OneRoster `class` -> {@link Group}. `myRole` comes from an enrollment, see {@link applyEnrollment}. */
export function fromOneRosterClass(input: unknown, path = 'class'): Group {
  const o = obj(input, path);
  const terms = arr(o, 'terms', path, true);
  if (!terms.length) throw new MappingError(`${path}.terms`, 'needs at least one term');
  const classType = optStr(o, 'classType', path);
  const g: Group = {
    id: str(o, 'sourcedId', path),
    title: str(o, 'title', path),
    kind: classType === 'homeroom' ? 'homeroom' : 'teachingGroup',
    schoolId: ref(o, 'school', path),
    courseId: ref(o, 'course', path),
    sessionIds: terms.map((t, i) => str(obj(t, `${path}.terms[${i}]`), 'sourcedId', `${path}.terms[${i}]`)),
    status: oneOf(o, 'status', path, STATUS),
    lastModified: dateTime(o, 'dateLastModified', path),
  };
  if (
    classType !== undefined &&
    classType !== 'homeroom' &&
    classType !== 'scheduled' &&
    !classType.startsWith('ext:')
  ) {
    throw new MappingError(`${path}.classType`, `expected homeroom, scheduled or ext:*, got "${classType}"`);
  }
  const code = optStr(o, 'classCode', path);
  if (code) g.code = code;
  const subjects = strArr(o, 'subjects', path);
  if (subjects?.length) g.subjects = subjects;
  const subjectCodes = strArr(o, 'subjectCodes', path);
  if (subjectCodes?.length) g.subjectCodes = subjectCodes;
  const grades = strArr(o, 'grades', path);
  if (grades?.length) g.grades = grades;
  return g;
}

/** A OneRoster enrollment reduced to what the picker needs. */
export interface EnrollmentInfo {
  id: string;
  userId: string;
  classId: string;
  schoolId: string;
  role: 'administrator' | 'proctor' | 'student' | 'teacher';
  primary: boolean;
  status: 'active' | 'tobedeleted';
  beginDate?: IsoDate;
  endDate?: IsoDate;
}

/** OneRoster `enrollment` -> {@link EnrollmentInfo}. */
export function fromOneRosterEnrollment(input: unknown, path = 'enrollment'): EnrollmentInfo {
  const o = obj(input, path);
  const e: EnrollmentInfo = {
    id: str(o, 'sourcedId', path),
    userId: ref(o, 'user', path),
    classId: ref(o, 'class', path),
    schoolId: ref(o, 'school', path),
    role: oneOf(o, 'role', path, ['administrator', 'proctor', 'student', 'teacher'] as const),
    primary: o.primary === undefined ? false : bool(o, 'primary', path),
    status: oneOf(o, 'status', path, STATUS),
  };
  const b = date(o, 'beginDate', path);
  const en = date(o, 'endDate', path);
  if (b) e.beginDate = b;
  if (en) e.endDate = en;
  return e;
}

/**
 * Whether a OneRoster date range holds on `today` (YYYY-MM-DD, Helsinki): begin inclusive,
 * end **exclusive**.
 */
export function isCurrent(range: { beginDate?: IsoDate; endDate?: IsoDate }, today: IsoDate): boolean {
  if (range.beginDate && today < range.beginDate) return false;
  if (range.endDate && today >= range.endDate) return false;
  return true;
}

/** Today's date in Helsinki as YYYY-MM-DD (dates are compared as Helsinki calendar days). */
export function helsinkiToday(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Helsinki',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Copy a group with the user's enrollment role applied. */
export function applyEnrollment(group: Group, e: EnrollmentInfo): Group {
  return { ...group, myRole: e.role, isPrimaryTeacher: e.role === 'teacher' ? e.primary : false };
}
