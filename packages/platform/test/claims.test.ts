import { expect } from '@open-wc/testing';
import { MappingError } from '@digione/context';
import { OidcError } from '@digione/platform/auth/oauth-client.js';
import { authErrorOf, contextFromClaims, CHILDREN_CLAIM } from '@digione/platform';
import { meResponse, teacherClaims } from './helpers/claims.js';

describe('contextFromClaims', () => {
  it('teacher at two schools: user, first primary role active, schools, locale from the claim', () => {
    const c = contextFromClaims(teacherClaims);
    expect(c.auth).to.deep.equal({ status: 'signed-in' });
    expect(c.user!.id).to.equal('u-teacher-1');
    expect(c.user!.displayName).to.equal('Aino Virtanen');
    expect(c.user!.roles.map((r) => [r.role, r.orgId, r.roleType])).to.deep.equal([
      ['teacher', '99901', 'primary'],
      ['teacher', '99902', 'secondary'],
    ]);
    expect(c.activeRole).to.deep.equal(c.user!.roles[0]);
    expect(Object.keys(c.organizations)).to.deep.equal(['99901', '99902']);
    expect(c.locale!.ui).to.equal('sv-FI');
    expect(c.user!.restricted!.learnerNumber).to.equal('1.2.246.562.98.10000000001');
  });

  it('with /api/me: school codes become OneRoster org ids, preferred first name and localized names', () => {
    const c = contextFromClaims(teacherClaims, meResponse);
    expect(c.user!.roles.map((r) => r.orgId)).to.deep.equal(['org-s1', 'org-s2']);
    expect(c.activeRole!.orgId).to.equal('org-s1');
    expect(c.user!.preferredFirstName).to.equal('Ainska');
    expect(c.user!.displayName).to.equal('Ainska Virtanen');
    expect(c.organizations['org-s2']!.name).to.deep.equal({
      fi: 'Kuusikummun koulu',
      sv: 'Granbackens skola',
    });
    expect(c.organizations['org-s1']!.schoolCode).to.equal('99901');
  });

  it('no locale claim: the locale is left to the page', () => {
    const { locale: _l, ...noLocale } = teacherClaims;
    expect(contextFromClaims(noLocale)).not.to.have.property('locale');
  });

  it('guardian: children from the claim, the first child active', () => {
    const c = contextFromClaims({
      ...teacherClaims,
      'urn:mpass.id:role': ['1.2.246.562.10.1;99901;;Huoltaja'],
      [CHILDREN_CLAIM]: ['kid-1', 'kid-2'],
    });
    expect(c.activeRole!.role).to.equal('guardian');
    expect(c.user!.agentIds).to.deep.equal(['kid-1', 'kid-2']);
    expect(c.activeChildId).to.equal('kid-1');
  });

  it('throws MappingError that authErrorOf names: missing learner number, missing role', () => {
    const errorOf = (claims: Record<string, unknown>) => {
      try {
        contextFromClaims(claims);
      } catch (e) {
        expect(e).to.be.instanceOf(MappingError);
        return authErrorOf(e).code;
      }
      throw new Error('expected a throw');
    };
    const { 'urn:oid:1.3.6.1.4.1.16161.1.1.27': _n, ...noNumber } = teacherClaims;
    expect(errorOf(noNumber)).to.equal('missing-learner-number');
    expect(errorOf({ ...teacherClaims, 'urn:mpass.id:role': ['1.2.246.562.10.1;99901;;Kokki'] })).to.equal(
      'missing-role',
    );
    expect(errorOf({ ...teacherClaims, 'urn:mpass.id:role': [] })).to.equal('missing-role');
  });

  it('authErrorOf: access_denied -> rejected, invalid_grant -> expired, TypeError -> network', () => {
    expect(authErrorOf(Object.assign(new Error('x'), { error: 'access_denied' })).code).to.equal('rejected');
    expect(authErrorOf(Object.assign(new Error('x'), { error: 'invalid_grant' })).code).to.equal('expired');
    expect(authErrorOf(new TypeError('Failed to fetch')).code).to.equal('network');
    expect(authErrorOf(new Error('?')).code).to.equal('unknown');
  });

  it("authErrorOf maps the protocol client's errors: ?error=, token endpoint errors, failed checks, timeouts", () => {
    expect(authErrorOf(new OidcError('OIDC_PROVIDER', 'denied', 'access_denied')).code).to.equal('rejected');
    expect(authErrorOf(new OidcError('OIDC_PROVIDER', 'HTTP 400', 'invalid_grant')).code).to.equal('expired');
    // a failed check of a response: not a network failure, not the user's doing
    expect(authErrorOf(new OidcError('OIDC_CLAIM', 'unexpected nonce in id_token')).code).to.equal('unknown');
    expect(authErrorOf(new OidcError('OIDC_INSECURE', 'the issuer must be an https URL')).code).to.equal(
      'unknown',
    );
    expect(authErrorOf(new DOMException('signal timed out', 'TimeoutError')).code).to.equal('network');
  });
});
