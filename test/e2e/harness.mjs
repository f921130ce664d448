// End-to-end harness: the real devkit on free ports and a real headless Chromium through
// playwright-core (never a downloaded browser). Used by test/e2e/*.test.mjs under node's runner.
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';

/** Starts the devkit (portal on localhost, plugins on 127.0.0.1) on free ports. */
export async function startPlatform(options = {}) {
  const { startDevkit } = await import('@digione/devkit');
  return startDevkit({ port: 0, pluginPort: 0, ...options });
}

/** Launches headless Chromium. */
export async function launchBrowser() {
  return chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
}

/**
 * A new page that fails the test on any uncaught page error or CSP violation, and keeps the
 * console for the failure message.
 */
export async function newPage(browser, { viewport = { width: 1280, height: 900 }, colorScheme = 'light', locale = 'fi-FI' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, locale });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const t = m.text();
    if (m.type() === 'error' && !/favicon|Lit is in dev mode/.test(t)) problems.push(`console.error: ${t}`);
  });
  page.problems = problems;
  return { context, page, problems };
}

/** Signs in on the devkit's sign-in page by choosing a demo user by its visible label. */
export async function signInAs(page, userLabel) {
  await page.getByRole('button', { name: userLabel }).first().click();
}
