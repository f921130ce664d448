// The sign-in as a person does it, in headless Chromium: the portal's authorization request, the
// devkit's sign-in page (checked with axe in fi, sv and en, and used with the keyboard), the
// redirect back with a code, and sign-out without a confirmation step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { start } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let dk;
let browser;
before(async () => {
  dk = await start();
  assert.ok(existsSync(CHROME), `no Chromium at ${CHROME}; set CHROME_PATH`);
  browser = await chromium.launch({ executablePath: CHROME, args: ARGS });
});
after(async () => {
  await browser?.close();
  await dk.close();
});

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function authorizeUrl(extra = {}) {
  const u = new URL(`${dk.issuer}/auth`);
  for (const [k, v] of Object.entries({
    client_id: 'digione-portal',
    response_type: 'code',
    scope: 'openid profile offline_access',
    redirect_uri: `${dk.portalUrl}/callback.html`,
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    resource: 'urn:digione:platform-api',
    state: 'st',
    ...extra,
  }))
    u.searchParams.set(k, v);
  return u.href;
}

test('a person signs in with the keyboard on an accessible sign-in page and lands back with a code', async () => {
  const context = await browser.newContext({ locale: 'fi-FI', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(authorizeUrl());
  assert.match(page.url(), /\/oidc\/interaction\//);
  assert.equal(await page.locator('h1').innerText(), 'Kirjaudu sisään');
  assert.deepEqual(await axe(page), [], 'no axe violations (fi)');
  for (const [lang, heading] of [
    ['sv', 'Logga in'],
    ['en', 'Sign in'],
  ]) {
    await page.getByRole('link', { name: lang === 'sv' ? 'På svenska' : 'In English' }).click();
    assert.equal(await page.locator('h1').innerText(), heading);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    // one template for every language: axe once more is enough
    if (lang === 'sv') assert.deepEqual(await axe(page), [], `no axe violations (${lang})`);
  }
  const teacher = dk.users.find((u) => u.key === 'teacher');
  const button = page.getByRole('button', { name: new RegExp(teacher.displayName) });
  assert.equal(await button.count(), 1, 'each user is one button named by the user');
  const box = await button.boundingBox();
  assert.ok(box.height >= 44, 'a large target');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/callback.html');
  const back = new URL(page.url());
  assert.ok(back.searchParams.get('code'));
  assert.equal(back.searchParams.get('state'), 'st');

  // signed in: a second authorization request goes straight back, no page
  await page.goto(authorizeUrl({ state: 'again' }));
  await page.waitForURL((url) => url.searchParams.get('state') === 'again');

  // sign-out: no confirmation, back at the portal, and the session is gone
  const end = new URL(`${dk.issuer}/session/end`);
  end.searchParams.set('client_id', 'digione-portal');
  end.searchParams.set('post_logout_redirect_uri', `${dk.portalUrl}/`);
  await page.goto(end.href);
  await page.waitForURL(`${dk.portalUrl}/`);
  await page.goto(authorizeUrl());
  assert.match(page.url(), /\/oidc\/interaction\//, 'signed out: the sign-in page again');
  await context.close();
});

test('sign-out without a return address ends on an accessible page that is honest about MPASSid', async () => {
  const context = await browser.newContext({ locale: 'sv-FI', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${dk.issuer}/session/end?client_id=digione-portal`);
  await page.waitForURL(/\/session\/end\/success/);
  assert.equal(await page.locator('h1').innerText(), 'Du har loggat ut');
  assert.match(await page.locator('main').innerText(), /MPASSid har ingen gemensam utloggning/);
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('before the portal example exists, a person can sign in and out as every demo user from the home page', async () => {
  const bare = await start({ root: mkdtempSync(join(tmpdir(), 'digione-home-')) });
  const context = await browser.newContext({ locale: 'fi-FI', bypassCSP: true });
  const page = await context.newPage();
  try {
    for (const user of bare.users) {
      await page.goto(`${bare.portalUrl}/`);
      if (user === bare.users[0]) assert.deepEqual(await axe(page), [], 'no axe violations on the home page');
      await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
      await page.getByRole('button', { name: new RegExp(user.displayName) }).click();
      const status = page.getByRole('status');
      await status.getByText(`Kirjautunut: ${user.displayName}`).waitFor();
      assert.match(await status.innerText(), /urn:mpass\.id:role: 1\.2\.246\.562\.10\.\d+;\d{5};/, user.key);
      await page.getByRole('link', { name: 'Kirjaudu ulos' }).click();
      await page.waitForURL((url) => url.pathname === '/' && !url.searchParams.has('code'));
      await page.getByRole('button', { name: 'Kirjaudu sisään' }).waitFor();
    }
  } finally {
    await context.close();
    await bare.close();
  }
});
