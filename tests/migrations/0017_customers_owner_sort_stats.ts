import { expect } from 'vitest';
import { seedBasics, type MigrationStep } from './step';

/** The planner gets statistics for the customers indexes (0016's among them), taken from the rows the database holds. */
export default {
  seed: (db) => void seedBasics(db),
  check(db) {
    const stats = db.prepare("SELECT idx FROM sqlite_stat1 WHERE tbl = 'customers'").pluck().all() as string[];
    expect(stats).toEqual(expect.arrayContaining(['customers_owner_name_idx', 'customers_owner_created_idx', 'customers_owner_city_name_idx']));
    expect(db.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'customers_owner_name_idx'").pluck().get()).toMatch(/^2 /);
  },
} satisfies MigrationStep;
