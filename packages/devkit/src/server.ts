/**
 * `startDevkit()`: the local platform on two loopback origins. The portal origin
 * (`http://localhost:<port>`) has the OIDC provider, the platform APIs, OneRoster and the city
 * portal; the plugin origin (`http://127.0.0.1:<pluginPort>`, another site) serves the plugins.
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, calculateJwkThumbprint, type JWK } from 'jose';
import { generateData } from './data/generate.js';
import type { DemoData, DemoUser } from './data/model.js';
import { Auth } from './auth.js';
import { apiRoutes } from './api.js';
import { HttpError, sendJson, type Req } from './http.js';
import { NotificationHub } from './notifications.js';
import { CLIENT_ID, createOidc, PLATFORM_API, REDIRECT_PATHS } from './oidc.js';
import {
  codeMinorFor,
  ONEROSTER_PATH,
  RosterError,
  RosterJson,
  rosterRoutes,
  sendRosterError,
  type RosterRequest,
} from './oneroster.js';
import { homePage, page, pickLang } from './pages.js';
import { RosterAccess } from './roster-access.js';
import {
  describe,
  PluginRegistry,
  PluginSessions,
  PluginStorage,
  type ManifestProblem,
  type PluginManifest,
} from './plugins.js';
import { resolveStatic, sendFile } from './static.js';

/** Options for {@link startDevkit}. Every field is optional. */
export interface DevkitOptions {
  /** Portal port; 0 picks a free one. Default 4000. */
  port?: number;
  /** Plugin origin port; 0 picks a free one. Default 4001. */
  pluginPort?: number;
  /** Seed of the generated data. Default `digione`. */
  seed?: string;
  /** 0 = the small demo city (default); N = N x (10,000 groups, 100,000 users). */
  scale?: number;
  /** The day to generate data for (`YYYY-MM-DD`, Helsinki). Default today. */
  today?: string;
  /** Extra plugin manifests: paths to manifest.json files, or manifest objects. */
  plugins?: ReadonlyArray<string | PluginManifest>;
  /** More origins (besides the portal's) whose redirect paths are registered on the client. */
  clientOrigins?: readonly string[];
  /** More exact redirect URIs. */
  redirectUris?: readonly string[];
  /**
   * Origins of portal pages served elsewhere (e.g. `http://localhost:4512`): exact origins, no
   * path or wildcard. Each is a client origin too, and the example plugins accept it as their host
   * (`portalOrigins` in `/api/config`).
   */
  portalOrigins?: readonly string[];
  /** The repository root holding `examples/` and `dist/`. Default: found from this package. */
  root?: string;
  /** Access token lifetime in seconds. Default 900. */
  accessTokenTtl?: number;
  /** SSE heartbeat interval in ms. Default 15000. */
  heartbeatMs?: number;
  /** Where warnings go. Default console.warn. */
  log?: (message: string) => void;
}

/** A running devkit. */
export interface Devkit {
  /** `http://localhost:<port>` (no trailing slash). */
  portalUrl: string;
  /** `http://127.0.0.1:<pluginPort>`. */
  pluginUrl: string;
  /** `${portalUrl}/oidc`. */
  issuer: string;
  /** The generated data. */
  data: DemoData;
  /** The demo logins. */
  users: DemoUser[];
  /** Plugin manifests registered now. */
  plugins(): PluginManifest[];
  /** Stop both servers and end open streams. */
  close(): Promise<void>;
}

/**
 * A start-up failure with a message meant for people (e.g. a port in use). For
 * `invalid_manifest`, `errors` lists every error of every invalid `plugins` manifest by path.
 */
export class DevkitError extends Error {
  constructor(
    readonly code: 'port_in_use' | 'bad_option' | 'listen_failed' | 'invalid_manifest',
    message: string,
    readonly errors: readonly ManifestProblem[] = [],
  ) {
    super(message);
  }
}

