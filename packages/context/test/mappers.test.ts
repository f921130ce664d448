import { expect } from '@open-wc/testing';
import {
  MappingError,
  fromMpassClaims,
  fromOneRosterAcademicSession,
  fromOneRosterClass,
  fromOneRosterEnrollment,
  fromOneRosterOrg,
  fromOneRosterUser,
  isCurrent,
  helsinkiToday,
} from '@digione/context';
import { enrollment, klass, orgSchool, session, user } from './fixtures/oneroster.js';

function throwsMapping(fn: () => unknown, field: string) {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(MappingError);
    expect((e as MappingError).field).to.equal(field);
    return;
  }
  throw new Error(`expected a MappingError on ${field}`);
}

describe('OneRoster 1.2 mappers', () => {
  it('maps a user: roles, preferred name, learner number kept restricted, unknown roles dropped', () => {
    const u = fromOneRosterUser(user);
    expect(u.id).to.equal('user-17');
    expect(u.displayName).to.equal('Ainska Virtanen');
    expect(u.roles).to.deep.equal([
      { role: 'teacher', roleType: 'primary', orgId: 's1' },
      { role: 'teacher', roleType: 'secondary', orgId: 's2', endDate: '2027-06-01' },
    ]);
    expect(u.restricted).to.deep.equal({ email: 'aino.virtanen@example.fi', learnerNumber: '1.2.246.562.24.00000000017' });
  });

  it('maps a guardian with two children (agents)', () => {
    const g = fromOneRosterUser({
      ...user,
      sourcedId: 'g-1',
      roles: [{ roleType: 'primary', role: 'parent', org: { sourcedId: 's1' } }],
      agents: [{ sourcedId: 'child-1', type: 'user' }, { sourcedId: 'child-2', type: 'user' }],
    });
    expect(g.roles[0]!.role).to.equal('guardian');
    expect(g.agentIds).to.deep.equal(['child-1', 'child-2']);
  });

  it('maps an org with school code and Swedish name from metadata', () => {
    const o = fromOneRosterOrg(orgSchool);
    expect(o).to.deep.include({ id: orgSchool.sourcedId, type: 'school', schoolCode: '99901', parentId: 'p1' });
    expect(o.name).to.deep.equal({ fi: 'Kuusikon koulu', sv: 'Granbackens skola' });
  });

  it('maps an academic session with an exclusive end date and ending-year schoolYear', () => {
    const s = fromOneRosterAcademicSession(session);
    expect(s).to.deep.equal({
      id: 'term-1', title: 'Syyslukukausi 2026', type: 'semester', startDate: '2026-08-10', endDate: '2027-01-01', schoolYear: '2027', parentId: 'year-2027',
    });
    throwsMapping(() => fromOneRosterAcademicSession({ ...session, endDate: '2026-08-10' }), 'academicSession.endDate');
    throwsMapping(() => fromOneRosterAcademicSession({ ...session, schoolYear: '2026-2027' }), 'academicSession.schoolYear');
  });

  it('maps a class to a group', () => {
    const g = fromOneRosterClass(klass);
    expect(g).to.deep.equal({
      id: 'class-7b', title: '7B', code: '7B', kind: 'homeroom', schoolId: orgSchool.sourcedId, courseId: 'course-1',
      sessionIds: ['term-1'], status: 'active', lastModified: '2026-08-02T10:00:00.000Z', subjects: ['Luokanvalvonta'], grades: ['07'],
    });
    expect(fromOneRosterClass({ ...klass, classType: 'scheduled' }).kind).to.equal('teachingGroup');
  });

  it('maps an enrollment', () => {
    expect(fromOneRosterEnrollment(enrollment)).to.deep.equal({
      id: 'enr-1', userId: 'user-17', classId: 'class-7b', schoolId: 's1', role: 'teacher', primary: true, status: 'active', beginDate: '2026-08-10', endDate: '2027-06-01',
    });
  });

  it('bad input: a clear error naming the field, never a half-built object', () => {
    throwsMapping(() => fromOneRosterClass({ ...klass, terms: [] }), 'class.terms');
    throwsMapping(() => fromOneRosterClass({ ...klass, title: '' }), 'class.title');
    throwsMapping(() => fromOneRosterClass({ ...klass, school: 'x' }), 'class.school');
    throwsMapping(() => fromOneRosterClass({ ...klass, terms: [{ href: 'x' }] }), 'class.terms[0].sourcedId');
    throwsMapping(() => fromOneRosterClass({ ...klass, status: 'deleted' }), 'class.status');
    throwsMapping(() => fromOneRosterClass({ ...klass, dateLastModified: 'yesterday' }), 'class.dateLastModified');
    throwsMapping(() => fromOneRosterUser({ ...user, roles: undefined }), 'user.roles');
    throwsMapping(() => fromOneRosterUser({ ...user, enabledUser: 'yes' }), 'user.enabledUser');
    throwsMapping(() => fromOneRosterUser({ ...user, roles: [{ roleType: 'primary', role: 'teacher' }] }), 'user.roles[0].org');
    throwsMapping(() => fromOneRosterEnrollment({ ...enrollment, endDate: '1.6.2027' }), 'enrollment.endDate');
    throwsMapping(() => fromOneRosterOrg(null), 'org');
    throwsMapping(() => fromOneRosterOrg([]), 'org');
  });

  it('date ranges: begin inclusive, end exclusive', () => {
    const r = { beginDate: '2026-08-10', endDate: '2027-06-01' };
    expect(isCurrent(r, '2026-08-09')).to.equal(false);
    expect(isCurrent(r, '2026-08-10')).to.equal(true);
    expect(isCurrent(r, '2027-05-31')).to.equal(true);
    expect(isCurrent(r, '2027-06-01')).to.equal(false);
    expect(isCurrent({}, '2027-06-01')).to.equal(true);
  });

  it('today is a Helsinki calendar day', () => {
    // 22:30 UTC on 31 Dec is already 1 Jan in Helsinki (UTC+2)
    expect(helsinkiToday(new Date('2026-12-31T22:30:00Z'))).to.equal('2027-01-01');
  });
});

