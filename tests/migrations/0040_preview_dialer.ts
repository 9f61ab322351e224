import { expect } from 'vitest';
import { exists, seedBasics, type MigrationStep } from './step';

/**
 * 作业模式 (the preview dialer): queue rules, one claim per task (the primary key that keeps two agents
 * off one task), the attempts, and the open-task indexes the queues are read in due order from.
 */
export default {
  seed(db) {
    const { userId, customerA } = seedBasics(db);
    db.prepare("INSERT INTO tasks (kind, natural_key, customer_id, due_date, status, assignee_id, created_at, updated_at) VALUES ('regular_service', 'k1', ?, '2026-12-01', 'open', ?, 0, 0)").run(customerA, userId);
  },
  check(db) {
    for (const t of ['dialer_queues', 'dialer_claims', 'dialer_attempts']) expect(exists(db, 'table', t)).toBe(true);
    db.prepare("INSERT INTO dialer_claims (source, task_id, user_id, session_hash, queue, customer_id, claimed_at, expires_at) VALUES ('task', 1, 1, 'h1', 'regular_service', 1, 0, 10)").run();
    expect(() => db.prepare("INSERT INTO dialer_claims (source, task_id, user_id, session_hash, queue, customer_id, claimed_at, expires_at) VALUES ('task', 1, 1, 'h2', 'regular_service', 1, 5, 15)").run()).toThrow(/UNIQUE|PRIMARY/);
    // The same id in the other source is another task.
    db.prepare("INSERT INTO dialer_claims (source, task_id, user_id, session_hash, queue, customer_id, claimed_at, expires_at) VALUES ('solicitation', 1, 1, 'h1', 'solicitation', 1, 0, 10)").run();
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM tasks WHERE assignee_id = 1 AND kind = 'regular_service' AND status IN ('open', 'in_progress') ORDER BY due_date LIMIT 1")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('tasks_open_queue_idx');
    expect(plan.map((p) => p.detail).join(' ')).not.toContain('TEMP B-TREE');
  },
} satisfies MigrationStep;
