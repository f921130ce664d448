/**
 * Plugin registry, plugin sessions and plugin storage.
 * - Manifests come from `examples/plugins/<name>/manifest.json` (served on the plugin origin at
 *   `/plugins/<name>/`) and from `--plugin` files (served at `/local/<n>/`); relative `entry`,
 *   `module` and `icon` URLs resolve against where the manifest is served. Files are re-read on
 *   every request, so new or edited manifests appear without a restart. Each is checked with the
 *   portals' own validator (`@digione/plugin-host`): an invalid one is skipped with every error
 *   listed by path, and a `--plugin` one that is invalid at start-up stops the start.
 * - A plugin session gives a pairwise subject (HMAC of user and plugin under a key derived from the
 *   seed: stable per user+plugin, different across plugins) and a short-lived RS256 JWT whose
 *   `permissions` claim lists what the portal granted of what the manifest asks for.
 * - Storage is per user and plugin, in memory, with a quota.
 * @module
 */
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SignJWT, type CryptoKey, type KeyObject } from 'jose';
// the manifest module alone: it needs no DOM (the package's index would load the elements)
import { validateManifest, type ManifestError } from '@digione/plugin-host/manifest/manifest.js';
import type { DemoData, UserRecord } from './data/model.js';
import { HttpError } from './http.js';

/** A plugin manifest as served by `/api/plugins` (valid against the manifest schema). */
export type PluginManifest = Record<string, unknown> & { id: string };

/** One error in one manifest: which manifest (its file, or `plugins[i]` for an object), where, what. */
export interface ManifestProblem extends ManifestError {
  manifest: string;
}

/** Where a manifest came from and the folder served for it on the plugin origin. */
interface Source {
  /** The manifest's file, or `plugins[i]` for an object given in code (named so in errors). */
  name: string;
  /** Absolute path of the manifest file, or undefined for an object given in code. */
  file?: string;
  manifest?: PluginManifest;
  /** URL path on the plugin origin where the manifest's folder is served, e.g. `/plugins/hello/`. */
  mount?: string;
}

const URL_FIELDS = ['entry', 'module', 'icon'] as const;
type Obj = Record<string, unknown>;

/** Manifests, and the folders the plugin origin serves for them. */
export class PluginRegistry {
  private readonly extra: Source[] = [];
  private readonly warned = new Set<string>();

  constructor(
    private readonly examplesDir: string,
    private readonly pluginUrl: string,
    extra: ReadonlyArray<string | PluginManifest>,
    private readonly warn: (msg: string) => void,
  ) {
    extra.forEach((e, i) => {
      if (typeof e === 'string') {
        const file = resolve(e);
        if (!existsSync(file)) throw new Error(`plugin manifest not found: ${file}`);
        this.extra.push({ name: file, file, mount: `/local/${i + 1}/` });
      } else {
        this.extra.push({ name: `plugins[${i}]`, manifest: e });
      }
    });
  }

  /** Every error of every extra (`--plugin`) manifest, by manifest and path; empty when all are valid. */
  problems(): ManifestProblem[] {
    return this.extra.flatMap((s) => this.check(s).errors.map((e) => ({ manifest: s.name, ...e })));
  }

  /** Folders to serve on the plugin origin: URL path prefix -> directory. */
  folders(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    if (existsSync(this.examplesDir)) out.push(['/plugins/', this.examplesDir]);
    for (const s of this.extra) if (s.file && s.mount) out.push([s.mount, dirname(s.file)]);
    return out;
  }

  /** Every valid manifest; the `--plugin` ones win over examples with the same id. */
  list(): PluginManifest[] {
    const byId = new Map<string, PluginManifest>();
    for (const s of this.exampleSources()) {
      const m = this.load(s);
      if (m) byId.set(m.id, m);
    }
    for (const s of this.extra) {
      const m = this.load(s);
      if (m) byId.set(m.id, m);
    }
    return [...byId.values()];
  }

  /** One manifest by id. */
  get(id: string): PluginManifest | undefined {
    return this.list().find((m) => m.id === id);
  }

  private exampleSources(): Source[] {
    if (!existsSync(this.examplesDir)) return [];
    return readdirSync(this.examplesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => join(this.examplesDir, d.name, 'manifest.json'))
      .filter((file) => existsSync(file))
      .map((file) => ({ name: file, file, mount: `/plugins/${basename(dirname(file))}/` }));
  }

  private load(s: Source): PluginManifest | undefined {
    const { manifest, errors, missing } = this.check(s);
    if (errors.length) this.warnOnce(s, `skipped ${describe(s.name, errors)}`);
    // valid, but its page is not there: the portal could only wait and say the tool did not start
    else if (missing.length)
      this.warnOnce(
        s,
        `plugin manifest ${s.name}: ${missing.join(', ')} not found beside it (the portal will wait for it)`,
      );
    return manifest;
  }

