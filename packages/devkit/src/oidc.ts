/**
 * The OpenID Connect provider (oidc-provider) under `/oidc`: one public client `digione-portal`,
 * authorization code + PKCE (S256) only, JWT access tokens for the platform API resource, session-
 * bound rotating refresh tokens, RP-initiated logout without a confirmation page, and our own
 * sign-in page that lists the demo users.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type ProviderType from 'oidc-provider';
import type * as OidcModule from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { JWK } from 'jose';
import type { DemoData } from './data/model.js';
import { claimsFor, PROFILE_CLAIMS } from './claims.js';
import { HttpError, readForm } from './http.js';
import { memoryAdapter } from './oidc-store.js';
import { logoutPage, messagePage, pickLang, signInPage, strings } from './pages.js';

/** The resource indicator of the platform's APIs (the access token's audience). */
export const PLATFORM_API = 'urn:digione:platform-api';
/** The public client every portal and vendor page uses. */
export const CLIENT_ID = 'digione-portal';
/** Paths registered as redirect (and post-logout redirect) URIs on every client origin. */
export const REDIRECT_PATHS = ['/', '/index.html', '/callback.html', '/silent-renew.html', '/vendor-app/'];

/** Options for {@link createOidc}. */
export interface OidcOptions {
  issuer: string;
  data: DemoData;
  /** The private signing key (RS256) with `kid`. */
  signingKey: JWK;
  /** Origins whose redirect paths are registered (the portal's first). */
  clientOrigins: string[];
  /** Extra exact redirect URIs. */
  redirectUris: string[];
  /** Whether a browser origin may call the provider (token endpoint) with CORS. */
  isAllowedOrigin: (origin: string) => boolean;
  /** Access token lifetime in seconds. */
  accessTokenTtl: number;
}

/** The mounted provider: `handle` serves every `/oidc/...` request. */
export interface Oidc {
  provider: ProviderType;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

// oidc-provider 9 declares Node 22+ and warns on import; it works on Node 20 (TOOLCHAIN.md), so
// keep that one line out of the devkit's start-up output
let loaded: Promise<typeof OidcModule> | undefined;
function loadProvider(): Promise<typeof OidcModule> {
  loaded ??= (async () => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('Unsupported runtime')) return;
      warn(...args);
    };
    try {
      return await import('oidc-provider');
    } finally {
      console.warn = warn;
    }
  })();
  return loaded;
}

