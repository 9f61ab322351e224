/**
 * Sends a client seat's spooled recordings to the host after the call (issue 15), resumably:
 * POST /media/recordings/upload/<callId> declares the file (size, SHA-256, type, duration — the
 * host shows 上传中 from then on) and answers how many bytes the host already holds; PUT sends the
 * rest with Content-Range. A host that goes down midway keeps what arrived, and the next attempt
 * goes on from there. Retried with back-off (0.5 s doubling to 15 s) until the host has the file;
 * the spool is on disk, so a restart of the seat resumes too. It goes with a session of the user
 * who made the call when this seat holds one (the host checks the call is theirs), and otherwise
 * with the seat's own credential alone — the user logged out, another user took the desk, the PC
 * sits at the login page — which the host accepts only for a call started from this seat: the
 * recording reaches the host after the call whatever happens next. Plain Node only (no electron import).
 */
import fs from 'node:fs';
import { Backoff } from './backoff';
import type { HostClient } from './host-client';
import type { RecordingSpool, SpoolEntry } from './recording-spool';

/** The host refused for good: bad declaration, not this user's call, unknown call, too large. */
const FINAL_REFUSALS = new Set([400, 403, 404, 413]);

export type UploadOutcome = 'done' | 'retry' | 'waiting' | 'refused';

export interface RecordingUploaderOptions {
  spool: RecordingSpool;
  client: HostClient;
  /** A session token of this user held on the seat, or null (the seat's own credential is used). */
  sessionFor: (userId: number) => string | null;
  locale?: () => string | null;
  /** Called when a recording reached the host or was set aside (for logs and tests). */
  onSettled?: (callId: number, outcome: 'done' | 'refused') => void;
}

export class RecordingUploader {
  private readonly backoff = new Backoff();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private disposed = false;

  constructor(private readonly opts: RecordingUploaderOptions) {}

  /** At the seat's start: calls cut short by the last exit are finished (incomplete) and sent too. */
  start(): void {
    this.opts.spool.recoverInterrupted();
    this.kick();
  }

  /** Something changed (a recording finished, a login, the host is back): try now. */
  kick(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.kick();
      }
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    let retry = false;
    for (const e of this.opts.spool.ready()) {
      if (this.disposed) return;
      const outcome = await this.upload(e);
      if (outcome === 'retry') retry = true;
      if (outcome === 'done' || outcome === 'refused') this.opts.onSettled?.(e.callId, outcome);
    }
    if (!retry) {
      this.backoff.reset();
      return;
    }
    if (!this.disposed) this.timer = setTimeout(() => void this.kick(), this.backoff.take());
  }

  /** One recording: declare, send what the host lacks, done when the host confirms it in place. */
  async upload(e: SpoolEntry): Promise<UploadOutcome> {
    // Not finished yet (the call is still on): nothing to send.
    if (!e.sha256) return 'waiting';
    // The user's own session when it is here; else none, and the host goes by the seat token alone.
    const token = this.opts.sessionFor(e.userId);
    const { client, spool } = this.opts;
    const declared = await client.recordingUpload(
      'POST',
      e.callId,
      {
        'content-type': e.mime,
        'upload-length': String(e.size),
        'x-dscrm-sha256': e.sha256,
        'x-dscrm-complete': e.complete ? '1' : '0',
        ...(e.durationMs !== null ? { 'x-dscrm-duration-ms': String(e.durationMs) } : {}),
        ...(this.opts.locale?.() ? { 'accept-language': this.opts.locale()! } : {}),
      },
      null,
      token,
    );
    const after = (r: typeof declared, step: 'declare' | 'send'): UploadOutcome | number => {
      if ('noAnswer' in r) return 'retry';
      if (r.result.ok) {
        const v = r.result.value as { offset: number; complete: boolean };
        if (v.complete) {
          spool.remove(e.callId);
          return 'done';
        }
        return v.offset;
      }
      // A CONFLICT without an offset to resume from: the host already has another recording of this call.
      const final = FINAL_REFUSALS.has(r.status) || (r.result.error.code === 'CONFLICT' && r.offset === null);
      if (final) {
        console.warn(`[recording-upload] call ${e.callId} refused by the host at ${step}: ${r.result.error.code} ${r.result.error.message}`);
        spool.setAside(e.callId);
        return 'refused';
      }
      // 409 with upload-offset (resume elsewhere, or hash wrong → 0), 401 (session ended), 5xx, seat problems: later.
      return 'retry';
    };
    const offset = after(declared, 'declare');
    if (typeof offset !== 'number') return offset;
    const fd = fs.openSync(spool.dataFile(e.callId), 'r');
    let rest: Buffer;
    try {
      rest = Buffer.alloc(e.size - offset);
      fs.readSync(fd, rest, 0, rest.length, offset);
    } finally {
      fs.closeSync(fd);
    }
    const sent = await client.recordingUpload('PUT', e.callId, { 'content-type': 'application/octet-stream', 'content-range': `bytes ${offset}-${e.size - 1}/${e.size}` }, rest, token);
    const outcome = after(sent, 'send');
    return typeof outcome === 'number' ? 'retry' : outcome;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
