import { expect } from 'vitest';
import { indexColumns, seedBasics, type MigrationStep } from './step';

/** A consultant's opportunities newest first come from an index led by the consultant, in order, with no sort of all of them. */
export default {
  seed: (db) => void seedBasics(db),
  check(db) {
    expect(indexColumns(db, 'opps_consultant_created_idx')).toEqual(['consultant_id', 'created_at']);
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT id FROM opportunities WHERE consultant_id = 1 AND +status IN ('open') ORDER BY created_at DESC LIMIT 100").all() as { detail: string }[]).map((r) => r.detail);
    expect(plan.join('\n')).toContain('opps_consultant_created_idx');
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
  },
} satisfies MigrationStep;
