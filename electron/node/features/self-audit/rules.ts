import { sql, type SQL } from 'drizzle-orm';
import { EXPORT_MAX_ROWS } from '../../../common/api/grid';
import type { AuditCheckNo } from '../../../common/api/self-audit';
import type { DayRange } from '../../../common/analysis';
import { DAY_MS, addDays, dayRangeMs, dayStartMs } from '../../../common/dates';

/**
 * The audit's rules (reference/003) as SQL over one record table aliased `c`, written once: the check counts `applies` and `offending`, and
 * the record's own grid data set lists `applies and offending` through the preset
 * 'audit:<no>:<from>~<to>' (presets.ts) — so a check's list always has the check's count.
 */

/** What a rule needs besides the period: the dealer's zone and the instant the figures are taken. */
export interface RuleCtx {
  range: DayRange;
  timeZone: string;
  now: number;
}

export interface Rule {
  /** FROM of the count (the data set's own FROM joins at least these aliases). */
  from: string;
  /** The records the rule looks at in the period (the denominator). */
  applies: SQL;
  /** Of those, the ones that break it (the numerator). */
  offending: SQL;
}

/** 24 h: "录入系统的时间不超过 24 小时" — creation time minus visit time above one day is late. */
export const ENTRY_LIMIT_MS = DAY_MS;
/** 3 days: "回访需在 3 天以内完成（以 CRM 记录创建日期为起点）", measured as the audit does, time minus time. */
export const REVISIT_LIMIT_MS = 3 * DAY_MS;
/** "3 日内（不含创建当日）": created on day D, followed up by the end of D+3 in the dealer's zone. */
export const LOW_SCORE_DAYS = 3;

/** The zone's offset (ms east of UTC) at the start of the dealer's day `day`. */
export function zoneOffset(day: string, timeZone: string): number {
  return Date.parse(`${day}T00:00:00Z`) - dayStartMs(day, timeZone);
}

/**
 * The days of a period in runs for SQL: a run of 24-hour days with one offset whose target day
 * (n days on) has that offset too is computed by arithmetic on the instant; any other day (the
 * 23- or 25-hour day of a summer-time change, or one whose target lies across a change) is its own
 * run with the target's exact start. China keeps one offset all year: one run. A zone with summer
 * time gets a few more, so every record is judged by its own day, not by the period's last one.
 */
interface DayRun {
  /** The first day after the run ('YYYY-MM-DD') and its first instant (ms). */
  untilDay: string;
  untilMs: number;
  /** Arithmetic form: the offset of every day of the run; null = `fixedMs` holds. */
  offset: number | null;
  fixedMs: number;
}

function dayRuns(range: DayRange, timeZone: string, plusDays: number): DayRun[] {
  const runs: DayRun[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const start = dayStartMs(day, timeZone);
    const untilDay = addDays(day, 1);
    const untilMs = dayStartMs(untilDay, timeZone);
    const target = dayStartMs(addDays(day, plusDays), timeZone);
    const offset = untilMs - start === DAY_MS && target - start === plusDays * DAY_MS ? zoneOffset(day, timeZone) : null;
    const last = runs[runs.length - 1];
    if (last && offset !== null && last.offset === offset) Object.assign(last, { untilDay, untilMs });
    else runs.push({ untilDay, untilMs, offset, fixedMs: target });
  }
  return runs;
}

/** Branches `when <key before the run's end> then <the run's value>`, the last run also for anything later. */
function runsCase(runs: DayRun[], before: (r: DayRun) => string, value: (r: DayRun) => string): string {
  const body = runs.slice(0, -1).map((r) => `when ${before(r)} then ${value(r)}`);
  const last = runs[runs.length - 1]!;
  return body.length === 0 ? value(last) : `(case ${body.join(' ')} else ${value(last)} end)`;
}

