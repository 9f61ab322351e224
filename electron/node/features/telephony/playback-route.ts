import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { telephonyOf } from './services';

export const RECORDING_ROUTE = /^\/media\/recordings\/(\d+)(\?.*)?$/;

/**
 * GET /media/recordings/<id> on the web host: streams a recording to the in-app player, with
 * Range support (seek). The session cookie is checked like an API call (logged in, not locked,
 * allowed to play this recording); `?download=1` also needs the export permission.
 * Returns the HTTP status it answered with.
 */
export function serveRecording(core: Core, token: string | null, req: IncomingMessage, res: ServerResponse): number {
  const m = RECORDING_ROUTE.exec(req.url ?? '');
  const send = (status: number) => {
    res.writeHead(status, { 'cache-control': 'no-store' }).end();
    return status;
  };
  if (!m) return send(404);
  const s = core.auth.resolve(token);
  if (!s) return send(401);
  if (s.locked || s.mustChangePassword) return send(423);
  const download = new URLSearchParams(m[2]?.slice(1) ?? '').get('download') === '1';
  if (download && !core.auth.hasPermission(s, 'recordings.export')) return send(403);
  let f;
  try {
    f = telephonyOf(core).recordings.file(s, Number(m[1]));
  } catch (e) {
    return send(e instanceof AppError && e.code === 'FORBIDDEN' ? 403 : 404);
  }
  const size = fs.statSync(f.file).size;
  const headers: Record<string, string> = {
    'content-type': f.mime,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (download) headers['content-disposition'] = `attachment; filename="${f.fileName}"`;
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && size > 0) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end || start >= size) {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      return 416;
    }
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(f.file, { start, end }).pipe(res);
    return 206;
  }
  res.writeHead(200, { ...headers, 'content-length': String(size) });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(f.file).pipe(res);
  return 200;
}
