import { sql, type SQL } from 'drizzle-orm';
import { CALLBACK_HOURS, SERVICE_LEVEL_SECONDS } from '../../../common/api/analysis-calls';
import { MAX_PERIOD_DAYS, rangeDayList, type DayRange } from '../../../common/analysis';
import { dayEndMs, dayRangeMs, dayStartMs, daysBetween, isDate } from '../../../common/dates';
import { AppError } from '../../errors';
import { presetsByName, type DatasetDef } from '../grid';
import type { Condition, GridSelectionQuery } from '../../../common/api/grid';
import { fixedOffset } from './visit-rules';

/**
 * 呼叫中心's rules as SQL over the call log aliased `c`, written once: the figures count by them and
 * the 通话记录 data set lists by the preset '<key>@<from>~<to>', so every drill-down has exactly its
 * figure's count. A call belongs to the period of the dealer's day it started on.
 */

const HOUR_MS = 3_600_000;

export interface CallsCtx {
  range: DayRange;
  timeZone: string;
  /** [from, to) of the period's days in ms. */
  ms: [number, number];
}

export const callsCtx = (range: DayRange, timeZone: string): CallsCtx => ({ range, timeZone, ms: dayRangeMs(range.from, range.to, timeZone) });

/**
 * The hour of the dealer's day (0–23) a call started in, for calls of the period: arithmetic when
 * the zone keeps one offset over the period (always in China), else each day's own first instant
 * (a 25-hour day's last hour runs to its end, as 集客分析's heat map counts it).
 */
export function callHourSql(ctx: CallsCtx, at = 'c.started_at'): string {
  const offset = fixedOffset(ctx.range, ctx.timeZone);
  if (offset !== null) return `(((${at} + ${offset}) / ${HOUR_MS}) % 24)`;
  const branches = rangeDayList(ctx.range).map((d) => `when ${at} < ${dayEndMs(d, ctx.timeZone)} then min(23, (${at} - ${dayStartMs(d, ctx.timeZone)}) / ${HOUR_MS})`);
  return `(case ${branches.join(' ')} end)`;
}

const inPeriod = (ctx: CallsCtx) => sql`c.started_at >= ${ctx.ms[0]} and c.started_at < ${ctx.ms[1]}`;
const inbound = sql`c.direction = 'inbound'`;
const outbound = sql`c.direction = 'outbound'`;
const answered = sql`c.answered_at is not null`;
const missed = sql`c.answered_at is null`;
const inTime = sql`c.answered_at - c.started_at <= ${SERVICE_LEVEL_SECONDS * 1000}`;

/**
 * A missed inbound call the dealer called back: an outbound call to the same customer — or, for a
 * caller no customer was found for, to the same number — started after it and within CALLBACK_HOURS.
 * By customer through calls_customer_idx, by number through the hours after the call (calls_started_idx).
 */
export const calledBackSql = sql.raw(`(case when c.customer_id is not null
    then exists (select 1 from calls o where o.customer_id = c.customer_id and o.direction = 'outbound' and o.started_at > c.started_at and o.started_at <= c.started_at + ${CALLBACK_HOURS * HOUR_MS})
    else c.from_number is not null and exists (select 1 from calls o where o.started_at > c.started_at and o.started_at <= c.started_at + ${CALLBACK_HOURS * HOUR_MS} and o.direction = 'outbound' and o.to_number = c.from_number) end)`);

const SERIES: Record<string, SQL> = {
  'in.a': sql`${inbound} and ${answered}`,
  'in.m': sql`${inbound} and ${missed}`,
  out: outbound,
};

/** The rule of a key ('in.sl', 'h9.in.m', 'o.appointment', 'o-' …) over the calls of the period; null = not one of ours. */
function keyRule(key: string): ((ctx: CallsCtx) => SQL) | null {
  const fixed: Record<string, SQL> = {
    all: sql`1`,
    in: inbound,
    'in.a': SERIES['in.a']!,
    'in.m': SERIES['in.m']!,
    // Missed and over (坐席监控's live count: a call still ringing is not missed yet).
    'in.mx': sql`${inbound} and ${missed} and c.ended_at is not null`,
    'in.sl': sql`${inbound} and ${answered} and ${inTime}`,
    'in.cb': sql`${inbound} and ${missed} and ${calledBackSql}`,
    'in.ncb': sql`${inbound} and ${missed} and not ${calledBackSql}`,
    out: outbound,
    'out.a': sql`${outbound} and ${answered}`,
    conn: answered,
  };
  const rule = fixed[key];
  if (rule) return (ctx) => sql`${inPeriod(ctx)} and ${rule}`;
  const hour = /^h(\d{1,2})\.(in\.a|in\.m|out)$/.exec(key);
  if (hour && Number(hour[1]) <= 23) return (ctx) => sql`${inPeriod(ctx)} and ${SERIES[hour[2]!]!} and ${sql.raw(callHourSql(ctx))} = ${Number(hour[1])}`;
  if (key === 'o-') return (ctx) => sql`${inPeriod(ctx)} and c.outcome is null`;
  const outcome = /^o\.([A-Za-z]{1,20})$/.exec(key);
  if (outcome) return (ctx) => sql`${inPeriod(ctx)} and c.outcome = ${outcome[1]!}`;
  return null;
}

/** The rule of a key as SQL, for the figures (the key is one the service built). */
export function callsWhere(key: string, ctx: CallsCtx): SQL {
  const rule = keyRule(key);
  if (!rule) throw new Error(`no call rule '${key}'`);
  return rule(ctx);
}

/** The preset name of a figure: '<key>@<from>~<to>' (at most 40 characters, as the grid filter takes). */
export function callsPreset(key: string, range: DayRange): string {
  const name = `${key}@${range.from}~${range.to}`;
  if (name.length > 40) throw new AppError('INVALID_INPUT', { issues: [`preset: ${key}`] });
  return name;
}

/**
 * The 通话记录 list behind a figure: its calls by the key's rule over the period (the preset), of
 * one agent when given, and any further column conditions.
 */
export function callsQuery(key: string, range: DayRange, agentId?: number, ...conditions: Condition[]): GridSelectionQuery {
  const agent: Condition[] = agentId === undefined ? [] : [{ col: 'userId', op: 'eq', value: agentId }];
  return { dataset: 'calls', scope: 'all', filter: { columns: [...agent, ...conditions].map((c) => ({ join: 'and' as const, conditions: [c] })), preset: callsPreset(key, range) } };
}

const PRESET = /^([A-Za-z0-9.-]{1,16})@(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/;

/** The presets of 通话记录 (calls): one per figure key and period; anything else is not a name. */
export const callsPresets: NonNullable<DatasetDef['presets']> = presetsByName(
  (name) => {
    const m = PRESET.exec(name);
    const rule = m ? keyRule(m[1]!) : null;
    return m && rule ? { rule, range: { from: m[2]!, to: m[3]! } } : null;
  },
  ({ rule, range }, ctx) => {
    const n = isDate(range.from) && isDate(range.to) ? daysBetween(range.from, range.to) : -1;
    if (n < 0 || n >= MAX_PERIOD_DAYS) throw new AppError('INVALID_INPUT', { issues: ['preset: range'] });
    return rule(callsCtx(range, ctx.timeZone));
  },
);
