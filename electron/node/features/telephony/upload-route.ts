import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_STATUS, type ApiResult } from '../../../common/api/contract';
import { errorMessage, pickLocale } from '../../../common/i18n/errors';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { OffsetMismatch, type Uploader, type UploadState } from './recording-upload';
import { UPLOAD_MAX_BYTES } from '../../uploads/upload-store';

/**
 * A client seat's resumable recording upload (issue 15), on the host's web server:
 *   POST /media/recordings/upload/<callId>  upload-length, x-dscrm-sha256, x-dscrm-duration-ms,
 *        x-dscrm-complete (1/0), content-type → declares it (上传中) and answers the host's offset;
 *   PUT  /media/recordings/upload/<callId>  content-range: bytes <start>-<end>/<total>, the bytes.
 * Both answer `{ ok, value: { offset, complete } }` with the offset also in `upload-offset`; a PUT
 * starting elsewhere than the host's offset gets 409 with the right one. The session cookie is
 * checked as for an API call (the call must be the session's user's own); on the LAN listener the
 * seat was checked before this route is reached. A locked session may upload: the call may have
 * ended under the idle lock, as its live recording pieces may.
 */
export const RECORDING_UPLOAD_ROUTE = /^\/media\/recordings\/upload\/(\d+)$/;
export const UPLOAD_OFFSET_HEADER = 'upload-offset';
export const UPLOAD_LENGTH_HEADER = 'upload-length';
export const UPLOAD_SHA256_HEADER = 'x-dscrm-sha256';
export const UPLOAD_DURATION_HEADER = 'x-dscrm-duration-ms';
export const UPLOAD_COMPLETE_HEADER = 'x-dscrm-complete';

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

function answer(res: ServerResponse, status: number, body: ApiResult<unknown>, offset?: number): void {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (offset !== undefined) headers[UPLOAD_OFFSET_HEADER] = String(offset);
  res.writeHead(status, headers).end(JSON.stringify(body));
}

/**
 * Reads and drops what the client is still sending, so it sees our answer rather than a reset —
 * up to the upload limit; past that the connection goes (a refused client streaming for ever).
 */
async function discard(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return;
  let n = 0;
  for await (const c of req.iterator({ destroyOnReturn: false })) {
    n += (c as Buffer).length;
    if (n > UPLOAD_MAX_BYTES) {
      req.destroy();
      return;
    }
  }
}

/**
 * `seat`: the paired seat the request came through (LAN listener, already checked), null on
 * loopback. Without a user session the seat's own credential is enough to upload the recording of
 * a call made from that seat (its user may have logged out since); with a session, the session's
 * rules apply as before.
 */
export async function handleRecordingUpload(core: Pick<Core, 'auth' | 'services'>, token: string | null, req: IncomingMessage, res: ServerResponse, seat: { id: number } | null = null): Promise<void> {
  const route = (req.url ?? '').split('?')[0] ?? '';
  const callId = Number(RECORDING_UPLOAD_ROUTE.exec(route)?.[1]);
  let locale = pickLocale(req.headers['accept-language']);
  const fail = async (err: AppError, offset?: number) => {
    await discard(req);
    const details = err.details;
    answer(res, HTTP_STATUS[err.code], { ok: false, error: { code: err.code, message: errorMessage(err.code, locale, details), ...(Object.keys(details).length ? { details } : {}) } }, offset);
  };
  try {
    if (req.method !== 'POST' && req.method !== 'PUT') {
      await discard(req);
      res.writeHead(405, { allow: 'POST, PUT' }).end();
      return;
    }
    const s = core.auth.resolve(token);
    let by: Uploader;
    if (s) {
      locale = s.user.locale;
      if (s.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
      by = { session: s };
    } else if (seat) {
      by = { seatId: seat.id };
    } else {
      throw new AppError('UNAUTHENTICATED');
    }
    if (!Number.isSafeInteger(callId) || callId <= 0) throw new AppError('NOT_FOUND');
    const uploads = core.services.telephony.uploads;
    let state: UploadState;
    if (req.method === 'POST') {
      await discard(req);
      const h = req.headers;
      const duration = h[UPLOAD_DURATION_HEADER];
      state = uploads.declare(by, locale, callId, {
        size: Number(h[UPLOAD_LENGTH_HEADER]),
        sha256: String(h[UPLOAD_SHA256_HEADER] ?? '').toLowerCase(),
        mime: String(h['content-type'] ?? ''),
        durationMs: duration === undefined || !/^\d{1,10}$/.test(String(duration)) ? null : Number(duration),
        complete: h[UPLOAD_COMPLETE_HEADER] !== '0',
      });
    } else {
      const range = CONTENT_RANGE.exec(String(req.headers['content-range'] ?? ''));
      if (!range) throw new AppError('INVALID_INPUT', { issues: 'content-range: bytes <start>-<end>/<total>' });
      state = await uploads.receive(by, locale, callId, Number(range[1]), Number(range[3]), req.iterator({ destroyOnReturn: false }));
    }
    answer(res, 200, { ok: true, value: state }, state.offset);
  } catch (err) {
    if (err instanceof OffsetMismatch) return fail(new AppError('CONFLICT', { reason: err.reason }), err.offset);
    if (err instanceof AppError) return fail(err);
    // The seat's connection dropped mid-body: what arrived is kept (.part), the seat resumes from there.
    if (req.destroyed && (err as NodeJS.ErrnoException).code === 'ECONNRESET') return void res.destroy();
    throw err;
  }
}