/** Start the devkit. */
export async function startDevkit(options: DevkitOptions = {}): Promise<Devkit> {
  const log = options.log ?? ((m: string) => console.warn(m));
  const port = checkPort(options.port ?? 4000, 'port');
  const pluginPort = checkPort(options.pluginPort ?? 4001, 'pluginPort');
  const root = resolve(options.root ?? fileURLToPath(new URL('../../..', import.meta.url)));
  const portalOrigins = (options.portalOrigins ?? []).map((o) => {
    const origin = exactOrigin(o);
    if (!origin)
      throw new DevkitError(
        'bad_option',
        `portalOrigins: "${o}" is not an origin such as http://localhost:4512`,
      );
    return origin;
  });
  const clientOrigins = [
    ...(options.clientOrigins ?? []).map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        throw new DevkitError('bad_option', `clientOrigins: "${o}" is not a URL`);
      }
    }),
    ...portalOrigins,
  ];
  for (const u of options.redirectUris ?? []) {
    if (!URL.canParse(u)) throw new DevkitError('bad_option', `redirectUris: "${u}" is not an absolute URL`);
  }
  const data = generateData({
    seed: options.seed ?? 'digione',
    scale: options.scale ?? 0,
    ...(options.today ? { today: options.today } : {}),
  });

  const portal = await listenPortal(port);
  const plugins = await listenOn(pluginPort, '127.0.0.1', 'plugin').catch((e: unknown) => {
    for (const s of portal.servers) s.close();
    throw e;
  });
  const portalUrl = `http://localhost:${portal.port}`;
  const pluginUrl = `http://127.0.0.1:${plugins.port}`;
  const issuer = `${portalUrl}/oidc`;

  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(await exportJWK(publicKey));
  jwk.alg = 'RS256';
  jwk.use = 'sig';

  const allOrigins = [portalUrl, ...clientOrigins];
  const isAllowedOrigin = (origin: string) => allOrigins.includes(origin) || isLoopback(origin);
  const oidc = await createOidc({
    issuer,
    data,
    signingKey: jwk,
    clientOrigins: allOrigins,
    redirectUris: [...(options.redirectUris ?? [])],
    isAllowedOrigin,
    accessTokenTtl: options.accessTokenTtl ?? 900,
  });
  // loopback clients on any port (test runners pick free ports), as RFC 8252 allows for native apps
  const clientProto = oidc.provider.Client.prototype as unknown as {
    redirectUriAllowed(uri: string): boolean;
    postLogoutRedirectUriAllowed(uri: string): boolean;
  };
  const redirectAllowed = clientProto.redirectUriAllowed;
  const postLogoutAllowed = clientProto.postLogoutRedirectUriAllowed;
  clientProto.redirectUriAllowed = function (uri) {
    return redirectAllowed.call(this, uri) || isLoopback(uri);
  };
  clientProto.postLogoutRedirectUriAllowed = function (uri) {
    return postLogoutAllowed.call(this, uri) || isLoopback(uri);
  };

  let registry: PluginRegistry;
  try {
    registry = new PluginRegistry(join(root, 'examples', 'plugins'), pluginUrl, options.plugins ?? [], log);
  } catch (e) {
    for (const s of [...portal.servers, plugins.server]) s.close();
    throw new DevkitError('bad_option', (e as Error).message);
  }
  // the vendor's own manifests: refuse to start rather than run a portal that would skip them
  const problems = registry.problems();
  if (problems.length) {
    for (const s of [...portal.servers, plugins.server]) s.close();
    const names = [...new Set(problems.map((p) => p.manifest))];
    throw new DevkitError(
      'invalid_manifest',
      names
        .map((n) =>
          describe(
            n,
            problems.filter((p) => p.manifest === n),
          ),
        )
        .join('\n'),
      problems,
    );
  }
  const sessions = new PluginSessions(data.seed, data, issuer, privateKey, jwk.kid);
  const auth = new Auth(issuer, publicKey, data, registry, sessions);
  const hub = new NotificationHub(options.heartbeatMs ?? 15_000);
  const config = () => ({
    issuer,
    clientId: CLIENT_ID,
    resource: PLATFORM_API,
    scope: 'openid profile offline_access',
    api: `${portalUrl}/api`,
    oneRoster: `${portalUrl}${ONEROSTER_PATH}`,
    portalUrl,
    pluginUrl,
    // the portals the example plugins accept as their host (exact origins for connect's hostOrigins):
    // this one, the client origins, and the origins of the extra redirect URIs
    portalOrigins: [
      ...new Set([
        portalUrl,
        ...clientOrigins,
        ...(options.redirectUris ?? []).map((u) => new URL(u).origin).filter((o) => o !== 'null'),
      ]),
    ],
    redirectPaths: REDIRECT_PATHS,
  });
  const api = apiRoutes({
    data,
    auth,
    registry,
    sessions,
    storage: new PluginStorage(),
    hub,
    config,
    origin: portalUrl,
  });
  const roster = rosterRoutes(data, () => data.today);
  const rosterAccess = new RosterAccess(data, () => data.today);
  const portalDir = join(root, 'examples', 'city-portal');

  const handlePortal = async (raw: IncomingMessage, res: ServerResponse) => {
    const url = new URL(raw.url ?? '/', portalUrl);
    const path = url.pathname;
    const area =
      path === '/oidc' || path.startsWith('/oidc/')
        ? 'oidc'
        : path.startsWith('/api/')
          ? 'api'
          : path.startsWith(`${ONEROSTER_PATH}/`)
            ? 'roster'
            : 'static';
    try {
      if (area === 'oidc') return await oidc.handle(raw, res);
      if (area === 'api' || area === 'roster') {
        if (cors(raw, res, isAllowedOrigin)) return;
        const method = raw.method ?? 'GET';
        if (area === 'api') {
          const hit = api.match(method, path);
          if (!hit) throw new HttpError(404, 'not_found', `no API at ${method} ${path}`);
          return await hit.handler({ raw, res, method, url, params: hit.params });
        }
        const principal = await auth.principal(raw, url);
        // names of pupils and classmates go to a vendor only through a grant (DOMAIN.md §6, §8.5)
        if (principal.kind === 'plugin' && !principal.permissions.includes('roster'))
          throw new RosterError(
            403,
            'forbidden',
            `the plugin "${principal.pluginId}" was not granted "roster": its token may not read OneRoster (docs/devkit-api.md, "Who may read what")`,
          );
        const sub = path.slice(ONEROSTER_PATH.length);
        const hit = roster.match(method, sub);
        if (!hit) throw new RosterError(404, 'unknownobject', `no OneRoster endpoint ${method} ${sub}`);
        const req: RosterRequest = {
          raw,
          res,
          method,
          url,
          params: hit.params,
          viewer: { restricted: principal.kind === 'plugin' },
          // both kinds of token act for a person (a plugin token's pairwise sub is mapped back to
          // them in Auth): the person's reach decides what is read, the kind which fields are hidden
          scope: rosterAccess.scopeFor(principal.user),
          json: new RosterJson(portalUrl, data),
        };
        return await hit.handler(req);
      }
      return await serveStatic(
        raw,
        res,
        url,
        [
          ['/vendor-app/', join(root, 'examples', 'vendor-app')],
          ['/dist/', join(root, 'dist')],
          ['/node_modules/', join(root, 'node_modules')],
          ...packageDists(root),
          ['/', portalDir],
        ],
        (lang) =>
          (path === '/' || path === '/index.html') && !existsSync(join(portalDir, 'index.html'))
            ? homePage({
                lang,
                issuer,
                urls: [
                  ['OIDC issuer', issuer],
                  ['OneRoster', `${portalUrl}${ONEROSTER_PATH}`],
                  ['API config', `${portalUrl}/api/config`],
                  ['Plugins', `${portalUrl}/api/plugins`],
                  ['Vendor app', `${portalUrl}/vendor-app/`],
                  ['Plugin origin', `${pluginUrl}/`],
                ],
                users: data.demoUsers,
              })
            : undefined,
        {},
        (file): Record<string, string> =>
          file.endsWith('.html') ? { 'content-security-policy': portalCsp() } : {},
      );
    } catch (e) {
      safely(() => fail(res, e, area, log));
    }
  };

  // The portal's pages run under a strict CSP, as a city's should: scripts only from files (no
  // inline script, no eval); frames, plugin modules and icons only from the plugins' origins.
  // Each directive names only the origins that need it: a vendor whose plugin is a frame is not a
  // script source of the portal page (a compromised frame vendor must not be able to run script
  // in the page); only module plugins' origins are.
  const portalCsp = () => {
    const origins = (field: 'entry' | 'module' | 'icon', always: string[] = []) => {
      const set = new Set(always);
      for (const m of registry.list()) {
        const v = m[field];
        const u = typeof v === 'string' && URL.canParse(v) ? new URL(v) : undefined;
        if (u && (u.protocol === 'http:' || u.protocol === 'https:')) set.add(u.origin);
      }
      return [...set].join(' ');
    };
    const frames = origins('entry', [pluginUrl]);
    const all = [...new Set([frames, origins('module'), origins('icon')].join(' ').split(' '))].join(' ');
    return [
      "default-src 'self'",
      `script-src 'self' ${origins('module')}`.trim(),
      // styles may be inline (some widgets set style attributes and <style> elements); scripts may not
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: ${all}`,
      `frame-src ${frames}`,
      `connect-src 'self' ${all}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'self'",
    ].join('; ');
  };

  const handlePlugins = async (raw: IncomingMessage, res: ServerResponse) => {
    const url = new URL(raw.url ?? '/', pluginUrl);
    try {
      const shared = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };
      if (raw.method === 'OPTIONS') {
        res.writeHead(204, {
          ...shared,
          'access-control-allow-methods': 'GET, HEAD',
          'access-control-max-age': '600',
        });
        return res.end();
      }
      // plugins find the portal and its APIs here, without knowing its port (the same JSON as the portal's)
      if (url.pathname === '/api/config' && (raw.method === 'GET' || raw.method === 'HEAD'))
        return sendJson(res, 200, config(), shared);
      return await serveStatic(
        raw,
        res,
        url,
        [
          ...registry.folders(),
          ['/dist/', join(root, 'dist')],
          ['/node_modules/', join(root, 'node_modules')],
          ...packageDists(root),
        ],
        (lang) =>
          url.pathname === '/'
            ? page({
                lang,
                title: 'Plugins',
                body: `<h1>DigiOne plugins</h1><ul>${registry
                  .list()
                  .map(
                    (m) =>
                      `<li><a href="${escapeAttr(String(m.entry ?? m.module ?? '#'))}">${escapeAttr(m.id)}</a></li>`,
                  )
                  .join('')}</ul>`,
              })
            : undefined,
        shared,
      );
    } catch (e) {
      safely(() => fail(res, e, 'static', log));
    }
  };

  for (const s of portal.servers) s.on('request', (req, res) => void handlePortal(req, res));
  plugins.server.on('request', (req, res) => void handlePlugins(req, res));
  for (const s of [...portal.servers, plugins.server]) {
    // a malformed request line or header gets a 400 instead of a silent reset
    s.on('clientError', (_err, socket) => {
      if (socket.writable)
        socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    });
  }

  let closed = false;
  return {
    portalUrl,
    pluginUrl,
    issuer,
    data,
    users: data.demoUsers,
    plugins: () => registry.list(),
    async close() {
      if (closed) return;
      closed = true;
      hub.close();
      await Promise.all(
        [...portal.servers, plugins.server].map(
          (s) =>
            new Promise<void>((ok) => {
              s.close(() => ok());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}

// ---- helpers ------------------------------------------------------------------------------

function checkPort(p: number, name: string): number {
  if (!Number.isInteger(p) || p < 0 || p > 65535)
    throw new DevkitError('bad_option', `${name} must be a whole number from 0 to 65535, got ${p}`);
  return p;
}

/**
 * `o` as an exact web origin (scheme, host, port; a trailing `/` is tolerated), or undefined for
 * anything else: a path, a query, credentials, a wildcard, another scheme.
 */
export function exactOrigin(o: string): string | undefined {
  const u = URL.canParse(o) ? new URL(o) : undefined;
  // the href holds any path, query, fragment or credentials; the origin none of them
  const ok = u && /^https?:$/.test(u.protocol) && !u.hostname.includes('*') && u.href === `${u.origin}/`;
  return ok ? u.origin : undefined;
}

function isLoopback(urlOrOrigin: string): boolean {
  try {
    const u = new URL(urlOrOrigin);
    return (
      (u.protocol === 'http:' || u.protocol === 'https:') &&
      ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)
    );
  } catch {
    return false;
  }
}

function listenOn(port: number, host: string, what: string): Promise<{ server: Server; port: number }> {
  const server = createServer({ keepAliveTimeout: 5000 });
  return new Promise((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') {
        fail(
          new DevkitError(
            'port_in_use',
            `Port ${port} (${what}) is already in use on ${host}. Stop the program using it (another digione-dev?) or choose another port, e.g. --${what === 'plugin' ? 'plugin-port' : 'port'} ${port + 100}.`,
          ),
        );
      } else
        fail(new DevkitError('listen_failed', `Cannot listen on ${host}:${port} (${what}): ${e.message}`));
    });
    server.listen(port, host, () => ok({ server, port: (server.address() as AddressInfo).port }));
  });
}

// `localhost` may resolve to 127.0.0.1 or ::1: listen on both loopbacks with the same port
async function listenPortal(port: number): Promise<{ servers: Server[]; port: number }> {
  for (let attempt = 0; ; attempt++) {
    const v4 = await listenOn(port, '127.0.0.1', 'portal');
    try {
      const v6 = await listenOn(v4.port, '::1', 'portal');
      return { servers: [v4.server, v6.server], port: v4.port };
    } catch (e) {
      const err = e as DevkitError;
      if (err.code === 'listen_failed') return { servers: [v4.server], port: v4.port }; // no IPv6 here
      v4.server.close();
      // a free IPv4 port taken on IPv6: pick another when the caller let us choose
      if (port !== 0 || attempt >= 5) throw err;
    }
  }
}

function packageDists(root: string): Array<[string, string]> {
  const dir = join(root, 'packages');
  if (!existsSync(dir)) return [];
  return ['context', 'bridge', 'platform', 'plugin-sdk', 'plugin-host', 'ui', 'shell']
    .filter((p) => existsSync(join(dir, p, 'dist')))
    .map((p) => [`/packages/${p}/dist/`, join(dir, p, 'dist')]);
}

// answers CORS for the APIs; returns true when it has answered a preflight
function cors(req: IncomingMessage, res: ServerResponse, allowed: (o: string) => boolean): boolean {
  const origin = req.headers.origin;
  const ok = typeof origin === 'string' && allowed(origin);
  if (ok) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'X-Total-Count, Link, WWW-Authenticate, Retry-After');
  }
  res.setHeader('vary', 'Origin');
  if (req.method !== 'OPTIONS') return false;
  if (!ok)
    throw new HttpError(
      403,
      'cors_origin_not_allowed',
      `origin ${String(origin)} may not call this API; start the devkit with clientOrigins / --redirect-uri for it`,
    );
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'access-control-allow-headers': 'Authorization, Content-Type, Last-Event-ID',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}

