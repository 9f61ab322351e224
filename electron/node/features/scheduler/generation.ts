import { sql } from 'drizzle-orm';
import type { ReminderKind } from '../../../common/api/reminders';
import { SERVICE_TASK_KINDS } from '../../../common/service-tasks';
import { addDays, dayStartMs } from '../../../common/dates';
import {
  AppointmentService,
  createTasks,
  defaultRange,
  dueDate,
  FIRST_SERVICE_DAYS,
  isLowScore,
  lowScoreDueDate,
  MAX_TASK_ROWS,
  type NewTask,
  reasonText,
  revisitRange,
  seenSince,
  selectRevisits,
  SolicitationService,
} from '../service';
import { NotificationService } from '../sales';
import { addResult, emptyResult, type JobContext, type JobDef, type JobResult } from './job';
import { JOB_LABELS } from './texts';

/** Daily generation jobs run early in the dealer's morning, before the front desk opens. */
const DAILY = '30 6 * * *';

const label = (kind: string) => SERVICE_TASK_KINDS.find((k) => k.code === kind)?.zh ?? kind;

/** createTasks in the run's transaction, counting the ones that already existed as skipped. */
function create(ctx: JobContext, rows: NewTask[], dnd: number): JobResult {
  const r = rows.length ? createTasks(ctx.core, null, rows.map((t) => ({ ...t, jobRunId: ctx.runId })), ctx.tx) : { created: 0, existing: 0 };
  return { created: r.created, skipped: { dnd, exists: r.existing } };
}

/** The sales revisit days after delivery, from the setting ('1,7,30'). */
export function salesRevisitDays(setting: string): number[] {
  const days = setting
    .split(/[,，\s]+/)
    .map((x) => Number(x))
    .filter((n) => Number.isInteger(n) && n >= 0 && n <= 365);
  return [...new Set(days)].sort((a, b) => a - b);
}

/** 销售回访: each delivery on day − N for N in 'scheduler.salesRevisitDays' gets a revisit due that day. */
export const salesRevisits: JobDef = {
  id: 'tasks.salesRevisits',
  label: JOB_LABELS.pair('tasks.salesRevisits'),
  cron: DAILY,
  catchUp: true,
  transactional: true,
  run(ctx) {
    const out = emptyResult();
    for (const n of salesRevisitDays(ctx.core.settings.get('scheduler.salesRevisitDays'))) {
      const delivered = addDays(ctx.day, -n);
      const rows = ctx.tx.all<{ id: number; customerId: number; vehicleId: number | null; dnd: number }>(sql`
        SELECT d.id, d.customer_id AS customerId, d.vehicle_id AS vehicleId, c.dnd_revisit AS dnd
          FROM deliveries d JOIN customers c ON c.id = d.customer_id WHERE d.delivery_date = ${delivered} ORDER BY d.id`);
      const calls = rows.filter((r) => r.dnd !== 1);
      addResult(
        out,
        create(
          ctx,
          calls.map((r) => ({ kind: 'revisit_sales', customerId: r.customerId, vehicleId: r.vehicleId, dueDate: ctx.day, reason: `交车第 ${n} 天回访(交车 ${delivered})`, refType: 'delivery', refId: r.id })),
          rows.length - calls.length,
        ),
      );
      ctx.checkpoint(`sales+${n}`);
    }
    return addResult(out, lateDeliveries(ctx, 'tasks.salesRevisits'));
  },
};

/** A delivery recorded this many days after its revisit day still gets that revisit (not older: a DMS back-fill of history). */
const LATE_DELIVERY_DAYS = 7;

/**
 * Late entries for 销售回访: a delivery recorded (or its date corrected) after its day N has passed
 * gets the revisit of the latest N it missed, due today — once: not when a revisit of that
 * delivery for that day or a later one already exists. Only missed days of the last week.
 */
