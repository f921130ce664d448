import { css } from 'lit';

/**
 * Public tokens `--d1-login-bar-*` map to private `--_*`, falling back to the global `--d1-*` ones.
 * The compact layout is a media query rather than a container query: a container-sized host in a
 * flex header collapses to zero width unless the portal also gives it one.
 */
export const loginBarStyles = css`
  :host {
    --_bg: var(--d1-login-bar-background, var(--d1-color-surface, #fff));
    --_fg: var(--d1-login-bar-color, var(--d1-color-text, #1b1f24));
    --_muted: var(--d1-login-bar-muted-color, var(--d1-color-text-muted, #4c5561));
    --_border: var(--d1-login-bar-border-color, var(--d1-color-border, #6b7480));
    --_primary: var(--d1-login-bar-primary, var(--d1-color-primary, #0a58a8));
    --_on-primary: var(--d1-login-bar-on-primary, var(--d1-color-on-primary, #fff));
    --_avatar-bg: var(--d1-login-bar-avatar-background, var(--d1-color-selected, #d6e6f8));
    --_avatar-fg: var(--d1-login-bar-avatar-color, var(--d1-color-on-selected, #0b2648));
    --_hover: var(--d1-color-surface-hover, #e9edf2);
    --_danger: var(--d1-color-danger, #b3261e);
    --_radius: var(--d1-login-bar-radius, var(--d1-radius-pill, 999px));
    --_control: var(--d1-size-control, 2.75rem);
    --_gap: var(--d1-space-s, 0.5rem);
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: var(--_gap);
    max-inline-size: 100%;
    color: var(--_fg);
    font-family: var(--d1-font-family, system-ui, sans-serif);
    font-size: var(--d1-font-size-m, 1rem);
    line-height: var(--d1-font-line-height, 1.5);
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }

  .sign-in {
    min-block-size: var(--_control);
    min-inline-size: var(--d1-size-target, 24px);
    padding: var(--d1-space-xs, 0.25rem) var(--d1-space-l, 1rem);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: var(--d1-font-weight-bold, 600);
  }

  /* Text the bar draws sits on its own surface: a vendor page may not paint the theme's canvas
     (dark tokens follow prefers-color-scheme even on a white page), so contrast never depends on it. */
  .note,
  .busy,
  .error {
    border-radius: var(--d1-radius-m, 0.5rem);
    background: var(--_bg);
    color: var(--_fg);
  }

  .note {
    margin: 0;
    padding: var(--d1-space-xs, 0.25rem) var(--d1-space-s, 0.5rem);
    max-inline-size: 32rem;
    color: var(--_muted);
    font-size: var(--d1-font-size-s, 0.875rem);
  }

  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
    max-inline-size: 40rem;
    padding: var(--d1-space-xs, 0.25rem);
    border: 1px solid var(--_border);
  }
  .error p {
    margin: 0;
    padding-inline-start: var(--_gap);
    border-inline-start: 4px solid var(--_danger);
  }

  .busy {
    display: inline-flex;
    align-items: center;
    gap: var(--_gap);
    min-block-size: var(--_control);
    padding-inline: var(--d1-space-m, 0.75rem);
    color: var(--_muted);
  }
  .spinner {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    border: 3px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 900ms linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  .trigger {
    display: inline-flex;
    align-items: center;
    gap: var(--_gap);
    min-block-size: var(--_control);
    max-inline-size: 100%;
    padding: var(--d1-space-xs, 0.25rem) var(--d1-space-m, 0.75rem) var(--d1-space-xs, 0.25rem)
      var(--d1-space-xs, 0.25rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    text-align: start;
  }
  .trigger:hover,
  .trigger[aria-expanded='true'] {
    background: var(--_hover);
  }

  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    background: var(--_avatar-bg);
    color: var(--_avatar-fg);
    font-weight: var(--d1-font-weight-bold, 600);
    font-size: var(--d1-font-size-s, 0.875rem);
  }

  .label {
    display: grid;
    min-inline-size: 0;
  }
  .name {
    font-weight: var(--d1-font-weight-bold, 600);
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_muted);
    font-size: var(--d1-font-size-s, 0.875rem);
    overflow-wrap: anywhere;
  }

  /* An inline comma screen readers pause on but the eye does not see; positioned hiding would
     make Chromium pad it with spaces in the accessible name. */
  .sr-comma {
    font-size: 0;
  }

  .chevron {
    flex: none;
    inline-size: 0.5rem;
    block-size: 0.5rem;
    margin-inline: var(--d1-space-xs, 0.25rem);
    border-block-end: 2px solid currentColor;
    border-inline-end: 2px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
    transition: transform var(--d1-motion-duration, 150ms) var(--d1-motion-easing, ease);
  }
  [aria-expanded='true'] .chevron {
    transform: translateY(25%) rotate(-135deg);
  }

  .popup {
    position: absolute;
    z-index: var(--d1-z-popover, 1000);
    inset-block-start: calc(100% + var(--d1-space-xs, 0.25rem));
    inset-inline-end: 0;
    box-sizing: border-box;
    inline-size: max-content;
    min-inline-size: 16rem;
    max-inline-size: min(24rem, calc(100vw - 1rem));
    padding-block: var(--d1-space-xs, 0.25rem);
    border: 1px solid var(--_border);
    border-radius: var(--d1-radius-m, 0.5rem);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: var(--d1-elevation-popover, 0 0.25rem 1rem rgb(0 0 0 / 0.18));
    overflow-y: auto;
  }
  .popup[hidden] {
    display: none;
  }

  /* Who is signed in, repeated at the top of the menu only where the bar itself is compact. */
  .who {
    display: none;
    padding: var(--d1-space-s, 0.5rem) var(--d1-space-l, 1rem);
    border-block-end: 1px solid var(--_border);
  }

  .group-label {
    padding: var(--d1-space-s, 0.5rem) var(--d1-space-l, 1rem) var(--d1-space-xs, 0.25rem);
    color: var(--_muted);
    font-size: var(--d1-font-size-s, 0.875rem);
    font-weight: var(--d1-font-weight-bold, 600);
  }

  [role='separator'] {
    margin-block: var(--d1-space-xs, 0.25rem);
    border-block-start: 1px solid var(--_border);
  }

  [role^='menuitem'] {
    display: flex;
    align-items: flex-start;
    gap: var(--_gap);
    min-block-size: var(--d1-size-target, 24px);
    padding: var(--d1-space-s, 0.5rem) var(--d1-space-l, 1rem);
    cursor: pointer;
    outline: none;
  }
  [role^='menuitem']:hover {
    background: var(--_hover);
  }
  /* Focus moves here by script after any input, so :focus (not only :focus-visible) shows it. */
  [role^='menuitem']:focus {
    background: var(--_hover);
    outline: var(--d1-focus-width, 3px) solid var(--d1-color-focus, #0a4a8f);
    outline-offset: calc(-1 * var(--d1-focus-width, 3px));
  }
  .check {
    flex: none;
    inline-size: 1rem;
    visibility: hidden;
  }
  [aria-checked='true'] .check {
    visibility: visible;
  }
  [aria-checked='true'] {
    font-weight: var(--d1-font-weight-bold, 600);
  }
  .item-text {
    display: grid;
    min-inline-size: 0;
  }
  .hint {
    margin: 0;
    padding: 0 var(--d1-space-l, 1rem) var(--d1-space-s, 0.5rem)
      calc(var(--d1-space-l, 1rem) + 1rem + var(--_gap));
    color: var(--_muted);
    font-size: var(--d1-font-size-s, 0.875rem);
  }

  @media (max-width: 36em) {
    .trigger {
      padding: var(--d1-space-xs, 0.25rem);
    }
    .trigger .label,
    .trigger .chevron {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      margin: -1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .who {
      display: grid;
    }
    .busy-text {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-inline-end-color: currentColor;
      border-style: dotted;
    }
    .chevron {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .sign-in,
    .trigger,
    .popup {
      border-color: ButtonText;
    }
    .avatar {
      forced-color-adjust: none;
      background: Canvas;
      color: CanvasText;
      outline: 1px solid CanvasText;
    }
    [role^='menuitem']:focus {
      outline-color: Highlight;
    }
    .error p {
      border-inline-start-color: CanvasText;
    }
  }
`;
