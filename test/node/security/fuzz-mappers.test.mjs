// Fuzzing the OneRoster 1.2 and MPASSid mappers of @digione/context: whatever a roster feed or an
// identity provider sends, a mapper returns a whole, well-typed object or throws a MappingError
// naming the field; never another exception, never an object with a role that is no role.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anyValue, fc, holds, loadSource, nastyString } from './support.mjs';

const ctx = await loadSource('packages/context/src/index.ts');
const fx = await loadSource('packages/context/test/fixtures/oneroster.ts');
const { MappingError, MPASS } = ctx;

const ROLES = [
  'student',
  'teacher',
  'substituteTeacher',
  'principal',
  'schoolSecretary',
  'staff',
  'guardian',
  'aide',
  'counselor',
  'districtAdministrator',
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const nonEmpty = (s) => typeof s == 'string' && s.trim().length > 0;
const strings = (a) => a === undefined || (Array.isArray(a) && a.every((x) => typeof x == 'string'));

function assertRole(a) {
  assert.ok(ROLES.includes(a.role), `role ${String(a.role)} is no platform role`);
  assert.ok(a.roleType === 'primary' || a.roleType === 'secondary');
  assert.ok(nonEmpty(a.orgId), 'orgId');
  for (const d of [a.beginDate, a.endDate]) assert.ok(d === undefined || DATE.test(d));
}
function assertUser(u) {
  for (const k of ['id', 'givenName', 'familyName', 'displayName']) assert.ok(nonEmpty(u[k]), k);
  assert.equal(typeof u.enabled, 'boolean');
  assert.ok(Array.isArray(u.roles));
  u.roles.forEach(assertRole);
  assert.ok(strings(u.grades) && strings(u.agentIds));
  assert.ok(u.primaryOrgId === undefined || nonEmpty(u.primaryOrgId));
  for (const v of Object.values(u.restricted ?? {})) assert.ok(typeof v == 'string' || v === true);
}
function assertOrg(o) {
  assert.ok(nonEmpty(o.id));
  assert.ok(['educationProvider', 'school', 'site'].includes(o.type));
  assert.ok(typeof o.name.fi == 'string');
  for (const v of Object.values(o.name)) assert.equal(typeof v, 'string');
  assert.ok(o.schoolCode === undefined || /^\d{5}$/.test(o.schoolCode));
  assert.ok(o.teachingLanguages === undefined || o.teachingLanguages.every((l) => l === 'fi' || l === 'sv'));
}

/** Each mapper, its default path, and what a successful result must be. */
const MAPPERS = {
  user: [ctx.fromOneRosterUser, fx.user, assertUser],
  org: [ctx.fromOneRosterOrg, fx.orgSchool, assertOrg],
  academicSession: [
    ctx.fromOneRosterAcademicSession,
    fx.session,
    (s) => {
      assert.ok(nonEmpty(s.id) && nonEmpty(s.title));
      assert.ok(['schoolYear', 'semester', 'term', 'gradingPeriod'].includes(s.type));
      assert.ok(DATE.test(s.startDate) && DATE.test(s.endDate) && s.startDate < s.endDate);
      assert.match(s.schoolYear, /^\d{4}$/);
    },
  ],
  class: [
    ctx.fromOneRosterClass,
    fx.klass,
    (g) => {
      assert.ok(nonEmpty(g.id) && nonEmpty(g.title) && nonEmpty(g.schoolId) && nonEmpty(g.courseId));
      assert.ok(g.kind === 'homeroom' || g.kind === 'teachingGroup');
      assert.ok(g.sessionIds.length > 0 && g.sessionIds.every(nonEmpty));
      assert.ok(g.status === 'active' || g.status === 'tobedeleted');
      assert.ok(!Number.isNaN(Date.parse(g.lastModified)));
      assert.ok(strings(g.subjects) && strings(g.grades) && strings(g.subjectCodes));
    },
  ],
  enrollment: [
    ctx.fromOneRosterEnrollment,
    fx.enrollment,
    (e) => {
      assert.ok(['id', 'userId', 'classId', 'schoolId'].every((k) => nonEmpty(e[k])));
      assert.ok(['administrator', 'proctor', 'student', 'teacher'].includes(e.role));
      assert.equal(typeof e.primary, 'boolean');
    },
  ],
};

/** Every path into a JSON tree. */
function paths(v, at = []) {
  if (typeof v != 'object' || v === null) return [at];
  return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, Array.isArray(v) ? Number(k) : k]))];
}
const DELETE = Symbol('delete');
/** A copy of `base` with the value at `path` replaced (or deleted). */
function bend(base, path, value) {
  if (!path.length) return value === DELETE ? undefined : value;
  if (typeof base != 'object' || base === null) return base;
  const copy = structuredClone(base);
  let o = copy;
  // an earlier bend may have replaced a parent with a primitive: then this one does nothing
  for (const k of path.slice(0, -1)) if (typeof (o = o?.[k]) != 'object' || o === null) return copy;
  const last = path[path.length - 1];
  if (value === DELETE) delete o[last];
  else o[last] = value;
  return copy;
}
/** One to three bends at random places of `base`. */
const bent = (base) => {
  const all = paths(base);
  const one = fc.tuple(fc.constantFrom(...all), fc.oneof(anyValue(), nastyString(), fc.constant(DELETE)));
  return fc
    .array(one, { minLength: 1, maxLength: 3 })
    .map((bends) => bends.reduce((m, [p, v]) => (m === undefined ? m : bend(m, p, v)), base));
};

