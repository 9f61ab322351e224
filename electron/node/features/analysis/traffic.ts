import { sql, type SQL } from 'drizzle-orm';
import { AGE_BANDS, DISTRICT_ROWS, type Bucket, type Figure, type TrafficAnalysis } from '../../../common/api/analysis';
import type { Condition, ConditionGroup, GridSelectionQuery, Scope } from '../../../common/api/grid';
import { comparePeriod, periodRange, rangeDayList, type CompareKind, type DayRange, type Period } from '../../../common/analysis';
import type { Core } from '../../core';
import { readAll } from '../../read-pool/read-sql';
import type { SessionCtx } from '../auth';
import { consultantFilter } from './scope';
import { ageBandSql, citySql, dayStartsSql, fixedOffset, hourOfVisitFixedSql, hourOfVisitSql, idRegionSql, phoneAreaSql } from './visit-rules';
import { heatLayers } from './traffic-heat';
import { phoneAreaNames, regionNames } from './traffic-regions';

export interface TrafficInput {
  period: Period;
  compare: CompareKind;
  scope: Scope;
  consultantId?: number;
}

type Key = string | null;
/** Counts of one period: registered visits per dimension and walk-ins per day × model. */
interface Counts {
  range: DayRange;
  visits: Map<string, Map<Key, number>>;
  hours: { day: string; hour: number; n: number }[];
  noTime: number;
  /** Walk-ins per day, model and hour of the batch's saving on its day (null: saved on another day). */
  walkIns: { day: string; model: string; h: number | null; n: number }[];
}

const one = (col: string, c: Omit<Condition, 'col'>): ConditionGroup => ({ join: 'and', conditions: [{ col, ...c }] });
/** A condition meaning "this key", or "not known" for null. */
const enumIs = (col: string, key: Key) => one(col, key === null ? { op: 'blank' } : { op: 'in', values: [key] });
const textIs = (col: string, key: Key) => one(col, key === null ? { op: 'blank' } : { op: 'equals', value: key });
const dayIs = (col: string, from: string, to: string) => one(col, { op: 'between', value: from, value2: to });

const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);
const sum = (m: Map<Key, number> | undefined) => [...(m ?? new Map<Key, number>()).values()].reduce((a, b) => a + b, 0);

/**
 * 集客分析: showroom traffic = registered visits (showroom_visits, one a person) + 未留档 walk-ins
 * (walk_in_batches, counts per model, day and consultant), for a period and the one compared with
 * it, in the user's scope by the visit's / batch's consultant. Everything is counted in SQLite
 * with GROUP BY over the period's visits (one pass through the visit-date index: the period's rows
 * are gathered once in a materialised CTE and grouped per breakdown); each figure carries the grid
 * query of its records, built from the same rules (visit-rules.ts).
 */
export class TrafficService {
  constructor(private core: Pick<Core, 'db' | 'reads' | 'settings' | 'visibility'>) {}

  /** The statement that counts a period's registered visits (also the bench's bare-SQL baseline). */
  /**
   * The hour of a row's instant on its day: where the zone keeps one offset over the period (China
   * always) it is arithmetic on the row; across a DST change the period's day starts are joined in
   * (a scan of ≤ 366 rows a row).
   */
  private hourOf(range: DayRange, t: string, at: string) {
    const tz = this.core.settings.get('dealer.timeZone');
    const offset = fixedOffset(range, tz);
    return offset !== null
      ? { hour: sql.raw(hourOfVisitFixedSql(t, offset, at)), ds: null, days: sql`` }
      : { hour: sql.raw(hourOfVisitSql(t, 'ds', at)), ds: sql`ds as (${dayStartsSql(range, tz)})`, days: sql.raw(`left join ds on ds.day = ${t}.visit_date`) };
  }

  visitsSql(range: DayRange, who: SQL): SQL {
    const { hour, ds, days } = this.hourOf(range, 'sv', 'visit_at');
    return sql`with ${ds ? sql`${ds},` : sql``}
      v as materialized (
        select sv.visit_date as d, sv.first_visit as f, sv.interested_model as m, sv.visit_at is null as nt,
          cu.source as s, ${sql.raw(citySql('cu'))} as city, ${sql.raw(ageBandSql('cu', 'sv.visit_date'))} as b, ${hour} as h,
          ${sql.raw(idRegionSql('cu'))} as r, cu.occupation as o, ${sql.raw(phoneAreaSql('cu'))} as pa
        from showroom_visits sv
        left join customers cu on cu.id = sv.customer_id
        ${days}
        where sv.visit_date between ${range.from} and ${range.to} and ${who})
      select 'day' as dim, d as k, null as h, count(*) as n from v group by d
      union all select 'kind', case when f = 1 then 'first' else 'return' end, null, count(*) from v group by 2
      union all select 'model', m, null, count(*) from v group by m
      union all select 'source', s, null, count(*) from v group by s
      union all select 'city', city, null, count(*) from v group by city
      union all select 'band', b, null, count(*) from v group by b
      union all select 'region', r, null, count(*) from v group by r
      union all select 'occupation', o, null, count(*) from v group by o
      union all select 'phoneArea', pa, null, count(*) from v group by pa
      union all select 'noTime', null, null, count(*) from v where nt
      union all select 'hour', d, h, count(*) from v where h is not null group by d, h`;
  }