describe('MPASSid mapper', () => {
  const base = {
    sub: 'mpass-sub-1',
    given_name: 'Matti',
    family_name: 'Meikäläinen',
    'urn:oid:1.3.6.1.4.1.16161.1.1.27': '1.2.246.562.98.12345678901',
    'urn:mpass.id:uid': 'MPASSOID.abc',
  };

  it('current role format, several schools, schoolInfo names', () => {
    const { user: u, organizations } = fromMpassClaims({
      ...base,
      'urn:mpass.id:role': ['1.2.246.562.10.12345678907;99900;7B;Opettaja', '1.2.246.562.10.12345678907;99901;9A;Opettaja;2'],
      'urn:mpass.id:schoolInfo': ['99900;Demolan koulu', '99901;Kuusikon koulu'],
    });
    expect(u.roles).to.deep.equal([
      { role: 'teacher', roleType: 'primary', orgId: '99900', groupLabel: '7B' },
      { role: 'teacher', roleType: 'secondary', orgId: '99901', groupLabel: '9A' },
    ]);
    expect(organizations.map((o) => [o.schoolCode, o.name.fi])).to.deep.equal([['99900', 'Demolan koulu'], ['99901', 'Kuusikon koulu']]);
    expect(u.restricted?.learnerNumber).to.equal('1.2.246.562.98.12345678901');
    expect(u.id).to.equal('mpass-sub-1');
  });

  it('old (1.1) role format with a municipality in part one', () => {
    const { user: u } = fromMpassClaims({ ...base, 'urn:mpass.id:role': 'Vantaa;99900;7B;Oppilas' });
    expect(u.roles).to.deep.equal([{ role: 'student', roleType: 'primary', orgId: '99900', groupLabel: '7B' }]);
  });

  it('role codes: 6 is principal, 5 substitute teacher', () => {
    const { user: u } = fromMpassClaims({ ...base, 'urn:mpass.id:role': ['x;99900;;6', 'x;99901;;5'] });
    expect(u.roles.map((r) => r.role)).to.deep.equal(['principal', 'substituteTeacher']);
  });

  it('plain values: a single role applies to all schools; a single class binds to the first school', () => {
    const { user: u } = fromMpassClaims({
      ...base,
      'urn:mpass.id:role': 'Opettaja',
      'urn:mpass.id:schoolCode': ['99900', '99901'],
      'urn:mpass.id:class': '7B',
    });
    expect(u.roles).to.deep.equal([
      { role: 'teacher', roleType: 'primary', orgId: '99900', groupLabel: '7B' },
      { role: 'teacher', roleType: 'secondary', orgId: '99901' },
    ]);
  });

  it('plain values in other counts carry no roles -> clear error', () => {
    throwsMapping(
      () => fromMpassClaims({ ...base, 'urn:mpass.id:role': ['Opettaja', 'Rehtori'], 'urn:mpass.id:schoolCode': ['99900', '99901', '99902'] }),
      'urn:mpass.id:role',
    );
  });

  it('an invalid school code drops that role; none left is an error', () => {
    const { user: u } = fromMpassClaims({ ...base, 'urn:mpass.id:role': ['x;123;7B;Opettaja', 'x;99901;;Opettaja'] });
    expect(u.roles.map((r) => r.orgId)).to.deep.equal(['99901']);
    throwsMapping(() => fromMpassClaims({ ...base, 'urn:mpass.id:role': 'x;abc;7B;Opettaja' }), 'urn:mpass.id:role');
  });

  it('missing learner number or name: errors naming the attribute', () => {
    const { 'urn:oid:1.3.6.1.4.1.16161.1.1.27': _ln, ...noLn } = base;
    throwsMapping(() => fromMpassClaims({ ...noLn, 'urn:mpass.id:role': 'x;99900;;Oppilas' }), 'urn:oid:1.3.6.1.4.1.16161.1.1.27');
    throwsMapping(() => fromMpassClaims({ ...base, given_name: '' , 'urn:mpass.id:role': 'x;99900;;Oppilas' }), 'urn:oid:2.5.4.42');
    throwsMapping(() => fromMpassClaims({ ...base, 'urn:oid:1.3.6.1.4.1.16161.1.1.27': '010101-123A', 'urn:mpass.id:role': 'x;99900;;Oppilas' }), 'urn:oid:1.3.6.1.4.1.16161.1.1.27');
    throwsMapping(() => fromMpassClaims('nope'), 'claims');
  });
});
