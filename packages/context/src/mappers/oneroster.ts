/**
 * OneRoster 1.2 rostering JSON -> the context model. Each mapper returns a whole object or throws a
 * {@link MappingError} naming the field; enumerations accept `ext:*` values where OneRoster does.
 * @module
 */
import type { AcademicSession, Group, IsoDate, Organization, RoleAssignment, User } from '../model.js';
import {
  arr,
  bool,
  date,
  dateTime,
  defined,
  fail,
  ids,
  obj,
  oneOf,
  optStr,
  ref,
  roleWords,
  some,
  str,
  strArr,
  type Json,
} from './read.js';
import { TIME_ZONE } from '../locale.js';

const STATUS = ['active', 'tobedeleted'] as const;

/** OneRoster role -> platform role; `ext:` roles used by Finnish feeds map too. */
const OR_ROLES = roleWords({
  student: 'student',
  teacher: 'teacher',
  principal: 'principal',
  guardian: 'guardian parent relative',
  aide: 'aide',
  counselor: 'counselor',
  districtAdministrator: 'districtAdministrator',
  staff: 'siteAdministrator systemAdministrator proctor ext:staff',
  schoolSecretary: 'ext:schoolSecretary',
  substituteTeacher: 'ext:substituteTeacher',
});

// A OneRoster date range (begin inclusive, end exclusive), each end optional.
const range = (o: Json, path: string) => ({
  beginDate: date(o, 'beginDate', path),
  endDate: date(o, 'endDate', path),
});

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
    const role = OR_ROLES.get(orRole);
    const roleType = oneOf(ro, 'roleType', p, ['primary', 'secondary'] as const);
    const orgId = ref(ro, 'org', p);
    // an unknown role is dropped before its dates are read
    if (role) roles.push(defined({ role, roleType, orgId, ...range(ro, p) }));
  });
  const preferred = optStr(o, 'preferredFirstName', path);
  const user = defined<User>({
    id,
    givenName,
    familyName,
    displayName: `${preferred ?? givenName} ${familyName}`,
    roles,
    enabled,
    preferredFirstName: preferred,
    primaryOrgId: ref(o, 'primaryOrg', path, true),
    grades: strArr(o, 'grades', path),
    agentIds: some(ids(arr(o, 'agents', path), `${path}.agents`)),
  });
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
  // a primitive metadata has no turvakielto either
  if ((o.metadata as Json | undefined)?.turvakielto === true) restricted.nonDisclosure = true;
  if (Object.keys(restricted).length) user.restricted = restricted;
  return user;
}

/** OneRoster `org` -> {@link Organization}. */
export function fromOneRosterOrg(input: unknown, path = 'org'): Organization {
  const o = obj(input, path);
  const id = str(o, 'sourcedId', path);
  const name = str(o, 'name', path);
  const orType = str(o, 'type', path);
  const identifier = optStr(o, 'identifier', path) ?? '';
  const meta = o.metadata as Json | undefined;
  const langs = meta?.teachingLanguages;
  return defined<Organization>({
    id,
    // district and local (and anything unknown) are education providers
    type: orType === 'school' ? 'school' : orType === 'ext:site' ? 'site' : 'educationProvider',
    name: localizedName(meta, name),
    schoolCode: /^\d{5}$/.test(identifier) ? identifier : undefined,
    ophOid: /^1\.2\.246\.562\.10\./.test(identifier) ? identifier : undefined,
    parentId: ref(o, 'parent', path, true),
    teachingLanguages: Array.isArray(langs)
      ? langs.filter((l): l is 'fi' | 'sv' => l === 'fi' || l === 'sv')
      : undefined,
  });
}

// OneRoster has one name; Finnish feeds carry the other languages in metadata (koodisto names).
function localizedName(m: Json | undefined, name: string): Organization['name'] {
  // a missing or primitive names has no string under any language
  const names = m?.names as Json | undefined;
  const out: Organization['name'] = { fi: name };
  for (const l of ['fi', 'sv', 'en'] as const)
    if (typeof names?.[l] === 'string') out[l] = names[l] as string;
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
  if (!/^\d{4}$/.test(s.schoolYear)) fail(`${path}.schoolYear`, 'expected a year YYYY (the ending year)');
  if (s.endDate <= s.startDate) fail(`${path}.endDate`, 'must be after startDate (it is exclusive)');
  return defined({ ...s, parentId: ref(o, 'parent', path, true) });
}

/** OneRoster `class` -> {@link Group}. `myRole` comes from an enrollment, see {@link applyEnrollment}. */
export function fromOneRosterClass(input: unknown, path = 'class'): Group {
  const o = obj(input, path);
  const terms = arr(o, 'terms', path, true);
  if (!terms.length) fail(`${path}.terms`, 'needs at least one term');
  const classType = optStr(o, 'classType', path);
  const g: Group = {
    id: str(o, 'sourcedId', path),
    title: str(o, 'title', path),
    kind: classType === 'homeroom' ? 'homeroom' : 'teachingGroup',
    schoolId: ref(o, 'school', path),
    courseId: ref(o, 'course', path),
    sessionIds: ids(terms, `${path}.terms`),
    status: oneOf(o, 'status', path, STATUS),
    lastModified: dateTime(o, 'dateLastModified', path),
  };
  if (classType && classType !== 'homeroom' && classType !== 'scheduled' && !classType.startsWith('ext:')) {
    fail(`${path}.classType`, `expected homeroom, scheduled or ext:*, got "${classType}"`);
  }
  return defined({
    ...g,
    code: optStr(o, 'classCode', path),
    subjects: strArr(o, 'subjects', path),
    subjectCodes: strArr(o, 'subjectCodes', path),
    grades: strArr(o, 'grades', path),
  });
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
  return defined({
    id: str(o, 'sourcedId', path),
    userId: ref(o, 'user', path),
    classId: ref(o, 'class', path),
    schoolId: ref(o, 'school', path),
    role: oneOf(o, 'role', path, ['administrator', 'proctor', 'student', 'teacher'] as const),
    primary: o.primary === undefined ? false : bool(o, 'primary', path),
    status: oneOf(o, 'status', path, STATUS),
    ...range(o, path),
  });
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
  // Swedish writes a numeric date as YYYY-MM-DD (CLDR's sv yMd pattern pads month and day)
  return now.toLocaleDateString('sv-SE', { timeZone: TIME_ZONE });
}

/** Copy a group with the user's enrollment role applied. */
export function applyEnrollment(group: Group, e: EnrollmentInfo): Group {
  return { ...group, myRole: e.role, isPrimaryTeacher: e.role === 'teacher' ? e.primary : false };
}
