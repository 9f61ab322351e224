import { sql, type SQL } from 'drizzle-orm';
import { REMINDER_DATASETS, reminderPreset, type ReminderKind, type ReminderList, type ReminderQuery, type ReminderRow, type ReminderTasksResult } from '../../../common/api/reminders';
import type { GridSelection, Scope } from '../../../common/api/grid';
import { SERVICE_TASK_KINDS } from '../../../common/service-tasks';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { addDays, isDate, todayIn } from '../../../common/dates';
import { createTasks, type NewTask } from './tasks';
import { selectionIds } from './list-selection';
import { FIRST_SERVICE_DAYS } from './reminder-rules';
import { birthdayRuleSql, dndSql, estimatedMileageSql, kindDateColumn, localPatternOf, ruleParams, vehicleRuleSql, visitsSql } from './reminder-sql';
import { formatPhone } from '../../../common/phone';
import { primaryPhoneExpr } from '../customers';

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
export function regularServiceList(core: Pick<Core, 'services'>, opts: RegularServiceOptions): ReminderList {
  return core.services.reminders.list(opts.session ?? null, { kind: 'regular_service', from: opts.from, to: opts.to, scope: opts.scope, offset: opts.offset ?? 0, limit: opts.limit ?? 100 });
}

/** A whole list turned into tasks at once: more than this and the range must be narrowed. */
export const MAX_TASK_ROWS = 5_000;

/** Up to this many qualifying rows the DND ones are counted by reading those rows' customers. */
const DND_BY_ROWS_UP_TO = 20_000;

/** 免打扰 for a reminder list: no calls or no messages. */
const DND = dndSql({ v: 'v', c: 'c' });
// The normalised number, shown in the one readable form every list uses (formatPhone).
const PHONE = sql.raw(primaryPhoneExpr('c.id'));

export interface Plan {
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

/** The reminder service's aliases: v = vehicles, c = customers. */
const VC = { v: 'v', c: 'c' } as const;

export class ReminderService {
  constructor(private core: Pick<Core, 'clock' | 'db' | 'services' | 'settings' | 'sqlite' | 'visibility'>) {}

  today(): string {
    return todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
  }