function lateDeliveries(ctx: JobContext, jobId: string): JobResult {
  const since = previousRunStart(ctx, jobId);
  if (since === null) return emptyResult();
  const days = salesRevisitDays(ctx.core.settings.get('scheduler.salesRevisitDays'));
  const rows = ctx.tx.all<{ id: number; customerId: number; vehicleId: number | null; delivered: string; dnd: number }>(sql`
    SELECT d.id, d.customer_id AS customerId, d.vehicle_id AS vehicleId, d.delivery_date AS delivered, c.dnd_revisit AS dnd
      FROM deliveries d JOIN customers c ON c.id = d.customer_id
     WHERE d.id IN (SELECT CAST(entity_id AS INTEGER) FROM audit_log WHERE at >= ${since} AND +entity = 'delivery' AND entity_id IS NOT NULL)
     ORDER BY d.id`);
  const todo: NewTask[] = [];
  let dnd = 0;
  for (const d of rows) {
    const missed = days.filter((n) => addDays(d.delivered, n) < ctx.day).at(-1);
    if (missed === undefined || addDays(d.delivered, missed) < addDays(ctx.day, -LATE_DELIVERY_DAYS)) continue;
    if (d.dnd === 1) {
      dnd++;
      continue;
    }
    const made = ctx.tx.get(sql`SELECT 1 FROM tasks WHERE customer_id = ${d.customerId} AND kind = 'revisit_sales' AND ref_type = 'delivery' AND ref_id = ${d.id} AND due_date >= ${addDays(d.delivered, missed)}`);
    if (made) continue;
    todo.push({ kind: 'revisit_sales', customerId: d.customerId, vehicleId: d.vehicleId, dueDate: ctx.day, reason: `交车第 ${missed} 天回访(交车 ${d.delivered},补录)`, refType: 'delivery', refId: d.id });
  }
  return todo.length || dnd ? create(ctx, todo, dnd) : emptyResult();
}

/**
 * 维修回访: repairs of the last 3 days (revisitRange) still on the 待回访 tab (selectRevisits: no
 * revisit yet, DND left out) become a revisit due on the last day of the window, so the same
 * repair seen on three mornings is one task.
 */
export const repairRevisits: JobDef = {
  id: 'tasks.repairRevisits',
  label: JOB_LABELS.pair('tasks.repairRevisits'),
  cron: DAILY,
  catchUp: true,
  transactional: true,
  run(ctx) {
    const range = revisitRange(ctx.day);
    const rows = ctx.tx.all<{ eventId: number; customerId: number; vehicleId: number | null; date: string; ro: string | null; dnd: number; status: 'open' | 'unreachable' | 'done' | null; again: number | null }>(sql`
      SELECT v.id AS eventId, v.customer_id AS customerId, v.vehicle_id AS vehicleId, v.date, v.ro_number AS ro, c.dnd_revisit AS dnd,
             r.status, r.needs_revisit_again AS again
        FROM service_visits v JOIN customers c ON c.id = v.customer_id
        LEFT JOIN revisits r ON r.id = (SELECT MAX(r.id) FROM revisits r WHERE r.customer_id = v.customer_id AND r.kind = 'repair' AND r.service_visit_id = v.id)
       WHERE v.date BETWEEN ${range.from} AND ${range.to} AND v.type IN ('repair', 'accident', 'warranty', 'regular_service', 'first_service', 'other')
       ORDER BY v.id`);
    const picked = selectRevisits(
      rows.map((r) => ({ ...r, dndRevisit: r.dnd === 1, latest: r.status ? { status: r.status, needsRevisitAgain: r.again === 1 } : null })),
      'pending',
      range,
    );
    return create(
      ctx,
      picked.rows.map((r) => ({
        kind: 'revisit_repair',
        customerId: r.customerId,
        vehicleId: r.vehicleId,
        dueDate: addDays(r.date, 2),
        reason: `维修 ${r.date}${r.ro ? ` ${r.ro}` : ''}`,
        refType: 'service_visit',
        refId: r.eventId,
      })),
      picked.excludedDnd,
    );
  },
};

/**
 * The slice of a reminder list that comes in on a day: each day adds the rows that enter the
 * list's window that day, so the days together cover everything once, and a missed day caught up
 * later adds its own slice. Due dates and reasons are the reminder screen's own (reminders.ts dueDate /
 * reasonText), so a task made here and one made with 生成任务 share their natural key.
 */
