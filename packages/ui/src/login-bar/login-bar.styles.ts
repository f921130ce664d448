import { css } from 'lit';

// Notes live here, not inside the CSS text, which ships as written (comments and all).
// - Public tokens `--d1-login-bar-*` map to private `--_*` over the global `--d1-*` ones; the
//   element installs the theme stylesheet (ThemeController), so globals need no fallbacks here.
// - Text the bar draws sits on its own surface (.note, .busy, .error): a vendor page may not paint
//   the theme's canvas (dark tokens follow prefers-color-scheme even on a white page).
// - Compact layout is a media query, not a container query: a container-sized host in a flex
//   header collapses to zero width unless the portal also sizes it.
// - `.c` is a comma for screen readers (the name reads "name, role, school"); font-size 0 rather
//   than positioned hiding, which makes Chromium pad it with spaces in the accessible name.
// - The menu's width is fixed (the PopoverController caps it at the viewport); long Finnish
//   school names wrap.
// - The menu is a shared `.d1-panel` (layer, scrolling, shadow); the bar only sizes it and paints
//   it with its own tokens.
// - Menu items get focus by script after any input, so :focus (not only :focus-visible) shows it.
export const loginBarStyles = css`
  :host {
    --_bg: var(--d1-login-bar-background, var(--d1-color-surface));
    --_fg: var(--d1-login-bar-color, var(--d1-color-text));
    --_muted: var(--d1-login-bar-muted-color, var(--d1-color-text-muted));
    --_border: var(--d1-login-bar-border-color, var(--d1-color-border));
    --_primary: var(--d1-login-bar-primary, var(--d1-color-primary));
    --_radius: var(--d1-login-bar-radius, var(--d1-radius-pill));
    --_s: var(--d1-space-s);
    --_l: var(--d1-space-l);
    position: relative;
    color: var(--_fg);
  }
  :host,
  .busy,
  .trigger,
  .error {
    display: inline-flex;
    align-items: center;
    gap: var(--_s);
  }
  .sign-in,
  .busy,
  .trigger {
    min-block-size: var(--d1-size-control);
  }
  .error,
  .trigger,
  .popup {
    border: 1px solid var(--_border);
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  p {
    margin: 0;
  }
  .sign-in {
    padding: var(--d1-space-xs) var(--_l);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--d1-login-bar-on-primary, var(--d1-color-on-primary));
    font-weight: var(--d1-font-weight-bold);
  }
  .note,
  .busy,
  .error,
  .trigger,
  .popup {
    border-radius: var(--d1-radius-m);
    background: var(--_bg);
    color: var(--_fg);
  }
  .note,
  .hint,
  .meta,
  .busy,
  .group-label {
    color: var(--_muted);
    font-size: var(--d1-font-size-s);
  }
  .note {
    padding: var(--d1-space-xs) var(--_s);
    max-inline-size: 32rem;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    max-inline-size: 40rem;
    padding: var(--d1-space-xs);
  }
  .error p {
    padding-inline-start: var(--_s);
    border-inline-start: 4px solid var(--d1-color-danger);
  }
  .busy {
    padding-inline: var(--d1-space-m);
  }
  .trigger {
    padding: var(--d1-space-xs) var(--d1-space-m) var(--d1-space-xs) var(--d1-space-xs);
    border-radius: var(--_radius);
    text-align: start;
  }
  .trigger:hover,
  [aria-expanded='true'],
  [role^='menuitem']:hover,
  [role^='menuitem']:focus {
    background: var(--d1-color-surface-hover);
  }
  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    background: var(--d1-login-bar-avatar-background, var(--d1-color-selected));
    color: var(--d1-login-bar-avatar-color, var(--d1-color-on-selected));
    font-size: var(--d1-font-size-s);
  }
  .avatar,
  .name,
  [aria-checked='true'] {
    font-weight: var(--d1-font-weight-bold);
  }
  .label {
    display: grid;
  }
  .c {
    font-size: 0;
  }
  .d1-chevron {
    margin-inline: var(--d1-space-xs);
  }
  .popup {
    inline-size: 22rem;
    padding: var(--d1-space-xs) 0;
  }
  .who {
    display: none;
    padding: var(--_s) var(--_l);
    border-block-end: 1px solid var(--_border);
  }
  .group-label {
    padding: var(--_s) var(--_l) var(--d1-space-xs);
    font-weight: var(--d1-font-weight-bold);
  }
  [role='separator'] {
    margin-block: var(--d1-space-xs);
    border-block-start: 1px solid var(--_border);
  }
  [role^='menuitem'] {
    display: flex;
    gap: var(--_s);
    min-block-size: var(--d1-size-target);
    padding: var(--_s) var(--_l);
    cursor: pointer;
    outline: none;
  }
  [role^='menuitem']:focus {
    outline: var(--d1-focus-width) solid var(--d1-color-focus);
    outline-offset: calc(-1 * var(--d1-focus-width));
  }
  .check {
    flex: none;
    inline-size: 1rem;
  }
  .hint {
    padding: 0 var(--_l) var(--_s) calc(var(--_l) + 1rem + var(--_s));
  }
  @media (max-width: 36em) {
    .trigger {
      padding: var(--d1-space-xs);
    }
    .label,
    .d1-chevron,
    .busy-text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .who {
      display: grid;
    }
  }
  @media (forced-colors: active) {
    .sign-in,
    .trigger,
    .popup {
      border-color: ButtonText;
    }
    .avatar {
      outline: 1px solid;
      forced-color-adjust: none;
    }
    [role^='menuitem']:focus {
      outline-color: Highlight;
    }
  }
`;
