/**
 * `@digione/bridge`: the DigiOne host <-> plugin protocol, version 1. The host side
 * ({@link createHostEndpoint}, {@link createInPageChannel}, {@link createLtiListener}), the
 * plugin side ({@link createPluginClient}, wrapped by `@digione/plugin-sdk`), the message types,
 * validators and errors. Wire format: `docs/protocol.md`.
 * @packageDocumentation
 */
export * from './protocol.js';
export { createPeer, toWireError, type Peer, type PeerHandlers } from './peer.js';
export { LIMITS, PARAMS_MAX_BYTES, isPluginPath, validateParams, validators } from './validate.js';
export {
  assertOrigin,
  createHostEndpoint,
  type CallContext,
  type DisconnectReason,
  type HostEndpoint,
  type HostEndpointOptions,
  type HostHandler,
  type HostHandlers,
  type HostState,
} from './host.js';
export {
  createPluginClient,
  type CallOptions,
  type ClientOptions,
  type PluginClient,
  type PluginClientEvents,
} from './client.js';
export { createInPageChannel, type InPageChannel, type InPageChannelOptions } from './in-page.js';
export { createLtiListener, type LtiListener, type LtiListenerOptions, type LtiStorage } from './lti.js';
