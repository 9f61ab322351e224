import { sql, type SQL } from 'drizzle-orm';
import type { ReminderKind, ReminderList, ReminderQuery, ReminderRow } from '../../../common/api/reminders';
import type { Scope } from '../../../common/api/grid';
import { SERVICE_TASK_KINDS } from '../../../common/service-tasks';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth/service';
import { addDays, isDate, todayIn } from '../grid/dates';
import { createTasks, type NewTask } from './tasks';
import { CHURN_MIN_VISITS, FIRST_SERVICE_DAYS, MILEAGE_BAND, birthdayMds, defaultRange, recentServiceFrom, seenSince } from './reminder-rules';
import { formatPhone } from '../../../common/phone-format';
import { primaryPhoneExpr } from '../customers/primary-phone';

export interface RegularServiceOptions {
  /** Inclusive next-service-date range, YYYY-MM-DD in the dealer's time zone. */
  from: string;
  to: string;
  /** Whose customers (needs session); without a session every customer is included (jobs). */
  session?: SessionCtx;
  scope?: Scope;
  offset?: number;
  /** Default 100; at most MAX_TASK_ROWS. */
  limit?: number;
}

/**
 * 常规保养 list: vehicles whose next service date is in [from, to], dropping those serviced in the
 * last 10 days (today − 10 … today) and DND customers (counted in leftOutDnd). Rows are by vehicle,
 * ordered by next service date. The appointments / solicitation side calls this.
 */
export function regularServiceList(core: Core, opts: RegularServiceOptions): ReminderList {
  return remindersOf(core).list(opts.session ?? null, { kind: 'regular_service', from: opts.from, to: opts.to, scope: opts.scope, offset: opts.offset ?? 0, limit: opts.limit ?? 100 });
}

/** A whole list turned into tasks at once: more than this and the range must be narrowed. */
export const MAX_TASK_ROWS = 5_000;

/** Up to this many qualifying rows the DND ones are counted by reading those rows' customers. */
const DND_BY_ROWS_UP_TO = 20_000;

/** 免打扰 for a reminder list: no calls or no messages. */
const DND = sql.raw('(c.dnd_call = 1 or c.dnd_sms = 1)');
// The normalised number, shown in the one readable form every list uses (formatPhone).
const PHONE = sql.raw(primaryPhoneExpr('c.id'));

interface Plan {
  today: string;
  from: string;
  to: string;
  /** FROM with customers aliased c (the rows, and counts in a narrower scope than 'all'). */
  from_: SQL;
  /** FROM for counting in scope 'all': without the customers join when the rule needs none. */
  countFrom: SQL;
  /** FROM for the DND customers left out, driven by the partial index customers_dnd_idx. */
  dndFrom: SQL;
  where: SQL;
  select: SQL;
  order: SQL;
}

const KIND_DATE: Record<'first_service' | 'regular_service' | 'expiry_insurance' | 'expiry_membership' | 'expiry_inspection' | 'expiry_licence', string> = {
  first_service: 'v.purchase_date',
  regular_service: 'v.next_service_date',
  expiry_insurance: 'v.insurance_expiry',
  expiry_membership: 'v.membership_expiry',
  expiry_inspection: 'v.inspection_expiry',
  expiry_licence: 'v.licence_expiry',
};

export class ReminderService {
  constructor(private core: Core) {}

  today(): string {
    return todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
  }

