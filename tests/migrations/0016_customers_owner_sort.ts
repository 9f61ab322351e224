import { expect } from 'vitest';
import { indexColumns, seedBasics, type MigrationStep } from './step';

/** A consultant's customers sorted by name, created date or city come from indexes led by the owner. */
export default {
  seed: (db) => void seedBasics(db),
  check(db) {
    expect(indexColumns(db, 'customers_owner_name_idx')).toEqual(['owner_id', 'name', 'id']);
    expect(indexColumns(db, 'customers_owner_created_idx')).toEqual(['owner_id', 'created_at', 'id']);
    expect(indexColumns(db, 'customers_owner_city_name_idx')).toEqual(['owner_id', 'city', 'name', 'id']);
    expect(db.prepare('SELECT name FROM customers INDEXED BY customers_owner_name_idx WHERE owner_id IS NOT NULL ORDER BY owner_id, name').pluck().all()).toEqual(['张伟']);
  },
} satisfies MigrationStep;