  /** The SQL of a list (exported for the bench's raw baseline). */
  plan(q: Pick<ReminderQuery, 'kind' | 'from' | 'to' | 'kmFrom' | 'kmTo'>): Plan {
    const p = ruleParams(q.kind, this.today(), q);
    const { today, from, to } = p;
    const local = sql`${localPatternOf(this.core.settings.get('dealer.platePrefix'))}`;
    const vehicles = {
      from_: sql.raw('vehicles v join customers c on c.id = v.customer_id'),
      countFrom: sql.raw('vehicles v'),
      dndFrom: sql.raw('customers c indexed by customers_dnd_idx join vehicles v on v.customer_id = c.id'),
    };
    const select = (date: string, figure: SQL = sql.raw('null')) =>
      sql`c.id as customerId, c.name as customerName, v.id as vehicleId, v.plate as plate, v.model as model, ${sql.raw(date)} as date, ${figure} as figure, v.last_service_date as lastServiceDate`;
    if (q.kind === 'birthday') {
      return {
        today,
        from,
        to,
        from_: sql.raw('customers c'),
        countFrom: sql.raw('customers c'),
        dndFrom: sql.raw('customers c indexed by customers_dnd_idx'),
        where: birthdayRuleSql(p, 'c'),
        select: sql.raw('c.id as customerId, c.name as customerName, null as vehicleId, null as plate, c.primary_model as model, c.birthday as date, null as figure, null as lastServiceDate'),
        order: sql.raw('c.birthday_md, c.id'),
      };
    }
    const date = `v.${kindDateColumn(q.kind)}`;
    const figure = q.kind === 'mileage_service' ? estimatedMileageSql('v', today) : q.kind === 'churn' ? visitsSql('v') : undefined;
    return { today, from, to, ...vehicles, where: vehicleRuleSql(q.kind, p, VC, local), select: select(date, figure), order: sql.raw(`${date}, v.id`) };
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
  statements(s: SessionCtx | null, q: ReminderQuery, only?: readonly number[]): { plan: Plan; count: SQL; dnd: (n: number) => SQL; page: SQL } {
    const p = this.plan(q);
    const sc = this.scopeOf(s, q.scope);
    const visible = s && sc !== 'all' ? this.core.visibility.scopeSql(s, sc, 'c') : sql`1`;
    // Only the rows a grid selection names (vehicle ids; birthdays: customer ids), still under the rule.
    const scope = only ? sql`${visible} and ${sql.raw(q.kind === 'birthday' ? 'c.id' : 'v.id')} in (select value from json_each(${JSON.stringify(only)}))` : visible;
    const limit = Math.min(q.limit ?? 100, MAX_TASK_ROWS);
    // Counting in scope 'all' needs no customer row. The DND ones: for a short list, read its
    // customers' flags; for a long one, start from the ~2 % DND customers (partial index) instead —
    // at 1M customers each costs ~200 ms at its worst (docs/service-reminders.md).
    const countFrom = sc === 'all' ? p.countFrom : p.from_;
    return {
      plan: p,
      count: sql`select count(*) as n from ${countFrom} where ${p.where} and ${scope}`,
      dnd: (n) =>
        // 流失预警 keeps few of the rows its rule reads (every vehicle last serviced in its window,
        // most not local or under 4 visits), and reading customers by rows costs by rows read:
        // at 1M customers 147 ms that way, 78 ms from the DND side, for 11,500 rows kept.
        n <= DND_BY_ROWS_UP_TO && q.kind !== 'churn'
          ? sql`select count(*) as n from ${p.from_} where ${DND} and ${p.where} and ${scope}`
          : sql`select count(*) as n from ${p.dndFrom} where ${DND} and ${p.where} and ${scope}`,
      page: sql`select ${p.select}, ${PHONE} as phone from ${p.from_} where ${p.where} and ${scope} and not ${DND} order by ${p.order} limit ${limit} offset ${q.offset ?? 0}`,
    };
  }

  /** A page of a list with its total and the DND customers left out. */
  list(s: SessionCtx | null, q: ReminderQuery, only?: readonly number[]): ReminderList {
    const { plan: p, count, dnd: dndSql, page } = this.statements(s, q, only);
    const n = this.core.db.get<{ n: number }>(count)!.n;
    const dnd = n === 0 ? 0 : this.core.db.get<{ n: number }>(dndSql(n))!.n;
    const rows = this.core.db.all<ReminderRow>(page).map((r) => ({ ...r, phone: formatPhone(r.phone) }));
    return { kind: q.kind, from: p.from, to: p.to, today: p.today, rows, total: n - dnd, leftOutDnd: dnd };
  }

  /**
   * The whole list (not only a page) — or the rows of it the grid selection names — as agents'
   * tasks, idempotent per customer / vehicle / due date. 专项保养 and 流失预警 tasks are due the day
   * they are made, so the natural key alone would give a customer a second task when the list is
   * turned into tasks again on a later day: a customer already holding an open task of that kind
   * is skipped and counted (skippedOpen).
   */
  async toTasks(s: SessionCtx, q: ReminderQuery & { assigneeId: number | null; selection?: GridSelection }): Promise<ReminderTasksResult> {
    if (q.assigneeId != null && q.assigneeId !== s.user.id) {
      if (!['serviceManager', 'generalManager', 'admin'].includes(s.user.role)) throw new AppError('FORBIDDEN');
      const u = this.core.sqlite.prepare("select 1 from users where id = ? and active = 1 and role in ('serviceAgent', 'serviceManager')").get(q.assigneeId);
      if (!u) throw new AppError('INVALID_INPUT', { issues: ['assigneeId'], fields: [{ field: 'assigneeId', message: 'reminders.badAssignee' }] });
    }
    const { selection, assigneeId, ...lq } = q;
    const first = this.list(s, { ...lq, offset: 0, limit: 1 });
    const only = selection
      ? await selectionIds(this.core, s, selection, { dataset: REMINDER_DATASETS[q.kind], presets: [reminderPreset(q.kind, lq), reminderPreset(q.kind, { ...lq, from: first.from, to: first.to })] }, MAX_TASK_ROWS)
      : undefined;
    if (!only && first.total > MAX_TASK_ROWS) throw new AppError('TOO_MANY_ROWS', { max: MAX_TASK_ROWS, count: first.total });
    if (only && only.length > MAX_TASK_ROWS) throw new AppError('TOO_MANY_ROWS', { max: MAX_TASK_ROWS, count: only.length });
    const all = this.list(s, { ...lq, offset: 0, limit: MAX_TASK_ROWS }, only);
    const label = SERVICE_TASK_KINDS.find((k) => k.code === q.kind)!.zh;
    const held = q.kind === 'mileage_service' || q.kind === 'churn' ? this.heldOpen(q.kind, all.rows.map((r) => r.customerId), all.today) : new Set<number>();
    const rows = all.rows.filter((r) => !held.has(r.customerId));
    const tasks: NewTask[] = rows.map((r) => ({
      kind: q.kind,
      customerId: r.customerId,
      vehicleId: r.vehicleId,
      dueDate: dueDate(q.kind, r, all.today),
      assigneeId,
      reason: reasonText(q.kind, label, r),
      refType: r.vehicleId != null ? 'vehicle' : 'customer',
      refId: r.vehicleId ?? r.customerId,
    }));
    const res = createTasks(this.core, s.user.id, tasks);
    return { ...res, skippedOpen: all.rows.length - rows.length, leftOutDnd: all.leftOutDnd };
  }

  /** Customers holding an open task of this kind made for another day (today's are the natural key's business). */
  private heldOpen(kind: ReminderKind, customerIds: number[], today: string): Set<number> {
    if (customerIds.length === 0) return new Set();
    const rows = this.core.sqlite
      .prepare("select distinct customer_id as id from tasks where kind = ? and status in ('open', 'in_progress') and due_date <> ? and customer_id in (select value from json_each(?))")
      .all(kind, today, JSON.stringify([...new Set(customerIds)])) as { id: number }[];
    return new Set(rows.map((r) => r.id));
  }
}

/**
 * The task's due day. A date that stays put while the customer stays on the list (next service,
 * expiry, this year's birthday, purchase + 90 days) keeps the task idempotent across days; the
 * mileage and churn lists have none, so their tasks are due the day they are made.
 */
export function dueDate(kind: ReminderKind, r: Omit<ReminderRow, 'phone'>, today: string): string {
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

export function reasonText(kind: ReminderKind, label: string, r: Omit<ReminderRow, 'phone'>): string {
  const plate = r.plate ? ` ${r.plate}` : '';
  if (kind === 'mileage_service') return `${label}${plate} 估算里程 ${r.figure ?? '?'} km`;
  if (kind === 'churn') return `${label}${plate} 末次进厂 ${r.date ?? '?'},累计 ${r.figure ?? '?'} 次`;
  return `${label}${plate} ${r.date ?? ''}`.trim();
}

