import type { TelInput } from './input';
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../../common/i18n/errors';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { writeAudit } from '../admin';
import type { CallLog } from './call-log';
import { msg } from './messages';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../data-folder/permissions';
import { writeWebmDuration } from './webm-duration';

interface RecRow {
  id: number;
  call_id: number;
  customer_id: number | null;
  path: string;
  mime: string;
  size_bytes: number;
  duration_ms: number | null;
  complete: number;
  upload_sha256: string | null;
}

export interface RecordingFile {
  id: number;
  file: string;
  mime: string;
  fileName: string;
}

const extOf = (mime: string) => (mime.includes('ogg') ? 'ogg' : mime.includes('mp4') ? 'm4a' : 'webm');

/** Where a call's recording lives, relative to the data folder: recordings/YYYY-MM/call-<id>.<ext>. */
export function recordingRelPath(now: number, callId: number, mime: string): string {
  const d = new Date(now);
  return path.posix.join('recordings', `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`, `call-${callId}.${extOf(mime)}`);
}

/**
 * Call recordings: the renderer streams MediaRecorder pieces while the call lasts; each is appended
 * to one file under <data>/recordings/YYYY-MM/ and the index row (size, incomplete until finished)
 * follows it. What was written stays if the window closes or the disk fills: the row then shows
 * the recording as incomplete, and the call log is never touched by a recording failure.
 */
export class Recordings {
  /** Next expected piece per recording; a repeated piece (a retry) is ignored, a gap refused. */
  private nextSeq = new Map<number, number>();

  constructor(
    private core: Pick<Core, 'auth' | 'clock' | 'dataDir' | 'db' | 'folderGrants' | 'sqlite'>,
    private calls: CallLog,
  ) {}

  private byCall(callId: number): RecRow | undefined {
    return this.core.sqlite.prepare<[number], RecRow>('select * from recordings where call_id = ? and deleted_at is null order by id desc limit 1').get(callId);
  }

  chunk(s: SessionCtx, locale: Locale, input: TelInput<'telephony.recording.chunk'>): { recordingId: number; sizeBytes: number } {
    const call = this.calls.own(s, locale, input.callId);
    if (call.endedAt !== null) throw new AppError('CONFLICT', { reason: msg('callEnded', locale) });
    const data = Buffer.from(input.data, 'base64');
    if (data.length === 0 && input.data.length > 0) throw new AppError('INVALID_INPUT', { issues: msg('badChunk', locale) });
    let rec = this.byCall(input.callId);
    if (rec?.complete === 1 || (rec && rec.upload_sha256 !== null)) throw new AppError('CONFLICT', { reason: msg('recordingFinished', locale) });
    if (!rec) {
      if (input.seq !== 0) throw new AppError('INVALID_INPUT', { issues: msg('chunkGap', locale, { expected: 0, seq: input.seq }) });
      const rel = recordingRelPath(this.core.clock.now(), input.callId, input.mime);
      fs.mkdirSync(path.dirname(path.join(this.core.dataDir, rel)), { recursive: true, mode: PRIVATE_DIR_MODE });
      const id = Number(
        this.core.sqlite
          .prepare('insert into recordings (call_id, customer_id, path, mime, size_bytes, complete, created_at) values (?, ?, ?, ?, 0, 0, ?)')
          .run(input.callId, call.customerId, rel, input.mime, this.core.clock.now()).lastInsertRowid,
      );
      rec = this.byCall(input.callId)!;
      this.nextSeq.set(id, 0);
    }
    const expected = this.nextSeq.get(rec.id) ?? 0;
    if (input.seq < expected) return { recordingId: rec.id, sizeBytes: rec.size_bytes };
    if (input.seq > expected) throw new AppError('INVALID_INPUT', { issues: msg('chunkGap', locale, { expected, seq: input.seq }) });
    try {
      fs.appendFileSync(path.join(this.core.dataDir, rec.path), data, { mode: PRIVATE_FILE_MODE });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new AppError('CONFLICT', { reason: msg('diskFull', locale) });
      throw new AppError('CONFLICT', { reason: msg('writeFailed', locale, { error: code ?? String(e) }) });
    }
    const size = rec.size_bytes + data.length;
    this.core.sqlite.prepare('update recordings set size_bytes = ? where id = ?').run(size, rec.id);
    this.nextSeq.set(rec.id, expected + 1);
    return { recordingId: rec.id, sizeBytes: size };
  }

