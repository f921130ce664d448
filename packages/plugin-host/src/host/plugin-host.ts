import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import {
  announce,
  defaultTheme,
  emptyContext,
  pickText,
  ensureLiveRegions,
  servicesContext,
  storeContext,
  toPluginContext,
  uiLang,
  type ContextStore,
  type Permission,
  type PlatformContext,
  type PlatformServices,
  type Theme,
  type UiLang,
} from '@digione/context';
import { BridgeError, isPluginPath, type PluginContext } from '@digione/bridge';
import { validateManifest, type ManifestError, type PluginManifest } from '../manifest/manifest.js';
import { isVisibleFor, registryContext, type PluginRegistry } from '../registry/registry.js';
import { createHandlers } from './handlers.js';
import { TOOL, t, type MessageId } from './messages.js';
import {
  DEFAULT_LIMITS,
  allowFor,
  grantFor,
  grantedPermissions,
  moduleAllowed,
  sandboxFor,
  type PluginLimits,
  type PluginPolicy,
} from './permissions.js';
import {
  ModuleError,
  startIframe,
  startModule,
  type ChannelOptions,
  type IframeRuntime,
  type Runtime,
} from './runtimes.js';
import { pluginHostStyles } from './plugin-host.styles.js';

/** Where a plugin stands. */
export type PluginHostState = 'idle' | 'loading' | 'ready' | 'error' | 'unresponsive';

/** Why a plugin is not running. */
export type PluginErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_MANIFEST'
  | 'SAME_ORIGIN'
  | 'NOT_ALLOWED'
  | 'ROLE'
  | 'SESSION'
  | 'TIMEOUT'
  | 'LOAD'
  | 'MOUNT'
  | 'REGISTRY';

/** `detail` of `d1-plugin-ready`. */
export interface PluginReadyDetail {
  pluginId: string;
  kind: 'iframe' | 'module';
  /** The negotiated bridge protocol version. */
  version: string;
  /** True when the plugin's frame reloaded and connected again. */
  reload: boolean;
}

/** `detail` of `d1-plugin-error`. */
export interface PluginErrorDetail {
  pluginId: string;
  code: PluginErrorCode;
  /** For developers (English); the element shows its own localized text. */
  message: string;
  /** Whether the element offers Retry. */
  retryable: boolean;
  /** For `INVALID_MANIFEST`: every problem, by path. */
  errors?: ManifestError[];
}

/** `detail` of `d1-plugin-navigate`: a plugin asked to open a plugin (itself or another) at a path. */
export interface PluginNavigateDetail {
  pluginId: string;
  path?: string;
  /** The plugin that asked. */
  from: string;
}

const RETRYABLE: readonly PluginErrorCode[] = ['SESSION', 'TIMEOUT', 'LOAD', 'MOUNT', 'REGISTRY'];
const SLOW_MS = 5000;
/** How long a plugin being stopped for sign-out or a role change keeps running to hear it. */
const STOP_GRACE_MS = 300;
const DEFAULT_HEIGHT = 150;

