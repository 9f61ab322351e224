import { expect } from 'vitest';
import type { MigrationStep } from './step';

let pages = 0;

/** Existing records get version 1 without their pages being rewritten (instant at 1M customers): ADD COLUMN with a constant default. */
export default {
  seed(db) {
    const cust = db.prepare('INSERT INTO customers (name, notes, created_at, updated_at) VALUES (?, ?, 0, 0)');
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) cust.run(`客户${i}`, '备注'.repeat(20));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    pages = db.pragma('page_count', { simple: true }) as number;
  },
  check(db) {
    // A rebuilt table would have written every one of its pages to the WAL; adding a column with a
    // constant default only rewrites the schema page.
    const walPages = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    expect(walPages[0]!.log).toBeLessThan(pages / 10);
    expect(db.prepare('SELECT COUNT(*) AS n, MIN(version) AS lo, MAX(version) AS hi FROM customers').get()).toEqual({ n: 3000, lo: 1, hi: 1 });
    for (const t of ['opportunities', 'activities', 'complaints', 'tasks']) {
      expect(db.prepare(`SELECT name, dflt_value AS d, "notnull" AS nn FROM pragma_table_info('${t}') WHERE name = 'version'`).get()).toEqual({
        name: 'version',
        d: '1',
        nn: 1,
      });
    }
  },
} satisfies MigrationStep;
