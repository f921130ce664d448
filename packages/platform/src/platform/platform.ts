import { ContextProvider } from '@lit/context';
import {
  createPlatformStore,
  localeFor,
  uiLang,
  servicesContext,
  storeContext,
  type AuthError,
  type AuthStatus,
  type ContextStore,
  type PlatformContext,
  type PlatformServices,
  type User,
} from '@digione/context';
import { createPlatform, sharedPlatform, type Platform } from './create-platform.js';

/** Detail of `d1-auth-change`. */
export interface AuthChangeDetail {
  status: AuthStatus;
  error?: AuthError;
  user: User | null;
}

const ATTRS = ['issuer', 'client-id', 'api', 'redirect-uri'] as const;

/**
 * The user's own language choice on this device (a `d1-locale-change` inside); `locale` keeps one.
 * Storage may be blocked (a sandboxed frame): the choice then lasts this visit.
 */
function choice(locale?: string): string | null | undefined {
  try {
    return locale ? void localStorage.setItem('d1.locale', locale) : localStorage.getItem('d1.locale');
  } catch {
    return null;
  }
}

/**
 * A shadow root that only slots the children and lays out as if absent. Outside the class on
 * purpose: the elements manifest reads any `x.innerHTML = ...` in a constructor as a public field.
 */
function passThrough(el: HTMLElement): void {
  el.attachShadow({ mode: 'open' }).innerHTML = '<style>:host{display:contents}</style><slot></slot>';
}

/**
 * Provides the platform's shared {@link ContextStore} and services (`storeContext`,
 * `servicesContext` from `@digione/context`) to every element inside it, and runs the OIDC
 * session: it finishes a sign-in that returns to this page (`?code=&state=`) and cleans the URL.
 * Several `<d1-platform>` elements with the same `issuer`, `client-id` and `api` on one page
 * share one session and one store. Without `issuer`/`client-id` it provides a signed-out store
 * (and whatever `services` it is given).
 *
 * Import its define module (or `all.js`) before the widgets' so they find it when they connect.
 *
 * @summary Platform provider: one sign-in, one shared context, the platform's services.
 * @tag d1-platform
 * @slot - The widgets and apps that share this platform: login bar, class picker, tray, shell.
 * @fires d1-auth-change - The sign-in status changed (`detail`: status, error, user). Bubbles, composed.
 * @attr issuer - OIDC issuer URL, e.g. `http://localhost:4000/oidc`.
 * @attr client-id - OIDC client id (a public client; PKCE).
 * @attr api - Platform API base URL (roster, notifications, plugin sessions).
 * @attr redirect-uri - Where the provider returns; default this page (`location.origin + location.pathname`).
 * @attr lang - When set, the store's locale follows it (at start, a language the user chose on this device wins).
 */
export class D1Platform extends HTMLElement {
  static readonly observedAttributes = [...ATTRS, 'lang'];

  #storeProvider = new ContextProvider(this, { context: storeContext });
  #servicesProvider = new ContextProvider(this, { context: servicesContext });
  #ownStore: ContextStore<PlatformContext> | undefined;
  #overrides: PlatformServices = {};
  #platform: Platform | null = null;
  #store: ContextStore<PlatformContext> | undefined;
  #standalone: ContextStore<PlatformContext> | undefined;
  #release: (() => void) | null = null;
  #unsubscribe: (() => void) | null = null;
  // an upgrade reports each attribute before connectedCallback: set up once, with all of them
  #connected = false;

  constructor() {
    super();
    passThrough(this);
    // A language the user picks (the login bar) is theirs on this device: after a reload it wins
    // over the page's `lang` and the sign-in's `locale` claim, or a Swedish-speaking family would
    // choose it again on every visit. A page that cancels the event keeps the choice to itself.
    this.addEventListener('d1-locale-change', (e) =>
      queueMicrotask(() => {
        if (!e.defaultPrevented) choice((e as CustomEvent<{ locale: string }>).detail.locale);
      }),
    );
  }

  // The configuration properties reflect their attributes (null removes it); defined below, once
  // for all four, instead of a getter and a setter each.
  /** OIDC issuer (attribute `issuer`); null removes the attribute. */
  declare issuer: string | null;
  /** OIDC client id (attribute `client-id`); null removes the attribute. */
  declare clientId: string | null;
  /** Platform API base URL (attribute `api`); null removes the attribute. */
  declare api: string | null;
  /** Redirect URI (attribute `redirect-uri`); null removes the attribute. */
  declare redirectUri: string | null;

