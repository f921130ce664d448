// After `storybook build`: serve storybook-static/ on loopback, open every story in headless
// Chromium (it must render its element and throw nothing), then save a screenshot of Storybook with
// the accessibility panel open to test-results/storybook-a11y.png for review.
//   node scripts/storybook-screenshot.mjs [--dir storybook-static] [--story <id>] [--out <png>]
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromeArgs } from './chrome.mjs';
import { ensureChromium } from './ensure.mjs';

const { values: opts } = parseArgs({
  options: {
    dir: { type: 'string', default: 'storybook-static' },
    story: { type: 'string', default: 'shell-city-portal--teacher-with-tool-open' },
    out: { type: 'string', default: 'test-results/storybook-a11y.png' },
  },
});
const root = resolve(opts.dir);
if (!existsSync(join(root, 'index.json'))) {
  console.error(`${opts.dir}/index.json is missing: run \`storybook build -o ${opts.dir}\` first`);
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
// like `npm test`: CHROME_PATH, the system's Chromium, or (Debian, root) install Debian's
const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromeArgs, headless: true });
const failures = [];
try {
  // 1. Every story renders: a d1-* element with a rendered shadow root, and no uncaught error.
  const page = await browser.newPage();
  let errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const story of stories) {
    errors = [];
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
    const rendered = await page
      .waitForFunction(
        () => {
          // every element below the story root, through open shadow roots
          const all = [];
          const walk = (root) => {
            for (const el of root.querySelectorAll('*')) {
              all.push(el);
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          const root = document.querySelector('#storybook-root');
          if (!root) return false;
          walk(root);
          if (!all.length) return false;
          const d1 = all.filter((n) => n.localName.startsWith('d1-'));
          if (!d1.every((n) => n.shadowRoot && n.shadowRoot.childElementCount > 0)) return false;
          // a plugin host has rendered once it has started (some stories stay loading or refused)
          const hosts = d1.filter((n) => n.localName === 'd1-plugin-host' && !n.hidden);
          return !hosts.some((h) => (h.getAttribute('state') ?? 'idle') === 'idle');
        },
        null,
        { timeout: 15000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (!rendered || errors.length) {
      failures.push(`${story.id}: ${rendered ? '' : 'did not render'} ${errors.join('; ')}`.trim());
    }
  }
  await page.close();
  console.log(
    `storybook: ${stories.length - failures.length} of ${stories.length} stories rendered in Chromium`,
  );

  // 2. The review screenshot: the manager UI with the a11y panel showing axe's results.
  const ui = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const id = stories.some((s) => s.id === opts.story) ? opts.story : stories[0]?.id;
  await ui.goto(`${base}/?path=/story/${id}&addonPanel=storybook/a11y/panel&panel=bottom`);
  // the panel's tabs read "N Violations", "N Passes", "N Inconclusive" once axe has run
  await ui
    .getByRole('tab', { name: /Passes/ })
    .first()
    .waitFor({ timeout: 60000 });
  const frame = ui.frameLocator('#storybook-preview-iframe');
  await frame.locator('#storybook-root').waitFor({ timeout: 30000 });
  // the portal story shows a tool: wait until its plugin is actually running
  const pluginReady = await ui
    .frame({ url: /iframe\.html/ })
    ?.waitForFunction(
      () => {
        const find = (root) =>
          [...root.querySelectorAll('*')].flatMap((el) => [
            ...(el.localName === 'd1-plugin-host' && !el.hidden ? [el] : []),
            ...(el.shadowRoot ? find(el.shadowRoot) : []),
          ]);
        const hosts = find(document);
        return hosts.length === 0 || hosts.every((h) => h.getAttribute('state') === 'ready');
      },
      null,
      { timeout: 30000 },
    )
    .then(
      () => true,
      () => false,
    );
  if (!pluginReady) failures.push(`${id}: the plugin in the screenshot did not become ready`);
  mkdirSync(dirname(resolve(opts.out)), { recursive: true });
  await ui.screenshot({ path: opts.out });
  const tabs = await ui.getByRole('tab').allInnerTexts();
  console.log(
    `storybook: a11y panel of ${id}: ${tabs.filter((t) => /Violations|Passes|Inconclusive/.test(t)).join(', ')}`,
  );
  console.log(`storybook: screenshot saved to ${opts.out}`);
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.error(`storybook: ${failures.length} stories failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
