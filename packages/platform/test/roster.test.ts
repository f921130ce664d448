import { expect } from '@open-wc/testing';
import type { LoadProgress } from '@digione/context';
import { ApiClient, OneRosterService } from '@digione/platform';
import { fakeFetch, json, tokens, type Call } from './helpers/fake-fetch.js';

const BASE = '/ims/oneroster/rostering/v1p2';
const meta = { status: 'active', dateLastModified: '2026-01-01T00:00:00Z' };
const ref = (sourcedId: string, type = 'org') => ({ sourcedId, type, href: `/x/${sourcedId}` });

function klass(i: number, extra: Record<string, unknown> = {}) {
  return {
    ...meta,
    sourcedId: `c${i}`,
    title: `Ryhmä ${i}`,
    classType: i % 2 ? 'scheduled' : 'homeroom',
    course: ref('course-1', 'course'),
    school: ref(i % 3 ? 'org-s1' : 'org-s2'),
    terms: [ref('term-1', 'academicSession')],
    ...extra,
  };
}
function enrollment(i: number, extra: Record<string, unknown> = {}) {
  return {
    ...meta,
    sourcedId: `e${i}`,
    user: ref('u1', 'user'),
    class: ref(`c${i}`, 'class'),
    school: ref('org-s1'),
    role: 'teacher',
    primary: i === 0,
    ...extra,
  };
}
const sessions = [
  {
    ...meta,
    sourcedId: 'year-2027',
    title: 'Lukuvuosi 2026–2027',
    type: 'schoolYear',
    startDate: '2026-08-01',
    endDate: '2027-08-01',
    schoolYear: '2027',
  },
  {
    ...meta,
    sourcedId: 'term-1',
    title: 'Syyslukukausi',
    type: 'semester',
    startDate: '2026-08-10',
    endDate: '2027-01-01',
    schoolYear: '2027',
    parent: ref('year-2027', 'academicSession'),
  },
  {
    ...meta,
    sourcedId: 'term-x',
    title: 'Other',
    type: 'term',
    startDate: '2026-08-10',
    endDate: '2027-01-01',
    schoolYear: '2027',
  },
];
const schools: Record<string, object> = {
  'org-s1': { ...meta, sourcedId: 'org-s1', name: 'Kuusikon koulu', type: 'school', identifier: '99901' },
  'org-s2': { ...meta, sourcedId: 'org-s2', name: 'Granbackens skola', type: 'school', identifier: '99902' },
};

/** A OneRoster server over arrays, paging as the spec says. */
function server(data: {
  classes: unknown[];
  enrollments?: unknown[];
  ignoreUserFilter?: boolean;
  noTotal?: boolean;
}) {
  const page = (c: Call, key: string, all: unknown[]) => {
    const limit = Number(c.url.searchParams.get('limit') ?? 100);
    const offset = Number(c.url.searchParams.get('offset') ?? 0);
    return json(
      { [key]: all.slice(offset, offset + limit) },
      200,
      data.noTotal ? {} : { 'X-Total-Count': String(all.length) },
    );
  };
  return fakeFetch((c) => {
    const p = c.url.pathname.slice(BASE.length);
    if (p === '/users/u1/classes') return page(c, 'classes', data.classes);
    if (p === '/enrollments') {
      const f = c.url.searchParams.get('filter');
      const all = data.enrollments ?? [];
      if (data.ignoreUserFilter)
        return page(c, 'enrollments', [enrollment(900, { user: ref('someone-else', 'user') }), ...all]);
      expect(f).to.equal("user.sourcedId='u1'");
      return page(c, 'enrollments', all);
    }
    if (p === '/academicSessions') return page(c, 'academicSessions', sessions);
    const school = /^\/schools\/(.+)$/.exec(p);
    if (school)
      return schools[school[1]!]
        ? json({ org: schools[school[1]!] })
        : json({ imsx_codeMajor: 'failure' }, 404);
    return json({ imsx_codeMajor: 'failure', imsx_description: `no ${p}` }, 404);
  });
}

function roster(f: ReturnType<typeof server>, pageSize = 10) {
  return new OneRosterService({
    api: new ApiClient({ api: 'http://or.test', auth: tokens(), fetch: f }),
    pageSize,
    today: () => '2026-09-01',
  });
}

