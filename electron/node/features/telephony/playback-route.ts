import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../../core';
import { AppError } from '../../errors';

export const RECORDING_ROUTE = /^\/media\/recordings\/(\d+)(\?.*)?$/;

/** What to answer for a recording request, whichever transport carries it (web host, Electron). */
export interface RecordingReply {
  status: number;
  headers: Record<string, string>;
  /** The bytes to send (inclusive range); absent for errors and HEAD. */
  body?: { file: string; start: number; end: number };
}

/**
 * GET /media/recordings/<id>: a recording for the in-app player, with Range support (seek). The
 * session is checked like an API call (logged in, not locked, allowed to play this recording);
 * `?download=1` also needs the export permission. `pathAndQuery` is '/media/recordings/<id>[?…]'.
 */
export function recordingReply(core: Pick<Core, 'auth' | 'services'>, token: string | null, pathAndQuery: string, method: string, rangeHeader: string | undefined): RecordingReply {
  const m = RECORDING_ROUTE.exec(pathAndQuery);
  const fail = (status: number): RecordingReply => ({ status, headers: { 'cache-control': 'no-store' } });
  if (!m) return fail(404);
  const s = core.auth.resolve(token);
  if (!s) return fail(401);
  if (s.locked || s.mustChangePassword) return fail(423);
  const download = new URLSearchParams(m[2]?.slice(1) ?? '').get('download') === '1';
  if (download && !core.auth.hasPermission(s, 'recordings.export')) return fail(403);
  let f;
  try {
    f = core.services.telephony.recordings.file(s, Number(m[1]));
  } catch (e) {
    return fail(e instanceof AppError && e.code === 'FORBIDDEN' ? 403 : 404);
  }
  let size: number;
  try {
    size = fs.statSync(f.file).size;
  } catch {
    return fail(404); // indexed, but the file is gone (deleted by hand, retention): not found, not a crash
  }
  const headers: Record<string, string> = {
    'content-type': f.mime,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (download) headers['content-disposition'] = `attachment; filename="${f.fileName}"`;
  const head = method === 'HEAD';
  const range = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader ?? '');
  if (range && size > 0) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end || start >= size) return { status: 416, headers: { 'content-range': `bytes */${size}` } };
    const partial = { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) };
    return { status: 206, headers: partial, body: head ? undefined : { file: f.file, start, end } };
  }
  return { status: 200, headers: { ...headers, 'content-length': String(size) }, body: head || size === 0 ? undefined : { file: f.file, start: 0, end: size - 1 } };
}

/** The web host's end of recordingReply; returns the HTTP status it answered with. */
export function serveRecording(core: Pick<Core, 'auth' | 'services'>, token: string | null, req: IncomingMessage, res: ServerResponse): number {
  const r = recordingReply(core, token, req.url ?? '', req.method ?? 'GET', req.headers.range);
  res.writeHead(r.status, r.headers);
  if (r.body)
    fs.createReadStream(r.body.file, { start: r.body.start, end: r.body.end })
      .on('error', () => res.destroy())
      .pipe(res);
  else res.end();
  return r.status;
}
