import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { salesFloor } from '../../../../tests/fixtures/sales-floor';
import type { ActivityView, TodayView } from '../../../common/api/activities';
import { currentVersion } from '../../../../tests/support/versions';

/**
 * Follow-up activities through dispatch on a real SQLite file: the next-activity rule, today and
 * overdue in the dealer's time zone, who may read and change whose plans.
 */

let t: TestCore;
const tok: Record<string, string> = {};
const uid: Record<string, number> = {};
const HOUR = 3_600_000;
// ManualClock starts at 2026-11-23 01:00 UTC = 09:00 in Asia/Shanghai (the default dealer time zone).
const NOW = Date.UTC(2026, 10, 23, 1, 0, 0);
const SH_MIDNIGHT = Date.UTC(2026, 10, 22, 16, 0, 0); // 2026-11-23 00:00 Asia/Shanghai

type Ok<T> = { ok: true; value: T };
type Fail = { ok: false; error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } } };
const ok = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(`call failed: ${JSON.stringify(r)}`);
  return (r as Ok<T>).value;
};
const sqlGet = <T>(q: string, ...args: unknown[]) => t.core.sqlite.prepare(q).get(...args) as T;

function customer(owner: number, name = '李雷'): number {
  return Number(t.core.sqlite.prepare("INSERT INTO customers (name, owner_id, source, created_at, updated_at) VALUES (?, ?, 'showroom', ?, ?)").run(name, owner, NOW, NOW).lastInsertRowid);
}
function opportunity(owner: number, customerId: number, status = 'open'): number {
  return Number(
    t.core.sqlite
      .prepare("INSERT INTO opportunities (customer_id, consultant_id, source, stage, status, last_stage_change_at, created_at, updated_at) VALUES (?, ?, 'showroom', 'initial_contact', ?, ?, ?, ?)")
      .run(customerId, owner, status, NOW, NOW, NOW).lastInsertRowid,
  );
}

beforeAll(async () => {
  t = await makeCore();
  // The shared sales floor (tests/fixtures/sales-floor.ts): team A led by mgr with s1 and s2, team B with s3, gm, agent.
  const floor = await salesFloor(t);
  Object.assign(tok, floor.tok);
  Object.assign(uid, floor.uid);
}, 60_000); // six users, each logged in through scrypt: slow on a shared 2-CPU machine
afterAll(() => t.cleanup());

