/**
 * `<d1-test-widget>`: a small element built only from the shared core, used as the fixture of the
 * design-system tests (a menu button with a popover panel, a count, live announcements).
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import {
  AnnouncerController,
  DismissController,
  LocaleController,
  PopoverController,
  RovingFocusController,
  ThemeController,
  baseStyles,
  controlStyles,
  defineCatalog,
} from '../../src/shared/index.js';

export const testCatalog = defineCatalog(
  {
    fi: {
      open: 'Avaa valikko',
      items: { one: '{count} kohde', other: '{count} kohdetta' },
      hello: 'Hei {name}!',
    },
    sv: {
      open: 'Öppna menyn',
      items: { one: '{count} objekt', other: '{count} objekt' },
      hello: 'Hej {name}!',
    },
    en: { open: 'Open menu', items: { one: '{count} item', other: '{count} items' }, hello: 'Hello {name}!' },
  },
  'test-widget',
);

export class D1TestWidget extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    css`
      :host {
        --_bg: var(--d1-test-widget-bg, var(--d1-color-surface));
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--d1-space-s);
        position: relative;
      }
      .d1-panel {
        width: 24rem;
        background: var(--_bg);
      }
    `,
  ];

  @property({ type: Boolean, reflect: true }) open = false;
  @property({ type: Number }) count = 1;
  @property({ type: String, attribute: 'panel-align' }) panelAlign: 'start' | 'end' = 'start';

  readonly l10n = new LocaleController(this, testCatalog);
  readonly announcer = new AnnouncerController(this);
  readonly placement: PopoverController;
  renders = 0;
  lastClose = '';

  constructor() {
    super();
    new ThemeController(this);
    new DismissController(this, {
      isOpen: () => this.open,
      close: (reason) => {
        this.lastClose = reason;
        this.open = false;
      },
      trigger: () => this.trigger,
    });
    new RovingFocusController(this, {
      items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role=menuitem]')],
      wrap: true,
    });
    this.placement = new PopoverController(this, {
      isOpen: () => this.open,
      anchor: () => this.trigger,
      panel: () => this.panel,
      align: this.panelAlign,
    });
  }

  get trigger(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('#trigger');
  }
  get panel(): HTMLElement | null {
    return this.renderRoot.querySelector('.d1-panel');
  }

  protected override render() {
    this.renders++;
    return html`<div class="bar">
      <button
        id="trigger"
        class="d1-button"
        aria-haspopup="menu"
        aria-expanded=${this.open}
        aria-controls="menu"
        @click=${() => (this.open = !this.open)}
      >
        ${this.l10n.t('open')}
      </button>
      <button class="d1-button" data-variant="primary">${this.l10n.t('items', { count: this.count })}</button>
      <button class="d1-icon-button" data-variant="quiet" aria-label=${this.l10n.t('hello', { name: '' })}>
        ★
      </button>
      <span class="d1-badge" aria-hidden="true">${this.count}</span>
      <input class="d1-input" aria-label=${this.l10n.t('open')} />
      ${
        this.open
          ? html`<div id="menu" class="d1-panel" role="menu" aria-labelledby="trigger">
              <div role="menuitem" class="d1-option d1-target">A</div>
              <div role="menuitem" class="d1-option d1-target">B</div>
              <div role="menuitem" class="d1-option d1-target">C</div>
            </div>`
          : ''
      }
    </div>`;
  }
}
customElements.define('d1-test-widget', D1TestWidget);

declare global {
  interface HTMLElementTagNameMap {
    'd1-test-widget': D1TestWidget;
  }
}

/** Mount `markup` in a fresh container; returns the container (removed by `cleanup`). */
export function mount(markup: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = markup;
  document.body.append(box);
  mounted.push(box);
  return box;
}
const mounted: HTMLElement[] = [];
export function cleanup(): void {
  for (const b of mounted.splice(0)) b.remove();
}