/** Create the provider and the handler for its mount path. */
export async function createOidc(opts: OidcOptions): Promise<Oidc> {
  const { default: Provider, errors } = await loadProvider();
  const { data } = opts;
  const redirectUris = [
    ...new Set([
      ...opts.clientOrigins.flatMap((o) => REDIRECT_PATHS.map((p) => new URL(p, o).href)),
      ...opts.redirectUris,
    ]),
  ];
  const ttl = opts.accessTokenTtl;
  const configuration: Configuration = {
    adapter: memoryAdapter(),
    jwks: { keys: [opts.signingKey as never] },
    clients: [
      {
        client_id: CLIENT_ID,
        client_name: 'DigiOne',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: redirectUris,
        post_logout_redirect_uris: redirectUris,
      },
    ],
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'offline_access'],
    claims: { openid: ['sub'], profile: PROFILE_CLAIMS },
    // the access token is for the platform API, not userinfo: put the profile in the ID token
    conformIdTokenClaims: false,
    clientBasedCORS: (_ctx, origin) => opts.isAllowedOrigin(origin),
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    findAccount: (_ctx, sub) => {
      const user = data.byId.users.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => claimsFor(data, user) as { sub: string } };
    },
    interactions: { url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}` },
    // a first-party client: no consent screen; the grant holds whatever the client asked for
    loadExistingGrant: async (ctx) => {
      const client = ctx.oidc.client!;
      const session = ctx.oidc.session!;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (!grant)
        grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope('openid profile offline_access');
      grant.addOIDCClaims(PROFILE_CLAIMS);
      grant.addResourceScope(PLATFORM_API, 'platform');
      await grant.save();
      return grant;
    },
    // session-bound rotating refresh tokens for the public client (offline_access is not needed,
    // oidc-provider would drop it anyway without prompt=consent)
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = logoutPage(langOf(ctx), form);
        },
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
          const lang = langOf(ctx);
          const t = strings(lang);
          ctx.type = 'html';
          ctx.body = messagePage(lang, t.signedOutTitle, t.signedOut, { href: '/', text: t.backToPortal });
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => PLATFORM_API,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== PLATFORM_API)
            throw new errors.InvalidTarget(`unknown resource; use ${PLATFORM_API}`);
          return {
            scope: 'platform',
            audience: PLATFORM_API,
            accessTokenFormat: 'jwt',
            accessTokenTTL: ttl,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      revocation: { enabled: true },
    },
    ttl: {
      AccessToken: ttl,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      RefreshToken: (ctx) => {
        // a rotated token lives as long as the one it replaced: the chain ends with the session
        const rotated = ctx?.oidc?.entities.RotatedRefreshToken;
        return rotated ? rotated.remainingTTL : 8 * 3600;
      },
    },
    renderError: (ctx, out) => {
      const lang = langOf(ctx);
      ctx.type = 'html';
      const text = [out.error, out.error_description].filter(Boolean).join(': ');
      ctx.body = messagePage(lang, strings(lang).errorTitle, text);
    },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
  };
  const provider = new Provider(opts.issuer, configuration);
  // oidc-provider logs server errors through events; keep them visible but never fatal
  provider.on('server_error', (_ctx, err) => console.error('[digione-dev] OIDC server error:', err));

  const mount = new URL(opts.issuer).pathname.replace(/\/$/, '');
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> {
    const m = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(rest);
    if (!m) throw new HttpError(404, 'not_found', 'no such interaction path');
    const [, uid, action] = m as unknown as [string, string, string | undefined];
    const url = new URL(req.url ?? '/', 'http://x');
    let details: Awaited<ReturnType<ProviderType['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      const lang = pickLang(url.searchParams.get('lang'), req.headers['accept-language']);
      const t = strings(lang);
      return sendHtml(
        res,
        400,
        messagePage(lang, t.expiredTitle, t.expired, { href: '/', text: t.backToPortal }),
      );
    }
    if (details.uid !== uid)
      throw new HttpError(400, 'interaction_mismatch', 'this sign-in belongs to another interaction');
    const params = details.params as Record<string, unknown>;
    if (!action) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        throw new HttpError(405, 'method_not_allowed', 'use GET', { allow: 'GET' });
      if (details.prompt.name === 'consent') {
        // first-party client: grant and continue (normally loadExistingGrant already has)
        const grant = new provider.Grant({
          accountId: details.session!.accountId,
          clientId: String(params.client_id),
        });
        grant.addOIDCScope('openid profile offline_access');
        grant.addOIDCClaims(PROFILE_CLAIMS);
        grant.addResourceScope(PLATFORM_API, 'platform');
        const grantId = await grant.save();
        return provider.interactionFinished(
          req,
          res,
          { consent: { grantId } },
          { mergeWithLastSubmission: true },
        );
      }
      const lang = pickLang(
        url.searchParams.get('lang'),
        String(params.ui_locales ?? ''),
        req.headers['accept-language'],
      );
      return sendHtml(res, 200, signInPage({ lang, uid, clientName: 'DigiOne', users: data.demoUsers }));
    }
    if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST', { allow: 'POST' });
    const form = await readForm(req);
    const lang = pickLang(form.get('lang'), String(params.ui_locales ?? ''), req.headers['accept-language']);
    if (action === '/abort') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'the user cancelled the sign-in' },
        { mergeWithLastSubmission: false },
      );
    }
    const chosen = (form.get('userId') ?? '').trim();
    // tests may name a demo login by its key ("pupil") as well as by sourcedId
    const user =
      data.byId.users.get(chosen) ??
      data.byId.users.get(data.demoUsers.find((u) => u.key === chosen)?.id ?? '');
    if (!chosen || !user) {
      const t = strings(lang);
      return sendHtml(
        res,
        400,
        signInPage({ lang, uid, clientName: 'DigiOne', users: data.demoUsers, error: t.unknownUser }),
      );
    }
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.id } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    provider,
    async handle(req, res) {
      const url = req.url ?? '/';
      const rest = url.slice(mount.length).split('?')[0]!;
      if (rest.startsWith('/interaction/')) return interaction(req, res, rest);
      // hand the provider a path relative to its mount, as Express's app.use(mount) would
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
      req.url = url.slice(mount.length) || '/';
      await callback(req, res);
    },
  };
}

function langOf(ctx: KoaContextWithOIDC): 'fi' | 'sv' | 'en' {
  const params = (ctx.oidc?.params ?? {}) as Record<string, unknown>;
  return pickLang(String(params.ui_locales ?? ''), ctx.get('accept-language'));
}

function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'",
  });
  res.end(body);
}