describe('activities.plan / complete / cancel: an open opportunity keeps a next planned activity', () => {
  it('refuses to complete the last planned activity of an open opportunity without a next one, with a clear message; nothing changes', async () => {
    const opp = opportunity(uid.s1!, customer(uid.s1!));
    const a = ok<ActivityView>(await call(t.core, tok.s1!, 'activities.plan', { opportunityId: opp, type: 'call', plannedAt: NOW + HOUR, subject: '电话回访' }));
    expect(a).toMatchObject({ status: 'planned', ownerId: uid.s1, opportunityId: opp, overdue: false });

    const r = (await call(t.core, tok.s1!, 'activities.complete', { id: a.id, expectedVersion: currentVersion(t.core, 'activities', a.id), result: '客户考虑中' })) as Fail;
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain('下一次跟进活动');
    expect(r.error.details?.fields?.[0]?.field).toBe('next');
    expect(sqlGet<{ status: string }>('SELECT status FROM activities WHERE id = ?', a.id).status).toBe('planned');

    const cancel = (await call(t.core, tok.s1!, 'activities.cancel', { id: a.id, expectedVersion: currentVersion(t.core, 'activities', a.id), reason: '客户没空' })) as Fail;
    expect(cancel.error.code).toBe('INVALID_INPUT');
    expect(cancel.error.details?.fields?.[0]?.field).toBe('next');
    expect(sqlGet<{ status: string }>('SELECT status FROM activities WHERE id = ?', a.id).status).toBe('planned');
  });

  it('completes it with the next planned activity in one go: result and next step stored, the next one planned and audited', async () => {
    const opp = opportunity(uid.s1!, customer(uid.s1!));
    const a = ok<ActivityView>(await call(t.core, tok.s1!, 'activities.plan', { opportunityId: opp, type: 'call', plannedAt: NOW + HOUR, subject: '电话回访' }));
    const done = ok<{ activity: ActivityView; next: ActivityView }>(
      await call(t.core, tok.s1!, 'activities.complete', { id: a.id, expectedVersion: currentVersion(t.core, 'activities', a.id), result: '已约周六到店', nextStep: '准备试驾车', next: { type: 'visit', plannedAt: NOW + 72 * HOUR, subject: '到店试驾' } }),
    );
    expect(done.activity).toMatchObject({ status: 'done', doneAt: NOW, result: '已约周六到店', nextStep: '准备试驾车' });
    expect(done.next).toMatchObject({ status: 'planned', type: 'visit', opportunityId: opp, ownerId: uid.s1, plannedAt: NOW + 72 * HOUR });
    const audits = sqlGet<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'activity' AND entity_id IN (?, ?)", String(a.id), String(done.next.id)).n;
    expect(audits).toBe(3); // create, update (done), create (next)
  });

  it('completes without a next one when another planned activity remains, or when the opportunity is closed', async () => {
    const opp = opportunity(uid.s1!, customer(uid.s1!));
    const a = ok<ActivityView>(await call(t.core, tok.s1!, 'activities.plan', { opportunityId: opp, type: 'call', plannedAt: NOW + HOUR, subject: '一' }));
    ok(await call(t.core, tok.s1!, 'activities.plan', { opportunityId: opp, type: 'sms', plannedAt: NOW + 2 * HOUR, subject: '二' }));
    expect(ok<{ next: null }>(await call(t.core, tok.s1!, 'activities.complete', { id: a.id, expectedVersion: currentVersion(t.core, 'activities', a.id), result: '接通' })).next).toBeNull();

    const won = opportunity(uid.s1!, customer(uid.s1!), 'won');
    const b = ok<ActivityView>(await call(t.core, tok.s1!, 'activities.plan', { opportunityId: won, type: 'call', plannedAt: NOW + HOUR, subject: '交车回访' }));
    expect(ok<{ activity: ActivityView }>(await call(t.core, tok.s1!, 'activities.cancel', { id: b.id, expectedVersion: currentVersion(t.core, 'activities', b.id), reason: '已电话' })).activity.status).toBe('cancelled');
  });

  it('a done activity cannot be completed again', async () => {
    const c = customer(uid.s1!);
    const a = ok<ActivityView>(await call(t.core, tok.s1!, 'activities.plan', { customerId: c, type: 'call', plannedAt: NOW, subject: '无机会的回访' }));
    ok(await call(t.core, tok.s1!, 'activities.complete', { id: a.id, expectedVersion: currentVersion(t.core, 'activities', a.id), result: '好' }));
    expect(((await call(t.core, tok.s1!, 'activities.complete', { id: a.id, expectedVersion: currentVersion(t.core, 'activities', a.id), result: '好' })) as Fail).error.code).toBe('CONFLICT');
  });

  it('reschedule moves a planned activity; another consultant cannot read, plan on or change s1’s records', async () => {
    const c = customer(uid.s1!);
    const opp = opportunity(uid.s1!, c);
    const a = ok<ActivityView>(await call(t.core, tok.s1!, 'activities.plan', { opportunityId: opp, type: 'call', plannedAt: NOW + HOUR, subject: '回访' }));
    expect(ok<ActivityView>(await call(t.core, tok.s1!, 'activities.reschedule', { id: a.id, expectedVersion: currentVersion(t.core, 'activities', a.id), plannedAt: NOW + 5 * HOUR })).plannedAt).toBe(NOW + 5 * HOUR);

    expect(ok<ActivityView[]>(await call(t.core, tok.s2!, 'activities.list', { opportunityId: opp }))).toEqual([]);
    expect(ok<ActivityView[]>(await call(t.core, tok.s1!, 'activities.list', { opportunityId: opp })).map((x) => x.id)).toEqual([a.id]);
    for (const [m, input] of [
      ['activities.complete', { id: a.id, expectedVersion: currentVersion(t.core, 'activities', a.id), result: 'x', next: { type: 'call', plannedAt: NOW, subject: 'y' } }],
      ['activities.cancel', { id: a.id, expectedVersion: currentVersion(t.core, 'activities', a.id), next: { type: 'call', plannedAt: NOW, subject: 'y' } }],
      ['activities.reschedule', { id: a.id, expectedVersion: currentVersion(t.core, 'activities', a.id), plannedAt: NOW }],
      ['activities.plan', { opportunityId: opp, type: 'call', plannedAt: NOW, subject: 'y' }],
      ['activities.plan', { customerId: c, type: 'call', plannedAt: NOW, subject: 'y' }],
      ['review.list', { activityId: a.id }],
    ] as const) {
      expect(((await call(t.core, tok.s2!, m, input)) as Fail).error.code, m).toBe('NOT_FOUND');
    }
    // The manager of the team sees the plan.
    expect(ok<ActivityView[]>(await call(t.core, tok.mgr!, 'activities.list', { customerId: c })).map((x) => x.id)).toEqual([a.id]);
  });
});

