import { expect } from 'vitest';
import { columnsOf, indexColumns, seedBasics, type MigrationStep } from './step';

/**
 * 职业 on the customer: existing customers keep their rows with occupation unknown (NULL, shown as
 * 未知 — never silently 其他), and the grid's group-by on it reads a covering index instead of every row.
 */
export default {
  seed: (db) => void seedBasics(db),
  check(db) {
    expect(columnsOf(db, 'customers')).toContain('occupation');
    expect(db.prepare('SELECT count(*) AS n, count(occupation) AS known FROM customers').get()).toEqual({ n: 2, known: 0 });
    expect(indexColumns(db, 'customers_occupation_idx')).toEqual(['occupation', 'owner_id']);
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT occupation, count(*) FROM customers GROUP BY occupation').all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toContain('COVERING INDEX customers_occupation_idx');
  },
} satisfies MigrationStep;
