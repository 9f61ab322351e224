import { expect } from 'vitest';
import { seedBasics, type MigrationStep } from './step';

/**
 * 数据导入 of opportunities and repair orders: a trail row names the records it wrote (`records`, JSON)
 * so undo can take them back; rows written before this step keep working without it.
 */
export default {
  seed(db) {
    seedBasics(db);
    const batch = Number(db.prepare("INSERT INTO import_batches (kind, file_name, status, created_by, created_at) VALUES ('customers', 'a.csv', 'done', 1, 0)").run().lastInsertRowid);
    db.prepare("INSERT INTO import_batch_rows (batch_id, customer_id, action, version, phone_ids, vehicle_ids, file_row) VALUES (?, 1, 'created', 1, '[]', '[]', 2)").run(batch);
  },
  check(db) {
    expect(db.prepare('SELECT records FROM import_batch_rows').pluck().get()).toBeNull();
    const batch = Number(
      db.prepare("INSERT INTO import_batches (kind, file_name, status, created_by, created_at) VALUES ('opportunities', 'b.csv', 'done', 1, 0)").run().lastInsertRowid,
    );
    const records = JSON.stringify({ opportunity: { id: 7, version: 1, activityId: 9, activityVersion: 1 } });
    db.prepare("INSERT INTO import_batch_rows (batch_id, customer_id, action, version, phone_ids, vehicle_ids, records, file_row) VALUES (?, 1, 'attached', 1, '[]', '[]', ?, 2)").run(batch, records);
    expect(db.prepare("SELECT json_extract(records, '$.opportunity.activityId') FROM import_batch_rows WHERE batch_id = ?").pluck().get(batch)).toBe(9);
  },
} satisfies MigrationStep;