/**
 * Runs one plugin: an iframe on the vendor's origin (sandboxed, titled, `allow` empty unless
 * granted, no referrer) or an allow-listed ES module mounted in a shadow root of its own. The
 * plugin sees only the context its grants allow (`toPluginContext`), with a pairwise subject from
 * the platform's plugin session; calls it is not granted are refused with `PERMISSION_DENIED`.
 *
 * Inside `<d1-platform>` it takes the plugin from the {@link PluginRegistry} provided through
 * `registryContext` (or its `registry` property) and the context from the platform's store; the
 * registry's `policy` says what is granted. Standalone it takes `manifest`, `grants` and
 * `context` (no context: anonymous, the locale from the nearest `lang`, the theme from the
 * nearest `data-d1-theme`).
 *
 * The life cycle is visible and announced politely: loading (text after `progress-delay` ms),
 * ready, error (what happened, Try again), unresponsive (the heartbeat was lost: Wait or Reload).
 * A skip link before the plugin and `ui.focusHost` (or Escape in a module plugin) take keyboard
 * focus out of it; `ui.announce` speaks through the page's live region.
 *
 * @summary Runs one plugin safely and shows its state: loading, ready, error, unresponsive.
 * @tag d1-plugin-host
 *
 * @attr plugin-id - The plugin's manifest id (reverse-DNS).
 * @attr path - A path inside the plugin (a deep link, a notification's link): the plugin reads it as
 *   `context.path` and hears `context.changed` when it changes. Only `/...` paths are passed on.
 * @attr state - Reflects where the plugin stands: `idle`, `loading`, `ready`, `error`, `unresponsive`.
 *
 * @fires d1-plugin-ready - The plugin connected (`detail`: pluginId, kind, version, reload).
 * @fires d1-plugin-error - The plugin could not run (`detail`: pluginId, code, message, retryable, errors).
 * @fires d1-plugin-navigate - The plugin asked to open a plugin at a path (`detail`: pluginId, path, from).
 *   The portal (e.g. `<d1-shell>`) routes it. Bubbles, composed.
 *
 * @csspart frame - The plugin's iframe.
 * @csspart module - The shadow-root box a module plugin is mounted in.
 * @csspart container - The box around the plugin.
 * @csspart status - The loading, error and unresponsive panel.
 * @csspart skip-link - The link that skips past the plugin.
 *
 * @cssprop --d1-plugin-host-color - Status text colour.
 * @cssprop --d1-plugin-host-muted-color - Detail text colour.
 * @cssprop --d1-plugin-host-background - Status panel background.
 * @cssprop --d1-plugin-host-border-color - Status panel border.
 * @cssprop --d1-plugin-host-danger - Error border colour.
 * @cssprop --d1-plugin-host-primary - Buttons and links.
 * @cssprop --d1-plugin-host-radius - Corner radius.
 */
export class D1PluginHost extends LitElement {
  static override styles = pluginHostStyles;

  // Declared here rather than with decorators: no decorator helper and no per-field call in the bundle.
  static override properties = {
    pluginId: { attribute: 'plugin-id', reflect: true },
    path: {},
    registry: { attribute: false },
    manifest: { attribute: false },
    grants: { attribute: false },
    context: { attribute: false },
    services: { attribute: false },
    policy: { attribute: false },
    moduleAllowList: { attribute: false },
    limits: { attribute: false },
    importModule: { attribute: false },
    active: { type: Boolean, reflect: true },
    hidden: { type: Boolean, reflect: true },
    connectTimeout: { type: Number, attribute: 'connect-timeout' },
    heartbeat: { attribute: false },
    progressDelay: { type: Number, attribute: 'progress-delay' },
    _state: { state: true },
    _progress: { state: true },
    _slow: { state: true },
    _waiting: { state: true },
  };

  /** The plugin's id: looked up in the registry, or checked against `manifest`. */
  pluginId = '';

  /**
   * Where inside the plugin the portal's address points (`/task/3`): given to the plugin as
   * `context.path`. Anything but a path of this site's form (`/`, not `//`, at most 2048
   * characters) is not passed on: it came from an address anyone can write.
   */
  path: string | null | undefined;

  /** The registry to look `plugin-id` up in; default: the one provided through `registryContext`. */
  registry: PluginRegistry | undefined;

  /** Standalone: the manifest (JSON; validated). Wins over the registry. */
  manifest: PluginManifest | undefined;

  /**
   * What the portal grants this plugin (intersected with what its manifest asks). Default: the
   * registry policy's grant for the plugin, else nothing beyond the base context.
   */
  grants: readonly Permission[] | undefined;

  /** Standalone: the platform context to derive the plugin's context from. Wins over the store. */
  context: PlatformContext | undefined;

  /** Standalone: services (plugin sessions, notifications). Win over the provided ones. */
  services: PlatformServices | undefined;

  /** The portal's plugin policy. Default: the registry's. */
  policy: PluginPolicy | undefined;

  /** Module URLs (exact, or prefixes ending in `/`) that may be imported. Default: the policy's; else none. */
  moduleAllowList: readonly string[] | undefined;

  /** Per-plugin limits over the policy's and the defaults. */
  limits: Partial<PluginLimits> | undefined;

  /** How module plugins are imported (default: dynamic `import()`); for bundlers and stories. */
  importModule: ((url: string) => Promise<unknown>) | undefined;

  /** False while the portal shows another plugin: the plugin gets `visibility.changed` and loads lazily. */
  active = true;

  /** Hidden plugins get `visibility.changed` and load lazily. */
  override hidden = false;

  /** Milliseconds an iframe plugin has to connect (counted while visible) before the error state. */
  connectTimeout = 15000;

