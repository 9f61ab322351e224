import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { activities } from '../../../../db/schema';
import type { ActivityView, NextActivity, TodayView } from '../../../common/api/activities';
import { FIELD_MESSAGES, type Locale } from '../../../common/i18n/errors';
import { MANAGER_ROLES } from '../../../common/roles';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { assertVersion } from '../../stale-record';
import { AuditedWriter } from '../admin';
import type { SessionCtx } from '../auth';
import { addDays, dayStartMs, todayIn } from '../../../common/dates';

type Row = Omit<ActivityView, 'overdue'> & { overdue?: never };

/** The one SELECT every activity view is read with (customer name, stage, owner, comment count). */
export const ACTIVITY_SELECT = sql`select a.id, a.customer_id as customerId, cu.name as customerName, a.opportunity_id as opportunityId,
  o.stage as stage, o.status as opportunityStatus, a.owner_id as ownerId, u.display_name as ownerName, a.type, a.status,
  a.planned_at as plannedAt, a.done_at as doneAt, a.subject, a.result, a.next_step as nextStep, a.version,
  (select count(*) from manager_comments mc where mc.activity_id = a.id) as commentCount
  from activities a join customers cu on cu.id = a.customer_id
  left join opportunities o on o.id = a.opportunity_id left join users u on u.id = a.owner_id`;

const LIST_LIMIT = 500;
const HOME_LIMIT = 50;

export interface ActivityRecord {
  id: number;
  customerId: number;
  opportunityId: number | null;
  ownerId: number | null;
  status: 'planned' | 'done' | 'cancelled';
  version: number;
  oppStatus: 'open' | 'won' | 'abandoned' | null;
}

/**
 * 跟踪计划 / 活动. Who may do what (always in SQL, never only in the UI):
 * - read: activities whose owner the user sees in their widest scope (mine / team / all);
 * - change (complete, cancel, reschedule, plan on an opportunity): the owner, or a manager role
 *   that sees the owner; anybody else gets NOT_FOUND (a record you may not see does not exist).
 * An open opportunity always keeps a next planned activity: completing or cancelling its last
 * planned one needs `next`, written in the same transaction.
 */
export class ActivityService {
  private writer: AuditedWriter;

  constructor(private core: Pick<Core, 'clock' | 'db' | 'settings' | 'visibility'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
  }

  /** SQL: the activity (alias a) is visible to the user. */
  visibleSql(s: SessionCtx, ownerExpr = 'a.owner_id'): SQL {
    return this.core.visibility.visibleOwned(s, ownerExpr);
  }

  /** SQL: the user may change records owned by `ownerExpr`. */
  writableSql(s: SessionCtx, ownerExpr: string): SQL {
    if (!MANAGER_ROLES.includes(s.user.role)) return sql`${sql.raw(ownerExpr)} = ${s.user.id}`;
    return this.visibleSql(s, ownerExpr);
  }

  toView(r: Row): ActivityView {
    const now = this.core.clock.now();
    return { ...r, commentCount: Number(r.commentCount), overdue: r.status === 'planned' && r.plannedAt !== null && r.plannedAt < now };
  }

  query(where: SQL, order: SQL = sql`a.planned_at desc, a.id desc`, limit = LIST_LIMIT, db: Db = this.core.db): ActivityView[] {
    return db.all<Row>(sql`${ACTIVITY_SELECT} where ${where} order by ${order} limit ${limit}`).map((r) => this.toView(r));
  }

  view(id: number, db: Db = this.core.db): ActivityView {
    const v = this.query(sql`a.id = ${id}`, undefined, 1, db)[0];
    if (!v) throw new AppError('NOT_FOUND');
    return v;
  }

  list(s: SessionCtx, by: { opportunityId: number } | { customerId: number }): ActivityView[] {
    const target = 'opportunityId' in by ? sql`a.opportunity_id = ${by.opportunityId}` : sql`a.customer_id = ${by.customerId}`;
    // Planned first (soonest first), then done / cancelled, newest first.
    return this.query(
      sql`${target} and ${this.visibleSql(s)}`,
      sql`case a.status when 'planned' then 0 else 1 end, case when a.status = 'planned' then a.planned_at else -coalesce(a.done_at, a.planned_at, 0) end, a.id desc`,
    );
  }

  /** The activity if the user may change it; NOT_FOUND otherwise. */
  writable(s: SessionCtx, id: number, db: Db = this.core.db): ActivityRecord {
    const r = db.all<ActivityRecord>(sql`select a.id, a.customer_id as customerId, a.opportunity_id as opportunityId, a.owner_id as ownerId, a.status, a.version,
        o.status as oppStatus from activities a left join opportunities o on o.id = a.opportunity_id
        where a.id = ${id} and ${this.writableSql(s, 'a.owner_id')}`)[0];
    if (!r) throw new AppError('NOT_FOUND');
    return r;
  }

  plan(s: SessionCtx, input: { customerId?: number; opportunityId?: number } & NextActivity, db: Db = this.core.db): ActivityView {
    return db.transaction((tx) => {
      let customerId: number;
      let ownerId: number;
      if (input.opportunityId !== undefined) {
        const o = tx.all<{ customerId: number; consultantId: number | null }>(
          sql`select o.customer_id as customerId, o.consultant_id as consultantId from opportunities o
              where o.id = ${input.opportunityId} and ${this.writableSql(s, 'o.consultant_id')}`,
        )[0];
        if (!o) throw new AppError('NOT_FOUND');
        if (input.customerId !== undefined && input.customerId !== o.customerId) throw new AppError('INVALID_INPUT', { issues: 'customerId: not the opportunity’s customer' });
        customerId = o.customerId;
        ownerId = o.consultantId ?? s.user.id;
      } else {
        this.core.visibility.requireVisible(s, input.customerId!);
        customerId = input.customerId!;
        ownerId = s.user.id;
      }
      const row = this.insertPlanned(s.user.id, { customerId, opportunityId: input.opportunityId ?? null, ownerId, type: input.type, plannedAt: input.plannedAt, subject: input.subject }, tx);
      return this.view(row, tx);
    });
  }

