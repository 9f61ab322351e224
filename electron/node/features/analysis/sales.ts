import { sql, type SQL } from 'drizzle-orm';
import { FORECAST_MONTHS, type CompetitorBrand, type ConsultantRank, type Figure, type RankCounts, type ForecastMonth, type LostReason, type SalesAnalysis, type SalesPeriodFigures, type StageDays, type StageStep } from '../../../common/api/analysis';
import type { Condition, ConditionGroup, GridSelectionQuery, Scope } from '../../../common/api/grid';
import { closingRate, comparePeriod, periodRange, rangeMs, ratio, registrationRate, type CompareKind, type DayRange, type Period } from '../../../common/analysis';
import { addMonths, monthDays, todayIn } from '../../../common/dates';
import { STAGES, type StageCode } from '../../../common/stages';
import type { Core } from '../../core';
import { readAll } from '../../read-pool/read-sql';
import type { SessionCtx } from '../auth';
import { consultantFilter } from './scope';
import { activitiesDueSql, activitiesPresetName, dealsPresetName, deliveredBetween, onTimeSql, stageDaysSql, stageLeftPresetName } from './sales-rules';

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

/** The abandon reason that means "bought a competitor" (sales/abandon.ts COMPETITOR_REASONS; analysis may not import sales: sales imports analysis). */
const COMPETITOR_REASON = 'competitor';

/**
 * Pareto order of a breakdown: largest first, the unknown key (null) last whatever its size (it says
 * nothing to act on), each with its share of the total and the running share down the list.
 */
