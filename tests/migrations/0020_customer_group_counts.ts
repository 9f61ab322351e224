import { expect } from 'vitest';
import { seedBasics, type MigrationStep } from './step';

let ids: ReturnType<typeof seedBasics>;

/** Per-owner group counts are filled from the customers already there (no owner as 0, NULL as x'00') and kept by triggers. */
export default {
  seed(db) {
    ids = seedBasics(db);
  },
  check(db) {
    const n = (dim: string, owner: number, value: unknown) =>
      db.prepare('SELECT n FROM customer_group_counts WHERE dim = ? AND owner_id = ? AND value = ?').pluck().get(dim, owner, value) ?? 0;
    expect(n('city', ids.userId, '大连')).toBe(1);
    expect(n('city', 0, '沈阳')).toBe(1);
    expect(n('primary_model', ids.userId, 'magotan')).toBe(1);
    expect(n('primary_model', 0, Buffer.from([0]))).toBe(1);
    db.prepare("UPDATE customers SET city = '大连' WHERE id = ?").run(ids.customerB);
    expect([n('city', 0, '沈阳'), n('city', 0, '大连')]).toEqual([0, 1]);
    db.prepare('DELETE FROM customer_phones WHERE customer_id = ?').run(ids.customerA);
    db.prepare('DELETE FROM vehicles WHERE customer_id = ?').run(ids.customerA);
    db.prepare('DELETE FROM customers WHERE id = ?').run(ids.customerA);
    expect(n('city', ids.userId, '大连')).toBe(0);
  },
} satisfies MigrationStep;
