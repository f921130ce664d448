import { css } from 'lit';

/** Styles of `<d1-class-picker>`; shared building blocks come from `controlStyles`. */
export const classPickerStyles = css`
  :host {
    --_width: var(--d1-class-picker-width, 22rem);
    --_list-height: var(--d1-class-picker-list-height, 22rem);
    --_bg: var(--d1-class-picker-bg, var(--d1-color-surface));
    /* painted, so the theme's text colour keeps its contrast on any vendor page (a dark theme on
       a white page); a page that paints the theme's canvas may set it transparent */
    --_host-bg: var(--d1-class-picker-background, var(--d1-color-surface));
    display: inline-block;
    width: var(--_width);
    vertical-align: middle;
  }
  /* the columns: the control, the open panel, an option's text */
  .wrap,
  .d1-panel,
  .text {
    display: flex;
    flex-direction: column;
  }
  .wrap {
    position: relative;
    gap: var(--d1-space-xs);
    padding: var(--d1-space-xs);
    color: var(--d1-color-text);
    background: var(--_host-bg);
    border-radius: var(--d1-radius-m);
  }
  .label,
  .title {
    font-weight: var(--d1-font-weight-bold);
  }
  :host([label-hidden]) .label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .child,
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--d1-space-xs) var(--d1-space-s);
  }
  .child select {
    flex: 1 1 8rem;
  }
  .field {
    display: flex;
    align-items: stretch;
    min-width: 0;
  }
  .field input {
    flex: 1 1 auto;
    width: 100%;
    min-height: var(--d1-size-control);
    border-start-end-radius: 0;
    border-end-end-radius: 0;
    text-overflow: ellipsis;
  }
  /* the focus ring draws over the toggle beside it */
  .field input:focus-visible {
    position: relative;
    z-index: 1;
  }
  .field .d1-icon-button {
    flex: none;
    /* as tall as the input beside it (the row stretches both) */
    height: auto;
    border-inline-start: 0;
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .d1-panel {
    width: max(100%, 16rem);
    padding: 0;
    overflow: hidden;
    background: var(--_bg);
  }
  .d1-panel[hidden] {
    display: none;
  }
  /* the listbox is the scroller of the windowed list: its spacers stand in for the rows not rendered */
  [role='listbox'] {
    flex: 1 1 auto;
    max-height: var(--_list-height);
    min-height: 0;
    overflow: auto;
    overscroll-behavior: contain;
  }
  .d1-section {
    border-block-start: 1px solid var(--d1-color-border);
  }
  /* rows scroll inside the list: the page's sticky-header margin (baseStyles) does not apply */
  [role='listbox'] > * {
    scroll-margin: 0;
  }
  .d1-option {
    align-items: flex-start;
    border-radius: 0;
  }
  .text {
    flex: 1 1 auto;
    min-width: 0;
  }
  .meta {
    font-size: var(--d1-font-size-s);
  }
  /* aria-selected follows the active option: one test covers both */
  .d1-option:not([data-active]) .meta {
    color: var(--d1-color-text-muted);
  }
  .check {
    flex: none;
    width: 1.25em;
    text-align: center;
  }
  .message {
    margin: 0;
    padding: var(--d1-space-s) var(--d1-space-m);
  }
  @media (forced-colors: active) {
    .d1-section {
      border-color: CanvasText;
    }
  }
`;