  /** Heartbeat of iframe plugins; `false` turns it off. */
  heartbeat: { interval: number; timeout: number } | false = {
    interval: 5000,
    timeout: 5000,
  };

  /** Milliseconds before the loading text shows (fast plugins never flash it). */
  progressDelay = 400;

  private _state: PluginHostState = 'idle';
  // Not reactive of its own: it changes only together with _state (set on failing, cleared on
  // starting, which shows loading first), and that change renders.
  private _error: PluginErrorDetail | null = null;
  // Flags and handles below start unset (undefined reads as false, "no timer", "nothing running"):
  // an initialiser would be one more assignment in the constructor of every host.
  private _progress?: boolean;
  private _slow?: boolean;
  private _waiting?: boolean;

  #store: ContextStore<PlatformContext> | undefined;
  #unsubscribe: (() => void) | undefined;
  #providedServices: PlatformServices | undefined;
  #providedRegistry: PluginRegistry | undefined;
  #watched: PluginRegistry | undefined;
  #current: PluginManifest | undefined;
  /**
   * Whom texts and events name: the manifest in use, or the fields of an invalid one that passed
   * validation (whose manifest failed is told by its own id and name); unset until known.
   */
  #named?: Partial<PluginManifest>;
  #runtime?: Runtime | null;
  #abort?: AbortController | null;
  #run = 0;
  #scheduled?: boolean;
  #timers: number[] = [];
  #connectTimer?: number;
  /** Null, not unset: `toPluginContext` hands a signed-in user's plugin `sub: null` until it is known. */
  #sub: string | null = null;
  #subUser?: string | null;
  #lastContext?: string;
  #lastVisible = true;
  /** Set by each start, before the frame is made. */
  #height!: number;
  #observer: MutationObserver | undefined;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: storeContext,
      subscribe: true,
      callback: (store) => {
        this.#attachStore(store);
        this.#schedule();
      },
    });
    new ContextConsumer(this, {
      context: servicesContext,
      subscribe: true,
      callback: (services) => {
        this.#providedServices = services;
        this.#sub = this.#subUser = null;
        this.#schedule();
      },
    });
    new ContextConsumer(this, {
      context: registryContext,
      subscribe: true,
      callback: (registry) => {
        this.#providedRegistry = registry;
        this.#schedule();
      },
    });
  }

  /** Where the plugin stands (also the `state` attribute). */
  get state(): PluginHostState {
    return this._state;
  }

  /** Why the plugin is not running, in the error state. */
  get error(): PluginErrorDetail | null {
    return this._error;
  }

  /** The manifest in use, once resolved. */
  get currentManifest(): PluginManifest | undefined {
    return this.#current;
  }

  /** The context the plugin sees now (what `context.get` answers). */
  async pluginContext(): Promise<PluginContext> {
    await this.#ensureSub();
    return this.#contextNow();
  }

  /** Start again (what Try again and Reload do). */
  reload(): void {
    this.#schedule();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureLiveRegions(this.ownerDocument);
    document.addEventListener('visibilitychange', this.#syncVisibility);
    this.#observeAnonymous();
    this.#schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#syncVisibility);
    this.#observeAnonymous(); // disconnected: stops watching
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#watch(undefined);
    this.#stop();
    this.#run++;
    this._state = 'idle';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      [
        'pluginId',
        'registry',
        'manifest',
        'policy',
        'moduleAllowList',
        'importModule',
        'limits',
        'heartbeat',
      ].some((k) => changed.has(k as keyof D1PluginHost)) &&
      this.hasUpdated
    )
      this.#schedule();
    if (changed.has('context')) this.#observeAnonymous();
    if (
      this.hasUpdated &&
      (changed.has('grants') || changed.has('context') || changed.has('services') || changed.has('path'))
    )
      if (!this.#roleChanged()) void this.#syncContext();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('_state' as keyof D1PluginHost)) this.setAttribute('state', this._state);
    if (changed.has('active') || changed.has('hidden')) this.#syncVisibility();
    // The frame's title follows the language, as the rest of the element does.
    const frame = (this.#runtime as IframeRuntime | null)?.frame;
    if (frame) frame.title = this.#name();
  }

  protected override render(): TemplateResult {
    const s = this._state;
    const loading = s === 'loading';
    // loading, ready or unresponsive: a plugin frame is there to skip
    const framed = s !== 'idle' && s !== 'error';
    return html`
      ${
        framed
          ? html`<a class="skip" part="skip-link" href="#end" @click=${this.#skip}>${this.#t('skip')}</a>`
          : nothing
      }
      <div
        class="status"
        part="status"
        tabindex="-1"
        data-kind=${s}
        ?hidden=${!(s === 'error' || (loading && this._progress) || (s === 'unresponsive' && !this._waiting))}
      >
        ${this.#renderStatus()}
      </div>
      <div class="frame ${loading ? 'pending' : ''}" part="container" tabindex="-1" ?inert=${loading}></div>
      ${framed ? html`<span class="end" id="end" tabindex="-1">${this.#t('end')}</span>` : nothing}
    `;
  }

  #renderStatus(): TemplateResult | typeof nothing {
    switch (this._state) {
      case 'loading':
        return html`<span class="spinner" aria-hidden="true"></span>
          <p>${this.#t('loading')} ${this._slow ? this.#t('slow') : ''}</p>`;
      case 'error': {
        const e = this._error!;
        return html`<p>
            <span class="title">${this.#t('failed')}</span>
            <span class="detail">${this.#t(e.code)}</span>
          </p>
          ${e.retryable ? html`<button type="button" @click=${this.#retry}>${this.#t('retry')}</button>` : nothing}`;
      }
      case 'unresponsive':
        return html`<p>
            <span class="title">${this.#t('unresponsive')}</span>
            <span class="detail">${this.#t('unresponsiveHelp')}</span>
          </p>
          <button type="button" data-variant="quiet" @click=${this.#wait}>${this.#t('wait')}</button>
          <button type="button" @click=${this.#retry}>${this.#t('reload')}</button>`;
      default:
        return nothing;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Life cycle

  /** Restart once, after the current task settles (several inputs often change together). */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) void this.#start();
    });
  }

  /** `asked`: the user pressed Try again or Reload, so show progress at once. */
  async #start(asked = false): Promise<void> {
    this.#stop();
    const run = ++this.#run;
    const alive = () => run === this.#run && this.isConnected;
    this._error = null;
    this.#current = this.#named = undefined;
    this.#setLoading(asked ? 0 : this.progressDelay);

    const registry = this.registry ?? this.#providedRegistry;
    this.#watch(registry);
    let manifest: PluginManifest | undefined;
    // why the manifest given, or the one the registry skipped for this id, is invalid
    let errors: ManifestError[] | undefined;
    if (this.manifest !== undefined) {
      const r = validateManifest(this.manifest);
      if (r.ok) manifest = r.manifest;
      else {
        // Keep only the fields that passed: every error's path starts with its field.
        const m: Record<string, unknown> = { ...this.manifest };
        for (const e of (errors = r.errors)) delete m[e.path.split('/')[1]!];
        this.#named = m;
      }
    } else {
      if (registry?.state === 'loading') await registry.ready.catch(() => {});
      if (!alive()) return;
      if (registry?.state === 'error') return this.#fail('REGISTRY', String(registry.loadError?.message));
      manifest = registry?.get(this.pluginId);
      if (!manifest) errors = registry?.errors.find((e) => e.id === this.pluginId)?.errors;
    }
    if (errors) return this.#fail('INVALID_MANIFEST', 'the manifest is invalid', errors);
    if (!manifest || (this.pluginId && manifest.id !== this.pluginId))
      return this.#fail('NOT_FOUND', `no plugin "${this.pluginId}"`);
    this.#current = this.#named = manifest;
    this.#height = Math.max(manifest.minHeight ?? DEFAULT_HEIGHT, 1);
    this.requestUpdate();

    if (!isVisibleFor(manifest, this.#role())) return this.#fail('ROLE', `not for role ${this.#role()}`);
    const policy = this.#policy();
    if (manifest.kind === 'iframe') {
      if (new URL(manifest.entry!).origin === location.origin)
        return this.#fail('SAME_ORIGIN', `${manifest.entry} is on the portal's own origin; refused`);
    } else if (
      !moduleAllowed(manifest.module!, this.moduleAllowList ?? policy?.moduleAllowList, location.href)
    ) {
      return this.#fail('NOT_ALLOWED', `${manifest.module} is not on the module allow list`);
    }

    try {
      await this.#ensureSub();
    } catch (e) {
      if (alive()) this.#fail('SESSION', `plugin session: ${String((e as Error)?.message ?? e)}`);
      return;
    }
    if (!alive()) return;
    this.#lastContext = JSON.stringify(this.#contextNow());
    await this.updateComplete;
    if (!alive()) return;
    const container = this.renderRoot.querySelector<HTMLElement>('.frame')!;
    const m = manifest;
    const channel: ChannelOptions = {
      pluginId: m.id,
      ...createHandlers({
        manifest: m,
        limits: this.#limits(),
        grants: () => this.#grants(),
        context: () => this.#handOver(),
        sessions: () => this.#services()?.pluginSessions,
        signedIn: () => !!this.#platformContext().user,
        notifications: () => this.#services()?.notifications,
        announce: (text, assertive) => announce(this.ownerDocument, text, assertive, this.#lang()),
        resize: (h) => this.#resize(h),
        // backward: to the skip link just before the plugin (Shift+Tab goes on from there)
        // only out of the plugin: focus elsewhere in the portal (the user typing in the class
        // picker) is not the plugin's to move. (Focus in the frame makes the iframe our shadow
        // root's activeElement; :focus-within does not see into a cross-site frame.)
        focusHost: (dir) =>
          !!(this.renderRoot as ShadowRoot).activeElement &&
          (dir === 'backward'
            ? this.renderRoot.querySelector<HTMLElement>('.skip')?.focus()
            : this.#focusAfter()),
        navigate: (target) => this.#navigate(target),
      }),
      onUnresponsive: () => {
        if (!alive()) return;
        this._state = 'unresponsive';
        // read only in this state, so reset only on entering it
        this._waiting = false;
        this.#say('unresponsive');
      },
      onResponsive: () => {
        if (alive()) this.#ready(m, '', false, true);
      },
      onError: (error, method) => {
        // Refusals are the plugin's business; a crashing handler is ours.
        if (!(error as { code?: string })?.code)
          console.error(`[d1-plugin-host] ${m.id}: ${method} failed`, error);
      },
    };

    if (m.kind === 'iframe') {
      const grant = grantFor(policy, m.id);
      this.#runtime = startIframe(
        {
          ...channel,
          heartbeat: this.heartbeat,
          onConnect: ({ version, reload }) => {
            if (alive()) this.#ready(m, version, reload);
          },
          onDisconnect: ({ reason }) => {
            // The plugin said bye: it may connect again (a new page in the frame); wait for it as on load.
            if (alive() && reason === 'bye') {
              this.#setLoading();
              this.#armConnectTimer();
            }
          },
        },
        {
          entry: m.entry!,
          container,
          title: this.#name(),
          sandbox: sandboxFor(m, grant.sandbox),
          allow: allowFor(m, grant.allow),
          lazy: !this.#visible(),
          height: this.#height,
          ltiStorage: this.#grants().includes('storage') ? this.#ltiStorage(m.id) : undefined,
          onResize: (h) => this.#resize(h),
        },
      );
      this.#armConnectTimer();
    } else {
      const abort = (this.#abort = new AbortController());
      try {
        const rt = await startModule(
          channel,
          {
            url: new URL(m.module!, location.href).href,
            container,
            importModule: this.importModule ?? ((url) => import(/* @vite-ignore */ url)),
            onEscape: () => this.#focusAfter(),
          },
          abort.signal,
        );
        this.#runtime = rt;
        // A change while the module mounted found no runtime to tell: send it now, if the context
        // the plugin got (context.get) is not the current one any more.
        void this.#syncContext();
        this.#ready(m, rt.version, false);
      } catch (e) {
        if (alive() && e instanceof ModuleError) this.#fail(e.code, e.message);
        else if (alive()) this.#fail('MOUNT', String(e));
      }
    }
  }

  /** Tear down whatever runs now. */
  #stop(): void {
    for (const id of this.#timers) clearTimeout(id);
    this.#timers = [];
    this.#clearConnectTimer();
    this.#abort?.abort(new DOMException('stopped', 'AbortError'));
    this.#abort = null;
    const rt = this.#runtime;
    this.#runtime = null;
    rt?.close();
  }

  #setLoading(delay = this.progressDelay): void {
    this._state = 'loading';
    this._progress = false;
    this._slow = false;
    const later = (ms: number, fn: () => void) => this.#timers.push(window.setTimeout(fn, ms));
    const show = () => {
      if (this._state !== 'loading') return;
      this._progress = true;
      this.#say('loading');
    };
    if (delay > 0) later(delay, show);
    else show();
    later(delay + SLOW_MS, () => (this._slow = this._state === 'loading'));
  }

  /**
   * The connect timeout runs only while the plugin is shown: a hidden lazy frame does not load.
   * A frame is waited for while the state is `loading` with a frame runtime (started, or said bye).
   */
  #clearConnectTimer(): void {
    clearTimeout(this.#connectTimer);
    this.#connectTimer = 0;
  }

  #armConnectTimer(): void {
    this.#clearConnectTimer();
    if (!this.#visible()) return;
    const run = this.#run;
    this.#connectTimer = window.setTimeout(() => {
      if (run === this.#run && this._state === 'loading')
        this.#fail('TIMEOUT', `no connection within ${this.connectTimeout} ms`);
    }, this.connectTimeout);
  }

  #ready(m: PluginManifest, version: string, reload: boolean, recovered = false): void {
    this.#clearConnectTimer();
    const was = this._state;
    this._state = 'ready';
    if (was !== 'ready') this.#say('ready');
    // Focus waited on the status panel (after Try again): hand it to the plugin now.
    if (this.shadowRoot?.activeElement?.classList.contains('status'))
      void this.updateComplete.then(() => {
        const frame = this.renderRoot.querySelector<HTMLElement>('.frame')!;
        (frame.querySelector('iframe') ?? frame).focus();
      });
    // A plugin that connects while hidden learns it at once; one that connected again gets the context.
    this.#lastVisible = true;
    this.#syncVisibility();
    if (recovered) return;
    if (reload) void this.#syncContext(true);
    this.dispatchEvent(
      new CustomEvent<PluginReadyDetail>('d1-plugin-ready', {
        detail: { pluginId: m.id, kind: m.kind, version, reload },
        bubbles: true,
        composed: true,
      }),
    );
  }

  #fail(code: PluginErrorCode, message: string, errors?: ManifestError[]): void {
    this.#stop();
    const detail: PluginErrorDetail = {
      pluginId: this.#named?.id ?? this.pluginId,
      code,
      message,
      retryable: RETRYABLE.includes(code),
      ...(errors ? { errors } : {}),
    };
    this._state = 'error';
    this._error = detail;
    announce(this.ownerDocument, `${this.#t('failed')} ${this.#t(code)}`, false, this.#lang());
    this.dispatchEvent(
      new CustomEvent<PluginErrorDetail>('d1-plugin-error', { detail, bubbles: true, composed: true }),
    );
  }

  #retry = async () => {
    void this.#start(true);
    // The button goes away: keep focus in the plugin's area, on the status panel (then the plugin).
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.status')?.focus();
  };

  #wait = () => {
    this._waiting = true;
    (this.renderRoot.querySelector('iframe') as HTMLElement | null)?.focus();
  };

  // ---------------------------------------------------------------------------------------------
  // Context

  #attachStore(store: ContextStore<PlatformContext> | undefined): void {
    this.#unsubscribe?.();
    this.#store = store;
    this.#unsubscribe = store?.subscribe((s, prev) => {
      if (this.context) return;
      if (s.locale !== prev.locale) this.requestUpdate();
      if (!this.#roleChanged()) void this.#syncContext();
    });
    this.#observeAnonymous();
  }

  /** Whether the role now decides otherwise than the state shows; if so, start over (which shows or leaves the role error). */
  #roleChanged(): boolean {
    const m = this.#current;
    if (!m || this._state === 'idle') return false;
    const blocked = this._state === 'error' && this._error?.code === 'ROLE';
    if (isVisibleFor(m, this.#role()) !== blocked) return false;
    const rt = this.#runtime;
    if (rt && !blocked) {
      // Stopping a running plugin (sign-out, or a role it is not for): tell it first, so the plugin
      // and its backend learn that the user left (`sub: null`), and give the message a moment to
      // cross the frame before the frame goes.
      rt.emit('context.changed', this.#contextNow());
      setTimeout(() => rt === this.#runtime && this.#schedule(), STOP_GRACE_MS);
      return true;
    }
    this.#schedule();
    return true;
  }

  /** The context for `context.get`, remembered as what the plugin has now. */
  async #handOver(): Promise<PluginContext> {
    const ctx = await this.pluginContext();
    this.#lastContext = JSON.stringify(ctx);
    return ctx;
  }

  /** Send `context.changed` when what the plugin sees changed. */
  async #syncContext(force = false): Promise<void> {
    const rt = this.#runtime;
    if (!rt) return;
    try {
      await this.#ensureSub();
    } catch {
      /* keep the subject it had; the next change tries again */
    }
    if (rt !== this.#runtime) return;
    const ctx = this.#contextNow();
    const json = JSON.stringify(ctx);
    if (!force && json === this.#lastContext) return;
    this.#lastContext = json;
    rt.emit('context.changed', ctx);
  }

  /** The pairwise subject for the current user, fetched once per user. Rejects when the session fails. */
  async #ensureSub(): Promise<void> {
    const user = this.#platformContext().user;
    const sessions = this.#services()?.pluginSessions;
    const id = this.#current?.id;
    const known = user && sessions && id;
    if (known && this.#subUser === user.id) return;
    // never let one user's pairwise subject stand for another's, even while the new one loads
    this.#sub = this.#subUser = null;
    if (!known) return;
    // the token carries the plugin's grants (`roster`)
    const s = await sessions.session(id, { permissions: this.#grants() });
    if (this.#platformContext().user?.id === user.id) {
      this.#sub = s.sub;
      this.#subUser = user.id;
    }
  }

  #contextNow(): PluginContext {
    const ctx = toPluginContext(this.#platformContext(), this.#grants(), this.#sub) as PluginContext;
    if (isPluginPath(this.path)) ctx.path = this.path;
    return ctx;
  }

  #platformContext(): Readonly<PlatformContext> {
    return this.context ?? this.#store?.get() ?? this.#anonymous();
  }

  /** No context at all: signed out, in the nearest `lang`, with the nearest `data-d1-theme`. */
  #anonymous(): PlatformContext {
    const ctx = emptyContext(this.closest('[lang]')?.getAttribute('lang') ?? 'fi');
    const name = this.closest('[data-d1-theme]')?.getAttribute('data-d1-theme');
    const theme: Theme =
      name === 'dark' || name === 'light'
        ? { ...defaultTheme, colorScheme: name }
        : name === 'contrast'
          ? { ...defaultTheme, contrast: 'more' }
          : defaultTheme;
    return { ...ctx, theme };
  }

  /** Standalone without a context: follow `lang` and `data-d1-theme` changes above. */
  #observeAnonymous(): void {
    const anonymous = !this.context && !this.#store && this.isConnected;
    if (!anonymous) {
      this.#observer?.disconnect();
      this.#observer = undefined;
      return;
    }
    if (this.#observer) return;
    this.#observer = new MutationObserver(() => {
      this.requestUpdate();
      void this.#syncContext();
    });
    this.#observer.observe(this.ownerDocument.documentElement, {
      attributes: true,
      attributeFilter: ['lang', 'data-d1-theme'],
      subtree: true,
    });
  }

  #grants(): Permission[] {
    const m = this.#current;
    if (!m) return [];
    if (this.grants) return (m.permissions ?? []).filter((p) => this.grants!.includes(p));
    return grantedPermissions(m, this.#policy());
  }

  #policy(): PluginPolicy | undefined {
    return this.policy ?? (this.registry ?? this.#providedRegistry)?.policy;
  }

  #limits(): PluginLimits {
    return { ...DEFAULT_LIMITS, ...this.#policy()?.limits, ...this.limits };
  }

  #services(): PlatformServices | undefined {
    return this.services ?? this.#providedServices;
  }

  #role() {
    const c = this.#platformContext();
    return c.user ? (c.activeRole?.role ?? null) : null;
  }

  #lang(): UiLang {
    return uiLang(this.#platformContext().locale);
  }

  #ltiStorage(id: string) {
    // the signed-in user's plugin session, if any (LTI storage is per user too)
    const session = () => (this.#platformContext().user ? this.#services()?.pluginSessions : undefined);
    // the bridge's storage limit, counted here for the LTI messages (a flood of lti.put_data
    // would otherwise reach the platform unchecked)
    const calls: number[] = [];
    const limited = () => {
      const now = Date.now();
      while (calls.length && now - calls[0]! >= 60_000) calls.shift();
      return calls.push(now) > this.#limits().storageCallsPerMinute;
    };
    return {
      get: async (key: string) => {
        if (limited()) throw new Error('rate limited');
        const v = await session()?.storageGet(id, key);
        return typeof v == 'string' ? v : null;
      },
      set: async (key: string, value: string) => {
        const s = session();
        if (!s || limited() || value.length > this.#limits().storageValueBytes) throw new Error('not stored');
        await s.storageSet(id, key, value);
      },
    };
  }

  #watch(registry: PluginRegistry | undefined): void {
    if (registry === this.#watched) return;
    this.#watched?.removeEventListener('change', this.#onRegistryChange);
    this.#watched = registry;
    registry?.addEventListener('change', this.#onRegistryChange);
  }

  #onRegistryChange = () => {
    if (this.manifest !== undefined || this.#watched?.state === 'loading') return;
    if (this.#watched?.get(this.pluginId) !== this.#current || this._state === 'error') this.#schedule();
  };

  // ---------------------------------------------------------------------------------------------
  // Frame, focus, visibility

  #resize(height: number): void {
    const m = this.#current;
    this.#height = Math.min(Math.max(height, m?.minHeight ?? 0, 1), this.#limits().maxHeight);
    const frame = (this.#runtime as IframeRuntime | null)?.frame;
    if (frame) frame.style.height = `${this.#height}px`;
  }

  #skip = (e: Event) => {
    e.preventDefault();
    this.#focusAfter();
  };

  /** Focus lands just after the plugin: the next Tab continues with what follows it. */
  #focusAfter(): void {
    const end = this.renderRoot.querySelector<HTMLElement>('.end');
    if (!end) return;
    // Chromium starts Tab from a tabindex=-1 element in a shadow root at the root's start (back
    // into the plugin); in the tab order for as long as it holds focus, Tab moves on from here.
    end.tabIndex = 0;
    end.addEventListener('blur', () => (end.tabIndex = -1), { once: true });
    end.focus();
  }

  #navigate(target: { pluginId: string; path?: string }): void {
    // a plugin kept mounted out of sight does not take the page back from the one in view
    if (!this.#visible()) throw new BridgeError('PERMISSION_DENIED', 'navigation.open: not while hidden');
    const own = this.#current?.id;
    const registry = this.registry ?? this.#providedRegistry;
    const m = registry?.get(target.pluginId);
    // A plugin the active role may not see does not exist for this user: the same refusal as an
    // unknown id, so a plugin can hide its button and learns nothing of the portal's other tools.
    if (target.pluginId !== own && registry && !(m && isVisibleFor(m, this.#role())))
      throw new BridgeError('NOT_FOUND', `navigation.open: no plugin "${target.pluginId}" in this portal`);
    this.dispatchEvent(
      new CustomEvent<PluginNavigateDetail>('d1-plugin-navigate', {
        detail: { ...target, from: own ?? this.pluginId },
        bubbles: true,
        composed: true,
      }),
    );
  }

  #visible(): boolean {
    return this.isConnected && this.active && !this.hidden && document.visibilityState === 'visible';
  }

  // also the document's visibilitychange listener, hence an arrow
  #syncVisibility = (): void => {
    const visible = this.#visible();
    const frame = (this.#runtime as IframeRuntime | null)?.frame;
    if (visible && frame?.loading === 'lazy') frame.loading = 'eager';
    if (visible && frame && this._state === 'loading' && !this.#connectTimer) this.#armConnectTimer();
    if (!visible) this.#clearConnectTimer();
    if (visible === this.#lastVisible) return;
    this.#lastVisible = visible;
    this.#runtime?.emit('visibility.changed', { visible });
  };

  /** The plugin's name in the current language; else its id (`plugin-id`); else "the tool". */
  #name(): string {
    const n = this.#named;
    return pickText(n?.name ?? (n?.id || this.pluginId || TOOL), this.#lang());
  }

  #say(id: MessageId): void {
    announce(this.ownerDocument, this.#t(id), false, this.#lang());
  }

  /**
   * The host's text `id` in the current language, with every placeholder a text may hold: the
   * plugin's name, and for the error texts the plugin id and the connect timeout in seconds.
   */
  #t(id: MessageId): string {
    return t(this.#lang(), id, {
      name: this.#name(),
      id: this._error?.pluginId,
      seconds: Math.round(this.connectTimeout / 1000),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-plugin-host': D1PluginHost;
  }
  interface HTMLElementEventMap {
    'd1-plugin-ready': CustomEvent<PluginReadyDetail>;
    'd1-plugin-error': CustomEvent<PluginErrorDetail>;
    'd1-plugin-navigate': CustomEvent<PluginNavigateDetail>;
  }
}
