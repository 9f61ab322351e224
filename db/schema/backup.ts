import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './auth';

/**
 * Every backup attempt (备份与恢复): nightly by the scheduler or 立即备份 by the administrator, with
 * where it went, how big, how long, whether its verification passed (integrity_check and row counts
 * of the copy) or why it failed. The last failed one shows on the administrator's home screen.
 */
export const backupRuns = sqliteTable(
  'backup_runs',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text({ enum: ['nightly', 'manual', 'beforeRestore'] }).notNull(),
    status: text({ enum: ['running', 'ok', 'failed'] }).notNull(),
    folder: text().notNull(),
    fileName: text(),
    size: integer(),
    ms: integer(),
    /** Row counts of the copy's main tables, read back from the copy. */
    counts: text({ mode: 'json' }).$type<Record<string, number>>(),
    recordingsCopied: integer(),
    error: text(),
    startedAt: integer().notNull(),
    finishedAt: integer(),
    startedBy: integer().references(() => users.id),
  },
  (t) => [index('backup_runs_started_idx').on(t.startedAt)],
);
