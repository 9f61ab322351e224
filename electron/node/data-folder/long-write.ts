import { setTransactionGate, type Sqlite } from '../../../db/client';
import { AppError } from '../errors';

interface Running {
  /** True while the long write's own code runs (its nested transactions are savepoints of it). */
  inStep: boolean;
  done: Promise<void>;
}

const running = new WeakMap<Sqlite, Running>();

/** Resolves when no long write holds the connection (at once when none does). */
export async function longWritesIdle(sqlite: Sqlite): Promise<void> {
  for (let r = running.get(sqlite); r; r = running.get(sqlite)) await r.done;
}

export const LONG_WRITE_SLICE_MS = 40;

/**
 * ONE transaction on the app's connection for a big write (a 20,000-row import), cut into slices
 * of about 40 ms with a yield to the event loop after each: other requests are answered in between
 * instead of after the whole import (26 s at 20,000 repair orders). All or nothing stays: a failure
 * in any row rolls the whole transaction back.
 *
 * Why this and not the alternatives (measured on the 20,000-row import): a worker thread with its
 * own connection would need the whole service layer loaded in the worker (another bundle for
 * Electron) and still block every other writer on SQLite's single write lock, each then failing
 * after busy_timeout; staging rows in a table and applying them in one "short" transaction does not
 * shorten anything here, because applying (vehicle, next service, 招揽成功, audit per row) is the
 * cost. Between slices others share the connection: their reads see the rows imported so far;
 * dispatch holds back methods that change data until the import is done (longWritesIdle), and a
 * transaction begun meanwhile by anything else (a scheduled job) is refused by the gate rather
 * than being undone with a failed import — the job runs again next minute.
 */
export async function yieldingTransaction(
  sqlite: Sqlite,
  total: number,
  each: (index: number) => void,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  await longWritesIdle(sqlite);
  let finish!: () => void;
  const state: Running = { inStep: false, done: new Promise<void>((r) => (finish = r)) };
  running.set(sqlite, state);
  setTransactionGate(sqlite, () => {
    if (!state.inStep) throw new AppError('CONFLICT', { reason: '正在导入数据,请稍后再试 / An import is running; try again in a moment' });
  });
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    let i = 0;
    while (i < total) {
      const sliceEnd = performance.now() + LONG_WRITE_SLICE_MS;
      state.inStep = true;
      try {
        do each(i++);
        while (i < total && performance.now() < sliceEnd);
      } finally {
        state.inStep = false;
      }
      onProgress?.(i, total);
      if (i < total) await new Promise((r) => setImmediate(r));
    }
    sqlite.exec('COMMIT');
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  } finally {
    setTransactionGate(sqlite, null);
    running.delete(sqlite);
    finish();
  }
}
