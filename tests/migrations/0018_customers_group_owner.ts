import { expect } from 'vitest';
import { exists, indexColumns, seedBasics, type MigrationStep } from './step';

/** The two grouping indexes get owner_id appended (a team's group counts stay covered); the city-only index, a prefix of city+name, goes. */
export default {
  seed: (db) => void seedBasics(db),
  check(db) {
    expect(exists(db, 'index', 'customers_city_idx')).toBe(false);
    expect(indexColumns(db, 'customers_source_gender_idx')).toEqual(['source', 'gender', 'owner_id']);
    expect(indexColumns(db, 'customers_city_name_idx')).toEqual(['city', 'name', 'owner_id']);
    expect(db.prepare("SELECT idx FROM sqlite_stat1 WHERE idx IN ('customers_source_gender_idx', 'customers_city_name_idx') ORDER BY idx").pluck().all()).toEqual([
      'customers_city_name_idx',
      'customers_source_gender_idx',
    ]);
    expect(db.prepare("SELECT COUNT(*) FROM customers INDEXED BY customers_city_name_idx WHERE city = '大连'").pluck().get()).toBe(1);
  },
} satisfies MigrationStep;
