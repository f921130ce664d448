/**
 * The RPC core both sides run on their MessagePort: requests with ids, replies, events,
 * per-call timeouts. Kept small because the plugin SDK carries it.
 * @module
 */
import { BridgeError, ERROR_CODES, type RequestId, type WireErrorCode } from './protocol.js';

/** One side of a connected port. */
export interface Peer {
  /** Send a request; rejects with a {@link BridgeError} (`TIMEOUT` after `timeout` ms when > 0). */
  call(method: string, params: unknown, timeout: number): Promise<unknown>;
  /** Send an event; false when closed or the data cannot be cloned. */
  emit(event: string, data?: unknown): boolean;
  /** Close the port; pending calls reject with `DISCONNECTED`. Says `bye` first when `bye` is set. */
  close(bye?: boolean): void;
  readonly closed: boolean;
}

/** What a peer does with inbound traffic. */
export interface PeerHandlers {
  /** Answer a request: return (or resolve) the result, or throw a {@link BridgeError}. */
  request(method: string, params: unknown): unknown;
  event(name: string, data: unknown): void;
  /** Any well-formed inbound message (liveness). */
  seen?(): void;
  /** Turns a thrown value into a wire error; the default keeps BridgeError codes, else INTERNAL. */
  fault?(e: unknown, method: string): { code: WireErrorCode; message: string };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && v !== null;
const isId = (v: unknown): v is RequestId =>
  (typeof v == 'number' && v === v) || (typeof v == 'string' && v.length < 65);

/** A wire error from anything thrown: BridgeError codes pass, everything else is INTERNAL. */
export function toWireError(e: unknown, method: string): { code: WireErrorCode; message: string } {
  const code = (e as BridgeError)?.code;
  return (ERROR_CODES as readonly unknown[]).includes(code)
    ? { code: code as WireErrorCode, message: String((e as Error).message) }
    : { code: 'INTERNAL', message: `${method} failed` };
}

/** Run the protocol on `port` (started here). */
export function createPeer(port: MessagePort, h: PeerHandlers): Peer {
  let seq = 0;
  let closed = false;
  const pending = new Map<RequestId, [(v: unknown) => void, (e: BridgeError) => void]>();
  const post = (m: unknown) => {
    try {
      port.postMessage(m);
      return true;
    } catch {
      return false;
    }
  };
  const reply = (id: RequestId, method: string, p: Promise<unknown>) =>
    p.then(
      (result) => {
        // A result that cannot be cloned still gets an answer, never silence.
        if (!closed && !post({ id, result: result === undefined ? null : result }))
          post({ id, error: { code: 'INTERNAL', message: `${method} returned an uncloneable result` } });
      },
      (e) => {
        if (!closed) post({ id, error: (h.fault ?? toWireError)(e, method) });
      },
    );

  port.onmessage = ({ data: m }) => {
    if (closed || !isObj(m)) return;
    const id = m.id;
    if ('method' in m) {
      // A request without a usable id cannot be answered: drop it.
      if (!isId(id)) return;
      h.seen?.();
      const method = m.method;
      reply(
        id,
        String(method),
        typeof method != 'string'
          ? Promise.reject(new BridgeError('INVALID_PARAMS', 'method must be a string'))
          : new Promise((r) => r(h.request(method, m.params))),
      );
    } else if ('event' in m) {
      if (typeof m.event == 'string') {
        h.seen?.();
        h.event(m.event, m.data);
      }
    } else if (isId(id) && pending.has(id)) {
      h.seen?.();
      const [ok, fail] = pending.get(id)!;
      pending.delete(id);
      const err = m.error;
      if (err === undefined) ok(m.result);
      else {
        const code = isObj(err) && (ERROR_CODES as readonly unknown[]).includes(err.code);
        fail(
          new BridgeError(
            code ? (err.code as WireErrorCode) : 'INTERNAL',
            isObj(err) && typeof err.message == 'string' ? err.message : 'malformed error reply',
          ),
        );
      }
    }
  };
  port.start();

  const peer: Peer = {
    get closed() {
      return closed;
    },
    call(method, params, timeout) {
      return new Promise((ok, fail) => {
        if (closed) return fail(new BridgeError('DISCONNECTED', `${method}: not connected`));
        const id = ++seq;
        let timer: ReturnType<typeof setTimeout> | undefined;
        pending.set(id, [(v) => (clearTimeout(timer), ok(v)), (e) => (clearTimeout(timer), fail(e))]);
        if (timeout > 0)
          timer = setTimeout(() => {
            pending.delete(id);
            fail(new BridgeError('TIMEOUT', `${method}: no reply within ${timeout} ms`));
          }, timeout);
        if (!post(params === undefined ? { id, method } : { id, method, params })) {
          pending.get(id)![1](new BridgeError('INVALID_PARAMS', `${method}: params cannot be cloned`));
          pending.delete(id);
        }
      });
    },
    emit: (event, data) => !closed && post({ event, data }),
    close(bye) {
      if (closed) return;
      if (bye) post({ event: 'bye' });
      closed = true;
      port.onmessage = null;
      port.close();
      for (const [, fail] of pending.values()) fail(new BridgeError('DISCONNECTED', 'connection closed'));
      pending.clear();
    },
  };
  return peer;
}
