import { AUDIT_CHECKS, type FailingChecks, type selfAuditApi } from '../../../common/api/self-audit';
import type { Handlers } from '../../handlers';
import { SelfAuditService } from './checks';
import { latestDay, storeDay, trend } from './daily';
import { AUDIT_RULE_TEXTS } from './texts';

// Stateless over the core's read pool, settings and clock: made per call.
export const selfAuditHandlers: Handlers<typeof selfAuditApi> = {
  'selfAudit.checks': (ctx, input) => new SelfAuditService(ctx.core).run(input.range),
  'selfAudit.trend': (ctx, input) => trend(ctx.core, new SelfAuditService(ctx.core).today(), input.days),
  'selfAudit.failing': async (ctx): Promise<FailingChecks> => {
    const service = new SelfAuditService(ctx.core);
    const day = service.today();
    // Tonight's figures when the job has run today; else the checks now (before the first night, the
    // job paused, or the PC off at 02:20, as a desktop often is), stored as today's figures exactly
    // as the job would store them: the next home screen reads them instead of running every check
    // again (seconds at 1M), and the trend gets its day.
    if (latestDay(ctx.core) === day) {
      const stored = trend(ctx.core, day, 1);
      const checks = AUDIT_CHECKS.flatMap(({ no, code }) => {
        const p = stored[code]?.[0];
        return p?.status === 'fail' ? [{ no, code, rule: AUDIT_RULE_TEXTS.pair(no), figure: p.figure, numerator: p.numerator }] : [];
      });
      return { day, checks };
    }
    const report = await service.run();
    storeDay(ctx.core, day, report);
    return { day, checks: report.checks.filter((c) => c.status === 'fail').map(({ no, code, rule, figure, numerator }) => ({ no, code, rule, figure, numerator })) };
  },
};
