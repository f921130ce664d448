import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Notification, NotificationService, Severity } from '@digione/context';
import {
  AnnouncerController,
  baseStyles,
  controlStyles,
  DismissController,
  LocaleController,
  fire,
  moveIndex,
  PlatformLink,
  PopoverController,
  ThemeController,
  VirtualListController,
} from '../shared/index.js';
import { trayCatalog } from './messages.js';
import { trayStyles } from './notification-tray.styles.js';
import { BurstCollector } from './burst.js';
import {
  isUsable,
  textOf,
  applyLimits,
  helsinkiDay,
  newestFirst,
  safeHref,
  safeIcon,
  toRows,
  type LimitReport,
  type TrayRow,
} from './model.js';
import { bellIcon, severityIcon } from './icons.js';
import type { NotificationDismissDetail, NotificationReadDetail, TrayRequestDetail } from './events.js';

export type * from './events.js';

const SEVERITIES: readonly Severity[] = ['info', 'success', 'warning', 'error'];

/**
 * The notification tray: a bell with the unread count and a panel listing notifications from the
 * platform and from plugins, newest first and grouped by day (Helsinki time).
 *
 * Inside `<d1-platform>` it shows the platform's NotificationService and saves read/dismiss
 * through it. Standalone, give it `notifications`; it then fires `d1-notification-read` and
 * `d1-notification-dismiss` for the page to save. Either way changes show at once and are rolled
 * back, with a visible message, when the save is refused.
 *
 * New notifications are announced through the document's shared live region (polite; assertive
 * only for `severity: 'error'`); bursts are summarised ("5 uutta ilmoitusta"). Focus never moves
 * for pushed notifications.
 *
 * @summary Bell with unread count and a panel of notifications.
 * @fires d1-notification-open - The user followed a notification's action; cancel to stop a link's navigation.
 * @fires d1-notification-read - Standalone: notifications were marked read (`ids`, `all`, `waitUntil`).
 * @fires d1-notification-dismiss - Standalone: a notification was dismissed (`id`, `notification`, `waitUntil`).
 * @csspart bell - The bell button.
 * @csspart badge - The visual unread count (hidden from assistive technology; the count is in the bell's name).
 * @csspart panel - The panel region.
 * @csspart item - One notification.
 * @cssprop --d1-notification-tray-panel-width - Width of the panel (default 26rem, never wider than the viewport).
 * @cssprop --d1-notification-tray-list-height - Maximum height of the scrolling list.
 * @cssprop --d1-notification-tray-unread-color - The unread marker colour.
 */
export class D1NotificationTray extends LitElement {
  static override styles = [baseStyles, controlStyles, trayStyles];

  static override properties = {
    notifications: { attribute: false },
    open: { type: Boolean, reflect: true },
    max: { type: Number },
    perSourceLimit: { type: Number, attribute: 'per-source-limit' },
    sharedScreen: { type: Boolean, attribute: 'shared-screen' },
    now: { attribute: false },
    message: { state: true },
  };

  /**
   * Notifications to show (any order). When set, the tray works standalone: it ignores the
   * platform's service and reports changes as events.
   */
  notifications?: readonly Notification[];

  /** Whether the panel is open. Setting it does not move focus; the bell does. */
  open = false;

  /** How many notifications the tray keeps and renders at most (newest first). */
  max = 500;

  /** How many notifications of one source the tray keeps at most, so one noisy plugin cannot crowd out the rest. */
  perSourceLimit = 100;

  /**
   * A screen others see too (a classroom display, a projector): notifications that contain personal
   * data (`containsPersonalData`, true unless a source says false) show and announce only that a
   * personal notification came and from whom, never their title or text.
   */
  sharedScreen = false;

  /** The clock for relative times; unset means the real clock, refreshed each minute while open. */
  now?: Date | number | string;

  /** The refused change's message, while there is one. */
  private message?: string;