function slice(kind: Exclude<ReminderKind, 'mileage_service'>, day: string): { from: string; to: string } {
  switch (kind) {
    case 'first_service': {
      // Bought 83 days ago: the first service (purchase + 90 days) is a week away.
      const d = addDays(day, -(FIRST_SERVICE_DAYS - 7));
      return { from: d, to: d };
    }
    case 'regular_service':
      return { from: addDays(day, 7), to: addDays(day, 7) };
    case 'churn': {
      // Last seen exactly 6 months + 1 day ago: today the vehicle becomes a churn warning.
      const d = addDays(seenSince(day), -1);
      return { from: d, to: d };
    }
    case 'birthday':
      return { from: day, to: day };
    default:
      // Expiries: a month ahead, time to renew.
      return { from: addDays(day, 30), to: addDays(day, 30) };
  }
}

/** When this job's previous successful run started (changes from then on are "late"), or null. */
function previousRunStart(ctx: JobContext, jobId: string): number | null {
  return ctx.tx.get<{ at: number | null }>(sql`SELECT MAX(started_at) AS at FROM job_runs WHERE job = ${jobId} AND status = 'ok' AND id <> ${ctx.runId}`)?.at ?? null;
}

/**
 * Late entries: the customers and vehicles changed since this job's previous successful run (the
 * audit log: every change to customer data has its row, indexed by time), or null on a job's first
 * run. Vehicles of a changed customer count as changed (e.g. 免打扰 lifted).
 */
export function changedSince(ctx: JobContext, jobId: string): { since: number; customers: number[]; vehicles: number[] } | null {
  const since = previousRunStart(ctx, jobId);
  if (since === null) return null;
  // `+entity`: read the time range (audit_at_idx), not every row of an entity.
  const audited = (entity: string) =>
    ctx.tx.all<{ id: number }>(sql`SELECT DISTINCT CAST(entity_id AS INTEGER) AS id FROM audit_log WHERE at >= ${since} AND +entity = ${entity} AND entity_id IS NOT NULL`).map((r) => r.id);
  const customers = audited('customer');
  const vehicles = new Set(audited('vehicle'));
  if (customers.length) {
    for (const r of ctx.tx.all<{ id: number }>(sql`SELECT id FROM vehicles WHERE customer_id IN (SELECT value FROM json_each(${JSON.stringify(customers)}))`)) vehicles.add(r.id);
  }
  return { since, customers, vehicles: [...vehicles] };
}

/** Reminder kinds whose date can be typed in after its slice day, with lead time to still act on it. */
const LATE_KINDS: ReadonlySet<ReminderKind> = new Set(['first_service', 'regular_service', 'expiry_insurance', 'expiry_membership', 'expiry_inspection', 'expiry_licence']);

