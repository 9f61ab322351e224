import { sql, type SQL } from 'drizzle-orm';
import { AFTERSALES_REMINDER_KINDS, FIRST_SERVICE_GRACE_DAYS, REMINDER_APPOINTMENT_DAYS } from '../../../common/api/analysis-aftersales';
import type { Dataset } from '../../../common/api/grid';
import { FIRST_SERVICE_DAYS } from '../../../common/api/reminders';
import { MAX_PERIOD_DAYS, type DayRange } from '../../../common/analysis';
import { DAY_MS, addDays, addMonths, dayRangeMs, daysBetween, isDate } from '../../../common/dates';
import { AppError } from '../../errors';
import { presetsByName, type DatasetDef } from '../grid';
import { RULES, type RuleCtx } from '../self-audit';

/**
 * 售后 / 客服's rules as SQL over one record table aliased `c`, written once: the figures count
 * `where(...)` and the record's own grid data set lists it through the preset '<key>@<from>~<to>'
 * (at most 40 characters), so every drill-down has exactly its figure's count. The revisit and
 * 招揽 rules are 审核自查's (self-audit/rules.ts), imported, not copied.
 */

export interface AftersalesCtx extends RuleCtx {
  /** [from, to) of the period's days in ms (the dealer's zone). */
  ms: [number, number];
}

export const aftersalesCtx = (range: DayRange, timeZone: string, now: number): AftersalesCtx => ({ range, timeZone, now, ms: dayRangeMs(range.from, range.to, timeZone) });

type Kind = 'sales' | 'repair';
const eventCol = (kind: Kind) => (kind === 'sales' ? 'delivery_id' : 'service_visit_id');

/** A revisit of the event `c` done in the period with the result 不满意 (`reason`: one of its reasons; null: none given). */
function dissatisfiedSql(kind: Kind, ctx: AftersalesCtx, reason?: string | null): SQL {
  const why =
    reason === undefined
      ? sql``
      : reason === null
        ? sql` and coalesce(json_array_length(r.dissatisfaction_reasons), 0) = 0`
        : sql` and exists (select 1 from json_each(r.dissatisfaction_reasons) j where j.value = ${reason})`;
  return sql`exists (select 1 from revisits r where r.${sql.raw(eventCol(kind))} = c.id and r.kind = ${kind} and r.result = 'dissatisfied'
    and r.done_at >= ${ctx.ms[0]} and r.done_at < ${ctx.ms[1]}${why})`;
}

/** Dissatisfied events of the period by reason (an event counts once under each reason it was given): the same rule grouped. */
export const dissatisfiedByReasonSql = (kind: Kind, ctx: AftersalesCtx): SQL =>
  sql`select ${`why.${kind}`} as kind, j.value as k, count(distinct r.${sql.raw(eventCol(kind))}) as n
    from revisits r left join json_each(r.dissatisfaction_reasons) j on 1
    where r.kind = ${kind} and r.result = 'dissatisfied' and r.done_at >= ${ctx.ms[0]} and r.done_at < ${ctx.ms[1]} and r.${sql.raw(eventCol(kind))} is not null
    group by 2`;

/**
 * The dissatisfied events of the period counted from the revisits (revisits_status_idx by kind)
 * rather than by an EXISTS on every delivery / repair order: the same events as `dis@…` lists (an
 * event is counted once however many dissatisfied revisits it had; every revisit names an existing
 * event). With `buckets`, one row per bucket (k = its index) for the trend.
 */
export function dissatisfiedCountSql(kind: Kind, ctx: AftersalesCtx, label: string, buckets?: [number, number][]): SQL {
  const ev = sql.raw(`r.${eventCol(kind)}`);
  const k = buckets ? sql.raw(`case ${buckets.map(([, to], i) => `when r.done_at < ${to} then ${i}`).join(' ')} end`) : sql`null`;
  return sql`select ${label} as kind, ${k} as k, count(distinct ${ev}) as n from revisits r
    where r.kind = ${kind} and r.result = 'dissatisfied' and r.done_at >= ${ctx.ms[0]} and r.done_at < ${ctx.ms[1]} and ${ev} is not null group by 2`;
}

/** Reminder tasks of a kind created in the period and not cancelled. */
const reminderSent = (kind: string, ctx: AftersalesCtx) => sql`c.kind = ${kind} and c.status <> 'cancelled' and c.created_at >= ${ctx.ms[0]} and c.created_at < ${ctx.ms[1]}`;

