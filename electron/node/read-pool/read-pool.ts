import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../../db/client';
import { READ_WORKER_SOURCE } from './worker-source';

/** Default number of read workers: one long group-by must not hold up the next grid page. */
export const DEFAULT_READ_WORKERS = 2;
const MAX_READ_WORKERS = 8;
const MAX_STATEMENTS = 200;

/** A read the pool could not answer for a reason of its own (not SQLite's): worker died, pool closed. */
export class ReadPoolError extends Error {
  constructor(
    readonly code: 'READ_WORKER_DIED' | 'READ_POOL_CLOSED',
    message: string,
  ) {
    super(message);
    this.name = 'ReadPoolError';
  }
}

/**
 * Pool size: the option, else DSCRM_READ_WORKERS, else 2. 0 runs every read on the main connection
 * (as before the pool). A value that is not a whole number 0–8 is refused with a warning, not guessed.
 */
export function readWorkersFrom(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const raw = option ?? (env.DSCRM_READ_WORKERS === undefined || env.DSCRM_READ_WORKERS === '' ? undefined : Number(env.DSCRM_READ_WORKERS));
  if (raw === undefined) return DEFAULT_READ_WORKERS;
  if (!Number.isInteger(raw) || raw < 0 || raw > MAX_READ_WORKERS) {
    console.warn(`[reads] 读取线程数应为 0–${MAX_READ_WORKERS} 的整数,改用 ${DEFAULT_READ_WORKERS} / read workers must be a whole number 0–${MAX_READ_WORKERS}; using ${DEFAULT_READ_WORKERS} (got ${String(raw)})`);
    return DEFAULT_READ_WORKERS;
  }
  return raw;
}

interface Job {
  id: number;
  sql: string;
  params: unknown[];
  memo: boolean;
  resolve: (rows: unknown[]) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  exited: Promise<void>;
  /** Set to 1 by the worker once its connection is closed (shared memory: readable while the main thread waits). */
  closed: Int32Array;
}

/** How long close() waits for the workers to close their connections before it ends them anyway. */
const CLOSE_WAIT_MS = 1000;

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: WireError }
  | { type: 'rows'; id: number; rows: unknown[]; memo?: boolean }
  | { type: 'error'; id: number; error: WireError };
type WireError = { name: string; message: string; code?: string };

const driverPath = () => createRequire(import.meta.url).resolve('better-sqlite3');

/** An error from the worker as the main connection would have thrown it: message and SQLite code kept (damageError reads the code). */
const rebuild = (e: WireError): Error => Object.assign(new Error(e.message), { name: e.name, ...(e.code ? { code: e.code } : {}) });

/** Rows as the main connection returns them: a BLOB arrives from the worker as a Uint8Array, made a Buffer again. */
function asMainRows(rows: unknown[]): unknown[] {
  for (const r of rows) {
    if (!r || typeof r !== 'object') continue;
    const o = r as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (v instanceof Uint8Array && !Buffer.isBuffer(v)) o[k] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    }
  }
  return rows;
}

/**
 * Long reads off the host's one thread (issue 15): worker threads, each with its own read-only
 * connection on the app's file, answer `all(sql, params)`. The caller builds the SQL on the main
 * thread — authorisation and visibility stay where they are — and only the execution moves, so a
 * manager's group-by over 1M customers no longer stops every other seat's call and event push.
 *
 * Reads see every write committed on the main connection before they were sent (WAL: a new read
 * transaction sees the last commit). They do not see a transaction still open on the main
 * connection (a long import between its slices) — committed data only, as any other reader.
 * Writes never come here: a statement that would write is refused.
 *
 * Workers start on the first read, at most `size` of them; requests queue in order for the first
 * free one. A worker that dies (crash, killed) answers its request with a ReadPoolError and is
 * replaced on the next read; a worker that cannot open the file at all puts the pool on the main
 * connection for good (warned once), as does size 0 or an in-memory database: same answers, on
 * the main thread. Idle workers do not keep the process alive.
 */
