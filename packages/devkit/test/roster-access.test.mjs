// Who may read what on the OneRoster API (docs/devkit-api.md, "Who may read what"): a plugin token
// reads it only with the `roster` grant; then the person behind the token decides, for the portal's
// access token and for a plugin token alike (its pairwise sub is mapped back to the person on the
// server). Every rule is tried allowed and refused, with both kinds of token, against the real
// server with tokens got the real way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { start, signIn, get, send, assertSchema, TODAY } from './helpers.mjs';

const OR = '/ims/oneroster/rostering/v1p2';
const PLUGIN = 'fi.example.rosteri';
/** Asks for everything but `roster`. */
const NO_ROSTER = 'fi.example.tunniste';
let dk;
/** Tokens by person: { user, plugin }. */
const tokens = {};
let d;

before(async () => {
  dk = await start({
    plugins: [
      { id: PLUGIN, name: { fi: 'Rosteri' }, version: '1.0.0', vendor: 'Testi Oy', kind: 'iframe', entry: 'https://rosteri.example.test/', permissions: ['token', 'roster'] },
      { id: NO_ROSTER, name: { fi: 'Tunniste' }, version: '1.0.0', vendor: 'Testi Oy', kind: 'iframe', entry: 'https://tunniste.example.test/', permissions: ['context.user.name', 'context.group', 'token', 'storage', 'notifications'] },
    ],
  });
  d = dk.data;
});
after(() => dk.close());

/** The user's access token and a plugin token for the same person (`who`: demo key or sourcedId). */
async function tokensOf(who) {
  if (tokens[who]) return tokens[who];
  const user = (await signIn(dk, who)).tokens.access_token;
  const res = await send(dk, 'POST', '/api/plugin-sessions', user, { pluginId: PLUGIN, permissions: ['token', 'roster'] });
  const body = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  const { token: plugin, sub } = body;
  const id = dk.users.find((u) => u.key === who)?.id ?? who;
  assert.notEqual(sub, id, 'the plugin token carries a pairwise sub, not the sourcedId');
  return (tokens[who] = { user, plugin });
}

const or = (path, token) => get(dk, `${OR}${path}`, token);

/** Each path answers the expected status, with the user's token and with the plugin token. */
async function expectStatuses(who, cases) {
  const t = await tokensOf(who);
  const got = {};
  const want = {};
  for (const [kind, token] of [['user', t.user], ['plugin', t.plugin]]) {
    for (const [path, status] of cases) {
      const res = await or(path, token);
      const body = await res.json();
      got[`${kind} ${path}`] = res.status;
      want[`${kind} ${path}`] = status;
      if (res.status === 403) {
        assertSchema('imsx_StatusInfoDType', body);
        assert.equal(body.imsx_CodeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue, 'forbidden');
        assert.ok(body.imsx_description.length > 20, 'a reason people can read');
      }
    }
  }
  assert.deepEqual(got, want);
}

/** A 200 collection read with both tokens: the items from the user's token (the plugin's must match). */
async function both(who, path, key) {
  const t = await tokensOf(who);
  const out = [];
  for (const token of [t.user, t.plugin]) {
    const res = await or(path, token);
    const body = await res.json();
    assert.equal(res.status, 200, `${path}: ${JSON.stringify(body)}`);
    out.push({ items: body[key], total: Number(res.headers.get('x-total-count')) });
  }
  assert.deepEqual(
    out[1].items.map((x) => x.sourcedId),
    out[0].items.map((x) => x.sourcedId),
    `${path}: the plugin token reaches exactly what the user's does`,
  );
  for (const u of key === 'users' ? out[1].items : []) assert.equal(u.userIds, undefined, 'no ids for a plugin');
  return out[0];
}

const user = (key) => d.byId.users.get(dk.users.find((u) => u.key === key).id);
const homeroomOf = (u) => d.classes.find((c) => c.type === 'homeroom' && c.title === u.homeroom && c.schoolId === u.primaryOrgId);
const current = (e) => (!e.beginDate || e.beginDate <= TODAY) && (!e.endDate || TODAY < e.endDate);
const enrolled = (userId) => d.enrollmentsByUser.get(userId) ?? [];
const studentsOf = (classId) => (d.enrollmentsByClass.get(classId) ?? []).filter((e) => e.role === 'student').map((e) => d.byId.users.get(e.userId));

