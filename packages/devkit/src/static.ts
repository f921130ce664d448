// Read-only static files with correct content types, no directory listings, no dotfiles and no
// way out of the root (percent-encoded `..`, backslashes, NUL and symlinks all checked).
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { HttpError } from './http.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.d.ts': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** The content type for a file name. */
export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Resolve `rel` (a URL path below a mount, still percent-encoded) inside `root`, or throw a 4xx.
 * Returns the absolute file path; a directory resolves to its `index.html`.
 */
export async function resolveStatic(root: string, rel: string): Promise<{ file: string; redirect?: string }> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    throw new HttpError(400, 'bad_path', 'the path has invalid percent-encoding');
  }
  if (decoded.includes('\0') || decoded.includes('\\'))
    throw new HttpError(400, 'bad_path', 'the path contains a forbidden character');
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.'))
    throw new HttpError(400, 'bad_path', 'the path may not contain . or .. segments');
  if (segments.some((s) => s.startsWith('.'))) throw new HttpError(404, 'not_found', 'no such file');
  const base = resolve(root);
  let file = resolve(join(base, ...segments));
  if (file !== base && !file.startsWith(base + sep))
    throw new HttpError(400, 'bad_path', 'the path leaves the served folder');
  let info = await stat(file).catch(() => undefined);
  if (!info) throw new HttpError(404, 'not_found', 'no such file');
  if (info.isDirectory()) {
    // a folder without its trailing slash: redirect so relative URLs in its index.html resolve
    if (!rel.endsWith('/') && rel !== '') return { file, redirect: '/' };
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
    if (!info?.isFile())
      throw new HttpError(404, 'not_found', 'no index.html in this folder (listings are off)');
  }
  if (!info.isFile()) throw new HttpError(404, 'not_found', 'no such file');
  // symlinks must not lead out of the served folder either
  const real = await realpath(file);
  const realBase = await realpath(base);
  if (!real.startsWith(realBase + sep)) throw new HttpError(404, 'not_found', 'no such file');
  return { file };
}

/** Stream a file resolved by {@link resolveStatic}. */
export async function sendFile(
  res: ServerResponse,
  file: string,
  head: boolean,
  headers: Record<string, string> = {},
): Promise<void> {
  const info = await stat(file);
  res.writeHead(200, {
    'content-type': contentType(file),
    'content-length': info.size,
    'cache-control': 'no-cache',
    'last-modified': info.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  if (head) {
    res.end();
    return;
  }
  await new Promise<void>((ok, fail) => {
    const stream = createReadStream(file);
    stream.on('error', fail);
    res.on('close', () => {
      stream.destroy();
      ok();
    });
    stream.pipe(res).on('finish', ok);
  });
}
