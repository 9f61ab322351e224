/**
 * A client seat's recordings on its own disk (issue 15). On a client seat the call's recording
 * pieces are not sent to the host while the call lasts: they are appended here, so a host that
 * goes down mid-call loses nothing, and the finished file is uploaded afterwards (see
 * recording-uploader.ts). The folder is in the seat's userData, 0700; each recording is
 * `call-<callId>.rec` (the bytes) and `call-<callId>.json` (who recorded it, how far, its SHA-256
 * once finished), both 0600 — they are personal data.
 * Plain Node only (no electron import).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pickLocale } from '../../common/i18n/errors';
import { AppError } from '../errors';
import { msg } from '../features/telephony/messages';
import { writeWebmDuration } from '../features/telephony/webm-duration';

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

export interface SpoolEntry {
  callId: number;
  /** The host's user who recorded it: only their session uploads it (the host checks the call is theirs). */
  userId: number;
  mime: string;
  /** The next piece expected (pieces arrive in order; a repeat is ignored, a gap refused). */
  nextSeq: number;
  size: number;
  /** Finished: no more pieces; size and sha256 are final and it may be uploaded. */
  finished: boolean;
  /** False when the call was cut short (the seat closed mid-call): uploaded all the same, as 不完整. */
  complete: boolean;
  durationMs: number | null;
  sha256: string | null;
}

export interface ChunkInput {
  callId: number;
  seq: number;
  mime: string;
  data: string;
}

function sha256Of(file: string): string {
  const h = crypto.createHash('sha256');
  h.update(fs.readFileSync(file));
  return h.digest('hex');
}

export class RecordingSpool {
  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    fs.chmodSync(dir, DIR_MODE);
  }

  dataFile(callId: number): string {
    return path.join(this.dir, `call-${callId}.rec`);
  }

  private metaFile(callId: number): string {
    return path.join(this.dir, `call-${callId}.json`);
  }

  get(callId: number): SpoolEntry | null {
    try {
      return JSON.parse(fs.readFileSync(this.metaFile(callId), 'utf8')) as SpoolEntry;
    } catch {
      return null;
    }
  }

  /** Atomic: a crash mid-write leaves the previous state, never half a file. */
  private save(e: SpoolEntry): void {
    const tmp = `${this.metaFile(e.callId)}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(e), { mode: FILE_MODE });
    fs.renameSync(tmp, this.metaFile(e.callId));
  }

  /** One piece from the window's recorder, as telephony.recording.chunk would take it on the host. */
  chunk(userId: number, input: ChunkInput, localeText?: string | null): { recordingId: number; sizeBytes: number } {
    const locale = pickLocale(localeText);
    const data = Buffer.from(input.data, 'base64');
    if (data.length === 0 && input.data.length > 0) throw new AppError('INVALID_INPUT', { issues: msg('badChunk', locale) });
    let e = this.get(input.callId);
    if (e && e.userId !== userId) throw new AppError('FORBIDDEN', { reason: msg('notYourCall', locale) });
    if (e?.finished) throw new AppError('CONFLICT', { reason: msg('recordingFinished', locale) });
    if (!e) {
      if (input.seq !== 0) throw new AppError('INVALID_INPUT', { issues: msg('chunkGap', locale, { expected: 0, seq: input.seq }) });
      e = { callId: input.callId, userId, mime: input.mime, nextSeq: 0, size: 0, finished: false, complete: false, durationMs: null, sha256: null };
      fs.writeFileSync(this.dataFile(e.callId), Buffer.alloc(0), { mode: FILE_MODE });
      this.save(e);
    }
    if (input.seq < e.nextSeq) return { recordingId: 0, sizeBytes: e.size };
    if (input.seq > e.nextSeq) throw new AppError('INVALID_INPUT', { issues: msg('chunkGap', locale, { expected: e.nextSeq, seq: input.seq }) });
    const file = this.dataFile(e.callId);
    try {
      // A crash between the append and the index below left a piece the index does not count: cut it, it comes again.
      if (fs.statSync(file).size > e.size) fs.truncateSync(file, e.size);
      fs.appendFileSync(file, data, { mode: FILE_MODE });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new AppError('CONFLICT', { reason: msg('diskFull', locale) });
      throw new AppError('CONFLICT', { reason: msg('writeFailed', locale, { error: code ?? String(err) }) });
    }
    e.size += data.length;
    e.nextSeq += 1;
    this.save(e);
    return { recordingId: 0, sizeBytes: e.size };
  }

  /** The call's last piece is in: write the duration into the WebM, fix size and hash; ready to upload. */
  finish(userId: number, callId: number, durationMs: number | null, complete = true): { recordingId: number; sizeBytes: number; durationMs: number } | null {
    const e = this.get(callId);
    if (!e || e.userId !== userId) return null;
    if (e.finished) return { recordingId: 0, sizeBytes: e.size, durationMs: e.durationMs ?? 0 };
    const file = this.dataFile(callId);
    if (fs.statSync(file).size > e.size) fs.truncateSync(file, e.size);
    // The host plays and exports exactly these bytes (they are compared by hash), so the fix-up happens here.
    if (durationMs !== null && e.mime.includes('webm')) writeWebmDuration(file, durationMs);
    e.size = fs.statSync(file).size;
    e.sha256 = sha256Of(file);
    e.durationMs = durationMs;
    e.complete = complete;
    e.finished = true;
    this.save(e);
    return { recordingId: 0, sizeBytes: e.size, durationMs: durationMs ?? 0 };
  }

  /**
   * At start: a recording still open belongs to a call the seat was closed during (crash, power
   * cut). Its pieces are what exists of it: finish it as incomplete so it goes to the host too.
   */
  recoverInterrupted(): void {
    for (const e of this.all()) if (!e.finished) this.finish(e.userId, e.callId, null, false);
  }

  all(): SpoolEntry[] {
    const out: SpoolEntry[] = [];
    for (const name of fs.readdirSync(this.dir)) {
      const m = /^call-(\d+)\.json$/.exec(name);
      const e = m ? this.get(Number(m[1])) : null;
      if (e) out.push(e);
    }
    return out.sort((a, b) => a.callId - b.callId);
  }

  /** Finished recordings waiting for the host. */
  ready(): SpoolEntry[] {
    return this.all().filter((e) => e.finished);
  }

  /** The host has it (same size and SHA-256): the seat's copy goes. */
  remove(callId: number): void {
    fs.rmSync(this.metaFile(callId), { force: true });
    fs.rmSync(this.dataFile(callId), { force: true });
  }

  /**
   * The host refused it for good (not this user's call, unknown call): kept in `refused/` for an
   * admin to look at, never retried, never deleted behind anyone's back.
   */
  setAside(callId: number): void {
    const to = path.join(this.dir, 'refused');
    fs.mkdirSync(to, { recursive: true, mode: DIR_MODE });
    for (const f of [this.dataFile(callId), this.metaFile(callId)]) if (fs.existsSync(f)) fs.renameSync(f, path.join(to, path.basename(f)));
  }
}
