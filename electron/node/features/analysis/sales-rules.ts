import { sql, type SQL } from 'drizzle-orm';
import { MAX_PERIOD_DAYS, rangeMs, type DayRange } from '../../../common/analysis';
import { DAY_MS, dayStartMs, daysBetween, isDate } from '../../../common/dates';
import { isStageCode, type StageCode } from '../../../common/stages';
import { AppError } from '../../errors';
import { mergePresets, presetsByName, type ColumnDef, type DatasetDef } from '../grid';
import { SALES_COLUMNS } from './texts';

/**
 * What 销售分析 counts an opportunity under, as columns and a preset of the 销售机会 data set, so
 * each sales figure's drill-down is that list filtered by the same rule the figure counts with.
 */

/** Columns 销售机会 (opportunities) gets for the drills: the consultant's id and when it was won / abandoned. */
export const salesOpportunityColumns: ColumnDef[] = [
  { id: 'consultantId', type: 'number', ...SALES_COLUMNS.pair('consultantId'), expr: 'c.consultant_id', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
  { id: 'closedAt', type: 'datetime', ...SALES_COLUMNS.pair('closedAt'), expr: 'c.closed_at', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150 },
];

/**
 * The preset of a period's deals: 'deals:<from>~<to>' (the opportunities delivered then), or
 * 'deals:<from>~<to>@<consultant>' for those one consultant delivered (the ranking's and one consultant's
 * deals count the delivery's consultant, as the 日报 does, not the opportunity's).
 */
export const dealsPresetName = (r: DayRange, consultantId?: number) => `deals:${r.from}~${r.to}${consultantId === undefined ? '' : `@${consultantId}`}`;

const DEALS = /^deals:(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})(?:@(\d{1,12}))?$/;

/**
 * 新增成交 as the 日报 counts it: deliveries (递交新车) dated in the period, with a consultant. The SQL of the figure
 * (dealsSql) and of the preset (the opportunities those deliveries closed) share the date rule.
 */
export const deliveredBetween = (d: string, r: DayRange) => sql`${sql.raw(d)}.delivery_date between ${r.from} and ${r.to} and ${sql.raw(d)}.consultant_id is not null`;

const badPreset = (what: string) => new AppError('INVALID_INPUT', { issues: [`preset: ${what}`] });

/** A preset's day range: real days, from ≤ to, at most MAX_PERIOD_DAYS. */
function checkRange(r: DayRange): void {
  const n = isDate(r.from) && isDate(r.to) ? daysBetween(r.from, r.to) : -1;
  if (n < 0 || n >= MAX_PERIOD_DAYS) throw badPreset('range');
}

function parseDeals(name: string): { range: DayRange; consultantId?: number } | null {
  const m = DEALS.exec(name);
  return m ? { range: { from: m[1]!, to: m[2]! }, ...(m[3] ? { consultantId: Number(m[3]) } : {}) } : null;
}

/**
 * A stage-history row that was left: an entry into a stage followed by another entry of the same
 * opportunity (ordered by time, then id). Time in the stage = the next entry's time − this one's.
 */
const leftStageSql = (h: string) =>
  `exists (select 1 from stage_history nx where nx.opportunity_id = ${h}.opportunity_id and (nx.at > ${h}.at or (nx.at = ${h}.at and nx.id > ${h}.id)))`;

/** The preset of the opportunities measured for a stage's median days: 'stageLeft:<stage>' (entered it, and left every stay in it). */
export const stageLeftPresetName = (stage: StageCode) => `stageLeft:${stage}`;

const STAGE_LEFT = /^stageLeft:([a-z_]{1,40})$/;

/**
 * Days in each stage of the opportunities opened in [fromMs, toMs) whose consultant passes `who`: per
 * stage, how many opportunities were measured and the median of their days in it. An opportunity is
 * measured for a stage when it entered the stage and left it (every stay, if it came back to it: one
 * still in the stage, or closed while in it, is not), with the sum of its stays. The median is
 * SQL's: the middle row (or the mean of the middle two) by row_number() over the stage's ordered
 * values — no rows leave SQLite.
 */
