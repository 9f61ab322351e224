import { expect } from 'vitest';
import { exists, seedBasics, type MigrationStep } from './step';

/** Whether a revisit template was used is a seek on revisits_template_idx (the form asks it on every open and save). */
export default {
  seed(db) {
    seedBasics(db);
  },
  check(db) {
    expect(exists(db, 'index', 'revisits_template_idx')).toBe(true);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT EXISTS (SELECT 1 FROM revisits r WHERE r.template_id = 1)').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('revisits_template_idx');
  },
} satisfies MigrationStep;
