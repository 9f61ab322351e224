import { expect } from 'vitest';
import { count, indexColumns, seedBasics, type MigrationStep } from './step';

/** An index for grouping customers by source and gender, built over the customers already there. */
export default {
  seed: (db) => void seedBasics(db),
  check(db) {
    expect(indexColumns(db, 'customers_source_gender_idx')).toEqual(['source', 'gender']);
    expect(count(db, 'customers')).toBe(2);
    expect(db.prepare("SELECT name FROM customers INDEXED BY customers_source_gender_idx WHERE source = 'walk_in'").pluck().all()).toEqual(['张伟']);
  },
} satisfies MigrationStep;