  /** The SQL of a list (exported for the bench's raw baseline). */
  plan(q: Pick<ReminderQuery, 'kind' | 'from' | 'to' | 'kmFrom' | 'kmTo'>): Plan {
    const today = this.today();
    const [dFrom, dTo] = defaultRange(q.kind, today);
    const from = q.from ?? dFrom;
    const to = q.to ?? dTo;
    const fields: { field: string; message: string }[] = [];
    if (!isDate(from)) fields.push({ field: 'from', message: 'reminders.badDate' });
    if (!isDate(to)) fields.push({ field: 'to', message: 'reminders.badDate' });
    if (fields.length === 0 && from > to) fields.push({ field: 'to', message: 'reminders.rangeOrder' });
    if (fields.length === 0 && q.kind === 'birthday' && addDays(from, 365) < to) fields.push({ field: 'to', message: 'reminders.rangeTooLong' });
    const kmFrom = q.kmFrom ?? MILEAGE_BAND[0];
    const kmTo = q.kmTo ?? MILEAGE_BAND[1];
    if (kmFrom > kmTo) fields.push({ field: 'kmTo', message: 'reminders.rangeOrder' });
    if (fields.length) throw new AppError('INVALID_INPUT', { issues: fields.map((f) => `${f.field}: ${f.message}`), fields });

    const prefix = this.core.settings.get('dealer.platePrefix');
    const vehicles = {
      from_: sql.raw('vehicles v join customers c on c.id = v.customer_id'),
      countFrom: sql.raw('vehicles v'),
      dndFrom: sql.raw('customers c indexed by customers_dnd_idx join vehicles v on v.customer_id = c.id'),
    };
    const base = (date: string, figure = 'null') =>
      sql.raw(`c.id as customerId, c.name as customerName, v.id as vehicleId, v.plate as plate, v.model as model, ${date} as date, ${figure} as figure, v.last_service_date as lastServiceDate`);
    const local = sql`upper(replace(v.plate, ' ', '')) like ${`${prefix.replace(/\s+/g, '').toUpperCase()}%`}`;
    switch (q.kind) {
      case 'first_service':
      case 'expiry_insurance':
      case 'expiry_membership':
      case 'expiry_inspection':
      case 'expiry_licence': {
        const col = sql.raw(KIND_DATE[q.kind]);
        return { today, from, to, ...vehicles, where: sql`${col} between ${from} and ${to}`, select: base(KIND_DATE[q.kind]), order: sql`${col}, v.id` };
      }
      case 'regular_service':
        return {
          today,
          from,
          to,
          ...vehicles,
          where: sql`v.next_service_date between ${from} and ${to} and (v.last_service_date is null or v.last_service_date < ${recentServiceFrom(today)})`,
          select: base('v.next_service_date'),
          order: sql`v.next_service_date, v.id`,
        };
      case 'mileage_service': {
        // Estimated mileage = last reading + avg km/day × days since (reminder-rules estimatedMileage).
        const est = sql`round(v.mileage + max(0, coalesce(v.avg_km_per_day, 0)) * max(0, julianday(${today}) - julianday(v.mileage_date)))`;
        return {
          today,
          from,
          to,
          ...vehicles,
          where: sql`v.last_service_date >= ${seenSince(today)} and v.last_service_date < ${recentServiceFrom(today)} and v.mileage <= ${kmTo} and ${local} and ${est} between ${kmFrom} and ${kmTo}`, // the estimate never falls below the reading: a cheap first cut
          select: sql`c.id as customerId, c.name as customerName, v.id as vehicleId, v.plate as plate, v.model as model, v.last_service_date as date, ${est} as figure, v.last_service_date as lastServiceDate`,
          order: sql`v.last_service_date, v.id`,
        };
      }
      case 'churn': {
        const stale = addDays(seenSince(today), -1);
        const upTo = to < stale ? to : stale;
        const visits = sql.raw('(select count(*) from service_visits s where s.vehicle_id = v.id)');
        return {
          today,
          from,
          to: upTo,
          ...vehicles,
          where: sql`v.last_service_date between ${from} and ${upTo} and ${local} and ${visits} >= ${CHURN_MIN_VISITS}`,
          select: sql`c.id as customerId, c.name as customerName, v.id as vehicleId, v.plate as plate, v.model as model, v.last_service_date as date, ${visits} as figure, v.last_service_date as lastServiceDate`,
          order: sql`v.last_service_date, v.id`,
        };
      }
      case 'birthday': {
        const mds = birthdayMds(from, to);
        return {
          today,
          from,
          to,
          from_: sql.raw('customers c'),
          countFrom: sql.raw('customers c'),
          dndFrom: sql.raw('customers c indexed by customers_dnd_idx'),
          where: sql`c.birthday_md in (${sql.join(
            mds.map((m) => sql`${m}`),
            sql`, `,
          )})`,
          select: sql.raw('c.id as customerId, c.name as customerName, null as vehicleId, null as plate, c.primary_model as model, c.birthday as date, null as figure, null as lastServiceDate'),
          order: sql.raw('c.birthday_md, c.id'),
        };
      }
    }
  }

  private scopeOf(s: SessionCtx | null, scope: Scope | undefined): Scope {
    if (!s) return 'all';
    const allowed = this.core.visibility.scopesOf(s);
    const sc = scope ?? allowed.at(-1)!;
    if (!allowed.includes(sc)) throw new AppError('FORBIDDEN');
    return sc;
  }

  /**
   * The statements of a list page: everyone qualifying (DND or not), the DND ones among them
   * (chosen by that count), and the rows.
   */
  statements(s: SessionCtx | null, q: ReminderQuery): { plan: Plan; count: SQL; dnd: (n: number) => SQL; page: SQL } {
    const p = this.plan(q);
    const sc = this.scopeOf(s, q.scope);
    const scope = s && sc !== 'all' ? this.core.visibility.scopeSql(s, sc, 'c') : sql`1`;
    const limit = Math.min(q.limit ?? 100, MAX_TASK_ROWS);
    // Counting in scope 'all' needs no customer row. The DND ones: for a short list, read its
    // customers' flags; for a long one, start from the ~2 % DND customers (partial index) instead —
    // at 1M customers each costs ~200 ms at its worst (docs/service-reminders.md).
    const countFrom = sc === 'all' ? p.countFrom : p.from_;
    return {
      plan: p,
      count: sql`select count(*) as n from ${countFrom} where ${p.where} and ${scope}`,
      dnd: (n) =>
        n <= DND_BY_ROWS_UP_TO
          ? sql`select count(*) as n from ${p.from_} where ${DND} and ${p.where} and ${scope}`
          : sql`select count(*) as n from ${p.dndFrom} where ${DND} and ${p.where} and ${scope}`,
      page: sql`select ${p.select}, ${PHONE} as phone from ${p.from_} where ${p.where} and ${scope} and not ${DND} order by ${p.order} limit ${limit} offset ${q.offset ?? 0}`,
    };
  }

