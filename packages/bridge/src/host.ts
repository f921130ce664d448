/**
 * The host side: accepts a plugin frame's `hello`, answers `welcome` with a MessagePort, serves
 * the plugin's requests through handlers, emits events, watches the heartbeat and redoes the
 * handshake when the frame's document reloads or navigates.
 * @module
 */
import { createPeer, toWireError, type Peer } from './peer.js';
import {
  BYE,
  BridgeError,
  PING,
  PROTOCOL_VERSIONS,
  negotiate,
  type HelloMessage,
  type HostMethod,
  type HostMethods,
  type PluginEvent,
  type PluginEvents,
  type RejectMessage,
  type WelcomeMessage,
} from './protocol.js';
import { PARAMS_MAX_BYTES, validateParams } from './validate.js';

/** What a handler learns about the call besides its params. */
export interface CallContext {
  method: HostMethod;
  pluginId: string;
  /** The plugin's origin (`'in-page'` for a module plugin). */
  origin: string;
  /** The negotiated protocol version. */
  version: string;
}
/** Serves one method: return (or resolve) the result, or throw a `BridgeError` with a code. */
export type HostHandler<M extends HostMethod> = (
  params: HostMethods[M]['params'],
  ctx: CallContext,
) => HostMethods[M]['result'] | Promise<HostMethods[M]['result']>;
/** Handlers by method; a missing one answers `UNSUPPORTED`. */
export type HostHandlers = { [M in HostMethod]?: HostHandler<M> };

/** Why a connection ended. */
export type DisconnectReason = 'reload' | 'bye' | 'closed';
/** Where the endpoint stands. `unresponsive`: connected, but the heartbeat went unanswered. */
export type HostState = 'waiting' | 'connected' | 'unresponsive' | 'closed';

/** Options of {@link createHostEndpoint}. */
export interface HostEndpointOptions {
  /** The plugin's iframe, or a function returning the window whose messages are accepted. */
  frame: HTMLIFrameElement | (() => Window | null);
  /** The manifest origin, exactly (`https://tool.example.com`). Never `*`. */
  origin: string;
  /** Sent in `welcome`; also given to handlers. */
  pluginId: string;
  /** Versions the host speaks; default {@link PROTOCOL_VERSIONS}. */
  versions?: readonly string[];
  handlers: HostHandlers;
  /** Pings every `interval` ms; no answer within `timeout` ms -> unresponsive. Default 5000/5000; false turns it off. */
  heartbeat?: { interval?: number; timeout?: number } | false;
  /** Requests whose validated params exceed this many bytes (as JSON) get `INVALID_PARAMS`. Default 262144. */
  maxMessageBytes?: number;
  /** At most `limit` calls of a method per `interval` ms; more get `RATE_LIMITED`. */
  rateLimit?: { [M in HostMethod]?: { limit: number; interval: number } };
  /** Called after each handshake (first connect and every re-handshake). */
  onConnect?(info: { version: string; reload: boolean }): void;
  /** The connection ended (`reason`: closed by either side, replaced by a re-handshake, ...). */
  onDisconnect?(info: { reason: DisconnectReason }): void;
  /** The plugin missed its heartbeat: show it as unresponsive, do not leave it spinning. */
  onUnresponsive?(): void;
  /** The plugin answers again after being unresponsive. */
  onResponsive?(): void;
  /**
   * Every error reply, for diagnostics. A handler that throws something other than a
   * BridgeError is reported here with its original error; the plugin only sees `INTERNAL`.
   */
  onError?(error: unknown, method: string): void;
  /** The window `hello` arrives at; default `window`. */
  window?: Window;
}

/** A host's handle on one plugin. */
export interface HostEndpoint {
  readonly state: HostState;
  /** The negotiated version while connected, else null. */
  readonly version: string | null;
  /** Send an event to the plugin; false when not connected. */
  emit<E extends PluginEvent>(event: E, data: PluginEvents[E]): boolean;
  /** Stop listening, say `bye` and close the port. Final. */
  close(): void;
}

