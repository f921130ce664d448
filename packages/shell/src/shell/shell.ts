import { LitElement, html, noChange, nothing, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import {
  pickText,
  uiLang,
  type PlatformContext,
  type PlatformRole,
  type Group,
  type Notification,
} from '@digione/context';
import {
  LocaleController,
  ThemeController,
  applyTheme,
  baseStyles,
  controlStyles,
  keyedRows,
} from '@digione/ui/shared/index.js';
import {
  PluginRegistry,
  registryContext,
  type PluginManifest,
  type PluginNavigateDetail,
  type PluginPolicy,
} from '@digione/plugin-host';
import type { D1Platform } from '@digione/platform';
import { apiRoot } from '@digione/platform/http.js';
import { shellCatalog } from './messages.js';
import { readRoute, routeUrl, sameRoute, type Route } from './route.js';
import { shellStyles } from './shell.styles.js';

/** How long plugins stay mounted (hidden) after sign-out, to receive the signed-out context. */
const SIGN_OUT_GRACE_MS = 1500;

/** `detail` of `d1-route-change`. */
export interface RouteChangeDetail {
  plugin: string | null;
  path: string | null;
  group: string | null;
}

/**
 * The city portal: one sign-in, one group selection, one notification tray and the vendors'
 * tools, assembled. A skip link, a banner with the city's brand, the class picker, the tray and
 * the login bar; navigation of the plugins the user's role may see (names and icons from their
 * manifests, in the current language); and the active plugin in a `<d1-plugin-host>`.
 *
 * The active plugin, the path inside it and the active group live in the URL
 * (`?plugin=&path=&group=`), so links, reloads and the back button work. Navigating moves focus to
 * the main heading. Plugins already opened stay mounted (hidden) and keep receiving context
 * changes; hidden ones get `visibility.changed`.
 *
 * @summary The city portal shell: header widgets, plugin navigation and the active plugin.
 * @tag d1-shell
 *
 * @slot brand - The city's logo and name, shown first in the banner (e.g. an `<a href="/">` with an `<img alt>`).
 * @slot footer - Content after the main area (accessibility statement link, feedback channel).
 *
 * @attr issuer - OIDC issuer, passed to the inner `<d1-platform>`.
 * @attr client-id - OIDC client id, passed to the inner `<d1-platform>`.
 * @attr api - Platform API base URL, passed to the inner `<d1-platform>`.
 * @attr plugins - URL of the plugin list; default `/api/plugins` beside `api` (`api` may end in `/api`).
 * @attr shared-screen - A screen others see too (a classroom display): the tray shows and announces personal notifications without their content.
 *
 * @fires d1-route-change - The active plugin, path or group in the URL changed (`detail`: plugin, path, group).
 *
 * @csspart header - The banner.
 * @csspart nav - The plugin navigation.
 * @csspart main - The main area.
 * @csspart skip-link - The skip link.
 *
 * @cssprop --d1-shell-header-bg - Banner background (default: the surface colour). The widgets in it keep their own surface, so only the brand, the focus rings and the stripe are drawn on it.
 * @cssprop --d1-shell-header-color - Banner text colour (the brand slot's).
 * @cssprop --d1-shell-nav-bg - Navigation background.
 * @cssprop --d1-shell-max-width - Width of the main content.
 */
export class D1Shell extends LitElement {
  static override styles = [baseStyles, controlStyles, shellStyles];

  // Reactive properties declared here rather than with decorators: no decorator helpers and no
  // per-field decorate calls in the bundle.
  static override properties = {
    issuer: {},
    clientId: { attribute: 'client-id' },
    api: {},
    pluginsUrl: { attribute: 'plugins' },
    sharedScreen: { type: Boolean, attribute: 'shared-screen' },
    manifests: { attribute: false },
    policy: { attribute: false },
    registry: { attribute: false },
    _route: { state: true },
    _ctx: { state: true },
    _mounted: { state: true },
  };

  /** OIDC issuer. */
  issuer: string | null = null;
  /** OIDC client id. */
  clientId: string | null = null;
  /** Platform API base URL. */
  api: string | null = null;
  /** URL of the plugin list; default `/api/plugins` beside `api` (which may end in `/api`, as `<d1-platform>` takes it). */
  pluginsUrl: string | null = null;
  /** A screen others see too: personal notifications without their content (see the tray). */
  sharedScreen = false;
  /** Manifests given directly (instead of loading `plugins`). */
  manifests: readonly unknown[] | undefined;
  /** What the portal grants its plugins (default: nothing beyond the base context). */
  policy: PluginPolicy | undefined;
  /** A registry of the portal's own; default: one the shell creates and loads. */
  registry: PluginRegistry | undefined;

  private _route: Route = { plugin: null, path: null, group: null };
  // Both set before they are read: the context from firstUpdated on, the visible plugins by the
  // first willUpdate (it watches the registry, which refreshes them).
  private _ctx?: Readonly<PlatformContext>;
  /**
   * Not reactive of its own: refreshed only on a registry change (which requests an update) or a
   * new context in `_ctx` (which is reactive).
   */
  private _visible!: PluginManifest[];
  /** Plugins opened so far: kept mounted so they keep their state and context. */
  private _mounted: string[] = [];

  #l10n = new LocaleController(this, shellCatalog);
  #theme = new ThemeController(this);
  #registryProvider = new ContextProvider(this, { context: registryContext });
  // unset fields stay undefined (no initialisers: each would be an assignment in the constructor)
  #ownRegistry?: PluginRegistry;
  #watchedRegistry?: PluginRegistry;
  #unsubscribe?: () => void;
  #headerObserver?: ResizeObserver;
  #leaveTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    this._route = readRoute();
    window.addEventListener('popstate', this.#onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#headerObserver?.disconnect();
    clearTimeout(this.#leaveTimer);
    this.#leaveTimer = undefined;
    this.#watch();
  }

  /** The shell's registry (its own unless one was given). */
  get activeRegistry(): PluginRegistry {
    return this.registry ?? (this.#ownRegistry ??= new PluginRegistry());
  }

  /** Open a plugin (and a path inside it), as a link in the navigation would. */
  navigate(pluginId: string | null, path: string | null = null): void {
    this.#go({ ...this._route, plugin: pluginId, path }, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('registry') || changed.has('policy') || !this.#watchedRegistry) {
      const reg = this.activeRegistry;
      if (this.policy) reg.policy = this.policy;
      this.#registryProvider.setValue(reg);
      this.#watch(reg);
    }
    if (
      (changed.has('manifests') ||
        changed.has('pluginsUrl') ||
        changed.has('api') ||
        changed.has('registry')) &&
      !this.registry
    ) {
      this.#loadPlugins();
    }
  }

  protected override firstUpdated(): void {
    // both are in every render of the template
    const header = this.renderRoot.querySelector('header')!;
    // focused elements scroll clear of the sticky banner (WCAG 2.2 focus not obscured)
    this.#headerObserver = new ResizeObserver(() =>
      this.style.setProperty('--d1-sticky-offset', `${header.offsetHeight + 8}px`),
    );
    this.#headerObserver.observe(header);
    // the inner <d1-platform> and its store live as long as the shell: connected once, here
    const store = this.renderRoot.querySelector<D1Platform>('d1-platform')!.store;
    if (!store) return;
    const apply = (ctx: Readonly<PlatformContext>, prev?: Readonly<PlatformContext>) => {
      this._ctx = ctx;
      if (!prev || ctx.theme !== prev.theme) applyTheme(this, ctx.theme);
      if (!prev || ctx.locale !== prev.locale) this.lang = uiLang(ctx.locale);
      if (!prev || ctx.activeRole?.role !== prev.activeRole?.role || ctx.user !== prev.user)
        this.#refreshVisible();
      if (prev && ctx.activeGroup !== prev.activeGroup)
        this.#go({ ...this._route, group: ctx.activeGroup?.id ?? null }, false);
    };
    apply(store.get());
    this.#unsubscribe = store.subscribe(apply);
  }

  override render() {
    const t = this.#l10n;
    const signedIn = this._ctx?.auth.status === 'signed-in';
    // no plugin in the route (null) matches no manifest
    const visible = this._visible;
    const active = visible.find((m) => m.id === this._route.plugin);
    const heading = active ? pickText(active.name, t.lang) : t.t('welcome');
    // One template for every state, so the plugin hosts below keep their elements (and their
    // running plugins) whatever message shows above them.
    // the registry's state is read here: each of its changes re-renders (see #onRegistryChange)
    const state = this.#watchedRegistry?.state;
    let message: unknown = nothing;
    let lead: 'signInPrompt' | 'unknownTool' | 'pickTool' | 'noTools' | undefined;
    if (!signedIn) lead = 'signInPrompt';
    else if (state === 'loading' && !visible.length)
      message = html`<p class="lead" role="status">${t.t('loadingTools')}</p>`;
    else if (state === 'error')
      message = html`<div class="d1-status" data-severity="error" role="alert">
        <p>${t.t('toolsFailed')}</p>
        <button class="d1-button" @click=${this.#loadPlugins}>${t.t('retry')}</button>
      </div>`;
    else if (this._route.plugin && !active) lead = 'unknownTool';
    else if (!active) lead = visible.length ? 'pickTool' : 'noTools';
    if (lead) message = html`<p class="lead">${t.t(lead)}</p>`;
    const skipped = signedIn ? this.activeRegistry.errors.length : 0;
    const notice = skipped
      ? html`<p class="d1-muted">${t.t('skippedTools', { count: skipped })}</p>`
      : nothing;
    // after sign-out the hosts stay (hidden) for a moment: see #mountActive
    // keyed: a kept-alive host keeps its frame (and the plugin its state) while others come and go
    const hosts = keyedRows(
      this._mounted,
      (id) => id,
      (id) =>
        html`<d1-plugin-host
          plugin-id=${id}
          .path=${id === active?.id ? this._route.path : noChange}
          ?hidden=${!signedIn || id !== active?.id}
          .active=${signedIn && id === active?.id}
        ></d1-plugin-host>`,
    );
    return html`
      <button class="skip d1-target" part="skip-link" @click=${this.#focusMain}>${t.t('skip')}</button>
      <d1-platform
        issuer=${this.issuer ?? nothing}
        client-id=${this.clientId ?? nothing}
        api=${this.api ?? nothing}
      >
        <div class="layout">
          <header part="header">
            <div class="brand"><slot name="brand"></slot></div>
            <div class="picker">
              ${
                signedIn
                  ? html`<d1-class-picker
                      .value=${this._route.group}
                      @d1-group-change=${this.#onGroup}
                    ></d1-class-picker>`
                  : nothing
              }
            </div>
            <div class="tools" @d1-notification-open=${this.#onNotificationOpen}>
              ${signedIn ? html`<d1-notification-tray ?shared-screen=${this.sharedScreen}></d1-notification-tray>` : nothing}
              <d1-login-bar></d1-login-bar>
            </div>
          </header>
          ${
            signedIn
              ? html`<nav part="nav" aria-label=${t.t('nav')}>
                  <ul>
                    ${visible.map(
                      (m) =>
                        html`<li>
                          <a
                            class="d1-target"
                            href=${routeUrl({ ...this._route, plugin: m.id, path: null })}
                            aria-current=${m === active ? 'page' : nothing}
                            @click=${(e: MouseEvent) => {
                              // let the browser open new tabs/windows as usual
                              if (e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                              e.preventDefault();
                              this.navigate(m.id);
                            }}
                            >${m.icon ? html`<img class="icon" src=${m.icon} alt="" width="20" height="20" />` : nothing}<span
                              >${pickText(m.name, t.lang)}</span
                            ></a
                          >
                        </li>`,
                    )}
                  </ul>
                </nav>`
              : nothing
          }
          <main id="main" part="main" tabindex="-1" @d1-plugin-navigate=${this.#onPluginNavigate}>
            <h1 id="main-heading" tabindex="-1">${heading}</h1>
            ${message}${notice}${hosts}
          </main>
          <footer><slot name="footer"></slot></footer>
        </div>
      </d1-platform>
    `;
  }

  #watch(reg?: PluginRegistry): void {
    if (this.#watchedRegistry === reg) return;
    this.#watchedRegistry?.removeEventListener('change', this.#onRegistryChange);
    this.#watchedRegistry = reg;
    reg?.addEventListener('change', this.#onRegistryChange);
    this.#onRegistryChange();
  }

  #onRegistryChange = (): void => {
    this.requestUpdate();
    this.#refreshVisible();
  };

  #refreshVisible(): void {
    const reg = this.#watchedRegistry;
    const role: PlatformRole | null = this._ctx?.user ? (this._ctx.activeRole?.role ?? null) : null;
    this._visible = reg && role ? reg.visibleFor(role) : [];
    this.#mountActive();
  }

  /**
   * Plugins open when the user signs out stay mounted, hidden, for a moment: their hosts have
   * just sent them the signed-out context (`sub: null`), and a frame removed at once would never
   * receive it, so the plugin (and its backend) would not learn that the user left.
   */
  #mountActive(): void {
    if (!this._ctx?.user) {
      if (this._mounted.length && !this.#leaveTimer) {
        this.#leaveTimer = setTimeout(() => {
          this.#leaveTimer = undefined;
          if (!this._ctx?.user) this._mounted = [];
        }, SIGN_OUT_GRACE_MS);
      }
      return;
    }
    clearTimeout(this.#leaveTimer);
    this.#leaveTimer = undefined;
    const id = this._route.plugin;
    if (id && this.#isVisible(id) && !this._mounted.includes(id)) {
      this._mounted = [...this._mounted, id];
    }
    // a role switch hides plugins the new role may not see: unmount them
    const keep = this._mounted.filter((m) => this.#isVisible(m));
    if (keep.length !== this._mounted.length) this._mounted = keep;
  }

  #loadPlugins(): void {
    // manifests given are set at once (load() takes an array too); a URL is fetched
    const source =
      this.manifests ?? this.pluginsUrl ?? (this.api ? `${apiRoot(this.api)}/api/plugins` : null);
    if (source)
      this.activeRegistry.load(source).catch(() => {
        /* state 'error' is shown with a retry */
      });
  }

  #go(route: Route, push: boolean): void {
    if (sameRoute(route, this._route)) return;
    this.#setRoute(route);
    const url = routeUrl(route);
    if (push) history.pushState(null, '', url);
    else history.replaceState(history.state, '', url);
    this.dispatchEvent(
      new CustomEvent<RouteChangeDetail>('d1-route-change', {
        detail: { ...route },
        bubbles: true,
        composed: true,
      }),
    );
  }

  // A new route from a link, the plugin or the back button: mount its plugin, and focus the
  // heading after the update when the plugin changed.
  #setRoute(route: Route): void {
    const moved = route.plugin !== this._route.plugin;
    this._route = route;
    this.#mountActive();
    // the heading names the new plugin once the update this requested is rendered: focus it then
    if (moved) void this.updateComplete.then(() => this.#focusMain());
  }

  #onPopState = (): void => this.#setRoute(readRoute());

  #isVisible(id: string): boolean {
    return this._visible.some((m) => m.id === id);
  }

  // Template listeners are plain methods: Lit calls them with the element as `this`.
  /** When a plugin last moved the route (its own navigation.open). */
  #lastMove = 0;
  #onPluginNavigate(e: CustomEvent<PluginNavigateDetail>): void {
    const d = e.detail;
    const now = Date.now();
    // A plugin moving inside itself faster than a person clicks (a loop, a redirect) replaces its
    // last history entry instead of adding one: the Back button stays the user's.
    if (d.pluginId === this._route.plugin && now - this.#lastMove < 1000)
      this.#go({ ...this._route, path: d.path ?? null }, false);
    else this.#open(d);
    this.#lastMove = now;
  }

  // A notification's action that names a plugin opens it here (the tray leaves routing to the portal).
  #onNotificationOpen(e: CustomEvent<{ notification: Notification }>): void {
    const link = e.detail.notification.link;
    if (link && !link.href && this.#open(link)) e.preventDefault();
  }

  /** Open a plugin the user's role may see (others are ignored); whether it was. */
  #open({ pluginId, path }: { pluginId?: string; path?: string }): boolean {
    const ok = !!pluginId && this.#isVisible(pluginId);
    // an undefined path is navigate()'s default, null
    if (ok) this.navigate(pluginId, path);
    return ok;
  }

  #onGroup(e: CustomEvent<{ group: Group | null }>): void {
    this.#go({ ...this._route, group: e.detail.group?.id ?? null }, false);
  }

  // The skip link is a button, not a fragment link: `#main` cannot reach into a shadow root, and a
  // link whose target the page cannot resolve is reported (rightly) as a broken skip link.
  #focusMain(): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('#main-heading');
    heading?.focus();
    // the heading's name is read on focus; no extra announcement (it would be heard twice)
    heading?.scrollIntoView({ block: 'nearest' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-shell': D1Shell;
  }
  interface HTMLElementEventMap {
    'd1-route-change': CustomEvent<RouteChangeDetail>;
  }
}
