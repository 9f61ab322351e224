import { expect } from 'vitest';
import { count, type MigrationStep } from './step';

/** Job runs count their attempts (earlier runs: 1); escalated tasks are remembered once each. */
export default {
  seed(db) {
    db.prepare("INSERT INTO job_runs (job, planned_for, started_at, status) VALUES ('daily-tasks', '2026-03-01', 0, 'ok')").run();
  },
  check(db) {
    expect(db.prepare('SELECT job, attempts FROM job_runs').all()).toEqual([{ job: 'daily-tasks', attempts: 1 }]);
    const mark = db.prepare('INSERT OR IGNORE INTO task_escalations (task_id, escalated_at) VALUES (?, ?)');
    mark.run(7, 1);
    mark.run(7, 2);
    expect(count(db, 'task_escalations')).toBe(1);
  },
} satisfies MigrationStep;
