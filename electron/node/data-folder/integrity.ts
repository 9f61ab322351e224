import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type IntegrityCheck = 'quick_check' | 'integrity_check';

export interface CheckResult {
  ok: boolean;
  /** SQLite's own lines (first 20), e.g. "Tree 12 page 345: btreeInitPage() returns error code 11". */
  problems: string[];
  ms: number;
  /** The check could not run at all (file busy, unreadable): not a verdict on the file. */
  failed?: boolean;
}

/**
 * Runs in a worker thread with its own read-only connection: at 1,000,000 customers quick_check
 * reads the whole 2 GB file (about 8 s here), which on the app's connection would stop every
 * request. WAL lets it read while the app writes. Plain JS evaluated in the worker, so it needs no
 * loader in tests, in the web host or in the Electron bundle.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const started = performance.now();
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 30000 });
  const rows = db.pragma(workerData.check + '(20)', { simple: false });
  const lines = rows.map((r) => String(Object.values(r)[0]));
  parentPort.postMessage({ ok: lines.length === 1 && lines[0] === 'ok', problems: lines[0] === 'ok' ? [] : lines, ms: performance.now() - started });
} catch (err) {
  const code = String((err && err.code) || '');
  const damaged = code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
  parentPort.postMessage({ ok: !damaged, problems: [code + ': ' + (err && err.message)], ms: performance.now() - started, failed: !damaged });
} finally {
  if (db) db.close();
}
`;

const driverPath = () => createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * PRAGMA quick_check (start-up: page structure, no index-to-table cross check) or integrity_check
 * (nightly: everything) of a database file, off the main thread. A check that could not run at all
 * (file busy, unreadable) is reported as not damaged with its reason: only SQLite's own verdict
 * stops writing.
 */
export function checkDatabase(file: string, check: IntegrityCheck): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, check, driver: driverPath() } });
    w.once('message', (m: CheckResult) => resolve({ ...m, ms: Math.round(m.ms) }));
    w.once('error', reject);
    w.once('exit', (code) => (code !== 0 ? reject(new Error(`integrity worker exited with ${code}`)) : undefined));
  });
}
