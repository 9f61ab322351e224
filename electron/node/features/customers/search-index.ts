import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Sqlite } from '../../../../db/client';
import { nationalNumber } from '../../../common/phone';

/** The triggers of migration 0005 that keep `customer_search` in step, row by row. */
export const SEARCH_TRIGGER_PREFIX = 'customer_search_';

/**
 * What the index holds per customer (migration 0005; the triggers there use the same expressions):
 * phones in national form as typed (13800138000, 075588881234), plates, and the last 8 characters
 * of each VIN, each list space-separated.
 */
export const PHONE_INDEX_EXPR = `CASE WHEN normalized LIKE '86%' THEN (CASE WHEN kind = 'landline' THEN '0' ELSE '' END) || substr(normalized, 3) ELSE normalized END`;
export const VIN_INDEX_EXPR = 'substr(vin, -8)';
const FTS5_DEFAULT_AUTOMERGE = 4;

/**
 * Rebuilds the whole quick-find index from customers, phones and vehicles. Used after a bulk load
 * that ran without the row triggers (the demo seeder).
 *
 * Phones and vehicles are first grouped per customer into two temp tables (each one pass over its
 * table in customer order), then the FTS5 rows are inserted in rowid order from a merge join on
 * those: far cheaper than three correlated sub-selects per customer (the 0005 backfill's form),
 * which made the build ~3× slower at 1M customers.
 *
 * During the insert FTS5's automerge is off (segments are merged once, by 'optimize', instead of
 * over and over while they grow): 9 s instead of 12 s at 1M. The setting is stored in the table,
 * so it is put back to the default (4) for the row-by-row updates of the triggers.
 */
export function rebuildCustomerSearch(sqlite: Sqlite): void {
  sqlite.exec(`
    DELETE FROM customer_search;
    INSERT INTO customer_search(customer_search, rank) VALUES ('automerge', 0);`);
  groupedSource(sqlite, 'temp.search_src');
  sqlite.exec(`
    INSERT INTO customer_search(rowid, name, phones, plates, vins) SELECT id, name, phones, plates, vins FROM temp.search_src ORDER BY id;
    DROP TABLE temp.search_src;
    INSERT INTO customer_search(customer_search) VALUES ('optimize');
    INSERT INTO customer_search(customer_search, rank) VALUES ('automerge', ${FTS5_DEFAULT_AUTOMERGE});`);
}

/** Writes (id, name, phones, plates, vins) per customer into `target` (a new table), in id order. */
function groupedSource(sqlite: Sqlite, target: string): void {
  sqlite.exec(`
    CREATE TEMP TABLE search_phones (customer_id INTEGER PRIMARY KEY, phones TEXT NOT NULL);
    INSERT INTO search_phones
      SELECT customer_id, group_concat(${PHONE_INDEX_EXPR}, ' ') FROM customer_phones GROUP BY customer_id ORDER BY customer_id;
    CREATE TEMP TABLE search_vehicles (customer_id INTEGER PRIMARY KEY, plates TEXT NOT NULL, vins TEXT NOT NULL);
    INSERT INTO search_vehicles
      SELECT customer_id, coalesce(group_concat(plate, ' '), ''), group_concat(${VIN_INDEX_EXPR}, ' ')
        FROM vehicles GROUP BY customer_id ORDER BY customer_id;
    CREATE TABLE ${target} (id INTEGER PRIMARY KEY, name TEXT NOT NULL, phones TEXT NOT NULL, plates TEXT NOT NULL, vins TEXT NOT NULL);
    INSERT INTO ${target}
      SELECT c.id, c.name, coalesce(p.phones, ''), coalesce(v.plates, ''), coalesce(v.vins, '')
        FROM customers c
        LEFT JOIN temp.search_phones p ON p.customer_id = c.id
        LEFT JOIN temp.search_vehicles v ON v.customer_id = c.id
       ORDER BY c.id;
    DROP TABLE temp.search_phones;
    DROP TABLE temp.search_vehicles;`);
}

/**
 * The worker's part of a parallel build: plain CommonJS run with `eval`, so it needs no file of its
 * own beside a bundle. It fills the FTS5 table in the side file from the `src` table there: written
 * by the caller before the worker starts, or (streamed) by the worker itself from the records the
 * caller posts while it generates them, until it posts null.
 */
