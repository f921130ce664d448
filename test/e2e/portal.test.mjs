// The whole story in the Kuusikoski city portal (examples/city-portal), as a teacher lives it, in
// headless Chromium against the real devkit, with the portal's strict CSP enforced throughout
// (only the axe steps bypass it, through CDP, and only while axe runs):
// sign in through OIDC, pick a group, use the city's module plugin and the vendor's iframe plugin
// (the group's pupils read from OneRoster with the plugin token), hand in a task and see the
// notification in the tray and hear it in the live region, switch language and see the plugin
// follow, sign out and see the plugins lose the user. axe in every state; screenshots at 1280 and
// 320 px, light and dark, in test-results/screenshots/. Needs `npm run build`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
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

const root = new URL('../../', import.meta.url);
const EXERCISE = 'fi.oppimo.harjoitukset';
const TIMETABLE = 'fi.kuusikoski.lukujarjestys';

let dk, browser, page, problems, teacher, groupId;

before(async () => {
  for (const f of ['dist/cdn/digione.js', 'examples/plugins/exercise/dist/exercise.js'])
    assert.ok(existsSync(fileURLToPath(new URL(f, root))), `build first (npm run build): ${f} is missing`);
  dk = await startPlatform();
  teacher = dk.users.find((u) => u.key === 'teacher');
  browser = await launchBrowser();
  ({ page, problems } = await newPage(browser));
});

after(async () => {
  await browser?.close();
  await dk?.close();
});

// ---- helpers ----------------------------------------------------------------------------------

const shellHeading = () => page.locator('d1-shell').getByRole('heading', { level: 1 });
const exerciseFrame = () => page.frameLocator(`iframe[src^="${dk.pluginUrl}/plugins/exercise/"]`);
const noProblems = (step) =>
  assert.deepEqual(problems.splice(0), [], `no page errors or CSP violations ${step}`);
const noAxeViolations = async (state, options) =>
  assert.deepEqual(await axe(page, options), [], `axe: ${state}`);

/** The element focused now, through shadow roots. */
const focusedId = () =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.id ?? el?.tagName;
  });

/** Record everything written into the page's live regions from now on. */
const recordAnnouncements = () =>
  page.evaluate(() => {
    window.__announced = [];
    for (const region of document.querySelectorAll('[aria-live]')) {
      new MutationObserver(() => {
        const text = region.textContent.trim();
        if (text) window.__announced.push({ text, live: region.getAttribute('aria-live') });
      }).observe(region, { childList: true, characterData: true, subtree: true });
    }
  });