describe('activities.today: today and overdue in the dealer’s time zone', () => {
  it('today = planned within the dealer’s calendar day; overdue = planned before now and not done', async () => {
    const u = await userWithSession(t.core, 'today1', 'salesConsultant');
    const c = customer(u.userId, '韩梅梅');
    const plan = async (at: number, subject: string) => ok<ActivityView>(await call(t.core, u.token, 'activities.plan', { customerId: c, type: 'call', plannedAt: at, subject }));
    const yesterday = await plan(SH_MIDNIGHT - HOUR, '昨天 23:00'); // overdue, not today
    const early = await plan(SH_MIDNIGHT + 8 * HOUR, '今天 08:00'); // today and overdue (now is 09:00)
    const later = await plan(SH_MIDNIGHT + 20 * HOUR, '今天 20:00'); // today, not overdue
    await plan(SH_MIDNIGHT + 24 * HOUR, '明天 00:00'); // neither
    const done = await plan(SH_MIDNIGHT + 2 * HOUR, '今天 02:00 已完成');
    ok(await call(t.core, u.token, 'activities.complete', { id: done.id, expectedVersion: currentVersion(t.core, 'activities', done.id), result: '完成' }));

    const v = ok<TodayView>(await call(t.core, u.token, 'activities.today'));
    expect(v.day).toBe('2026-11-23');
    expect(v.today.map((x) => x.id)).toEqual([early.id, later.id]);
    expect(v.overdue.map((x) => x.id)).toEqual([yesterday.id, early.id]);
    expect([v.todayCount, v.overdueCount]).toEqual([2, 2]);
    expect(v.overdue.every((x) => x.overdue)).toBe(true);
    expect(v.today.find((x) => x.id === later.id)?.customerName).toBe('韩梅梅');

    // In another dealer time zone the same instants fall on other days.
    t.core.settings.set('dealer.timeZone', 'Europe/Berlin');
    try {
      const b = ok<TodayView>(await call(t.core, u.token, 'activities.today'));
      // 2026-11-23 02:00 in Berlin: today runs 2026-11-22 23:00 UTC .. 2026-11-23 23:00 UTC.
      expect(b.today.map((x) => x.subject)).toEqual(['今天 08:00', '今天 20:00', '明天 00:00']);
    } finally {
      t.core.settings.set('dealer.timeZone', 'Asia/Shanghai');
    }
  });
});

describe("grid data set 'activities'", () => {
  type Page = { kind: 'rows'; rows: Record<string, unknown>[]; total: number | null };
  const query = async (token: string, scope: string, columns: object[] = [], sort = [{ col: 'plannedAt', dir: 'asc' }]) =>
    ok<Page>(await call(t.core, token, 'grid.query', { dataset: 'activities', scope, columns: ['customerName', 'subject', 'status', 'overdue', 'plannedAt', 'ownerName', 'commentCount'], sort, filter: { columns }, withTotal: true }));

  it('mine / team scopes follow the activity’s owner; the overdue column and filter use the time of the query', async () => {
    const a = await userWithSession(t.core, 'grid1', 'salesConsultant');
    t.core.sqlite.prepare('UPDATE users SET team_id = (SELECT team_id FROM users WHERE id = ?) WHERE id = ?').run(uid.s1, a.userId);
    const c = customer(a.userId, '网格客户');
    // The grid's "overdue" compares with SQLite's clock (the real time), so these are relative to it.
    const real = Date.now();
    const late = ok<ActivityView>(await call(t.core, a.token, 'activities.plan', { customerId: c, type: 'call', plannedAt: real - 2 * HOUR, subject: '过期' }));
    ok(await call(t.core, a.token, 'activities.plan', { customerId: c, type: 'sms', plannedAt: real + 48 * HOUR, subject: '未到期' }));

    const mine = await query(a.token, 'mine');
    expect(mine.rows.map((r) => [r.subject, r.overdue, r.customerName])).toEqual([
      ['过期', true, '网格客户'],
      ['未到期', false, '网格客户'],
    ]);
    const overdue = await query(a.token, 'mine', [{ join: 'and', conditions: [{ col: 'overdue', op: 'isTrue' }] }]);
    expect(overdue.rows.map((r) => r.id)).toEqual([late.id]);
    expect(overdue.total).toBe(1);

    // The team's manager sees them under 'team'; another consultant of the team does not get 'team' at all.
    const team = await query(tok.mgr!, 'team', [{ join: 'and', conditions: [{ col: 'ownerName', op: 'equals', value: 'grid1 测试' }] }]);
    expect(team.rows).toHaveLength(2);
    expect(((await call(t.core, tok.s2!, 'grid.query', { dataset: 'activities', scope: 'team', columns: ['subject'] })) as Fail).error.code).toBe('FORBIDDEN');
    expect((await query(tok.s2!, 'mine')).rows.some((r) => r.subject === '过期')).toBe(false);
  });

  it('only index-backed columns sort', async () => {
    const r = (await call(t.core, tok.s1!, 'grid.query', { dataset: 'activities', scope: 'mine', columns: ['subject'], sort: [{ col: 'subject', dir: 'asc' }] })) as Fail;
    expect(r.error.code).toBe('INVALID_INPUT');
  });
});
