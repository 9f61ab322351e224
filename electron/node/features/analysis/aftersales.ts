import { sql, type SQL } from 'drizzle-orm';
import {
  AFTERSALES_REMINDER_KINDS,
  type AftersalesAnalysis,
  type AftersalesPeriodFigures,
  type AftersalesReason,
  type ReminderConversion,
} from '../../../common/api/analysis-aftersales';
import type { Figure, RateFigure } from '../../../common/api/analysis';
import type { Condition, Dataset, GridSelectionQuery } from '../../../common/api/grid';
import { comparePeriod, periodRange, ratio, type CompareKind, type DayRange, type Period } from '../../../common/analysis';
import type { Core } from '../../core';
import { readAll } from '../../read-pool/read-sql';
import { RULES, auditDrill } from '../self-audit';
import { aftersalesCtx, aftersalesPreset, dissatisfiedByReasonSql, dissatisfiedCountSql, keyCountSql, trendBuckets, type AftersalesCtx } from './aftersales-rules';

/** The table each drill data set lists (the FROM of its rule's count). */
const TABLE: Partial<Record<Dataset, string>> = {
  revisitSales: 'deliveries c',
  revisitRepair: 'service_visits c',
  serviceTasks: 'tasks c',
  complaints: 'complaints c',
  solicitationTasks: 'solicitation_tasks c',
  customers: 'customers c',
  reminderFirstService: 'vehicles c',
};
const KINDS = [
  ['sales', 'revisitSales', '6a'],
  ['repair', 'revisitRepair', '6b'],
] as const;

interface Row {
  kind: string;
  k: string | null;
  n: number;
}

/** The figures' records: every after-sales figure is dealer-wide (scope 'all'), filtered by a preset and ordinary conditions. */
const drill = (dataset: Dataset, key: string, range: DayRange, ...conditions: Condition[]): GridSelectionQuery => ({
  dataset,
  scope: 'all',
  filter: { columns: conditions.map((c) => ({ join: 'and' as const, conditions: [c] })), preset: aftersalesPreset(key, range) },
});

/** Largest first, unknown (null) last, each with its share of `total` and the running share. */
function pareto<T extends { key: string | null; figure: Figure }>(rows: T[], total: number): (T & { share: number | null; cumulative: number | null })[] {
  const sorted = [...rows].sort((a, b) => Number(a.key === null) - Number(b.key === null) || b.figure.value - a.figure.value || String(a.key).localeCompare(String(b.key)));
  let running = 0;
  return sorted.map((r) => {
    running += r.figure.value;
    return { ...r, share: ratio(r.figure.value, total), cumulative: ratio(running, total) };
  });
}

/**
 * 售后 / 客服: for a period (and the compared one), dealer-wide, counted on the read pool in one
 * UNION ALL statement per period from the rules its drill-downs list by (aftersales-rules.ts; the
 * revisit and 招揽 rules are 审核自查's).
 */
export class AftersalesService {
  constructor(private core: Pick<Core, 'clock' | 'reads' | 'settings'>) {}

  ctx(range: DayRange): AftersalesCtx {
    return aftersalesCtx(range, this.core.settings.get('dealer.timeZone'), this.core.clock.now());
  }

  /** The statement counting a period (also the bare-SQL baseline of the bench): rows (kind, k, n). */
  countsSql(range: DayRange): SQL {
    const ctx = this.ctx(range);
    const count = (dataset: Dataset, key: string, label?: string, c: AftersalesCtx = ctx) => keyCountSql(dataset, key, c, TABLE[dataset]!, label);
    const parts: SQL[] = [];
    for (const [kind, dataset, audit] of KINDS) {
      const rule = RULES[audit]!(ctx);
      parts.push(sql`select ${`rvAll.${kind}`} as kind, null as k, count(*) as n from ${sql.raw(rule.from)} where ${rule.applies}`);
      parts.push(count(dataset, 'rv3', `rv3.${kind}`), dissatisfiedCountSql(kind, ctx, `dis.${kind}`), dissatisfiedByReasonSql(kind, ctx));
      parts.push(dissatisfiedCountSql(kind, ctx, 'trend', trendBuckets(range).map((b) => this.ctx(b).ms)));
    }
    const [a, b] = ctx.ms;
    parts.push(sql`select 'cat' as kind, c.category as k, count(*) as n from complaints c where c.created_at >= ${a} and c.created_at < ${b} group by 2`);
    parts.push(count('complaints', 'cmpo'), count('complaints', 'cmpc'));
    // Median hours to close of the period's closed complaints: the middle one or two by duration.
    parts.push(sql`select 'closeH' as kind, null as k, (select avg(d) from (select d from (select (c.closed_at - c.created_at) / 3600000.0 as d from complaints c
        where c.created_at >= ${a} and c.created_at < ${b} and c.status = 'closed' and c.closed_at is not null) order by d
        limit 2 - (select count(*) from complaints c where c.created_at >= ${a} and c.created_at < ${b} and c.status = 'closed' and c.closed_at is not null) % 2
        offset ((select count(*) from complaints c where c.created_at >= ${a} and c.created_at < ${b} and c.status = 'closed' and c.closed_at is not null) - 1) / 2)) as n`);
    AFTERSALES_REMINDER_KINDS.forEach((_, i) => parts.push(count('serviceTasks', `rm${i}`), count('serviceTasks', `rm${i}a`), count('serviceTasks', `rm${i}v`)));
    const sol = RULES['5']!(ctx);
    parts.push(sql`select 'solAll' as kind, null as k, count(*) as n from ${sql.raw(sol.from)} where ${sol.applies}`);
    parts.push(count('solicitationTasks', 'sol.w'), count('solicitationTasks', 'sol.s'));
    parts.push(count('customers', 'ret'), count('customers', 'ret-'), count('customers', 'ch'));
    parts.push(count('reminderFirstService', 'fs'), count('reminderFirstService', 'fs.r'));
    parts.push(sql`select 'chR' as kind, h.reason as k, count(distinct h.customer_id) as n from churn_records h where h.created_at >= ${a} and h.created_at < ${b} group by 2`);
    return sql.join(parts, sql` union all `);
  }