/** Screenshots at 1280 and 320 px wide, light and dark; and at 320 px nothing scrolls sideways. */
async function screenshots(state) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      if (width === 320) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `${state} at 320 px scrolls sideways by ${overflow} px (WCAG 1.4.10)`);
      }
      // the sticky banner, at this width's height, is kept clear of what gets focus (WCAG 2.4.11)
      await page.waitForFunction(
        () => {
          const banner = document.querySelector('d1-shell').shadowRoot.querySelector('[part~="header"]');
          return parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) >= banner.offsetHeight;
        },
        null,
        { timeout: STEP },
      );
      await screenshot(page, `portal-${state}-${width}-${colorScheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

// ---- the story --------------------------------------------------------------------------------

test('the city portal story, with the strict CSP enforced', async (t) => {
  await t.test('signed out: the branded portal asks to sign in, under a strict CSP', async () => {
    const res = await page.goto(`${dk.portalUrl}/`);
    const csp = res.headers()['content-security-policy'] ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    assert.match(scriptSrc, /'self'/, csp);
    assert.doesNotMatch(scriptSrc, /unsafe-inline|unsafe-eval|\*/, 'no inline or eval script, no wildcard');
    assert.match(csp, new RegExp(`frame-src ${dk.pluginUrl}`), 'frames only from the plugin origin');
    await shellHeading().filter({ hasText: 'Tervetuloa' }).waitFor({ timeout: STEP });
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).waitFor();
    // the city's brand is applied: its primary colour is the theme's
    const primary = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--d1-color-primary').trim(),
    );
    assert.equal(primary.toLowerCase(), '#0b5a3a');
    // the footer: an accessibility statement and a feedback channel that exist
    for (const name of ['Saavutettavuusseloste', 'Anna palautetta']) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      const target = await fetch(new URL(href, `${dk.portalUrl}/`));
      assert.equal(target.status, 200, `${name} -> ${href}`);
    }
    await noAxeViolations('signed out');
    await screenshots('signed-out');
    noProblems('while signed out');
  });

  await t.test(
    'the accessibility statement and the feedback channel are branded, accessible pages',
    async () => {
      for (const [path, heading] of [
        ['accessibility.html', 'Saavutettavuusseloste'],
        ['feedback.html', 'Anna palautetta'],
      ]) {
        const res = await page.goto(`${dk.portalUrl}/${path}`);
        assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self'/);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: STEP });
        await page.waitForFunction(
          () =>
            getComputedStyle(document.documentElement).getPropertyValue('--d1-color-primary').trim() ===
            '#0b5a3a',
          null,
          { timeout: STEP },
        );
        await noAxeViolations(path);
      }
      await page.goto(`${dk.portalUrl}/`);
      await page.getByRole('button', { name: 'Kirjaudu sisään' }).waitFor({ timeout: STEP });
      noProblems('on the static pages');
    },
  );

  await t.test('signs in through OIDC as the teacher', async () => {
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    await pickDemoUser(page, teacher.id, `${dk.portalUrl}/`);
    await page.getByRole('button', { name: new RegExp(teacher.displayName) }).waitFor({ timeout: STEP });
    const nav = page.getByRole('navigation', { name: 'Työkalut' });
    await nav.getByRole('link', { name: 'Harjoitukset' }).waitFor();
    await nav.getByRole('link', { name: 'Lukujärjestys' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.has('code'), false, 'the code is gone from the URL');
    noProblems('signing in');
  });

  await t.test('picks a group; it goes into the URL', async () => {
    const combo = page.getByRole('combobox', { name: 'Ryhmä' });
    await combo.click();
    await combo.fill('7A');
    await page.getByRole('option', { name: /^7A\b/ }).click();
    await page.waitForURL((u) => u.searchParams.has('group'), { timeout: STEP });
    groupId = new URL(page.url()).searchParams.get('group');
    const group = dk.data.byId.classes.get(groupId);
    assert.equal(group?.title, '7A', 'the homeroom 7A of the generated city');
    await noAxeViolations('signed in, group picked');
    noProblems('picking a group');
  });

  await t.test("the city's module plugin shows the group's timetable (imported under the CSP)", async () => {
    await page.getByRole('link', { name: 'Lukujärjestys' }).click();
    await page.waitForURL((u) => u.searchParams.get('plugin') === TIMETABLE, { timeout: STEP });
    await shellHeading().filter({ hasText: 'Lukujärjestys' }).waitFor({ timeout: STEP });
    assert.equal(await focusedId(), 'main-heading', 'navigation moves focus to the main heading');
    const table = page.getByRole('table', { name: /Lukujärjestys: 7A, viikko \d+/ });
    await table.waitFor({ timeout: STEP });
    assert.equal(await table.getByRole('row').count(), 7, 'a heading row and six lessons');
    await noAxeViolations('timetable plugin');
    noProblems('in the timetable');
  });

  await t.test("the iframe plugin (another site) lists the group's pupils through OneRoster", async () => {
    const rosterCalls = [];
    const onRequest = (r) => {
      if (r.url().includes(`/classes/${groupId}/students`))
        rosterCalls.push({ origin: new URL(r.frame().url()).origin, auth: r.headers()['authorization'] });
    };
    page.on('request', onRequest);
    // the timetable opens the exercises through the SDK (navigation.open): a route like any other
    await page.getByRole('button', { name: 'Avaa ryhmän harjoitukset' }).click();
    await page.waitForURL((u) => u.searchParams.get('plugin') === EXERCISE, { timeout: STEP });
    await shellHeading().filter({ hasText: 'Harjoitukset' }).waitFor({ timeout: STEP });
    const frame = exerciseFrame();
    await frame.getByRole('heading', { level: 1, name: /Harjoitukset\s+7A/ }).waitFor({ timeout: STEP });
    const expected = (dk.data.enrollmentsByClass.get(groupId) ?? [])
      .filter((e) => e.role === 'student')
      .map((e) => dk.data.byId.users.get(e.userId))
      .map((u) => `${u.familyName} ${u.preferredFirstName ?? u.givenName}`)
      .sort();
    assert.ok(expected.length > 5, 'the homeroom has pupils');
    const list = frame.getByRole('list').last();
    await frame
      .getByText(expected.length === 1 ? '1 oppilas' : `${expected.length} oppilasta`)
      .waitFor({ timeout: STEP });
    assert.deepEqual((await list.getByRole('listitem').allInnerTexts()).sort(), expected);
    // read by the plugin itself, from its own origin, with its own token (aud = plugin, pairwise sub)
    page.off('request', onRequest);
    assert.ok(rosterCalls.length >= 1, 'the plugin called OneRoster');
    const call = rosterCalls.at(-1);
    assert.equal(call.origin, dk.pluginUrl);
    const claims = decodeJwt(call.auth.replace(/^Bearer /, ''));
    assert.equal(claims.aud, EXERCISE);
    assert.notEqual(claims.sub, teacher.id);
    // the frame is titled from the manifest and sandboxed as the design says
    const iframe = page.locator(`iframe[src^="${dk.pluginUrl}/"]`);
    assert.equal(await iframe.getAttribute('title'), 'Harjoitukset');
    assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts allow-forms allow-same-origin');
    // the back button returns to the timetable, forward to the exercises
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('plugin') === TIMETABLE, { timeout: STEP });
    await page.goForward();
    await page.waitForURL((u) => u.searchParams.get('plugin') === EXERCISE, { timeout: STEP });
    await shellHeading().filter({ hasText: 'Harjoitukset' }).waitFor({ timeout: STEP });
    await noAxeViolations('exercise plugin (frame included)');
    noProblems('in the exercise plugin');
  });

  await t.test('hands in a task: the notification is in the tray and announced', async () => {
    const frame = exerciseFrame();
    const answer = frame.getByRole('textbox', { name: 'Vastauksesi' });
    await answer.fill('Murtoluvut, prosentit ja yksi runo.');
    await frame.getByText(/Luonnos tallennettu klo/).waitFor({ timeout: STEP });
    // the draft is in platform storage, per user and plugin
    const token = await page.evaluate(() =>
      document
        .querySelector('d1-shell')
        .shadowRoot.querySelector('d1-platform')
        .services.auth.getAccessToken(),
    );
    const stored = await fetch(
      `${dk.portalUrl}/api/plugin-storage/${EXERCISE}/${encodeURIComponent(`draft:${groupId}`)}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    assert.equal(stored.status, 200);
    assert.equal((await stored.json()).value.text, 'Murtoluvut, prosentit ja yksi runo.');

    await recordAnnouncements();
    await frame.getByRole('button', { name: 'Palauta tehtävä' }).click();
    await frame
      .getByRole('status')
      .filter({ hasText: /Palautettu klo/ })
      .waitFor({ timeout: STEP });
    await page.waitForFunction(
      () => window.__announced.some((a) => a.live === 'polite' && a.text.includes('Tehtävä palautettu')),
      null,
      { timeout: STEP },
    );
    const bell = page.getByRole('button', { name: /Ilmoitukset.*1/ });
    await bell.waitFor({ timeout: STEP });
    await bell.click();
    const panel = page.getByRole('region', { name: 'Ilmoitukset' });
    const item = panel.getByRole('article', { name: /Tehtävä palautettu/ });
    await item.waitFor({ timeout: STEP });
    const text = await item.innerText();
    assert.match(text, /Ryhmän 7A tehtävä on palautettu\./, "the body, in the user's language");
    assert.match(text, /Oppimo Oy/, "the source is the plugin's vendor, from its manifest");
    await noAxeViolations('notification tray open');
    // its action opens the plugin at the path it named, through the portal's route
    await item.getByRole('button', { name: 'Tehtävä palautettu', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('path') === `/tasks/${groupId}`, { timeout: STEP });
    assert.equal(new URL(page.url()).searchParams.get('plugin'), EXERCISE);
    if (await panel.isVisible()) await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden', timeout: STEP });
    noProblems('handing in');
  });

  await t.test('a classroom display: the tray keeps what a notification says to itself', async () => {
    const box = page.getByRole('checkbox', { name: /Luokan näyttö/ });
    await box.check();
    const bell = page.getByRole('button', { name: /Ilmoitukset/ });
    await bell.click();
    const panel = page.getByRole('region', { name: 'Ilmoitukset' });
    await panel.getByRole('article', { name: /Henkilökohtainen ilmoitus/ }).waitFor({ timeout: STEP });
    const shown = await panel.innerText();
    assert.doesNotMatch(shown, /Tehtävä palautettu|tehtävä on palautettu/, 'neither the title nor the text shows');
    assert.match(shown, /Oppimo Oy/, 'where it came from still shows');
    await noAxeViolations('tray on a classroom display');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden', timeout: STEP });
    // a setting of the device: kept in its storage for the next page load
    assert.equal(await page.evaluate(() => localStorage.getItem('kuusikoski.sharedScreen')), '1');
    await box.uncheck();
    assert.equal(await page.evaluate(() => document.querySelector('d1-shell').sharedScreen), false);
    assert.equal(await page.evaluate(() => localStorage.getItem('kuusikoski.sharedScreen')), '0');
    noProblems('on a classroom display');
  });

  await t.test('switches to Swedish: the portal and the plugin follow', async () => {
    await page.getByRole('button', { name: new RegExp(teacher.displayName) }).click();
    await page.getByRole('menuitemradio', { name: 'På svenska' }).click();
    await shellHeading().filter({ hasText: 'Övningar' }).waitFor({ timeout: STEP });
    await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('link', { name: 'Schema' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
    assert.match(await page.title(), /^Övningar – Skolportalen – Kuusikoski stad$/);
    const frame = exerciseFrame();
    await frame.getByRole('heading', { name: 'Gruppens elever' }).waitFor({ timeout: STEP });
    await frame.getByRole('button', { name: 'Lämna in uppgiften' }).waitFor();
    assert.equal(await frame.locator('html').getAttribute('lang'), 'sv');
    // the draft was kept, the frame is retitled
    assert.equal(
      await frame.getByRole('textbox', { name: 'Ditt svar' }).inputValue(),
      'Murtoluvut, prosentit ja yksi runo.',
    );
    assert.equal(await page.locator(`iframe[src^="${dk.pluginUrl}/"]`).getAttribute('title'), 'Övningar');
    await noAxeViolations('in Swedish');
    await screenshots('exercise-sv');
    await page.emulateMedia({ colorScheme: 'dark' });
    await noAxeViolations('in Swedish, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    noProblems('switching language');
  });

  await t.test('signs out: the plugins lose the user', async () => {
    const frameHandle = page.frames().find((f) => f.url().startsWith(`${dk.pluginUrl}/plugins/exercise/`));
    assert.ok(frameHandle, 'the plugin frame runs before signing out');
    await page.getByRole('button', { name: new RegExp(teacher.displayName) }).click();
    await signOutThroughProvider(page, () => page.getByRole('menuitem', { name: 'Logga ut' }).click());
    await page
      .getByRole('button', { name: /Kirjaudu sisään|Logga in|Sign in/ })
      .first()
      .waitFor({ timeout: STEP });
    assert.equal(frameHandle.isDetached(), true, 'the plugin frame is gone');
    assert.equal(await page.locator('d1-plugin-host').count(), 0, 'no plugin runs');
    assert.equal(await page.getByRole('navigation').count(), 0, 'no tools are listed');
    assert.equal(await page.getByRole('table').count(), 0, 'the module plugin is unmounted');
    // a deep link to the plugin, signed out, asks to sign in instead of running it
    await page.goto(`${dk.portalUrl}/?plugin=${EXERCISE}&group=${groupId}`);
    await page
      .getByRole('button', { name: /Kirjaudu sisään|Logga in|Sign in/ })
      .first()
      .waitFor({ timeout: STEP });
    await page.waitForLoadState('networkidle');
    assert.equal(page.frames().length, 1, 'no frame was created for a signed-out user');
    await noAxeViolations('signed out again');
    // the language chosen in the login bar is this device's: still Swedish after the reload,
    // though the page says fi (and a sign-in would bring the user's fi claim)
    assert.equal(await page.evaluate(() => localStorage.getItem('d1.locale')), 'sv');
    await page.getByRole('button', { name: 'Logga in' }).first().waitFor({ timeout: STEP });
    // a classroom display stays one on the next load
    await page.evaluate(() => localStorage.setItem('kuusikoski.sharedScreen', '1'));
    await page.reload();
    // (the box is in the page before its script runs: wait for the shell to take the setting)
    await page.waitForFunction(() => document.querySelector('d1-shell').sharedScreen === true, null, {
      timeout: STEP,
    });
    await page.getByRole('button', { name: 'Logga in' }).first().waitFor({ timeout: STEP });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
    assert.equal(await page.getByRole('checkbox', { name: /Klassens skärm/ }).isChecked(), true);
    await page.evaluate(() => localStorage.removeItem('kuusikoski.sharedScreen'));
    noProblems('signing out');
  });
});
