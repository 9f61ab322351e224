/**
 * Call recording in the renderer: both sides mixed with an AudioContext into one stream, recorded
 * with MediaRecorder (opus in WebM), each piece sent to the main side as it comes (one at a time,
 * in order), so a crash or a closed window keeps what was recorded so far.
 */
import { call } from '../../api';

const MIME = 'audio/webm;codecs=opus';
const SLICE_MS = 1000;

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export class CallRecorder {
  private ctx: AudioContext;
  private rec: MediaRecorder;
  private seq = 0;
  private queue: Promise<void> = Promise.resolve();
  private startedAt = 0;
  private failed: string | null = null;
  private stopped: Promise<void>;

  constructor(
    private callId: number,
    local: MediaStream,
    remote: MediaStream,
    private onError: (message: string) => void,
  ) {
    this.ctx = new AudioContext();
    const dest = this.ctx.createMediaStreamDestination();
    for (const s of [local, remote]) if (s.getAudioTracks().length) this.ctx.createMediaStreamSource(s).connect(dest);
    const mime = MediaRecorder.isTypeSupported(MIME) ? MIME : 'audio/webm';
    this.rec = new MediaRecorder(dest.stream, { mimeType: mime, audioBitsPerSecond: 32_000 });
    this.rec.ondataavailable = (e) => {
      if (e.data.size > 0 && !this.failed) this.enqueue(e.data, mime);
    };
    this.stopped = new Promise((resolve) => (this.rec.onstop = () => resolve()));
    this.startedAt = performance.now();
    this.rec.start(SLICE_MS);
  }

  private enqueue(blob: Blob, mime: string) {
    const seq = this.seq++;
    this.queue = this.queue.then(async () => {
      if (this.failed) return;
      try {
        await call('telephony.recording.chunk', { callId: this.callId, seq, mime, data: toBase64(await blob.arrayBuffer()) });
      } catch (e) {
        // Disk full, call already ended…: stop recording, keep the call going, tell the user once.
        this.failed = e instanceof Error ? e.message : String(e);
        if (this.rec.state !== 'inactive') this.rec.stop();
        this.onError(this.failed);
      }
    });
  }

  /** Stops, sends the last piece, and marks the recording complete with its measured length. */
  async stop(): Promise<void> {
    const durationMs = Math.round(performance.now() - this.startedAt);
    if (this.rec.state !== 'inactive') this.rec.stop();
    await this.stopped;
    await this.queue;
    await this.ctx.close().catch(() => undefined);
    if (!this.failed) await call('telephony.recording.finish', { callId: this.callId, durationMs }).catch(() => undefined);
  }
}