async function serveStatic(
  raw: IncomingMessage,
  res: ServerResponse,
  url: URL,
  mounts: Array<[string, string]>,
  builtIn: (lang: 'fi' | 'sv' | 'en') => string | undefined,
  headers: Record<string, string> = {},
  fileHeaders: (file: string) => Record<string, string> = () => ({}),
): Promise<void> {
  const method = raw.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD')
    throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on static files; use GET`, {
      allow: 'GET, HEAD',
    });
  const page = builtIn(pickLang(url.searchParams.get('lang'), raw.headers['accept-language']));
  if (page !== undefined) {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(page),
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(method === 'HEAD' ? undefined : page);
    return;
  }
  // the raw (still encoded) path, so %2e%2e and friends are checked after decoding in one place
  const rawPath = (raw.url ?? '/').split('?')[0]!.split('#')[0]!;
  // "/vendor-app" without its slash: send the browser to the folder
  for (const [prefix] of mounts) {
    if (prefix !== '/' && rawPath === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix + url.search, 'content-length': 0 });
      return void res.end();
    }
  }
  const mount = mounts.find(([prefix]) => rawPath.startsWith(prefix));
  if (!mount || !existsSync(mount[1]))
    throw new HttpError(404, 'not_found', `nothing is served at ${url.pathname}`);
  const found = await resolveStatic(mount[1], rawPath.slice(mount[0].length));
  if (found.redirect) {
    res.writeHead(301, { location: `${url.pathname}/${url.search}`, 'content-length': 0 });
    return void res.end();
  }
  await sendFile(res, found.file, method === 'HEAD', { ...headers, ...fileHeaders(found.file) });
}

function fail(
  res: ServerResponse,
  e: unknown,
  area: 'oidc' | 'api' | 'roster' | 'static',
  log: (m: string) => void,
): void {
  const known = e instanceof HttpError;
  if (!known) log(`[digione-dev] internal error: ${(e as Error)?.stack ?? String(e)}`);
  if (res.headersSent) {
    res.end();
    return;
  }
  const status = known ? e.status : 500;
  const message = known ? e.message : 'internal error in the devkit (see its console)';
  const headers = known ? e.headers : {};
  if (area === 'roster') {
    const minor = e instanceof RosterError ? e.codeMinor : codeMinorFor(status);
    return sendRosterError(res, status, minor, message, headers);
  }
  if (area === 'static') {
    const body = `${status} ${message}\n`;
    res.writeHead(status, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'x-content-type-options': 'nosniff',
      ...headers,
    });
    return void res.end(body);
  }
  sendJson(res, status, { error: known ? e.code : 'internal_error', message }, headers);
}

// the error reply itself must not take the process down (e.g. a socket gone mid-reply)
function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    /* nothing left to tell the client */
  }
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type { Req };
