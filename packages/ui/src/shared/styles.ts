/**
 * Shared element styles. Every element puts `baseStyles` first in `static styles`; `controlStyles`
 * are the shared building blocks (buttons, panels, options, badges) so the elements look alike.
 * @module
 */
import { css } from 'lit';

/**
 * Host defaults and the accessibility plumbing every element needs: font and colour from tokens,
 * `.visually-hidden`, a visible `:focus-visible` ring, the 24 x 24 px `.d1-target` helper,
 * forced-colors and reduced-motion rules, and a scroll margin so focus never hides under a
 * sticky header.
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    min-width: 0;
    max-width: 100%;
    font-family: var(--d1-font-family);
    font-size: var(--d1-font-size-m);
    font-weight: var(--d1-font-weight-normal);
    line-height: var(--d1-font-line-height);
    color: var(--d1-color-text);
    color-scheme: var(--d1-color-scheme);
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
    /* focus scrolls the element clear of the sticky header (WCAG 2.2 SC 2.4.11) */
    scroll-margin-top: calc(var(--d1-sticky-offset) + var(--d1-space-s));
    scroll-margin-bottom: var(--d1-space-s);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  :focus-visible {
    outline: var(--d1-focus-width) solid var(--d1-color-focus);
    outline-offset: var(--d1-focus-offset);
  }
  /* WCAG 2.2 SC 2.5.8: at least 24 x 24 CSS px for anything clickable */
  .d1-target {
    min-width: var(--d1-size-target);
    min-height: var(--d1-size-target);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition-duration: 0s !important;
      transition-delay: 0s !important;
      animation-duration: 0s !important;
      animation-iteration-count: 1 !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    /* outlines survive forced colours, box-shadows do not: the ring is always an outline */
    :focus-visible {
      outline: var(--d1-focus-width) solid Highlight;
    }
  }
