import { expect } from 'vitest';
import { seedBasics, type MigrationStep } from './step';

/** A showroom visit gets a version (a correction's form sends the one it loaded); visits already held start at 1 and keep their fields. */
export default {
  seed(db) {
    const { userId, customerA } = seedBasics(db);
    db.prepare("INSERT INTO showroom_visits (customer_id, name, phone, consultant_id, visit_date, visit_at, first_visit, visit_mode, created_at) VALUES (?, '张伟', '13800138000', ?, '2026-11-20', 0, 1, 1, 0)").run(customerA, userId);
  },
  check(db) {
    expect(db.prepare('SELECT name, phone, visit_mode, first_visit, version FROM showroom_visits').all()).toEqual([{ name: '张伟', phone: '13800138000', visit_mode: 1, first_visit: 1, version: 1 }]);
  },
} satisfies MigrationStep;
