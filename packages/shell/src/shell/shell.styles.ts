import { css } from 'lit';

// Text colour and overflow-wrap are inherited from the host (baseStyles).

export const shellStyles = css`
  :host,
  .layout {
    min-height: 100vh;
  }
  :host {
    --_max: var(--d1-shell-max-width, 72rem);
    display: block;
    background: var(--d1-color-surface);
  }
  .layout {
    display: flex;
    flex-direction: column;
  }
  .skip {
    position: absolute;
    border: 2px solid var(--d1-color-primary);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
    inset-inline-start: var(--d1-space-s);
    top: var(--d1-space-s);
    z-index: 20;
    padding: var(--d1-space-s) var(--d1-space-m);
    background: var(--d1-color-surface);
    color: var(--d1-color-primary);
    transform: translateY(-200%);
  }
  .skip:focus {
    transform: none;
  }
  /* a surface-coloured banner with a brand stripe: the widgets inside keep their own contrast.
     Brand, picker and tools take the three columns in document order. */
  header {
    position: sticky;
    top: 0;
    z-index: 10;
    display: grid;
    grid-template-columns: auto minmax(12rem, 26rem) auto;
    align-items: center;
    gap: var(--d1-space-m);
    padding: var(--d1-space-s) var(--d1-space-l);
    background: var(--d1-shell-header-bg, var(--d1-color-surface));
    color: var(--d1-shell-header-color, var(--d1-color-text));
    border-block-start: 4px solid var(--d1-color-primary);
  }
  header,
  nav {
    border-block-end: 1px solid var(--d1-color-border);
  }
  .brand,
  .picker {
    min-width: 0;
  }
  /* the bell is a quiet button: give it the surface the picker and login bar have, so its icon
     keeps its contrast on a coloured banner (--d1-shell-header-bg) */
  .tools d1-notification-tray {
    background: var(--d1-color-surface);
    border-radius: var(--d1-radius-m);
  }
  .tools {
    display: flex;
    gap: var(--d1-space-s);
    align-items: center;
    justify-content: end;
  }
  ::slotted([slot='brand']) {
    color: inherit;
  }
  nav {
    background: var(--d1-shell-nav-bg, var(--d1-color-canvas));
    padding: 0 var(--d1-space-l);
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--d1-space-xs);
    margin: 0 auto;
    padding: var(--d1-space-xs) 0;
    list-style: none;
    max-width: var(--_max);
  }
  nav a {
    display: inline-flex;
    align-items: center;
    gap: var(--d1-space-s);
    padding: 0 var(--d1-space-m);
    border-radius: var(--d1-radius-m);
    color: var(--d1-color-primary);
    text-decoration: none;
  }
  nav a:hover {
    text-decoration: underline;
  }
  nav a[aria-current='page'] {
    font-weight: 700;
    color: var(--d1-color-text);
    box-shadow: inset 0 -3px 0 var(--d1-color-primary);
  }
  .icon {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  main {
    flex: 1;
    width: 100%;
    max-width: var(--_max);
    margin: 0 auto;
    padding: var(--d1-space-l);
    /* not inherited: main is slotted into <d1-platform>, whose slot is content-box */
    box-sizing: border-box;
    outline: none;
  }
  h1 {
    font-size: calc(var(--d1-font-size-l) * 1.4);
    margin: 0 0 var(--d1-space-m);
    scroll-margin-block-start: var(--d1-sticky-offset, 5rem);
  }
  .lead {
    font-size: var(--d1-font-size-l);
    max-width: 60ch;
  }
  footer {
    padding: var(--d1-space-l);
  }
  /* narrow screens and 200% zoom: the picker takes a row of its own under the brand and tools
     (brand and tools fill the first row's two columns) */
  @media (max-width: 40rem) {
    header {
      grid-template-columns: minmax(0, 1fr) auto;
      padding: var(--d1-space-s);
      position: static;
    }
    .picker {
      grid-area: 2 / 1 / 3 / 3;
    }
    nav {
      padding: 0 var(--d1-space-s);
    }
    main {
      padding: var(--d1-space-m) var(--d1-space-s);
    }
  }
  @media (forced-colors: active) {
    nav a[aria-current='page'] {
      text-decoration: underline;
      text-decoration-thickness: 3px;
    }
  }
`;
