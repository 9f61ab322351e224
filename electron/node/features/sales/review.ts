import { sql, type SQL } from 'drizzle-orm';
import { managerComments } from '../../../../db/schema';
import type { ActivityView, ConsultantView, ReviewComment } from '../../../common/api/activities';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { AuditedWriter } from '../admin';
import type { SessionCtx } from '../auth';
import { teamOwnerIdsSql } from '../customers';
import type { ActivityService } from './activities';
import type { NotificationService } from './notifications';

/** Roles that review every consultant of the dealership (they lead all teams). */
const DEALER_WIDE = ['generalManager', 'admin'];

const COMMENT_SELECT = sql`select mc.id, mc.activity_id as activityId, mc.opportunity_id as opportunityId, mc.author_id as authorId,
  u.display_name as authorName, mc.text, mc.created_at as createdAt, mc.read_at as readAt
  from manager_comments mc join users u on u.id = mc.author_id`;

/**
 * 领导批阅: a manager opens the plans and activities of a consultant of their teams (teams they lead,
 * or their own team) and leaves a comment; the consultant sees it on the activity and gets a
 * notification. A sales manager reviews only their teams' consultants, even with customers.viewAll
 * (seeing is not reviewing); the general manager and the admin review everyone.
 */
export class ReviewService {
  private writer: AuditedWriter;

  constructor(
    private core: Pick<Core, 'clock' | 'db'>,
    private acts: ActivityService,
    private notes: NotificationService,
  ) {
    this.writer = new AuditedWriter(core.db, core.clock);
  }

  /** SQL: the user `ownerExpr` is a consultant this manager reviews. */
  private reviewableSql(s: SessionCtx, ownerExpr: string): SQL {
    if (DEALER_WIDE.includes(s.user.role)) return sql`${sql.raw(ownerExpr)} is not null`;
    return sql`${sql.raw(ownerExpr)} in ${teamOwnerIdsSql(s.user.id)}`;
  }

  consultants(s: SessionCtx): ConsultantView[] {
    const now = this.core.clock.now();
    return this.core.db.all<ConsultantView>(sql`select u.id, u.display_name as name, t.name as teamName,
        (select count(*) from activities a where a.owner_id = u.id and a.status = 'planned') as plannedCount,
        (select count(*) from activities a where a.owner_id = u.id and a.status = 'planned' and a.planned_at < ${now}) as overdueCount
      from users u left join teams t on t.id = u.team_id
      where u.active = 1 and u.role = 'salesConsultant' and u.id <> ${s.user.id} and ${this.reviewableSql(s, 'u.id')}
      order by u.display_name, u.id`);
  }

  activitiesOf(s: SessionCtx, input: { consultantId: number; status: 'planned' | 'overdue' | 'all' }): ActivityView[] {
    const ok = this.core.db.all(sql`select 1 from users u where u.id = ${input.consultantId} and ${this.reviewableSql(s, 'u.id')}`);
    if (!ok.length) throw new AppError('NOT_FOUND');
    const owner = sql`a.owner_id = ${input.consultantId}`;
    const now = this.core.clock.now();
    if (input.status === 'planned') return this.acts.query(sql`${owner} and a.status = 'planned'`, sql`a.planned_at, a.id`, 300);
    if (input.status === 'overdue') return this.acts.query(sql`${owner} and a.status = 'planned' and a.planned_at < ${now}`, sql`a.planned_at, a.id`, 300);
    // Everything planned (soonest first), then the latest 100 done or cancelled.
    return [
      ...this.acts.query(sql`${owner} and a.status = 'planned'`, sql`a.planned_at, a.id`, 300),
      ...this.acts.query(sql`${owner} and a.status <> 'planned'`, sql`coalesce(a.done_at, a.planned_at) desc, a.id desc`, 100),
    ];
  }

  comment(s: SessionCtx, input: { activityId?: number; opportunityId?: number; text: string }): ReviewComment {
    const target =
      input.activityId !== undefined
        ? this.core.db.all<{ ownerId: number; subject: string | null; customerName: string }>(
            sql`select a.owner_id as ownerId, a.subject, cu.name as customerName from activities a join customers cu on cu.id = a.customer_id
                where a.id = ${input.activityId} and ${this.reviewableSql(s, 'a.owner_id')}`,
          )[0]
        : this.core.db.all<{ ownerId: number; subject: string | null; customerName: string }>(
            sql`select o.consultant_id as ownerId, null as subject, cu.name as customerName from opportunities o join customers cu on cu.id = o.customer_id
                where o.id = ${input.opportunityId!} and ${this.reviewableSql(s, 'o.consultant_id')}`,
          )[0];
    // Not theirs to review: answered like a record that does not exist.
    if (!target) throw new AppError('NOT_FOUND');
    const note = {
      userId: target.ownerId,
      kind: 'review.comment',
      // Names only (author · customer · subject), so it reads the same in either UI language; the
      // renderer labels the kind (领导批阅 / Manager comment).
      title: [s.user.displayName, target.customerName, target.subject].filter(Boolean).join(' · '),
      body: input.text,
      refType: input.activityId !== undefined ? 'activity' : 'opportunity',
      refId: input.activityId ?? input.opportunityId!,
    };
    const { commentId, noteId } = this.core.db.transaction((tx) => {
      const c = this.writer.insert(
        s.user.id,
        'manager_comment',
        managerComments,
        { activityId: input.activityId ?? null, opportunityId: input.opportunityId ?? null, authorId: s.user.id, text: input.text, createdAt: this.core.clock.now() },
        tx,
      );
      return { commentId: c.id, noteId: this.notes.insert(note, tx) };
    });
    this.notes.publish(noteId, note);
    return this.core.db.all<ReviewComment>(sql`${COMMENT_SELECT} where mc.id = ${commentId}`)[0]!;
  }

  /**
   * Comments on a record the user may see. When the owner of the record reads them, they are marked
   * read (the manager sees that the consultant has seen the comment).
   */
  list(s: SessionCtx, by: { activityId: number } | { opportunityId: number }): ReviewComment[] {
    let where: SQL;
    let ownerId: number | null;
    if ('activityId' in by) {
      const a = this.core.db.all<{ ownerId: number | null }>(sql`select a.owner_id as ownerId from activities a where a.id = ${by.activityId} and ${this.acts.visibleSql(s)}`)[0];
      if (!a) throw new AppError('NOT_FOUND');
      ownerId = a.ownerId;
      where = sql`mc.activity_id = ${by.activityId}`;
    } else {
      const o = this.core.db.all<{ ownerId: number | null }>(
        sql`select o.consultant_id as ownerId from opportunities o where o.id = ${by.opportunityId} and ${this.acts.visibleSql(s, 'o.consultant_id')}`,
      )[0];
      if (!o) throw new AppError('NOT_FOUND');
      ownerId = o.ownerId;
      where = sql`(mc.opportunity_id = ${by.opportunityId} or mc.activity_id in (select id from activities where opportunity_id = ${by.opportunityId}))`;
    }
    const rows = this.core.db.all<ReviewComment>(sql`${COMMENT_SELECT} where ${where} order by mc.created_at desc, mc.id desc`);
    if (ownerId === s.user.id && rows.some((r) => r.readAt === null)) {
      const now = this.core.clock.now();
      this.core.db.run(sql`update manager_comments set read_at = ${now} where read_at is null and id in (${sql.join(rows.map((r) => sql`${r.id}`), sql`, `)})`);
    }
    return rows;
  }
}
