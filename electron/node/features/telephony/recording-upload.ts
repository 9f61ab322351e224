import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../../common/i18n/errors';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../data-folder/permissions';
import { formatBytes, UPLOAD_MAX_BYTES } from '../../uploads/upload-store';
import type { CallLog } from './call-log';
import { msg } from './messages';
import { writeAudit } from '../admin';
import { recordingRelPath } from './recordings';

/** What a client seat declares before sending a spooled recording (issue 15). */
export interface UploadDeclaration {
  size: number;
  sha256: string;
  mime: string;
  durationMs: number | null;
  /** False for a recording cut short (the seat closed mid-call): kept, shown 不完整. */
  complete: boolean;
}

/**
 * Who sends the recording: a session of the call's own user, or — when no user is logged in on the
 * seat any more (the next user at the desk, the PC left at the login page) — the LAN seat the call
 * was started through, by its pairing credential alone. That credential may upload the recording
 * of a call made from that seat and nothing else (docs/security.md).
 */
export type Uploader = { session: SessionCtx } | { seatId: number };

/** The call an uploader may send the recording of: its customer, and whose it is for the audit row. */
interface UploadableCall {
  customerId: number | null;
  auditUserId: number | null;
  seatId: number | null;
}

/** How far the host is: the bytes it holds of the declared file, and whether the recording is in place. */
export interface UploadState {
  offset: number;
  complete: boolean;
}

interface UpRow {
  id: number;
  path: string;
  size_bytes: number;
  complete: number;
  upload_sha256: string | null;
  duration_ms: number | null;
}

/**
 * The seat must go on from `offset`: it sent bytes from elsewhere, or (offset 0) all bytes arrived
 * but their SHA-256 was not the declared one, so they were dropped. Worth retrying, unlike a refusal.
 */