  /** Walk-ins per day, model and hour of saving (the heat map's 未留档 layer: the counter saves at each tap). */
  walkInsSql(range: DayRange, who: SQL): SQL {
    const { hour, ds, days } = this.hourOf(range, 'w', 'created_at');
    return sql`${ds ? sql`with ${ds} ` : sql``}select w.visit_date as day, w.model as model, ${hour} as h, sum(w.count) as n from walk_in_batches w ${days}
      where w.visit_date between ${range.from} and ${range.to} and ${who} group by w.visit_date, w.model, h`;
  }

  private async counts(s: SessionCtx, range: DayRange, input: TrafficInput): Promise<Counts> {
    const visitsWho = consultantFilter(this.core, s, input.scope, 'sv.consultant_id', input.consultantId);
    const walkWho = consultantFilter(this.core, s, input.scope, 'w.consultant_id', input.consultantId);
    const [rows, walkIns] = await Promise.all([
      readAll<{ dim: string; k: Key; h: number | null; n: number }>(this.core.reads, this.visitsSql(range, visitsWho)),
      readAll<Counts['walkIns'][number]>(this.core.reads, this.walkInsSql(range, walkWho)),
    ]);
    const visits = new Map<string, Map<Key, number>>();
    const hours: Counts['hours'] = [];
    let noTime = 0;
    for (const r of rows) {
      if (r.dim === 'hour') hours.push({ day: r.k!, hour: r.h!, n: r.n });
      else if (r.dim === 'noTime') noTime = r.n;
      else {
        let m = visits.get(r.dim);
        if (!m) visits.set(r.dim, (m = new Map()));
        m.set(r.k, r.n);
      }
    }
    return { range, visits, hours, noTime, walkIns };
  }

