// A vendor's own React page (examples/vendor-app) with the SDK's React wrappers around
// <d1-platform>, <d1-login-bar> and <d1-class-picker>: sign in through OIDC and pick a group
// through the React app, which reacts to the elements' events. The portal origin's strict CSP
// applies here too. Needs `npm run build` (the app is bundled by examples/vendor-app/rollup.config.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  STEP,
  axe,
  launchBrowser,
  newPage,
  pickDemoUser,
  screenshot,
  signOutThroughProvider,
  startPlatform,
} from './harness.mjs';

let dk, browser, page, problems, teacher, app;

before(async () => {
  const bundle = fileURLToPath(new URL('../../examples/vendor-app/dist/app.js', import.meta.url));
  assert.ok(existsSync(bundle), `build first (npm run build): ${bundle} is missing`);
  dk = await startPlatform();
  teacher = dk.users.find((u) => u.key === 'teacher');
  app = `${dk.portalUrl}/vendor-app/`;
  browser = await launchBrowser();
  ({ page, problems } = await newPage(browser));
});

after(async () => {
  await browser?.close();
  await dk?.close();
});

const events = () =>
  page
    .getByRole('region', { name: /Tapahtumat|Händelser|Events/ })
    .getByRole('listitem')
    .allInnerTexts();
// the app's own line (the class picker announces a similar text in the live region)
const chosen = () => page.getByTestId('chosen-group');
const noProblems = (step) =>
  assert.deepEqual(problems.splice(0), [], `no page errors or CSP violations ${step}`);

test("the vendor's React app signs in and picks a group through the SDK's wrappers", async (t) => {
  await t.test('signed out, the app says so (d1-auth-change)', async () => {
    const res = await page.goto(app);
    assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self'/, 'the CSP applies');
    await page.getByRole('heading', { level: 1, name: 'Opettajan työpöytä' }).waitFor({ timeout: STEP });
    await page.getByText('d1-auth-change: signed-out').waitFor({ timeout: STEP });
    assert.deepEqual(await axe(page), [], 'axe: signed out');
    noProblems('while signed out');
  });

  await t.test('signs in with the login bar; React hears d1-sign-in and d1-auth-change', async () => {
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    await pickDemoUser(page, teacher.id, app);
    const name = teacher.displayName.split(' ')[0];
    await page.getByRole('heading', { level: 1, name: `Hei, ${name}!` }).waitFor({ timeout: STEP });
    const seen = await events();
    assert.ok(seen.includes('d1-sign-in'), `d1-sign-in logged: ${seen}`);
    assert.ok(seen.includes('d1-auth-change: signed-in'), `signed-in logged: ${seen}`);
    noProblems('signing in');
  });

  await t.test('picks a group in the class picker; React hears d1-group-change', async () => {
    const combo = page.getByRole('combobox', { name: 'Ryhmä' });
    await combo.click();
    await combo.fill('7A');
    await page.getByRole('option', { name: /^7A\b/ }).click();
    await chosen().filter({ hasText: 'Valittu ryhmä: 7A' }).waitFor({ timeout: STEP });
    assert.equal((await events())[0], 'd1-group-change: 7A');
    assert.deepEqual(await axe(page), [], 'axe: group picked');
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await screenshot(page, `vendor-app-${width}-light`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    noProblems('picking a group');
  });

  await t.test('switches language in the login bar; React follows d1-locale-change', async () => {
    await page.getByRole('button', { name: new RegExp(teacher.displayName) }).click();
    await page.getByRole('menuitemradio', { name: 'På svenska' }).click();
    await chosen().filter({ hasText: 'Vald grupp: 7A' }).waitFor({ timeout: STEP });
    assert.equal((await events())[0], 'd1-locale-change: sv');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
    noProblems('switching language');
  });

  await t.test('signs out; React hears d1-sign-out and the app forgets the user', async () => {
    // sign-out goes through the provider's end-session page and back: the page is new afterwards;
    // the app keeps its log for the tab, so what React heard before leaving is still listed
    await page.getByRole('button', { name: new RegExp(teacher.displayName) }).click();
    await signOutThroughProvider(page, () => page.getByRole('menuitem', { name: 'Logga ut' }).click());
    assert.ok(page.url().startsWith(app), `back in the app: ${page.url()}`);
    await page.getByRole('button', { name: /Kirjaudu sisään|Logga in/ }).waitFor({ timeout: STEP });
    await page.waitForFunction(
      () => document.querySelector('.events li')?.textContent === 'd1-auth-change: signed-out',
      null,
      { timeout: STEP },
    );
    const seen = await events();
    const out = seen.indexOf('d1-sign-out');
    assert.ok(out > 0 && out < seen.indexOf('d1-locale-change: sv'), `React logged d1-sign-out: ${seen}`);
    assert.equal(await page.getByRole('combobox').count(), 0, 'no class picker without a user');
    noProblems('signing out');
  });
});