export class OffsetMismatch extends Error {
  constructor(
    readonly offset: number,
    readonly reason = `offset ${offset}`,
  ) {
    super(reason);
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const partOf = (file: string) => `${file}.part`;
const sizeOf = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

function sha256Of(file: string): string {
  const h = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

/**
 * The host's end of a client seat's recording upload (issue 15). A seat records to its own disk and
 * sends the finished file afterwards, resumably: `declare` creates the recording row in the 上传中
 * state (upload_sha256 set, size_bytes = the declared size) and answers how many bytes the host has;
 * `receive` appends the next bytes to `<file>.part`, which is only moved to the recording's path —
 * and the row marked present — when its size and SHA-256 equal what the seat declared. Until then
 * the file the player would open does not exist, so a partial upload is never playable.
 * Only the call's own user may upload its recording, as for the live pieces (calls.own).
 */
export class RecordingUploads {
  constructor(
    private core: Pick<Core, 'clock' | 'dataDir' | 'db' | 'sqlite'>,
    private calls: CallLog,
  ) {}

  private row(callId: number): UpRow | undefined {
    return this.core.sqlite
      .prepare<[number], UpRow>('select id, path, size_bytes, complete, upload_sha256, duration_ms from recordings where call_id = ? and deleted_at is null order by id desc limit 1')
      .get(callId);
  }

  private file(rel: string): string {
    return path.join(this.core.dataDir, rel);
  }

  /**
   * The call, if this uploader may send its recording: a session only for its own user's call (as
   * for the live pieces); a seat only for a call a session on that seat started. Anything else is
   * FORBIDDEN (final: the seat sets its copy aside) or NOT_FOUND.
   */
  private uploadable(by: Uploader, locale: Locale, callId: number): UploadableCall {
    if ('session' in by) {
      const call = this.calls.own(by.session, locale, callId);
      return { customerId: call.customerId, auditUserId: by.session.user.id, seatId: null };
    }
    const call = this.core.sqlite
      .prepare<[number], { customerId: number | null; seatId: number | null }>('select customer_id as customerId, seat_id as seatId from calls where id = ?')
      .get(callId);
    if (!call) throw new AppError('NOT_FOUND');
    if (call.seatId !== by.seatId) throw new AppError('FORBIDDEN', { reason: msg('notThisSeatsCall', locale) });
    // No user acted: the audit row names the seat instead.
    return { customerId: call.customerId, auditUserId: null, seatId: by.seatId };
  }

  declare(by: Uploader, locale: Locale, callId: number, d: UploadDeclaration): UploadState {
    const call = this.uploadable(by, locale, callId);
    if (!Number.isSafeInteger(d.size) || d.size < 0 || !SHA256_HEX.test(d.sha256) || !d.mime || d.mime.length > 100)
      throw new AppError('INVALID_INPUT', { issues: msg('badUpload', locale) });
    if (d.size > UPLOAD_MAX_BYTES) throw new AppError('TOO_LARGE', { size: formatBytes(d.size), max: formatBytes(UPLOAD_MAX_BYTES) });
    const rec = this.row(callId);
    if (rec && rec.upload_sha256 === null) {
      // Already here: the seat lost our last answer, or the call was recorded on the host itself.
      if (rec.complete === 1 && rec.size_bytes === d.size) return { offset: d.size, complete: true };
      throw new AppError('CONFLICT', { reason: msg('recordingFinished', locale) });
    }
    if (!rec) {
      const rel = recordingRelPath(this.core.clock.now(), callId, d.mime);
      fs.mkdirSync(path.dirname(this.file(rel)), { recursive: true, mode: PRIVATE_DIR_MODE });
      this.core.sqlite
        .prepare('insert into recordings (call_id, customer_id, path, mime, size_bytes, duration_ms, complete, upload_sha256, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(callId, call.customerId, rel, d.mime, d.size, d.durationMs, d.complete ? 1 : 0, d.sha256, this.core.clock.now());
      if (d.size > 0) return { offset: 0, complete: false };
      fs.writeFileSync(partOf(this.file(rel)), Buffer.alloc(0), { mode: PRIVATE_FILE_MODE }); // nothing to send: settle at once
      return this.settle(this.row(callId)!, locale, call);
    }
    if (rec.upload_sha256 !== d.sha256 || rec.size_bytes !== d.size) {
      // Another file for the same call (the seat's spool was rewritten): start it afresh.
      fs.rmSync(partOf(this.file(rec.path)), { force: true });
      this.core.sqlite.prepare('update recordings set upload_sha256 = ?, size_bytes = ?, mime = ?, duration_ms = ?, complete = ? where id = ?').run(d.sha256, d.size, d.mime, d.durationMs, d.complete ? 1 : 0, rec.id);
      return { offset: 0, complete: false };
    }
    const offset = sizeOf(partOf(this.file(rec.path)));
    // Every byte arrived but the move was cut short (the host stopped): finish it now.
    if (offset === d.size) return this.settle(rec, locale, call);
    return { offset, complete: false };
  }

  /**
   * Appends the bytes from `start` on. A start other than what the host holds is refused with the
   * right offset (OffsetMismatch), so nothing is written twice or skipped. The bytes are written as
   * they arrive: a connection lost midway keeps what came, and the seat resumes from there.
   */
  async receive(by: Uploader, locale: Locale, callId: number, start: number, total: number, body: AsyncIterable<Buffer | Uint8Array>): Promise<UploadState> {
    const call = this.uploadable(by, locale, callId);
    const rec = this.row(callId);
    if (!rec || rec.upload_sha256 === null) {
      if (rec?.complete === 1 && rec.size_bytes === total) return { offset: total, complete: true };
      throw new AppError('CONFLICT', { reason: msg('uploadNotDeclared', locale) });
    }
    if (total !== rec.size_bytes) throw new AppError('CONFLICT', { reason: msg('uploadNotDeclared', locale) });
    const part = partOf(this.file(rec.path));
    let at = sizeOf(part);
    if (start !== at) throw new OffsetMismatch(at);
    const fd = fs.openSync(part, 'a', PRIVATE_FILE_MODE);
    try {
      for await (const chunk of body) {
        if (at + chunk.length > total) throw new AppError('INVALID_INPUT', { issues: msg('uploadTooLong', locale) });
        try {
          fs.writeSync(fd, chunk);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ENOSPC' || code === 'EDQUOT') throw new AppError('CONFLICT', { reason: msg('diskFull', locale) });
          throw e;
        }
        at += chunk.length;
      }
    } finally {
      fs.closeSync(fd);
    }
    if (at < total) return { offset: at, complete: false };
    return this.settle(this.row(callId)!, locale, call);
  }

  /** All bytes are there: in place if the hash matches, else dropped so the seat sends them again. */
  private settle(rec: UpRow, locale: Locale, call: UploadableCall): UploadState {
    const file = this.file(rec.path);
    const part = partOf(file);
    if (sha256Of(part) !== rec.upload_sha256) {
      fs.rmSync(part, { force: true });
      throw new OffsetMismatch(0, msg('uploadHashWrong', locale));
    }
    fs.renameSync(part, file);
    // The recording is now on the host: the row and its audit entry together.
    this.core.sqlite.transaction(() => {
      this.core.sqlite.prepare('update recordings set upload_sha256 = null where id = ?').run(rec.id);
      writeAudit(this.core.db, this.core.clock, {
        userId: call.auditUserId,
        action: 'create',
        entity: 'recordings',
        entityId: rec.id,
        after: { uploadedFromSeat: true, sizeBytes: rec.size_bytes, sha256: rec.upload_sha256, ...(call.seatId !== null ? { bySeatCredential: call.seatId } : {}) },
      });
    })();
    return { offset: rec.size_bytes, complete: true };
  }
}
