// @web/test-runner: component and cross-origin tests in a real headless Chromium.
// Tests import sources (.ts) through the `source` export condition; esbuild strips types.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { chromeArgs, chromePath } from './scripts/chrome.mjs';
import { jsonModulesPlugin } from './scripts/wtr-json-modules.mjs';
import { d1MediaPlugin } from './packages/ui/test/shared/media-plugin.mjs';

const files = process.env.WTR_FILES
  ? process.env.WTR_FILES.split(',')
  : ['packages/*/test/**/*.test.ts', 'test/browser/**/*.test.ts'];

export default {
  files,
  // 'localhost' for the page under test; cross-origin fixtures load from 127.0.0.1 on the same port.
  hostname: 'localhost',
  nodeResolve: { exportConditions: ['source', 'development', 'browser'] },
  plugins: [
    // `import x from './x.json'` (stories read the demo city's brand this way)
    jsonModulesPlugin(),
    // Pitfall: the esbuild plugin ignores `extends`, so point it at the file with decorator options.
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }),
    // forced-colors / prefers-contrast emulation for the design-system tests (packages/ui/test/shared)
    d1MediaPlugin(),
    // a11ySnapshot(): Chromium's accessibility tree (role, name, checked) for component tests.
    a11ySnapshotPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath(), headless: true, args: chromeArgs },
      // One browser context (so one window) per page: with concurrency 2, a second tab in the
      // same window is hidden and never gets requestAnimationFrame, so waitFor() and anything
      // rAF-driven would hang there.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 15000 } },
  filterBrowserLogs: ({ args }) =>
    !args.some((a) => typeof a === 'string' && a.includes('Lit is in dev mode')),
  reporters: [defaultReporter(), summaryReporter({ out: 'test-results/wtr.json' })],
};
