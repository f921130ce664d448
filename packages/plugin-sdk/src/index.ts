/**
 * `@digione/plugin-sdk`: what a vendor imports inside a DigiOne plugin.
 *
 * ```ts
 * import { connect } from '@digione/plugin-sdk';
 * const d1 = await connect({ hostOrigins: ['https://portal.example.fi'] });
 * render(d1.context);
 * d1.on('context', render);
 * ```
 * No runtime dependency besides `@digione/bridge`'s plugin side; under 3 KB min+gzip.
 * @packageDocumentation
 */
import {
  BridgeError,
  PROTOCOL_VERSIONS,
  createPluginClient,
  type HelloMessage,
  type PluginClient,
} from '@digione/bridge';

export {
  BridgeError,
  type BridgeErrorCode,
  type CallOptions,
  type HostMethod,
  type HostMethods,
  type LocalizedText,
  type NavigateParams,
  type NotifyParams,
  type PluginClient,
  type PluginClientEvents,
  type PluginContext,
  type PluginPermission,
  type Severity,
} from '@digione/bridge';

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** Exact origins of the portals allowed to host this plugin, e.g. `['https://portal.example.fi']`. Never `*`. */
  hostOrigins: readonly string[];
  /** Milliseconds to wait for the host's welcome and the first context (default 10000). */
  timeout?: number;
  /** Default per-call timeout in ms (default 10000); each call can override it. */
  callTimeout?: number;
  /** Keep the frame as tall as the document (default true). */
  autoResize?: boolean;
}

/**
 * Connect to the host portal. Resolves with a {@link PluginClient} once the handshake is done
 * and the context has arrived. Rejects with a `BridgeError`:
 * `NOT_EMBEDDED` at once when the page is not in a frame (show a standalone page then),
 * `TIMEOUT` naming what it waited for (no welcome from any of `hostOrigins`, e.g. because the
 * page is embedded by another origin), `UNSUPPORTED` when the host speaks no common version,
 * `INVALID_PARAMS` for bad options.
 */
export function connect(options: ConnectOptions): Promise<PluginClient> {
  const { hostOrigins: origins, timeout = 10000 } = options;
  return new Promise((resolve, reject) => {
    const parent = window.parent;
    if (parent === window) return reject(new BridgeError('NOT_EMBEDDED', 'not inside a host frame'));
    const bad = (m: string) => reject(new BridgeError('INVALID_PARAMS', `hostOrigins${m}`));
    if (!Array.isArray(origins) || !origins.length) return bad(' must list exact http(s) origins');
    // Name the entry that is wrong; a slash or a path after the host is the usual slip.
    for (const o of origins)
      if (!/^https?:\/\/[^/*]+$/.test(o))
        return bad(
          /^https?:\/\/[^/*]+\//.test(o)
            ? `: "${o}" has a path; an origin has none (use "${o.replace(/(\/\/[^/]+).*/, '$1')}")`
            : `: ${JSON.stringify(o)} is not an exact http(s) origin`,
        );
    const instance = Math.random().toString(36).slice(2);
    const hello: HelloMessage = { type: 'd1.hello', versions: [...PROTOCOL_VERSIONS], instance };
    let retry: ReturnType<typeof setTimeout>;
    let waiting = `welcome from ${origins.join(' or ')}`;
    let late = false;
    const end = () => {
      clearTimeout(retry);
      clearTimeout(timer);
      removeEventListener('message', onMessage);
    };
    const timer = setTimeout(() => {
      late = true;
      end();
      reject(new BridgeError('TIMEOUT', `connect: no ${waiting} within ${timeout} ms`));
    }, timeout);
    // The host may start listening after this document runs: repeat hello, backing off, until answered.
    const send = (delay: number) => {
      for (const o of origins) parent.postMessage(hello, o);
      retry = setTimeout(send, delay, Math.min(delay * 2, 1000));
    };
    const onMessage = (e: MessageEvent) => {
      const d = e.data;
      if (e.source !== parent || !origins.includes(e.origin) || d?.instance !== instance) return;
      if (d.type === 'd1.reject') {
        end();
        reject(new BridgeError('UNSUPPORTED', String(d.error?.message)));
      } else if (d.type === 'd1.welcome' && e.ports[0] && typeof d.version == 'string') {
        removeEventListener('message', onMessage);
        clearTimeout(retry);
        waiting = 'context.get reply';
        createPluginClient(e.ports[0], {
          pluginId: String(d.pluginId),
          version: d.version,
          callTimeout: options.callTimeout,
          autoResize: options.autoResize ?? true,
        }).then(
          // Too late: the caller has the TIMEOUT already, so let the host know we are gone.
          (c) => (late ? c.disconnect() : (end(), resolve(c))),
          (err) => (end(), reject(err)),
        );
      }
    };
    addEventListener('message', onMessage);
    send(50);
  });
}
