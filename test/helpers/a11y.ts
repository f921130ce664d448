/**
 * Accessibility helpers for browser tests: axe-core over an element (shadow DOM included) and
 * the accessibility tree as Chromium exposes it.
 */
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element | Document, options?: RunOptions): Promise<AxeResults> };
  }
}

/** Runs axe on `el` (WCAG 2.0/2.1/2.2 A and AA rules) and throws listing every violation. */
export async function expectAccessible(el: Element | Document = document, options: RunOptions = {}): Promise<void> {
  const results = await window.axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
    ...options,
  });
  const bad = results.violations.filter((v) => v.id !== 'region' && v.id !== 'page-has-heading-one' && v.id !== 'landmark-one-main');
  if (bad.length) {
    const lines = bad.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`,
    );
    throw new Error(`axe found ${bad.length} violation(s):\n${lines.join('\n')}`);
  }
}
