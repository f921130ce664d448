// Bearer tokens on the platform APIs: a user's access token (JWT from our provider, aud = the
// platform API resource) or a plugin token (JWT we minted, aud = a registered plugin id).
import { jwtVerify, errors as joseErrors, type CryptoKey, type KeyObject } from 'jose';
import type { IncomingMessage } from 'node:http';
import type { UserRecord, DemoData } from './data/model.js';
import { HttpError } from './http.js';
import { PLATFORM_API } from './oidc.js';
import type { PluginRegistry, PluginSessions } from './plugins.js';

/** Who is calling; a plugin's `permissions` are those its token carries (granted, of what it asks). */
export type Principal =
  | { kind: 'user'; user: UserRecord }
  | { kind: 'plugin'; user: UserRecord; pluginId: string; sub: string; permissions: string[] };

const CHALLENGE = 'Bearer realm="digione"';

/** Verifies bearer tokens. */
export class Auth {
  constructor(
    private readonly issuer: string,
    private readonly key: CryptoKey | KeyObject,
    private readonly data: DemoData,
    private readonly registry: PluginRegistry,
    private readonly sessions: PluginSessions,
  ) {}

  /** The caller, or a 401 explaining what is wrong with the token. */
  async principal(req: IncomingMessage, url: URL, allowQueryToken = false): Promise<Principal> {
    const header = req.headers.authorization;
    let token: string | undefined;
    if (header !== undefined) {
      const m = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header);
      if (!m) throw unauthorized('invalid_request', 'the Authorization header must be "Bearer <token>"');
      token = m[1];
    } else if (allowQueryToken && url.searchParams.has('access_token')) {
      token = url.searchParams.get('access_token') ?? '';
    }
    if (!token) {
      throw new HttpError(401, 'unauthorized', 'sign in first: send Authorization: Bearer <access token>', {
        'www-authenticate': CHALLENGE,
      });
    }
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, { issuer: this.issuer, algorithms: ['RS256'] }));
    } catch (e) {
      const reason =
        e instanceof joseErrors.JWTExpired
          ? 'the token has expired'
          : e instanceof joseErrors.JWTClaimValidationFailed
            ? `the token's ${e.claim} claim is not valid here`
            : 'the token is not a token of this devkit (bad signature or format)';
      throw unauthorized('invalid_token', reason);
    }
    const aud = ([] as unknown[]).concat(payload.aud ?? []);
    const sub = typeof payload.sub === 'string' ? payload.sub : '';
    if (aud.includes(PLATFORM_API)) {
      const user = this.data.byId.users.get(sub);
      if (!user) throw unauthorized('invalid_token', 'the token names no known user');
      return { kind: 'user', user };
    }
    const pluginId = aud.find((a): a is string => typeof a === 'string' && !!this.registry.get(a));
    if (!pluginId)
      throw unauthorized(
        'invalid_token',
        `the token's audience is neither ${PLATFORM_API} nor a registered plugin`,
      );
    const user = this.sessions.userFor(sub, pluginId);
    if (!user) throw unauthorized('invalid_token', 'the plugin token names no known user');
    const permissions = ([] as unknown[])
      .concat(payload.permissions ?? [])
      .filter((p): p is string => typeof p === 'string');
    return { kind: 'plugin', user, pluginId, sub, permissions };
  }
}

function unauthorized(error: string, message: string): HttpError {
  return new HttpError(401, error, message, {
    'www-authenticate': `${CHALLENGE}, error="${error}", error_description="${message.replace(/"/g, "'")}"`,
  });
}
