/**
 * The two ways a plugin runs. Iframe: a sandboxed, titled frame on the vendor's origin, spoken to
 * through the bridge's host endpoint (plus the LTI postMessage listener). Module: an allow-listed
 * ES module mounted into a shadow root of its own (its CSS stays in, the portal's stays out),
 * spoken to through an in-page channel, so it gets the same PluginClient.
 * @module
 */
import {
  createHostEndpoint,
  createInPageChannel,
  createLtiListener,
  type HostEndpointOptions,
  type LtiStorage,
  type PluginClient,
  type PluginEvent,
  type PluginEvents,
} from '@digione/bridge';

/** What a module plugin exports. */
export interface PluginModule {
  /** Render into `container`; return (or resolve to) a function that undoes it all. */
  mount(container: HTMLElement, client: PluginClient): void | (() => void) | Promise<void | (() => void)>;
}

/** A running plugin, either kind. */
export interface Runtime {
  emit<E extends PluginEvent>(event: E, data: PluginEvents[E]): boolean;
  /** Tear it all down (unmount, close the port, remove the frame). Never throws. */
  close(): void;
}

/**
 * Endpoint options shared by both kinds (the element's handlers, limits and callbacks), handed to
 * the bridge as they are.
 */
export type ChannelOptions = Pick<
  HostEndpointOptions,
  'pluginId' | 'handlers' | 'rateLimit' | 'maxMessageBytes' | 'onUnresponsive' | 'onResponsive' | 'onError'
>;

/** What only a frame's endpoint has: the handshake's callbacks and the heartbeat. */
export type IframeChannelOptions = ChannelOptions &
  Pick<HostEndpointOptions, 'heartbeat' | 'onConnect' | 'onDisconnect'>;

/** Options of {@link startIframe}. */
export interface IframeOptions {
  entry: string;
  container: HTMLElement;
  title: string;
  sandbox: string;
  allow: string;
  lazy: boolean;
  height: number;
  /** LTI `put_data`/`get_data` storage, only when the plugin holds `storage`. */
  ltiStorage?: LtiStorage;
  onResize(height: number): void;
}

/** A frame runtime, with its iframe. */
export interface IframeRuntime extends Runtime {
  readonly frame: HTMLIFrameElement;
}

/** Create the frame and its endpoint (before `src`, so the first hello is caught). */
export function startIframe(channel: IframeChannelOptions, o: IframeOptions): IframeRuntime {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', o.sandbox);
  frame.setAttribute('allow', o.allow);
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.setAttribute('part', 'frame');
  frame.title = o.title;
  frame.loading = o.lazy ? 'lazy' : 'eager';
  frame.style.height = `${o.height}px`;
  const origin = new URL(o.entry).origin;
  const endpoint = createHostEndpoint({ ...channel, frame, origin });
  const lti = createLtiListener({
    frame,
    origin,
    onResize: o.onResize,
    storage: o.ltiStorage,
  });
  frame.src = o.entry;
  o.container.append(frame);
  return {
    frame,
    emit: (event, data) => endpoint.emit(event, data),
    close() {
      lti.close();
      endpoint.close();
      frame.remove();
    },
  };
}

/** Options of {@link startModule}. */
export interface ModuleOptions {
  url: string;
  container: HTMLElement;
  importModule(url: string): Promise<unknown>;
  /** Escape inside the plugin that the plugin did not handle itself. */
  onEscape(): void;
}

/** Why a module plugin failed: its code did not load, or its `mount` threw. */
export class ModuleError extends Error {
  constructor(
    readonly code: 'LOAD' | 'MOUNT',
    override readonly cause: unknown,
  ) {
    super(
      `${code === 'LOAD' ? 'loading' : 'mounting'} the module failed: ${String((cause as Error)?.message ?? cause)}`,
    );
  }
}

/**
 * Import, connect and mount a module plugin. Resolves with the runtime once `mount` has returned;
 * rejects with a {@link ModuleError} (everything created is removed again). `signal` aborts a
 * start that is no longer wanted (the element was removed meanwhile).
 */
export async function startModule(
  channel: ChannelOptions,
  o: ModuleOptions,
  signal: AbortSignal,
): Promise<Runtime & { version: string }> {
  let mod: Partial<PluginModule>;
  try {
    mod = (await o.importModule(o.url)) as Partial<PluginModule>;
  } catch (e) {
    throw new ModuleError('LOAD', e);
  }
  if (typeof mod?.mount != 'function')
    throw new ModuleError('LOAD', new Error('the module exports no mount()'));
  if (signal.aborted) throw signal.reason;
  const { host, client } = createInPageChannel(channel);
  // A shadow root of its own: the plugin's styles cannot leak out, the portal's cannot leak in.
  const box = document.createElement('div');
  box.setAttribute('part', 'module');
  const root = box.attachShadow({ mode: 'open' });
  const inner = document.createElement('div');
  root.append(inner);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) o.onEscape();
  });
  o.container.append(box);
  let unmount: (() => void) | undefined;
  let version = '';
  const close = () => {
    try {
      unmount?.();
    } catch (e) {
      console.error(`[d1-plugin-host] ${channel.pluginId}: unmount threw`, e);
    }
    host.close();
    box.remove();
  };
  try {
    const c = await client;
    version = c.version;
    const result = await mod.mount(inner, c);
    if (typeof result == 'function') unmount = result;
  } catch (e) {
    // The vendor's own error, with its stack: the element shows only a short text.
    console.error(`[d1-plugin-host] ${channel.pluginId}: mount threw`, e);
    close();
    throw new ModuleError('MOUNT', e);
  }
  if (signal.aborted) {
    close();
    throw signal.reason;
  }
  return { version, emit: (event, data) => host.emit(event, data), close };
}
