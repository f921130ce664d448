import { svg, type SVGTemplateResult } from 'lit';
import type { Severity } from '@digione/context';

// Icons are decoration: every one sits next to text that says the same (aria-hidden, no title).
const icon = (d: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${d}</svg>`;

export const bellIcon = icon(
  svg`<path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/>`,
);

const paths: Record<Severity, SVGTemplateResult> = {
  info: svg`<circle cx="12" cy="12" r="10"/><path d="M12 16v-4M12 8h.01"/>`,
  success: svg`<circle cx="12" cy="12" r="10"/><path d="m8 12 3 3 5-6"/>`,
  warning: svg`<path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z"/><path d="M12 9v4M12 17h.01"/>`,
  // a square, not a circle: severity must not depend on colour alone
  error: svg`<rect x="3" y="3" width="18" height="18" rx="2"/><path d="m15 9-6 6M9 9l6 6"/>`,
};

/** The icon of a severity (each a different shape). */
export const severityIcon = (s: Severity): SVGTemplateResult => icon(paths[s]);
