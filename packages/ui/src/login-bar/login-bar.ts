import { LitElement, html, nothing, type TemplateResult } from 'lit';
import {
  localeFor,
  pickText,
  type AuthError,
  type AuthStatus,
  type Organization,
  type PlatformContext,
  type RoleAssignment,
  type UiLang,
  type User,
} from '@digione/context';
import {
  AnnouncerController,
  DismissController,
  LocaleController,
  PlatformLink,
  PopoverController,
  ThemeController,
  baseStyles,
  controlStyles,
  type CatalogKey,
  fire,
  moveIndex,
  uniqueId,
} from '../shared/index.js';
import { messages } from './login-bar.messages.js';
import { loginBarStyles } from './login-bar.styles.js';
import { effectiveRole, initials, sameRole, visibleName } from './login-bar.format.js';
import { typeaheadIndex } from './menu-keys.js';

type MessageKey = CatalogKey<typeof messages>;

/** `detail` of `d1-role-change`. */
export interface LoginBarRoleChangeDetail {
  role: RoleAssignment;
}

/** `detail` of `d1-locale-change`. */
export interface LoginBarLocaleChangeDetail {
  locale: UiLang;
}

/** The languages offered, by their own names, so each is findable by someone who cannot read the others. */
const LANGUAGES: Readonly<Record<UiLang, string>> = {
  fi: 'Suomeksi',
  sv: 'På svenska',
  en: 'In English',
};

/** What the bar shows a signed-in user from: the store's context, or the bar's own properties. */
type Source = Pick<PlatformContext, 'activeRole' | 'organizations' | 'user'>;

/** A menu item, told apart by its fields: a role or a language (radios, `checked`), or sign out. */
type MenuItem =
  | { label: string; role: RoleAssignment; checked: boolean }
  | { label: string; lang: UiLang; checked: boolean }
  | { label: string };

/**
 * The signed-in person, their role and school, and the way in and out.
 *
 * Inside `<d1-platform>` it reads the shared store and calls the platform's AuthService; role and
 * language changes update the store so every element and plugin follows. Standalone it shows the
 * `user` it is given and only fires events. Every event is cancelable: `preventDefault()` stops
 * the bar from acting on it (for a portal that signs in its own way).
 *
 * The menu follows the WAI-ARIA APG menu button pattern.
 *
 * @tagname d1-login-bar
 * @summary Sign in, the signed-in user, role/school and language switch, sign out.
 *
 * @fires d1-sign-in - The user asked to sign in (or to retry after an error).
 * @fires d1-sign-out - The user chose sign out.
 * @fires d1-role-change - The user chose another role or school; `detail.role` is the RoleAssignment.
 * @fires d1-locale-change - The user chose a language; `detail.locale` is `fi`, `sv` or `en`.
 *   Standalone, the page decides: set `lang` (on the page or the bar) to follow it.
 *
 * @csspart sign-in - The sign-in button.
 * @csspart trigger - The menu button showing the user.
 * @csspart avatar - The initials.
 * @csspart menu - The popup menu.
 * @csspart error - The sign-in error message.
 *
 * @cssprop --d1-login-bar-background - Menu button and menu background.
 * @cssprop --d1-login-bar-color - Text colour.
 * @cssprop --d1-login-bar-muted-color - Role, school and hint text colour.
 * @cssprop --d1-login-bar-border-color - Borders of the menu button and menu.
 * @cssprop --d1-login-bar-primary - Sign-in button background.
 * @cssprop --d1-login-bar-on-primary - Sign-in button text.
 * @cssprop --d1-login-bar-avatar-background - Avatar background.
 * @cssprop --d1-login-bar-avatar-color - Avatar initials colour.
 * @cssprop --d1-login-bar-radius - Corner radius of the buttons.
 */
export class D1LoginBar extends LitElement {
  static override styles = [baseStyles, controlStyles, loginBarStyles];

  static override properties = {
    user: { attribute: false },
    activeRole: { attribute: false },
    organizations: { attribute: false },
    status: {},
    error: { attribute: false },
    _open: { state: true },
    _signedOutHere: { state: true },
  };

  /** Standalone: the signed-in user, or null when signed out. Ignored inside `<d1-platform>`. */
  user: User | null = null;

  /** Standalone: the role the user acts in (one of `user.roles`); defaults to the primary role. */
  activeRole: RoleAssignment | null = null;

  /** Standalone: organisations by id, for school names. A school not found here is not shown. */
  organizations: Record<string, Organization> = {};

