import { expect } from 'vitest';
import { columnsOf, count, seedBasics, type MigrationStep } from './step';

/** 审核自查's daily figures: a new table, one row per day and check; the data already there is untouched. */
export default {
  seed: (db) => void seedBasics(db),
  check(db) {
    expect(columnsOf(db, 'self_audit_daily')).toEqual(['day', 'code', 'status', 'figure', 'numerator', 'denominator', 'computed_at']);
    expect(count(db, 'customers')).toBe(2);
    const put = db.prepare("INSERT INTO self_audit_daily (day, code, status, figure, numerator, denominator, computed_at) VALUES ('2026-11-30', 'visitComplete', 'fail', 69.2, 4, 13, 0)");
    put.run();
    // The same day and check twice is refused: a re-run replaces its rows instead.
    expect(() => put.run()).toThrow(/UNIQUE|PRIMARY KEY/);
  },
} satisfies MigrationStep;