/** The first instant (ms) of the dealer's day `plusDays` after the day holding the instant `ms`, for instants of the period. */
function dayStartPlusSql(ms: string, range: DayRange, timeZone: string, plusDays: number): string {
  return runsCase(
    dayRuns(range, timeZone, plusDays),
    (r) => `${ms} < ${r.untilMs}`,
    (r) => (r.offset === null ? String(r.fixedMs) : `(((${ms} + ${r.offset}) / ${DAY_MS}) * ${DAY_MS} - ${r.offset} + ${plusDays * DAY_MS})`),
  );
}

/** The first instant (ms) of the day after the date `date` ('YYYY-MM-DD' column), for dates of the period. */
function dayEndOfDateSql(date: string, range: DayRange, timeZone: string): string {
  return runsCase(
    dayRuns(range, timeZone, 1),
    (r) => `${date} < '${r.untilDay}'`,
    (r) => (r.offset === null ? String(r.fixedMs) : `(cast(strftime('%s', ${date}) as integer) * 1000 - ${r.offset} + ${DAY_MS})`),
  );
}

// Stock phrases that say nothing about what was done, and the spacing and punctuation around them:
// the low-score form's isRealDescription (service/low-score.ts) as SQL, for descriptions that came
// in another way (imports, older versions); a test checks both agree.
const EMPTY_PHRASES = ['已跟进', '未接通', '已回访', '已处理', '无'];
const NOISE = [' ', '\u3000', '\t', '\n', '\r', ',', '，', '.', '。', '!', '！', '?', '？', '、', ';', '；', ':', '：', '-', '—', '~', '～', '…', '/', '(', ')', '（', '）', '"', '“', '”', "'", '‘', '’', '[', ']', '【', '】', '*', '#', '+', '='];

/** Whether the text (SQL expression) says nothing but stock phrases and punctuation: SQL text. */
export function emptyDescriptionSql(expr: string): string {
  let s = `coalesce(${expr}, '')`;
  for (const ch of [...NOISE, ...EMPTY_PHRASES]) s = `replace(${s}, '${ch.replace(/'/g, "''")}', '')`;
  return `(length(${s}) = 0)`;
}

function showroom(ctx: RuleCtx, offending: SQL): Rule {
  return { from: 'showroom_visits c', applies: sql`c.visit_date between ${ctx.range.from} and ${ctx.range.to}`, offending };
}

/**
 * The first completed revisit of a delivery / service visit (ms), null while none is done: one seek
 * in revisits_delivery_idx / revisits_service_visit_idx (the event's id names its customer).
 */
const firstDoneSql = (kind: 'sales' | 'repair') =>
  `(select min(r.done_at) from revisits r where r.${kind === 'sales' ? 'delivery_id' : 'service_visit_id'} = c.id and r.kind = '${kind}' and r.done_at is not null)`;

/**
 * A customer who refused revisits (免打扰 · 回访) is not called at all, as the revisit lists do: left
 * out as one small list (customers_dnd_revisit_idx) rather than by reading the customer of each of
 * ~230,000 repair orders in six months at 1M customers.
 */
const REVISIT_ALLOWED = 'c.customer_id not in (select d.id from customers d where d.dnd_revisit = 1)';

function revisit(kind: 'sales' | 'repair', ctx: RuleCtx): Rule {
  const done = sql.raw(firstDoneSql(kind));
  const date = sql.raw(kind === 'sales' ? 'c.delivery_date' : 'c.date');
  return {
    from: `${kind === 'sales' ? 'deliveries' : 'service_visits'} c`,
    // Its 3 days are over, or it is done (one still inside them is not late yet). The clock test
    // comes first so most records never ask for their revisit here, and the offending test asks
    // once (no revisit gives null: late): the lookup ran three times per repair order before.
    applies: sql`${date} between ${ctx.range.from} and ${ctx.range.to} and ${sql.raw(REVISIT_ALLOWED)} and (${ctx.now} - c.created_at > ${REVISIT_LIMIT_MS} or ${done} is not null)`,
    offending: sql`coalesce(${done} - c.created_at > ${REVISIT_LIMIT_MS}, 1)`,
  };
}

