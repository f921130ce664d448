// The vendor guide's quick start, for real: `digione-dev --plugin ./manifest.json` (the CLI, as a
// vendor runs it) serves the vendor's folder on the plugin origin and puts the plugin in the
// portal, where it connects and gets the signed-in user's group. Needs `npm run build`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { STEP, launchBrowser, newPage, pickDemoUser } from './harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
let cli,
  browser,
  portal,
  output = '';

before(async () => {
  cli = spawn(
    process.execPath,
    [
      'packages/devkit/bin/digione-dev.js',
      '--port',
      '0',
      '--plugin-port',
      '0',
      '--today',
      '2026-11-28',
      '--plugin',
      './examples/plugins/exercise/manifest.json',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cli.stdout.on('data', (d) => (output += d));
  cli.stderr.on('data', (d) => (output += d));
  // the CLI prints the portal's address once it listens
  portal = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no portal URL printed:\n${output}`)), STEP);
    cli.stdout.on('data', () => {
      const m = output.match(/City portal\s+(http:\/\/localhost:\d+)\//);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    cli.on('exit', (code) => fail(new Error(`digione-dev exited with ${code}:\n${output}`)));
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (cli && cli.exitCode === null) {
    const exited = new Promise((ok) => cli.once('exit', ok));
    cli.kill('SIGINT');
    await exited;
  }
});

test('digione-dev --plugin ./manifest.json: the plugin runs in the local portal', async () => {
  const plugins = await (await fetch(`${portal}/api/plugins`)).json();
  const mine = plugins.find((m) => m.id === 'fi.oppimo.harjoitukset');
  assert.match(
    mine.entry,
    /^http:\/\/127\.0\.0\.1:\d+\/local\/1\/index\.html$/,
    "served from the vendor's folder",
  );

  const { page, problems } = await newPage(browser);
  await page.goto(`${portal}/`);
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  assert.match(output, /Demo users/, 'the CLI lists the demo users');
  // the teacher, chosen by name on the sign-in page as a person would
  await page.waitForURL(/\/oidc\/interaction\//, { timeout: STEP });
  await page
    .getByRole('button', { name: /Opettaja|Lärare|Teacher/ })
    .first()
    .click();
  await page.waitForURL((u) => u.href.startsWith(`${portal}/`) && !u.searchParams.has('code'), {
    timeout: STEP,
  });
  const combo = page.getByRole('combobox', { name: 'Ryhmä' });
  await combo.click();
  await combo.fill('7A');
  await page.getByRole('option', { name: /^7A\b/ }).click();
  await page.getByRole('link', { name: 'Harjoitukset' }).click();
  const frame = page.frameLocator('iframe[src*="/local/1/"]');
  await frame.getByRole('heading', { level: 1, name: /Harjoitukset\s+7A/ }).waitFor({ timeout: STEP });
  await frame.getByText(/\d+ oppilasta/).waitFor({ timeout: STEP });
  assert.deepEqual(problems, []);
});
