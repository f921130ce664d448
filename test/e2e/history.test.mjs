// The back button and the active group in the Kuusikoski portal (examples/city-portal): each
// history entry keeps its `?group=`, so going back to a tool brings back the group it was used
// with, and the tool gets that group too (not only the class picker's text). Real devkit, real
// OIDC sign-in, the module plugin (timetable) in headless Chromium. Needs `npm run build`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { STEP, launchBrowser, newPage, pickDemoUser, startPlatform } from './harness.mjs';

const TIMETABLE = 'fi.kuusikoski.lukujarjestys';
const EXERCISE = 'fi.oppimo.harjoitukset';

let dk, browser, page, problems, teacher;

before(async () => {
  const bundle = fileURLToPath(new URL('../../dist/cdn/digione.js', import.meta.url));
  assert.ok(existsSync(bundle), `build first (npm run build): ${bundle} is missing`);
  dk = await startPlatform();
  teacher = dk.users.find((u) => u.key === 'teacher');
  browser = await launchBrowser();
  ({ page, problems } = await newPage(browser));
});

after(async () => {
  await browser?.close();
  await dk?.close();
});

const combo = () => page.getByRole('combobox', { name: 'Ryhmä' });
const groupInUrl = () => new URL(page.url()).searchParams.get('group');
const titleOf = (id) => dk.data.byId.classes.get(id)?.title;

/** Choose a group in the class picker by typing its title, as a teacher does. */
async function pick(title) {
  await combo().click();
  await combo().fill(title);
  await page.getByRole('option', { name: new RegExp(`^${title}\\b`) }).click();
  await page.waitForURL((u) => titleOf(u.searchParams.get('group')) === title, { timeout: STEP });
}

test('the back button brings back the group a tool was used with, to the tool too', async () => {
  await page.goto(`${dk.portalUrl}/`);
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await pickDemoUser(page, teacher.id, `${dk.portalUrl}/`);
  await page.getByRole('link', { name: 'Lukujärjestys' }).waitFor({ timeout: STEP });

  // the timetable with 7A
  await pick('7A');
  const first = groupInUrl();
  await page.getByRole('link', { name: 'Lukujärjestys' }).click();
  await page.waitForURL((u) => u.searchParams.get('plugin') === TIMETABLE, { timeout: STEP });
  await page.getByRole('table', { name: /Lukujärjestys: 7A\b/ }).waitFor({ timeout: STEP });

  // on to the exercises, and another of the teacher's groups there
  await page.getByRole('link', { name: 'Harjoitukset' }).click();
  await page.waitForURL((u) => u.searchParams.get('plugin') === EXERCISE, { timeout: STEP });
  const mine = [...dk.data.enrollmentsByClass]
    .filter(([, es]) => es.some((e) => e.userId === teacher.id && e.role === 'teacher'))
    .map(([id]) => titleOf(id));
  const other = mine.find((t) => t && t !== '7A' && mine.filter((x) => x === t).length === 1);
  assert.ok(other, `the teacher has another group: ${mine}`);
  await pick(other);
  assert.notEqual(groupInUrl(), first);

  // back: the timetable's entry had 7A; the picker shows it and the timetable gets it
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get('plugin') === TIMETABLE, { timeout: STEP });
  assert.equal(groupInUrl(), first);
  await page.waitForFunction(
    () => document.querySelector('d1-shell')?.shadowRoot?.querySelector('d1-class-picker')?.value,
    null,
    { timeout: STEP },
  );
  await page.getByRole('table', { name: /Lukujärjestys: 7A\b/ }).waitFor({ timeout: STEP });
  assert.equal(await combo().inputValue(), '7A');
  assert.deepEqual(problems.splice(0), [], 'no page errors or CSP violations');
});
