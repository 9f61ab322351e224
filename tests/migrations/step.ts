import type { Sqlite } from '../../db/client';

/**
 * What one migration promises, tested Signal-Desktop style: a database migrated to the migration
 * before it gets representative rows (`seed`), then this migration runs and `check` asserts the
 * rows, columns, indexes and triggers it promises. tests/migrations.test.ts runs every file of this
 * folder named like a migration (`<tag>.ts`, the tag from migrations/meta/_journal.json) and fails
 * when a migration has none.
 */
export interface MigrationStep {
  seed?: (db: Sqlite) => void;
  check: (db: Sqlite) => void;
}

export const columnsOf = (db: Sqlite, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((r) => r.name);

/** The indexed columns of an index in order, or [] when the index does not exist. */
/** A statement's EXPLAIN QUERY PLAN, one detail per line: what a step test asserts an index is used by. */
export const queryPlan = (db: Sqlite, q: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');

export const indexColumns = (db: Sqlite, index: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_index_info('${index}') ORDER BY seqno`).all() as { name: string }[]).map((r) => r.name);

export const exists = (db: Sqlite, type: 'table' | 'index' | 'trigger', name: string): boolean =>
  db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get(type, name) !== undefined;

export const count = (db: Sqlite, table: string): number => db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;

/** Rows every later step can lean on: a role, a user, two customers (one with a vehicle and phone). */
export function seedBasics(db: Sqlite): { userId: number; customerA: number; customerB: number; vehicleId: number } {
  db.prepare("INSERT OR IGNORE INTO roles (code, name_zh, name_en) VALUES ('sales', '销售顾问', 'Sales consultant')").run();
  const userId = Number(
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES ('sales1', '顾问一', 'sales', 'x', 0, 0)").run()
      .lastInsertRowid,
  );
  const customer = db.prepare('INSERT INTO customers (name, owner_id, city, gender, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)');
  const customerA = Number(customer.run('张伟', userId, '大连', 'male', 'walk_in').lastInsertRowid);
  const customerB = Number(customer.run('李娜', null, '沈阳', 'female', 'phone').lastInsertRowid);
  const vehicleId = Number(
    db.prepare("INSERT INTO vehicles (customer_id, vin, model, plate, created_at, updated_at) VALUES (?, 'LFV2A21K8N3000001', 'magotan', '辽B12345', 0, 0)").run(customerA)
      .lastInsertRowid,
  );
  db.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind) VALUES (?, '138 0013 8000', '8613800138000', 'mobile')").run(customerA);
  return { userId, customerA, customerB, vehicleId };
}