  // the platform's NotificationService, inside <d1-platform>
  #platform = new PlatformLink(this);
  #l10n = new LocaleController(this, trayCatalog);
  #t = this.#l10n.t;
  #announcer = new AnnouncerController(this);
  // a burst of new notifications is read as one message
  #burst = new BurstCollector<Notification>((items) => {
    const t = this.#t;
    const lang = this.#l10n.lang;
    const errors = items.filter((n) => n.severity === 'error').length;
    let text: string;
    if (items.length === 1) {
      const n = items[0]!;
      text = t(errors ? 'newError' : 'newOne', {
        title: this.#title(n),
        source: textOf(n.source?.vendorName, lang),
      });
    } else {
      text = t('newMany', { count: items.length });
      if (errors) text += `, ${t('newManyErrors', { count: errors })}`;
    }
    this.#announcer.announce(text, { assertive: errors > 0 });
  });
  #vlist: VirtualListController<TrayRow>;

  #serviceList: readonly Notification[] = [];
  #subscribed?: NotificationService;
  #unsubscribe?: () => void;
  #known?: Set<string>;
  /** Optimistic changes not yet reflected by the source: read time by id, and dismissed ids. */
  #readLocal = new Map<string, string>();
  #goneLocal = new Set<string>();
  #dirty = true;
  #listDirty = true;
  // Derived by #deriveIfDirty, which every reader calls or follows (the dirty flags start set, so
  // the first call fills them): the list and the count, and for an open panel what it shows.
  #effective!: Notification[];
  #visible!: Notification[];
  #rows: TrayRow[] = [];
  #rowOf!: number[];
  #report!: LimitReport;
  #unread!: number;
  #active = 0;
  #tick?: ReturnType<typeof setInterval>;

  constructor() {
    super();
    // controllers nothing calls are made here, not kept in fields (in the order they run)
    new ThemeController(this);
    new DismissController(this, {
      isOpen: () => this.open,
      close: (reason) => {
        this.open = false;
        // an outside press on something that takes no focus would leave focus on <body>: give it
        // back to the bell, so a keyboard user continues from where they were
        if (reason === 'outside')
          setTimeout(() => {
            const a = this.ownerDocument.activeElement;
            if (!this.open && (!a || a === this.ownerDocument.body)) this.#bell?.focus();
          });
      },
      trigger: () => this.#bell,
    });
    new PopoverController(this, {
      isOpen: () => this.open,
      anchor: () => this.#bell,
      panel: () => this.renderRoot.querySelector<HTMLElement>('.panel'),
      align: 'end',
    });
    this.#vlist = new VirtualListController<TrayRow>(this, {
      // the list is the scroller; its spacers give it the whole list's height (capped by CSS)
      scroller: () => (this.open ? this.renderRoot.querySelector<HTMLElement>('.list') : null),
      items: () => this.#rows,
      key: (r) => r.key,
      estimate: 100,
    });
  }

  /** Unread notifications (all the tray holds, not only those rendered). */
  get unreadCount(): number {
    this.#deriveIfDirty();
    return this.#unread;
  }

  /** Opens the panel and moves focus to its heading. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    this.#heading?.focus();
  }

  /** Closes the panel; `returnFocus` puts focus back on the bell. */
  async hide(returnFocus = true): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.updateComplete;
    if (returnFocus) this.#bell?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = this.#subscribed = undefined;
    this.#burst.clear();
    this.#stopTick();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('notifications')) {
      this.#dirty = true;
      if (this.notifications) {
        const usable = this.#source.filter(isUsable);
        const left = this.#source.length - usable.length;
        if (left)
          console.warn(`[d1-notification-tray] left out ${left}: each needs an id and an ISO createdAt`);
        // the first list is what was there already; only later additions are news
        if (this.#known) this.#queueNew(usable.filter((n) => !this.#known!.has(n.id)));
        this.#known = new Set(usable.map((n) => n.id));
      }
    }
    this.#syncService();
    if (changed.has('max') || changed.has('perSourceLimit')) this.#listDirty = true;
    this.#deriveIfDirty();
    if (changed.has('open')) {
      if (this.open && this.now === undefined) {
        this.#tick ??= setInterval(() => this.requestUpdate(), 60_000);
      } else if (!this.open) {
        this.#stopTick();
        this.message = '';
      }
    }
  }

  protected override render(): TemplateResult {
    const t = this.#t;
    const unread = this.#unread;
    // the bell's name: "Ilmoitukset" or "Ilmoitukset, 3 lukematonta" (the panel's count after it)
    return html`
      <button
        part="bell"
        class="bell d1-icon-button"
        data-variant="quiet"
        aria-expanded=${String(this.open)}
        aria-controls="panel"
        @click=${() => (this.open ? this.hide() : this.show())}
      >
        ${bellIcon}
        <span class="visually-hidden"
          >${t('bell')}${unread ? `, ${t('unread', { count: unread })}` : ''}</span
        >
        ${
          unread
            ? html`<span part="badge" class="d1-badge" aria-hidden="true"
                >${unread > 99 ? '99+' : unread}</span
              >`
            : nothing
        }
      </button>
      <div
        id="panel"
        part="panel"
        class="panel d1-panel"
        role="region"
        aria-labelledby="heading"
        ?hidden=${!this.open}
      >
        ${this.open ? this.#renderPanel() : nothing}
      </div>
    `;
  }

  /**
   * After the window moved (the user scrolled the list): if the tab stop left the DOM, Tab would
   * skip the list, so the first notification in view becomes the tab stop.
   */
  protected override updated(): void {
    if (
      !this.open ||
      !this.#visible.length ||
      // the tab stop is in the DOM, or keyboard navigation is in flight (it focuses its target)
      this.#vlist.isRendered(this.#rowOf[this.#active] ?? -1) ||
      this.shadowRoot!.activeElement?.closest('.item')
    )
      return;
    const view = this.renderRoot.querySelector('.list')!.getBoundingClientRect();
    const first = [...this.renderRoot.querySelectorAll<HTMLElement>('.list > .item')].find((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > view.top && r.top < view.bottom;
    });
    if (first) {
      this.#active = Number(first.dataset.index);
      this.requestUpdate();
    }
  }

  #renderPanel(): TemplateResult {
    const t = this.#t;
    const report = this.#report;
    const unread = this.#unread;
    // Which sources were cut short: the first two by name, the rest as a count, so the note stays short.
    const c = report.cappedSources;
    const capped = c
      .slice(0, c.length > 3 ? 2 : 3)
      .map((s) => t('capped', { name: s.name, count: s.hidden }));
    if (c.length > capped.length) capped.push(t('cappedOthers', { count: c.length - capped.length }));
    // the heading is the bell's own name ("Notifications")
    return html`
      <div class="head">
        <h2 id="heading" class="d1-heading" tabindex="-1">${t('bell')}</h2>
        <div class="summary">
          <p class="count d1-muted">${unread ? t('unread', { count: unread }) : t('noneUnread')}</p>
          ${
            unread
              ? html`<button class="d1-button" @click=${() => this.#markRead()}>${t('markAllRead')}</button>`
              : nothing
          }
        </div>
        <button class="close d1-button" @click=${() => this.hide()}>${t('close')}</button>
      </div>
      ${
        this.message
          ? html`<p class="message d1-status" data-severity="error">
              ${severityIcon('error')}<span>${this.message}</span>
            </p>`
          : nothing
      }
      ${
        report.shown < report.total
          ? html`<p class="notes d1-muted">
              ${t('showing', { count: report.shown, total: report.total })} ${capped.join(' ')}
            </p>`
          : nothing
      }
      ${
        this.#visible.length
          ? html`<div class="list" @keydown=${this.#onListKey} @focusin=${this.#onListFocus}>
              ${this.#vlist.render((r) => this.#renderRow(r))}
            </div>`
          : html`<p class="d1-empty">${t('empty')}</p>`
      }
    `;
  }

  #renderRow(r: TrayRow): TemplateResult {
    if (r.kind === 'day') {
      const now = this.#now;
      // noon keeps the date the same in every zone the formatter might think in
      const label =
        r.day === helsinkiDay(now)
          ? this.#t('today')
          : r.day === helsinkiDay(now - 86_400_000)
            ? this.#t('yesterday')
            : this.#l10n.day(`${r.day}T12:00:00Z`);
      return html`<h3 class="day d1-section">${label}</h3>`;
    }
    const t = this.#t;
    const lang = this.#l10n.lang;
    const { n, index: i } = r;
    const unread = !n.readAt;
    const tab = i === this.#active ? 0 : -1;
    const title = this.#title(n);
    // on a shared screen a personal notification shows who sent it, not what it says
    const body = this.#hides(n) ? '' : textOf(n.body, lang);
    const href = safeHref(n.link?.href);
    const icon = safeIcon(n.source?.icon);
    const sev: Severity = SEVERITIES.includes(n.severity) ? n.severity : 'info';
    // following the action: the event (a cancelled one keeps a link from navigating), then read
    const open = (e: Event) => {
      if (!fire(this, 'd1-notification-open', { notification: n })) e.preventDefault();
      if (unread) this.#markRead(n, i);
    };
    return html`<article
      part="item"
      class="item ${unread ? 'unread' : ''}"
      data-index=${i}
      tabindex=${tab}
      aria-labelledby="t${i}"
      aria-describedby=${body ? `m${i} b${i}` : `m${i}`}
    >
      <span class="sev-icon d1-status" data-severity=${sev}>${severityIcon(sev)}</span>
      <div class="main">
        <p class="title" id="t${i}">
          ${unread ? html`<span class="visually-hidden">${t('unreadMark')}: </span>` : nothing}
          ${
            href
              ? html`<a class="d1-link" href=${href} tabindex=${tab} @click=${open}>${title}</a>`
              : n.link?.pluginId
                ? html`<button class="link-button d1-link" tabindex=${tab} @click=${open}>${title}</button>`
                : title
          }
        </p>
        <p class="meta d1-muted" id="m${i}">
          <span class="d1-status" data-severity=${sev}>${t(sev)}</span>
          <span class="source"
            >${icon ? html`<img src=${icon} alt="" loading="lazy" />` : nothing}${textOf(n.source?.vendorName, lang)}</span
          >
          <time datetime=${n.createdAt} title=${this.#l10n.dateTime(n.createdAt)}
            >${this.#l10n.relativeTime(n.createdAt, this.#now)}</time
          >
        </p>
        ${body ? html`<p class="body" id="b${i}">${body}</p>` : nothing}
        <div class="actions">
          ${
            unread
              ? html`<button
                  class="d1-button"
                  tabindex=${tab}
                  aria-label="${t('markRead')}: ${title}"
                  @click=${() => this.#markRead(n, i)}
                >
                  ${t('markRead')}
                </button>`
              : nothing
          }
          <button
            class="d1-button"
            tabindex=${tab}
            aria-label="${t('dismiss')}: ${title}"
            @click=${() => this.#dismiss(n, i)}
          >
            ${t('dismiss')}
          </button>
        </div>
      </div>
    </article>`;
  }

  #hides(n: Notification): boolean {
    return this.sharedScreen && n.containsPersonalData !== false;
  }

  #title(n: Notification): string {
    return this.#hides(n) ? this.#t('personal') : textOf(n.title, this.#l10n.lang);
  }

  // ---- actions ---------------------------------------------------------------------------------

  /** Marks `n` (item `i`) read, or without `n` every unread notification (the mark-all button). */
  #markRead(n?: Notification, i = -1): void {
    this.#deriveIfDirty();
    if (n) this.#active = i;
    const at = new Date().toISOString();
    const ids = (n ? [n] : this.#effective).filter((x) => !x.readAt).map((x) => x.id);
    ids.forEach((id) => this.#readLocal.set(id, at));
    this.#change(
      (svc) => (n ? svc.markRead(ids) : svc.markAllRead()),
      () => request(this, 'd1-notification-read', { ids, all: !n }),
      () => ids.forEach((id) => this.#readLocal.delete(id)),
      'failRead',
    );
    // its button goes away: focus stays with the item (after mark all, the heading takes it)
    if (this.shadowRoot!.activeElement) this.#refocus(i);
  }

  #dismiss(n: Notification, i: number): void {
    this.#goneLocal.add(n.id);
    this.#change(
      (svc) => svc.dismiss(n.id),
      () => request(this, 'd1-notification-dismiss', { id: n.id, notification: n }),
      () => this.#goneLocal.delete(n.id),
      'failDismiss',
    );
    // the next item takes the dismissed one's place; with none left below, the heading takes focus
    this.#refocus(i, true);
  }

  /** Apply an optimistic change now, save it, and undo it with a visible message if refused. */
  #change(
    save: (svc: NotificationService) => Promise<void>,
    request: () => Promise<unknown>,
    undo: () => void,
    failure: 'failRead' | 'failDismiss',
  ): void {
    this.message = '';
    this.#dirty = true;
    this.requestUpdate();
    const svc = this.#service;
    // async: a save that throws instead of rejecting is refused the same way
    void (async () => (svc ? save(svc) : request()))().catch(() => {
      undo();
      this.#dirty = true;
      this.message = this.#t(failure);
      // the outcome of the user's own action: the one case that may interrupt
      this.#announcer.announce(this.message, { assertive: true });
    });
  }

  // ---- keyboard and focus ----------------------------------------------------------------------

  // Listeners are plain methods: Lit calls a template's listeners with the element as `this`.
  #onListKey(e: KeyboardEvent): void {
    const row = (e.target as Element).closest?.('.item') as HTMLElement | null;
    if (!row || e.altKey || e.ctrlKey || e.metaKey) return;
    // arrows, Home/End and PageUp/PageDown (10 items), stopping at the ends
    const next = moveIndex(e.key, Number(row.dataset.index), this.#visible.length);
    if (next === null) return;
    e.preventDefault();
    void this.#focusItem(next);
  }

  #onListFocus(e: FocusEvent): void {
    const row = (e.target as Element).closest?.('.item') as HTMLElement | null;
    const i = row ? Number(row.dataset.index) : NaN;
    if (!Number.isNaN(i) && i !== this.#active) {
      this.#active = i;
      this.requestUpdate();
    }
  }

  /** Scrolls item `i` into the virtual window if needed, then focuses it. */
  async #focusItem(i: number): Promise<void> {
    if (this.#active !== i) {
      this.#active = i;
      this.requestUpdate();
      await this.updateComplete;
    }
    await this.#vlist.scrollToIndex(this.#rowOf[i] ?? 0);
    this.renderRoot.querySelector<HTMLElement>(`.item[data-index="${i}"]`)?.focus();
  }

  /**
   * After the update the caller requested, when the focused control went away with it (focus fell to <body>), or
   * always with `always`: item `i` takes focus, or the heading when `i` is -1 or past the end.
   */
  #refocus(i: number, always?: boolean): void {
    void this.updateComplete.then(() => {
      if (!always && this.shadowRoot!.activeElement) return;
      if (i >= 0 && i < this.#visible.length) void this.#focusItem(i);
      else this.#heading?.focus();
    });
  }

  get #heading(): HTMLElement | null {
    return this.renderRoot.querySelector('#heading');
  }

  get #bell(): HTMLElement | null {
    return this.renderRoot.querySelector('.bell');
  }

  // ---- data ------------------------------------------------------------------------------------

  get #now(): number {
    return +new Date(this.now === undefined ? Date.now() : this.now);
  }

  /** The service in use: the platform's, unless the page gives `notifications` itself. */
  get #service(): NotificationService | undefined {
    return this.notifications === undefined ? this.#platform.services?.notifications : undefined;
  }

  get #source(): readonly Notification[] {
    if (this.notifications !== undefined) return Array.isArray(this.notifications) ? this.notifications : [];
    return this.#service ? this.#serviceList : [];
  }

  #syncService(): void {
    const svc = this.isConnected ? this.#service : undefined;
    if (svc === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = svc;
    this.#dirty = true;
    if (!svc) return;
    this.#serviceList = svc.list();
    this.#unsubscribe = svc.subscribe((list, added) => {
      this.#serviceList = list;
      this.#queueNew(added);
      this.#dirty = true;
      this.requestUpdate();
    });
  }

  #queueNew(added: readonly Notification[]): void {
    this.#burst.push(added.filter((n) => isUsable(n) && !n.readAt));
  }

  #deriveIfDirty(): void {
    if (this.#dirty) {
      this.#dirty = false;
      this.#listDirty = true;
      // optimistic changes carried over: only those the source does not reflect yet (the item is
      // still there, still unread), so the rest are forgotten
      const readLocal = new Map<string, string>();
      const goneLocal = new Set<string>();
      let unread = 0;
      const list: Notification[] = [];
      const seen = new Set<string>();
      for (const n of this.#source) {
        // malformed or repeated items from outside are left out, not allowed to break the list
        if (!isUsable(n) || seen.has(n.id)) continue;
        seen.add(n.id);
        if (this.#goneLocal.has(n.id)) {
          goneLocal.add(n.id);
          continue;
        }
        const local = n.readAt ? undefined : this.#readLocal.get(n.id);
        if (local) readLocal.set(n.id, local);
        if (!n.readAt && !local) unread++;
        list.push(local ? { ...n, readAt: local } : n);
      }
      this.#readLocal = readLocal;
      this.#goneLocal = goneLocal;
      this.#effective = list;
      this.#unread = unread;
    }
    // sorting, limits and rows only matter to an open panel: a closed tray counts and waits
    if (!this.open || !this.#listDirty) return;
    this.#listDirty = false;
    const { kept, report } = applyLimits(newestFirst(this.#effective), {
      max: Math.max(1, this.max),
      perSource: Math.max(1, this.perSourceLimit),
    });
    this.#visible = kept;
    this.#report = report;
    this.#rows = toRows(kept);
    this.#rowOf = [];
    this.#rows.forEach((r, ri) => r.kind === 'item' && (this.#rowOf[r.index] = ri));
    if (this.#active >= kept.length) this.#active = Math.max(0, kept.length - 1);
  }

  #stopTick(): void {
    clearInterval(this.#tick);
    this.#tick = undefined;
  }
}

/**
 * Fires a standalone request event (`d1-notification-read` / `-dismiss`); resolves unless the page
 * refuses it (`preventDefault()`, or a promise given to `waitUntil` that rejects). A module
 * function rather than a method: the manifest analyzer would list its generic name as an event.
 */
function request<K extends 'd1-notification-read' | 'd1-notification-dismiss'>(
  host: HTMLElement,
  type: K,
  detail: Omit<
    K extends 'd1-notification-read' ? NotificationReadDetail : NotificationDismissDetail,
    'waitUntil'
  >,
): Promise<unknown> {
  const waits: Promise<unknown>[] = [];
  const full = { ...detail, waitUntil: (p: Promise<unknown>) => void waits.push(p) } as TrayRequestDetail;
  // the reason of a refusal is never read: #change undoes the change whatever it is
  return fire(host, type, full) ? Promise.all(waits) : Promise.reject();
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-notification-tray': D1NotificationTray;
  }
}