/** A plugin session for `who`, asking for `permissions` (omitted from the body when undefined). */
async function sessionOf(who, pluginId, permissions) {
  const user = (await tokensOf(who)).user;
  const res = await send(dk, 'POST', '/api/plugin-sessions', user, permissions === undefined ? { pluginId } : { pluginId, permissions });
  const body = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  return body;
}

test('a plugin token reads OneRoster only with the "roster" grant; the claim is the grant cut to the manifest', async () => {
  const me = user('pupil');
  const homeroom = homeroomOf(me);
  const paths = ['/classes', '/enrollments', `/users/${me.id}`, `/classes/${homeroom.id}/students`, `/schools/${me.primaryOrgId}/classes/${homeroom.id}/students`, '/academicSessions'];
  const statuses = async (token) => {
    const out = {};
    for (const path of paths) {
      const res = await or(path, token);
      const body = await res.json();
      out[path] = res.status;
      if (res.status === 403) {
        assertSchema('imsx_StatusInfoDType', body);
        assert.equal(body.imsx_CodeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue, 'forbidden');
        assert.match(body.imsx_description, /was not granted "roster"/);
      }
    }
    return out;
  };
  const all = (status) => Object.fromEntries(paths.map((p) => [p, status]));

  // the portal grants roster, the manifest does not ask for it: no roster in the token, 403 everywhere
  const asked = await sessionOf('pupil', NO_ROSTER, ['token', 'roster', 'storage', 'context.user.email']);
  assert.deepEqual(decodeJwt(asked.token).permissions, ['token', 'storage'], 'what was asked, of what the manifest asks');
  assert.deepEqual(await statuses(asked.token), all(403));
  // the manifest asks for roster, the portal does not grant it (or sends no grants at all): 403
  const notGranted = await sessionOf('pupil', PLUGIN, ['token']);
  assert.deepEqual(decodeJwt(notGranted.token).permissions, ['token']);
  assert.deepEqual(await statuses(notGranted.token), all(403));
  const none = await sessionOf('pupil', PLUGIN, undefined);
  assert.deepEqual(decodeJwt(none.token).permissions, [], 'no grants sent: none granted');
  assert.deepEqual(await statuses(none.token), all(403));
  // asked and granted: the restricted view, the same as the user's own reach
  const granted = await sessionOf('pupil', PLUGIN, ['roster']);
  assert.deepEqual(decodeJwt(granted.token).permissions, ['roster']);
  assert.deepEqual(await statuses(granted.token), all(200));
  const list = await (await or(`/classes/${homeroom.id}/students?limit=500`, granted.token)).json();
  assert.ok(list.users.length > 5 && list.users.every((u) => u.givenName && u.userIds === undefined && u.email === undefined));

  // storage and notifications with a plugin token do not need roster
  const put = await send(dk, 'PUT', `/api/plugin-storage/${NO_ROSTER}/k`, asked.token, { value: 1 });
  assert.equal(put.status, 204, await put.text());
  assert.deepEqual(await (await get(dk, `/api/plugin-storage/${NO_ROSTER}/k`, asked.token)).json(), { value: 1 });
  const note = await send(dk, 'POST', '/api/notifications', asked.token, { title: { fi: 'Hei' }, severity: 'info' });
  assert.equal(note.status, 201, await note.text());

  // grants that are not a list of names are refused
  const userToken = (await tokensOf('pupil')).user;
  for (const permissions of ['roster', [1], { roster: true }]) {
    const res = await send(dk, 'POST', '/api/plugin-sessions', userToken, { pluginId: PLUGIN, permissions });
    assert.equal(res.status, 400, JSON.stringify(permissions));
    assert.equal((await res.json()).error, 'invalid_body');
  }
});

