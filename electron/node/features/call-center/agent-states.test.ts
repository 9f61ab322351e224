import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, GOOD_PASSWORD, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import type { AgentStateView, FloorView } from '../../../common/api/call-center';
import type { EventEnvelope } from '../../events';
import { AgentStates } from './agent-states';
import type { GridSelectionQuery } from '../../../common/api/grid';
import { drillCount } from '../../../../tests/fixtures/analysis-floor';
import { createTasks } from '../service';

/**
 * 坐席状态: an agent sets 就绪 / 示忙 with a reason; a call makes them 通话中 and its end 话后处理, which
 * returns to 就绪 after the wrap-up time unless extended; the program lock sets 示忙 and the unlock
 * puts back what was; the last logout sets 离线; a host that restarts finds nobody 就绪. Every change is
 * a row of the log with its start and end, and an event to the agent and the CS managers.
 */
let t: TestCore;
let agent: { token: string; userId: number };
let manager: { token: string; userId: number };
const events: EventEnvelope[] = [];
beforeAll(async () => {
  t = await makeCore();
  manager = await userWithSession(t.core, 'cc.mgr', 'serviceManager');
  agent = await userWithSession(t.core, 'cc.agent', 'serviceAgent');
  t.core.events.subscribe((e) => events.push(e));
  // A call needs the seat's softphone set up.
  const seat = { wsUrl: 'ws://127.0.0.1:8088', extension: '1001', authUser: '1001', password: 'pw-1001', displayName: '坐席 1001' };
  expect((await call(t.core, agent.token, 'telephony.settings.save', seat)).ok).toBe(true);
}, 60_000);
afterAll(() => t.cleanup());

const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};
const state = async (token = agent.token) => ok<AgentStateView>(await call(t.core, token, 'callCenter.state.get', {}));
const log = () =>
  t.core.sqlite.prepare('SELECT state, reason, started_at AS startedAt, ended_at AS endedAt FROM agent_state_log WHERE user_id = ? ORDER BY id').all(agent.userId) as {
    state: string;
    reason: string | null;
    startedAt: number;
    endedAt: number | null;
  }[];