/** The rule of each check with records in a table. */
export const RULES: Partial<Record<AuditCheckNo, (ctx: RuleCtx) => Rule>> = {
  // Name, phone, visit date, consultant, mode 1–4, first-visit flag and model of interest filled in
  // (the visit date and the flag cannot be empty in the table).
  '1': (ctx) =>
    showroom(
      ctx,
      sql`(trim(c.name) = '' or nullif(trim(c.phone), '') is null or c.consultant_id is null or c.visit_mode not in (1, 2, 3, 4) or nullif(trim(c.interested_model), '') is null)`,
    ),
  // Entered more than 24 h after the visit; exactly 24 h is in time. A visit without a time of day
  // is measured from the end of its day (the most the audit could grant it).
  '2': (ctx) => {
    const dayEnd = dayEndOfDateSql('c.visit_date', ctx.range, ctx.timeZone);
    return showroom(ctx, sql.raw(`(c.created_at - coalesce(c.visit_at, ${dayEnd}) > ${ENTRY_LIMIT_MS})`));
  },
  // 首次到店 = mode 1 or 2, 非首次 = mode 3 or 4.
  '3': (ctx) => showroom(ctx, sql`((c.first_visit = 1 and c.visit_mode not in (1, 2)) or (c.first_visit = 0 and c.visit_mode not in (3, 4)))`),
  // The period's first visits whose customer never gave written consent to commercial messages (issue 18:
  // customers.consent_date is the day it was given; a consent withdrawn since was still collected), or
  // that name no customer at all.
  '4': (ctx) => ({
    from: 'showroom_visits c',
    applies: sql`c.visit_date between ${ctx.range.from} and ${ctx.range.to} and c.first_visit = 1`,
    offending: sql`not exists (select 1 from customers cu where cu.id = c.customer_id and cu.consent_date is not null)`,
  }),
  // Regular-service solicitation tasks created in the period; 未分配 and 已分配 pull 招揽率 down.
  '5': (ctx) => {
    const [a, b] = dayRangeMs(ctx.range.from, ctx.range.to, ctx.timeZone);
    return {
      from: 'solicitation_tasks c',
      applies: sql`c.kind = 'regular_service' and c.created_at >= ${a} and c.created_at < ${b}`,
      offending: sql`c.status in ('unassigned', 'assigned')`,
    };
  },
  '6a': (ctx) => revisit('sales', ctx),
  '6b': (ctx) => revisit('repair', ctx),
  // Low-score follow-ups (and 修复中's next follow-up, which is a follow-up task of its own)
  // created in the period: closed by the end of the third day after their creation day, with a
  // description that is not only "已跟进" / "未接通". One still open inside its days is not late yet.
  '7': (ctx) => {
    const [a, b] = dayRangeMs(ctx.range.from, ctx.range.to, ctx.timeZone);
    const deadline = sql.raw(dayStartPlusSql('c.created_at', ctx.range, ctx.timeZone, LOW_SCORE_DAYS + 1));
    return {
      from: 'tasks c',
      applies: sql`c.kind = 'low_score' and c.created_at >= ${a} and c.created_at < ${b} and (c.closed_at is not null or ${deadline} <= ${ctx.now})`,
      offending: sql`(c.closed_at is null or c.closed_at >= ${deadline} or ${sql.raw(emptyDescriptionSql('c.notes'))})`,
    };
  },
  // Exports recorded in the audit log; one above the export limit breaks the rule.
  '8': (ctx) => {
    const [a, b] = dayRangeMs(ctx.range.from, ctx.range.to, ctx.timeZone);
    return {
      from: 'audit_log c',
      applies: sql`c.action = 'export' and c.at >= ${a} and c.at < ${b}`,
      offending: sql`coalesce(cast(json_extract(c.after, '$.rows') as integer), 0) > ${EXPORT_MAX_ROWS}`,
    };
  },
};