/** A reminder list (reminders.ts, the rule the screens use) for the day, as tasks. */
function reminderTasks(ctx: JobContext, kind: ReminderKind, changed: ReturnType<typeof changedSince>): JobResult {
  const svc = ctx.dayCore.services.reminders;
  const s = kind === 'mileage_service' ? null : slice(kind, ctx.day);
  const rows: NewTask[] = [];
  let dnd = 0;
  let recent = 0;
  // Mileage has no date that stays put (the task is due the day it is made): a vehicle reminded
  // within the last 6 months is not reminded again while its estimate stays in the band.
  const reminded =
    kind === 'mileage_service'
      ? new Set(ctx.tx.all<{ v: number }>(sql`SELECT vehicle_id AS v FROM tasks WHERE kind = 'mileage_service' AND due_date >= ${seenSince(ctx.day)} AND vehicle_id IS NOT NULL`).map((r) => r.v))
      : null;
  for (let offset = 0; ; offset += MAX_TASK_ROWS) {
    const page = svc.list(null, { kind, from: s?.from, to: s?.to, offset, limit: MAX_TASK_ROWS });
    if (offset === 0) dnd = page.leftOutDnd;
    for (const r of page.rows) {
      if (reminded?.has(r.vehicleId!)) {
        recent++;
        continue;
      }
      rows.push({
        kind,
        customerId: r.customerId,
        vehicleId: r.vehicleId,
        dueDate: dueDate(kind, r, ctx.day),
        reason: reasonText(kind, label(kind), r),
        refType: r.vehicleId != null ? 'vehicle' : 'customer',
        refId: r.vehicleId ?? r.customerId,
      });
    }
    if (page.rows.length < MAX_TASK_ROWS) break;
  }
  // Late entries: the vehicles changed since the last run, over the part of the list's window whose
  // slices have passed (from the window's start to today's slice) — an expiry typed in 10 days
  // before it falls due, a purchase date corrected, a next-service date moved by a repair order
  // imported late. Same due dates, so createTasks' natural key keeps each task once.
  if (s && changed && changed.vehicles.length && LATE_KINDS.has(kind)) {
    const late = { kind, from: defaultRange(kind, ctx.day)[0], to: s.to };
    for (let offset = 0; ; offset += MAX_TASK_ROWS) {
      const page = svc.list(null, { ...late, offset, limit: MAX_TASK_ROWS }, changed.vehicles);
      for (const r of page.rows) {
        rows.push({ kind, customerId: r.customerId, vehicleId: r.vehicleId, dueDate: dueDate(kind, r, ctx.day), reason: reasonText(kind, label(kind), r), refType: 'vehicle', refId: r.vehicleId ?? r.customerId });
      }
      if (page.rows.length < MAX_TASK_ROWS) break;
    }
  }
  const res = create(ctx, rows, dnd);
  if (recent) res.skipped.recentlyReminded = recent;
  ctx.checkpoint(kind);
  return res;
}

const reminderJob = (id: keyof typeof JOB_LABELS.table, kinds: ReminderKind[]): JobDef => ({
  id,
  label: JOB_LABELS.pair(id),
  cron: DAILY,
  catchUp: true,
  transactional: true,
  run(ctx) {
    const changed = changedSince(ctx, id);
    return kinds.reduce((acc, k) => addResult(acc, reminderTasks(ctx, k, changed)), emptyResult());
  },
});

export const serviceReminders = reminderJob('tasks.serviceReminders', ['first_service', 'regular_service', 'mileage_service']);
export const expiryReminders = reminderJob('tasks.expiryReminders', [
  'expiry_insurance',
  'expiry_membership',
  'expiry_inspection',
  'expiry_licence',
]);
export const churnWarnings = reminderJob('tasks.churn', ['churn']);
export const birthdays = reminderJob('tasks.birthdays', ['birthday']);

/** 预约提醒: tomorrow's bookings (appointments.ts remindTomorrow, the button's rule). */
export const appointmentReminders: JobDef = {
  id: 'tasks.appointmentReminders',
  label: JOB_LABELS.pair('tasks.appointmentReminders'),
  cron: DAILY,
  catchUp: true,
  transactional: true,
  run(ctx) {
    const r = new AppointmentService(ctx.dayCore).remindTomorrow(null);
    return { created: r.created, skipped: { dnd: r.dndExcluded, exists: r.existing } };
  },
};

/**
 * 低分跟进: a revisit finished on the day with a low score (low-score.ts isLowScore, setting
 * 'service.lowScoreThreshold') and no low-score follow-up for its customer gets one, due 3 days
 * later — the revisit form makes it on save; this catches revisits saved by another path.
 */
