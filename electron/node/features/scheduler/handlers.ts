import type { SchedulerJob, schedulerApi } from '../../../common/api/scheduler';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { me, type Handlers } from '../../handlers';
import { writeAudit } from '../admin';
import { cronProblem } from './cron';
import { CRON_TEXTS } from './cron-texts';
import { jobErrorDisplay } from './job-error';

function jobView(core: Pick<Core, 'services' | 'sqlite'>, id: string, locale: string): SchedulerJob {
  const s = core.services.scheduler;
  const j = s.job(id);
  const sch = s.scheduleOf(id);
  const last = core.sqlite
    .prepare('select planned_for as plannedFor, status, ended_at as endedAt, created, skipped, error from job_runs where job = ? order by started_at desc, id desc limit 1')
    .get(id) as SchedulerJob['last'] | undefined;
  return { id, zh: j.label.zh, en: j.label.en, cron: sch.cron, defaultCron: j.cron, paused: sch.paused, catchUp: j.catchUp, nextRun: s.nextRun(id), last: last ? { ...last, error: jobErrorDisplay(last.error, locale) } : null };
}

// Access is admin-only in the contract (dispatch enforces it); every change is audited.
export const schedulerHandlers: Handlers<typeof schedulerApi> = {
  'scheduler.overview': (ctx) => {
    me(ctx);
    const s = ctx.core.services.scheduler;
    const lease = s.lease.current();
    return {
      jobs: s.jobs.map((j) => jobView(ctx.core, j.id, ctx.locale)),
      lease: lease ? { ...lease, mine: lease.holder === s.instanceId } : null,
      timeZone: ctx.core.settings.get('dealer.timeZone'),
    };
  },
  'scheduler.setCron': (ctx, { job, cron }) => {
    const s = me(ctx);
    const sch = ctx.core.services.scheduler;
    const before = sch.scheduleOf(job);
    const problem = cronProblem(cron, ctx.locale);
    if (problem) {
      const message = CRON_TEXTS.text('refused', ctx.locale, { reason: problem });
      throw new AppError('INVALID_INPUT', { issues: [`cron: ${cronProblem(cron)}`], fields: [{ field: 'cron', message }] });
    }
    sch.setCron(job, cron);
    writeAudit(ctx.core.db, ctx.core.clock, { userId: s.user.id, action: 'update', entity: 'job_schedule', entityId: job, before, after: sch.scheduleOf(job) });
    return jobView(ctx.core, job, ctx.locale);
  },
  'scheduler.setPaused': (ctx, { job, paused }) => {
    const s = me(ctx);
    const sch = ctx.core.services.scheduler;
    const before = sch.scheduleOf(job);
    sch.setPaused(job, paused);
    writeAudit(ctx.core.db, ctx.core.clock, { userId: s.user.id, action: 'update', entity: 'job_schedule', entityId: job, before, after: sch.scheduleOf(job) });
    return jobView(ctx.core, job, ctx.locale);
  },
  'scheduler.runNow': async (ctx, { job }) => {
    me(ctx);
    const run = await ctx.core.services.scheduler.runNow(job);
    return run.error === undefined ? run : { ...run, error: jobErrorDisplay(run.error, ctx.locale) ?? undefined };
  },
};
