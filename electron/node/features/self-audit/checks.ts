import { sql, type SQL } from 'drizzle-orm';
import { AUDIT_CHECKS, type AuditCheckNo, type AuditCheckResult, type SelfAuditReport, type TextPair } from '../../../common/api/self-audit';
import { EXPORT_MAX_ROWS } from '../../../common/api/grid';
import type { DayRange } from '../../../common/analysis';
import { addMonths, todayIn } from '../../../common/dates';
import type { Core } from '../../core';
import { readAll } from '../../read-pool/read-sql';

interface Count {
  no: AuditCheckNo;
  total: number;
  bad: number | null;
  most: number | null;
}
import { auditDrill } from './presets';
import { RULES, type RuleCtx } from './rules';
import { AUDIT_REASON_TEXTS, AUDIT_RULE_TEXTS } from './texts';

/**
 * The audit samples the last six months: from the same day six months ago up to today (the
 * dealer's days), the period 招揽任务单's own audit figure uses (solicitation-rules.ts).
 */
export const AUDIT_MONTHS = 6;
export const defaultAuditRange = (today: string): DayRange => ({ from: addMonths(today, -AUDIT_MONTHS), to: today });

/** 招揽率's threshold (≥ 95 %); every other check tolerates no offending record. */
const THRESHOLD: Partial<Record<AuditCheckNo, number>> = { '5': 95 };
/** 未分配 + 已分配 under 5 % of the tasks, compared in integers (0.05 is not exact in binary). */
const passes = (no: AuditCheckNo, bad: number, total: number) => (no === '5' ? bad * 100 < 5 * total : bad === 0);

/** % of the records that comply, one decimal; null = "—" with nothing to measure (never NaN, never 0 %). */
const compliance = (bad: number, total: number) => (total > 0 ? Math.round(((total - bad) / total) * 1000) / 10 : null);

const reason = (key: Parameters<typeof AUDIT_REASON_TEXTS.pair>[0], params?: Record<string, string | number>): TextPair => ({
  zh: AUDIT_REASON_TEXTS.text(key, 'zh-CN', params),
  en: AUDIT_REASON_TEXTS.text(key, 'en', params),
});

/** One check's row of the count: the records the rule applies to and the offending ones (8: also the largest export). */
export function countSql(no: AuditCheckNo, ctx: RuleCtx): SQL {
  const rule = RULES[no]!(ctx);
  const most = no === '8' ? sql`max(coalesce(cast(json_extract(c.after, '$.rows') as integer), 0))` : sql`null`;
  return sql`select ${no} as no, count(*) as total, sum(case when ${rule.offending} then 1 else 0 end) as bad, ${most} as most from ${sql.raw(rule.from)} where ${rule.applies}`;
}

/** Every check's count in one statement: one trip to the read pool instead of nine. */
export const allCountsSql = (ctx: RuleCtx): SQL => sql.join(AUDIT_CHECKS.map((c) => countSql(c.no, ctx)), sql` union all `);

/**
 * 审核自查: every check of reference/003 over a period, computed in SQLite on the read pool from
 * the same rules the drill-down presets filter with (rules.ts). Dealer-wide: the audit looks at
 * the dealer, not at a team, so the drill lists scope 'all' (the roles allowed have customers.viewAll).
 */
export class SelfAuditService {
  constructor(private core: Pick<Core, 'reads' | 'settings' | 'clock'>) {}

  today(): string {
    return todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
  }

  async run(range: DayRange = defaultAuditRange(this.today())): Promise<SelfAuditReport> {
    const ctx: RuleCtx = { range, timeZone: this.core.settings.get('dealer.timeZone'), now: this.core.clock.now() };
    const rows = await readAll<Count>(this.core.reads, allCountsSql(ctx));
    const byNo = new Map(rows.map((r) => [r.no, r]));
    return { range, checks: AUDIT_CHECKS.map((c) => this.check(c.no, c.code, ctx, byNo.get(c.no)!)) };
  }

  private check(no: AuditCheckNo, code: AuditCheckResult['code'], ctx: RuleCtx, r: Count): AuditCheckResult {
    const base = { no, code, rule: AUDIT_RULE_TEXTS.pair(no), threshold: THRESHOLD[no] ?? 100, drill: auditDrill(no, ctx.range) };
    const bad = r.bad ?? 0;
    if (no === '8') {
      // No export in the period breaks nothing: it passes, with no figure to show.
      return {
        ...base,
        status: bad === 0 ? 'pass' : 'fail',
        figure: compliance(bad, r.total),
        numerator: bad,
        denominator: r.total,
        reason: r.total === 0 ? reason('noExports') : reason('exports', { count: r.total, max: r.most ?? 0, limit: EXPORT_MAX_ROWS }),
      };
    }
    if (r.total === 0) return { ...base, status: 'not_computable', figure: null, numerator: 0, denominator: 0, reason: reason('empty') };
    return { ...base, status: passes(no, bad, r.total) ? 'pass' : 'fail', figure: compliance(bad, r.total), numerator: bad, denominator: r.total };
  }
}
