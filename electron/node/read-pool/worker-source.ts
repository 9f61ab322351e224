/**
 * The read pool's worker (plain JS evaluated in the worker, as integrity.ts does: it needs no loader
 * in tests, in the web host's bundle or in Electron's). One READ-ONLY connection on the app's file —
 * WAL lets it read while the app's connection writes — with the main connection's pragmas that
 * matter to a reader (foreign_keys, busy_timeout; journal_mode WAL is the file's own), plus
 * query_only as a second lock on the door. Statements are prepared once per SQL text (the grid's
 * SQL repeats page after page); only statements that do not write are run.
 *
 * Messages in: { id, sql, params, memo? }, or { type: 'close' } at shutdown (the connection closes and
 * the shared `closed` flag is set). With memo, the answer is kept and given again for the same
 * SQL and parameters while PRAGMA data_version is unchanged — that is, while no other connection
 * (the app's, which makes every write) has committed anything since: then it cannot differ. Used
 * for totals (a 1M-row count that a sort click would otherwise repeat). Out: { type: 'ready' } once open, { type: 'failed', error } when
 * the file cannot be opened (the pool then falls back to the main connection), { type: 'rows', id,
 * rows } or { type: 'error', id, error: { name, message, code } } per request.
 */
export const READ_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const describe = (err) => ({ name: String((err && err.name) || 'Error'), message: String((err && err.message) || err), code: err && err.code ? String(err.code) : undefined });
// The pool waits on this (shared memory) at shutdown: 1 = this worker's connection is closed.
const closed = new Int32Array(workerData.closed);
const markClosed = () => { Atomics.store(closed, 0, 1); Atomics.notify(closed, 0); };
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: workerData.busyTimeoutMs });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
  db.pragma('query_only = ON');
} catch (err) {
  if (db) db.close();
  db = undefined;
  markClosed();
  parentPort.postMessage({ type: 'failed', error: describe(err) });
}
if (db) {
  const stmts = new Map();
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const memo = new Map();
  parentPort.on('message', (m) => {
    if (m.type === 'close') {
      db.close();
      markClosed();
      return;
    }
    try {
      let st = stmts.get(m.sql);
      if (!st) {
        if (stmts.size >= workerData.maxStatements) stmts.delete(stmts.keys().next().value);
        st = db.prepare(m.sql);
        if (!st.readonly) throw Object.assign(new Error('the read pool runs statements that only read'), { code: 'READ_POOL_NOT_A_READ' });
        stmts.set(m.sql, st);
      }
      if (m.memo) {
        const key = m.sql + '\u0000' + JSON.stringify(m.params);
        const version = dataVersion.get();
        const kept = memo.get(key);
        if (kept && kept.version === version) {
          parentPort.postMessage({ type: 'rows', id: m.id, rows: kept.rows, memo: true });
          return;
        }
        const rows = st.all(...m.params);
        if (memo.size >= workerData.maxStatements) memo.delete(memo.keys().next().value);
        memo.set(key, { version, rows });
        parentPort.postMessage({ type: 'rows', id: m.id, rows });
        return;
      }
      parentPort.postMessage({ type: 'rows', id: m.id, rows: st.all(...m.params) });
    } catch (err) {
      parentPort.postMessage({ type: 'error', id: m.id, error: describe(err) });
    }
  });
  parentPort.postMessage({ type: 'ready' });
}
`;
