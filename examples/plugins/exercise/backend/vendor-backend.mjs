// What Oppimo's own backend does with the plugin token (Node, no framework): it never trusts the
// client-side context; it verifies the short-lived JWT the plugin got from `d1.getToken()`
// against the platform's JWKS, and with the same token it may notify the user behind it.
// Run by test/e2e/examples.test.mjs against the devkit; quoted in docs/vendor-guide.md.
import { createRemoteJWKSet, jwtVerify } from 'jose';

// #region verify
/** A verifier for one platform and one plugin: resolves with the claims, or rejects. */
export function pluginTokenVerifier({ issuer, pluginId }) {
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  return async (token) => {
    const { payload } = await jwtVerify(token, jwks, { issuer, audience: pluginId });
    return payload; // payload.sub: the user, pseudonymously (pairwise: differs for every plugin)
  };
}
// #endregion verify

// #region notify
/** Notify the user behind a plugin token, e.g. when a teacher has graded the hand-in. */
export async function notifyUser(api, token, notification) {
  const res = await fetch(`${api}/notifications`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(notification),
  });
  if (!res.ok) throw new Error(`the platform answered ${res.status}: ${await res.text()}`);
  return res.json();
}
// #endregion notify
