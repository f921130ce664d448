/**
 * The portal's plugins: manifests loaded from a URL (the platform's `/api/plugins`) or given as
 * an array, each validated; invalid ones are skipped and reported, the rest load on. The registry
 * also carries the portal's {@link PluginPolicy} (what it grants), so one object provided through
 * {@link registryContext} tells every `<d1-plugin-host>` both what a plugin is and what it may do.
 * @module
 */
import { createContext } from '@lit/context';
import type { PlatformRole } from '@digione/context';
import { validateManifest, type ManifestError, type PluginManifest } from '../manifest/manifest.js';
import type { PluginPolicy } from '../host/permissions.js';

/** A manifest that was skipped, and why. */
export interface RegistryError {
  /** Position in the loaded list. */
  index: number;
  /** The manifest's `id` when it had a string one. */
  id?: string;
  errors: ManifestError[];
}

/** Where loading stands. */
export type RegistryState = 'idle' | 'loading' | 'loaded' | 'error';

/** `detail` of the registry's `invalid` event. */
export type RegistryInvalidEvent = CustomEvent<RegistryError>;

/** Options of {@link PluginRegistry}. */
export interface PluginRegistryOptions {
  /** What the portal grants; default: nothing beyond the base context. */
  policy?: PluginPolicy;
  /** Manifests to start with. */
  manifests?: readonly unknown[];
}

/**
 * Valid manifests by id. Events: `change` (the list changed), `invalid` (a manifest was skipped;
 * `detail` is a {@link RegistryError}), `error` (a load failed; see {@link loadError}).
 */
export class PluginRegistry extends EventTarget {
  /** What the portal grants each plugin. */
  policy: PluginPolicy;
  #byId = new Map<string, PluginManifest>();
  #errors: RegistryError[] = [];
  #state: RegistryState = 'idle';
  #loadError: Error | null = null;
  #loading: Promise<this> | null = null;

  constructor(options: PluginRegistryOptions = {}) {
    super();
    this.policy = options.policy ?? {};
    if (options.manifests) this.set(options.manifests);
  }

  /** Where loading stands: `loading` while a {@link load} runs. */
  get state(): RegistryState {
    return this.#state;
  }

  /** Why the last load failed, or null. */
  get loadError(): Error | null {
    return this.#loadError;
  }

  /** The manifests skipped by the last {@link set} or {@link load}, with every error of each. */
  get errors(): readonly RegistryError[] {
    return this.#errors;
  }

  /** Settles when the current load does (at once when none runs). */
  get ready(): Promise<this> {
    return this.#loading ?? Promise.resolve(this);
  }

  /** A plugin by id. */
  get(id: string): PluginManifest | undefined {
    return this.#byId.get(id);
  }

  /** Every valid manifest, in the order given. */
  list(): PluginManifest[] {
    return [...this.#byId.values()];
  }

  /** The plugins a role may see (null: nobody signed in, only plugins without `roles`). */
  visibleFor(role: PlatformRole | null): PluginManifest[] {
    return this.list().filter((m) => isVisibleFor(m, role));
  }

  /**
   * Replace the list with `manifests`. Invalid ones, and repeats of an id already taken (the first
   * wins), are skipped and reported through {@link errors} and `invalid` events.
   */
  set(manifests: readonly unknown[]): this {
    const byId = new Map<string, PluginManifest>();
    const errors: RegistryError[] = [];
    manifests.forEach((json, index) => {
      const r = validateManifest(json);
      const id = (json as { id?: unknown } | null)?.id;
      // the id is reported when the manifest has a non-empty string one
      const fail = (errs: ManifestError[]) =>
        errors.push({ index, ...(typeof id == 'string' && id ? { id } : {}), errors: errs });
      if (!r.ok) fail(r.errors);
      else if (byId.has(r.manifest.id))
        fail([{ path: '/id', message: `repeats "${r.manifest.id}", already registered` }]);
      else byId.set(r.manifest.id, r.manifest);
    });
    this.#byId = byId;
    this.#errors = errors;
    this.#state = 'loaded';
    for (const e of errors) {
      console.warn(
        `[d1-plugin-host] skipped plugin manifest #${e.index}${e.id ? ` (${e.id})` : ''}:`,
        e.errors,
      );
      this.dispatchEvent(new CustomEvent('invalid', { detail: e }));
    }
    this.dispatchEvent(new Event('change'));
    return this;
  }

  /**
   * Load manifests from `source`: a URL answering a JSON array (the devkit's `/api/plugins`), or
   * an array. Resolves when done; rejects (and sets {@link loadError}) when the list cannot be
   * fetched or is not an array. Invalid manifests never reject: they are skipped and reported.
   */
  load(source: string | URL | readonly unknown[], init?: RequestInit): Promise<this> {
    if (Array.isArray(source)) return Promise.resolve(this.set(source));
    this.#state = 'loading';
    this.#loadError = null;
    this.dispatchEvent(new Event('change'));
    const run: Promise<this> = (async () => {
      try {
        const res = await fetch(source as string | URL, { credentials: 'omit', ...init });
        if (!res.ok) throw new Error(`plugin list ${String(source)}: HTTP ${res.status}`);
        const json: unknown = await res.json();
        const list = Array.isArray(json) ? json : (json as { plugins?: unknown })?.plugins;
        if (!Array.isArray(list)) throw new Error(`plugin list ${String(source)}: not a JSON array`);
        return this.set(list);
      } catch (e) {
        this.#state = 'error';
        this.#loadError = e instanceof Error ? e : new Error(String(e));
        this.dispatchEvent(new Event('error'));
        this.dispatchEvent(new Event('change'));
        throw this.#loadError;
      } finally {
        // cleared by the run itself once settled, unless a newer load replaced it
        queueMicrotask(() => {
          if (this.#loading === run) this.#loading = null;
        });
      }
    })();
    this.#loading = run;
    return run;
  }
}

/** Whether `role` may see the plugin: listed in `roles`, or `roles` omitted. */
export function isVisibleFor(m: PluginManifest, role: PlatformRole | null): boolean {
  return !m.roles || (role !== null && m.roles.includes(role));
}

/**
 * The portal's {@link PluginRegistry}, for `<d1-plugin-host>` elements below a provider. A portal
 * (or `<d1-shell>`) provides it with `new ContextProvider(el, { context: registryContext,
 * initialValue: registry })`.
 */
export const registryContext = createContext<PluginRegistry | undefined>(Symbol.for('d1-plugin-registry'));