  /**
   * Standalone: where sign-in stands. When not set: `error` if `error` is set, else `signed-in`
   * with a `user`, else `signed-out`.
   */
  status: AuthStatus | undefined;

  /** Standalone: the sign-in problem to explain (`rejected`, `expired`, `missing-role`, ...). */
  error: AuthError | null = null;

  private _open = false;
  /** The user signed out here; say honestly what that did, until they sign in again. */
  private _signedOutHere = false;

  readonly #l10n = new LocaleController(this, messages);
  readonly #t = this.#l10n.t;
  readonly #announcer = new AnnouncerController(this);
  readonly #platform = new PlatformLink(this);
  readonly #id = uniqueId('d1-login-bar');
  #focusSignIn?: boolean;
  /** The menu's items as last rendered: what a click, a key or typeahead acts on (only a rendered menu can). */
  #menu!: MenuItem[];
  #lastStatus: AuthStatus | undefined;

  constructor() {
    super();
    // controllers nothing calls are made here, not kept in fields (in the order they run)
    // Escape (focus back to the button), a press outside, or focus leaving: all close the menu.
    new DismissController(this, {
      isOpen: () => this._open,
      close: () => (this._open = false),
      trigger: () => this.#trigger(),
    });
    // Keeps the menu inside the viewport (right edges aligned: the bar sits at the end of a header).
    new PopoverController(this, {
      isOpen: () => this._open,
      anchor: () => this.#trigger(),
      panel: () => this.renderRoot.querySelector<HTMLElement>('.popup'),
      align: 'end',
    });
    new ThemeController(this);
  }

  /** Close the menu, if open. */
  close(): void {
    this.#closeMenu(false);
  }

