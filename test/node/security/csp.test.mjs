// Content Security Policy: the city portal example, as the devkit serves it, comes with a strict
// CSP (no inline or eval'd script, no plugin frames from its own origin, no framing by others),
// runs under it without a single violation (signed in, both example plugins open), and the policy
// is really enforced: eval and injected inline handlers are blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../../scripts/chrome.mjs';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
let dk, browser, page;
const violations = [];
const problems = [];

/** `script-src 'self' x` -> Map { 'script-src' => ["'self'", 'x'] } */
function parseCsp(header) {
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

const portalPages = () => ['/', '/index.html', '/accessibility.html', '/feedback.html'];

before(async () => {
  assert.ok(existsSync(join(root, 'examples/city-portal/index.html')), 'examples/city-portal is missing');
  assert.ok(existsSync(join(root, 'dist/cdn/digione.js')), 'build first: dist/cdn/digione.js');
  const { startDevkit } = await import('@digione/devkit');
  dk = await startDevkit({ port: 0, pluginPort: 0, seed: 'csp', today: '2025-09-15', log: () => {} });
  browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
  page = await browser.newPage({ locale: 'fi-FI' });
  // runs before the page's own scripts, in every document of the page, and is not subject to its CSP
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  page.on(
    'console',
    (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()),
  );
  page.on('pageerror', (e) => problems.push(e.message));
});

after(async () => {
  await browser?.close();
  await dk?.close();
});

test('every portal page is served with a strict CSP', async () => {
  for (const path of portalPages()) {
    const res = await fetch(dk.portalUrl + path);
    assert.equal(res.status, 200, path);
    const header = res.headers.get('content-security-policy');
    assert.ok(header, `${path}: no Content-Security-Policy header`);
    const csp = parseCsp(header);
    const scripts = csp.get('script-src') ?? csp.get('default-src');
    assert.ok(scripts, `${path}: neither script-src nor default-src`);
    for (const bad of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'unsafe-hashes'",
      "'wasm-unsafe-eval'",
      '*',
      'data:',
      'blob:',
      'http:',
      'https:',
    ])
      assert.ok(!scripts.includes(bad), `${path}: script-src allows ${bad}`);
    assert.ok(
      !(csp.get('script-src-attr') ?? []).includes("'unsafe-inline'"),
      `${path}: inline handlers allowed`,
    );
    assert.deepEqual(csp.get('object-src'), ["'none'"], `${path}: object-src`);
    assert.ok(csp.get('base-uri'), `${path}: base-uri is not restricted`);
    // nobody else may frame the portal (clickjacking a signed-in pupil)
    const ancestors = csp.get('frame-ancestors');
    assert.ok(ancestors && !ancestors.includes('*'), `${path}: frame-ancestors ${ancestors}`);
    // plugin frames only from the plugins' origins, never the portal's own (sandbox escape)
    const frames = csp.get('frame-src') ?? csp.get('child-src') ?? csp.get('default-src');
    assert.ok(
      frames && !frames.includes("'self'") && !frames.includes(dk.portalUrl) && !frames.includes('*'),
      `${path}: frame-src ${frames}`,
    );
    assert.ok(frames.includes(dk.pluginUrl), `${path}: frame-src does not name the plugin origin`);
  }
});

