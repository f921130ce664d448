// Headless Chromium through playwright-core, with the system browser and the flags of
// scripts/chrome.mjs (never a downloaded browser: TOOLCHAIN.md 6, 7).
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../../scripts/chrome.mjs';

export async function launch() {
  const browser = await chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [...chromeArgs, '--headless=new'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return { browser, context, version: browser.version() };
}

/** A new page that fails loudly on page errors (a bench on a broken page measures nothing). */
export async function open(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(new Error(m.text()));
  });
  await page.goto(url);
  page.errors = errors;
  return page;
}

/**
 * JS heap of a page or an out-of-process frame, after a full garbage collection, through the
 * DevTools protocol (Performance.getMetrics: JSHeapUsedSize / JSHeapTotalSize of its isolate).
 */
export async function heap(context, pageOrFrame) {
  const cdp = await context.newCDPSession(pageOrFrame);
  try {
    await cdp.send('Performance.enable');
    // two passes: the first frees objects whose finalisers keep others alive
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    // frames of one site may share a renderer, hence one V8 isolate: the id tells them apart
    const { id } = await cdp.send('Runtime.getIsolateId');
    return { used: m.JSHeapUsedSize, total: m.JSHeapTotalSize, isolate: id };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** `promise`, or a clear error after `ms` (a bench waits on pages; none may hang the run). */
export function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
