import { sql, type SQL } from 'drizzle-orm';
import { AUDIT_CHECKS, type AuditCheckNo, type AuditCheckResult, type SelfAuditReport, type TextPair } from '../../../common/api/self-audit';
import { EXPORT_MAX_ROWS } from '../../../common/api/grid';
import type { DayRange } from '../../../common/analysis';
import { addMonths, todayIn } from '../../../common/dates';
import type { Core } from '../../core';
import { readGet } from '../../read-pool/read-sql';
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

/** One check's count: the records the rule applies to and the offending ones (8: also the largest export). */
export function countSql(no: Exclude<AuditCheckNo, '4'>, ctx: RuleCtx): SQL {
  const rule = RULES[no]!(ctx);
  const extra = no === '8' ? sql`, max(coalesce(cast(json_extract(c.after, '$.rows') as integer), 0)) as most` : sql``;
  return sql`select count(*) as total, sum(case when ${rule.offending} then 1 else 0 end) as bad${extra} from ${sql.raw(rule.from)} where ${rule.applies}`;
}

/** The consent check's count: the period's first visits (what it will look at once consent is recorded). */
export const consentSql = (ctx: RuleCtx): SQL => sql`select count(*) as n from showroom_visits c where c.visit_date between ${ctx.range.from} and ${ctx.range.to} and c.first_visit = 1`;

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
    const checks = await Promise.all(AUDIT_CHECKS.map((c) => this.check(c.no, c.code, ctx)));
    return { range, checks };
  }

  private async check(no: AuditCheckNo, code: AuditCheckResult['code'], ctx: RuleCtx): Promise<AuditCheckResult> {
    const base = { no, code, rule: AUDIT_RULE_TEXTS.pair(no), threshold: THRESHOLD[no] ?? 100, drill: auditDrill(no, ctx.range) };
    if (no === '4') return { ...base, ...(await this.consent(ctx)) };
    const r = (await readGet<{ total: number; bad: number | null; most?: number | null }>(this.core.reads, countSql(no, ctx)))!;
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

  /**
   * Consent is not recorded yet (issue 18): the check says so and never passes. The denominator is
   * the period's first visits, the records it will look at.
   */
  private async consent(ctx: RuleCtx): Promise<Omit<AuditCheckResult, 'no' | 'code' | 'rule' | 'threshold' | 'drill'>> {
    const r = await readGet<{ n: number }>(this.core.reads, consentSql(ctx));
    return { status: 'not_computable', figure: null, numerator: 0, denominator: r?.n ?? 0, reason: reason('consent') };
  }
}
