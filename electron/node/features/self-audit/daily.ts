import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { AuditCheckCode, AuditTrendPoint, SelfAuditReport } from '../../../common/api/self-audit';
import { addDays } from '../../../common/dates';
import { selfAuditDaily } from '../../../../db/schema';
import type { Core } from '../../core';
import { SelfAuditService, defaultAuditRange } from './checks';
import { SELF_AUDIT_JOB_LABELS } from './texts';

/**
 * The day's figures of every check (the six months up to that day), replacing what a re-run of
 * the same day wrote: one transaction, so the trend never shows half a day.
 */
export function storeDay(core: Pick<Core, 'db' | 'clock'>, day: string, report: SelfAuditReport): number {
  const now = core.clock.now();
  const rows = report.checks.map((c) => ({ day, code: c.code, status: c.status, figure: c.figure, numerator: c.numerator, denominator: c.denominator, computedAt: now }));
  core.db.transaction((tx) => {
    tx.delete(selfAuditDaily).where(eq(selfAuditDaily.day, day)).run();
    tx.insert(selfAuditDaily).values(rows).run();
  });
  return rows.length;
}

/** The stored figures of the last `days` days up to today, per check, oldest first. */
export function trend(core: Pick<Core, 'db'>, today: string, days: number): Partial<Record<AuditCheckCode, AuditTrendPoint[]>> {
  const rows = core.db
    .select()
    .from(selfAuditDaily)
    .where(and(gte(selfAuditDaily.day, addDays(today, 1 - days)), sql`${selfAuditDaily.day} <= ${today}`))
    .orderBy(asc(selfAuditDaily.day))
    .all();
  const out: Partial<Record<AuditCheckCode, AuditTrendPoint[]>> = {};
  for (const r of rows) (out[r.code as AuditCheckCode] ??= []).push({ day: r.day, status: r.status, figure: r.figure, numerator: r.numerator, denominator: r.denominator });
  return out;
}

/** The latest stored day (null before the first night). */
export function latestDay(core: Pick<Core, 'db'>): string | null {
  return core.db.select({ day: selfAuditDaily.day }).from(selfAuditDaily).orderBy(desc(selfAuditDaily.day)).limit(1).get()?.day ?? null;
}

/**
 * 审核自查 nightly: every check over the six months up to the run's day (the day core's clock, so a
 * catch-up run measures that day as it was then), stored for the trend and the home screen.
 */
export const selfAuditDailyJob = {
  id: 'selfAudit.daily',
  label: SELF_AUDIT_JOB_LABELS.pair('selfAudit.daily'),
  cron: '20 2 * * *',
  catchUp: false,
  transactional: false,
  // The scheduler's JobContext, as much of it as the job reads: typed here, not imported, so this
  // feature does not import the scheduler (which imports service, which takes this feature's presets);
  // electron/node/jobs.ts checks the whole job against JobDef.
  async run(ctx: { core: Pick<Core, 'db' | 'clock'>; dayCore: Pick<Core, 'reads' | 'settings' | 'clock'>; day: string }): Promise<{ created: number; skipped: Record<string, number> }> {
    const report = await new SelfAuditService(ctx.dayCore).run(defaultAuditRange(ctx.day));
    return { created: storeDay(ctx.core, ctx.day, report), skipped: {} };
  },
};
