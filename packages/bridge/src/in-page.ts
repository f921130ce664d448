/**
 * The same protocol inside one page, for module plugins: a MessageChannel instead of a frame,
 * so one plugin codebase runs both ways (`mount(container, client)` gets the same PluginClient).
 * @module
 */
import { createPluginClient, type PluginClient } from './client.js';
import { hostCore, type HostEndpoint, type HostEndpointOptions } from './host.js';
import { BridgeError, PROTOCOL_VERSIONS, negotiate } from './protocol.js';

/** Options of {@link createInPageChannel}: a host endpoint's, without frame and origin. */
export interface InPageChannelOptions extends Omit<
  HostEndpointOptions,
  'frame' | 'origin' | 'window' | 'heartbeat'
> {
  /** Off by default: a module plugin shares the host's thread, so a hang stops the host too. */
  heartbeat?: HostEndpointOptions['heartbeat'];
  /** Default per-call timeout of the client in ms (default 10000). */
  callTimeout?: number;
}

/** Both ends of an in-page connection. */
export interface InPageChannel {
  host: HostEndpoint;
  /** Resolves once the client has its context; hand it to the module's `mount(container, client)`. */
  client: Promise<PluginClient>;
}

/** Connect a module plugin to a host in the same page. Handlers see `origin: 'in-page'`. */
export function createInPageChannel(options: InPageChannelOptions): InPageChannel {
  const version = negotiate(options.versions ?? PROTOCOL_VERSIONS, PROTOCOL_VERSIONS);
  if (!version) throw new BridgeError('UNSUPPORTED', 'no common protocol version');
  const core = hostCore({ heartbeat: false, ...options, origin: 'in-page' }, () => {});
  const ch = new MessageChannel();
  core.attach(ch.port1, version, () => {});
  return {
    host: core.endpoint,
    client: createPluginClient(ch.port2, {
      pluginId: options.pluginId,
      version,
      callTimeout: options.callTimeout,
    }),
  };
}