export class ReadPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private onMain: boolean;
  private closing: Promise<void> | null = null;
  private mainStmts = new Map<string, Statement>();
  private memoHits = 0;

  constructor(
    private readonly main: Sqlite,
    private readonly opts: { size: number; busyTimeoutMs: number },
  ) {
    this.onMain = opts.size === 0 || main.memory;
  }

  /**
   * Every row of a read-only statement, run on a worker (or the main connection, see above). With
   * `memo`, a worker that ran the same SQL and parameters since the database last changed answers
   * from that run (see worker-source.ts): for small answers that are costly to make, such as a
   * grid's total over 1M rows, which every sort click asks for again.
   */
  all<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = [], opts: { memo?: boolean } = {}): Promise<T[]> {
    if (this.closing) return Promise.reject(new ReadPoolError('READ_POOL_CLOSED', 'the read pool is closed (the app is shutting down)'));
    if (this.onMain) return this.runOnMain<T>(sql, params);
    return new Promise<T[]>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, sql, params: [...params], memo: opts.memo === true, resolve: resolve as (rows: unknown[]) => void, reject });
      this.pump();
    });
  }

  /** For the bench and tests: how the pool stands. */
  stats(): { onMain: boolean; workers: number; busy: number; queued: number; memoHits: number } {
    return { onMain: this.onMain, workers: this.slots.length, busy: this.slots.filter((s) => s.job).length, queued: this.queue.length, memoHits: this.memoHits };
  }

  /**
   * Tests: ends the worker running the oldest request at once, as a crash would. Returns whether
   * one was running.
   */
  killBusyWorker(): boolean {
    const slot = this.slots.filter((s) => s.job).sort((a, b) => a.job!.id - b.job!.id)[0];
    if (!slot) return false;
    void slot.worker.terminate();
    return true;
  }

  /**
   * Ends every worker; waiting and running requests are refused. Each worker is first asked to close
   * its connection, and this waits for that (up to CLOSE_WAIT_MS in all, blocking: it is shutdown)
   * so the app's connection, closed right after, is the last one on the file and SQLite checkpoints
   * and removes the WAL; a read-only worker closing last could not, and the next start would find a
   * WAL to replay. Resolves when all threads are gone.
   */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    const refused = () => new ReadPoolError('READ_POOL_CLOSED', 'the read pool is closed (the app is shutting down)');
    for (const job of this.queue.splice(0)) job.reject(refused());
    const slots = this.slots.splice(0);
    for (const s of slots) s.worker.postMessage({ type: 'close' });
    const until = performance.now() + CLOSE_WAIT_MS;
    for (const s of slots) {
      const left = until - performance.now();
      if (left > 0) Atomics.wait(s.closed, 0, 0, left);
    }
    for (const s of slots) {
      s.job?.reject(refused());
      s.job = null;
      void s.worker.terminate();
    }
    this.mainStmts.clear();
    this.closing = Promise.all(slots.map((s) => s.exited)).then(() => undefined);
    return this.closing;
  }

  private runOnMain<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    try {
      let st = this.mainStmts.get(sql);
      if (!st) {
        if (this.mainStmts.size >= MAX_STATEMENTS) this.mainStmts.delete(this.mainStmts.keys().next().value!);
        st = this.main.prepare(sql);
        if (!st.readonly) throw Object.assign(new Error('the read pool runs statements that only read'), { code: 'READ_POOL_NOT_A_READ' });
        this.mainStmts.set(sql, st);
      }
      return Promise.resolve(st.all(...params) as T[]);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.onMain) {
      const idle = this.slots.find((s) => s.ready && !s.job);
      if (idle) {
        const job = this.queue.shift()!;
        idle.job = job;
        // A request under way keeps the process alive (a script awaiting it must not just exit).
        idle.worker.ref();
        idle.worker.postMessage({ id: job.id, sql: job.sql, params: job.params, memo: job.memo });
        continue;
      }
      if (this.slots.filter((s) => !s.ready).length === 0 && this.slots.length < this.opts.size) this.spawn();
      return;
    }
  }

  private spawn(): void {
    const closed = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(READ_WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.main.name, driver: driverPath(), busyTimeoutMs: this.opts.busyTimeoutMs, maxStatements: MAX_STATEMENTS, closed: closed.buffer },
    });
    let exited!: () => void;
    const slot: Slot = { worker, ready: false, job: null, exited: new Promise<void>((r) => (exited = r)), closed };
    this.slots.push(slot);
    let startError: WireError | null = null;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        slot.ready = true;
        worker.unref();
        this.pump();
      } else if (m.type === 'failed') {
        startError = m.error;
      } else {
        const job = slot.job;
        if (!job || job.id !== m.id) return;
        slot.job = null;
        worker.unref();
        if (m.type === 'rows') {
          if (m.memo) this.memoHits++;
          job.resolve(asMainRows(m.rows));
        }
        else job.reject(rebuild(m.error));
        this.pump();
      }
    });
    worker.on('error', (err) => {
      startError ??= { name: err.name, message: err.message };
    });
    worker.once('exit', (code) => {
      exited();
      const at = this.slots.indexOf(slot);
      if (at < 0) return; // closed
      this.slots.splice(at, 1);
      if (!slot.ready) {
        // The worker could not open the file (or load the driver): reads go to the main connection.
        const why = startError ? `${startError.code ?? startError.name}: ${startError.message}` : `exit code ${code}`;
        console.warn(`[reads] 读取线程无法启动,改在主连接上读取 / read worker could not start; reading on the main connection: ${why}`);
        this.onMain = true;
        for (const job of this.queue.splice(0)) this.runOnMain(job.sql, job.params).then(job.resolve, job.reject);
        return;
      }
      const job = slot.job;
      slot.job = null;
      if (job) {
        console.error(`[reads] read worker stopped (exit code ${code}) while running a request; it is replaced`);
        job.reject(new ReadPoolError('READ_WORKER_DIED', `读取线程意外退出,本次查询未完成,请重试 / the read worker stopped (exit code ${code}) before answering; try again`));
      }
      this.pump();
    });
    // Starting only happens with requests waiting: the start keeps the process alive until ready.
  }
}