  /** One planned activity row, audited, in `db` (a transaction when it belongs with other writes). */
  insertPlanned(actorId: number, v: { customerId: number; opportunityId: number | null; ownerId: number; type: string; plannedAt: number; subject: string }, db: Db = this.core.db): number {
    const now = this.core.clock.now();
    return this.writer.insert(actorId, 'activity', activities, { ...v, status: 'planned', createdAt: now, updatedAt: now }, db).id;
  }

  /** `expectedVersion`: the version the user's form loaded (issue 15); omitted only by background writes. */
  complete(s: SessionCtx, locale: Locale, input: { id: number; expectedVersion?: number; result: string; nextStep?: string | null; next?: NextActivity | null }) {
    return this.close(s, locale, input.id, input.expectedVersion, 'done', { result: input.result, nextStep: input.nextStep?.trim() || null }, input.next ?? null);
  }

  cancel(s: SessionCtx, locale: Locale, input: { id: number; expectedVersion?: number; reason?: string | null; next?: NextActivity | null }) {
    return this.close(s, locale, input.id, input.expectedVersion, 'cancelled', { result: input.reason?.trim() || null }, input.next ?? null);
  }

  private close(
    s: SessionCtx,
    locale: Locale,
    id: number,
    expectedVersion: number | undefined,
    status: 'done' | 'cancelled',
    patch: { result: string | null; nextStep?: string | null },
    next: NextActivity | null,
  ) {
    return this.core.db.transaction((tx) => {
      const a = this.writable(s, id, tx);
      // Someone else closed or moved it since the form loaded: show them what is there now first.
      assertVersion(a, expectedVersion, 'activity');
      if (a.status !== 'planned') throw new AppError('CONFLICT', { reason: FIELD_MESSAGES['activity.notPlanned'][locale] });
      if (!next && a.opportunityId !== null && a.oppStatus === 'open') {
        const others = tx.all<{ n: number }>(
          sql`select count(*) as n from activities where opportunity_id = ${a.opportunityId} and status = 'planned' and id <> ${id}`,
        )[0]!.n;
        if (others === 0) {
          const message = FIELD_MESSAGES['activity.nextRequired'][locale];
          throw new AppError('INVALID_INPUT', { issues: message, fields: [{ field: 'next', message }] });
        }
      }
      const now = this.core.clock.now();
      this.writer.update(s.user.id, 'activity', activities, id, { status, doneAt: now, updatedAt: now, ...patch }, tx, { expectedVersion });
      let nextId: number | null = null;
      if (next) {
        nextId = this.insertPlanned(
          s.user.id,
          { customerId: a.customerId, opportunityId: a.opportunityId, ownerId: a.ownerId ?? s.user.id, type: next.type, plannedAt: next.plannedAt, subject: next.subject },
          tx,
        );
      }
      return { activity: this.view(id, tx), next: nextId === null ? null : this.view(nextId, tx) };
    });
  }

  reschedule(s: SessionCtx, locale: Locale, input: { id: number; expectedVersion?: number; plannedAt: number }): ActivityView {
    return this.core.db.transaction((tx) => {
      const a = this.writable(s, input.id, tx);
      assertVersion(a, input.expectedVersion, 'activity');
      if (a.status !== 'planned') throw new AppError('CONFLICT', { reason: FIELD_MESSAGES['activity.notPlanned'][locale] });
      this.writer.update(s.user.id, 'activity', activities, input.id, { plannedAt: input.plannedAt, updatedAt: this.core.clock.now() }, tx, { expectedVersion: input.expectedVersion });
      return this.view(input.id, tx);
    });
  }

  /** [start, end) of the dealer's today, in epoch ms. */
  todayWindow(): { day: string; start: number; end: number } {
    const tz = this.core.settings.get('dealer.timeZone');
    const day = todayIn(tz, this.core.clock.now());
    return { day, start: dayStartMs(day, tz), end: dayStartMs(addDays(day, 1), tz) };
  }

  /**
   * The home screen of the current user: their own planned activities within the dealer's today,
   * and those planned before now (overdue: planned, before now, not done). An activity planned
   * earlier today is both today's and overdue. Both read activities_owner_idx (owner, status, planned_at).
   */
  today(s: SessionCtx): TodayView {
    const { day, start, end } = this.todayWindow();
    const now = this.core.clock.now();
    const mine = sql`a.owner_id = ${s.user.id} and a.status = 'planned'`;
    const count = (w: SQL) => this.core.db.all<{ n: number }>(sql`select count(*) as n from activities a where ${mine} and ${w}`)[0]!.n;
    const todayW = sql`a.planned_at >= ${start} and a.planned_at < ${end}`;
    const overdueW = sql`a.planned_at < ${now}`;
    return {
      day,
      todayCount: count(todayW),
      overdueCount: count(overdueW),
      today: this.query(sql`${mine} and ${todayW}`, sql`a.planned_at, a.id`, HOME_LIMIT),
      overdue: this.query(sql`${mine} and ${overdueW}`, sql`a.planned_at, a.id`, HOME_LIMIT),
    };
  }
}