  /** Marks the recording complete with its measured duration (WebM from MediaRecorder has none). */
  finish(s: SessionCtx, locale: Locale, callId: number, durationMs: number): { recordingId: number; sizeBytes: number; durationMs: number } | null {
    this.calls.own(s, locale, callId);
    const rec = this.byCall(callId);
    if (!rec) return null;
    if (rec.complete === 1) return { recordingId: rec.id, sizeBytes: rec.size_bytes, durationMs: rec.duration_ms ?? durationMs };
    let size = rec.size_bytes;
    try {
      size = fs.statSync(path.join(this.core.dataDir, rec.path)).size;
    } catch {
      // the file is gone: keep the indexed size, the row stays incomplete
      return { recordingId: rec.id, sizeBytes: size, durationMs };
    }
    if (rec.mime.includes('webm')) size = writeWebmDuration(path.join(this.core.dataDir, rec.path), durationMs) ?? size;
    this.core.sqlite.prepare('update recordings set complete = 1, duration_ms = ?, size_bytes = ? where id = ?').run(durationMs, size, rec.id);
    this.nextSeq.delete(rec.id);
    return { recordingId: rec.id, sizeBytes: size, durationMs };
  }

  /** The file of a recording the user may play (their own call, or the recordings.play permission). */
  file(s: SessionCtx, recordingId: number): RecordingFile {
    const rec = this.core.sqlite.prepare<[number], RecRow>('select * from recordings where id = ? and deleted_at is null').get(recordingId);
    // Still being uploaded from a client seat (上传中): only the finished, verified file is played.
    if (!rec || rec.upload_sha256 !== null) throw new AppError('NOT_FOUND');
    const call = this.calls.get(rec.call_id);
    if (!call || !this.calls.mayRead(s, call)) throw new AppError('FORBIDDEN');
    const file = path.join(this.core.dataDir, rec.path);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND');
    const stamp = new Date(call.startedAt).toISOString().slice(0, 16).replace(/[-:T]/g, '');
    const other = (call.direction === 'inbound' ? call.fromNumber : call.toNumber) || 'unknown';
    return { id: rec.id, file, mime: rec.mime.split(';')[0]!, fileName: `rec-${stamp}-${call.extension ?? ''}-${other.replace(/[^\w+]/g, '')}.${extOf(rec.mime)}` };
  }

  /** Export needs the recordings.export permission and leaves an audit row. */
  export(s: SessionCtx, locale: Locale, input: TelInput<'telephony.recording.export'>): { path: string | null; url: string | null; fileName: string } {
    if (!this.core.auth.hasPermission(s, 'recordings.export')) throw new AppError('FORBIDDEN');
    const f = this.file(s, input.recordingId);
    let out: string | null = null;
    if (input.folderGrant !== undefined) {
      // Only a folder this session picked in the desktop's own dialog; never a path from the caller.
      const dir = this.core.folderGrants.folder(s.tokenHash, input.folderGrant);
      if (dir === null) throw new AppError('INVALID_INPUT', { issues: msg('pickFolderAgain', locale) });
      out = path.join(dir, f.fileName);
      try {
        fs.copyFileSync(f.file, out);
        fs.chmodSync(out, PRIVATE_FILE_MODE);
      } catch {
        throw new AppError('INVALID_INPUT', { issues: msg('badTargetDir', locale, { dir }) });
      }
    }
    writeAudit(this.core.db, this.core.clock, {
      userId: s.user.id,
      action: 'export',
      entity: 'recordings',
      entityId: f.id,
      after: { to: out ?? 'download', fileName: f.fileName },
    });
    return { path: out, url: out ? null : `/media/recordings/${f.id}?download=1`, fileName: f.fileName };
  }
}
