import { sql, type SQL } from 'drizzle-orm';
import type { Figure, LostReason, SalesAnalysis, SalesPeriodFigures, StageStep } from '../../../common/api/analysis';
import type { Condition, ConditionGroup, GridSelectionQuery, Scope } from '../../../common/api/grid';
import { closingRate, comparePeriod, periodRange, rangeMs, ratio, registrationRate, type CompareKind, type DayRange, type Period } from '../../../common/analysis';
import { STAGES } from '../../../common/stages';
import type { Core } from '../../core';
import { readAll } from '../../read-pool/read-sql';
import type { SessionCtx } from '../auth';
import { consultantFilter } from './scope';
import { dealsPresetName, deliveredBetween } from './sales-rules';

/** Whose records a figure counts: the user's scope, optionally one consultant inside it. */
export interface SalesWho {
  scope: Scope;
  consultantId?: number;
}

export interface SalesInput extends SalesWho {
  period: Period;
  compare: CompareKind;
}

const one = (col: string, c: Omit<Condition, 'col'>): ConditionGroup => ({ join: 'and', conditions: [{ col, ...c }] });
const dayIs = (col: string, r: DayRange) => one(col, { op: 'between', value: r.from, value2: r.to });
/** The stage's case expression: its place in the funnel (0 = 初次接触). */
const stageIndexSql = `case o.stage ${STAGES.map((s, i) => `when '${s.code}' then ${i}`).join(' ')} end`;

/**
 * 销售分析: for a period (and the compared one), in the user's scope or for one consultant:
 * - the 日报's 留档率 and 成交率 (docs/sales-showroom.md, the same rates module): new prospects =
 *   registered first visits with a consultant, walk-ins with a consultant, new sales = deliveries
 *   with a consultant dated in the period;
 * - the funnel of the opportunities opened in the period: how many stand at each stage or beyond it
 *   now, and each stage's conversion from the one before;
 * - the opportunities abandoned in the period by reason, largest first (Pareto).
 * Each count is one GROUP BY in SQLite on an indexed date; each figure carries the grid query of its records.
 */
export class SalesService {
  constructor(private core: Pick<Core, 'db' | 'reads' | 'settings' | 'visibility'>) {}

  /** The statement counting a period (also a bare-SQL baseline): one row per (kind, key). */
  countsSql(s: SessionCtx, range: DayRange, input: SalesWho): SQL {
    const who = (col: string) => consultantFilter(this.core, s, input.scope, col, input.consultantId);
    const [from, to] = rangeMs(range, this.core.settings.get('dealer.timeZone'));
    return sql`select 'prospects' as kind, null as k, count(*) as n from showroom_visits sv
        where sv.visit_date between ${range.from} and ${range.to} and sv.first_visit = 1 and sv.consultant_id is not null and ${who('sv.consultant_id')}
      union all select 'walkIns', null, coalesce(sum(w.count), 0) from walk_in_batches w
        where w.visit_date between ${range.from} and ${range.to} and w.consultant_id is not null and ${who('w.consultant_id')}
      union all select 'deals', null, count(*) from deliveries d where ${deliveredBetween('d', range)} and ${who('d.consultant_id')}
      union all select 'stage', ${sql.raw(stageIndexSql)}, count(*) from opportunities o
        where o.created_at >= ${from} and o.created_at < ${to} and ${who('o.consultant_id')} group by 2
      union all select 'lost', o.abandon_reason, count(*) from opportunities o
        where o.status = 'abandoned' and o.closed_at >= ${from} and o.closed_at < ${to} and ${who('o.consultant_id')} group by 2`;
  }

  /** One period's figures (also 总经理月报's headlines, sales-headlines.ts). */
  async period(s: SessionCtx, range: DayRange, input: SalesWho): Promise<SalesPeriodFigures> {
    const rows = await readAll<{ kind: string; k: string | number | null; n: number }>(this.core.reads, this.countsSql(s, range, input));
    const total = (kind: string) => rows.filter((r) => r.kind === kind).reduce((a, r) => a + r.n, 0);

    const who = input.consultantId !== undefined ? [one('consultantId', { op: 'eq', value: input.consultantId })] : [];
    const q = (dataset: GridSelectionQuery['dataset'], columns: ConditionGroup[], preset?: string): GridSelectionQuery => ({
      dataset,
      scope: input.scope,
      filter: { columns: [...columns, ...who], ...(preset ? { preset } : {}) },
    });
    const withConsultant = one('consultantId', { op: 'notBlank' });
    const prospectsQ = q('showroomVisits', [dayIs('visitDate', range), one('firstVisit', { op: 'isTrue' }), withConsultant]);
    const walkInsQ = q('walkInBatches', [dayIs('visitDate', range), withConsultant]);
    const dealsQ = q('opportunities', [], dealsPresetName(range));

    const newProspects: Figure = { value: total('prospects'), drill: [prospectsQ] };
    const walkIns: Figure = { value: total('walkIns'), drill: [walkInsQ] };
    const deals: Figure = { value: total('deals'), drill: [dealsQ] };

    const atStage = new Map<number, number>();
    for (const r of rows) if (r.kind === 'stage' && r.k !== null) atStage.set(Number(r.k), r.n);
    const opened = dayIs('createdAt', range);
    let before: number | null = null;
    const funnel: StageStep[] = STAGES.map((st, i) => {
      let value = 0;
      for (const [k, n] of atStage) if (k >= i) value += n;
      const codes = STAGES.slice(i).map((x) => x.code);
      const step: StageStep = { stage: st.code, reached: { value, drill: [q('opportunities', [opened, one('stage', { op: 'in', values: codes })])] }, conversion: before === null ? null : ratio(value, before) };
      before = value;
      return step;
    });

    const lostTotal = total('lost');
    const closed = [one('status', { op: 'in', values: ['abandoned'] }), dayIs('closedAt', range)];
    const lost: Figure = { value: lostTotal, drill: [q('opportunities', closed)] };
    const reasons = rows
      .filter((r) => r.kind === 'lost')
      .map((r) => ({ reason: r.k === null || r.k === '' ? null : String(r.k), n: r.n }))
      // Pareto: largest first; no reason given last, whatever its size (it says nothing to act on).
      .sort((a, b) => Number(a.reason === null) - Number(b.reason === null) || b.n - a.n || String(a.reason).localeCompare(String(b.reason)));
    let running = 0;
    const lostReasons: LostReason[] = reasons.map(({ reason, n }) => {
      running += n;
      const cond = one('abandonReason', reason === null ? { op: 'blank' } : { op: 'in', values: [reason] });
      return { reason, figure: { value: n, drill: [q('opportunities', [...closed, cond])] }, share: ratio(n, lostTotal), cumulative: ratio(running, lostTotal) };
    });

    return {
      range,
      newProspects,
      walkIns,
      deals,
      registrationRate: { value: registrationRate(newProspects.value, walkIns.value), drill: [prospectsQ, walkInsQ] },
      closingRate: { value: closingRate(deals.value, newProspects.value), drill: [dealsQ, prospectsQ] },
      funnel,
      lost,
      lostReasons,
    };
  }

  async get(s: SessionCtx, input: SalesInput): Promise<SalesAnalysis> {
    const cmp = comparePeriod(input.period, input.compare);
    const [current, previous] = await Promise.all([this.period(s, periodRange(input.period), input), cmp ? this.period(s, periodRange(cmp), input) : null]);
    return { scope: input.scope, consultantId: input.consultantId ?? null, current, previous };
  }
}
