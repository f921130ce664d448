// The OneRoster 1.2 rostering subset: every response and error validated against 1EdTech's OpenAPI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fromOneRosterClass, fromOneRosterUser, fromOneRosterOrg, fromOneRosterAcademicSession, fromOneRosterEnrollment } from '@digione/context';
import { start, signIn, get, assertSchema, TODAY } from './helpers.mjs';

const OR = '/ims/oneroster/rostering/v1p2';
let dk;
let token;
let teacherToken;
before(async () => {
  dk = await start();
  // the district administrator reads the whole city; who else may read what: roster-access.test.mjs
  token = (await signIn(dk, 'admin')).tokens.access_token;
  teacherToken = (await signIn(dk, 'teacher')).tokens.access_token;
});
after(() => dk.close());

const or = (path, t = token) => get(dk, `${OR}${path}`, t);
async function okJson(path, schema, t) {
  const res = await or(path, t);
  const body = await res.json();
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(body)}`);
  assertSchema(schema, body);
  return { res, body };
}
async function error(path, status, minor, t = token) {
  const res = await or(path, t);
  const body = await res.json();
  assert.equal(res.status, status, `${path}: ${JSON.stringify(body)}`);
  assertSchema('imsx_StatusInfoDType', body);
  assert.equal(body.imsx_codeMajor, 'failure');
  assert.equal(body.imsx_CodeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue, minor);
  assert.ok(body.imsx_description.length > 10, 'a reason people can read');
  return body;
}

test('collections validate against the OpenAPI and map with @digione/context', async () => {
  const cases = [
    ['/orgs', 'OrgSetDType', 'orgs', fromOneRosterOrg],
    ['/schools', 'OrgSetDType', 'orgs', fromOneRosterOrg],
    ['/academicSessions', 'AcademicSessionSetDType', 'academicSessions', fromOneRosterAcademicSession],
    ['/terms', 'AcademicSessionSetDType', 'academicSessions', fromOneRosterAcademicSession],
    ['/courses?limit=50', 'CourseSetDType', 'courses'],
    ['/classes?limit=500', 'ClassSetDType', 'classes', fromOneRosterClass],
    ['/users?limit=500', 'UserSetDType', 'users', fromOneRosterUser],
    ['/students?limit=20', 'UserSetDType', 'users', fromOneRosterUser],
    ['/teachers?limit=20', 'UserSetDType', 'users', fromOneRosterUser],
    ['/enrollments?limit=500', 'EnrollmentSetDType', 'enrollments', fromOneRosterEnrollment],
  ];
  for (const [path, schema, key, mapper] of cases) {
    const { body } = await okJson(path, schema);
    assert.ok(body[key].length > 0, path);
    if (mapper) for (const item of body[key]) mapper(item);
  }
  const schools = (await okJson('/schools', 'OrgSetDType')).body.orgs;
  assert.deepEqual(schools.map((s) => s.name), ['Kuusikosken yhtenäiskoulu', 'Koskenrannan koulu', 'Myllymäen koulu', 'Granforsens skola']);
  assert.ok(schools.every((s) => /^\d{5}$/.test(s.identifier)));
  const terms = (await okJson('/terms', 'AcademicSessionSetDType')).body.academicSessions;
  assert.deepEqual(terms.map((t) => [t.title, t.startDate, t.endDate, t.schoolYear]), [
    ['Syyslukukausi 2026', '2026-08-12', '2026-12-20', '2027'],
    ['Kevätlukukausi 2027', '2027-01-07', '2027-06-06', '2027'],
  ]);
});

test('single objects validate and 404 as unknownobject', async () => {
  const pupil = dk.users.find((u) => u.key === 'pupil');
  const school = dk.data.orgs.find((o) => o.type === 'school');
  const klass = dk.data.classes[0];
  const term = dk.data.sessions.find((s) => s.type === 'term');
  const e = dk.data.enrollments[0];
  assert.equal((await okJson(`/users/${pupil.id}`, 'SingleUserDType')).body.user.givenName, pupil.displayName.split(' ')[0]);
  assert.equal((await okJson(`/students/${pupil.id}`, 'SingleUserDType')).body.user.sourcedId, pupil.id);
  assert.equal((await okJson(`/schools/${school.id}`, 'SingleOrgDType')).body.org.identifier, school.identifier);
  assert.equal((await okJson(`/orgs/${dk.data.district.id}`, 'SingleOrgDType')).body.org.type, 'district');
  assert.equal((await okJson(`/classes/${klass.id}`, 'SingleClassDType')).body.class.title, klass.title);
  assert.equal((await okJson(`/terms/${term.id}`, 'SingleAcademicSessionDType')).body.academicSession.type, 'term');
  assert.equal((await okJson(`/academicSessions/${term.id}`, 'SingleAcademicSessionDType')).body.academicSession.sourcedId, term.id);
  assert.equal((await okJson(`/enrollments/${e.id}`, 'SingleEnrollmentDType')).body.enrollment.sourcedId, e.id);
  assert.equal((await okJson(`/courses/${klass.courseId}`, 'SingleCourseDType')).body.course.sourcedId, klass.courseId);
  await error('/users/no-such-user', 404, 'unknownobject');
  await error(`/teachers/${pupil.id}`, 404, 'unknownobject');
  await error(`/schools/${dk.data.district.id}`, 404, 'unknownobject');
  await error('/classes/%E0%A4%A', 400, 'invaliddata');
  await error('/nothing-here', 404, 'unknownobject');
});

test('paging: limit, offset, X-Total-Count and Link', async () => {
  const total = dk.data.classes.length;
  const first = await okJson('/classes?limit=40', 'ClassSetDType');
  assert.equal(first.res.headers.get('x-total-count'), String(total));
  assert.equal(first.body.classes.length, 40);
  assert.match(first.res.headers.get('link'), /offset=40>; rel="next"/);
  const seen = new Set();
  for (let offset = 0; offset < total; offset += 40) {
    const page = await okJson(`/classes?limit=40&offset=${offset}`, 'ClassSetDType');
    for (const c of page.body.classes) seen.add(c.sourcedId);
  }
  assert.equal(seen.size, total, 'pages cover every class exactly once');
  const beyond = await okJson(`/classes?offset=${total}`, 'ClassSetDType');
  assert.deepEqual(beyond.body.classes, []);
  assert.equal((await okJson('/users', 'UserSetDType')).body.users.length, 100, 'default limit 100');
});

test('filter on status and dateLastModified, AND/OR, dotted fields; sort and orderBy; fields', async () => {
  const removed = await okJson(`/classes?filter=${encodeURIComponent("status='tobedeleted'")}&limit=1000`, 'ClassSetDType');
  assert.ok(removed.body.classes.length >= 1);
  assert.ok(removed.body.classes.every((c) => c.status === 'tobedeleted'));
  assert.equal(Number(removed.res.headers.get('x-total-count')), dk.data.classes.filter((c) => c.status === 'tobedeleted').length);

  const since = '2026-10-01T00:00:00Z';
  const recent = await okJson(`/classes?filter=${encodeURIComponent(`dateLastModified>'${since}'`)}&limit=1000`, 'ClassSetDType');
  const expected = dk.data.classes.filter((c) => Date.parse(c.modified) > Date.parse(since)).length;
  assert.ok(expected > 0 && expected < dk.data.classes.length, 'the data has both older and newer classes');
  assert.equal(recent.body.classes.length, expected);

  const both = await okJson(`/classes?filter=${encodeURIComponent(`status='active' AND dateLastModified>='${since}'`)}&limit=1000`, 'ClassSetDType');
  assert.ok(both.body.classes.every((c) => c.status === 'active' && c.dateLastModified >= since));
  const either = await okJson(`/classes?filter=${encodeURIComponent("classCode='7A' OR classCode='7B'")}`, 'ClassSetDType');
  assert.deepEqual(either.body.classes.map((c) => c.classCode).sort(), ['7A', '7A', '7B'], 'two schools have 7A, one has 7B');

  const pupil = dk.users.find((u) => u.key === 'pupil');
  const mine = await okJson(`/enrollments?filter=${encodeURIComponent(`user.sourcedId='${pupil.id}'`)}`, 'EnrollmentSetDType');
  assert.ok(mine.body.enrollments.length >= 3);
  assert.ok(mine.body.enrollments.every((e) => e.user.sourcedId === pupil.id));
  const teachers = await okJson(`/users?filter=${encodeURIComponent("roles.role='teacher'")}&limit=1000`, 'UserSetDType');
  assert.ok(teachers.body.users.every((u) => u.roles.some((r) => r.role === 'teacher')));
  const named = await okJson(`/users?filter=${encodeURIComponent("familyName~'sjö'")}`, 'UserSetDType');
  assert.ok(named.body.users.length >= 2 && named.body.users.every((u) => /sjö/i.test(u.familyName)));

  const sorted = (await okJson('/schools?sort=name&orderBy=desc', 'OrgSetDType')).body.orgs.map((o) => o.name);
  assert.deepEqual(sorted, [...sorted].sort(new Intl.Collator('fi').compare).reverse());
  const slim = await or('/classes?fields=sourcedId,title&limit=2');
  assert.deepEqual(Object.keys((await slim.json()).classes[0]), ['sourcedId', 'title']);
});

test('per-user lookups for the class picker: teacher in two schools, ended enrollments left out', async () => {
  const teacher = dk.users.find((u) => u.key === 'teacher');
  const classes = (await okJson(`/teachers/${teacher.id}/classes`, 'ClassSetDType', teacherToken)).body.classes;
  const schools = new Set(classes.map((c) => c.school.sourcedId));
  assert.equal(schools.size, 2);
  assert.ok(classes.some((c) => c.classType === 'homeroom' && c.title === '7A'));
  const same = (await okJson(`/users/${teacher.id}/classes`, 'ClassSetDType')).body.classes;
  assert.deepEqual(same.map((c) => c.sourcedId).sort(), classes.map((c) => c.sourcedId).sort());

  const pupil = dk.users.find((u) => u.key === 'pupil');
  const enrolled = dk.data.enrollmentsByUser.get(pupil.id);
  const ended = enrolled.find((e) => e.endDate && e.endDate <= TODAY);
  assert.ok(ended, 'the demo pupil has an ended enrollment');
  const theirs = (await okJson(`/students/${pupil.id}/classes?limit=100`, 'ClassSetDType')).body.classes;
  assert.ok(!theirs.some((c) => c.sourcedId === ended.classId), 'the ended enrollment is not listed');
  assert.ok(theirs.some((c) => c.status === 'tobedeleted'), 'a tobedeleted class is listed (with its status) for the client to hide');
  assert.equal((await okJson(`/teachers/${pupil.id}/classes`, 'ClassSetDType')).body.classes.length, 0);

  const school = dk.data.orgs.find((o) => o.schoolCode === '99904');
  const schoolClasses = (await okJson(`/schools/${school.id}/classes?limit=1000`, 'ClassSetDType')).body.classes;
  assert.ok(schoolClasses.length > 9 && schoolClasses.every((c) => c.school.sourcedId === school.id));
  assert.ok(schoolClasses.some((c) => c.title.startsWith('Matematik ')), 'Swedish school, Swedish titles');
  const homeroom = classes.find((c) => c.title === '7A');
  const students = (await okJson(`/classes/${homeroom.sourcedId}/students?limit=100`, 'UserSetDType')).body.users;
  assert.ok(students.some((u) => u.sourcedId === pupil.id));
  const teachers = (await okJson(`/classes/${homeroom.sourcedId}/teachers`, 'UserSetDType')).body.users;
  assert.deepEqual(teachers.map((u) => u.sourcedId), [teacher.id]);
  await okJson(`/schools/${homeroom.school.sourcedId}/classes/${homeroom.sourcedId}/enrollments`, 'EnrollmentSetDType');
  await error(`/schools/${school.id}/classes/${homeroom.sourcedId}/students`, 404, 'unknownobject');
  await okJson(`/schools/${school.id}/terms`, 'AcademicSessionSetDType');
  await okJson(`/schools/${school.id}/teachers`, 'UserSetDType');
  await error('/teachers/nobody/classes', 404, 'unknownobject');
});

test('guardians and pupils are linked with agents; sourcedIds carry no personal data', async () => {
  const guardian = dk.users.find((u) => u.key === 'guardian');
  const g = (await okJson(`/users/${guardian.id}`, 'SingleUserDType')).body.user;
  assert.equal(g.agents.length, 2);
  assert.ok(g.roles.every((r) => r.role === 'guardian'));
  for (const a of g.agents) {
    const child = (await okJson(`/users/${a.sourcedId}`, 'SingleUserDType')).body.user;
    assert.ok(child.agents.some((x) => x.sourcedId === guardian.id));
  }
  const users = (await okJson('/users?limit=10000', 'UserSetDType')).body.users;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  for (const u of users) {
    assert.match(u.sourcedId, uuid);
    assert.ok(!u.sourcedId.toLowerCase().includes(u.familyName.toLowerCase()));
  }
});

test('bad input: every parameter error is a 400 imsx_StatusInfo with a reason; auth errors 401', async () => {
  await error('/classes?limit=0', 400, 'invaliddata');
  await error('/classes?limit=abc', 400, 'invaliddata');
  await error('/classes?limit=10001', 400, 'invaliddata');
  await error('/classes?offset=-1', 400, 'invaliddata');
  await error(`/classes?filter=${encodeURIComponent("nosuch='x'")}`, 400, 'invalid_filter_field');
  await error(`/classes?filter=${encodeURIComponent("status='active' AND")}`, 400, 'invalid_filter_field');
  await error(`/classes?filter=${encodeURIComponent('status=active')}`, 400, 'invalid_filter_field');
  await error(`/classes?filter=${encodeURIComponent("dateLastModified>'yesterday'")}`, 400, 'invalid_filter_field');
  await error('/classes?filter=', 400, 'invalid_filter_field');
  await error('/classes?sort=nosuch', 400, 'invalid_selection_field');
  await error('/classes?orderBy=up', 400, 'invaliddata');
  await error('/classes?fields=title,secret', 400, 'invalid_selection_field');
  const noAuth = await error('/classes', 401, 'unauthorisedrequest', null);
  assert.match(noAuth.imsx_description, /Bearer/);
  await error('/classes', 401, 'unauthorisedrequest', 'not.a.jwt');
  const post = await fetch(new URL(`${OR}/classes`, dk.portalUrl), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  assert.equal(post.status, 405);
  assertSchema('imsx_StatusInfoDType', await post.json());
});

test('CORS: browsers on the portal and loopback origins may read X-Total-Count', async () => {
  const pre = await fetch(new URL(`${OR}/classes`, dk.portalUrl), {
    method: 'OPTIONS',
    headers: { origin: 'http://localhost:8000', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), 'http://localhost:8000');
  assert.match(pre.headers.get('access-control-allow-headers'), /Authorization/);
  const res = await get(dk, `${OR}/classes?limit=1`, token, { headers: { origin: 'http://localhost:8000' } });
  assert.match(res.headers.get('access-control-expose-headers'), /X-Total-Count/);
  const evil = await fetch(new URL(`${OR}/classes`, dk.portalUrl), { method: 'OPTIONS', headers: { origin: 'https://evil.example.test', 'access-control-request-method': 'GET' } });
  assert.equal(evil.status, 403);
  assert.equal(evil.headers.get('access-control-allow-origin'), null);
});
