import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';
import { makePrivateFolder, PRIVATE_FILE_MODE } from '../data-folder/permissions';
import { AppError, notFound } from '../errors';
import { formatBytes } from '../../common/bytes';

/** The largest file a user may upload (an import): a DMS export of a year's repair orders fits. */
export const UPLOAD_MAX_BYTES = 30 * 1024 * 1024;
/** Uploads not used by an import within this time are deleted (the user closed the dialog). */
const UPLOAD_TTL_MS = 60 * 60_000;
/** Files waiting per user: enough for a retry or two, not enough to fill the disk. */
const MAX_WAITING_PER_USER = 5;

/** What an import gets from the upload store. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

export interface Uploaded {
  uploadId: string;
  size: number;
}

interface Waiting {
  userId: number;
  fileName: string;
  file: string;
  size: number;
  at: number;
}

export { formatBytes };

export const tooLarge = (size: number) => new AppError('TOO_LARGE', { size: formatBytes(size), max: formatBytes(UPLOAD_MAX_BYTES) });

/**
 * Files on their way into an import. Both hosts hand the bytes over here — the web host streams a
 * POST /upload body, Electron main passes what the renderer read — and the import method then takes
 * the file by its id. So a file's size is bounded by UPLOAD_MAX_BYTES, stated to the user, not by
 * the JSON body limit of an API call (a 14 MB base64 string inside JSON never fit through the web
 * host). Files live in <data>/uploads (private, like everything in the data folder) only until the
 * import takes them; whatever a crash leaves behind is deleted at the next start.
 */
export class UploadStore {
  private waiting = new Map<string, Waiting>();

  constructor(
    private readonly dir: string,
    private readonly clock: Clock,
  ) {
    // Nothing here outlives the process that received it: the ids lived in its memory.
    fs.rmSync(dir, { recursive: true, force: true });
  }

  /**
   * Streams `source` into a private file. Past UPLOAD_MAX_BYTES (or a declared size over it) the
   * file is deleted and TOO_LARGE thrown, with the sizes in the message.
   */
  async receive(userId: number, fileName: string, source: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>, declaredSize?: number): Promise<Uploaded> {
    if (declaredSize !== undefined && declaredSize > UPLOAD_MAX_BYTES) throw tooLarge(declaredSize);
    this.sweep();
    const mine = [...this.waiting.values()].filter((w) => w.userId === userId);
    if (mine.length >= MAX_WAITING_PER_USER) this.drop(mine.sort((a, b) => a.at - b.at)[0]!);
    makePrivateFolder(this.dir);
    const uploadId = randomBytes(16).toString('base64url');
    const file = path.join(this.dir, `${uploadId}.part`);
    const out = fs.createWriteStream(file, { flags: 'wx', mode: PRIVATE_FILE_MODE });
    // A write that fails (disk full) is this upload's error, never an uncaught one; so is a write still
    // in flight when the upload is given up (ERR_STREAM_DESTROYED after a refusal for size).
    let failed: Error | null = null;
    out.on('error', (e) => (failed ??= e));
    let size = 0;
    try {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > UPLOAD_MAX_BYTES) throw tooLarge(declaredSize ?? size);
        if (!out.write(chunk)) await new Promise<void>((resolve) => (out.once('drain', resolve), out.once('error', () => resolve())));
        if (failed) throw failed;
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    } catch (err) {
      // The file goes once the stream has let go of it, so no late write recreates or holds it.
      if (!out.closed) await new Promise<void>((resolve) => (out.once('close', () => resolve()), out.destroy()));
      fs.rmSync(file, { force: true });
      throw err;
    }
    this.waiting.set(uploadId, { userId, fileName: path.basename(fileName).slice(0, 200), file, size, at: this.clock.now() });
    return { uploadId, size };
  }

  /**
   * The file behind an id, read once and deleted: an import consumes its upload. Another user's
   * upload, an expired or made-up id: NOT_FOUND (the id says nothing about what exists).
   */
  take(userId: number, uploadId: string): UploadedFile {
    this.sweep();
    const w = this.waiting.get(uploadId);
    if (!w || w.userId !== userId) throw notFound();
    try {
      return { fileName: w.fileName, bytes: fs.readFileSync(w.file) };
    } finally {
      this.drop(w, uploadId);
    }
  }

  /**
   * The file behind an id moved to `dest` (same data folder, so a rename: a 30 MB import is never
   * held in memory), for an import that reads it more than once in pieces. Same refusals as take().
   */
  takeFile(userId: number, uploadId: string, dest: string): { fileName: string; size: number } {
    this.sweep();
    const w = this.waiting.get(uploadId);
    if (!w || w.userId !== userId) throw notFound();
    this.waiting.delete(uploadId);
    fs.renameSync(w.file, dest);
    return { fileName: w.fileName, size: w.size };
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const w of this.waiting.values()) if (now - w.at > UPLOAD_TTL_MS) this.drop(w);
  }

  private drop(w: Waiting, id = [...this.waiting].find(([, v]) => v === w)?.[0]): void {
    if (id) this.waiting.delete(id);
    fs.rmSync(w.file, { force: true });
  }
}
