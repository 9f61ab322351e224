import { expect } from 'vitest';
import { indexColumns, type MigrationStep, queryPlan, seedBasics } from './step';

/**
 * 售后 / 客服's dissatisfied revisits of a period (the Pareto and the trend) are a seek by kind and
 * completion time over the dissatisfied revisits only, instead of every revisit of the kind.
 */
export default {
  seed: (db) => void seedBasics(db),
  check(db) {
    expect(indexColumns(db, 'revisits_dissatisfied_idx')).toEqual(['kind', 'done_at']);
    expect(queryPlan(db, "SELECT count(DISTINCT r.service_visit_id) FROM revisits r WHERE r.kind = 'repair' AND r.result = 'dissatisfied' AND r.done_at >= 0 AND r.done_at < 10 AND r.service_visit_id IS NOT NULL"))
      .toContain('revisits_dissatisfied_idx (kind=? AND done_at>? AND done_at<?)');
  },
} satisfies MigrationStep;
