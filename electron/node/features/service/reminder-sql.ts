/**
 * The SQL of each reminder rule (reminder-rules.ts in SQL), with the table aliases a caller uses:
 * the reminder service (`v` vehicles, `c` customers) and the grid's reminder data sets (`c`
 * vehicles — the grid's main table is always `c` — and `cu` customers). One text for both, so the
 * on-screen grid, the counts, the tasks and the nightly job can never disagree on who qualifies.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ReminderKind } from '../../../common/api/reminders';
import { AppError } from '../../errors';
import { SETTING_DEFAULTS } from '../admin';
import { addDays, isDate } from '../../../common/dates';
import { CHURN_MIN_VISITS, MILEAGE_BAND, birthdayMds, defaultRange, recentServiceFrom, seenSince } from './reminder-rules';

export type VehicleKind = Exclude<ReminderKind, 'birthday'>;

/** Table aliases: `v` = vehicles, `c` = customers. */
export interface Aliases {
  v: string;
  c: string;
}

/** A list's parameters once checked and defaulted: what the rule is evaluated with. */
export interface RuleParams {
  kind: ReminderKind;
  today: string;
  from: string;
  /** For churn: already clamped to before "6 months ago" (a range reaching later is cut there). */
  to: string;
  kmFrom: number;
  kmTo: number;
}

/** The date column each date-range list filters on. */
export const KIND_DATE: Record<Exclude<VehicleKind, 'mileage_service' | 'churn'>, string> = {
  first_service: 'purchase_date',
  regular_service: 'next_service_date',
  expiry_insurance: 'insurance_expiry',
  expiry_membership: 'membership_expiry',
  expiry_inspection: 'inspection_expiry',
  expiry_licence: 'licence_expiry',
};

/** The column a vehicle list's rows are "about" (and ordered by): the rule's date. */
export const kindDateColumn = (kind: VehicleKind): string => (kind === 'mileage_service' || kind === 'churn' ? 'last_service_date' : KIND_DATE[kind]);

/**
 * Checks and defaults a list's parameters ("查看": a date range; 专项保养: a km band). Field problems
 * name FIELD_MESSAGES keys (reminders.*), so the screen shows them under the fields.
 */
export function ruleParams(kind: ReminderKind, today: string, q: { from?: string; to?: string; kmFrom?: number; kmTo?: number }): RuleParams {
  const [dFrom, dTo] = defaultRange(kind, today);
  const from = q.from ?? dFrom;
  const to = q.to ?? dTo;
  const fields: { field: string; message: string }[] = [];
  if (!isDate(from)) fields.push({ field: 'from', message: 'reminders.badDate' });
  if (!isDate(to)) fields.push({ field: 'to', message: 'reminders.badDate' });
  if (fields.length === 0 && from > to) fields.push({ field: 'to', message: 'reminders.rangeOrder' });
  if (fields.length === 0 && kind === 'birthday' && addDays(from, 365) < to) fields.push({ field: 'to', message: 'reminders.rangeTooLong' });
  const kmFrom = q.kmFrom ?? MILEAGE_BAND[0];
  const kmTo = q.kmTo ?? MILEAGE_BAND[1];
  if (kmFrom > kmTo) fields.push({ field: 'kmTo', message: 'reminders.rangeOrder' });
  if (fields.length) throw new AppError('INVALID_INPUT', { issues: fields.map((f) => `${f.field}: ${f.message}`), fields });
  if (kind === 'churn') {
    const stale = addDays(seenSince(today), -1);
    return { kind, today, from, to: to < stale ? to : stale, kmFrom, kmTo };
  }
  return { kind, today, from, to, kmFrom, kmTo };
}

/** 免打扰 for a reminder list: the customer takes no calls or no messages. */
export const dndSql = (a: Aliases): SQL => sql.raw(`(${a.c}.dnd_call = 1 or ${a.c}.dnd_sms = 1)`);

/**
 * 免打扰 for a vehicle row without reading its customer: the vehicle is not one of the DND
 * customers' vehicles. That set (~2 % of customers, from the partial index customers_dnd_idx, and
 * their vehicles by vehicles_customer_idx) is built once per statement, and the test needs only
 * the vehicle's id — so the grid's COUNT of a long list (100,000 vehicles for a month of
 * insurance expiries) reads nothing but the rule's index.
 */
export const notDndVehicleSql = (vehicleIdExpr: string): SQL =>
  sql.raw(`${vehicleIdExpr} not in (select dv.id from customers d indexed by customers_dnd_idx join vehicles dv on dv.customer_id = d.id where d.dnd_call = 1 or d.dnd_sms = 1)`);