const WORKER_CODE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
function build() {
  try {
    db.exec(workerData.createSql);
    db.exec(\`
      INSERT INTO customer_search(customer_search, rank) VALUES ('automerge', 0);
      INSERT INTO customer_search(rowid, name, phones, plates, vins) SELECT id, name, phones, plates, vins FROM src ORDER BY id;
      DROP TABLE src;
      INSERT INTO customer_search(customer_search) VALUES ('optimize');
      INSERT INTO customer_search(customer_search, rank) VALUES ('automerge', \${workerData.automerge});\`);
  } finally {
    db.close();
  }
}
// better-sqlite3's defensive mode refuses journal_mode = OFF (silently: the file kept a rollback
// journal); this throw-away file needs none.
db.unsafeMode(true);
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
db.pragma('cache_size = -262144');
if (!workerData.streamed) build();
else {
  db.exec('CREATE TABLE src (id INTEGER PRIMARY KEY, name TEXT NOT NULL, phones TEXT NOT NULL, plates TEXT NOT NULL, vins TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO src VALUES (?, ?, ?, ?, ?)');
  const add = db.transaction((chunk) => {
    for (const rec of chunk.split('\\x1e')) {
      if (rec === '') continue;
      const f = rec.split('\\x1f');
      ins.run(Number(f[0]), f[1], f[2], f[3], f[4]);
    }
  });
  parentPort.on('message', (chunk) => {
    if (chunk !== null) return add(chunk);
    parentPort.close();
    build();
  });
}`;

/**
 * A customer's quick-find source record for a streamed build: what groupedSource selects for them
 * (phones in PHONE_INDEX_EXPR's form via phoneIndexForm, plates and VIN tails via vinIndexForm, each
 * list space-separated in id order, '' when none). Names, phones, plates and VINs never hold the
 * two separator characters.
 */
export function searchSourceRecord(id: number, name: string, phones: string, plates: string, vins: string): string {
  return `${id}\x1f${name}\x1f${phones}\x1f${plates}\x1f${vins}\x1e`;
}

/** A phone as the index holds it: PHONE_INDEX_EXPR in TypeScript (the phone module's rule). */
export const phoneIndexForm = nationalNumber;

/** A VIN as the index holds it: VIN_INDEX_EXPR in TypeScript. */
export function vinIndexForm(vin: string): string {
  return vin.slice(-8);
}

export interface ParallelSearchBuild {
  /** Waits for the worker, then copies the finished index into the database. */
  finish(): Promise<void>;
}

/**
 * Starts building the quick-find index on a worker thread, so that it runs while the caller does
 * other work on the database (the seeder recreates its 46 indexes meanwhile: ~20 s at 1M, the FTS5
 * build ~10 s; one SQLite file has one writer, so the worker writes a side file
 * `<db>.search-build`). The grouped source is written to that file first, on the caller's thread
 * (~2 s at 1M). finish() then copies the FTS5 shadow tables over through a second connection: a
 * commit by another connection is what makes the caller's connection re-read the FTS5 structure.
 * The result is the same index rebuildCustomerSearch builds (tested with FTS5's integrity-check).
 * Needs a database file (not :memory:) and no open transaction on `sqlite`.
 */
export function startParallelSearchBuild(sqlite: Sqlite): ParallelSearchBuild {
  const file = sqlite.name;
  const side = `${file}.search-build`;
  fs.rmSync(side, { force: true });
  const createSql = searchTableSql(sqlite);
  sqlite.prepare('ATTACH DATABASE ? AS search_build').run(side);
  try {
    sqlite.exec('PRAGMA search_build.journal_mode = OFF; PRAGMA search_build.synchronous = OFF;');
    groupedSource(sqlite, 'search_build.src');
  } finally {
    sqlite.exec('DETACH DATABASE search_build');
  }
  return runWorker(file, side, createSql, false);
}

export interface StreamedSearchBuild extends ParallelSearchBuild {
  /** Customers' records (searchSourceRecord), concatenated, in ascending id order across calls. */
  send(records: string): void;
  /** All records are sent: the worker builds the index from them. */
  end(): void;
  /** Stops the worker and removes its file (the caller failed; finish() will not be called). */
  cancel(): void;
}

/**
 * Like startParallelSearchBuild, but the caller sends the source records while it generates the rows
 * (the seeder, which knows every customer's name, phones, plates and VINs as it writes them): the
 * worker collects them on the other CPU during the load, so the caller skips the ~2 s grouped-source
 * pass over customers, phones and vehicles afterwards. Call end() after the last send, then finish().
 */
export function startStreamedSearchBuild(sqlite: Sqlite): StreamedSearchBuild {
  const file = sqlite.name;
  const side = `${file}.search-build`;
  fs.rmSync(side, { force: true });
  const build = runWorker(file, side, searchTableSql(sqlite), true);
  return {
    send: (records) => build.worker.postMessage(records),
    end: () => build.worker.postMessage(null),
    finish: build.finish,
    cancel() {
      void build.worker.terminate().finally(() => fs.rmSync(side, { force: true }));
    },
  };
}

function searchTableSql(sqlite: Sqlite): string {
  return sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'customer_search'").pluck().get() as string;
}

function runWorker(file: string, side: string, createSql: string, streamed: boolean): ParallelSearchBuild & { worker: Worker } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_CODE, { eval: true, workerData: { driver, file: side, createSql, automerge: FTS5_DEFAULT_AUTOMERGE, streamed } });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`quick-find index worker exited with code ${code}`))));
  });
  // Keep an early failure from surfacing as an unhandled rejection before finish() is awaited.
  done.catch(() => {});
  return {
    worker,
    async finish() {
      try {
        await done;
        const db = new Database(file);
        try {
          // Writing FTS5 shadow tables directly is refused in SQLite's defensive mode, which
          // better-sqlite3 turns on; this short-lived connection only copies them, then closes.
          db.unsafeMode(true);
          // No rollback journal when the caller runs without one (the seeder); a WAL database keeps WAL.
          if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = OFF');
          db.pragma('synchronous = OFF');
          db.prepare('ATTACH DATABASE ? AS search_build').run(side);
          const shadow = db
            .prepare("SELECT name FROM search_build.sqlite_master WHERE type = 'table' AND name LIKE 'customer\\_search\\_%' ESCAPE '\\'")
            .pluck()
            .all() as string[];
          db.transaction(() => {
            for (const t of shadow) db.exec(`DELETE FROM main."${t}"; INSERT INTO main."${t}" SELECT * FROM search_build."${t}";`);
          })();
          db.exec('DETACH DATABASE search_build');
        } finally {
          db.close();
        }
      } finally {
        fs.rmSync(side, { force: true });
      }
    },
  };
}