const DEFAULT_MAX_BYTES = 262_144;

/** Internal: everything of a host endpoint except how the port arrives. */
export function hostCore(o: Omit<HostEndpointOptions, 'frame' | 'window'>, onClose: () => void) {
  let state: HostState = 'waiting';
  let peer: Peer | null = null;
  let version: string | null = null;
  let beat: ReturnType<typeof setTimeout> | undefined;
  /** Messages seen from the plugin so far (the heartbeat's evidence of life). */
  let heard = 0;
  const windows = new Map<string, number[]>();
  const hb = o.heartbeat === false ? null : { interval: 5000, timeout: 5000, ...o.heartbeat };
  const maxBytes = o.maxMessageBytes ?? DEFAULT_MAX_BYTES;

  const setState = (s: HostState) => {
    const was = state;
    state = s;
    if (was === 'connected' && s === 'unresponsive') o.onUnresponsive?.();
    if (was === 'unresponsive' && s === 'connected') o.onResponsive?.();
  };

  function limited(method: HostMethod): boolean {
    const rule = o.rateLimit?.[method];
    if (!rule) return false;
    const now = Date.now();
    const times = (windows.get(method) ?? []).filter((t) => now - t < rule.interval);
    windows.set(method, times);
    if (times.length >= rule.limit) return true;
    times.push(now);
    return false;
  }

  // One frozen call context per method and connection: handlers get the same facts without an
  // allocation per call.
  let calls: { [M in HostMethod]?: Readonly<CallContext> } = {};
  function serve(method: string, params: unknown, v: string): unknown {
    if (method === PING) return null;
    const clean = validateParams(method, params) as unknown;
    const m = method as HostMethod;
    // Measured on what the handler gets (unknown members are already dropped). Most validators
    // bound their output (PARAMS_MAX_BYTES): those params cannot exceed the limit, skip the work.
    if (maxBytes > 0 && PARAMS_MAX_BYTES[m] > maxBytes) {
      let size = Infinity;
      try {
        size = JSON.stringify(clean)?.length ?? 0;
      } catch {
        /* cyclic or BigInt: counts as too large */
      }
      if (size > maxBytes) throw new BridgeError('INVALID_PARAMS', `params exceed ${maxBytes} bytes`);
    }
    const handler = o.handlers[m] as HostHandler<HostMethod> | undefined;
    if (!handler) throw new BridgeError('UNSUPPORTED', `${method} is not available in this host`);
    if (limited(m)) throw new BridgeError('RATE_LIMITED', `${method}: too many calls, slow down`);
    const ctx = (calls[m] ??= Object.freeze({
      method: m,
      pluginId: o.pluginId,
      origin: o.origin,
      version: v,
    }));
    return handler(clean as never, ctx);
  }

  function heartbeat(p: Peer) {
    if (!hb) return;
    beat = setTimeout(() => {
      if (peer !== p) return;
      // a ping that times out only counts when nothing at all came from the plugin since it was
      // sent: an older ping timing out after the plugin answered again is no news
      const before = heard;
      p.call(PING, undefined, hb.timeout).then(
        () => peer === p && state === 'unresponsive' && setState('connected'),
        (e: BridgeError) =>
          peer === p &&
          e.code === 'TIMEOUT' &&
          heard === before &&
          state === 'connected' &&
          setState('unresponsive'),
      );
      heartbeat(p);
    }, hb.interval);
  }

  /** End the current connection (if any) and move to `next` before telling the host. */
  function drop(reason: DisconnectReason, bye: boolean, next: HostState) {
    const had = peer;
    clearTimeout(beat);
    peer?.close(bye);
    peer = null;
    version = null;
    state = next;
    if (had) o.onDisconnect?.({ reason });
  }

  const endpoint: HostEndpoint = {
    get state() {
      return state;
    },
    get version() {
      return version;
    },
    emit: (event, data) => (state === 'connected' || state === 'unresponsive') && !!peer?.emit(event, data),
    close() {
      if (state === 'closed') return;
      onClose();
      drop('closed', true, 'closed');
    },
  };

  return {
    endpoint,
    /** Take over `port` for a connection at version `v`; closes any previous one. `hand` gives the other end away. */
    attach(port: MessagePort, v: string, hand: () => void) {
      const reload = !!peer;
      drop('reload', true, 'waiting');
      calls = {};
      const p: Peer = createPeer(port, {
        request: (method, params) => serve(method, params, v),
        event(name) {
          if (name === BYE && peer === p) drop('bye', false, 'waiting');
        },
        seen: () => {
          heard++;
          if (peer === p && state === 'unresponsive') setState('connected');
        },
        fault(e, method) {
          try {
            o.onError?.(e, method);
          } catch {
            /* a broken diagnostics hook must not cost the plugin its error reply */
          }
          return toWireError(e, method);
        },
      });
      peer = p;
      version = v;
      state = 'connected';
      heartbeat(p);
      hand();
      o.onConnect?.({ version: v, reload });
    },
  };
}