test("a vendor whose plugin is a frame is no script source of the portal: only module plugins' origins are", async () => {
  const { startDevkit } = await import('@digione/devkit');
  const more = await startDevkit({
    port: 0,
    pluginPort: 0,
    seed: 'csp-origins',
    log: () => {},
    plugins: [
      { id: 'fi.frame.only', name: { fi: 'Kehys' }, version: '1.0.0', vendor: 'Kehys Oy', kind: 'iframe', entry: 'https://frame.example.test/app.html', icon: 'https://icons.example.test/i.svg' },
      { id: 'fi.module.one', name: { fi: 'Moduuli' }, version: '1.0.0', vendor: 'Moduuli Oy', kind: 'module', module: 'https://module.example.test/m.js' },
    ],
  });
  try {
    const csp = parseCsp((await fetch(`${more.portalUrl}/`)).headers.get('content-security-policy'));
    const scripts = csp.get('script-src');
    assert.ok(scripts.includes('https://module.example.test'), `script-src ${scripts}`);
    assert.ok(!scripts.includes('https://frame.example.test'), `script-src ${scripts}`);
    assert.ok(!scripts.includes('https://icons.example.test'), `script-src ${scripts}`);
    assert.ok(csp.get('frame-src').includes('https://frame.example.test'), 'the frame may still load');
    assert.ok(!csp.get('frame-src').includes('https://module.example.test'), 'a module is no frame');
    assert.ok(csp.get('img-src').includes('https://icons.example.test'), 'its icon may still load');
  } finally {
    await more.close();
  }
});

test('the portal runs under it without a violation: signed in, both example plugins open', async () => {
  await page.goto(`${dk.portalUrl}/`);
  const platform = () =>
    page.waitForFunction(
      () => document.querySelector('d1-shell')?.renderRoot?.querySelector('d1-platform')?.store,
    );
  await platform();
  await page.waitForFunction(
    () =>
      document.querySelector('d1-shell').renderRoot.querySelector('d1-platform').store.get().auth.status ===
      'signed-out',
  );
  const teacher = dk.users.find((u) => u.key === 'teacher');
  await page.evaluate(
    () =>
      void document.querySelector('d1-shell').renderRoot.querySelector('d1-platform').services.auth.signIn(),
  );
  await page.waitForURL((u) => u.href.startsWith(`${dk.issuer}/interaction/`), { timeout: 15000 });
  await page.click(`button[name="userId"][value="${teacher.id}"]`);
  await page.waitForURL((u) => u.href.startsWith(dk.portalUrl) && !u.href.includes('/oidc/'), {
    timeout: 15000,
  });
  await platform();
  await page.waitForFunction(
    () =>
      document.querySelector('d1-shell').renderRoot.querySelector('d1-platform').store.get().auth.status ===
      'signed-in',
    null,
    { timeout: 15000 },
  );
  for (const id of dk.plugins().map((m) => m.id)) {
    await page.goto(`${dk.portalUrl}/?plugin=${id}`);
    await page.waitForFunction(
      (id) => {
        const host = document
          .querySelector('d1-shell')
          ?.renderRoot?.querySelector(`d1-plugin-host[plugin-id="${id}"]`);
        return host?.state === 'ready' || host?.state === 'error';
      },
      id,
      { timeout: 20000 },
    );
    const state = await page.evaluate(
      (id) =>
        document.querySelector('d1-shell').renderRoot.querySelector(`d1-plugin-host[plugin-id="${id}"]`)
          .state,
      id,
    );
    assert.equal(state, 'ready', `${id} did not start`);
  }
  const seen = [...violations, ...(await page.evaluate(() => window.__violations))];
  assert.deepEqual(seen, [], 'CSP violations');
  assert.deepEqual(problems, [], 'page errors');
});

test('the policy is enforced: eval and injected inline script are blocked', async () => {
  const r = await page.evaluate(async () => {
    const out = {};
    window.__violations = [];
    // Playwright's own evaluation is exempt from the page's CSP; a string timer is compiled later,
    // by the page, under its CSP, like any eval
    setTimeout('window.__evaled = 1', 0);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img src="data:," onload="window.__inline = 1" onerror="window.__inline = 1">',
    );
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 2';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 300));
    out.eval = window.__evaled ?? 'blocked';
    out.inline = window.__inline ?? 'blocked';
    out.reported = window.__violations.length;
    return out;
  });
  assert.equal(r.eval, 'blocked');
  assert.equal(r.inline, 'blocked');
  assert.ok(r.reported >= 3, `violations reported: ${r.reported}`);
});