`;

/**
 * Shared building blocks: `.d1-button` (`data-variant="primary" | "quiet"`), `.d1-icon-button`,
 * `.d1-input`, `.d1-panel` (a popover surface), `.d1-option` (`aria-selected`, `data-active`),
 * `.d1-section`, `.d1-badge`, `.d1-heading`, `.d1-muted`, `.d1-link`, `.d1-empty`,
 * `.d1-status` (`data-severity="info" | "success" | "warning" | "error"`), `.d1-spinner` and
 * `.d1-chevron` (points up inside an `aria-expanded="true"` control).
 */
export const controlStyles = css`
  .d1-button,
  .d1-icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--d1-space-s);
    min-width: var(--d1-size-target);
    min-height: var(--d1-size-target);
    padding: var(--d1-space-xs) var(--d1-space-m);
    font: inherit;
    color: var(--d1-color-text);
    background: var(--d1-color-surface);
    border: 1px solid var(--d1-color-border);
    border-radius: var(--d1-radius-m);
    cursor: pointer;
    transition: background-color var(--d1-motion-duration) var(--d1-motion-easing);
  }
  .d1-icon-button {
    width: var(--d1-size-control);
    height: var(--d1-size-control);
    padding: 0;
  }
  .d1-button[data-variant='quiet'],
  .d1-icon-button[data-variant='quiet'] {
    background: transparent;
    border-color: transparent;
  }
  /* after quiet (same specificity), so a quiet button shows the hover too; before primary, which keeps its colour */
  .d1-button:hover,
  .d1-icon-button:hover {
    background: var(--d1-color-surface-hover);
  }
  .d1-button[data-variant='primary'] {
    color: var(--d1-color-on-primary);
    background: var(--d1-color-primary);
    border-color: var(--d1-color-primary);
    font-weight: var(--d1-font-weight-bold);
  }
  .d1-input {
    min-width: 0;
    min-height: var(--d1-size-target);
    padding: var(--d1-space-xs) var(--d1-space-s);
    font: inherit;
    color: var(--d1-color-text);
    background: var(--d1-color-surface);
    border: 1px solid var(--d1-color-border);
    border-radius: var(--d1-radius-s);
  }
  .d1-panel {
    z-index: var(--d1-z-popover);
    max-width: calc(100vw - 2 * var(--d1-space-s));
    padding: var(--d1-space-s);
    overflow: auto;
    color: var(--d1-color-text);
    background: var(--d1-color-surface);
    border: 1px solid var(--d1-color-border);
    border-radius: var(--d1-radius-m);
    box-shadow: var(--d1-elevation-popover);
  }
  .d1-option {
    display: flex;
    align-items: center;
    gap: var(--d1-space-s);
    min-height: var(--d1-size-target);
    padding: var(--d1-space-xs) var(--d1-space-s);
    border-radius: var(--d1-radius-s);
    cursor: pointer;
  }
  .d1-option:hover {
    background: var(--d1-color-surface-hover);
  }
  .d1-option[data-active],
  .d1-option[aria-selected='true'] {
    color: var(--d1-color-on-selected);
    background: var(--d1-color-selected);
  }
  /* the active descendant has no DOM focus, so it draws its own ring */
  .d1-option[data-active] {
    outline: var(--d1-focus-width) solid var(--d1-color-focus);
    outline-offset: calc(-1 * var(--d1-focus-width));
  }
  .d1-section {
    padding: var(--d1-space-xs) var(--d1-space-s);
    font-size: var(--d1-font-size-s);
    font-weight: var(--d1-font-weight-bold);
    color: var(--d1-color-text-muted);
    background: var(--d1-color-canvas);
  }
  .d1-badge {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 var(--d1-space-xs);
    font-size: var(--d1-font-size-s);
    font-weight: var(--d1-font-weight-bold);
    line-height: 1.5;
    text-align: center;
    color: var(--d1-color-on-danger);
    background: var(--d1-color-danger);
    border-radius: var(--d1-radius-pill);
  }
  .d1-heading {
    margin: 0;
    font-size: var(--d1-font-size-l);
    font-weight: var(--d1-font-weight-bold);
  }
  .d1-muted {
    font-size: var(--d1-font-size-s);
    color: var(--d1-color-text-muted);
  }
  .d1-link {
    color: var(--d1-color-primary);
    text-decoration: underline;
  }
  .d1-empty {
    padding: var(--d1-space-xl) var(--d1-space-l);
    text-align: center;
    color: var(--d1-color-text-muted);
  }
  .d1-status[data-severity='info'] {
    color: var(--d1-color-info);
  }
  .d1-status[data-severity='success'] {
    color: var(--d1-color-success);
  }
  .d1-status[data-severity='warning'] {
    color: var(--d1-color-warning);
  }
  .d1-status[data-severity='error'] {
    color: var(--d1-color-danger);
  }
  .d1-spinner {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    border: 2px solid;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: d1-spin 0.9s linear infinite;
  }
  @keyframes d1-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .d1-chevron {
    width: 0.5em;
    height: 0.5em;
    border: solid;
    border-width: 0 2px 2px 0;
    transform: translateY(-25%) rotate(45deg);
  }
  [aria-expanded='true'] > .d1-chevron {
    transform: translateY(25%) rotate(-135deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .d1-spinner {
      animation: none;
      border-style: dotted;
    }
  }
  @media (forced-colors: active) {
    /* backgrounds vanish in forced colours: shapes and states must be borders and system colours */
    .d1-button,
    .d1-icon-button,
    .d1-button[data-variant='quiet'],
    .d1-icon-button[data-variant='quiet'],
    .d1-input,
    .d1-panel {
      border-color: ButtonText;
    }
    .d1-option[data-active],
    .d1-option[aria-selected='true'] {
      forced-color-adjust: none;
      color: HighlightText;
      background: Highlight;
    }
    .d1-option[data-active] {
      outline-color: CanvasText;
    }
    .d1-badge {
      forced-color-adjust: none;
      color: Canvas;
      background: CanvasText;
    }
  }
`;
