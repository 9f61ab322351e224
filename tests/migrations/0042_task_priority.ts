import { expect } from 'vitest';
import { queryPlan, seedBasics, type MigrationStep } from './step';

/**
 * Tasks gain a priority (0 普通 by default, for the tasks already there), and the dialer's queue index
 * orders an agent's open tasks of a kind by due day, then the more urgent first — still without sorting.
 */
export default {
  seed(db) {
    const { userId, customerA } = seedBasics(db);
    db.prepare("INSERT INTO tasks (kind, natural_key, customer_id, due_date, status, assignee_id, created_at, updated_at) VALUES ('regular_service', 'k1', ?, '2026-12-01', 'open', ?, 0, 0)").run(customerA, userId);
  },
  check(db) {
    expect(db.prepare("SELECT priority FROM tasks WHERE natural_key = 'k1'").pluck().get()).toBe(0);
    const plan = queryPlan(db, "SELECT id FROM tasks WHERE assignee_id = 1 AND kind = 'regular_service' AND status IN ('open', 'in_progress') ORDER BY due_date, priority DESC, id LIMIT 1");
    expect(plan).toContain('tasks_open_queue_idx');
    expect(plan).not.toContain('TEMP B-TREE');
  },
} satisfies MigrationStep;
