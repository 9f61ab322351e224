import { expect } from 'vitest';
import { exists, seedBasics, type MigrationStep } from './step';

/** 呼叫中心 agent states: one current state per user and the log of every state with its times. */
export default {
  seed(db) {
    seedBasics(db);
  },
  check(db) {
    expect(exists(db, 'table', 'agent_states')).toBe(true);
    expect(exists(db, 'index', 'agent_state_log_open_idx')).toBe(true);
    db.prepare("INSERT INTO agent_states (user_id, state, reason, since) VALUES (1, 'busy', 'lunch', 5)").run();
    expect(() => db.prepare("INSERT INTO agent_states (user_id, state, since) VALUES (1, 'ready', 6)").run()).toThrow(/UNIQUE|PRIMARY/);
    db.prepare("INSERT INTO agent_state_log (user_id, state, reason, started_at) VALUES (1, 'busy', 'lunch', 5)").run();
    // The open row is the one the partial index holds.
    const plan = db.prepare('EXPLAIN QUERY PLAN UPDATE agent_state_log SET ended_at = 9 WHERE user_id = 1 AND ended_at IS NULL').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('agent_state_log_open_idx');
  },
} satisfies MigrationStep;