/** Run a mapper: a checked result, or a MappingError that names a field under `root`. */
function map(fn, input, root, assertResult) {
  let out;
  try {
    out = fn(input);
  } catch (e) {
    assert.ok(e instanceof MappingError, `threw ${e?.name}: ${e?.message}`);
    assert.ok(nonEmpty(e.field) && nonEmpty(e.reason), 'names the field and the reason');
    assert.ok(e.field === root || e.field.startsWith(root), `field ${e.field} is not under ${root}`);
    return;
  }
  assertResult(out);
}

for (const [name, [fn, fixture, assertResult]] of Object.entries(MAPPERS)) {
  test(`OneRoster ${name}: any input, and the fixture bent anywhere -> a whole ${name} or a MappingError`, async () => {
    assert.doesNotThrow(() => assertResult(fn(fixture)), 'the fixture itself maps');
    await holds(
      `${name}(any)`,
      fc.property(anyValue(), (v) => map(fn, v, name, assertResult)),
      400,
    );
    await holds(
      `${name}(bent)`,
      fc.property(bent(fixture), (v) => map(fn, v, name, assertResult)),
      800,
    );
  });
}

test('OneRoster role names that are Object.prototype members are no roles', () => {
  for (const role of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const u = ctx.fromOneRosterUser({
      ...fx.user,
      roles: [{ roleType: 'primary', role, org: { sourcedId: 's1' } }],
    });
    assert.deepEqual(u.roles, [], `role "${role}" was taken for a platform role`);
  }
});

const mpassBase = {
  sub: 'mpass-sub-1',
  given_name: 'Aino',
  family_name: 'Virtanen',
  [MPASS.uid]: 'MPASSOID.abc',
  [MPASS.learnerNumber]: '1.2.246.562.24.00000000017',
  [MPASS.role]: [
    '1.2.246.562.10.12345678907;99900;7B;Opettaja',
    '1.2.246.562.10.12345678907;99901;9A;Opettaja;2',
  ],
  [MPASS.schoolInfo]: ['99900;Demolan koulu', '99901;Kuusikon koulu'],
  [MPASS.classLevel]: '7',
};
const roleValue = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.constant('1.2.246.562.10.12345678907'), fc.string({ maxLength: 8 })),
      fc.oneof(fc.constantFrom('99900', '00001', '123', 'abcde'), fc.string({ maxLength: 6 })),
      fc.string({ maxLength: 4 }),
      fc.oneof(
        fc.constantFrom('Oppilas', 'Opettaja', 'Elev', 'Huoltaja', 'constructor', '__proto__', 'toString'),
        nastyString(),
      ),
      fc.oneof(fc.constantFrom('', '1', '6', '9', 'valueOf'), fc.string({ maxLength: 3 })),
    )
    .map((p) => p.join(';')),
  fc.constantFrom('Oppilas', 'Opettaja', 'rehtori', 'constructor', '__proto__'),
  nastyString(),
);
const claims = fc
  .record(
    {
      sub: fc.oneof(fc.string(), anyValue()),
      given_name: fc.oneof(fc.string({ maxLength: 10 }), anyValue()),
      family_name: fc.oneof(fc.string({ maxLength: 10 }), anyValue()),
      [MPASS.learnerNumber]: fc.oneof(
        fc.constantFrom('1.2.246.562.24.1', '1.2.246.562.98.77', '010101-123A'),
        anyValue(),
      ),
      [MPASS.role]: fc.oneof(roleValue, fc.array(roleValue, { maxLength: 3 }), anyValue()),
      [MPASS.schoolCode]: fc.oneof(fc.constantFrom('99900', ['99900', '99901']), anyValue()),
      [MPASS.schoolInfo]: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), anyValue()),
      [MPASS.class]: fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
      [MPASS.classLevel]: fc.oneof(fc.string(), anyValue()),
      email: anyValue(),
    },
    { requiredKeys: [] },
  )
  .map((c) => ({ ...mpassBase, ...c }));

test('MPASSid claims: any input, plausible and garbage claims -> a whole identity or a MappingError', async () => {
  const mpassFields = ['claims', 'sub', ...Object.values(MPASS)];
  const run = (input, options) => {
    let out;
    try {
      out = ctx.fromMpassClaims(input, options);
    } catch (e) {
      assert.ok(e instanceof MappingError, `threw ${e?.name}: ${e?.message}`);
      assert.ok(mpassFields.includes(e.field), `field ${e.field}`);
      assert.ok(nonEmpty(e.reason));
      return;
    }
    assertUser(out.user);
    assert.ok(out.user.roles.length > 0, 'a signed-in user has a role');
    out.organizations.forEach(assertOrg);
    for (const r of out.user.roles)
      assert.ok(
        out.organizations.some((o) => o.id === r.orgId),
        'each role names a known school',
      );
  };
  assert.doesNotThrow(() => run(mpassBase));
  await holds(
    'fromMpassClaims(any)',
    fc.property(anyValue(), (v) => run(v)),
    400,
  );
  await holds(
    'fromMpassClaims(claims)',
    fc.property(claims, (v) => run(v)),
    1500,
  );
  await holds(
    'fromMpassClaims(claims, orgIdForSchoolCode)',
    fc.property(claims, (v) =>
      run(v, { orgIdForSchoolCode: (c) => `org-${c}`, requireLearnerNumber: false }),
    ),
    300,
  );
});
