// ID token claims as the devkit issues them (MPASSid names).
export const teacherClaims = {
  sub: 'u-teacher-1',
  given_name: 'Aino',
  family_name: 'Virtanen',
  'urn:mpass.id:uid': 'mpass-uid-1',
  'urn:oid:1.3.6.1.4.1.16161.1.1.27': '1.2.246.562.98.10000000001',
  'urn:mpass.id:role': ['1.2.246.562.10.1;99901;;Opettaja;2', '1.2.246.562.10.1;99902;;Opettaja;2'],
  'urn:mpass.id:schoolInfo': ['99901;Kuusikon koulu', '99902;Granbackens skola'],
  locale: 'sv-FI',
};

export const meResponse = {
  user: {
    sourcedId: 'u-teacher-1',
    status: 'active',
    dateLastModified: '2026-01-01T00:00:00Z',
    enabledUser: true,
    givenName: 'Aino',
    familyName: 'Virtanen',
    preferredFirstName: 'Ainska',
    roles: [{ roleType: 'primary', role: 'teacher', org: { sourcedId: 'org-s1', type: 'org' } }],
  },
  orgs: [
    {
      sourcedId: 'org-s1',
      status: 'active',
      dateLastModified: '2026-01-01T00:00:00Z',
      name: 'Kuusikon koulu',
      type: 'school',
      identifier: '99901',
    },
    {
      sourcedId: 'org-s2',
      status: 'active',
      dateLastModified: '2026-01-01T00:00:00Z',
      name: 'Granbackens skola',
      type: 'school',
      identifier: '99902',
      metadata: { names: { fi: 'Kuusikummun koulu', sv: 'Granbackens skola' } },
    },
  ],
};

/** An unsigned JWT-shaped string (the protocol client reads it, the provider signs; fakes do not). */
export function fakeJwt(claims: object): string {
  const b64 = (o: object) =>
    btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'none' })}.${b64(claims)}.`;
}