/**
 * The reminder's appointment: a booking of the reminded customer that names the task
 * (appointments.task_id), or — the appointment form names none — one made from the reminder's
 * creation to REMINDER_APPOINTMENT_DAYS days after it. `arrived`: that booking's car came. Looked up
 * by the customer (appointments_customer_idx): a booking naming a reminder is that customer's.
 */
const reminderAppointment = (arrived: boolean) =>
  sql`exists (select 1 from appointments a where a.customer_id = c.customer_id and (a.task_id = c.id or (a.created_at >= c.created_at and a.created_at < c.created_at + ${REMINDER_APPOINTMENT_DAYS * DAY_MS}))${arrived ? sql` and a.status = 'arrived'` : sql``})`;

/** Customers with a vehicle bought here: a delivery on or before the period's last day. */
const boughtHere = (ctx: AftersalesCtx) => sql`c.id in (select d.customer_id from deliveries d where d.delivery_date <= ${ctx.range.to})`;
/** …and a repair order in the 12 months up to that day. */
const cameBack = (ctx: AftersalesCtx) =>
  sql`exists (select 1 from service_visits v where v.customer_id = c.id and v.date > ${addMonths(ctx.range.to, -12)} and v.date <= ${ctx.range.to})`;

/** A churn reason recorded for the customer in the period (`reason` undefined: any). */
const churnedSql = (ctx: AftersalesCtx, reason?: string) =>
  sql`c.id in (select h.customer_id from churn_records h where h.created_at >= ${ctx.ms[0]} and h.created_at < ${ctx.ms[1]}${reason === undefined ? sql`` : sql` and h.reason = ${reason}`})`;

interface KeyRule {
  dataset: Dataset;
  where: (ctx: AftersalesCtx) => SQL;
}

/**
 * 首保: a vehicle (`c`) whose first service fell due in the period — bought FIRST_SERVICE_DAYS before a
 * day of it, 首保提醒's rule (vehicles_purchase_idx) — and whether a 首保 repair order came by the
 * due day + FIRST_SERVICE_GRACE_DAYS (service_visits_vehicle_idx).
 */
const firstServiceDueSql = (ctx: AftersalesCtx) =>
  sql`c.purchase_date between ${addDays(ctx.range.from, -FIRST_SERVICE_DAYS)} and ${addDays(ctx.range.to, -FIRST_SERVICE_DAYS)}`;
const firstServiceCameSql = sql.raw(
  `exists (select 1 from service_visits s where s.vehicle_id = c.id and s.type = 'first_service' and s.date <= date(c.purchase_date, '+${FIRST_SERVICE_DAYS + FIRST_SERVICE_GRACE_DAYS} days'))`,
);

const ok = (rule: ReturnType<NonNullable<(typeof RULES)['5']>>) => sql`${rule.applies} and not ${rule.offending}`;