  /** The store provided to the elements inside; set it to share a store of your own. */
  get store(): ContextStore<PlatformContext> | undefined {
    return this.#store ?? this.#ownStore;
  }
  /** Share a store of your own; the session is written into it. */
  set store(store: ContextStore<PlatformContext> | undefined) {
    this.#ownStore = store;
    this.#setup();
  }

  /**
   * The services provided: the built-in ones with any you set replacing them one by one, e.g.
   * `el.services = { roster: myRoster }`. Giving `auth` replaces the OIDC session altogether
   * (your auth service then writes the store's `auth` and `user`).
   */
  get services(): PlatformServices {
    return { ...this.#platform?.services, ...this.#overrides };
  }
  /** Replace services one by one; a new `auth` restarts the set-up without OIDC. */
  set services(services: PlatformServices) {
    const authChanged = services.auth !== this.#overrides.auth;
    this.#overrides = { ...services };
    if (authChanged) this.#setup();
    else this.#servicesProvider.setValue(this.services);
  }

  /** Custom element lifecycle: starts (or joins) the platform and provides the contexts. */
  connectedCallback(): void {
    this.#connected = true;
    this.#setup();
    this.#storeProvider.hostConnected();
    this.#servicesProvider.hostConnected();
  }

  /** Custom element lifecycle: releases the shared platform. */
  disconnectedCallback(): void {
    this.#connected = false;
    this.#teardown();
  }

  /** Custom element lifecycle: a new configuration sets the platform up again; `lang` sets the locale. */
  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value || !this.#connected) return;
    if (name === 'lang') this.#syncLang();
    else this.#setup();
  }

  #setup(): void {
    if (!this.#connected) return;
    this.#teardown();
    const auth = this.#overrides.auth;
    const cfg = {
      api: this.api ?? undefined,
      redirectUri: this.redirectUri ?? undefined,
      // without a store of its own (undefined) the platform makes one
      store: this.#ownStore,
    };
    let platform: Platform | null = null;
    if (auth || (this.issuer && this.clientId)) {
      if (auth) {
        // a portal's own auth is not shared through the registry: it is theirs to share
        const own = createPlatform({ ...cfg, auth });
        platform = own;
        this.#release = () => own.dispose();
      } else {
        const s = sharedPlatform({ ...cfg, issuer: this.issuer!, clientId: this.clientId! });
        platform = s.platform;
        this.#release = s.release;
      }
    }
    this.#platform = platform;
    const store =
      this.#ownStore ??
      platform?.store ??
      (this.#standalone ??= createPlatformStore({ locale: localeFor(document.documentElement.lang) }));
    this.#store = store;
    this.#syncLang();
    this.#keepChoice();
    this.#storeProvider.setValue(store);
    this.#servicesProvider.setValue(this.services);
    this.#unsubscribe = store.select(
      (s) => s.auth,
      (a) => {
        // a sign-in brings the user's `locale` claim: the choice made on this device stays
        if (a.status === 'signed-in') this.#keepChoice();
        const detail: AuthChangeDetail = { status: a.status, user: store.get().user };
        if (a.error) detail.error = a.error;
        this.dispatchEvent(new CustomEvent('d1-auth-change', { detail, bubbles: true, composed: true }));
      },
    );
    // start after the current task, so properties set right after connecting are seen
    if (platform)
      queueMicrotask(() => {
        if (this.#platform === platform) void platform.start();
      });
  }

  #teardown(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#release?.();
    this.#release = null;
    this.#platform = null;
  }

  #keepChoice(): void {
    const chosen = choice();
    if (chosen && this.#store && uiLang(this.#store.get().locale) !== chosen)
      this.#store.update({ locale: localeFor(chosen) });
  }

  #syncLang(): void {
    const lang = this.getAttribute('lang');
    if (lang && this.#store) this.#store.update({ locale: localeFor(lang) });
  }
}

for (const name of ATTRS)
  Object.defineProperty(
    D1Platform.prototype,
    name.replace(/-(.)/, (_, c: string) => c.toUpperCase()),
    {
      configurable: true,
      get(this: D1Platform) {
        return this.getAttribute(name);
      },
      set(this: D1Platform, v: string | null) {
        if (v === null) this.removeAttribute(name);
        else this.setAttribute(name, v);
      },
    },
  );

declare global {
  interface HTMLElementTagNameMap {
    'd1-platform': D1Platform;
  }
  interface HTMLElementEventMap {
    'd1-auth-change': CustomEvent<AuthChangeDetail>;
  }
}
