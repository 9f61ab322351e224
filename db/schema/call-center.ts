import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { id } from './columns';
import { users } from './auth';

/**
 * 呼叫中心 agent states (issue 19): where each user stands now — 就绪, 示忙 with its reason, 通话中,
 * 话后处理 until a time, 离线 — and, while locked, the state the unlock restores. One row per user.
 */
export const agentStates = sqliteTable('agent_states', {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  state: text({ enum: ['ready', 'busy', 'onCall', 'wrapUp', 'offline'] }).notNull(),
  /** 示忙's reason (break, training, meeting, lunch; locked and login are the program's own). */
  reason: text(),
  since: integer().notNull(),
  /** 话后处理: when the agent is back to 就绪 unless they extend it. */
  wrapUpUntil: integer(),
  /** Locked: the state (and reason) the unlock puts back. */
  beforeLock: text({ mode: 'json' }).$type<{ state: string; reason: string | null; wrapUpUntil: number | null }>(),
});

/**
 * Every state an agent was in, from when to when (ended_at null: the current one): the base of
 * occupancy figures (time ready, busy by reason, on calls, in wrap-up) and of the wall board's
 * "time in state".
 */
export const agentStateLog = sqliteTable(
  'agent_state_log',
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: text().notNull(),
    reason: text(),
    startedAt: integer().notNull(),
    endedAt: integer(),
  },
  (t) => [
    index('agent_state_log_user_idx').on(t.userId, t.startedAt),
    index('agent_state_log_started_idx').on(t.startedAt),
    // Each change closes the agent's one open row: found without walking months of their history.
    index('agent_state_log_open_idx').on(t.userId).where(sql`ended_at IS NULL`),
  ],
);
