// ID token claims for a demo user, named as MPASSid releases them (data model 1.2+, role codes
// since 1/2024), so `fromMpassClaims` in @digione/context reads them as it would the real thing.
import type { DemoData, UserRecord } from './data/model.js';

/** Claim names beyond the OIDC standard ones. */
export const CLAIMS = {
  uid: 'urn:mpass.id:uid',
  learnerNumber: 'urn:oid:1.3.6.1.4.1.16161.1.1.27',
  role: 'urn:mpass.id:role',
  schoolInfo: 'urn:mpass.id:schoolInfo',
  classLevel: 'urn:mpass.id:classLevel',
  /** Local extension: a guardian's children (OneRoster sourcedIds). */
  children: 'https://digione.fi/claims/children',
} as const;

/** Every claim the `profile` scope releases. */
export const PROFILE_CLAIMS = [
  'given_name',
  'family_name',
  'name',
  'locale',
  CLAIMS.uid,
  CLAIMS.learnerNumber,
  CLAIMS.role,
  CLAIMS.schoolInfo,
  CLAIMS.classLevel,
  CLAIMS.children,
];

// MPASSid role words as a Finnish or Swedish home registry sends them, and the role codes
const ROLE_WORDS: Record<string, { fi: string; sv: string; code?: string }> = {
  student: { fi: 'Oppilas', sv: 'Elev', code: '1' },
  teacher: { fi: 'Opettaja', sv: 'Lärare', code: '2' },
  districtAdministrator: { fi: 'Hallintohenkilö', sv: 'Hallintohenkilö', code: '3' },
  'ext:substituteTeacher': { fi: 'Sijaisopettaja', sv: 'Vikarie', code: '5' },
  principal: { fi: 'Rehtori', sv: 'Rektor', code: '6' },
  // MPASSid has no guardian role: a local extension without a code
  guardian: { fi: 'Huoltaja', sv: 'Huoltaja' },
};

/** The claims of one user. */
export function claimsFor(data: DemoData, u: UserRecord): Record<string, unknown> {
  const provider = data.district.ophOid ?? '';
  const roles: string[] = [];
  const schools = new Map<string, string>();
  for (const r of u.roles) {
    const word = ROLE_WORDS[r.role];
    if (!word) continue;
    const org = data.byId.orgs.get(r.orgId);
    // a role at the city level applies at every school (MPASSid roles always name a school)
    const targets = org?.type === 'school' ? [org] : data.orgs.filter((o) => o.type === 'school');
    for (const school of targets) {
      if (!school.schoolCode) continue;
      schools.set(school.schoolCode, school.name);
      const group = groupLabel(data, u, r.role, school.id);
      const parts = [provider, school.schoolCode, group, school.lang === 'sv' ? word.sv : word.fi];
      if (word.code) parts.push(word.code);
      roles.push(parts.join(';'));
    }
  }
  const claims: Record<string, unknown> = {
    sub: u.id,
    given_name: u.givenName,
    family_name: u.familyName,
    name: `${u.givenName} ${u.familyName}`,
    locale: u.lang === 'sv' ? 'sv-FI' : 'fi-FI',
    [CLAIMS.uid]: u.mpassUid,
    [CLAIMS.learnerNumber]: u.learnerNumber,
    [CLAIMS.role]: roles,
    [CLAIMS.schoolInfo]: [...schools].map(([code, name]) => `${code};${name}`),
  };
  if (u.grades.length) claims[CLAIMS.classLevel] = u.grades;
  if (u.kind === 'guardian') claims[CLAIMS.children] = [...u.agentIds];
  return claims;
}

// the MPASSid group part: a pupil's homeroom; a teacher's own homeroom at that school; a
// guardian's child's homeroom there
function groupLabel(data: DemoData, u: UserRecord, role: string, schoolId: string): string {
  if (role === 'student') return u.homeroom ?? '';
  if (role === 'guardian') {
    const child = u.agentIds.map((id) => data.byId.users.get(id)).find((c) => c?.primaryOrgId === schoolId);
    return child?.homeroom ?? '';
  }
  if (role === 'teacher') {
    for (const e of data.enrollmentsByUser.get(u.id) ?? []) {
      const c = data.byId.classes.get(e.classId);
      if (c && c.type === 'homeroom' && c.schoolId === schoolId && e.role === 'teacher') return c.title;
    }
  }
  return '';
}
