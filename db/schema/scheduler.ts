import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id } from './columns';

/** Admin-editable schedule per job (cron in the dealership's time zone). */
export const jobSchedules = sqliteTable('job_schedules', {
  job: text().primaryKey(),
  cron: text().notNull(),
  paused: integer({ mode: 'boolean' }).notNull().default(false),
  updatedAt: integer().notNull(),
});

/** One row per job and planned time; the unique key makes a catch-up run exactly once. */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: id(),
    job: text().notNull(),
    plannedFor: text().notNull(),
    startedAt: integer().notNull(),
    endedAt: integer(),
    status: text({ enum: ['running', 'ok', 'failed'] }).notNull(),
    created: integer().notNull().default(0),
    skipped: integer().notNull().default(0),
    skippedReasons: text({ mode: 'json' }),
    error: text(),
    runner: text(),
    /** How many times this planned run was tried; a failed run is retried until MAX_ATTEMPTS. */
    attempts: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('job_runs_job_planned_uq').on(t.job, t.plannedFor), index('job_runs_started_idx').on(t.startedAt)],
);

/** Lease so that exactly one of several app instances on the same database runs jobs. */
export const schedulerLease = sqliteTable('scheduler_lease', {
  name: text().primaryKey(),
  holder: text().notNull(),
  expiresAt: integer().notNull(),
});

/** Overdue tasks already escalated to the managers: the every-minute job tells about each once. */
export const taskEscalations = sqliteTable('task_escalations', {
  taskId: integer().primaryKey(),
  escalatedAt: integer().notNull(),
});
