/**
 * Where a sign-in comes back to. The redirect URI is the bare page (a provider registers it
 * exactly), so the address the user was at (a deep link: `?plugin=&group=&path=`) travels beside
 * the authorization request instead: in sessionStorage under the request's `state`, which every
 * protocol client (ours, oidc-client-ts's `OidcClient`) puts in the authorization URL. Only a
 * path + query + hash of this origin is ever kept or restored: never an open redirect.
 * @module
 */

/** sessionStorage key prefix of the address a pending sign-in returns to, by its `state`. */
export const RETURN_PREFIX = 'd1.oidc.return:';

/**
 * `value` as a path + query + hash on this page's origin, or null for anything that would leave
 * it (`//host`, `/\host`, `https://...`, `javascript:...`) or is not a string.
 */
export function sameOriginAddress(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value)) return null;
  let u: URL;
  try {
    u = new URL(value, location.origin);
  } catch {
    return null;
  }
  return u.origin === location.origin ? u.pathname + u.search + u.hash : null;
}

/**
 * Remember this page's address for the sign-in that `authorizationUrl` starts, minus `drop`
 * (the callback's own parameters). Nothing is kept when the URL carries no `state`.
 */
export function rememberReturn(authorizationUrl: string, drop: readonly string[]): void {
  let state: string | null = null;
  try {
    state = new URL(authorizationUrl).searchParams.get('state');
  } catch {
    // not a URL: no state to key by, the sign-in comes back to the bare page
  }
  if (!state) return;
  const here = new URL(location.href);
  for (const p of drop) here.searchParams.delete(p);
  sessionStorage.setItem(RETURN_PREFIX + state, here.pathname + here.search + here.hash);
}

/**
 * The address the sign-in with `state` started from (null when this tab started none such), used
 * once: every remembered address is dropped, as a finished sign-in makes the others stale.
 */
export function takeReturn(state: string): string | null {
  const kept = sessionStorage.getItem(RETURN_PREFIX + state);
  for (const k of Object.keys(sessionStorage)) if (k.startsWith(RETURN_PREFIX)) sessionStorage.removeItem(k);
  return sameOriginAddress(kept);
}
