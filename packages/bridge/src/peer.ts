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
  /** Handle an event (`{event, data}`) from the other side. */
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
  /** Pending calls: resolve, reject, the tick of their timeout's clock they started in, method, timeout. */
  const pending = new Map<
    RequestId,
    [(v: unknown) => void, (e: BridgeError) => void, number, string, number]
  >();
  const post = (m: unknown) => {
    try {
      port.postMessage(m);
      return true;
    } catch {
      return false;
    }
  };
  const answer = (id: RequestId, method: string, result: unknown) => {
    // A result that cannot be cloned still gets an answer, never silence.
    if (!closed && !post({ id, result: result === undefined ? null : result }))
      post({ id, error: { code: 'INTERNAL', message: `${method} returned an uncloneable result` } });
  };
  const refuse = (id: RequestId, method: string, e: unknown) => {
    if (!closed) post({ id, error: (h.fault ?? toWireError)(e, method) });
  };
  // Synchronous results are answered in the same task: no promise hop, no closure per request
  // (a cross-site round trip pays for every allocation twice: once per process).
  const reply = (id: RequestId, method: unknown, params: unknown) => {
    const name = String(method);
    let r: unknown;
    try {
      if (typeof method != 'string') throw new BridgeError('INVALID_PARAMS', 'method must be a string');
      r = h.request(method, params);
    } catch (e) {
      return refuse(id, name, e);
    }
    if (typeof (r as PromiseLike<unknown>)?.then == 'function')
      (r as PromiseLike<unknown>).then(
        (v) => answer(id, name, v),
        (e) => refuse(id, name, e),
      );
    else answer(id, name, r);
  };
  // Timeouts without reading the clock per call: performance.now() cost more than all the rest
  // of a cross-site round trip's JavaScript together here (a system call in a VM). Each timeout
  // value has a clock that ticks every quarter of it, only while calls with that timeout wait; a
  // call fails on the fifth tick after the one it started in: after 1 to 1.25 times its timeout.
  const clocks = new Map<number, { tick: number; timer: ReturnType<typeof setTimeout> | 0 }>();
  const tickOf = (ms: number): number => {
    let c = clocks.get(ms);
    if (!c) clocks.set(ms, (c = { tick: 0, timer: 0 }));
    if (!c.timer) {
      const clock = c;
      const tick = () => {
        clock.tick++;
        clock.timer = 0;
        for (const [id, p] of pending) {
          if (p[4] !== ms) continue;
          if (clock.tick - p[2] >= 5) {
            pending.delete(id);
            p[1](new BridgeError('TIMEOUT', `${p[3]}: no reply within ${ms} ms`));
          } else clock.timer ||= setTimeout(tick, ms / 4);
        }
      };
      c.timer = setTimeout(tick, ms / 4);
    }
    return c.tick;
  };

  port.onmessage = ({ data: m }) => {
    if (closed || !isObj(m)) return;
    const id = m.id;
    if ('method' in m) {
      // A request without a usable id cannot be answered: drop it.
      if (!isId(id)) return;
      h.seen?.();
      reply(id, m.method, m.params);
    } else if ('event' in m) {
      if (typeof m.event == 'string') {
        h.seen?.();
        h.event(m.event, m.data);
      }
    } else {
      // Map.get takes any key: an unknown or malformed id simply finds nothing.
      const p = pending.get(id as RequestId);
      if (!p) return;
      h.seen?.();
      pending.delete(id as RequestId);
      const err = m.error;
      if (err === undefined) p[0](m.result);
      else {
        const code = isObj(err) && (ERROR_CODES as readonly unknown[]).includes(err.code);
        p[1](
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
        pending.set(id, [ok, fail, timeout > 0 ? tickOf(timeout) : 0, method, timeout]);
        if (!post(params === undefined ? { id, method } : { id, method, params })) {
          fail(new BridgeError('INVALID_PARAMS', `${method}: params cannot be cloned`));
          pending.delete(id);
        }
      });
    },
    emit: (event, data) => !closed && post({ event, data }),
    close(bye) {
      if (closed) return;
      if (bye) post({ event: 'bye' });
      closed = true;
      for (const c of clocks.values()) clearTimeout(c.timer);
      port.onmessage = null;
      port.close();
      for (const [, fail] of pending.values()) fail(new BridgeError('DISCONNECTED', 'connection closed'));
      pending.clear();
    },
  };
  return peer;
}