export const lowScoreFollowUps: JobDef = {
  id: 'tasks.lowScore',
  label: JOB_LABELS.pair('tasks.lowScore'),
  cron: DAILY,
  catchUp: true,
  transactional: true,
  run(ctx) {
    const tz = ctx.core.settings.get('dealer.timeZone');
    const threshold = ctx.core.settings.get('service.lowScoreThreshold');
    const rows = ctx.tx.all<{ id: number; customerId: number; vehicleId: number | null; score: number | null; result: string | null; dnd: number; has: number }>(sql`
      SELECT r.id, r.customer_id AS customerId, r.vehicle_id AS vehicleId, r.score, r.result, c.dnd_revisit AS dnd,
             EXISTS (SELECT 1 FROM tasks t WHERE t.customer_id = r.customer_id AND t.kind = 'low_score' AND t.ref_id = r.id) AS has
        FROM revisits r JOIN customers c ON c.id = r.customer_id
       WHERE r.status = 'done' AND r.done_at >= ${dayStartMs(ctx.day, tz)} AND r.done_at < ${dayStartMs(addDays(ctx.day, 1), tz)}`);
    const low = rows.filter((r) => isLowScore(r.score, r.result, threshold));
    const todo = low.filter((r) => r.has === 0 && r.dnd !== 1);
    const res = create(
      ctx,
      todo.map((r) => ({ kind: 'low_score', customerId: r.customerId, vehicleId: r.vehicleId, dueDate: lowScoreDueDate(ctx.day), reason: `回访低分 ${r.score ?? r.result ?? ''}`.trim(), refType: 'revisit', refId: r.id })),
      low.filter((r) => r.dnd === 1 && r.has === 0).length,
    );
    res.skipped.exists = (res.skipped.exists ?? 0) + low.filter((r) => r.has === 1).length;
    return res;
  },
};

/**
 * 放弃机会后的回访: the follow-up call planned N years after an abandoned opportunity (sales
 * abandon.ts, 'sales.abandonFollowUpYears') is coming due: a week before, its owner gets a
 * notification. One per activity (the notification is looked up before a second is written).
 */
export const abandonedFollowUps: JobDef = {
  id: 'tasks.abandonedFollowUps',
  label: JOB_LABELS.pair('tasks.abandonedFollowUps'),
  cron: DAILY,
  catchUp: true,
  transactional: true,
  run(ctx) {
    const tz = ctx.core.settings.get('dealer.timeZone');
    const target = addDays(ctx.day, 7);
    // Per owner through activities_owner_idx (owner, status, planned_at): no index on planned_at alone.
    const rows = ctx.tx.all<{ id: number; ownerId: number | null; plannedAt: number; customerName: string; has: number }>(sql`
      SELECT a.id, a.owner_id AS ownerId, a.planned_at AS plannedAt, c.name AS customerName,
             EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = a.owner_id AND n.kind = 'sales.abandonFollowUpDue' AND n.ref_type = 'activity' AND n.ref_id = a.id) AS has
        FROM activities a JOIN opportunities o ON o.id = a.opportunity_id JOIN customers c ON c.id = a.customer_id
       WHERE a.owner_id IN (SELECT id FROM users) AND a.status = 'planned'
         AND a.planned_at >= ${dayStartMs(target, tz)} AND a.planned_at < ${dayStartMs(addDays(target, 1), tz)}
         AND o.status = 'abandoned'`);
    const notes = new NotificationService(ctx.core);
    let created = 0;
    let noOwner = 0;
    let exists = 0;
    for (const r of rows) {
      if (r.ownerId == null) noOwner++;
      else if (r.has) exists++;
      else {
        const n = { userId: r.ownerId, kind: 'sales.abandonFollowUpDue', title: `放弃机会回访将于 ${target} 到期:${r.customerName}`, body: null, refType: 'activity', refId: r.id };
        const id = notes.insert(n, ctx.tx);
        ctx.afterCommit(() => notes.publish(id, n));
        created++;
      }
    }
    return { created, skipped: { exists, noOwner } };
  },
};

/** 招揽任务 from the regular-service list (solicitation.ts generate), for vehicles due in a week. */
export const solicitation: JobDef = {
  id: 'tasks.solicitation',
  label: JOB_LABELS.pair('tasks.solicitation'),
  cron: DAILY,
  catchUp: true,
  transactional: true,
  run(ctx) {
    const d = addDays(ctx.day, 7);
    const r = new SolicitationService(ctx.dayCore).generate(null, 'zh-CN', { from: d, to: d, windowDays: 15 });
    return { created: r.created, skipped: { dnd: r.dndExcluded, exists: r.existing } };
  },
};

/** The whole daily generation, in the order the jobs run. */
export const GENERATION_JOBS: readonly JobDef[] = [
  salesRevisits,
  repairRevisits,
  serviceReminders,
  expiryReminders,
  churnWarnings,
  birthdays,
  appointmentReminders,
  lowScoreFollowUps,
  abandonedFollowUps,
  solicitation,
];