describe('坐席状态', () => {
  it('就绪 and 示忙 with a reason, each a row of the log closed by the next; an unknown reason is refused', async () => {
    expect((await state()).state).toBe('busy'); // logged in: 示忙 · 刚登录
    expect((await state()).reason).toBe('login');
    const t0 = t.clock.now();
    expect(ok<AgentStateView>(await call(t.core, agent.token, 'callCenter.state.set', { state: 'ready' }))).toMatchObject({ state: 'ready', reason: null, since: t0 });
    t.clock.advance(60_000);
    expect(ok<AgentStateView>(await call(t.core, agent.token, 'callCenter.state.set', { state: 'busy', reason: 'lunch' }))).toMatchObject({ state: 'busy', reason: 'lunch' });
    expect((await call(t.core, agent.token, 'callCenter.state.set', { state: 'busy', reason: 'nap' })).ok).toBe(false);
    expect((await call(t.core, agent.token, 'callCenter.state.set', { state: 'onCall' })).ok).toBe(false);
    const rows = log();
    // The test helper's first login and logout (a password to change) come first.
    expect(rows.map((r) => [r.state, r.reason])).toEqual([
      ['busy', 'login'],
      ['offline', null],
      ['busy', 'login'],
      ['ready', null],
      ['busy', 'lunch'],
    ]);
    expect(rows[3]).toMatchObject({ startedAt: t0, endedAt: t0 + 60_000 });
    expect(rows[4]!.endedAt).toBeNull();
    // The agent's windows and the CS manager hear of it; another agent does not.
    const seen = events.filter((e) => e.event === 'callCenter.agentState' && (e.payload as AgentStateView).reason === 'lunch').map((e) => e.target);
    expect(seen).toEqual(expect.arrayContaining([{ userId: agent.userId }, { userId: manager.userId }]));
  });

  it('a call: 通话中, no change by hand meanwhile; its end 话后处理 for the set time, then 就绪 on its own — or later when extended', async () => {
    await call(t.core, agent.token, 'callCenter.state.set', { state: 'ready' });
    const started = ok<{ callId: number }>(await call(t.core, agent.token, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13800138000' }));
    expect((await state()).state).toBe('onCall');
    expect(await call(t.core, agent.token, 'callCenter.state.set', { state: 'busy', reason: 'break' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    ok(await call(t.core, agent.token, 'telephony.call.end', { callId: started.callId, reason: 'hangup' }));
    const wrap = await state();
    expect(wrap).toMatchObject({ state: 'wrapUp', wrapUpUntil: t.clock.now() + 30_000 });
    t.clock.advance(20_000);
    ok(await call(t.core, agent.token, 'callCenter.wrapUp.extend', { seconds: 60 }));
    t.clock.advance(30_000);
    expect((await state()).state).toBe('wrapUp'); // extended: 60 s from the extension
    t.clock.advance(31_000);
    expect((await state()).state).toBe('ready');
    expect(log().slice(-3).map((r) => r.state)).toEqual(['onCall', 'wrapUp', 'ready']);
    expect(await call(t.core, agent.token, 'callCenter.wrapUp.extend', { seconds: 60 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('the wrap-up ends by itself, with nobody reading the state, even when its timer fires before the clock has reached its end', async () => {
    // Node's timers count from the event loop's cached time, a few ms behind the clock on a busy host.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await call(t.core, agent.token, 'callCenter.state.set', { state: 'ready' });
      const c = ok<{ callId: number }>(await call(t.core, agent.token, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13800138002' }));
      ok(await call(t.core, agent.token, 'telephony.call.end', { callId: c.callId, reason: 'hangup' }));
      const stored = () => t.core.sqlite.prepare('SELECT state FROM agent_states WHERE user_id = ?').pluck().get(agent.userId);
      const readyEvents = () =>
        events.filter((e) => e.event === 'callCenter.agentState' && (e.payload as AgentStateView).userId === agent.userId && (e.payload as AgentStateView).state === 'ready' && typeof e.target === 'object' && 'userId' in e.target && e.target.userId === agent.userId).length;
      const before = readyEvents();
      t.clock.advance(29_990);
      vi.advanceTimersByTime(30_000); // the 30 s timer fires; the clock says 10 ms are left
      expect(stored()).toBe('wrapUp');
      t.clock.advance(10);
      vi.advanceTimersByTime(10);
      expect(stored()).toBe('ready');
      expect(readyEvents()).toBe(before + 1); // the agent's page hears of it (it does not poll)
    } finally {
      vi.useRealTimers();
    }
  });

  it('the program lock sets 示忙 · 程序锁定 and the unlock puts back the state before it', async () => {
    await call(t.core, agent.token, 'callCenter.state.set', { state: 'busy', reason: 'meeting' });
    ok(await call(t.core, agent.token, 'auth.lock', {}));
    expect(t.core.services.agentStates.view(agent.userId)).toMatchObject({ state: 'busy', reason: 'locked' });
    ok(await call(t.core, agent.token, 'auth.unlock', { password: GOOD_PASSWORD }));
    expect(t.core.services.agentStates.view(agent.userId)).toMatchObject({ state: 'busy', reason: 'meeting' });
    // A wrap-up whose time ran out behind the lock comes back as 就绪.
    const c = ok<{ callId: number }>(await call(t.core, agent.token, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13800138001' }));
    ok(await call(t.core, agent.token, 'telephony.call.end', { callId: c.callId, reason: 'hangup' }));
    ok(await call(t.core, agent.token, 'auth.lock', {}));
    t.clock.advance(120_000);
    ok(await call(t.core, agent.token, 'auth.unlock', { password: GOOD_PASSWORD }));
    expect(t.core.services.agentStates.view(agent.userId)).toMatchObject({ state: 'ready', reason: null });
  });

  it('the managers see the floor; an agent may not', async () => {
    const floor = ok<AgentStateView[]>(await call(t.core, manager.token, 'callCenter.agents', {}));
    expect(floor.find((a) => a.userId === agent.userId)).toMatchObject({ displayName: 'cc.agent 测试', state: 'ready' });
    expect(await call(t.core, agent.token, 'callCenter.agents', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('logging out of the last seat sets 离线; a host that starts again finds nobody 就绪', async () => {
    // Signed in on a second seat too: logging out of one keeps the state.
    const second = await t.core.auth.login('cc.agent', GOOD_PASSWORD);
    await call(t.core, manager.token, 'callCenter.state.set', { state: 'ready' });
    ok(await call(t.core, agent.token, 'auth.logout', {}));
    expect(t.core.services.agentStates.view(agent.userId).state).toBe('ready');
    ok(await call(t.core, second.token, 'auth.logout', {}));
    expect(t.core.services.agentStates.view(agent.userId).state).toBe('offline');
    expect(log().at(-1)).toMatchObject({ state: 'offline', endedAt: null });
    // A fresh service over the same database (the host restarted): the manager left 就绪 is 离线 now.
    expect(t.core.services.agentStates.view(manager.userId).state).toBe('ready');
    new AgentStates(t.core);
    expect(t.core.services.agentStates.view(manager.userId).state).toBe('offline');
  });
});

describe('坐席监控 (the wall board’s data)', () => {
  it('each agent’s state, the call they are on with its customer, today’s figures and the missed calls to call back', async () => {
    const a2 = await userWithSession(t.core, 'cc.agent2', 'serviceAgent');
    expect((await call(t.core, a2.token, 'telephony.settings.save', { wsUrl: 'ws://127.0.0.1:8088', extension: '1002', authUser: '1002', password: 'pw', displayName: '坐席 1002' })).ok).toBe(true);
    const cust = Number(t.core.sqlite.prepare("INSERT INTO customers (kind, name, gender, source, created_at, updated_at) VALUES ('individual', '张三', 'male', 'other', 0, 0)").run().lastInsertRowid);
    // A missed inbound call, an answered one, and an outbound call still going.
    const missed = ok<{ callId: number }>(await call(t.core, a2.token, 'telephony.call.start', { direction: 'inbound', remoteNumber: '13900000099' }));
    ok(await call(t.core, a2.token, 'telephony.call.end', { callId: missed.callId, reason: 'hangup' }));
    const inbound = ok<{ callId: number }>(await call(t.core, a2.token, 'telephony.call.start', { direction: 'inbound', remoteNumber: '13900000088' }));
    ok(await call(t.core, a2.token, 'telephony.call.answer', { callId: inbound.callId }));
    t.clock.advance(90_000);
    ok(await call(t.core, a2.token, 'telephony.call.end', { callId: inbound.callId, reason: 'hangup' }));
    t.clock.advance(40_000); // the 30 s wrap-up is over
    const live = ok<{ callId: number }>(await call(t.core, a2.token, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13800000077', customerId: cust }));
    t.clock.advance(5_000);
    const floor = ok<FloorView>(await call(t.core, manager.token, 'callCenter.floor', {}));
    const row = floor.agents.find((x) => x.userId === a2.userId)!;
    expect(row).toMatchObject({ state: 'onCall', call: { callId: live.callId, direction: 'outbound', number: '13800000077', customerName: '张三' } });
    expect(row.today).toEqual({ answered: 1, missed: 1, outbound: 1, talkSeconds: 90, avgWrapUpSeconds: 30 });
    expect(floor.missedOpen).toBe(1);
    // Every figure opens its calls: the list's count is the figure.
    const counted = async (qs: GridSelectionQuery[]) => {
      let n = 0;
      for (const q of qs) n += await drillCount(t.core, manager.token, q);
      return n;
    };
    expect([await counted(row.drill.answered), await counted(row.drill.missed), await counted(row.drill.outbound), await counted(row.drill.talk), await counted(floor.missedOpenDrill)]).toEqual([1, 1, 1, 1, 1]);
    // The managers' wall boards are told of each call's start and end.
    expect(events.filter((e) => e.event === 'callCenter.floorChanged' && (e.target as { userId: number }).userId === manager.userId).length).toBeGreaterThanOrEqual(5);
    expect(await call(t.core, a2.token, 'callCenter.floor', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the queues: every agent’s open tasks due today per kind (低分跟进 3 days ahead, 招揽 from its window), overdue and oldest, each opening its tasks', async () => {
    const a3 = await userWithSession(t.core, 'cc.agent3', 'serviceAgent');
    const today = new Date(t.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const day = (n: number) => new Date(Date.parse(today) + n * 86_400_000).toISOString().slice(0, 10);
    const cust = t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES (?, 0, 0)");
    const ids = ['甲', '乙', '丙', '丁', '戊', '己'].map((n) => Number(cust.run(n).lastInsertRowid));
    createTasks(t.core, null, [
      { kind: 'regular_service', customerId: ids[0]!, dueDate: day(-3), assigneeId: a3.userId },
      { kind: 'regular_service', customerId: ids[1]!, dueDate: today, assigneeId: agent.userId },
      { kind: 'regular_service', customerId: ids[2]!, dueDate: day(1), assigneeId: a3.userId }, // not due yet
      { kind: 'regular_service', customerId: ids[3]!, dueDate: day(-1) }, // nobody's: the pool, not a queue
      { kind: 'low_score', customerId: ids[4]!, dueDate: day(2), assigneeId: a3.userId }, // within its 3 days
    ]);
    t.core.sqlite
      .prepare("INSERT INTO solicitation_tasks (natural_key, kind, customer_id, window_start, window_end, status, assignee_id, created_at, updated_at) VALUES ('fl-1', 'regular_service', ?, ?, ?, 'assigned', ?, 0, 0)")
      .run(ids[5], day(-20), day(-2), a3.userId);
    const floor = ok<FloorView>(await call(t.core, manager.token, 'callCenter.floor', {}));
    const q = (name: string) => floor.queues.find((x) => x.queue === name);
    expect([q('regular_service'), q('low_score'), q('solicitation')].map((x) => x && { due: x.due, overdue: x.overdue, oldestDue: x.oldestDue })).toEqual([
      { due: 2, overdue: 1, oldestDue: day(-3) },
      { due: 1, overdue: 0, oldestDue: day(2) },
      { due: 1, overdue: 1, oldestDue: day(-2) },
    ]);
    for (const x of floor.queues) {
      let n = 0;
      for (const d of x.drill) n += await drillCount(t.core, manager.token, d);
      expect([x.queue, n]).toEqual([x.queue, x.due]);
    }
    // A preset that names no queue is refused, not read as "everything".
    const bad = await call(t.core, manager.token, 'grid.count', { dataset: 'serviceTasks', scope: 'all', filter: { columns: [], preset: 'queue:nope' } });
    expect(bad.ok).toBe(false);
  });
});
