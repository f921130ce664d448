/**
 * The plugin side of a connected port: the `PluginClient` a vendor codes against, the same over
 * an iframe's MessagePort (`@digione/plugin-sdk` `connect()`) and over an in-page channel
 * (module plugins). Kept small: the plugin SDK budget is 3 KB min+gzip for all of it.
 * @module
 */
import { createPeer } from './peer.js';
import {
  BYE,
  BridgeError,
  PING,
  type HostMethod,
  type HostMethods,
  type NavigateParams,
  type NotifyParams,
  type PluginContext,
} from './protocol.js';

/** Options every call takes last. */
export interface CallOptions {
  /** Milliseconds to wait for the reply before rejecting with `TIMEOUT`; 0 waits forever. */
  timeout?: number;
}

/** Events a plugin can listen to. */
export interface PluginClientEvents {
  /** The context changed (group, locale, theme, sign-out...). `client.context` is already updated. */
  context: PluginContext;
  /** The plugin was shown or hidden by the host (another plugin opened, tab hidden). */
  visibility: boolean;
  /** The host closed the connection (it said `bye`); calls now reject with `DISCONNECTED`. */
  disconnect: undefined;
}

/** What a plugin has in hand once connected. Every call rejects with a typed `BridgeError`. */
export interface PluginClient {
  /** The plugin id the host knows this plugin by. */
  readonly pluginId: string;
  /** The negotiated protocol version. */
  readonly version: string;
  /** The current context: display only; authorise on {@link getToken}'s token. */
  readonly context: PluginContext;
  /** Whether the host shows the plugin now. */
  readonly visible: boolean;
  /** Listen; returns a function that stops listening. */
  on<E extends keyof PluginClientEvents>(event: E, fn: (data: PluginClientEvents[E]) => void): () => void;
  /**
   * Post a notification to the user's tray (permission `notifications`). Resolves with the host's
   * answer: `{ id }`, the notification's id in the platform, or `null` from a host that keeps none.
   */
  notify(n: NotifyParams, o?: CallOptions): Promise<HostMethods['notifications.post']['result']>;
  /** Have the host's live region read `text` (for changes the plugin's own region cannot voice). */
  announce(text: string, o?: CallOptions & { politeness?: 'polite' | 'assertive' }): Promise<void>;
  /** Open another plugin, or a path in this one (permission `navigation` for other plugins). */
  navigate(to: NavigateParams, o?: CallOptions): Promise<void>;
  /** A short-lived signed JWT (aud = plugin id) for the vendor's backend (permission `token`). */
  getToken(o?: CallOptions): Promise<string>;
  /** Per-user, per-plugin storage kept by the platform (no third-party cookies needed). */
  readonly storage: {
    /** The stored value, or null when unset. */
    get<T = unknown>(key: string, o?: CallOptions): Promise<T | null>;
    /** Store JSON data; null clears. */
    set(key: string, value: unknown, o?: CallOptions): Promise<void>;
  };
  /** Move keyboard focus out of the plugin into the host (e.g. Tab past the last control). */
  focusHost(direction?: 'forward' | 'backward', o?: CallOptions): Promise<void>;
  /**
   * Tell the host the content height. Without a height, measures the document now. An explicit
   * height turns automatic resizing off (it would overwrite yours).
   */
  resize(height?: number, o?: CallOptions): Promise<void>;
  /** Any version 1 method, raw. */
  request<M extends HostMethod>(
    method: M,
    params: HostMethods[M]['params'],
    o?: CallOptions,
  ): Promise<HostMethods[M]['result']>;
  /** Close the connection (says `bye`); stops automatic resizing. */
  disconnect(): void;
}

/** Options of {@link createPluginClient}. */
export interface ClientOptions {
  pluginId: string;
  version: string;
  /** Default per-call timeout in ms (default 10000). */
  callTimeout?: number;
  /** Resize the frame to the document's height automatically (iframes; default false here). */
  autoResize?: boolean;
}

/** Measured content height: the root element's box (keep `html` at `height: auto`). */
const measure = () => Math.ceil(document.documentElement.getBoundingClientRect().height);

/**
 * Run the plugin side on `port` (whose other end a host endpoint holds). Resolves once the
 * context has arrived (`context.get`), so `client.context` is always set.
 */
export async function createPluginClient(port: MessagePort, opts: ClientOptions): Promise<PluginClient> {
  const listeners: { [E in keyof PluginClientEvents]?: Set<(d: never) => void> } = {};
  const fire = <E extends keyof PluginClientEvents>(e: E, d: PluginClientEvents[E]) =>
    listeners[e]?.forEach((fn) => {
      // One vendor listener that throws must not starve the others.
      try {
        fn(d as never);
      } catch (err) {
        reportError(err);
      }
    });
  let context: PluginContext;
  let visible = true;
  let ro: ResizeObserver | undefined;
  let frame = 0;
  let last = -1;

  const peer = createPeer(port, {
    request(method) {
      if (method === PING) return null;
      throw new BridgeError('UNSUPPORTED', `${method} is not a plugin method`);
    },
    event(name, d) {
      const o = (typeof d == 'object' && d) as Record<string, unknown>;
      if (name === 'context.changed' && o) fire('context', (context = o as never));
      else if (name === 'visibility.changed' && o && typeof o.visible == 'boolean')
        fire('visibility', (visible = o.visible));
      else if (name === BYE) {
        stop();
        fire('disconnect', undefined);
      }
    },
  });
  const call = (m: string, p?: unknown, o?: CallOptions) =>
    peer.call(m, p, o?.timeout ?? opts.callTimeout ?? 10000) as Promise<never>;
  const done = (p: Promise<unknown>): Promise<void> => p.then(() => {});
  const stop = () => {
    ro?.disconnect();
    cancelAnimationFrame(frame);
    peer.close();
  };
  const post = (height: number, o?: CallOptions) => {
    last = height;
    return done(call('ui.resize', { height }, o));
  };

  try {
    context = await call('context.get');
  } catch (e) {
    peer.close(true);
    throw e;
  }
  const client: PluginClient = {
    pluginId: opts.pluginId,
    version: opts.version,
    get context() {
      return context;
    },
    get visible() {
      return visible;
    },
    on(e, fn) {
      const set = (listeners[e] ??= new Set());
      set.add(fn);
      return () => set.delete(fn);
    },
    notify: (n, o) => call('notifications.post', n, o),
    announce: (text, o) => done(call('ui.announce', { text, politeness: o?.politeness }, o)),
    navigate: (to, o) => done(call('navigation.open', to, o)),
    getToken: (o) =>
      call('auth.getToken', undefined, o).then((r: { token?: unknown } | null) => {
        // a malformed reply must still reject with a BridgeError, not a TypeError
        if (typeof r?.token != 'string')
          throw new BridgeError('INTERNAL', 'auth.getToken: no token in the reply');
        return r.token;
      }),
    storage: {
      get: (key, o) => call('storage.get', { key }, o),
      set: (key, value, o) => done(call('storage.set', { key, value }, o)),
    },
    focusHost: (direction, o) => done(call('ui.focusHost', { direction }, o)),
    resize(height, o) {
      if (height === undefined) return post(measure(), o);
      ro?.disconnect();
      return post(height, o);
    },
    request: (m, p, o) => call(m, p, o),
    disconnect() {
      peer.close(true);
      stop();
    },
  };
  if (opts.autoResize) {
    // Post only when the height really changed, at most once a frame: no loops, no floods.
    ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const h = measure();
        if (h !== last && !peer.closed) post(h).catch(() => {});
      });
    });
    ro.observe(document.documentElement);
  }
  return client;
}
