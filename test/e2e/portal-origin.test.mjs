// A portal author's own page on another origin (a dev server on another port, as the portal guide
// and docs/devkit.md invite) runs the devkit's exercise plugin with <d1-plugin-host>. The plugin
// accepts only the portals the devkit lists in its `/api/config` (`portalOrigins`): without
// `--portal-origin` it never welcomes that page's host and says on the console which origin
// embedded it; with the flag it becomes ready. Needs `npm run build` (dist/cdn and the plugin bundle).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { STEP, launchBrowser, newPage, startPlatform } from './harness.mjs';

const EXERCISE = 'fi.oppimo.harjoitukset';
const root = new URL('../../', import.meta.url);
const PAGE = `<!doctype html>
<html lang="fi">
  <head>
    <meta charset="utf-8" />
    <title>Oma portaali</title>
    <script type="module" src="/dist/cdn/digione.js"></script>
  </head>
  <body>
    <main><h1>Oma portaali</h1></main>
  </body>
</html>`;

let server, origin, browser;

before(async () => {
  for (const f of ['dist/cdn/digione.js', 'examples/plugins/exercise/dist/exercise.js'])
    assert.ok(existsSync(fileURLToPath(new URL(f, root))), `build first (npm run build): ${f} is missing`);
  // the author's page and the CDN bundle, nothing else: no devkit behind this origin
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const js = path === '/dist/cdn/digione.js';
    if (path !== '/' && !js) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html; charset=utf-8' });
    res.end(js ? readFileSync(new URL('dist/cdn/digione.js', root)) : PAGE);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://localhost:${server.address().port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** Opens the author's page and runs the devkit's exercise plugin in a standalone host there. */
async function embed(dk) {
  const { page, problems } = await newPage(browser);
  await page.goto(`${origin}/`);
  const manifest = dk.plugins().find((m) => m.id === EXERCISE);
  await page.evaluate(async (manifest) => {
    const { emptyContext } = await import('/dist/cdn/digione.js');
    const host = document.createElement('d1-plugin-host');
    host.manifest = manifest;
    // a teacher (the tool is for pupils and teachers) without a group; no services: no tokens
    const role = { role: 'teacher', roleType: 'primary', orgId: 'org-1' };
    const user = {
      id: 'u-1',
      givenName: 'Aino',
      familyName: 'Opettaja',
      displayName: 'Aino Opettaja',
      roles: [role],
      enabled: true,
    };
    host.context = { ...emptyContext('fi'), auth: { status: 'signed-in' }, user, activeRole: role };
    document.querySelector('main').append(host);
  }, manifest);
  return { page, problems };
}

const hostState = (page) => page.evaluate(() => document.querySelector('d1-plugin-host').state);

test('without --portal-origin the plugin refuses a portal on another origin, and names it', async () => {
  const dk = await startPlatform();
  try {
    const config = await (await fetch(`${dk.pluginUrl}/api/config`)).json();
    assert.deepEqual(config.portalOrigins, [dk.portalUrl]);
    const { page } = await embed(dk);
    // the SDK gives up after its 10 s (the host waits 15 s): the plugin says who embedded it
    const warning = await page.waitForEvent('console', {
      predicate: (m) => m.type() === 'warning' && /embedded by/.test(m.text()),
      timeout: 20_000,
    });
    assert.equal(
      warning.text(),
      `connect: no welcome from ${dk.portalUrl} within 10000 ms; embedded by ${origin}`,
    );
    assert.notEqual(await hostState(page), 'ready');
    await page.context().close();
  } finally {
    await dk.close();
  }
});

test('with --portal-origin the plugin accepts that portal and becomes ready', async () => {
  const dk = await startPlatform({ portalOrigins: [`${origin}/`] });
  try {
    const config = await (await fetch(`${dk.pluginUrl}/api/config`)).json();
    assert.deepEqual(config.portalOrigins, [dk.portalUrl, origin]);
    const { page, problems } = await embed(dk);
    await page.waitForFunction(() => document.querySelector('d1-plugin-host').state === 'ready', null, {
      timeout: STEP,
    });
    // the plugin runs and draws itself in the context's language
    const frame = page.frames().find((f) => f.url().startsWith(`${dk.pluginUrl}/plugins/exercise/`));
    await frame.getByRole('heading', { level: 1, name: 'Harjoitukset' }).waitFor({ timeout: STEP });
    assert.deepEqual(problems, []);
    await page.context().close();
  } finally {
    await dk.close();
  }
});