  async period(range: DayRange): Promise<AftersalesPeriodFigures> {
    const rows = await readAll<Row>(this.core.reads, this.countsSql(range));
    const n = (kind: string) => rows.filter((r) => r.kind === kind).reduce((s, r) => s + (r.n ?? 0), 0);
    const byKind = (kind: string) => rows.filter((r) => r.kind === kind);
    const fig = (value: number, ...queries: GridSelectionQuery[]): Figure => ({ value, drill: queries });

    const buckets = trendBuckets(range);
    // Revisits within 3 days: on time / all the rule applies to; the drill lists the on-time ones and 审核自查's late ones.
    const rate = (kind: 'sales' | 'repair', dataset: Dataset, audit: '6a' | '6b'): RateFigure => ({
      value: ratio(n(`rv3.${kind}`), n(`rvAll.${kind}`)),
      drill: [drill(dataset, 'rv3', range), auditDrill(audit, range)!],
    });

    const reasonRows = new Map<string | null, number>();
    for (const kind of ['sales', 'repair']) for (const r of byKind(`why.${kind}`)) reasonRows.set(r.k, (reasonRows.get(r.k) ?? 0) + r.n);
    const mentions = [...reasonRows.values()].reduce((s, v) => s + v, 0);
    const reasonKey = (k: string | null) => (k === null ? 'dis-' : `dis.${k}`);
    const dissatisfactionReasons: AftersalesReason[] = pareto(
      [...reasonRows].map(([key, value]) => ({ key, figure: fig(value, drill('revisitSales', reasonKey(key), range), drill('revisitRepair', reasonKey(key), range)) })),
      mentions,
    );

    const complaints = byKind('cat');
    const complaintsTotal = complaints.reduce((s, r) => s + r.n, 0);
    const reminders: ReminderConversion[] = AFTERSALES_REMINDER_KINDS.map((kind, i) => {
      const [sent, appointed, arrived] = [n(`rm${i}`), n(`rm${i}a`), n(`rm${i}v`)];
      return {
        kind,
        sent: fig(sent, drill('serviceTasks', `rm${i}`, range)),
        appointed: fig(appointed, drill('serviceTasks', `rm${i}a`, range)),
        arrived: fig(arrived, drill('serviceTasks', `rm${i}v`, range)),
        appointmentRate: ratio(appointed, sent),
        arrivalRate: ratio(arrived, appointed),
      };
    });
    const [retained, notRetained] = [n('ret'), n('ret-')];
    const churnRows = byKind('chR');

    return {
      range,
      revisitSales: rate('sales', 'revisitSales', '6a'),
      revisitRepair: rate('repair', 'revisitRepair', '6b'),
      dissatisfied: fig(n('dis.sales') + n('dis.repair'), drill('revisitSales', 'dis', range), drill('revisitRepair', 'dis', range)),
      dissatisfactionReasons,
      dissatisfactionTrend: buckets.map((b, i) => ({
        range: b,
        figure: fig(rows.filter((r) => r.kind === 'trend' && Number(r.k) === i).reduce((t, r) => t + r.n, 0), drill('revisitSales', 'dis', b), drill('revisitRepair', 'dis', b)),
      })),
      complaints: fig(complaintsTotal, drill('complaints', 'cmp', range)),
      complaintCategories: pareto(
        complaints.map((r) => ({ key: r.k, figure: fig(r.n, drill('complaints', 'cmp', range, { col: 'category', op: 'in', values: [r.k ?? ''] })) })),
        complaintsTotal,
      ).map(({ key, figure, share, cumulative }) => ({ category: key ?? '', figure, share, cumulative })),
      complaintsOpen: fig(n('cmpo'), drill('complaints', 'cmpo', range)),
      complaintsClosed: fig(n('cmpc'), drill('complaints', 'cmpc', range)),
      complaintCloseHours: rows.find((r) => r.kind === 'closeH')?.n ?? null,
      reminders,
      solicitationRate: { value: ratio(n('sol.w'), n('solAll')), drill: [drill('solicitationTasks', 'sol.w', range), auditDrill('5', range)!] },
      solicitationSuccess: { value: ratio(n('sol.s'), n('solAll')), drill: [drill('solicitationTasks', 'sol.s', range), drill('solicitationTasks', 'sol.n', range)] },
      retention: { value: ratio(retained, retained + notRetained), drill: [drill('customers', 'ret', range), drill('customers', 'ret-', range)] },
      firstServiceReturn: { value: ratio(n('fs.r'), n('fs')), drill: [drill('reminderFirstService', 'fs.r', range), drill('reminderFirstService', 'fs.n', range)] },
      firstServiceDue: fig(n('fs'), drill('reminderFirstService', 'fs', range)),
      churned: fig(n('ch'), drill('customers', 'ch', range)),
      churnReasons: pareto(
        churnRows.map((r) => ({ key: r.k, figure: fig(r.n, drill('customers', `ch.${r.k}`, range)) })),
        churnRows.reduce((s, r) => s + r.n, 0),
      ),
    };
  }

  async get(input: { period: Period; compare: CompareKind }): Promise<AftersalesAnalysis> {
    const cmp = comparePeriod(input.period, input.compare);
    const [current, previous] = await Promise.all([this.period(periodRange(input.period)), cmp ? this.period(periodRange(cmp)) : null]);
    return { current, previous };
  }
}
