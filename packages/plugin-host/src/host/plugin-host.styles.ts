import { css } from 'lit';

// Global tokens with fallbacks: the host must look right without @digione/ui's theme sheet too.
// Tokens used more than once are mapped to a private `--_<token>` on :host; the others are used in place.
export const pluginHostStyles = css`
  :host {
    --_border: var(--d1-plugin-host-border-color, var(--d1-color-border, GrayText));
    --_primary: var(--d1-plugin-host-primary, var(--d1-color-primary, LinkText));
    --_radius: var(--d1-plugin-host-radius, var(--d1-radius-m, 8px));
    --_space: var(--d1-space-s, 8px);
    display: block;
    position: relative;
    color: var(--d1-plugin-host-color, var(--d1-color-text, CanvasText));
    font-family: var(--d1-font-family, system-ui, sans-serif);
  }
  :host([hidden]),
  .status[hidden] {
    display: none;
  }
  /* The skip link and the end mark: visually hidden until focused. */
  :is(.skip, .end):not(:focus-within) {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .skip,
  .end {
    display: inline-block;
    margin-block: var(--_space);
    padding: 2px var(--_space);
    color: var(--_primary);
  }
  :focus-visible {
    outline: var(--d1-focus-width, 3px) solid var(--d1-color-focus, Highlight);
    outline-offset: var(--d1-focus-offset, 2px);
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--d1-plugin-host-background, var(--d1-color-surface, Canvas));
  }
  .status[data-kind='error'] {
    border-color: var(--d1-plugin-host-danger, var(--d1-color-danger, #b3261e));
    border-inline-start-width: 4px;
  }
  .status p {
    margin: 0;
    flex: 1 1 16rem;
  }
  .title {
    font-weight: var(--d1-font-weight-bold, 700);
  }
  .detail {
    color: var(--d1-plugin-host-muted-color, var(--d1-color-text-muted, CanvasText));
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid var(--_border);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  button {
    min-height: var(--d1-size-target, 44px);
    min-width: var(--d1-size-target, 44px);
    padding: 0 var(--d1-space-m, 12px);
    font: inherit;
    color: var(--d1-color-on-primary, Canvas);
    background: var(--_primary);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button[data-variant='quiet'] {
    color: var(--_primary);
    background: transparent;
  }
  .frame iframe {
    display: block;
    width: 100%;
    border: 0;
  }
  /* Loading: laid out at full width (so the plugin measures itself right) but not shown or reachable. */
  .frame.pending {
    height: 0;
    overflow: hidden;
    visibility: hidden;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  /* forced colours already draw the status panel border CanvasText, not so the buttons */
  @media (forced-colors: active) {
    button {
      border-color: CanvasText;
    }
  }
`;
