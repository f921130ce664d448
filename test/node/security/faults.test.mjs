// Faults, end to end: the real devkit, a portal page with <d1-shell> (the one-file build) in
// headless Chromium, and a plugin on another site. The platform API drops and comes back while the
// portal is open; the grant behind the session is revoked so the token refresh fails; the plugin's
// own server goes down; the devkit itself restarts. Each time the user is told, nothing is lost or
// doubled that the platform still has, and the plugin learns what it must.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createServer as createTcpServer, connect as tcpConnect } from 'node:net';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../../scripts/chrome.mjs';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.html': 'text/html',
  '.map': 'application/json',
};
const PLUGIN_ID = 'fi.test.faults';

/** A static server: fixture files at the root, the build under /dist/. Stoppable, restartable on its port. */
function staticServer(host, config = () => ({})) {
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return res.end(JSON.stringify(config()));
    }
    const file = path.startsWith('/dist/') ? normalize(join(root, path)) : normalize(join(fixtures, path));
    if (!(file.startsWith(root + sep) || file.startsWith(fixtures)) || !existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(await readFile(file));
  });
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  return restartable(server, host, sockets);
}

/** A TCP proxy to `target()`: the platform API as the page reaches it; stop() is a network fault. */
function proxy(host, target) {
  const sockets = new Set();
  const server = createTcpServer((client) => {
    const upstream = tcpConnect(target(), '127.0.0.1');
    for (const s of [client, upstream])
      (sockets.add(s), s.on('close', () => sockets.delete(s)), s.on('error', () => {}));
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return restartable(server, host, sockets);
}

function restartable(server, host, sockets) {
  let port = 0;
  return {
    get port() {
      return port;
    },
    start: () =>
      new Promise((ok, fail) =>
        server.once('error', fail).listen(port, host, () => ok((port = server.address().port))),
      ),
    /** Refuse new connections and cut every open one (streams included). */
    stop: () =>
      new Promise((ok) => {
        server.close(() => ok());
        for (const s of sockets) s.destroy();
      }),
  };
}

let startDevkit, dk, browser, page, pages, plugins, api, devkitOptions;
let pageUrl;

const teacher = () => dk.users.find((u) => u.key === 'teacher');
/** Runs `fn(platform, shell)` in the page (the shell's inner <d1-platform>). */
const inPage = (fn, arg) =>
  page.evaluate(
    ([src, arg]) => {
      const shell = document.querySelector('d1-shell');
      const platform = shell.renderRoot.querySelector('d1-platform');
      return new Function('platform', 'shell', 'arg', `return (${src})(platform, shell, arg)`)(
        platform,
        shell,
        arg,
      );
    },
    [fn.toString(), arg],
  );
const auth = () =>
  inPage((p) => ({ status: p.store.get().auth.status, error: p.store.get().auth.error?.code ?? null }));
const until = async (what, fn, timeout = 20000) => {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const status = (s, error = null, timeout = 20000) =>
  until(
    `auth ${s}`,
    async () => {
      const a = await auth();
      return a.status === s && a.error === error;
    },
    timeout,
  );
/** The plugin's frame in the shell, or (`side`) the one outside it. */
const pluginFrame = (side = false) =>
  page
    .frames()
    .find(
      (f) =>
        f.url().startsWith(`http://127.0.0.1:${plugins.port}/`) && f.url().includes('which=side') === side,
    );
const pluginEvents = async (side = false) =>
  (await pluginFrame(side)
    ?.evaluate(() => window.events)
    .catch(() => null)) ?? [];
const hostState = () =>
  inPage((_p, shell) => shell.renderRoot.querySelector('d1-plugin-host')?.state ?? null);
const list = () => inPage((p) => p.services.notifications.list().map((n) => n.id));

async function signIn() {
  // the provider shows its sign-in page, or sends the code straight back if its session holds
  const landed = new Promise((resolve) => {
    const on = (frame) => {
      const u = frame === page.mainFrame() ? frame.url() : '';
      if (u.startsWith(`${dk.issuer}/interaction/`) || (u.startsWith(pageUrl) && u.includes('code='))) {
        page.off('framenavigated', on);
        resolve(u);
      }
    };
    page.on('framenavigated', on);
  });
  await inPage((p) => void p.services.auth.signIn());
  if ((await landed).startsWith(dk.issuer))
    await page.click(`button[name="userId"][value="${teacher().id}"]`);
  await page.waitForURL((u) => u.href.startsWith(pageUrl), { timeout: 15000 });
  await until('the portal script', () => page.evaluate(() => window.portalReady === true));
  await status('signed-in');
  // open the plugin by its deep link (the session is kept in this tab's sessionStorage)
  await page.goto(`${pageUrl}?plugin=${PLUGIN_ID}`);
  await until('the portal script', () => page.evaluate(() => window.portalReady === true));
  await status('signed-in');
  await watchAdded();
}

async function watchAdded() {
  await inPage(() => {
    window.added = [];
    // every notification the portal announces as new, by id
    document
      .querySelector('d1-shell')
      .renderRoot.querySelector('d1-platform')
      .services.notifications.subscribe((_l, added) => window.added.push(...added.map((n) => n.id)));
  });
}

/** Post a notification for the signed-in user straight to the devkit (not through the page's network). */
async function notify(title) {
  const token = await inPage((p) => p.services.auth.getAccessToken());
  const res = await fetch(`${dk.portalUrl}/api/notifications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  assert.equal(res.status, 201);
  return (await res.json()).id;
}

before(async () => {
  for (const f of ['dist/cdn/digione.js', 'dist/size/plugin-sdk.js', 'packages/devkit/dist/index.js'])
    assert.ok(existsSync(join(root, f)), `build first: ${f} missing`);
  ({ startDevkit } = await import('@digione/devkit'));
  pages = staticServer('127.0.0.1', () => ({ issuer: dk.issuer, api: `http://localhost:${api.port}` }));
  plugins = staticServer('127.0.0.1');
  await pages.start();
  await plugins.start();
  const portal = `http://localhost:${pages.port}`;
  devkitOptions = {
    port: 0,
    pluginPort: 0,
    seed: 'faults',
    today: '2025-09-15',
    heartbeatMs: 60_000,
    log: () => {},
    plugins: [
      {
        id: PLUGIN_ID,
        name: { fi: 'Vikatesti', en: 'Fault test' },
        version: '1.0.0',
        vendor: 'Testi Oy',
        kind: 'iframe',
        entry: `http://127.0.0.1:${plugins.port}/plugin.html?host=${encodeURIComponent(portal)}`,
        permissions: ['notifications'],
      },
    ],
  };
  dk = await startDevkit(devkitOptions);
  // the next restart comes back on the same ports
  devkitOptions = {
    ...devkitOptions,
    port: new URL(dk.portalUrl).port * 1,
    pluginPort: new URL(dk.pluginUrl).port * 1,
  };
  api = proxy('127.0.0.1', () => devkitOptions.port);
  await api.start();
  pageUrl = `${portal}/portal.html`;
  browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
  page = await browser.newPage({ locale: 'fi-FI' });
  page.on('pageerror', (e) => console.error('[page]', e));
  await page.goto(pageUrl);
  await until('the portal script', () => page.evaluate(() => window.portalReady === true));
  await status('signed-out');
  await signIn();
  await until('the plugin to connect', async () =>
    (await pluginEvents()).some((e) => e.type === 'connected' && e.sub),
  );
});

after(async () => {
  await browser?.close();
  await dk?.close();
  await api?.stop();
  await pages?.stop();
  await plugins?.stop();
});

test('the platform API drops and comes back: the stream resumes, nothing lost, nothing doubled', async () => {
  await until('the stream to open', () => inPage((p) => p.services.notifications.connection === 'open'));
  const n1 = await notify('Ennen katkosta');
  await until('n1 in the portal', async () => (await list()).includes(n1));

  await api.stop();
  const n2 = await notify('Katkoksen aikana 1');
  const n3 = await notify('Katkoksen aikana 2');
  await until('the portal to notice', () => inPage((p) => p.services.notifications.connection !== 'open'));
  assert.ok(!(await list()).includes(n2), 'nothing arrives while the API is away');
  await api.start();

  const t0 = Date.now();
  await until(
    'n2 and n3 after the resume',
    async () => {
      const l = await list();
      return l.includes(n2) && l.includes(n3);
    },
    45000,
  );
  console.log(`# the stream resumed ${Date.now() - t0} ms after the API came back`);
  const n4 = await notify('Katkoksen jälkeen');
  await until('n4', async () => (await list()).includes(n4));
  const ids = await list();
  assert.deepEqual([...ids].sort(), [n1, n2, n3, n4].sort(), 'each notification exactly once');
  const added = await page.evaluate(() => window.added);
  assert.deepEqual([...added].sort(), [n1, n2, n3, n4].sort(), 'each announced exactly once');
  const unread = await inPage(
    (_p, shell) => shell.renderRoot.querySelector('d1-notification-tray').unreadCount,
  );
  assert.equal(unread, 4);
  assert.equal(await hostState(), 'ready', 'the plugin never noticed');
});

test('the token refresh fails (the grant was revoked): the user is told and signs in again; the plugin is told the user left', async () => {
  const sub = (await pluginEvents()).find((e) => e.type === 'connected').sub;
  // the session's refresh token is used elsewhere first (a copy in another tab, or stolen): the
  // provider rotates it, so the portal's own renewal is a replay and the whole grant is revoked
  const stored = await page.evaluate(() =>
    JSON.parse(
      sessionStorage.getItem(Object.keys(sessionStorage).find((k) => k.startsWith('d1.oidc.user:'))),
    ),
  );
  const rotated = await fetch(`${dk.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: stored.refresh_token,
      client_id: 'digione-portal',
      resource: 'urn:digione:platform-api',
    }),
  });
  assert.equal(rotated.status, 200);
  // what the renew timer does shortly before the access token expires, now
  await inPage((p) => p.services.auth.renew());
  await status('signed-out', 'expired');
  const bar = await until('the login bar to explain', () =>
    inPage((_p, shell) => {
      const bar = shell.renderRoot.querySelector('d1-login-bar');
      return bar.shadowRoot.textContent.replace(/\s+/g, ' ');
    }).then((t) => (/kirjattiin ulos|loggades ut|signed out/i.test(t) ? t : null)),
  );
  assert.match(bar, /Kirjaudu|Logga in|Sign in/i);
  // the plugin outside the shell is told; the shell's own plugin is unmounted, its document gone
  await until('the plugin to learn the user left', async () =>
    (await pluginEvents(true)).some((e) => e.type === 'context' && e.sub === null),
  );
  await until('the shell to unmount its plugin', async () => !pluginFrame() && (await hostState()) === null);
  assert.deepEqual(await list(), [], "the signed-out portal keeps none of the user's notifications");

  await signIn();
  await until('the shell plugin to connect again, as the same pairwise subject', async () =>
    (await pluginEvents()).some((e) => e.type === 'connected' && e.sub === sub),
  );
  await until('the plugin outside the shell to see the user again', async () => {
    const ev = await pluginEvents(true);
    return ev.filter((e) => e.type === 'context' || e.type === 'connected').at(-1)?.sub === sub;
  });
});

test("the plugin's server is down: an error the user can see, with a retry that works once it is back", async () => {
  await plugins.stop();
  await inPage((_p, shell) => {
    const host = shell.renderRoot.querySelector('d1-plugin-host');
    host.connectTimeout = 2500;
    host.reload();
  });
  await until('the error state', async () => (await hostState()) === 'error');
  const retry = page.locator('d1-shell d1-plugin-host .status button');
  assert.match(await retry.innerText(), /Yritä uudelleen|Försök igen|Try again/);
  const shown = await page.locator('d1-shell d1-plugin-host .status').innerText();
  assert.match(shown, /Vikatesti/);
  await plugins.start();
  await retry.click();
  await until('the plugin to run again', async () => (await hostState()) === 'ready');
  await until('the new frame to connect', async () =>
    (await pluginEvents()).some((e) => e.type === 'connected'),
  );
});

test('the devkit itself restarts: the session is gone, the user is told and signs in again; nothing doubles', async () => {
  const before = await notify('Ennen uudelleenkäynnistystä');
  await until('it arrives', async () => (await list()).includes(before));
  await dk.close();
  dk = await startDevkit(devkitOptions);
  // new signing keys and no memory of the grant (a devkit keeps nothing across restarts): the
  // stream reconnects (with backoff: up to half a minute), gets 401, the refresh is refused, and
  // the portal says so
  const t0 = Date.now();
  await status('signed-out', 'expired', 60000);
  console.log(`# the portal noticed the restart after ${Date.now() - t0} ms`);
  await until(
    'the plugin to learn the user left',
    async () => (await pluginEvents(true)).filter((e) => e.type === 'context').at(-1)?.sub === null,
  );
  await signIn();
  const after = await notify('Uudelleenkäynnistyksen jälkeen');
  await until('the new notification', async () => (await list()).includes(after));
  assert.deepEqual(await list(), [after], 'the new platform has only the new one, shown once');
  assert.deepEqual(await page.evaluate(() => window.added), [after]);
});
