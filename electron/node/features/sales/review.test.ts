import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';
import { salesFloor } from '../../../../tests/fixtures/sales-floor';
import type { ActivityView, ConsultantView, NotificationView, ReviewComment } from '../../../common/api/activities';
import type { EventEnvelope } from '../../events';

/** 领导批阅: a manager comments on their teams' consultants' plans; the consultant sees it and is notified. */

let t: TestCore;
const tok: Record<string, string> = {};
const uid: Record<string, number> = {};
const NOW = Date.UTC(2026, 10, 23, 1, 0, 0);
const HOUR = 3_600_000;

type Fail = { ok: false; error: { code: string } };
const ok = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(`call failed: ${JSON.stringify(r)}`);
  return (r as { value: T }).value;
};

async function planFor(who: string, subject: string, plannedAt = NOW + HOUR): Promise<ActivityView> {
  const c = t.core.sqlite.prepare("INSERT INTO customers (name, owner_id, source, created_at, updated_at) VALUES ('赵敏', ?, 'showroom', ?, ?)").run(uid[who], NOW, NOW).lastInsertRowid;
  const o = t.core.sqlite
    .prepare("INSERT INTO opportunities (customer_id, consultant_id, source, stage, status, last_stage_change_at, created_at, updated_at) VALUES (?, ?, 'showroom', 'test_drive', 'open', ?, ?, ?)")
    .run(c, uid[who], NOW, NOW, NOW).lastInsertRowid;
  return ok<ActivityView>(await call(t.core, tok[who]!, 'activities.plan', { opportunityId: Number(o), type: 'call', plannedAt, subject }));
}

beforeAll(async () => {
  t = await makeCore();
  // Team A (led by mgr): s1, s2. Team B (no manager): s3. mgr keeps customers.viewAll: seeing all is not reviewing all.
  const floor = await salesFloor(t);
  Object.assign(tok, floor.tok);
  Object.assign(uid, floor.uid);
}, 60_000); // six users, each logged in through scrypt: slow on a shared 2-CPU machine
afterAll(() => t.cleanup());

