import type { Sqlite } from '../../../db/client';

interface Running {
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
 * Why this and not the alternatives the issue named: a worker thread with its
 * own connection would need the whole service layer loaded in the worker (another bundle for
 * Electron) and still block every other writer on SQLite's single write lock, each then failing
 * after busy_timeout; staging rows in a table and applying them in one "short" transaction does not
 * shorten anything here, because applying (vehicle, next service, 招揽成功, audit per row) is the
 * cost. Between slices others share the connection: their reads see the rows imported so far;
 * dispatch holds back methods that change data until the import is done, and so does the
 * scheduler (longWritesIdle). What still writes meanwhile (the SMS sender, a gateway's receipts)
 * joins the import's transaction as a savepoint: it commits with the import, and only if the
 * import fails is it rolled back with it. Refusing it instead would stop the SMS sender's claim
 * loop, which expects no refusal.
 */
export async function yieldingTransaction(
  sqlite: Sqlite,
  total: number,
  each: (index: number) => void,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  await longWritesIdle(sqlite);
  let finish!: () => void;
  running.set(sqlite, { done: new Promise<void>((r) => (finish = r)) });
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    let i = 0;
    while (i < total) {
      const sliceEnd = performance.now() + LONG_WRITE_SLICE_MS;
      do each(i++);
      while (i < total && performance.now() < sliceEnd);
      onProgress?.(i, total);
      if (i < total) await new Promise((r) => setImmediate(r));
    }
    sqlite.exec('COMMIT');
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  } finally {
    running.delete(sqlite);
    finish();
  }
}
