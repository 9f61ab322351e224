import { expect } from 'vitest';
import { seedBasics, type MigrationStep } from './step';

/** The signed consent form's scan: customers held have none, and keep the consent they have. */
export default {
  seed(db) {
    const { customerA } = seedBasics(db);
    db.prepare("UPDATE customers SET consent_status = 'given', consent_date = '2026-11-01', consent_method = 'paper' WHERE id = ?").run(customerA);
  },
  check(db) {
    expect(db.prepare("SELECT consent_status AS s, consent_file AS f FROM customers WHERE consent_status IS NOT NULL").all()).toEqual([{ s: 'given', f: null }]);
  },
} satisfies MigrationStep;