  /** A page of a list with its total and the DND customers left out. */
  list(s: SessionCtx | null, q: ReminderQuery): ReminderList {
    const { plan: p, count, dnd: dndSql, page } = this.statements(s, q);
    const n = this.core.db.get<{ n: number }>(count)!.n;
    const dnd = n === 0 ? 0 : this.core.db.get<{ n: number }>(dndSql(n))!.n;
    const rows = this.core.db.all<ReminderRow>(page).map((r) => ({ ...r, phone: formatPhone(r.phone) }));
    return { kind: q.kind, from: p.from, to: p.to, today: p.today, rows, total: n - dnd, leftOutDnd: dnd };
  }

  /** The whole list (not only a page) as agents' tasks, idempotent per customer/vehicle/due date. */
  toTasks(s: SessionCtx, q: ReminderQuery & { assigneeId: number | null }): { created: number; existing: number; leftOutDnd: number } {
    if (q.assigneeId != null && q.assigneeId !== s.user.id) {
      if (!['serviceManager', 'generalManager', 'admin'].includes(s.user.role)) throw new AppError('FORBIDDEN');
      const u = this.core.sqlite.prepare("select 1 from users where id = ? and active = 1 and role in ('serviceAgent', 'serviceManager')").get(q.assigneeId);
      if (!u) throw new AppError('INVALID_INPUT', { issues: ['assigneeId'], fields: [{ field: 'assigneeId', message: 'reminders.badAssignee' }] });
    }
    const first = this.list(s, { ...q, offset: 0, limit: 1 });
    if (first.total > MAX_TASK_ROWS) throw new AppError('TOO_MANY_ROWS', { max: MAX_TASK_ROWS, count: first.total });
    const all = this.list(s, { ...q, offset: 0, limit: MAX_TASK_ROWS });
    const label = SERVICE_TASK_KINDS.find((k) => k.code === q.kind)!.zh;
    const tasks: NewTask[] = all.rows.map((r) => ({
      kind: q.kind,
      customerId: r.customerId,
      vehicleId: r.vehicleId,
      dueDate: dueDate(q.kind, r, all.today),
      assigneeId: q.assigneeId,
      reason: reasonText(q.kind, label, r),
      refType: r.vehicleId != null ? 'vehicle' : 'customer',
      refId: r.vehicleId ?? r.customerId,
    }));
    const res = createTasks(this.core, s.user.id, tasks);
    return { ...res, leftOutDnd: all.leftOutDnd };
  }
}

/**
 * The task's due day. A date that stays put while the customer stays on the list (next service,
 * expiry, this year's birthday, purchase + 90 days) keeps the task idempotent across days; the
 * mileage and churn lists have none, so their tasks are due the day they are made.
 */
function dueDate(kind: ReminderKind, r: Omit<ReminderRow, 'phone'>, today: string): string {
  switch (kind) {
    case 'first_service':
      return r.date ? addDays(r.date, FIRST_SERVICE_DAYS) : today;
    case 'birthday': {
      if (!r.date) return today;
      const md = r.date.slice(5);
      const thisYear = `${today.slice(0, 4)}-${md}`;
      const d = isDate(thisYear) ? thisYear : `${today.slice(0, 4)}-02-28`;
      return d < addDays(today, -7) ? `${Number(today.slice(0, 4)) + 1}-${md === '02-29' ? '02-28' : md}` : d;
    }
    case 'mileage_service':
    case 'churn':
      return today;
    default:
      return r.date ?? today;
  }
}

function reasonText(kind: ReminderKind, label: string, r: Omit<ReminderRow, 'phone'>): string {
  const plate = r.plate ? ` ${r.plate}` : '';
  if (kind === 'mileage_service') return `${label}${plate} 估算里程 ${r.figure ?? '?'} km`;
  if (kind === 'churn') return `${label}${plate} 末次进厂 ${r.date ?? '?'},累计 ${r.figure ?? '?'} 次`;
  return `${label}${plate} ${r.date ?? ''}`.trim();
}

const services = new WeakMap<Core, ReminderService>();
export function remindersOf(core: Core): ReminderService {
  let svc = services.get(core);
  if (!svc) services.set(core, (svc = new ReminderService(core)));
  return svc;
}