test('a pupil reads themselves, their own classes and enrollments; their class lists by name only', async () => {
  const me = user('pupil');
  const homeroom = homeroomOf(me);
  const mine = new Set(enrolled(me.id).map((e) => e.classId));
  const ended = enrolled(me.id).find((e) => e.endDate && e.endDate <= TODAY);
  assert.ok(ended, 'the demo pupil left a group in September');
  await expectStatuses('pupil', [
    [`/users/${me.id}`, 200],
    [`/students/${me.id}`, 200],
    [`/users/${me.id}/classes`, 200],
    [`/students/${me.id}/classes`, 200],
    [`/classes/${homeroom.id}`, 200],
    [`/classes/${homeroom.id}/students`, 200],
    [`/classes/${homeroom.id}/teachers`, 200],
    [`/schools/${me.primaryOrgId}`, 200],
    [`/schools/${me.primaryOrgId}/classes/${homeroom.id}/students`, 200],
    [`/orgs/${d.district.id}`, 200],
    ['/academicSessions', 200],
    ['/terms', 200],
    // their own history: the group they left is theirs to see, its list no longer
    [`/classes/${ended.classId}`, 200],
    [`/classes/${ended.classId}/students`, 403],
  ]);
  // the class list: names, and nothing a class list does not need
  const list = await both('pupil', `/classes/${homeroom.id}/students?limit=500`, 'users');
  assertSchema('UserSetDType', { users: list.items });
  assert.ok(list.items.some((u) => u.sourcedId === me.id) && list.items.length > 5);
  for (const u of list.items) {
    assert.ok(u.givenName && u.familyName, 'names');
    for (const key of ['agents', 'grades', 'primaryOrg', 'metadata', 'userIds', 'email'])
      assert.equal(u[key], undefined, `${key} of a classmate`);
    assert.ok(u.roles.every((r) => r.org.sourcedId === homeroom.schoolId), "roles at the class's school only");
  }
  // their own record is whole (with the user token)
  const self = await (await or(`/users/${me.id}`, (await tokensOf('pupil')).user)).json();
  assert.ok(self.user.agents.length === 2 && self.user.userIds);
  // collections are narrowed to their own: classes, enrollments, schools, courses
  const classes = await both('pupil', '/classes?limit=1000', 'classes');
  assert.deepEqual(new Set(classes.items.map((c) => c.sourcedId)), mine);
  assert.equal(classes.total, mine.size);
  const enrollments = await both('pupil', '/enrollments?limit=1000', 'enrollments');
  assert.ok(enrollments.items.length >= 3 && enrollments.items.every((e) => e.user.sourcedId === me.id));
  const filtered = await both('pupil', `/enrollments?filter=${encodeURIComponent(`user.sourcedId='${me.id}'`)}`, 'enrollments');
  assert.equal(filtered.total, enrolled(me.id).length, 'the portal reads its own enrollments with the filter');
  const schools = await both('pupil', '/schools', 'orgs');
  assert.deepEqual(schools.items.map((o) => o.sourcedId), [me.primaryOrgId]);
  const courses = await both('pupil', '/courses?limit=1000', 'courses');
  assert.ok(courses.items.length >= 1 && courses.items.every((c) => [...mine].some((id) => d.byId.classes.get(id).courseId === c.sourcedId)));
});

test('a pupil reads nobody outside their own classes: no other class, school or pupil, no city-wide lists', async () => {
  const me = user('pupil');
  const guardian = user('guardian');
  const sibling = d.byId.users.get(guardian.agentIds.find((id) => id !== me.id));
  const siblingsClass = homeroomOf(sibling);
  assert.equal(siblingsClass.title, '3A');
  assert.notEqual(siblingsClass.schoolId, me.primaryOrgId);
  const mine = new Set(enrolled(me.id).map((e) => e.classId));
  const nonDisclosed = d.users.find((u) => u.nonDisclosure && !enrolled(u.id).some((e) => mine.has(e.classId)));
  const classmate = studentsOf(homeroomOf(me).id).find((u) => u.id !== me.id);
  const otherClass = d.classes.find((c) => c.schoolId === me.primaryOrgId && !mine.has(c.id));
  const theirEnrollment = enrolled(classmate.id)[0];
  await expectStatuses('pupil', [
    [`/classes/${siblingsClass.id}/students`, 403],
    [`/classes/${siblingsClass.id}`, 403],
    [`/schools/${sibling.primaryOrgId}`, 403],
    [`/schools/${sibling.primaryOrgId}/classes`, 403],
    ['/users?limit=1', 403],
    ['/students?limit=1', 403],
    ['/teachers?limit=1', 403],
    [`/schools/${me.primaryOrgId}/students`, 403],
    [`/schools/${me.primaryOrgId}/teachers`, 403],
    [`/users/${nonDisclosed.id}`, 403],
    [`/users/${nonDisclosed.id}/classes`, 403],
    // a classmate is in the class list, not a record to look up
    [`/users/${classmate.id}`, 403],
    [`/users/${sibling.id}`, 403],
    [`/users/${guardian.id}`, 403],
    [`/classes/${otherClass.id}`, 403],
    [`/classes/${otherClass.id}/teachers`, 403],
    [`/enrollments/${theirEnrollment.id}`, 403],
    // an unknown id is still a 404
    ['/users/no-such-user', 404],
  ]);
});

