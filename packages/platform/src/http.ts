import { PlatformError, codeForStatus } from './errors.js';

/** `fetch`, or anything shaped like it (tests, a portal's instrumented fetch). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Where API clients get the user's access token. Every `AuthService` of `@digione/context` fits. */
export interface TokenSource {
  /** `forceRefresh`: the last token was refused (401); get a new one if possible. */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string | null>;
}

/**
 * The platform's base URL from an `api` setting: `http://localhost:4000`, or the same with `/api`
 * as the devkit's `/api/config` gives it (the OneRoster paths sit beside `/api`, not under it).
 */
export function apiRoot(api: string): string {
  return api.replace(/\/+$/, '').replace(/\/api$/, '');
}

/** Options of {@link ApiClient}. */
export interface ApiClientOptions {
  /** Base URL of the platform, e.g. `http://localhost:4000` (see {@link apiRoot}). */
  api: string;
  auth: TokenSource;
  fetch?: FetchLike;
}

/** Request options of {@link ApiClient.request}. */
export interface ApiRequest extends Omit<RequestInit, 'body'> {
  /** Sent as a JSON body. */
  json?: unknown;
}

/**
 * A small authenticated JSON client for the platform API: adds the bearer token, turns failures
 * into {@link PlatformError}s, and retries once with a refreshed token after a 401.
 * Aborts reject with the signal's reason, untouched.
 */
export class ApiClient {
  readonly api: string;
  readonly auth: TokenSource;
  readonly #fetch?: FetchLike;

  constructor(options: ApiClientOptions) {
    this.api = apiRoot(options.api);
    this.auth = options.auth;
    this.#fetch = options.fetch;
  }

  /** Absolute URL of an API path (`/api/me`). */
  url(path: string): string {
    return this.api + path;
  }

  /** Send a request; resolves with the response when it is 2xx, otherwise rejects. */
  async request(path: string, init: ApiRequest = {}): Promise<Response> {
    const { json, ...rest } = init;
    let token = await this.auth.getAccessToken();
    for (let attempt = 0; ; attempt++) {
      if (!token) throw new PlatformError('UNAUTHENTICATED', 'not signed in');
      const headers = new Headers(rest.headers);
      headers.set('Authorization', `Bearer ${token}`);
      if (json !== undefined) headers.set('Content-Type', 'application/json');
      let res: Response;
      try {
        // JSON.stringify(undefined) is undefined: no body, as fetch reads an absent one
        // the global fetch called bare (a `this` other than the window would be an illegal invocation)
        res = await (this.#fetch ?? fetch)(this.url(path), { ...rest, headers, body: JSON.stringify(json) });
      } catch (err) {
        if (rest.signal?.aborted) throw rest.signal.reason;
        throw new PlatformError('NETWORK', `${path}: ${String(err)}`);
      }
      if (res.ok) return res;
      if (res.status === 401 && attempt === 0) {
        const fresh = await this.auth.getAccessToken({ forceRefresh: true });
        if (fresh && fresh !== token) {
          token = fresh;
          continue;
        }
      }
      throw await errorOf(res, path);
    }
  }

  /** Send a request and parse its JSON body. */
  async json<T>(path: string, init?: ApiRequest): Promise<T> {
    const res = await this.request(path, init);
    try {
      return (await res.json()) as T;
    } catch {
      throw new PlatformError('INVALID_RESPONSE', `${path}: the response is not JSON`, res.status);
    }
  }
}

/** A {@link PlatformError} from an error response: `{error, message}` or OneRoster's imsx_StatusInfo. */
export async function errorOf(res: Response, path: string): Promise<PlatformError> {
  let detail = res.statusText;
  try {
    const b = (await res.json()) as Record<string, unknown>;
    const m = b.message ?? b.imsx_description ?? b.error;
    if (typeof m === 'string') detail = m;
  } catch {
    // not JSON: the status says enough
  }
  return new PlatformError(codeForStatus(res.status), `${path}: ${res.status} ${detail}`, res.status);
}
