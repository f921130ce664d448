import { expect } from '@open-wc/testing';
import { createPlatformStore, localeFor, toPluginContext, type Group, type PlatformContext, type User } from '@digione/context';

const teacher: User = {
  id: 'u-1',
  givenName: 'Aino',
  familyName: 'Virtanen',
  displayName: 'Aino Virtanen',
  enabled: true,
  roles: [
    { role: 'teacher', roleType: 'primary', orgId: 'o-1' },
    { role: 'teacher', roleType: 'secondary', orgId: 'o-2' },
  ],
  restricted: { learnerNumber: '1.2.246.562.24.10000000001', email: 'aino@example.fi' },
};
const group: Group = {
  id: 'c-7b',
  title: '7B',
  code: '7B-2026',
  kind: 'homeroom',
  schoolId: 'o-1',
  sessionIds: ['t1'],
  subjects: ['Matematiikka'],
  grades: ['7'],
  status: 'active',
  lastModified: '2026-08-01T00:00:00.000Z',
};
function ctx(over: Partial<PlatformContext> = {}): PlatformContext {
  return {
    ...createPlatformStore().get(),
    auth: { status: 'signed-in' },
    user: teacher,
    activeRole: teacher.roles[1]!,
    organizations: {
      'o-1': { id: 'o-1', type: 'school', name: { fi: 'Kuusikon koulu' }, schoolCode: '99901' },
      'o-2': { id: 'o-2', type: 'school', name: { fi: 'Granskolan', sv: 'Granskolan' }, schoolCode: '99902' },
    },
    activeGroup: group,
    locale: localeFor('sv'),
    ...over,
  };
}

describe('toPluginContext', () => {
  it('by default gives the pairwise sub, role, group id/title/code, locale and theme, nothing else', () => {
    const pc = toPluginContext(ctx(), [], 'pairwise-abc');
    expect(pc).to.deep.equal({
      sub: 'pairwise-abc',
      role: 'teacher',
      roles: ['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor', 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'],
      group: { id: 'c-7b', title: '7B', code: '7B-2026' },
      locale: 'sv',
      formattingLocale: 'sv-FI',
      timeZone: 'Europe/Helsinki',
      theme: { colorScheme: 'system', contrast: 'normal', reducedMotion: false, fontScale: 1 },
      permissions: [],
    });
    const json = JSON.stringify(pc);
    for (const secret of ['u-1', 'Aino', 'Virtanen', '1.2.246.562.24', 'aino@example.fi', 'Granskolan']) {
      expect(json).not.to.contain(secret);
    }
  });

  it('adds only what is granted', () => {
    const pc = toPluginContext(ctx(), ['context.user.name', 'context.school', 'context.group'], 's');
    expect(pc.user).to.deep.equal({ givenName: 'Aino', familyName: 'Virtanen', displayName: 'Aino Virtanen' });
    expect(pc.school).to.deep.equal({ name: 'Granskolan', schoolCode: '99902' });
    expect(pc.group).to.deep.equal({ id: 'c-7b', title: '7B', code: '7B-2026', kind: 'homeroom', subjects: ['Matematiikka'], grades: ['7'] });
    expect(pc.email).to.equal(undefined);
    expect(pc.learnerNumber).to.equal(undefined);
    const full = toPluginContext(ctx(), ['context.user.email', 'context.user.learnerNumber'], 's');
    expect(full.email).to.equal('aino@example.fi');
    expect(full.learnerNumber).to.equal('1.2.246.562.24.10000000001');
  });

  it('tells the plugin what it was granted, so it offers only what will work', () => {
    const pc = toPluginContext(ctx(), ['navigation', 'notifications', 'navigation', 'context.group'], 's');
    expect(pc.permissions).to.deep.equal(['context.group', 'notifications', 'navigation']);
    // signed out: the grants still stand (they are the portal's, not the user's)
    expect(toPluginContext(ctx({ user: null }), ['token'], null).permissions).to.deep.equal(['token']);
  });

  it('ignores unknown grants', () => {
    const pc = toPluginContext(ctx(), ['context.user.*', 'everything', 'user.id'], 's');
    expect(pc.user).to.equal(undefined);
    expect(pc.permissions).to.deep.equal([]);
    expect(JSON.stringify(pc)).not.to.contain('u-1');
  });

  it('never reveals the school of a pupil with a non-disclosure marking', () => {
    const pupil: User = {
      ...teacher,
      id: 'p-1',
      roles: [{ role: 'student', roleType: 'primary', orgId: 'o-1' }],
      restricted: { nonDisclosure: true },
    };
    const pc = toPluginContext(ctx({ user: pupil, activeRole: pupil.roles[0]! }), ['context.school'], 's');
    expect(pc.school).to.equal(undefined);
    expect(pc.role).to.equal('student');
  });

  it('signed out: no subject, role or group even if the store still holds a group', () => {
    const pc = toPluginContext(ctx({ user: null, activeRole: null }), ['context.user.name'], 'stale');
    expect(pc.sub).to.equal(null);
    expect(pc.role).to.equal(null);
    expect(pc.roles).to.deep.equal([]);
    expect(pc.group).to.equal(null);
    expect(pc.user).to.equal(undefined);
  });

  it('a user with no roles gets no role', () => {
    const none = { ...teacher, roles: [] };
    const pc = toPluginContext(ctx({ user: none, activeRole: null }), [], 's');
    expect(pc.role).to.equal(null);
    expect(pc.roles).to.deep.equal([]);
  });

  it('guardian: role guardian, Mentor role URI, the child is not revealed', () => {
    const guardian: User = {
      ...teacher,
      id: 'g-1',
      roles: [{ role: 'guardian', roleType: 'primary', orgId: 'o-1' }],
      agentIds: ['child-1', 'child-2'],
    };
    const pc = toPluginContext(ctx({ user: guardian, activeRole: guardian.roles[0]!, activeChildId: 'child-2' }), [], 's');
    expect(pc.role).to.equal('guardian');
    expect(pc.roles).to.deep.equal(['http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor']);
    expect(JSON.stringify(pc)).not.to.contain('child-');
  });
});

describe('locale', () => {
  it('keeps the message language apart from the formatting locale', () => {
    expect(localeFor('sms').formatting).to.equal('fi-FI');
    expect(localeFor('sms').ui).to.equal('sms-FI');
    expect(localeFor('sv').formatting).to.equal('sv-FI');
    expect(localeFor('xx').ui).to.equal('fi-FI');
    expect(localeFor('en').timeZone).to.equal('Europe/Helsinki');
  });
});