test("a pupil's class list leaves out classmates with a non-disclosure marking; staff see them", async () => {
  // a pupil who shares a current class with a non-disclosed pupil
  let pick;
  for (const hidden of d.users.filter((u) => u.nonDisclosure)) {
    for (const e of enrolled(hidden.id).filter((x) => x.role === 'student' && current(x))) {
      const mate = (d.enrollmentsByClass.get(e.classId) ?? []).find(
        (m) => m.role === 'student' && current(m) && m.userId !== hidden.id && !d.byId.users.get(m.userId).nonDisclosure,
      );
      if (mate) pick ??= { hidden, classId: e.classId, mate: mate.userId };
    }
  }
  assert.ok(pick, 'the city has a non-disclosed pupil with classmates');
  const list = await both(pick.mate, `/classes/${pick.classId}/students?limit=500`, 'users');
  assert.ok(list.items.some((u) => u.sourcedId === pick.mate), 'the reader is listed');
  assert.ok(!list.items.some((u) => u.sourcedId === pick.hidden.id), 'the non-disclosed classmate is not');
  assert.equal(list.total, list.items.length);
  await expectStatuses(pick.mate, [[`/users/${pick.hidden.id}`, 403]]);
  // the non-disclosed pupil still sees themselves in their own class list
  const own = await both(pick.hidden.id, `/classes/${pick.classId}/students?limit=500`, 'users');
  assert.ok(own.items.some((u) => u.sourcedId === pick.hidden.id));
  // the school's staff and the district see the whole list, the marking included
  const admin = await both('admin', `/classes/${pick.classId}/students?limit=500`, 'users');
  const hiddenThere = admin.items.find((u) => u.sourcedId === pick.hidden.id);
  assert.equal(hiddenThere?.metadata?.turvakielto, true);
});

test("a guardian reads themselves, their children and the children's classes; no class lists, no other pupils", async () => {
  const me = user('guardian');
  const [first, second] = me.agentIds.map((id) => d.byId.users.get(id));
  const firstHomeroom = homeroomOf(first);
  const secondHomeroom = homeroomOf(second);
  const classmate = studentsOf(firstHomeroom.id).find((u) => u.id !== first.id);
  const childClasses = new Set([...enrolled(first.id), ...enrolled(second.id)].map((e) => e.classId));
  const strange = d.classes.find((c) => !childClasses.has(c.id));
  await expectStatuses('guardian', [
    [`/users/${me.id}`, 200],
    [`/users/${first.id}`, 200],
    [`/users/${second.id}`, 200],
    [`/users/${first.id}/classes`, 200],
    [`/students/${second.id}/classes`, 200],
    [`/classes/${firstHomeroom.id}`, 200],
    [`/classes/${secondHomeroom.id}`, 200],
    [`/schools/${first.primaryOrgId}`, 200],
    [`/schools/${second.primaryOrgId}`, 200],
    [`/enrollments?filter=${encodeURIComponent(`user.sourcedId='${second.id}'`)}`, 200],
    // never other pupils: not a class list, not a classmate
    [`/classes/${firstHomeroom.id}/students`, 403],
    [`/classes/${secondHomeroom.id}/teachers`, 403],
    [`/users/${classmate.id}`, 403],
    [`/users/${classmate.id}/classes`, 403],
    [`/classes/${strange.id}`, 403],
    ['/users?limit=1', 403],
    ['/students?limit=1', 403],
  ]);
  const kids = await both('guardian', `/users/${second.id}/classes`, 'classes');
  assert.ok(kids.items.some((c) => c.sourcedId === secondHomeroom.id));
  const enrollments = await both('guardian', '/enrollments?limit=1000', 'enrollments');
  assert.ok(enrollments.items.length > 0);
  assert.ok(enrollments.items.every((e) => e.user.sourcedId === first.id || e.user.sourcedId === second.id));
  const classes = await both('guardian', '/classes?limit=1000', 'classes');
  assert.deepEqual(new Set(classes.items.map((c) => c.sourcedId)), childClasses);
});

