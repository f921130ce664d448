/**
 * Pure helpers the login bar uses to turn the context model into what it shows.
 * @module
 */
import type { RoleAssignment, User } from '@digione/context';

/** The name the person goes by: preferred first name (OneRoster) before the given name. */
export function firstName(user: Pick<User, 'givenName' | 'preferredFirstName'>): string {
  return user.preferredFirstName?.trim() || user.givenName.trim();
}

/** Preferred first name and family name, e.g. "Aino Virtanen"; the display name if both are empty. */
export function visibleName(
  user: Pick<User, 'givenName' | 'familyName' | 'preferredFirstName' | 'displayName'>,
): string {
  const name = `${firstName(user)} ${user.familyName.trim()}`.trim();
  return name || user.displayName.trim();
}

/**
 * Up to two capital letters for the avatar. Works on code points (not UTF-16 units) so that names
 * outside the Basic Multilingual Plane still get a whole letter.
 */
export function initials(
  user: Pick<User, 'givenName' | 'familyName' | 'preferredFirstName' | 'displayName'>,
): string {
  const parts = [firstName(user), user.familyName.trim()].filter(Boolean);
  if (!parts.length) parts.push(...user.displayName.trim().split(/\s+/));
  // join() writes the missing first letter of an empty part as ''
  return parts
    .slice(0, 2)
    .map((p) => [...p][0])
    .join('')
    .toLocaleUpperCase();
}

/** Two assignments are the same role when role, organisation and group label match. */
export function sameRole(
  a: RoleAssignment | null | undefined,
  b: RoleAssignment | null | undefined,
): boolean {
  return (
    !!a && !!b && a.role === b.role && a.orgId === b.orgId && (a.groupLabel ?? '') === (b.groupLabel ?? '')
  );
}

/**
 * The role the bar shows as active: the given one when the user really holds it, else the
 * primary one, else the first. `null` for a user without roles.
 */
export function effectiveRole(user: User, active: RoleAssignment | null | undefined): RoleAssignment | null {
  return (
    (active && user.roles.find((r) => sameRole(r, active))) ||
    user.roles.find((r) => r.roleType === 'primary') ||
    user.roles[0] ||
    null
  );
}
