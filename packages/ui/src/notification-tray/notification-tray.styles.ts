import { css } from 'lit';

/** Styles of `<d1-notification-tray>`; public `--d1-notification-tray-*` map to private `--_*`. */
export const trayStyles = css`
  :host {
    --_panel-width: var(--d1-notification-tray-panel-width, 26rem);
    --_list-height: var(--d1-notification-tray-list-height, min(60vh, 32rem));
    --_unread: var(--d1-notification-tray-unread-color, var(--d1-color-primary));
    position: relative;
    display: inline-block;
  }
  .bell {
    position: relative;
  }
  .bell svg {
    width: 1.5rem;
    height: 1.5rem;
  }
  .bell .d1-badge {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    transform: translate(25%, -25%);
  }
  /* PopoverController places the panel and caps its height; the list takes what is left */
  .panel {
    display: flex;
    flex-direction: column;
    width: min(var(--_panel-width), calc(100vw - 2 * var(--d1-space-s)));
    padding: 0;
    /* .d1-panel scrolls (overflow: auto): on very short viewports (zoomed in) the whole panel
       scrolls rather than hiding the list */
  }
  .panel[hidden] {
    display: none;
  }
  .panel > * {
    flex: none;
  }
  .head {
    display: grid;
    grid-template-columns: 1fr auto;
    grid-template-areas: 'title close' 'summary summary';
    align-items: center;
    gap: var(--d1-space-xs) var(--d1-space-s);
    padding: var(--d1-space-s) var(--d1-space-m);
    border-block-end: 1px solid var(--d1-color-border);
  }
  .head h2 {
    grid-area: title;
  }
  .summary {
    grid-area: summary;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--d1-space-xs) var(--d1-space-s);
  }
  .count {
    margin: 0;
  }
  .close {
    grid-area: close;
  }
  .notes,
  .message {
    margin: 0;
    padding: var(--d1-space-xs) var(--d1-space-m);
  }
  .message {
    display: flex;
    gap: var(--d1-space-s);
    align-items: flex-start;
    border-block-end: 1px solid var(--d1-color-border);
  }
  .panel > .list {
    flex: 0 1 auto;
    min-height: min(10rem, var(--_list-height));
    max-height: var(--_list-height);
    overflow: auto;
    overscroll-behavior: contain;
    /* a scrollbar appearing would narrow the list and change the measured row heights */
    scrollbar-gutter: stable;
  }
  .day {
    margin: 0;
  }
  .item {
    display: flex;
    gap: var(--d1-space-s);
    padding: var(--d1-space-s) var(--d1-space-m);
    border-block-end: 1px solid var(--d1-color-surface-hover);
  }
  .item:focus-visible {
    outline-offset: calc(-1 * var(--d1-focus-width));
  }
  .item.unread {
    box-shadow: inset 0.25rem 0 0 var(--_unread);
  }
  .item.unread .title {
    font-weight: var(--d1-font-weight-bold);
  }
  .sev-icon {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin-block-start: 0.15rem;
  }
  .main {
    flex: 1 1 auto;
    min-width: 0;
  }
  .meta,
  .title,
  .body {
    margin: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--d1-space-s);
  }
  .meta .d1-status {
    font-weight: var(--d1-font-weight-bold);
  }
  .source {
    display: inline-flex;
    align-items: center;
    gap: var(--d1-space-xs);
  }
  .source img {
    width: 1rem;
    height: 1rem;
    object-fit: contain;
  }
  .link-button {
    padding: 0;
    text-align: start;
    background: none;
    border: 0;
    cursor: pointer;
  }
  /* the title is the action's target: a whole line at least 24 px high (WCAG 2.2 SC 2.5.8) */
  .title .d1-link,
  .title .link-button {
    display: inline-block;
    min-height: var(--d1-size-target);
    font: inherit;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--d1-space-xs);
    margin-block-start: var(--d1-space-xs);
  }
  .actions .d1-button {
    padding: 0 var(--d1-space-s);
    font-size: var(--d1-font-size-s);
  }
  @media (forced-colors: active) {
    .item.unread {
      border-inline-start: 0.25rem solid CanvasText;
    }
    .sev-icon {
      color: CanvasText;
    }
  }
`;