  /** Read, resolve relative URLs, validate: the manifest, or every error by path. */
  private check(s: Source): { manifest?: PluginManifest; errors: ManifestError[]; missing: string[] } {
    const missing: string[] = [];
    let raw: unknown = s.manifest;
    if (s.file) {
      try {
        raw = JSON.parse(readFileSync(s.file, 'utf8'));
      } catch (e) {
        const what = e instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
        return { errors: [{ path: '', message: `${what}: ${(e as Error).message}` }], missing };
      }
    }
    // a copy with URLs resolved where the folder is served (the validator wants absolute URLs);
    // anything but an object goes to the validator as it is, which says what is wrong with it
    const m = raw && typeof raw == 'object' && !Array.isArray(raw) ? { ...(raw as Obj) } : raw;
    if (s.mount && m && typeof m == 'object') {
      const base = new URL(s.mount, this.pluginUrl);
      for (const f of URL_FIELDS) {
        const v = (m as Obj)[f];
        if (typeof v === 'string' && v && !/^[a-z][a-z0-9+.-]*:/i.test(v)) {
          (m as Obj)[f] = new URL(v, base).href;
          if (s.file && !existsSync(join(dirname(s.file), v.split(/[?#]/)[0]!))) missing.push(`${f} "${v}"`);
        }
      }
    }
    const r = validateManifest(m);
    return r.ok ? { manifest: m as PluginManifest, errors: [], missing } : { errors: r.errors, missing };
  }

  private warnOnce(s: Source, msg: string): void {
    const key = `${s.file}:${s.file && existsSync(s.file) ? statSync(s.file).mtimeMs : ''}:${msg}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(msg);
  }
}

/** `name` and every error on its own line, by path (`/` = the whole manifest), as the portal lists them. */
export function describe(name: string, errors: readonly ManifestError[]): string {
  return [
    `invalid plugin manifest ${name} (${errors.length} error${errors.length === 1 ? '' : 's'}):`,
    ...errors.map((e) => `  ${e.path || '/'}: ${e.message}`),
  ].join('\n');
}

/** Pairwise subjects and plugin tokens. */
export class PluginSessions {
  private readonly secret: Buffer;
  private readonly reverse = new Map<string, { userId: string; pluginId: string }>();
  private readonly indexed = new Set<string>();

  constructor(
    seed: string,
    private readonly data: DemoData,
    private readonly issuer: string,
    private readonly key: CryptoKey | KeyObject,
    private readonly kid: string,
    private readonly ttlSeconds = 300,
  ) {
    this.secret = createHmac('sha256', 'digione-devkit/pairwise').update(seed).digest();
  }

  /** The pairwise subject of a user for a plugin. */
  sub(userId: string, pluginId: string): string {
    const sub = createHmac('sha256', this.secret)
      .update(`${userId}\n${pluginId}`)
      .digest('base64url')
      .slice(0, 32);
    this.reverse.set(sub, { userId, pluginId });
    return sub;
  }

  /** The user behind a pairwise subject for a plugin, or undefined. */
  userFor(sub: string, pluginId: string): UserRecord | undefined {
    let hit = this.reverse.get(sub);
    if (!hit && !this.indexed.has(pluginId)) {
      // a token minted before a restart: index every user once for this plugin
      for (const u of this.data.users) this.sub(u.id, pluginId);
      this.indexed.add(pluginId);
      hit = this.reverse.get(sub);
    }
    if (!hit || hit.pluginId !== pluginId) return undefined;
    return this.data.byId.users.get(hit.userId);
  }

  /**
   * Mint a session for a user and a plugin. `permissions` (what the portal granted, already cut to
   * what the manifest asks for) go into the token as the `permissions` claim: the platform's APIs
   * read it (the OneRoster API wants `roster`), and so may the vendor's backend.
   */
  async mint(
    userId: string,
    pluginId: string,
    permissions: readonly string[] = [],
  ): Promise<{ pluginId: string; sub: string; token: string; expiresAt: number }> {
    const sub = this.sub(userId, pluginId);
    const now = Math.floor(Date.now() / 1000);
    const exp = now + this.ttlSeconds;
    const token = await new SignJWT({ permissions: [...permissions] })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(pluginId)
      .setSubject(sub)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.key);
    return { pluginId, sub, token, expiresAt: exp * 1000 };
  }
}

/** Quotas of plugin storage, per user and plugin. */
export const STORAGE_LIMITS = { bytes: 64 * 1024, keys: 100, keyLength: 256 } as const;

/** Cookie-less key-value storage for plugins, per user and plugin. */
export class PluginStorage {
  private readonly spaces = new Map<string, Map<string, string>>();

  private space(userId: string, pluginId: string): Map<string, string> {
    const k = `${userId}\n${pluginId}`;
    let s = this.spaces.get(k);
    if (!s) {
      s = new Map();
      this.spaces.set(k, s);
    }
    return s;
  }

  get(userId: string, pluginId: string, key: string): unknown {
    checkKey(key);
    const v = this.space(userId, pluginId).get(key);
    return v === undefined ? undefined : JSON.parse(v);
  }

  set(userId: string, pluginId: string, key: string, value: unknown): void {
    checkKey(key);
    const s = this.space(userId, pluginId);
    const text = JSON.stringify(value);
    if (!s.has(key) && s.size >= STORAGE_LIMITS.keys) {
      throw new HttpError(
        413,
        'quota_exceeded',
        `a plugin may keep at most ${STORAGE_LIMITS.keys} keys per user`,
      );
    }
    let used = Buffer.byteLength(key) + Buffer.byteLength(text);
    for (const [k, v] of s) if (k !== key) used += Buffer.byteLength(k) + Buffer.byteLength(v);
    if (used > STORAGE_LIMITS.bytes) {
      throw new HttpError(
        413,
        'quota_exceeded',
        `a plugin may keep at most ${STORAGE_LIMITS.bytes} bytes per user (keys and JSON values); this would make ${used}`,
      );
    }
    s.set(key, text);
  }

  delete(userId: string, pluginId: string, key: string): boolean {
    checkKey(key);
    return this.space(userId, pluginId).delete(key);
  }
}

function checkKey(key: string): void {
  if (!key || key.length > STORAGE_LIMITS.keyLength || /[\u0000-\u001f\u007f]/.test(key)) {
    throw new HttpError(
      400,
      'invalid_key',
      `a storage key is 1-${STORAGE_LIMITS.keyLength} characters without control characters`,
    );
  }
}
