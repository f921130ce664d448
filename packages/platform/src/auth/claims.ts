/**
 * ID token claims (MPASSid names) -> the context model, plus the OneRoster view of the same person
 * from `GET /api/me` (preferred first name, guardian links, org sourcedIds and localized names).
 * @module
 */
import {
  MappingError,
  MPASS,
  fromMpassClaims,
  fromOneRosterOrg,
  fromOneRosterUser,
  localeFor,
  type AuthError,
  type Organization,
  type PlatformContext,
  type User,
} from '@digione/context';

/** The guardian's children (sourcedIds): a local extension, MPASSid has no guardian role. */
export const CHILDREN_CLAIM = 'https://digione.fi/claims/children';

/** What `GET /api/me` answers: the OneRoster user and the orgs it belongs to. */
export interface MeResponse {
  user?: unknown;
  orgs?: unknown[];
}

/** The part of the {@link PlatformContext} a sign-in sets. */
export type SignedInContext = Pick<
  PlatformContext,
  'auth' | 'user' | 'activeRole' | 'organizations' | 'activeChildId' | 'activeGroup'
> &
  Partial<Pick<PlatformContext, 'locale'>>;

/**
 * Map the ID token's claims (and `/api/me`, when known) to the signed-in context. The active role
 * is the first primary one; the locale comes from the `locale` claim when there is one. Throws a
 * {@link MappingError} when the person cannot be signed in; {@link authErrorOf} names it.
 */
export function contextFromClaims(claims: Record<string, unknown>, me?: MeResponse | null): SignedInContext {
  const orgs: Organization[] = [];
  for (const o of me?.orgs ?? []) {
    try {
      orgs.push(fromOneRosterOrg(o));
    } catch {
      // one malformed org must not block the sign-in; its school code stays the id
    }
  }
  const byCode = new Map(orgs.filter((o) => o.schoolCode).map((o) => [o.schoolCode!, o.id]));
  const { user, organizations } = fromMpassClaims(claims, {
    orgIdForSchoolCode: (code) => byCode.get(code) ?? code,
  });
  let roster: User | undefined;
  try {
    roster = me?.user ? fromOneRosterUser(me.user) : undefined;
  } catch {
    roster = undefined;
  }
  const merged: User = { ...user };
  if (roster?.preferredFirstName) merged.preferredFirstName = roster.preferredFirstName;
  merged.displayName = `${merged.preferredFirstName ?? merged.givenName} ${merged.familyName}`;
  const children = claims[CHILDREN_CLAIM];
  const agents = Array.isArray(children)
    ? children.filter((c): c is string => typeof c === 'string' && c !== '')
    : (roster?.agentIds ?? []);
  if (agents.length) merged.agentIds = agents;
  if (roster?.restricted?.nonDisclosure) merged.restricted = { ...merged.restricted, nonDisclosure: true };

  const organizationsById: Record<string, Organization> = {};
  for (const o of [...organizations, ...orgs]) organizationsById[o.id] = o;
  const activeRole = merged.roles.find((r) => r.roleType === 'primary') ?? merged.roles[0]!;
  const out: SignedInContext = {
    auth: { status: 'signed-in' },
    user: merged,
    activeRole,
    organizations: organizationsById,
    activeChildId: activeRole.role === 'guardian' ? (agents[0] ?? null) : null,
    activeGroup: null,
  };
  if (typeof claims.locale === 'string' && claims.locale) out.locale = localeFor(claims.locale);
  return out;
}

/** The sign-in error a login bar shows for a failure (a pupil-friendly code, plus the detail). */
export function authErrorOf(err: unknown): AuthError {
  const message = err instanceof Error ? err.message : String(err);
  // OidcError (`?error=`, token endpoint errors), like oidc-client-ts's ErrorResponse, carries the
  // OAuth `error`: checked by shape, not by class, so an injected oidc-client-ts maps alike
  const { error, name, code } = (err ?? {}) as { error?: unknown; name?: unknown; code?: unknown };
  return {
    code:
      err instanceof MappingError
        ? err.field === MPASS.learnerNumber
          ? 'missing-learner-number'
          : err.field === MPASS.role
            ? 'missing-role'
            : 'unknown'
        : error === 'access_denied'
          ? 'rejected'
          : error === 'login_required' || error === 'invalid_grant'
            ? 'expired'
            : // fetch fails with a bare TypeError (a failed protocol check is an OidcError with a
              // `code`); a timed-out request is a TimeoutError (AbortSignal.timeout) or ErrorTimeout
              // (oidc-client-ts)
              (err instanceof TypeError && !code) || name === 'TimeoutError' || name === 'ErrorTimeout'
              ? 'network'
              : 'unknown',
    message,
  };
}
