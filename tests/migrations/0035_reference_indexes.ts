import { expect } from 'vitest';
import { queryPlan, seedBasics, type MigrationStep } from './step';

/**
 * Deleting a customer or a vehicle (an import undone, a duplicate merged away) makes SQLite look for
 * rows that still reference it in every table with a foreign key to it. Without an index on the
 * referencing column each delete scanned the table: undoing an 87,500-customer import at 1M
 * customers ran for over ten minutes on revisits, tasks and solicitation_tasks alone. After this
 * migration every reference to customers and vehicles has an index that starts with it.
 */
export default {
  seed(db) {
    seedBasics(db);
  },
  check(db) {
    const refs = db
      .prepare(
        `SELECT m.name AS "table", p."from" AS "column" FROM sqlite_master m, pragma_foreign_key_list(m.name) p
          WHERE m.type = 'table' AND p."table" IN ('customers', 'vehicles')`,
      )
      .all() as { table: string; column: string }[];
    expect(refs.length).toBeGreaterThan(20);
    const unindexed = refs.filter(
      (r) =>
        !(db.prepare(`SELECT il.name FROM pragma_index_list(?) il WHERE (SELECT name FROM pragma_index_info(il.name) WHERE seqno = 0) = ?`).all(r.table, r.column) as unknown[])
          .length,
    );
    expect(unindexed).toEqual([]);
    // The partial index (… IS NOT NULL) serves the lookup a delete makes.
    expect(queryPlan(db, 'SELECT 1 FROM revisits WHERE vehicle_id = 1')).toContain('revisits_vehicle_idx');
    expect(queryPlan(db, 'SELECT 1 FROM sms_inbound WHERE customer_id = 1')).toContain('sms_inbound_customer_idx');
  },
} satisfies MigrationStep;
