import { expect } from 'vitest';
import { seedBasics, type MigrationStep } from './step';

let ids: ReturnType<typeof seedBasics>;

/** Quick find's index is rebuilt from the data: phones in national form, VINs by their last 8 characters, per-column detail. */
export default {
  seed(db) {
    ids = seedBasics(db);
  },
  check(db) {
    expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get('customer_search')).toMatch(/detail = column/);
    const row = db.prepare('SELECT name, phones, plates, vins FROM customer_search WHERE rowid = ?').get(ids.customerA);
    expect(row).toEqual({ name: '张伟', phones: '13800138000', plates: '辽B12345', vins: 'N3000001' });
    expect(db.prepare('SELECT COUNT(*) FROM customer_search').pluck().get()).toBe(2);
    db.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind) VALUES (?, '0411-62916000', '8641162916000', 'landline')").run(ids.customerB);
    expect(db.prepare('SELECT phones FROM customer_search WHERE rowid = ?').pluck().get(ids.customerB)).toBe('041162916000');
  },
} satisfies MigrationStep;