/** The rule of a preset key ('rv3', 'dis.waiting', 'rm2a', …) on a data set; null = not one of ours. */
function keyRule(dataset: Dataset, key: string): KeyRule | null {
  const kind: Kind | null = dataset === 'revisitSales' ? 'sales' : dataset === 'revisitRepair' ? 'repair' : null;
  if (kind) {
    const audit = kind === 'sales' ? '6a' : '6b';
    if (key === 'rv3') return { dataset, where: (ctx) => ok(RULES[audit]!(ctx)) };
    if (key === 'dis') return { dataset, where: (ctx) => dissatisfiedSql(kind, ctx) };
    if (key === 'dis-') return { dataset, where: (ctx) => dissatisfiedSql(kind, ctx, null) };
    if (key.startsWith('dis.')) return { dataset, where: (ctx) => dissatisfiedSql(kind, ctx, key.slice(4)) };
    return null;
  }
  if (dataset === 'serviceTasks') {
    const m = /^rm(\d)([av]?)$/.exec(key);
    const reminder = m ? AFTERSALES_REMINDER_KINDS[Number(m[1])] : undefined;
    if (!m || !reminder) return null;
    const stage = m[2];
    return { dataset, where: (ctx) => sql`${reminderSent(reminder, ctx)}${stage === '' ? sql`` : sql` and ${reminderAppointment(stage === 'v')}`}` };
  }
  if (dataset === 'complaints') {
    const received = (ctx: AftersalesCtx) => sql`c.created_at >= ${ctx.ms[0]} and c.created_at < ${ctx.ms[1]}`;
    if (key === 'cmp') return { dataset, where: received };
    if (key === 'cmpo') return { dataset, where: (ctx) => sql`${received(ctx)} and c.status <> 'closed'` };
    if (key === 'cmpc') return { dataset, where: (ctx) => sql`${received(ctx)} and c.status = 'closed'` };
    return null;
  }
  if (dataset === 'solicitationTasks') {
    const rule = (ctx: AftersalesCtx) => RULES['5']!(ctx);
    if (key === 'sol.w') return { dataset, where: (ctx) => ok(rule(ctx)) };
    if (key === 'sol.s') return { dataset, where: (ctx) => sql`${rule(ctx).applies} and c.status = 'succeeded'` };
    if (key === 'sol.n') return { dataset, where: (ctx) => sql`${rule(ctx).applies} and c.status <> 'succeeded'` };
    return null;
  }
  if (dataset === 'reminderFirstService') {
    if (key === 'fs') return { dataset, where: firstServiceDueSql };
    if (key === 'fs.r') return { dataset, where: (ctx) => sql`${firstServiceDueSql(ctx)} and ${firstServiceCameSql}` };
    if (key === 'fs.n') return { dataset, where: (ctx) => sql`${firstServiceDueSql(ctx)} and not ${firstServiceCameSql}` };
    return null;
  }
  if (dataset === 'customers') {
    if (key === 'ret') return { dataset, where: (ctx) => sql`${boughtHere(ctx)} and ${cameBack(ctx)}` };
    if (key === 'ret-') return { dataset, where: (ctx) => sql`${boughtHere(ctx)} and not ${cameBack(ctx)}` };
    if (key === 'ch') return { dataset, where: (ctx) => churnedSql(ctx) };
    if (key.startsWith('ch.')) return { dataset, where: (ctx) => churnedSql(ctx, key.slice(3)) };
  }
  return null;
}

/** The preset name of a figure; a code too long for the filter's 40 characters is refused (the built-in dictionaries fit). */
export function aftersalesPreset(key: string, range: DayRange): string {
  const name = `${key}@${range.from}~${range.to}`;
  if (name.length > 40) throw new AppError('INVALID_INPUT', { issues: [`preset: ${key}`] });
  return name;
}

/** The statement of one key's count (the figure the preset lists), as the row (label, null, n). */
export function keyCountSql(dataset: Dataset, key: string, ctx: AftersalesCtx, table: string, label: string = key): SQL {
  return sql`select ${label} as kind, null as k, count(*) as n from ${sql.raw(table)} where ${keyRule(dataset, key)!.where(ctx)}`;
}

const PRESET = /^([a-z0-9._-]{2,20})@(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/;

/** The presets 售后 / 客服 gives one data set (merged into the data set's own with mergePresets). */
export function aftersalesPresets(dataset: Dataset): NonNullable<DatasetDef['presets']> {
  return presetsByName(
    (name) => {
      const m = PRESET.exec(name);
      const rule = m ? keyRule(dataset, m[1]!) : null;
      return m && rule ? { rule, range: { from: m[2]!, to: m[3]! } } : null;
    },
    ({ rule, range }, ctx) => {
      const n = isDate(range.from) && isDate(range.to) ? daysBetween(range.from, range.to) : -1;
      if (n < 0 || n >= MAX_PERIOD_DAYS) throw new AppError('INVALID_INPUT', { issues: ['preset: range'] });
      return rule.where(aftersalesCtx(range, ctx.timeZone, ctx.now));
    },
  );
}

/** The week (Monday) or month buckets of a period for the trend: weeks up to 62 days, months beyond. */
export function trendBuckets(range: DayRange): DayRange[] {
  const byWeek = daysBetween(range.from, range.to) < 62;
  const out: DayRange[] = [];
  let from = range.from;
  while (from <= range.to) {
    let next: string;
    if (byWeek) {
      const dow = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
      next = addDays(from, 7 - dow);
    } else next = addMonths(`${from.slice(0, 7)}-01`, 1);
    const to = addDays(next, -1);
    out.push({ from, to: to < range.to ? to : range.to });
    from = next;
  }
  return out;
}
