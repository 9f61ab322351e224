import { expect } from 'vitest';
import { indexColumns, type MigrationStep, queryPlan, seedBasics } from './step';

/**
 * 呼叫中心 reads a period's calls from the time index alone (agent, direction, answered, ring and talk
 * time, outcome, customer), and a customer's calls after an instant by one seek; the calls a database
 * already holds are kept and found through both.
 */
export default {
  seed(db) {
    const { userId, customerA } = seedBasics(db);
    const call = db.prepare('INSERT INTO calls (direction, user_id, customer_id, started_at, answered_at, ended_at, duration_s, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    call.run('inbound', userId, customerA, 1_000, 4_000, 64_000, 60, 'done');
    call.run('outbound', userId, customerA, 100_000, null, 130_000, 0, 'noAnswer');
  },
  check(db) {
    expect(indexColumns(db, 'calls_started_idx')).toEqual(['started_at', 'direction', 'answered_at', 'user_id', 'duration_s', 'outcome', 'customer_id']);
    expect(indexColumns(db, 'calls_customer_idx')).toEqual(['customer_id', 'started_at']);
    const groups = 'SELECT c.user_id, c.direction, c.answered_at IS NOT NULL, c.outcome, count(*), sum(c.duration_s) FROM calls c WHERE c.started_at >= 0 AND c.started_at < 200000 GROUP BY 1, 2, 3, 4';
    expect(queryPlan(db, groups)).toContain('COVERING INDEX calls_started_idx');
    expect(db.prepare(groups).all()).toHaveLength(2);
    expect(queryPlan(db, "SELECT 1 FROM calls o WHERE o.customer_id = 1 AND o.direction = 'outbound' AND o.started_at > 0 AND o.started_at <= 5000")).toContain('calls_customer_idx (customer_id=? AND started_at>? AND started_at<?)');
  },
} satisfies MigrationStep;
