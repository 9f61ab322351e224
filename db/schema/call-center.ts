import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
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

/**
 * 作业模式 (the preview dialer, issue 19): the rules of each queue, one row per queue (a task kind,
 * or 'solicitation' for 招揽任务); a queue without a row works by the defaults (dialer-rules.ts).
 */
export const dialerQueues = sqliteTable('dialer_queues', {
  queue: text().primaryKey(),
  /** Seconds the card is shown before the number is dialled; 0 = at once; null = only on the agent's key. */
  previewSeconds: integer(),
  /** Calls that did not reach the customer (未接通 / 忙 / 失败) before the task leaves the queue. */
  maxAttempts: integer().notNull(),
  /** Hours before a task not reached (or skipped) comes back. */
  retryHours: integer().notNull(),
  /** 话后处理 after this queue's calls (seconds); null = the setting callCenter.wrapUpSeconds. */
  wrapUpSeconds: integer(),
  /** What the agent says (the card's script); the revisit queues show their questionnaire as well. */
  script: text(),
  updatedAt: integer().notNull(),
  updatedBy: integer().references(() => users.id),
});

/**
 * Who is working which task now: one row per task (the primary key is what stops two seats from
 * getting the same one), held by one session (an agent signed in on two PCs works two tasks) until
 * `expiresAt` unless that seat renews it; released on 跳过, on the next task, on stopping, when the
 * session ends, and by running out when a seat crashed.
 */
export const dialerClaims = sqliteTable(
  'dialer_claims',
  {
    source: text({ enum: ['task', 'solicitation'] }).notNull(),
    taskId: integer().notNull(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The holding session (sessions.token_hash). */
    sessionHash: text().notNull(),
    queue: text().notNull(),
    customerId: integer().notNull(),
    claimedAt: integer().notNull(),
    expiresAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.taskId] }), index('dialer_claims_user_idx').on(t.userId), index('dialer_claims_session_idx').on(t.sessionHash)],
);

/**
 * Every time the dialer put a task to an agent and what came of it: a call (接通 / 未接通 / 忙 / 失败,
 * read from the call log when the call ends) or 跳过 with the agent's reason. Max attempts and the
 * retry wait are counted from here.
 */
export const dialerAttempts = sqliteTable(
  'dialer_attempts',
  {
    id: id(),
    source: text({ enum: ['task', 'solicitation'] }).notNull(),
    taskId: integer().notNull(),
    queue: text().notNull(),
    customerId: integer().notNull(),
    userId: integer().references(() => users.id),
    callId: integer(),
    result: text({ enum: ['answered', 'noAnswer', 'busy', 'failed', 'skipped'] }).notNull(),
    /** 跳过's reason. */
    reason: text(),
    at: integer().notNull(),
  },
  (t) => [index('dialer_attempts_task_idx').on(t.source, t.taskId, t.at), index('dialer_attempts_at_idx').on(t.at)],
);
