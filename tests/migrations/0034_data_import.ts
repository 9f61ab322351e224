import { expect } from 'vitest';
import { exists, seedBasics, type MigrationStep } from './step';

/**
 * 数据导入's tables: an import batch with what it did to each customer (so the whole import can be
 * undone) and named column mappings, one name per kind. Deleting a customer (a merge) drops its
 * import trail with it rather than failing on it.
 */
export default {
  seed(db) {
    seedBasics(db);
  },
  check(db) {
    const { userId, customerA } = { userId: 1, customerA: 1 };
    const batch = Number(
      db.prepare("INSERT INTO import_batches (kind, file_name, status, created_by, created_at) VALUES ('customers', 'a.csv', 'draft', ?, 0)").run(userId).lastInsertRowid,
    );
    db.prepare("INSERT INTO import_batch_rows (batch_id, customer_id, action, version, phone_ids, vehicle_ids, file_row) VALUES (?, ?, 'created', 1, '[]', '[]', 2)").run(batch, customerA);
    expect(exists(db, 'index', 'import_batch_rows_batch_idx')).toBe(true);
    db.prepare("INSERT INTO import_mappings (kind, name, columns, updated_at) VALUES ('customers', 'DMS', '{}', 0)").run();
    expect(() => db.prepare("INSERT INTO import_mappings (kind, name, columns, updated_at) VALUES ('customers', 'DMS', '{}', 0)").run()).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM customer_phones WHERE customer_id = ?').run(customerA);
    db.prepare('DELETE FROM vehicles WHERE customer_id = ?').run(customerA);
    db.prepare('DELETE FROM customers WHERE id = ?').run(customerA);
    expect(db.prepare('SELECT COUNT(*) FROM import_batch_rows').pluck().get()).toBe(0);
  },
} satisfies MigrationStep;
