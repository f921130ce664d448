// End-to-end harness: the real devkit on free ports and a real headless Chromium through
// playwright-core (never a downloaded browser). Used by test/e2e/*.test.mjs under node's runner.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';

const require = createRequire(import.meta.url);
/** axe-core's browser build, injected with `addScriptTag({ path })`. */
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
/** Where screenshots for review go (gitignored). */
export const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);

/** How long a step may take before the test fails (a condition, never a sleep). */
export const STEP = 15_000;

/** Starts the devkit (portal on localhost, plugins on 127.0.0.1) on free ports, with fixed data. */
export async function startPlatform(options = {}) {
  const { startDevkit } = await import('@digione/devkit');
  return startDevkit({ port: 0, pluginPort: 0, today: '2026-11-28', log: () => {}, ...options });
}

/** Launches headless Chromium. */
export async function launchBrowser() {
  return chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
}

/**
 * A new page that records every uncaught page error, console error and CSP violation (in every
 * frame) in `problems`, so a test can assert there were none.
 */
export async function newPage(
  browser,
  { viewport = { width: 1280, height: 900 }, colorScheme = 'light', locale = 'fi-FI' } = {},
) {
  const context = await browser.newContext({ viewport, colorScheme, locale });
  const problems = [];
  // Reported by the page itself, in every frame: the violated directive and what was blocked.
  await context.exposeBinding('__d1CspViolation', ({ frame }, v) =>
    problems.push(`csp: ${v.directive} blocked ${v.blocked || v.sample || 'inline'} in ${frame.url()}`),
  );
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        globalThis.__d1CspViolation?.({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          sample: e.sample,
        }),
      true,
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const t = m.text();
    if (m.type() === 'error' && !/favicon|Lit is in dev mode/.test(t + m.location().url))
      problems.push(`console.error: ${t} (${m.location().url})`);
  });
  page.problems = problems;
  return { context, page, problems };
}

/** Signs in on the devkit's sign-in page by choosing a demo user by its visible label. */
export async function signInAs(page, userLabel) {
  await page.getByRole('button', { name: userLabel }).first().click();
}

/** Choose a demo user (by sourcedId) on the devkit's sign-in page and wait to be back at `backTo`. */
export async function pickDemoUser(page, userId, backTo) {
  await page.waitForURL(/\/oidc\/interaction\//, { timeout: STEP });
  await page.click(`button[name="userId"][value="${userId}"]`);
  await page.waitForURL((u) => u.href.startsWith(backTo) && !u.searchParams.has('code'), { timeout: STEP });
}

/**
 * Sign out with `click` and wait for the page that comes back. Signing out ends the provider's
 * session too: the page goes to the end-session page (which submits itself) and back, so the
 * sign-in button of the page that is leaving shows before the navigation starts; anything
 * checked then races the new page.
 */
export async function signOutThroughProvider(page, click) {
  const leaving = page.waitForURL((u) => u.pathname.endsWith('/session/end'), { timeout: STEP, waitUntil: 'commit' });
  await click();
  await leaving;
  await page.waitForURL((u) => !u.pathname.startsWith('/oidc/'), { timeout: STEP });
}

/**
 * axe-core over the page and its frames, with WCAG 2.x A/AA and best practices; returns the
 * violations as readable lines. The portal runs under a strict CSP that (rightly) refuses inline
 * script, so axe is not injected inline: each frame loads it as a file from its own origin (the
 * devkit serves /node_modules/ on both origins), which `script-src 'self'` allows. CSP stays
 * enforced even while axe runs, so axe cannot hide a violation.
 */
export async function axe(page, { exclude = [] } = {}) {
  for (const frame of page.frames()) {
    if (frame.isDetached() || !/^https?:/.test(frame.url())) continue;
    const loaded = await frame.evaluate(() => typeof globalThis.axe === 'object').catch(() => true);
    if (!loaded)
      await frame.addScriptTag({ url: new URL('/node_modules/axe-core/axe.min.js', frame.url()).href });
  }
  const result = await page.evaluate(
    (exclude) =>
      globalThis.axe.run(
        { include: [document], exclude: exclude.map((s) => [s]) },
        { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      ),
    exclude,
  );
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`,
  );
}

/** Save a full-page screenshot under test-results/screenshots/ for review. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = new URL(`${name}.png`, SCREENSHOTS);
  await page.screenshot({ path: path.pathname, fullPage: true });
  return path.pathname;
}

/** The file's text (for docs checks). */
export const read = (url) => readFileSync(url, 'utf8');