function pareto(rows: { key: string | null; n: number }[], total: number) {
  const sorted = [...rows].sort((a, b) => Number(a.key === null) - Number(b.key === null) || b.n - a.n || String(a.key).localeCompare(String(b.key)));
  let running = 0;
  return sorted.map(({ key, n }) => {
    running += n;
    return { key, n, share: ratio(n, total), cumulative: ratio(running, total) };
  });
}
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
 * - the opportunities abandoned in the period by reason, largest first (Pareto), and by the competitor brand they went to;
 * - the median days in each stage of the period's opened opportunities (window functions over stage_history);
 * - the consultant ranking (each consultant's period against the compared one); and, from the dealer's today, the forecast by expected month.
 * Each count is a GROUP BY in SQLite on an indexed date (statements in parallel on the read pool); each figure carries
 * the grid query of its records.
 */
export class SalesService {
  constructor(private core: Pick<Core, 'clock' | 'db' | 'reads' | 'settings' | 'visibility'>) {}

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
        where o.status = 'abandoned' and o.closed_at >= ${from} and o.closed_at < ${to} and ${who('o.consultant_id')} group by 2
      union all select 'brand', nullif(o.competitor_brand, ''), count(*) from opportunities o
        where o.status = 'abandoned' and o.closed_at >= ${from} and o.closed_at < ${to} and ${who('o.consultant_id')}
          and (o.abandon_reason = ${COMPETITOR_REASON} or coalesce(o.competitor_brand, '') <> '') group by 2`;
  }

  /** Median days per stage of the opportunities opened in the period (sales-rules.ts stageDaysSql). */
  stageDaysSql(s: SessionCtx, range: DayRange, input: SalesWho): SQL {
    const [fromMs, toMs] = rangeMs(range, this.core.settings.get('dealer.timeZone'));
    return stageDaysSql(fromMs, toMs, consultantFilter(this.core, s, input.scope, 'o.consultant_id', input.consultantId));
  }

  /** Every statement a first load runs (the bench's bare-SQL baseline): each period's counts, stage days and ranking, and the forecast. */
  firstLoadSql(s: SessionCtx, input: SalesInput): SQL[] {
    const cmp = comparePeriod(input.period, input.compare);
    const ranges = [periodRange(input.period), ...(cmp ? [periodRange(cmp)] : [])];
    const month = todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now()).slice(0, 7);
    return [...ranges.flatMap((r) => [this.countsSql(s, r, input), this.stageDaysSql(s, r, input), this.rankingSql(s, r, input)]), this.forecastSql(s, month, input)];
  }

  /** One period's figures (also 总经理月报's headlines, sales-headlines.ts). */
  async period(s: SessionCtx, range: DayRange, input: SalesWho): Promise<SalesPeriodFigures> {
    const [rows, days] = await Promise.all([
      readAll<{ kind: string; k: string | number | null; n: number }>(this.core.reads, this.countsSql(s, range, input)),
      readAll<{ stage: string; n: number; days: number }>(this.core.reads, this.stageDaysSql(s, range, input)),
    ]);
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
    // The deals of one consultant are those they delivered (the 日报's rule), not those of their opportunities.
    const dealsQ: GridSelectionQuery = { dataset: 'opportunities', scope: input.scope, filter: { columns: [], preset: dealsPresetName(range, input.consultantId) } };

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
    const lostReasons: LostReason[] = pareto(
      rows.filter((r) => r.kind === 'lost').map((r) => ({ key: r.k === null || r.k === '' ? null : String(r.k), n: r.n })),
      lostTotal,
    ).map(({ key, n, share, cumulative }) => {
      const cond = one('abandonReason', key === null ? { op: 'blank' } : { op: 'in', values: [key] });
      return { reason: key, figure: { value: n, drill: [q('opportunities', [...closed, cond])] }, share, cumulative };
    });

    // Lost to a competitor: a brand recorded (whatever the reason), or the reason 购买竞品 without one (unknown, last).
    // Two lists (a filter group names one column): those with a brand, and 购买竞品 without one.
    const noBrand = [one('abandonReason', { op: 'in', values: [COMPETITOR_REASON] }), one('competitorBrand', { op: 'blank' })];
    const competitorTotal = total('brand');
    const competitorLost: Figure = { value: competitorTotal, drill: [q('opportunities', [...closed, one('competitorBrand', { op: 'notBlank' })]), q('opportunities', [...closed, ...noBrand])] };
    const competitorBrands: CompetitorBrand[] = pareto(
      rows.filter((r) => r.kind === 'brand').map((r) => ({ key: r.k === null ? null : String(r.k), n: r.n })),
      competitorTotal,
    ).map(({ key, n, share, cumulative }) => {
      const conds = key === null ? noBrand : [one('competitorBrand', { op: 'in', values: [key] })];
      return { brand: key, figure: { value: n, drill: [q('opportunities', [...closed, ...conds])] }, share, cumulative };
    });

    const byStage = new Map(days.map((d) => [d.stage, d]));
    const stageDays: StageDays[] = STAGES.slice(0, -1).map((st) => {
      const d = byStage.get(st.code);
      return { stage: st.code, median: d ? d.days : null, measured: { value: d?.n ?? 0, drill: [q('opportunities', [opened], stageLeftPresetName(st.code))] } };
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
      stageDays,
      competitorLost,
      competitorBrands,
    };
  }

  /**
   * Per consultant of the scope in the period: leads (first visits), visits, test drives (visits with
   * 试乘试驾), deals (their deliveries) and activities due / done on time — one UNION ALL grouped by
   * consultant on the date indexes, the names from users.
   */
  rankingSql(s: SessionCtx, range: DayRange, input: SalesWho): SQL {
    const who = (col: string) => consultantFilter(this.core, s, input.scope, col, input.consultantId);
    const tz = this.core.settings.get('dealer.timeZone');
    return sql`select r.kind, r.cid, r.n, r.n2, r.n3, u.display_name as name from (
        select 'visits' as kind, sv.consultant_id as cid, count(*) as n, sum(sv.first_visit) as n2, sum(sv.test_drive) as n3 from showroom_visits sv
          where sv.visit_date between ${range.from} and ${range.to} and sv.consultant_id is not null and ${who('sv.consultant_id')} group by 2
        union all select 'deals', d.consultant_id, count(*), 0, 0 from deliveries d where ${deliveredBetween('d', range)} and ${who('d.consultant_id')} group by 2
        union all select 'acts', a.owner_id, count(*), sum(${onTimeSql('a', range, tz)}), 0 from activities a
          where ${activitiesDueSql('a', range, tz)} and a.owner_id is not null and ${who('a.owner_id')} group by 2
      ) r join users u on u.id = r.cid`;
  }

  /** One consultant's counts in a period, all zero, each with the link to its records. */
  private zeroCounts(range: DayRange, cid: number, input: SalesWho): RankCounts {
    const opps = (preset: string): GridSelectionQuery => ({ dataset: 'opportunities', scope: input.scope, filter: { columns: [], preset } });
    const acts = (preset: string): GridSelectionQuery => ({ dataset: 'activities', scope: input.scope, filter: { columns: [], preset } });
    const visits = (...extra: ConditionGroup[]): GridSelectionQuery => ({
      dataset: 'showroomVisits',
      scope: input.scope,
      filter: { columns: [dayIs('visitDate', range), one('consultantId', { op: 'eq', value: cid }), ...extra] },
    });
    const fig = (drill: GridSelectionQuery): Figure => ({ value: 0, drill: [drill] });
    return {
      leads: fig(visits(one('firstVisit', { op: 'isTrue' }))),
      visits: fig(visits()),
      testDrives: fig(visits(one('testDrive', { op: 'isTrue' }))),
      deals: fig(opps(dealsPresetName(range, cid))),
      activitiesDue: fig(acts(activitiesPresetName('due', range, cid))),
      activitiesOnTime: fig(acts(activitiesPresetName('onTime', range, cid))),
      onTimeRate: null,
    };
  }

  /** Each consultant's counts in one period (those with any), by id, with their names. */
  private async rankCounts(s: SessionCtx, range: DayRange, input: SalesWho): Promise<Map<number, { name: string; counts: RankCounts }>> {
    const rows = await readAll<{ kind: string; cid: number; n: number; n2: number; n3: number; name: string }>(this.core.reads, this.rankingSql(s, range, input));
    const byId = new Map<number, { name: string; counts: RankCounts }>();
    for (const row of rows) {
      let line = byId.get(row.cid);
      if (!line) byId.set(row.cid, (line = { name: row.name, counts: this.zeroCounts(range, row.cid, input) }));
      const r = line.counts;
      if (row.kind === 'visits') [r.visits.value, r.leads.value, r.testDrives.value] = [row.n, row.n2, row.n3];
      else if (row.kind === 'deals') r.deals.value = row.n;
      else [r.activitiesDue.value, r.activitiesOnTime.value] = [row.n, row.n2];
    }
    for (const { counts } of byId.values()) counts.onTimeRate = ratio(counts.activitiesOnTime.value, counts.activitiesDue.value);
    return byId;
  }

  /**
   * The ranking: every consultant with figures in the period or the compared one, the current counts
   * beside the compared ones; by deals, then leads, then name.
   */
  private async ranking(s: SessionCtx, range: DayRange, compared: DayRange | null, input: SalesWho): Promise<ConsultantRank[]> {
    const [cur, prev] = await Promise.all([this.rankCounts(s, range, input), compared ? this.rankCounts(s, compared, input) : null]);
    const ids = new Set([...cur.keys(), ...(prev ? prev.keys() : [])]);
    const list = [...ids].map((cid): ConsultantRank => ({
      consultantId: cid,
      name: (cur.get(cid) ?? prev!.get(cid)!).name,
      ...(cur.get(cid)?.counts ?? this.zeroCounts(range, cid, input)),
      previous: prev && compared ? (prev.get(cid)?.counts ?? this.zeroCounts(compared, cid, input)) : null,
    }));
    return list.sort((a, b) => b.deals.value - a.deals.value || b.leads.value - a.leads.value || a.name.localeCompare(b.name, 'zh-CN'));
  }

  /** Open opportunities of the scope by expected purchase month, from the first of `month` for FORECAST_MONTHS months. */
  forecastSql(s: SessionCtx, firstMonth: string, input: SalesWho): SQL {
    const who = consultantFilter(this.core, s, input.scope, 'o.consultant_id', input.consultantId);
    const from = `${firstMonth}-01`;
    const to = monthDays(addMonths(from, FORECAST_MONTHS - 1).slice(0, 7)).last;
    return sql`select substr(o.expected_purchase_date, 1, 7) as month, o.stage, count(*) as n from opportunities o
      where o.status = 'open' and o.expected_purchase_date between ${from} and ${to} and ${who} group by 1, 2`;
  }

  private async forecast(s: SessionCtx, input: SalesWho): Promise<ForecastMonth[]> {
    const today = todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
    const first = today.slice(0, 7);
    const rows = await readAll<{ month: string; stage: StageCode; n: number }>(this.core.reads, this.forecastSql(s, first, input));
    const probability = new Map<string, number>(STAGES.map((st) => [st.code, st.probability / 100]));
    const who = input.consultantId !== undefined ? [one('consultantId', { op: 'eq', value: input.consultantId })] : [];
    return Array.from({ length: FORECAST_MONTHS }, (_, i) => {
      const month = addMonths(`${first}-01`, i).slice(0, 7);
      const mine = rows.filter((r) => r.month === month);
      const { first: mFrom, last: mTo } = monthDays(month);
      const drill: GridSelectionQuery = {
        dataset: 'opportunities',
        scope: input.scope,
        filter: { columns: [one('status', { op: 'in', values: ['open'] }), one('expectedPurchaseDate', { op: 'between', value: mFrom, value2: mTo }), ...who] },
      };
      const weight = mine.reduce((a, r) => a + r.n * (probability.get(r.stage) ?? 0), 0);
      return { month, count: { value: mine.reduce((a, r) => a + r.n, 0), drill: [drill] }, weight: Math.round(weight * 100) / 100 };
    });
  }

  async get(s: SessionCtx, input: SalesInput): Promise<SalesAnalysis> {
    const cmp = comparePeriod(input.period, input.compare);
    const range = periodRange(input.period);
    const cmpRange = cmp ? periodRange(cmp) : null;
    const [current, previous, ranking, forecast] = await Promise.all([
      this.period(s, range, input),
      cmpRange ? this.period(s, cmpRange, input) : null,
      this.ranking(s, range, cmpRange, input),
      this.forecast(s, input),
    ]);
    return { scope: input.scope, consultantId: input.consultantId ?? null, current, previous, ranking, forecast };
  }
}
