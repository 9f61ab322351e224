import { expect } from 'vitest';
import { indexColumns, seedBasics, type MigrationStep } from './step';

/** Customers of a city in name order come from one index. */
export default {
  seed: (db) => void seedBasics(db),
  check(db) {
    expect(indexColumns(db, 'customers_city_name_idx')).toEqual(['city', 'name']);
    expect(db.prepare("SELECT name FROM customers INDEXED BY customers_city_name_idx WHERE city = '沈阳'").pluck().all()).toEqual(['李娜']);
  },
} satisfies MigrationStep;
