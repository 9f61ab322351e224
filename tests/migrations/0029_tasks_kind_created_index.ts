import { expect } from 'vitest';
import { indexColumns, type MigrationStep, queryPlan, seedBasics } from './step';

/**
 * 售后 / 客服 counts the reminder tasks made in a period by one seek on (kind, created_at), from the
 * index alone; the tasks a database already holds are kept and found through it.
 */
export default {
  seed(db) {
    const { customerA, vehicleId } = seedBasics(db);
    const task = db.prepare("INSERT INTO tasks (kind, status, customer_id, vehicle_id, due_date, natural_key, created_at, updated_at) VALUES (?, ?, ?, ?, '2026-01-10', ?, ?, ?)");
    task.run('first_service', 'open', customerA, vehicleId, 'fs:1', 1_000, 1_000);
    task.run('first_service', 'cancelled', customerA, vehicleId, 'fs:2', 2_000, 2_000);
    task.run('regular_service', 'done', customerA, vehicleId, 'rs:1', 3_000, 3_000);
  },
  check(db) {
    expect(indexColumns(db, 'tasks_kind_created_idx')).toEqual(['kind', 'created_at', 'status', 'customer_id']);
    const q = "SELECT count(*) FROM tasks c WHERE c.kind = 'first_service' AND c.status <> 'cancelled' AND c.created_at >= 0 AND c.created_at < 5000";
    expect(queryPlan(db, q)).toContain('COVERING INDEX tasks_kind_created_idx (kind=? AND created_at>? AND created_at<?)');
    expect(db.prepare(q).pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(3);
  },
} satisfies MigrationStep;
