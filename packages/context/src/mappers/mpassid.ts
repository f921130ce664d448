/**
 * MPASSid attributes (OIDC claims or SAML attributes, same names) -> the context model.
 * Handles the structured role `providerOID;schoolCode;group;role` (data model 1.2+), the legacy
 * `municipality;schoolCode;group;role` (1.1), an optional trailing role code, and the multi-value
 * pairing rules for plain role/class values. Value order is not guaranteed, so nothing here
 * depends on it except where MPASSid's own pairing rule does.
 * @module
 */
import type { Organization, PlatformRole, RoleAssignment, User } from '../model.js';
import { defined, fail, obj, roleWords, some } from './read.js';

/** Attribute names, as MPASSid releases them. */
export const MPASS = {
  givenName: 'urn:oid:2.5.4.42',
  familyName: 'urn:oid:2.5.4.4',
  uid: 'urn:mpass.id:uid',
  learnerNumber: 'urn:oid:1.3.6.1.4.1.16161.1.1.27',
  schoolCode: 'urn:mpass.id:schoolCode',
  school: 'urn:mpass.id:school',
  schoolInfo: 'urn:mpass.id:schoolInfo',
  class: 'urn:mpass.id:class',
  classLevel: 'urn:mpass.id:classLevel',
  role: 'urn:mpass.id:role',
  educationProviderId: 'urn:mpass.id:educationProviderId',
  educationProviderInfo: 'urn:mpass.id:educationProviderInfo',
} as const;

/** Role names (fi, sv, en) and codes (1-6, sent since 1/2024) -> platform roles. */
const ROLE_WORDS = roleWords({
  student: '1 oppilas opiskelija elev studerande learner student',
  teacher: '2 opettaja lärare teacher',
  staff: '3 hallintohenkilö henkilökunta staff',
  schoolSecretary: '4 koulusihteeri skolsekreterare',
  substituteTeacher: '5 sijaisopettaja vikarie',
  principal: '6 rehtori rektor principal',
  // MPASSid has no guardian role; a home registry or the devkit may send this local extension.
  guardian: 'huoltaja vårdnadshavare guardian',
});

/** The result of mapping one set of MPASSid attributes. */
export interface MpassIdentity {
  user: User;
  organizations: Organization[];
}

/** Options for {@link fromMpassClaims}. */
export interface MpassOptions {
  /** Map a five-digit school code to the org id used elsewhere (default: the code itself). */
  orgIdForSchoolCode?: (schoolCode: string) => string;
  /** Require a learner number (MPASSid makes it mandatory for every user). Default true. */
  requireLearnerNumber?: boolean;
}

const SCHOOL_CODE = /^\d{5}$/;

/**
 * Map MPASSid claims to a {@link User} and the schools it refers to. Throws a {@link MappingError}
 * naming the attribute when the user cannot be signed in (no name, no learner number, no valid role).
 */
export function fromMpassClaims(claims: unknown, options: MpassOptions = {}): MpassIdentity {
  const c = obj(claims, 'claims');
  const orgId = options.orgIdForSchoolCode ?? ((code: string) => code);
  // the first value of the first of these attributes that has one
  const first = (...names: string[]) => names.flatMap((n) => values(c, n))[0];

  const givenName = first(MPASS.givenName, 'given_name');
  const familyName = first(MPASS.familyName, 'family_name');
  if (!givenName) fail(MPASS.givenName, 'is required (given name)');
  if (!familyName) fail(MPASS.familyName, 'is required (family name)');
  const uid = first(MPASS.uid);
  const sub = typeof c.sub === 'string' && c.sub ? c.sub : uid;
  if (!sub) fail('sub', `is required (or ${MPASS.uid})`);
  const learnerNumber = first(MPASS.learnerNumber);
  if (learnerNumber !== undefined && !/^1\.2\.246\.562\.(24|98)\.\d+$/.test(learnerNumber)) {
    fail(MPASS.learnerNumber, `is not a learner number (1.2.246.562.24.*): "${learnerNumber}"`);
  }
  if (!learnerNumber && options.requireLearnerNumber !== false)
    fail(MPASS.learnerNumber, 'is required (oppijanumero)');

  // schools: codes, plus names from schoolInfo "99900;Demolan koulu"
  const names = new Map<string, string>();
  for (const info of values(c, MPASS.schoolInfo)) {
    const [code, ...rest] = info.split(';');
    if (code && SCHOOL_CODE.test(code) && rest.length) names.set(code, rest.join(';').trim());
  }
  const plainCodes = values(c, MPASS.schoolCode).filter((x) => SCHOOL_CODE.test(x));
  const plainNames = values(c, MPASS.school);
  plainCodes.forEach((code, i) => {
    if (!names.has(code) && plainNames.length === plainCodes.length && plainNames[i])
      names.set(code, plainNames[i]!);
  });

  const roles: RoleAssignment[] = [];
  // the first role is the primary one
  const add = (role: PlatformRole, code: string, groupLabel?: string) =>
    roles.push(
      defined({ role, roleType: roles.length ? 'secondary' : 'primary', orgId: orgId(code), groupLabel }),
    );
  const rawRoles = values(c, MPASS.role);
  const structured = rawRoles.filter((r) => r.includes(';'));
  for (const r of structured) {
    const parts = r.split(';').map((p) => p.trim());
    if (parts.length < 4) continue;
    const [, schoolCode, group, word, code] = parts;
    const role = roleOf(code) ?? roleOf(word);
    // an invalid school code or role drops the role (as MPASSid itself does)
    if (!role || !schoolCode || !SCHOOL_CODE.test(schoolCode)) continue;
    add(role, schoolCode, group || undefined);
    if (!plainCodes.includes(schoolCode)) plainCodes.push(schoolCode);
  }
  if (!structured.length) {
    // legacy plain values: one role for all schools, or paired one-to-one with school codes
    const plain = rawRoles.map(roleOf).filter((r): r is PlatformRole => !!r);
    const classes = values(c, MPASS.class);
    if (plain.length === 1 || plain.length === plainCodes.length)
      plainCodes.forEach((code, i) =>
        add(
          plain[plain.length === 1 ? 0 : i]!,
          code,
          // a single class binds to the first school; otherwise classes pair with schools one-to-one
          classes.length === 1
            ? i === 0
              ? classes[0]
              : undefined
            : classes.length === plainCodes.length
              ? classes[plainCodes.indexOf(code)]
              : undefined,
        ),
      );
  }
  if (!roles.length) fail(MPASS.role, 'no valid role with a school code');

  const organizations: Organization[] = plainCodes.map((code) => ({
    id: orgId(code),
    type: 'school',
    name: { fi: names.get(code) ?? code },
    schoolCode: code,
  }));

  const restricted = defined({ learnerNumber, mpassUid: uid, email: first('email') });
  const user = defined<User>({
    id: sub,
    givenName,
    familyName,
    displayName: `${givenName} ${familyName}`,
    roles,
    enabled: true,
    primaryOrgId: roles[0]!.orgId,
    grades: some(values(c, MPASS.classLevel)),
    restricted: Object.keys(restricted).length ? restricted : undefined,
  });
  return { user, organizations };
}

// every caller passes a value already trimmed (values() and the split role parts)
function roleOf(word: string | undefined): PlatformRole | undefined {
  return ROLE_WORDS.get(word?.toLowerCase());
}

// MPASSid attributes are mostly multi-valued: accept a string, an array of strings, or nothing.
function values(c: Record<string, unknown>, name: string): string[] {
  // [v].flat(): a string is one value, an array its values; anything else is no string and drops
  return [c[name]]
    .flat()
    .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
    .map((x) => x.trim());
}
