import { expect } from 'vitest';
import { indexColumns, type MigrationStep, queryPlan, seedBasics } from './step';

/**
 * 集客分析 finds a visitor's landline (the primary one, else the first) from the landline index alone,
 * without a sort per visitor; the phones a database already holds are kept and the index holds only
 * the landlines.
 */
export default {
  seed(db) {
    const { customerA, customerB } = seedBasics(db);
    const phone = db.prepare('INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, ?, ?, ?, ?)');
    phone.run(customerA, '0755-8888 1234', '8675588881234', 'landline', 0);
    phone.run(customerB, '010-6552 9988', '861065529988', 'landline', 0);
    phone.run(customerB, '0411-8000 0001', '8641180000001', 'landline', 1);
  },
  check(db) {
    expect(indexColumns(db, 'phones_landline_idx')).toEqual(['customer_id', 'is_primary', 'id', 'normalized']);
    expect(db.prepare('SELECT count(*) FROM customer_phones INDEXED BY phones_landline_idx WHERE kind = \'landline\' AND customer_id > 0').pluck().get()).toBe(3);
    expect(db.prepare('SELECT count(*) FROM customer_phones').pluck().get()).toBe(4);
    const first = "SELECT p.normalized FROM customer_phones p WHERE p.customer_id = ? AND p.kind = 'landline' AND p.normalized LIKE '86%' ORDER BY p.is_primary DESC, p.id LIMIT 1";
    expect(queryPlan(db, first.replace('?', '1'))).toContain('COVERING INDEX phones_landline_idx');
    expect(queryPlan(db, first.replace('?', '1'))).not.toContain('TEMP B-TREE');
    const [a, b] = (db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[]);
    expect(db.prepare(first).pluck().get(b)).toBe('8641180000001');
    expect(db.prepare(first).pluck().get(a)).toBe('8675588881234');
  },
} satisfies MigrationStep;
