import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call as rawCall, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { createTasks } from './tasks';
import { isOverdue, isRealFollowUpNote, WORKBENCH_PAGE } from './workbench';
import { currentVersion } from '../../../../tests/support/versions';

async function call(core: TestCore['core'], token: string, method: string, input: unknown = {}): Promise<unknown> {
  const r = (await rawCall(core, token, method, input)) as { ok: boolean; value?: unknown; error?: unknown };
  if (!r.ok) throw r.error;
  return r.value;
}

type Wb = { today: string; rows: { source: string; id: number; kind: string; dueDate: string; overdue: boolean; dnd: { call: boolean; sms: boolean } }[]; counts: { today: number; overdue: number } };

describe('agent’s workbench (客服工作台)', () => {
  let t: TestCore;
  let u: Awaited<ReturnType<typeof usersWithSessions>>;
  let c1: number;
  let dnd: number;
  beforeAll(async () => {
    t = await makeCore();
    // 15:59 UTC on 30 Nov = 23:59 in Shanghai (sessions are made at this time so they stay valid).
    t.clock.set(Date.UTC(2026, 10, 30, 15, 59));
    u = await usersWithSessions(t.core, [
      ['agent1', 'serviceAgent'],
      ['agent2', 'serviceAgent'],
      ['csm', 'serviceManager'],
      ['sales', 'salesManager'],
    ]);
    const cust = t.core.sqlite.prepare('INSERT INTO customers (name, dnd_call, dnd_sms, created_at, updated_at) VALUES (?, ?, ?, 0, 0)');
    c1 = Number(cust.run('张先生', 0, 0).lastInsertRowid);
    dnd = Number(cust.run('免打扰客户', 1, 1).lastInsertRowid);
  });
  afterAll(() => t.cleanup());

  it('pure rules: overdue is before the dealer’s today; a follow-up note must say something', () => {
    expect([isOverdue('2026-11-29', '2026-11-30'), isOverdue('2026-11-30', '2026-11-30'), isOverdue('2026-12-01', '2026-11-30')]).toEqual([true, false, false]);
    expect(['已跟进', ' 未接通。', '', '客户说异响已消失,满意'].map(isRealFollowUpNote)).toEqual([false, false, false, true]);
  });

  it('lists today’s and overdue tasks in the dealer’s day (Asia/Shanghai) with the machine in UTC', async () => {
    // 15:59 UTC on 30 Nov = 23:59 in Shanghai: still the 30th.
    createTasks(t.core, null, [
      { kind: 'revisit_sales', customerId: c1, dueDate: '2026-11-30', assigneeId: u.uid.agent1, reason: '交车 3 天回访' },
      { kind: 'low_score', customerId: c1, dueDate: '2026-11-29', assigneeId: u.uid.agent1, reason: 'CSI 低分' },
      { kind: 'regular_service', customerId: dnd, dueDate: '2026-12-01', assigneeId: u.uid.agent1 },
      { kind: 'birthday', customerId: c1, dueDate: '2026-11-30', assigneeId: u.uid.agent2 },
    ]);
    t.core.sqlite
      .prepare("INSERT INTO solicitation_tasks (natural_key, kind, customer_id, window_start, window_end, status, assignee_id, created_at, updated_at) VALUES ('s1', 'regular_service', ?, '2026-11-20', '2026-12-10', 'assigned', ?, 0, 0)")
      .run(dnd, u.uid.agent1);
    let wb = (await call(t.core, u.tok.agent1!, 'workbench.list')) as Wb;
    expect(wb.today).toBe('2026-11-30');
    expect(wb.rows.map((r) => [r.kind, r.overdue])).toEqual([
      ['low_score', true],
      ['revisit_sales', false],
      ['solicitation', false],
    ]);
    expect(wb.counts).toEqual({ today: 2, overdue: 1 });
    expect(wb.rows.find((r) => r.kind === 'solicitation')!.dnd).toEqual({ call: true, sms: true });

    // 16:00 UTC = 00:00 on 1 Dec in Shanghai: yesterday's revisit is overdue, the DND reminder is due.
    t.clock.set(Date.UTC(2026, 10, 30, 16, 0));
    wb = (await call(t.core, u.tok.agent1!, 'workbench.list')) as Wb;
    expect(wb.today).toBe('2026-12-01');
    expect(wb.rows.map((r) => [r.kind, r.overdue, r.dnd.call])).toEqual([
      ['low_score', true, false],
      ['revisit_sales', true, false],
      ['regular_service', false, true],
      ['solicitation', false, true],
    ]);

    // An agent cannot look at another agent's list; a manager can.
    expect(((await call(t.core, u.tok.agent1!, 'workbench.list', { agentId: u.uid.agent2 })) as Wb).rows.map((r) => r.kind)).not.toContain('birthday');
    expect(((await call(t.core, u.tok.csm!, 'workbench.list', { agentId: u.uid.agent2 })) as Wb).rows.map((r) => r.kind)).toEqual(['birthday']);
  });

  it('records outcomes: failed needs a note, low-score done needs a real note, reschedule not into the past; only the assignee or a manager', async () => {
    // Still 1 Dec 00:00 in Shanghai.
    const wb = (await call(t.core, u.tok.agent1!, 'workbench.list')) as Wb;
    const low = wb.rows.find((r) => r.kind === 'low_score')!.id;
    const rev = wb.rows.find((r) => r.kind === 'revisit_sales')!.id;
    await expect(call(t.core, u.tok.agent1!, 'workbench.outcome', { taskId: rev, expectedVersion: currentVersion(t.core, 'tasks', rev), outcome: 'failed' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(t.core, u.tok.agent1!, 'workbench.outcome', { taskId: low, expectedVersion: currentVersion(t.core, 'tasks', low), outcome: 'done', note: '已跟进' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(t.core, u.tok.agent1!, 'workbench.outcome', { taskId: rev, expectedVersion: currentVersion(t.core, 'tasks', rev), outcome: 'reschedule', dueDate: '2026-11-30' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(t.core, u.tok.agent2!, 'workbench.outcome', { taskId: rev, expectedVersion: currentVersion(t.core, 'tasks', rev), outcome: 'done' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await call(t.core, u.tok.agent1!, 'workbench.outcome', { taskId: rev, expectedVersion: currentVersion(t.core, 'tasks', rev), outcome: 'reschedule', dueDate: '2026-12-05', note: '客户出差' })).toEqual({ id: rev, status: 'open', dueDate: '2026-12-05' });
    expect(await call(t.core, u.tok.agent1!, 'workbench.outcome', { taskId: low, expectedVersion: currentVersion(t.core, 'tasks', low), outcome: 'done', note: '已为客户免费复检,客户认可' })).toMatchObject({ status: 'done' });
    await expect(call(t.core, u.tok.agent1!, 'workbench.outcome', { taskId: low, expectedVersion: currentVersion(t.core, 'tasks', low), outcome: 'failed', note: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const after = (await call(t.core, u.tok.agent1!, 'workbench.list')) as Wb;
    expect(after.rows.map((r) => r.kind)).toEqual(['regular_service', 'solicitation']);
    const audited = t.core.sqlite.prepare("select count(*) from audit_log where entity = 'task' and action = 'update' and entity_id in (?, ?)").pluck().get(String(low), String(rev));
    expect(audited).toBe(2);
  });

  it('shows managers each agent’s load and reassigns tasks (selected or all of an agent’s), audited; agents and sales cannot', async () => {
    const load = (await call(t.core, u.tok.csm!, 'workbench.load')) as { rows: { agentId: number; kind: string; open: number; overdue: number }[] };
    const a1 = load.rows.filter((r) => r.agentId === u.uid.agent1).map((r) => [r.kind, r.open, r.overdue]);
    expect(a1).toEqual([
      ['regular_service', 1, 0],
      ['revisit_sales', 1, 0],
      ['solicitation', 1, 0],
    ]);
    await expect(call(t.core, u.tok.agent1!, 'workbench.load')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(t.core, u.tok.agent1!, 'workbench.reassign', { fromAgentId: u.uid.agent1, toAgentId: u.uid.agent2 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(t.core, u.tok.sales!, 'workbench.reassign', { fromAgentId: u.uid.agent1, toAgentId: u.uid.agent2 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(t.core, u.tok.csm!, 'workbench.reassign', { fromAgentId: u.uid.agent1, toAgentId: u.uid.sales })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const rev = t.core.sqlite.prepare("select id from tasks where kind = 'revisit_sales'").pluck().get() as number;
    expect(await call(t.core, u.tok.csm!, 'workbench.reassign', { taskIds: [rev], toAgentId: u.uid.agent2 })).toEqual({ moved: 1, toAgentId: u.uid.agent2 });
    // All of agent1's open tasks: the DND reminder only (the low-score one is done and stays).
    expect(await call(t.core, u.tok.csm!, 'workbench.reassign', { fromAgentId: u.uid.agent1, toAgentId: u.uid.agent2 })).toEqual({ moved: 1, toAgentId: u.uid.agent2 });
    expect(t.core.sqlite.prepare("select assignee_id from tasks where kind = 'low_score'").pluck().get()).toBe(u.uid.agent1);
    const trail = t.core.sqlite.prepare("select user_id as u, before, after from audit_log where action = 'reassign' and entity = 'task' and entity_id = ?").all(String(rev)) as { u: number; before: string; after: string }[];
    expect(trail).toEqual([{ u: u.uid.csm, before: JSON.stringify({ assigneeId: u.uid.agent1 }), after: JSON.stringify({ assigneeId: u.uid.agent2 }) }]);
    expect(t.core.sqlite.prepare("select count(*) from audit_log where entity = 'task_reassignment'").pluck().get()).toBe(2);
  });

  it('拨打 from a task: the call is about the task’s customer (even when others share the number) and keeps the task; another agent’s task is refused', async () => {
    const phone = t.core.sqlite.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, '13800138123', '8613800138123', 'mobile', 1)");
    phone.run(c1);
    phone.run(dnd);
    const [mine, theirs] = [u.uid.agent1, u.uid.agent2].map((assigneeId, i) =>
      Number(
        t.core.sqlite
          .prepare("INSERT INTO tasks (kind, natural_key, customer_id, assignee_id, due_date, status, created_at, updated_at) VALUES ('revisit_repair', ?, ?, ?, '2026-11-30', 'open', 0, 0)")
          .run(`call-test:${i}`, c1, assigneeId).lastInsertRowid,
      ),
    );
    for (const [who, extension] of [['agent1', '1101'], ['agent2', '1102'], ['csm', '1103']] as const) {
      await call(t.core, u.tok[who]!, 'telephony.settings.save', { wsUrl: 'ws://127.0.0.1:8088', extension, authUser: extension, password: 'pw', displayName: who });
    }
    const started = (await call(t.core, u.tok.agent1!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13800138123', taskId: mine })) as { callId: number; customerId: number | null };
    // Two customers have this number: the task says which one the call is about.
    expect(started.customerId).toBe(c1);
    const ended = (await call(t.core, u.tok.agent1!, 'telephony.call.end', { callId: started.callId })) as { taskId: number | null; customerId: number | null };
    expect(ended).toMatchObject({ taskId: mine, customerId: c1 });
    // Another agent's task cannot be put on my call; a manager may call for any task.
    await expect(call(t.core, u.tok.agent1!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13800138123', taskId: theirs })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const byManager = (await call(t.core, u.tok.csm!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13800138123', taskId: theirs })) as { customerId: number | null };
    expect(byManager.customerId).toBe(c1);
  });
});

describe('workbench: 修复中 follow-ups and the advisor’s day', () => {
  let t: TestCore;
  let u: Awaited<ReturnType<typeof usersWithSessions>>;
  let c1: number;
  beforeAll(async () => {
    t = await makeCore();
    // Friday 27 Nov 2026, 23:58 in Shanghai (the 5-minute idle lock does not strike at 16:00 UTC, Saturday 00:00 there).
    t.clock.set(Date.UTC(2026, 10, 27, 15, 58));
    u = await usersWithSessions(t.core, [
      ['agent1', 'serviceAgent'],
      ['adv1', 'serviceAdvisor'],
      ['adv2', 'serviceAdvisor'],
    ]);
    c1 = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('赵先生', 0, 0)").run().lastInsertRowid);
  });
  afterAll(() => t.cleanup());

  it.each<[string, string, string, string | undefined, string | null]>([
    ['a stock phrase alone is refused', '2026-11-25', '已跟进', undefined, null],
    ['a real description plans the next follow-up 3 days on (over the weekend: Monday)', '2026-11-26', '异响未消除,已约周一返厂复检', undefined, '2026-11-30'],
    ['a chosen later day is kept', '2026-11-27', '等待配件到货,到货后通知客户', '2026-12-04', '2026-12-04'],
  ])('修复中: %s', async (_n, due, note, dueDate, next) => {
    createTasks(t.core, null, [{ kind: 'low_score', customerId: c1, dueDate: due, assigneeId: u.uid.agent1, reason: 'SSI 60分' }]);
    const id = t.core.sqlite.prepare("SELECT id FROM tasks WHERE kind = 'low_score' AND status = 'open' AND due_date = ?").pluck().get(due) as number;
    const p = call(t.core, u.tok.agent1!, 'workbench.outcome', { taskId: id, expectedVersion: currentVersion(t.core, 'tasks', id), outcome: 'repairing', note, ...(dueDate ? { dueDate } : {}) });
    if (next === null) {
      await expect(p).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(t.core.sqlite.prepare('SELECT status FROM tasks WHERE id = ?').pluck().get(id)).toBe('open');
      return;
    }
    const r = (await p) as { nextTaskId: number };
    expect(t.core.sqlite.prepare('SELECT status, result FROM tasks WHERE id = ?').get(id)).toEqual({ status: 'done', result: 'repairing' });
    expect(t.core.sqlite.prepare('SELECT kind, status, due_date AS due, assignee_id AS a FROM tasks WHERE id = ?').get(r.nextTaskId)).toEqual({ kind: 'low_score', status: 'open', due: next, a: u.uid.agent1 });
  });

  it('修复中 on a follow-up made today (due in 3 days, like the default next one) still plans a new one', async () => {
    const c2 = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('孙先生', 0, 0)").run().lastInsertRowid);
    createTasks(t.core, null, [{ kind: 'low_score', customerId: c2, dueDate: '2026-11-30', assigneeId: u.uid.agent1, reason: 'SSI 55分' }]);
    const id = t.core.sqlite.prepare('SELECT id FROM tasks WHERE customer_id = ?').pluck().get(c2) as number;
    const r = (await call(t.core, u.tok.agent1!, 'workbench.outcome', { taskId: id, expectedVersion: currentVersion(t.core, 'tasks', id), outcome: 'repairing', note: '方向盘抖动,已做四轮定位待观察' })) as { nextTaskId: number };
    expect(r.nextTaskId).not.toBe(id);
    expect(t.core.sqlite.prepare("SELECT id, status, due_date AS due FROM tasks WHERE customer_id = ? ORDER BY id").all(c2)).toEqual([
      { id, status: 'done', due: '2026-11-30' },
      { id: r.nextTaskId, status: 'open', due: '2026-11-30' },
    ]);
  });

  it('修复中 is only for low-score follow-ups', async () => {
    createTasks(t.core, null, [{ kind: 'birthday', customerId: c1, dueDate: '2026-11-27', assigneeId: u.uid.agent1 }]);
    const id = t.core.sqlite.prepare("SELECT id FROM tasks WHERE kind = 'birthday'").pluck().get() as number;
    await expect(call(t.core, u.tok.agent1!, 'workbench.outcome', { taskId: id, expectedVersion: currentVersion(t.core, 'tasks', id), outcome: 'repairing', note: '客户很满意生日祝福' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('a service advisor sees their own appointments of the dealer’s today, cancelled ones left out', async () => {
    const a = t.core.sqlite.prepare("INSERT INTO appointments (customer_id, advisor_id, date, slot, status, created_at) VALUES (?, ?, ?, ?, ?, 0)");
    a.run(c1, u.uid.adv1, '2026-11-27', '14:00', 'booked');
    a.run(c1, u.uid.adv1, '2026-11-27', '09:00', 'arrived');
    a.run(c1, u.uid.adv1, '2026-11-27', '10:00', 'cancelled');
    a.run(c1, u.uid.adv1, '2026-11-28', '09:00', 'booked');
    a.run(c1, u.uid.adv2, '2026-11-27', '11:00', 'booked');
    const wb = (await call(t.core, u.tok.adv1!, 'workbench.list')) as { appointments: { slot: string; status: string; customerName: string }[] };
    expect(wb.appointments.map((x) => [x.slot, x.status])).toEqual([
      ['09:00', 'arrived'],
      ['14:00', 'booked'],
    ]);
    // 16:00 UTC = Saturday 00:00 in Shanghai: the next day's booking.
    t.clock.set(Date.UTC(2026, 10, 27, 16, 0));
    expect(((await call(t.core, u.tok.adv1!, 'workbench.list')) as { appointments: { slot: string }[] }).appointments.map((x) => x.slot)).toEqual(['09:00']);
    expect(((await call(t.core, u.tok.agent1!, 'workbench.list')) as { appointments: unknown[] }).appointments).toEqual([]);
  });
});

describe('workbench: a low-score follow-up is listed before its deadline', () => {
  let t: TestCore;
  let u: Awaited<ReturnType<typeof usersWithSessions>>;
  beforeAll(async () => {
    t = await makeCore();
    t.clock.set(Date.UTC(2026, 10, 30, 2, 0)); // 30 Nov, 10:00 in Shanghai
    u = await usersWithSessions(t.core, [['agent1', 'serviceAgent']]);
    const c = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('钱女士', 0, 0)").run().lastInsertRowid);
    createTasks(t.core, null, [
      { kind: 'low_score', customerId: c, dueDate: '2026-12-03', assigneeId: u.uid.agent1 }, // deadline in 3 days: listed
      { kind: 'low_score', customerId: c, dueDate: '2026-12-04', assigneeId: u.uid.agent1 }, // 4 days: not yet
      { kind: 'birthday', customerId: c, dueDate: '2026-12-01', assigneeId: u.uid.agent1 }, // other kinds: on their day
    ]);
  });
  afterAll(() => t.cleanup());

  it('lists low-score follow-ups due within 3 days (not overdue), other kinds only on their day', async () => {
    const wb = (await call(t.core, u.tok.agent1!, 'workbench.list')) as Wb;
    expect(wb.rows.map((r) => [r.kind, r.dueDate, r.overdue])).toEqual([['low_score', '2026-12-03', false]]);
  });

});

describe('workbench: the unassigned tasks (managers)', () => {
  let t: TestCore;
  let u: Awaited<ReturnType<typeof usersWithSessions>>;
  beforeAll(async () => {
    t = await makeCore();
    t.clock.set(Date.UTC(2026, 10, 30, 2, 0));
    u = await usersWithSessions(t.core, [
      ['agent1', 'serviceAgent'],
      ['agent2', 'serviceAgent'],
      ['csm', 'serviceManager'],
    ]);
    const c = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('吴先生', 0, 0)").run().lastInsertRowid);
    createTasks(t.core, null, [
      { kind: 'low_score', customerId: c, dueDate: '2026-12-03', reason: 'SSI 60分' }, // a survey import's follow-up, nobody's yet
      { kind: 'birthday', customerId: c, dueDate: '2026-11-30', assigneeId: u.uid.agent1 },
    ]);
  });
  afterAll(() => t.cleanup());

  it('a manager lists the tasks nobody has and hands one out; an agent asking for them gets their own list', async () => {
    const wb = (await call(t.core, u.tok.csm!, 'workbench.list', { unassigned: true })) as Wb & { agentId: number | null };
    expect([wb.agentId, wb.rows.map((r) => r.kind)]).toEqual([null, ['low_score']]);
    const mine = (await call(t.core, u.tok.agent1!, 'workbench.list', { unassigned: true })) as Wb;
    expect(mine.rows.map((r) => r.kind)).toEqual(['birthday']);
    expect(await call(t.core, u.tok.csm!, 'workbench.reassign', { taskIds: [wb.rows[0]!.id], toAgentId: u.uid.agent1 })).toEqual({ moved: 1, toAgentId: u.uid.agent1 });
    expect(((await call(t.core, u.tok.agent1!, 'workbench.list')) as Wb).rows.map((r) => r.kind)).toEqual(['birthday', 'low_score']);
  });

  it('after a night’s generation the pool holds more than a page: the counts are the pool’s, the pages walk all of it in due order', async () => {
    const ins = t.core.sqlite.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, 0, 0)');
    const ids = Array.from({ length: 2 * WORKBENCH_PAGE + 9 }, (_, i) => Number(ins.run(`池${i}`).lastInsertRowid));
    // 7 overdue (yesterday), the rest due today; all nobody's.
    createTasks(t.core, null, ids.map((customerId, i) => ({ kind: 'birthday' as const, customerId, dueDate: i < 7 ? '2026-11-29' : '2026-11-30' })));
    const wb = (await call(t.core, u.tok.csm!, 'workbench.list', { unassigned: true })) as Wb & { total: number; offset: number };
    expect(wb.rows).toHaveLength(WORKBENCH_PAGE);
    // The first test's low-score task was handed out: the pool is these.
    expect([wb.total, wb.offset, wb.counts]).toEqual([ids.length, 0, { today: ids.length - 7, overdue: 7 }]);
    expect(wb.rows.slice(0, 7).every((r) => r.overdue)).toBe(true);
    const last = (await call(t.core, u.tok.csm!, 'workbench.list', { unassigned: true, offset: 2 * WORKBENCH_PAGE })) as Wb & { total: number; offset: number };
    expect([last.rows.length, last.offset, last.counts]).toEqual([9, 2 * WORKBENCH_PAGE, wb.counts]);
    const all = (await call(t.core, u.tok.csm!, 'workbench.list', { unassigned: true, limit: 500 })) as Wb;
    expect(all.rows.slice(-9).map((r) => r.id)).toEqual(last.rows.map((r) => r.id));
  });

  it('an agent’s pages run through tasks and 招揽任务 of one due day alike, none twice and none left out', async () => {
    const ins = t.core.sqlite.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, 0, 0)');
    const ids = Array.from({ length: 30 }, (_, i) => Number(ins.run(`页${i}`).lastInsertRowid));
    createTasks(t.core, null, ids.map((customerId) => ({ kind: 'regular_service' as const, customerId, dueDate: '2026-11-30', assigneeId: u.uid.agent2 })));
    const sol = t.core.sqlite.prepare(
      "INSERT INTO solicitation_tasks (natural_key, kind, customer_id, window_start, window_end, status, assignee_id, created_at, updated_at) VALUES (?, 'regular_service', ?, '2026-11-20', '2026-11-30', 'assigned', ?, 0, 0)",
    );
    ids.slice(0, 10).forEach((c, i) => sol.run(`page-${i}`, c, u.uid.agent2));
    const pages: Wb['rows'] = [];
    for (let offset = 0; offset < 40; offset += 7) {
      const p = (await call(t.core, u.tok.agent2!, 'workbench.list', { offset, limit: 7 })) as Wb & { total: number };
      expect(p.total).toBe(40);
      pages.push(...p.rows);
    }
    const keys = pages.map((r) => `${r.source}:${r.id}`);
    expect(new Set(keys).size).toBe(40);
    // 招揽 first on the same day, then tasks, each by id.
    expect(pages.slice(0, 10).every((r) => r.source === 'solicitation')).toBe(true);
    expect(pages.slice(10).map((r) => r.id)).toEqual([...pages.slice(10).map((r) => r.id)].sort((a, b) => a - b));
    expect(pages.every((r) => r.dueDate === '2026-11-30')).toBe(true);
  });

  it('within a due day the tasks a manager made 紧急 / 优先 come first, across pages too', async () => {
    const taskIds = (t.core.sqlite.prepare("SELECT id FROM tasks WHERE assignee_id = ? AND status = 'open' AND due_date = '2026-11-30' ORDER BY id").pluck().all(u.uid.agent2) as number[]).slice(-10);
    const [high, urgent] = [taskIds[3]!, taskIds[7]!];
    await call(t.core, u.tok.csm!, 'taskPool.prioritize', { selection: { ids: [high] }, priority: 1 });
    await call(t.core, u.tok.csm!, 'taskPool.prioritize', { selection: { ids: [urgent] }, priority: 2 });
    const rows: (Wb['rows'][number] & { priority: number })[] = [];
    for (let offset = 0; offset < 40; offset += 7) rows.push(...((await call(t.core, u.tok.agent2!, 'workbench.list', { offset, limit: 7 })) as { rows: typeof rows }).rows);
    expect(rows.slice(0, 2).map((r) => [r.id, r.priority])).toEqual([
      [urgent, 2],
      [high, 1],
    ]);
    // Then as before: 招揽 of the day, then the other tasks by id.
    expect(rows.slice(2, 12).every((r) => r.source === 'solicitation' && r.priority === 0)).toBe(true);
    expect(rows.slice(12).map((r) => r.id)).toEqual([...rows.slice(12).map((r) => r.id)].sort((a, b) => a - b));
    expect(rows).toHaveLength(40);
  });
});