/** Throws unless `origin` is a serialized http(s) origin (no `*`, no path, no `null`). */
export function assertOrigin(origin: string): void {
  let ok = false;
  try {
    const u = new URL(origin);
    ok = u.origin === origin && (u.protocol === 'https:' || u.protocol === 'http:');
  } catch {
    /* not a URL */
  }
  if (!ok)
    throw new TypeError(`bridge: origin must be an exact http(s) origin, got ${JSON.stringify(origin)}`);
}

/**
 * Serve one plugin iframe. Accepts `hello` only when `event.source` is the frame's window and
 * `event.origin` is `origin`; answers `welcome` to that exact origin with a fresh MessagePort.
 * A later `hello` from the same frame (reload, navigation, connect() again) gets a new port and
 * the old one is closed. Create it before (or after) setting the frame's `src`: the SDK repeats
 * `hello` until it is answered.
 */
export function createHostEndpoint(options: HostEndpointOptions): HostEndpoint {
  const versions = options.versions ?? PROTOCOL_VERSIONS;
  let instance: string | null = null;

  const stop = frameListener(options, (data, src) => {
    const d = data as Partial<HelloMessage>;
    // a primitive has no `type` (and structured clones carry no functions)
    if (d?.type !== 'd1.hello' || typeof d.instance != 'string' || !d.instance || d.instance.length > 64)
      return;
    // The SDK repeats hello until answered: one welcome per connect attempt, ever.
    if (d.instance === instance) return;
    const v = Array.isArray(d.versions) ? negotiate(versions, d.versions) : null;
    if (!v) {
      const reject: RejectMessage = {
        type: 'd1.reject',
        instance: d.instance,
        error: {
          code: 'UNSUPPORTED',
          message: `no common protocol version; host speaks ${versions.join(', ')}`,
        },
      };
      src.postMessage(reject, options.origin);
      return;
    }
    instance = d.instance;
    const ch = new MessageChannel();
    const welcome: WelcomeMessage = { type: 'd1.welcome', version: v, pluginId: options.pluginId, instance };
    core.attach(ch.port1, v, () => src.postMessage(welcome, options.origin, [ch.port2]));
  });
  const core = hostCore(options, stop);
  return core.endpoint;
}

/**
 * Listen (on `o.window`, default `window`) for messages of the frame's window from exactly
 * `o.origin`; a wrong source or a wrong origin is ignored without a word (the sender may be
 * hostile). Throws first when the origin is no exact http(s) origin. Returns the remover.
 * The host endpoint and the LTI listener both admit messages this way.
 */
export function frameListener(
  o: { frame: HTMLIFrameElement | (() => Window | null); origin: string; window?: Window },
  fn: (data: unknown, src: Window) => void,
): () => void {
  const { frame, origin } = o;
  assertOrigin(origin);
  const win = o.window ?? window;
  const onMessage = (e: MessageEvent) => {
    const src = typeof frame == 'function' ? frame() : frame.contentWindow;
    if (src && e.source === src && e.origin === origin) fn(e.data, src);
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}