  async get(s: SessionCtx, input: TrafficInput): Promise<TrafficAnalysis> {
    const range = periodRange(input.period);
    const cmp = comparePeriod(input.period, input.compare);
    const compareRange = cmp ? periodRange(cmp) : null;
    const [cur, prev] = await Promise.all([this.counts(s, range, input), compareRange ? this.counts(s, compareRange, input) : null]);

    const who = input.consultantId !== undefined ? [one('consultantId', { op: 'eq', value: input.consultantId })] : [];
    const query = (dataset: GridSelectionQuery['dataset'], r: DayRange, extra: ConditionGroup[], preset?: string): GridSelectionQuery => ({
      dataset,
      scope: input.scope,
      filter: { columns: [dayIs('visitDate', r.from, r.to), ...who, ...extra], ...(preset ? { preset } : {}) },
    });
    const visitsQ = (r: DayRange, extra: ConditionGroup[] = [], preset?: string) => query('showroomVisits', r, extra, preset);
    const walkQ = (r: DayRange, extra: ConditionGroup[] = [], preset?: string) => query('walkInBatches', r, extra, preset);

    const walkSum = (c: Counts, pick: (w: Counts['walkIns'][number]) => boolean) => c.walkIns.reduce((a, w) => (pick(w) ? a + w.n : a), 0);
    /** A bucket from a figure maker run on this period and the compared one. */
    const bucket = (key: Key, fig: (c: Counts) => Figure, total: number): Bucket => {
      const current = fig(cur);
      const previous = prev ? fig(prev) : null;
      return { key, current, previous, share: pct(current.value, total), change: previous && previous.value > 0 ? pct(current.value - previous.value, previous.value) : null };
    };
    const visitsOf = (dim: string) => (c: Counts) => c.visits.get(dim);
    const visitTotal = (c: Counts) => sum(c.visits.get('kind'));
    const walkTotal = (c: Counts) => walkSum(c, () => true);
    const trafficTotal = visitTotal(cur) + walkTotal(cur);

    const visitFig = (dim: string, key: Key, cond: ConditionGroup[]) => (c: Counts): Figure => ({ value: visitsOf(dim)(c)?.get(key) ?? 0, drill: [visitsQ(c.range, cond)] });
    const keysOf = (dim: string) => {
      const keys = new Set<Key>(cur.visits.get(dim)?.keys());
      for (const k of prev?.visits.get(dim)?.keys() ?? []) keys.add(k);
      return [...keys];
    };
    const byValue = (a: Bucket, b: Bucket) => b.current.value - a.current.value || (b.previous?.value ?? 0) - (a.previous?.value ?? 0) || String(a.key).localeCompare(String(b.key));
    const nullLast = (list: Bucket[]) => [...list.filter((b) => b.key !== null), ...list.filter((b) => b.key === null)];

    const totals: TrafficAnalysis['totals'] = {
      traffic: bucket('traffic', (c) => ({ value: visitTotal(c) + walkTotal(c), drill: [visitsQ(c.range), walkQ(c.range)] }), trafficTotal),
      visits: bucket('visits', (c) => ({ value: visitTotal(c), drill: [visitsQ(c.range)] }), trafficTotal),
      walkIns: bucket('walkIns', (c) => ({ value: walkTotal(c), drill: [walkQ(c.range)] }), trafficTotal),
      firstVisits: bucket('first', visitFig('kind', 'first', [one('firstVisit', { op: 'isTrue' })]), visitTotal(cur)),
      returnVisits: bucket('return', visitFig('kind', 'return', [one('firstVisit', { op: 'isFalse' })]), visitTotal(cur)),
    };

    const byDay: Bucket[] = rangeDayList(range).map((d) => {
      const value = (cur.visits.get('day')?.get(d) ?? 0) + walkSum(cur, (w) => w.day === d);
      const day = { from: d, to: d };
      return { key: d, current: { value, drill: [visitsQ(day), walkQ(day)] }, previous: null, share: pct(value, trafficTotal), change: null };
    });

    const heat = heatLayers(range, cur.hours, cur.walkIns, (p) => visitsQ(range, [], p), (p) => walkQ(range, [], p));

    const vt = visitTotal(cur);
    const bySource = nullLast(keysOf('source').map((k) => bucket(k, visitFig('source', k, [enumIs('customerSource', k)]), vt)).sort(byValue));

    const modelKeys = new Set<Key>(keysOf('model'));
    for (const w of [...cur.walkIns, ...(prev?.walkIns ?? [])]) modelKeys.add(w.model);
    const byModel = nullLast(
      [...modelKeys]
        .map((k) =>
          bucket(
            k,
            (c) => {
              const w = k === null ? 0 : walkSum(c, (x) => x.model === k);
              return { value: (c.visits.get('model')?.get(k) ?? 0) + w, drill: [visitsQ(c.range, [enumIs('interestedModel', k)]), ...(k === null ? [] : [walkQ(c.range, [enumIs('model', k)])])] };
            },
            trafficTotal,
          ),
        )
        .sort(byValue),
    );

    /** Home districts (by a text column): the DISTRICT_ROWS largest, the rest as one '*' line (not blank and none of those), unknown last. */
    const districts = (dim: string, col: string) => {
      const all = keysOf(dim).map((k) => bucket(k, visitFig(dim, k, [textIs(col, k)]), vt)).sort(byValue);
      const named = all.filter((b) => b.key !== null);
      const top = named.slice(0, DISTRICT_ROWS);
      const list = [...top];
      if (named.length > DISTRICT_ROWS) {
        const notTop = [one(col, { op: 'notBlank' }), ...top.map((b) => one(col, { op: 'notEquals', value: b.key! }))];
        const restOf = (c: Counts) => [...(c.visits.get(dim) ?? new Map<Key, number>())].reduce((a, [k, n]) => (k !== null && !top.some((t) => t.key === k) ? a + n : a), 0);
        list.push(bucket('*', (c) => ({ value: restOf(c), drill: [visitsQ(c.range, notTop)] }), vt));
      }
      return [...list, ...all.filter((b) => b.key === null)];
    };
    const byDistrict = districts('city', 'customerCity');
    const byIdRegion = districts('region', 'customerIdRegion');
    const byPhoneArea = districts('phoneArea', 'customerPhoneArea');
    const byOccupation = nullLast(keysOf('occupation').map((k) => bucket(k, visitFig('occupation', k, [enumIs('customerOccupation', k)]), vt)).sort(byValue));

    const bands: Key[] = [...AGE_BANDS, null];
    const byAgeBand = bands.map((k) => bucket(k, visitFig('band', k, [enumIs('ageBand', k)]), vt)).filter((b) => b.current.value > 0 || (b.previous?.value ?? 0) > 0);

    return {
      range,
      compareRange,
      scope: input.scope,
      consultantId: input.consultantId ?? null,
      totals,
      byDay,
      heat: heat.heat,
      heatUnknown: { value: cur.noTime, drill: [visitsQ(range, [one('visitAt', { op: 'blank' })])] },
      heatWalkIns: heat.heatWalkIns,
      heatWalkInsUnknown: heat.heatWalkInsUnknown,
      heatTotal: heat.heatTotal,
      bySource,
      byModel,
      byDistrict,
      byIdRegion,
      regionNames: regionNames(byIdRegion.map((b) => b.key)),
      byPhoneArea,
      phoneAreaNames: phoneAreaNames(byPhoneArea.map((b) => b.key)),
      byOccupation,
      byAgeBand,
      byVisitKind: [totals.firstVisits, totals.returnVisits],
    };
  }
}
