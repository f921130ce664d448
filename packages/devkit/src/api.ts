// The platform's JSON APIs under /api (see docs/devkit-api.md). Errors are
// `{ error, message }` with a 4xx status; every handler validates what it reads.
import type { DemoData } from './data/model.js';
import type { Auth, Principal } from './auth.js';
import { HttpError, Router, readJson, sendJson, sendNoContent, type Req } from './http.js';
import { readNotificationInput, type NotificationHub } from './notifications.js';
import type { PluginRegistry, PluginSessions, PluginStorage } from './plugins.js';
import { RosterJson } from './oneroster.js';
import { CLIENT_ID, PLATFORM_API } from './oidc.js';

/** What the API routes need. */
export interface ApiDeps {
  data: DemoData;
  auth: Auth;
  registry: PluginRegistry;
  sessions: PluginSessions;
  storage: PluginStorage;
  hub: NotificationHub;
  config: () => Record<string, unknown>;
  origin: string;
}

/** Build the `/api` routes. */
export function apiRoutes(deps: ApiDeps): Router {
  const { data, auth, registry, sessions, storage, hub } = deps;
  const r = new Router();
  const who = (req: Req, allowQuery = false) => auth.principal(req.raw, req.url, allowQuery);
  const userOnly = async (req: Req, allowQuery = false) => {
    const p = await who(req, allowQuery);
    if (p.kind !== 'user')
      throw new HttpError(403, 'forbidden', 'this endpoint needs a user access token, not a plugin token');
    return p;
  };
  const plugin = (id: string) => {
    const m = registry.get(id);
    if (!m) throw new HttpError(404, 'unknown_plugin', `no registered plugin "${id}" (see GET /api/plugins)`);
    return m;
  };

  r.add('GET', '/api/config', (req) => sendJson(req.res, 200, deps.config()));

  r.add('GET', '/api/me', async (req) => {
    const { user } = await userOnly(req);
    const json = new RosterJson(deps.origin, data);
    const orgIds = new Set(user.roles.map((x) => x.orgId));
    orgIds.add(data.district.id);
    const orgs = [...orgIds].map((id) => data.byId.orgs.get(id)).filter((o) => o !== undefined);
    sendJson(req.res, 200, {
      user: json.user(user, { restricted: false }),
      orgs: orgs.map((o) => json.org(o)),
    });
  });

  r.add('GET', '/api/plugins', (req) => sendJson(req.res, 200, registry.list()));

  r.add('POST', '/api/plugin-sessions', async (req) => {
    const { user } = await userOnly(req);
    const body = await readJson(req.raw);
    if (typeof body.pluginId !== 'string' || !body.pluginId)
      throw new HttpError(400, 'invalid_body', 'pluginId (a string) is required');
    const asked = body.permissions ?? [];
    if (!Array.isArray(asked) || asked.length > 100 || !asked.every((p) => typeof p === 'string'))
      throw new HttpError(400, 'invalid_body', 'permissions, when given, is an array of permission names');
    // what the portal granted, of what the registered manifest asks for: a portal cannot grant more
    // than the manifest asks. The devkit trusts the user's own portal here (a user can only hand
    // their own data to a vendor); a real platform holds the city's grants itself (docs/security.md)
    const manifest = plugin(body.pluginId);
    const own = Array.isArray(manifest.permissions) ? manifest.permissions : [];
    const granted = own.filter((p): p is string => typeof p === 'string' && asked.includes(p));
    sendJson(req.res, 200, await sessions.mint(user.id, body.pluginId, granted));
  });

  // storage: a user token for any registered plugin, or a plugin token for its own plugin only
  const storageSpace = async (req: Req) => {
    const p: Principal = await who(req);
    const pluginId = req.params.pluginId!;
    plugin(pluginId);
    if (p.kind === 'plugin' && p.pluginId !== pluginId)
      throw new HttpError(403, 'forbidden', "a plugin token may only reach its own plugin's storage");
    return { userId: p.user.id, pluginId, key: req.params.key! };
  };
  r.add('GET', '/api/plugin-storage/:pluginId/:key', async (req) => {
    const s = await storageSpace(req);
    const value = storage.get(s.userId, s.pluginId, s.key);
    // an unset key is an ordinary answer, not an error: `{}` (no `value`), so browsers log no failed
    // request for a plugin's first read; a stored null is `{ "value": null }`
    sendJson(req.res, 200, value === undefined ? {} : { value });
  });
  r.add('PUT', '/api/plugin-storage/:pluginId/:key', async (req) => {
    const s = await storageSpace(req);
    const body = await readJson(req.raw);
    if (!('value' in body) || body.value === undefined)
      throw new HttpError(400, 'invalid_body', 'send { "value": <any JSON> }');
    storage.set(s.userId, s.pluginId, s.key, body.value);
    sendNoContent(req.res);
  });
  r.add('DELETE', '/api/plugin-storage/:pluginId/:key', async (req) => {
    const s = await storageSpace(req);
    storage.delete(s.userId, s.pluginId, s.key);
    sendNoContent(req.res);
  });

  r.add('GET', '/api/notifications', async (req) => {
    const { user } = await userOnly(req);
    sendJson(req.res, 200, hub.list(user.id));
  });
  r.add('GET', '/api/notifications/stream', async (req) => {
    const { user } = await userOnly(req, true);
    const raw = req.raw.headers['last-event-id'] ?? req.url.searchParams.get('lastEventId') ?? undefined;
    let last: number | undefined;
    if (raw !== undefined && raw !== '') {
      const text = Array.isArray(raw) ? raw[0]! : raw;
      if (!/^\d{1,16}$/.test(text))
        throw new HttpError(
          400,
          'invalid_last_event_id',
          'Last-Event-ID must be an event id (digits) from this stream',
        );
      last = Number(text);
    }
    hub.stream(user.id, req.res, last);
  });
  r.add('POST', '/api/notifications', async (req) => {
    const p = await who(req);
    const input = readNotificationInput(await readJson(req.raw));
    let source = { pluginId: 'platform', vendorName: 'DigiOne' } as {
      pluginId: string;
      vendorName: string;
      icon?: string;
    };
    const from = p.kind === 'plugin' ? p.pluginId : input.pluginId;
    if (p.kind === 'plugin' && input.pluginId && input.pluginId !== p.pluginId) {
      throw new HttpError(403, 'forbidden', 'a plugin token may only send as its own plugin');
    }
    if (from && from !== 'platform') {
      const m = plugin(from);
      const vendor = m.vendor;
      const vendorName =
        typeof vendor === 'string'
          ? vendor
          : vendor && typeof vendor === 'object' && typeof (vendor as { name?: unknown }).name === 'string'
            ? (vendor as { name: string }).name
            : from;
      source = { pluginId: from, vendorName };
      if (typeof m.icon === 'string') source.icon = m.icon;
    }
    delete input.pluginId;
    sendJson(req.res, 201, hub.post(p.user.id, input, source));
  });
  r.add('POST', '/api/notifications/read', async (req) => {
    const { user } = await userOnly(req);
    const body = await readJson(req.raw);
    const ids = body.ids;
    if (!Array.isArray(ids) || ids.length > 1000 || !ids.every((x) => typeof x === 'string')) {
      throw new HttpError(400, 'invalid_body', 'send { "ids": [ notification ids ] } (at most 1000)');
    }
    hub.markRead(user.id, ids as string[]);
    sendNoContent(req.res);
  });
  r.add('POST', '/api/notifications/read-all', async (req) => {
    const { user } = await userOnly(req);
    hub.markAllRead(user.id);
    sendNoContent(req.res);
  });
  r.add('DELETE', '/api/notifications/:id', async (req) => {
    const { user } = await userOnly(req);
    if (!hub.dismiss(user.id, req.params.id!))
      throw new HttpError(404, 'not_found', `no notification "${req.params.id}" for this user`);
    sendNoContent(req.res);
  });
  return r;
}

export { CLIENT_ID, PLATFORM_API };