  override render(): TemplateResult {
    const [status, error, from] = this.#view();
    if (status === 'signed-in' && from.user) return this.#renderUser(from.user, from);
    // still checking (also signed in while the user is not known yet), or signing in
    if (status === 'unknown' || status === 'signing-in' || status === 'signed-in') {
      return html`<span class="busy" role="status" aria-busy="true">
        <span class="d1-spinner" aria-hidden="true"></span
        ><span class="busy-text">${this.#t(status === 'signing-in' ? 'signingIn' : 'checking')}</span>
      </span>`;
    }
    // an error, or signed out with a reason (a session that expired): say why, with the way back in
    if (error || status === 'error') return this.#renderError(error);
    // signed out: the way in, after the note if the user signed out here
    return html`
      ${this._signedOutHere ? html`<p class="note">${this.#t('signedOut')}</p>` : nothing}
      <button class="sign-in" part="sign-in" type="button" @click=${this.#signIn}>
        ${this.#t('signIn')}
      </button>
    `;
  }

  protected override willUpdate(): void {
    // A new sign-in ends the "you signed out" note; the render that starts sign-out must not.
    const [status] = this.#view();
    if (status === 'signed-in' && this.#lastStatus !== 'signed-in') this._signedOutHere = false;
    this.#lastStatus = status;
  }

  protected override updated(): void {
    // After sign-out the menu button is gone; put focus on the sign-in button that replaced it.
    if (this.#focusSignIn) {
      const button = this.renderRoot.querySelector<HTMLElement>('.sign-in');
      if (button) {
        this.#focusSignIn = false;
        button.focus();
      }
    }
  }

  // --- what to show -------------------------------------------------------------------------

  /**
   * Where sign-in stands, its error, and where the user, their active role and the organisations
   * come from: inside <d1-platform> the store's context, standalone the bar's own properties (the
   * two have the same names for them).
   */
  #view(): [AuthStatus, AuthError | null, Source] {
    const ctx = this.#platform.store?.get();
    const error = ctx ? (ctx.auth.error ?? null) : this.error;
    return [
      ctx ? ctx.auth.status : (this.status ?? (error ? 'error' : this.user ? 'signed-in' : 'signed-out')),
      error,
      ctx ?? this,
    ];
  }

  #roleText(role: RoleAssignment): string {
    const name = this.#t(`role.${role.role}`);
    return role.groupLabel ? `${name} ${role.groupLabel}` : name;
  }

  /** School name in the UI language. Shown even with nonDisclosure: this is the user's own view. */
  #schoolText(role: RoleAssignment, organizations: Readonly<Record<string, Organization>>): string {
    // an unknown school has no name: pickText gives ''
    return pickText(organizations?.[role.orgId]?.name, this.#l10n.lang);
  }

  // --- templates ----------------------------------------------------------------------------

  /** The reason, or the general one when there is none or it is not one the bar knows. */
  #renderError(error: AuthError | null): TemplateResult {
    // no error reads "error.undefined", which no message has
    const key = `error.${error?.code}` as const;
    // role="alert": this is the outcome of the user's own sign-in, so interrupting is right.
    return html`<div class="error" part="error">
      <p role="alert">${this.#t(key in messages.messages.fi ? (key as MessageKey) : 'error.unknown')}</p>
      <button class="sign-in" part="sign-in" type="button" @click=${this.#signIn}>
        ${this.#t('signInAgain')}
      </button>
    </div>`;
  }

  #renderUser(user: User, { activeRole, organizations }: Source): TemplateResult {
    const id = this.#id;
    const active = effectiveRole(user, activeRole);
    const name = visibleName(user);
    const roleText = active ? this.#roleText(active) : '';
    const school = active ? this.#schoolText(active, organizations) : '';
    // the menu: the roles (when there is a choice), the languages, sign out
    const items: MenuItem[] = (this.#menu = []);
    if (user.roles.length > 1) {
      for (const role of user.roles) {
        const school = this.#schoolText(role, organizations);
        const roleText = this.#roleText(role);
        items.push({
          role,
          // "role, school" as the menu button's name reads it, in every language
          label: school ? `${roleText}, ${school}` : roleText,
          checked: sameRole(role, active),
        });
      }
    }
    for (const [lang, name] of Object.entries(LANGUAGES) as Array<[UiLang, string]>) {
      items.push({ lang, label: name, checked: lang === this.#l10n.lang });
    }
    items.push({ label: this.#t('signOut') });
    // rendered once, in menu order, then sliced into the groups below
    const rendered = items.map((item, index) => {
      // sign out is a plain menuitem described by the hint; roles and languages are radios
      const signOut = !('checked' in item);
      return html`<div
        role=${signOut ? 'menuitem' : 'menuitemradio'}
        tabindex="-1"
        data-index=${index}
        aria-checked=${signOut ? nothing : String(item.checked)}
        aria-describedby=${signOut ? `${id}-signout-hint` : nothing}
        lang=${'lang' in item ? item.lang : nothing}
        @click=${() => void this.#activate(index)}
      >
        <span class="check" aria-hidden="true">${!signOut && item.checked ? '✓' : ''}</span>
        <span class="item-text">${item.label}</span>
      </div>`;
    });
    // how many roles: the first language comes right after them
    const roles = items.findIndex((item) => 'lang' in item);
    // The commas are for screen readers (the accessible name reads "name, role, school"); the
    // dot is for the eye.
    const meta = html`${roleText}${
      school ? html`<span class="c">, </span><span aria-hidden="true">&nbsp;· </span>${school}` : nothing
    }`;
    // The sign-out hint is the honest part: visible right under sign out and its accessible
    // description; it sits outside the menu (which may hold only items) and outside the item
    // (whose name it is not). Comments stay out of templates: template text ships as written.
    return html`
      <button
        id="${id}-trigger"
        class="trigger"
        part="trigger"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${String(this._open)}
        aria-controls="${id}-menu"
        @click=${this.#onTriggerClick}
        @keydown=${this.#onTriggerKeydown}
      >
        <span class="avatar" part="avatar" aria-hidden="true">${initials(user)}</span>
        <span class="label">
          <span class="name">${name}${roleText ? html`<span class="c">,</span>` : nothing}</span>
          ${roleText ? html`<span class="meta">${meta}</span>` : nothing}
        </span>
        <span class="d1-chevron" aria-hidden="true"></span>
      </button>
      <div class="popup d1-panel" ?hidden=${!this._open}>
        <div class="who" aria-hidden="true">
          <span class="name">${name}</span>
          ${roleText ? html`<span class="meta">${meta}</span>` : nothing}
        </div>
        <div
          id="${id}-menu"
          role="menu"
          part="menu"
          aria-labelledby="${id}-trigger"
          @keydown=${this.#onMenuKeydown}
        >
          ${
            roles
              ? html`<div role="group" aria-labelledby="${id}-roles">
                    <div class="group-label" id="${id}-roles" role="presentation">
                      ${this.#t('roleGroup')}
                    </div>
                    ${rendered.slice(0, roles)}
                  </div>
                  <div role="separator"></div>`
              : nothing
          }
          <div role="group" aria-labelledby="${id}-langs">
            <div class="group-label" id="${id}-langs" role="presentation">${this.#t('languageGroup')}</div>
            ${rendered.slice(roles, -1)}
          </div>
          <div role="separator"></div>
          ${rendered.at(-1)}
        </div>
        <p class="hint" id="${id}-signout-hint">${this.#t('signOutHint')}</p>
      </div>
    `;
  }

  // --- menu behaviour (APG menu button) ------------------------------------------------------

  /** The menu's items (only they carry a data-index). */
  #menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[data-index]')];
  }

  /** Open the menu and focus its first item, or its last (`last`: ArrowUp on the button). */
  async #openMenu(last = false): Promise<void> {
    this._open = true;
    await this.updateComplete;
    const items = this.#menuItems();
    items.at(last ? -1 : 0)?.focus();
  }

  #closeMenu(returnFocus: boolean): void {
    if (!this._open) return;
    this._open = false;
    if (returnFocus) this.#trigger()?.focus();
  }

  #trigger(): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>('.trigger');
  }

  // Listeners are plain methods: Lit calls a template's listeners with the element as `this`.
  // Enter and Space arrive here as the button's own click, so keyboard and pointer share one path.
  #onTriggerClick(): void {
    if (this._open) this.#closeMenu(false);
    else void this.#openMenu();
  }

  #onTriggerKeydown(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      void this.#openMenu(e.key === 'ArrowUp');
    }
  }

  #onMenuKeydown(e: KeyboardEvent): void {
    const items = this.#menuItems();
    const current = items.indexOf(e.target as HTMLElement);
    // Arrows wrap (APG menu); Home/End jump. Escape bubbles on to the DismissController.
    const next = moveIndex(e.key, current, items.length, { wrap: true, pageSize: 0 });
    if (next !== null) {
      e.preventDefault();
      items[next]?.focus();
      return;
    }
    switch (e.key) {
      case 'Tab':
        // No trap: focus goes back to the button first, so the browser moves on from there.
        this.#closeMenu(true);
        return;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (current >= 0) void this.#activate(current);
        return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key.trim()) {
      const labels = this.#menu.map((i) => i.label);
      const next = typeaheadIndex(labels, current, e.key, this.#l10n.lang);
      if (next >= 0) {
        e.preventDefault();
        items[next]?.focus();
      }
    }
  }

  // --- actions --------------------------------------------------------------------------------

  async #activate(index: number): Promise<void> {
    const item = this.#menu[index];
    if (!item) return;
    // a role or language goes back to the button; sign out replaces the button with sign in
    const signOut = !('checked' in item);
    this.#closeMenu(!signOut);
    if (signOut) {
      // the event (a cancelled one puts focus back on the button), then say what signing out
      // here did, and the platform's sign-out
      if (!fire(this, 'd1-sign-out')) {
        this.#trigger()?.focus();
        return;
      }
      this._signedOutHere = true;
      this.#focusSignIn = true;
      this.#announcer.announce(this.#t('signedOut'));
      try {
        await this.#platform.services?.auth?.signOut();
      } catch (err) {
        console.warn('[d1-login-bar] sign-out failed', err);
      }
    } else if (item.checked) return;
    // each change is an event first (cancelable), then the store's; standalone the bar keeps its
    // role itself, while a language is the page's to set
    else if ('role' in item) {
      const role = item.role;
      if (!fire(this, 'd1-role-change', { role } satisfies LoginBarRoleChangeDetail)) return;
      const store = this.#platform.store;
      if (store) {
        const { user, activeRole, activeGroup } = store.get();
        // A group belongs to one school: keep it only while the school stays the same.
        const keepGroup = !!user && effectiveRole(user, activeRole)?.orgId === role.orgId;
        store.update({ activeRole: role, activeGroup: keepGroup ? activeGroup : null });
      } else {
        this.activeRole = role;
      }
    } else if (fire(this, 'd1-locale-change', { locale: item.lang } satisfies LoginBarLocaleChangeDetail)) {
      this.#platform.store?.update({ locale: localeFor(item.lang) });
    }
  }

  async #signIn(): Promise<void> {
    this._signedOutHere = false;
    if (!fire(this, 'd1-sign-in')) return;
    try {
      await this.#platform.services?.auth?.signIn();
    } catch (err) {
      // The platform records the reason in the store; this only keeps the rejection from being lost.
      console.warn('[d1-login-bar] sign-in failed', err);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-login-bar': D1LoginBar;
  }
  interface HTMLElementEventMap {
    'd1-sign-in': CustomEvent<void>;
    'd1-sign-out': CustomEvent<void>;
    'd1-role-change': CustomEvent<LoginBarRoleChangeDetail>;
    'd1-locale-change': CustomEvent<LoginBarLocaleChangeDetail>;
  }
}
