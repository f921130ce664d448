// A tiny static server on loopback for the bench pages. One port, two sites: pages are opened on
// http://localhost:<port> (the portal) and plugin frames on http://127.0.0.1:<port> (a different
// site, so Chromium puts them in another process, as a vendor's frame would be).
//
// Every response is cross-origin isolated (COOP same-origin + COEP require-corp, and CORP
// cross-origin so the other site may embed it): the portal page then gets 5 us timers instead of
// the 0.1 ms that Chromium gives pages that are not isolated (TOOLCHAIN.md pitfall 13).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Serves `root` read-only; resolves with `{ port, close() }`. */
export function serve(root) {
  const server = createServer(async (req, res) => {
    const headers = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'cross-origin',
      // bundles may be cached like a CDN would; pages never
      'cache-control': 'no-store',
    };
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(root + sep) || req.method !== 'GET')
        throw Object.assign(new Error('no'), { code: 'ENOENT' });
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/javascript')) headers['cache-control'] = 'max-age=3600';
      res.writeHead(200, { ...headers, 'content-type': type, 'content-length': body.length });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: server.address().port,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    );
  });
}