describe('OneRosterService', () => {
  it('pages /users/{id}/classes with limit/offset until X-Total-Count, reporting progress', async () => {
    const f = server({
      classes: Array.from({ length: 25 }, (_, i) => klass(i)),
      enrollments: Array.from({ length: 25 }, (_, i) => enrollment(i)),
    });
    const progress: LoadProgress[] = [];
    const r = await roster(f).groupsForUser('u1', { onProgress: (p) => progress.push(p) });
    expect(r.groups).to.have.length(25);
    const offsets = f.calls
      .filter((c) => c.url.pathname.endsWith('/classes'))
      .map((c) => c.url.searchParams.get('offset'));
    expect(offsets).to.deep.equal(['0', '10', '20']);
    expect(progress).to.deep.equal([
      { loaded: 10, total: 25 },
      { loaded: 20, total: 25 },
      { loaded: 25, total: 25 },
    ]);
    expect(r.groups[0]).to.deep.include({
      id: 'c0',
      kind: 'homeroom',
      myRole: 'teacher',
      isPrimaryTeacher: true,
      schoolId: 'org-s2',
    });
    expect(r.groups[1]).to.deep.include({ kind: 'teachingGroup', isPrimaryTeacher: false });
    // schools labelled; sessions referenced plus their parent year, nothing else
    expect(r.organizations.map((o) => o.id).sort()).to.deep.equal(['org-s1', 'org-s2']);
    expect(r.sessions.map((s) => s.id).sort()).to.deep.equal(['term-1', 'year-2027']);
  });

  it('without X-Total-Count, stops at a short page', async () => {
    const f = server({ classes: Array.from({ length: 20 }, (_, i) => klass(i)), noTotal: true });
    const r = await roster(f).groupsForUser('u1');
    expect(r.groups).to.have.length(20);
    expect(f.calls.filter((c) => c.url.pathname.endsWith('/classes'))).to.have.length(3);
  });

  it('hides tobedeleted classes, ended and deleted enrollments (end date exclusive), skips bad records', async () => {
    const f = server({
      classes: [
        klass(0),
        klass(1, { status: 'tobedeleted' }),
        klass(2),
        klass(3),
        klass(4),
        klass(5),
        { sourcedId: 'broken' },
      ],
      enrollments: [
        enrollment(0),
        enrollment(1),
        enrollment(2, { endDate: '2026-09-01' }), // ended today: exclusive
        enrollment(3, { endDate: '2026-09-02' }), // still on
        enrollment(4, { status: 'tobedeleted' }),
        enrollment(5, { beginDate: '2026-10-01', role: 'student' }), // not yet
      ],
    });
    const r = await roster(f).groupsForUser('u1');
    expect(r.groups.map((g) => g.id)).to.deep.equal(['c0', 'c3']);
  });

  it('a server that ignores the user filter is caught on the first page; classes stand without enrollments', async () => {
    const f = server({ classes: [klass(0), klass(1)], enrollments: [enrollment(0)], ignoreUserFilter: true });
    const r = await roster(f).groupsForUser('u1');
    expect(r.groups.map((g) => g.id)).to.deep.equal(['c0', 'c1']);
    expect(r.groups[0]!.myRole).to.equal(undefined);
    expect(f.calls.filter((c) => c.url.pathname.endsWith('/enrollments'))).to.have.length(1);
  });

  it('aborts: rejects with the abort reason', async () => {
    const f = server({ classes: Array.from({ length: 30 }, (_, i) => klass(i)) });
    const ctl = new AbortController();
    const p = roster(f).groupsForUser('u1', {
      signal: ctl.signal,
      onProgress: () => ctl.abort(new DOMException('gone', 'AbortError')),
    });
    let err: unknown;
    try {
      await p;
    } catch (e) {
      err = e;
    }
    expect((err as DOMException).name).to.equal('AbortError');
    expect(f.calls.filter((c) => c.url.pathname.endsWith('/classes')).length).to.be.lessThan(3);
  });

  it('server errors reject with a PlatformError', async () => {
    const f = fakeFetch(() => json({ imsx_codeMajor: 'failure', imsx_description: 'down' }, 500));
    let err: unknown;
    try {
      await roster(f as ReturnType<typeof server>).groupsForUser('u1');
    } catch (e) {
      err = e;
    }
    expect(err).to.have.property('code', 'SERVER');
  });
});