test("a teacher reads their schools' classes, rosters and people; nothing of other schools", async () => {
  const me = user('teacher');
  const mySchools = new Set(me.roles.map((r) => r.orgId));
  assert.equal(mySchools.size, 2);
  const other = d.orgs.find((o) => o.type === 'school' && !mySchools.has(o.id));
  const otherClass = d.classes.find((c) => c.schoolId === other.id);
  const otherPupil = d.users.find((u) => u.kind === 'student' && u.primaryOrgId === other.id);
  const homeroom = d.classes.find((c) => c.title === '7A' && c.schoolId === me.primaryOrgId);
  const notMine = d.classes.find((c) => mySchools.has(c.schoolId) && !enrolled(me.id).some((e) => e.classId === c.id));
  const pupil = user('pupil');
  await expectStatuses('teacher', [
    [`/teachers/${me.id}/classes`, 200],
    [`/classes/${homeroom.id}/students`, 200],
    [`/schools/${me.primaryOrgId}/classes/${homeroom.id}/students`, 200],
    // a colleague's class at the same school, a pupil there and their guardians
    [`/classes/${notMine.id}/students`, 200],
    [`/users/${pupil.id}`, 200],
    [`/users/${pupil.agentIds[0]}`, 200],
    [`/schools/${me.primaryOrgId}/students`, 200],
    [`/schools/${me.primaryOrgId}/enrollments`, 200],
    // another school is out of reach
    [`/schools/${other.id}`, 403],
    [`/schools/${other.id}/classes`, 403],
    [`/schools/${other.id}/students`, 403],
    [`/classes/${otherClass.id}`, 403],
    [`/classes/${otherClass.id}/students`, 403],
    [`/users/${otherPupil.id}`, 403],
    [`/users/${otherPupil.id}/classes`, 403],
  ]);
  // the roster as the exercise plugin reads it: whole records (without ids for the plugin)
  const roster = await both('teacher', `/classes/${homeroom.id}/students?limit=500`, 'users');
  assert.equal(roster.total, studentsOf(homeroom.id).length);
  assert.ok(roster.items.every((u) => u.agents.length >= 1 && u.primaryOrg));
  // city-wide lists are their schools' part of the city
  const users = await both('teacher', '/users?limit=10000', 'users');
  assert.ok(users.total > 100 && users.total < d.users.length);
  assert.ok(users.items.every((u) => u.roles.some((r) => mySchools.has(r.org.sourcedId))));
  assert.ok(users.items.some((u) => u.sourcedId === pupil.id));
  const classes = await both('teacher', '/classes?limit=1000', 'classes');
  assert.equal(classes.total, d.classes.filter((c) => mySchools.has(c.schoolId)).length);
  const schools = await both('teacher', '/schools', 'orgs');
  assert.deepEqual(new Set(schools.items.map((o) => o.sourcedId)), mySchools);
  const enrollments = await both('teacher', '/enrollments?limit=10000', 'enrollments');
  assert.ok(enrollments.items.every((e) => mySchools.has(e.school.sourcedId)));
});

test("a principal reads their own school; the district administrator reads the whole city", async () => {
  const principal = user('principal');
  const elsewhere = d.classes.find((c) => c.schoolId !== principal.primaryOrgId);
  const here = d.classes.find((c) => c.schoolId === principal.primaryOrgId);
  await expectStatuses('principal', [
    [`/classes/${here.id}/students`, 200],
    [`/schools/${principal.primaryOrgId}/teachers`, 200],
    [`/classes/${elsewhere.id}/students`, 403],
  ]);
  const nonDisclosed = d.users.find((u) => u.nonDisclosure);
  const siblingsClass = homeroomOf(d.byId.users.get(user('guardian').agentIds[1]));
  await expectStatuses('admin', [
    ['/users?limit=1', 200],
    [`/users/${nonDisclosed.id}`, 200],
    [`/classes/${siblingsClass.id}/students`, 200],
    ...d.orgs.filter((o) => o.type === 'school').map((o) => [`/schools/${o.id}/students?limit=1`, 200]),
  ]);
  const all = await both('admin', '/users?limit=1', 'users');
  assert.equal(all.total, d.users.length);
  assert.equal((await both('admin', '/classes?limit=1', 'classes')).total, d.classes.length);
});