/** The same for a customer row (生日): the birthday index alone then counts the list. */
export const notDndCustomerSql = (customerIdExpr: string): SQL =>
  sql.raw(`${customerIdExpr} not in (select d.id from customers d indexed by customers_dnd_idx where d.dnd_call = 1 or d.dnd_sms = 1)`);

/** A local plate as a LIKE pattern: 'dealer.platePrefix' without spaces, upper case, then anything. */
export const localPatternOf = (prefix: string): string => `${prefix.replace(/\s+/g, '').toUpperCase()}%`;

/**
 * The same pattern read from the settings table inside the statement (the grid's presets see the
 * clock but not the settings service); the default applies when the setting was never saved.
 */
export const LOCAL_PATTERN_FROM_SETTINGS: SQL = sql`(coalesce((select upper(replace(json_extract(st.value, '$'), ' ', '')) from settings st where st.key = 'dealer.platePrefix'), ${localPatternOf(SETTING_DEFAULTS['dealer.platePrefix']).slice(0, -1)}) || '%')`;

/** 专项保养's estimate: last reading + average km per day × days since (reminder-rules estimatedMileage). */
// `today` is the dealer's day, bound: SQLite's 'now' is UTC, not Asia/Shanghai.
export const estimatedMileageSql = (v: string, today: string): SQL =>
  sql`round(${sql.raw(`${v}.mileage`)} + max(0, coalesce(${sql.raw(`${v}.avg_km_per_day`)}, 0)) * max(0, julianday(${today}) - julianday(${sql.raw(`${v}.mileage_date`)})))`;

/**
 * The same estimate as SQL text with the day as a literal, for a grid column (a column's SQL is
 * text, not a statement with parameters). The day is checked to be YYYY-MM-DD, so it cannot carry
 * anything else into the statement.
 */
export function estimatedMileageText(v: string, today: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`not a day: ${today}`);
  return `round(${v}.mileage + max(0, coalesce(${v}.avg_km_per_day, 0)) * max(0, julianday('${today}') - julianday(${v}.mileage_date)))`;
}

/** 流失预警's figure: service visits of this vehicle here. */
export const visitsSql = (v: string): SQL => sql.raw(`(select count(*) from service_visits s where s.vehicle_id = ${v}.id)`);

/**
 * WHERE of a vehicle list (DND not applied: callers count the DND rows, then leave them out).
 * `localPattern` is the LIKE pattern of local plates, a bound value or LOCAL_PATTERN_FROM_SETTINGS.
 */
export function vehicleRuleSql(kind: VehicleKind, p: RuleParams, a: Aliases, localPattern: SQL): SQL {
  const col = (n: string) => sql.raw(`${a.v}.${n}`);
  const local = sql`upper(replace(${col('plate')}, ' ', '')) like ${localPattern}`;
  switch (kind) {
    case 'first_service':
    case 'expiry_insurance':
    case 'expiry_membership':
    case 'expiry_inspection':
    case 'expiry_licence':
      return sql`${col(KIND_DATE[kind])} between ${p.from} and ${p.to}`;
    case 'regular_service':
      return sql`${col('next_service_date')} between ${p.from} and ${p.to} and (${col('last_service_date')} is null or ${col('last_service_date')} < ${recentServiceFrom(p.today)})`;
    case 'mileage_service':
      // Seen within 6 months (a fresh estimate) but not in the last 10 days; the estimate never
      // falls below the last reading, so "reading ≤ upper bound" is a cheap first cut.
      return sql`${col('last_service_date')} >= ${seenSince(p.today)} and ${col('last_service_date')} < ${recentServiceFrom(p.today)} and ${col('mileage')} <= ${p.kmTo} and ${local} and ${estimatedMileageSql(a.v, p.today)} between ${p.kmFrom} and ${p.kmTo}`;
    case 'churn':
      return sql`${col('last_service_date')} between ${p.from} and ${p.to} and ${local} and ${visitsSql(a.v)} >= ${CHURN_MIN_VISITS}`;
  }
}

/** WHERE of the birthday list on customers aliased `c` (29 February on 28 February in a common year). */
export function birthdayRuleSql(p: RuleParams, c: string): SQL {
  return sql`${sql.raw(`${c}.birthday_md`)} in (${sql.join(
    birthdayMds(p.from, p.to).map((m) => sql`${m}`),
    sql`, `,
  )})`;
}