describe('review (领导批阅)', () => {
  it('the manager lists their teams’ consultants with planned / overdue counts, and opens one’s plans', async () => {
    const a = await planFor('s1', '逾期的回访', NOW - HOUR);
    await planFor('s1', '明天的回访', NOW + 24 * HOUR);
    const list = ok<ConsultantView[]>(await call(t.core, tok.mgr!, 'review.consultants'));
    expect(list.map((c) => c.id).sort()).toEqual([uid.s1, uid.s2].sort());
    expect(list.find((c) => c.id === uid.s1)).toMatchObject({ plannedCount: 2, overdueCount: 1, teamName: 'A组' });
    expect(ok<ActivityView[]>(await call(t.core, tok.mgr!, 'review.activitiesOf', { consultantId: uid.s1, status: 'overdue' })).map((x) => x.id)).toEqual([a.id]);
    expect(ok<ActivityView[]>(await call(t.core, tok.mgr!, 'review.activitiesOf', { consultantId: uid.s1 }))).toHaveLength(2);
    // Another team's consultant: not theirs to review.
    expect(((await call(t.core, tok.mgr!, 'review.activitiesOf', { consultantId: uid.s3 })) as Fail).error.code).toBe('NOT_FOUND');
    // The general manager reviews everyone.
    expect(ok<ConsultantView[]>(await call(t.core, tok.gm!, 'review.consultants')).map((c) => c.id)).toContain(uid.s3);
  });

  it('a comment is stored, audited, visible to the consultant on the activity, and notifies them (row + event to their sessions)', async () => {
    const a = await planFor('s1', '邀约试驾');
    const events: EventEnvelope[] = [];
    const off = t.core.events.subscribe((e) => events.push(e));
    const c = ok<ReviewComment>(await call(t.core, tok.mgr!, 'review.comment', { activityId: a.id, text: '试驾前先确认客户驾照' }));
    off();
    expect(c).toMatchObject({ activityId: a.id, authorId: uid.mgr, text: '试驾前先确认客户驾照', readAt: null });
    expect((t.core.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'manager_comment' AND entity_id = ?").get(String(c.id)) as { n: number }).n).toBe(1);

    const note = events.find((e) => e.event === 'notification');
    expect(note?.target).toEqual({ userId: uid.s1 });
    expect(note?.payload).toMatchObject({ kind: 'review.comment', body: '试驾前先确认客户驾照' });

    const n = ok<{ unread: number; items: NotificationView[] }>(await call(t.core, tok.s1!, 'notifications.list', {}));
    expect(n.unread).toBe(1);
    expect(n.items[0]).toMatchObject({ kind: 'review.comment', refType: 'activity', refId: a.id, customerId: a.customerId, customerName: '赵敏', readAt: null });
    expect(n.items[0]!.title).toContain('赵敏');
    // Nobody else is notified.
    expect(ok<{ unread: number }>(await call(t.core, tok.s2!, 'notifications.list', {})).unread).toBe(0);

    // The consultant sees the comment on the activity (count and text); reading marks it read.
    expect(ok<ActivityView[]>(await call(t.core, tok.s1!, 'activities.list', { opportunityId: a.opportunityId! }))[0]!.commentCount).toBe(1);
    expect(ok<ReviewComment[]>(await call(t.core, tok.s1!, 'review.list', { activityId: a.id })).map((x) => x.text)).toEqual(['试驾前先确认客户驾照']);
    expect(ok<ReviewComment[]>(await call(t.core, tok.mgr!, 'review.list', { opportunityId: a.opportunityId! }))[0]!.readAt).toBe(NOW);

    // Marking read: only one's own notifications.
    expect(ok<{ unread: number }>(await call(t.core, tok.s2!, 'notifications.markRead', { ids: [n.items[0]!.id] })).unread).toBe(0);
    expect(ok<{ unread: number }>(await call(t.core, tok.s1!, 'notifications.list', {})).unread).toBe(1);
    expect(ok<{ unread: number }>(await call(t.core, tok.s1!, 'notifications.markRead', { ids: [n.items[0]!.id] })).unread).toBe(0);
  });

  it('a comment on an opportunity reaches its consultant', async () => {
    const a = await planFor('s2', '报价');
    ok(await call(t.core, tok.mgr!, 'review.comment', { opportunityId: a.opportunityId!, text: '价格底线先报给我' }));
    const n = ok<{ items: NotificationView[] }>(await call(t.core, tok.s2!, 'notifications.list', { unreadOnly: true }));
    expect(n.items.map((x) => [x.refType, x.refId, x.customerId])).toEqual([['opportunity', a.opportunityId, a.customerId]]);
    expect(ok<ReviewComment[]>(await call(t.core, tok.s2!, 'review.list', { opportunityId: a.opportunityId! })).map((x) => x.text)).toEqual(['价格底线先报给我']);
  });

  it('a consultant cannot comment, nor read another consultant’s plans or comments; a manager cannot comment outside their teams', async () => {
    const a = await planFor('s1', '回访');
    const b = await planFor('s3', '外组回访');
    expect(((await call(t.core, tok.s2!, 'review.comment', { activityId: a.id, text: '越权' })) as Fail).error.code).toBe('FORBIDDEN');
    expect(((await call(t.core, tok.s2!, 'review.consultants')) as Fail).error.code).toBe('FORBIDDEN');
    expect(((await call(t.core, tok.s2!, 'review.activitiesOf', { consultantId: uid.s1 })) as Fail).error.code).toBe('FORBIDDEN');
    expect(((await call(t.core, tok.s2!, 'review.list', { activityId: a.id })) as Fail).error.code).toBe('NOT_FOUND');
    expect(ok<ActivityView[]>(await call(t.core, tok.s2!, 'activities.list', { customerId: a.customerId }))).toEqual([]);
    expect(((await call(t.core, tok.mgr!, 'review.comment', { activityId: b.id, text: '外组' })) as Fail).error.code).toBe('NOT_FOUND');
    expect((t.core.sqlite.prepare('SELECT COUNT(*) AS n FROM manager_comments WHERE activity_id IN (?, ?)').get(a.id, b.id) as { n: number }).n).toBe(0);
  });
});
