import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.webm': 'audio/webm',
};

/** Serves the built renderer; unknown paths fall back to index.html (one-page app). */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    // Malformed percent-encoding ("/%c0") is the client's mistake, not a reason to throw.
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request: malformed URL');
    return;
  }
  const full = path.resolve(root, '.' + path.posix.normalize(rel));
  // Refuse anything that escapes the renderer folder.
  if (!full.startsWith(path.resolve(root) + path.sep) && full !== path.resolve(root)) {
    res.writeHead(403).end();
    return;
  }
  if (rel.includes('\0')) {
    res.writeHead(400).end();
    return;
  }
  let file = full;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The renderer is not built. Run: npm run build:renderer\n界面尚未构建,请运行 npm run build:renderer');
    return;
  }
  const ext = path.extname(file);
  const isIndex = path.basename(file) === 'index.html';
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // Hashed assets can be cached; the page itself never, so a rebuilt app is picked up.
    'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  // A file removed between the check and the read (a rebuild) ends this response, not the process.
  fs.createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
