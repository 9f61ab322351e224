import { expect } from 'vitest';
import { seedBasics, type MigrationStep } from './step';

let ids: ReturnType<typeof seedBasics>;

/** Pair counts are filled from the customers already there (smaller column name first, NULL as x'00') and kept by triggers. */
export default {
  seed(db) {
    ids = seedBasics(db);
  },
  check(db) {
    const n = (d1: string, d2: string, v1: unknown, v2: unknown, owner: number) =>
      db.prepare('SELECT n FROM customer_group_pair_counts WHERE d1 = ? AND d2 = ? AND v1 = ? AND v2 = ? AND owner_id = ?').pluck().get(d1, d2, v1, v2, owner) ?? 0;
    expect(n('city', 'gender', '大连', 'male', ids.userId)).toBe(1);
    expect(n('city', 'source', '沈阳', 'phone', 0)).toBe(1);
    expect(n('city', 'primary_model', '大连', 'magotan', ids.userId)).toBe(1);
    expect(n('city', 'primary_model', '沈阳', Buffer.from([0]), 0)).toBe(1);
    // Two counted columns in one statement: the pair moves once.
    db.prepare("UPDATE customers SET city = '大连', gender = 'male' WHERE id = ?").run(ids.customerB);
    expect([n('city', 'gender', '沈阳', 'female', 0), n('city', 'gender', '大连', 'male', 0)]).toEqual([0, 1]);
    db.prepare('UPDATE customers SET owner_id = ? WHERE id = ?').run(ids.userId, ids.customerB);
    expect([n('city', 'gender', '大连', 'male', 0), n('city', 'gender', '大连', 'male', ids.userId)]).toEqual([0, 2]);
    db.prepare('DELETE FROM customer_phones WHERE customer_id = ?').run(ids.customerA);
    db.prepare('DELETE FROM vehicles WHERE customer_id = ?').run(ids.customerA);
    db.prepare('DELETE FROM customers WHERE id = ?').run(ids.customerA);
    expect(n('city', 'gender', '大连', 'male', ids.userId)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = '_group_pair_backfill'").pluck().get()).toBe(0);
  },
} satisfies MigrationStep;
