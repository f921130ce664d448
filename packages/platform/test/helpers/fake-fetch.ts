// A fetch-level fake of the platform API for browser unit tests: a handler per request, every
// call recorded. The real HTTP path is covered by the node tests against the devkit.
import type { FetchLike } from '@digione/platform';

export interface Call {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  /** performance.now() when the request was made. */
  at: number;
}

export type Handler = (call: Call, signal?: AbortSignal | null) => Response | Promise<Response>;

export function fakeFetch(handler: Handler): FetchLike & { calls: Call[] } {
  const calls: Call[] = [];
  const f = async (input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const call = { method: init.method ?? 'GET', url: new URL(input), headers, body, at: performance.now() };
    calls.push(call);
    if (init.signal?.aborted) throw init.signal.reason;
    return handler(call, init.signal);
  };
  return Object.assign(f, { calls });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A token source that hands out `t1`, `t2`, ... on each forced refresh. */
export function tokens(initial = 't1') {
  let n = Number(initial.slice(1));
  const src = {
    refreshes: 0,
    signedOut: false,
    async getAccessToken(o: { forceRefresh?: boolean } = {}) {
      if (src.signedOut) return null;
      if (o.forceRefresh) {
        src.refreshes++;
        n++;
      }
      return `t${n}`;
    },
  };
  return src;
}

/** A controllable SSE response body; aborting the request errors it, as in a browser. */
export function sseStream(signal?: AbortSignal | null) {
  let ctl!: ReadableStreamDefaultController<Uint8Array>;
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (ctl = c) });
  signal?.addEventListener('abort', () => {
    try {
      ctl.error(signal.reason);
    } catch {
      // already closed
    }
  });
  return {
    response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    send(text: string) {
      ctl.enqueue(enc.encode(text));
    },
    event(type: string, id: string, data: unknown) {
      ctl.enqueue(enc.encode(`event: ${type}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`));
    },
    close() {
      ctl.close();
    },
    error() {
      ctl.error(new TypeError('network error'));
    },
  };
}
