import { sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { notifications } from '../../../../db/schema';
import type { NotificationView } from '../../../common/api/activities';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';

export interface NewNotification {
  userId: number;
  kind: string;
  title: string;
  body: string | null;
  refType: string | null;
  refId: number | null;
}

/**
 * In-app notifications of the current user (a manager's 领导批阅 comment, later escalations).
 * A row is written in the transaction of the change it tells about; the 'notification' event goes
 * to every session of the user only after that transaction committed (`publish`).
 */
export class NotificationService {
  constructor(private core: Pick<Core, 'clock' | 'db' | 'events'>) {}

  insert(n: NewNotification, db: Db = this.core.db): number {
    return db.insert(notifications).values({ ...n, createdAt: this.core.clock.now() }).returning({ id: notifications.id }).get().id;
  }

  publish(id: number, n: NewNotification): void {
    this.core.events.publish({ userId: n.userId }, 'notification', { id, kind: n.kind, title: n.title, body: n.body });
  }

  unread(userId: number): number {
    return this.core.db.all<{ n: number }>(sql`select count(*) as n from notifications where user_id = ${userId} and read_at is null`)[0]!.n;
  }

  list(s: SessionCtx, input: { unreadOnly?: boolean; limit: number }): { unread: number; items: NotificationView[] } {
    // The customer of the referenced record, so the home screen can open the card in one click.
    const items = this.core.db.all<NotificationView>(sql`select n.id, n.kind, n.title, n.body, n.ref_type as refType, n.ref_id as refId,
        n.created_at as createdAt, n.read_at as readAt, cu.id as customerId, cu.name as customerName
      from notifications n
      left join activities a on n.ref_type = 'activity' and a.id = n.ref_id
      left join opportunities o on n.ref_type = 'opportunity' and o.id = n.ref_id
      left join customers cu on cu.id = coalesce(a.customer_id, o.customer_id)
      where n.user_id = ${s.user.id} ${input.unreadOnly ? sql`and n.read_at is null` : sql``}
      order by n.id desc limit ${input.limit}`);
    return { unread: this.unread(s.user.id), items };
  }

  /** Only the user's own rows are touched, whatever ids are sent. */
  markRead(s: SessionCtx, input: { ids: number[] } | { all: true }): { unread: number } {
    const now = this.core.clock.now();
    const which = 'ids' in input ? sql`and id in (${sql.join(input.ids.map((i) => sql`${i}`), sql`, `)})` : sql``;
    this.core.db.run(sql`update notifications set read_at = ${now} where user_id = ${s.user.id} and read_at is null ${which}`);
    return { unread: this.unread(s.user.id) };
  }
}
