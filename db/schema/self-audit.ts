import { sqliteTable, text, integer, real, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * 审核自查's daily figures (issue 17): what each audit check gave on a day for the six months up to
 * it, written by the nightly job, so the screen shows a trend and the home screen the checks that
 * fail today. One row per day and check; a re-run of the day replaces its rows.
 */
export const selfAuditDaily = sqliteTable(
  'self_audit_daily',
  {
    day: text().notNull(),
    code: text().notNull(),
    status: text({ enum: ['pass', 'fail', 'not_computable'] }).notNull(),
    /** % of complying records (招揽率 for solicitation); null = nothing to measure. */
    figure: real(),
    numerator: integer().notNull(),
    denominator: integer().notNull(),
    computedAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.code] })],
);