export function stageDaysSql(fromMs: number, toMs: number, who: SQL): SQL {
  return sql`with stays as (
      select h.opportunity_id as opp, h.to_stage as stage, lead(h.at) over (partition by h.opportunity_id order by h.at, h.id) - h.at as ms
        from opportunities o join stage_history h on h.opportunity_id = o.id
       where o.created_at >= ${fromMs} and o.created_at < ${toMs} and ${who}),
    per as (select stage, opp, sum(ms) as ms from stays group by stage, opp having count(ms) = count(*)),
    ranked as (select stage, ms, row_number() over (partition by stage order by ms) as rn, count(*) over (partition by stage) as n from per)
    select stage, n, avg(ms) * 1.0 / ${DAY_MS} as days from ranked where rn in ((n + 1) / 2, (n + 2) / 2) group by stage, n`;
}

/**
 * Activities the ranking counts for a consultant: those planned (due) in the period and not cancelled;
 * on time = done before the end of the dealer's day they were due (completed by their due date).
 * The dealer's day of an instant is taken with the zone's offset at the period's start (China keeps no
 * daylight saving; elsewhere a due date on a DST change day may be off by the hour).
 */
export function activitiesDueSql(a: string, r: DayRange, timeZone: string): SQL {
  const [from, to] = rangeMs(r, timeZone);
  return sql`${sql.raw(a)}.status in ('planned', 'done') and ${sql.raw(a)}.planned_at >= ${from} and ${sql.raw(a)}.planned_at < ${to}`;
}

export function onTimeSql(a: string, r: DayRange, timeZone: string): SQL {
  const off = Date.parse(`${r.from}T00:00:00Z`) - dayStartMs(r.from, timeZone);
  // Written into the statement, not bound: a bound JS number is a REAL to SQLite and `/` would not truncate to the day.
  return sql.raw(`(${a}.status = 'done' and ${a}.done_at < ((${a}.planned_at + ${Math.trunc(off)}) / ${DAY_MS} + 1) * ${DAY_MS} - ${Math.trunc(off)})`);
}

/** The preset of a consultant's activities due in a period ('acts:due:…') or done on time ('acts:onTime:…'): '<from>~<to>@<consultant>'. */
export const activitiesPresetName = (kind: 'due' | 'onTime', r: DayRange, consultantId: number) => `acts:${kind}:${r.from}~${r.to}@${consultantId}`;

const ACTS = /^acts:(due|onTime):(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})@(\d{1,12})$/;

/** The 跟踪计划 / 活动 presets the consultant ranking's activity figures drill into. */
export const salesActivityPresets: NonNullable<DatasetDef['presets']> = presetsByName(
  (name) => {
    const m = ACTS.exec(name);
    return m ? { kind: m[1] as 'due' | 'onTime', range: { from: m[2]!, to: m[3]! }, consultantId: Number(m[4]) } : null;
  },
  (p, ctx) => {
    checkRange(p.range);
    const due = sql`${activitiesDueSql('c', p.range, ctx.timeZone)} and c.owner_id = ${p.consultantId}`;
    return p.kind === 'due' ? due : sql`${due} and ${onTimeSql('c', p.range, ctx.timeZone)}`;
  },
);

/** The 销售机会 presets the deals figures and the stage medians drill into. */
export const salesOpportunityPresets: NonNullable<DatasetDef['presets']> = mergePresets(
  presetsByName(parseDeals, (p) => {
    checkRange(p.range);
    const who = p.consultantId === undefined ? sql`` : sql` and d.consultant_id = ${p.consultantId}`;
    return sql`c.id in (select d.opportunity_id from deliveries d where ${deliveredBetween('d', p.range)}${who})`;
  }),
  presetsByName(
    (name) => STAGE_LEFT.exec(name)?.[1] ?? null,
    (stage) => {
      if (!isStageCode(stage)) throw badPreset('stage');
      const entered = `select 1 from stage_history h where h.opportunity_id = c.id and h.to_stage = '${stage}'`;
      return sql.raw(`exists (${entered}) and not exists (${entered} and not ${leftStageSql('h')})`);
    },
  ),
);
