import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, GOOD_PASSWORD, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import type { DialerCard, DialerNext, DialerOverview, DialerRules } from '../../../common/api/dialer';
import { DIALER_LEASE_MS } from '../../../common/api/dialer';
import type { AgentStateView } from '../../../common/api/call-center';
import { createTasks } from '../service';
import { attemptOfCall, minuteOfDay, withinHours } from './dialer-rules';

/**
 * 作业模式 (the preview dialer) with a fake clock: the queue's order, only 就绪 agents within the
 * calling hours (across midnight too), DND and withdrawn consent never, max attempts and the retry
 * wait, 跳过, a customer another agent called today, claims with a lease that two seats never share.
 * The clock starts at 2026-11-23 01:00 UTC = 09:00 in Shanghai.
 */
let t: TestCore;
let agent: { token: string; userId: number };
let other: { token: string; userId: number };
let manager: { token: string; userId: number };
const HOUR = 3_600_000;
const seat = (ext: string) => ({ wsUrl: 'ws://127.0.0.1:8088', extension: ext, authUser: ext, password: `pw-${ext}`, displayName: `坐席 ${ext}` });

const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};
const next = async (token = agent.token, queue = 'regular_service') => ok<DialerNext>(await call(t.core, token, 'dialer.next', { queue }));
const card = async (token = agent.token, queue = 'regular_service'): Promise<DialerCard> => {
  const n = await next(token, queue);
  if (!n.card) throw new Error(`no card: ${JSON.stringify(n)}`);
  return n.card;
};
const ready = async (token = agent.token) => ok<AgentStateView>(await call(t.core, token, 'callCenter.state.set', { state: 'ready' }));
/** A dialled call to the card's customer that ends as `reason` (noAnswer, busy, hangup after an answer …). */
async function dial(c: DialerCard, reason: 'noAnswer' | 'busy' | 'failed' | 'answered', token = agent.token) {
  const started = ok<{ callId: number }>(await call(t.core, token, 'telephony.call.start', { direction: 'outbound', remoteNumber: c.customer.phones[0]!.number, customerId: c.customer.id }));
  if (reason === 'answered') ok(await call(t.core, token, 'telephony.call.answer', { callId: started.callId }));
  ok(await call(t.core, token, 'telephony.call.end', { callId: started.callId, reason: reason === 'answered' ? 'hangup' : reason }));
  return started.callId;
}

const customer = (name: string, opts: { dnd?: boolean; withdrawn?: boolean } = {}) => {
  const id = Number(
    t.core.sqlite
      .prepare('INSERT INTO customers (name, dnd_call, consent_status, created_at, updated_at) VALUES (?, ?, ?, 0, 0)')
      .run(name, opts.dnd ? 1 : 0, opts.withdrawn ? 'withdrawn' : null).lastInsertRowid,
  );
  t.core.sqlite.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, ?, ?, 'mobile', 1)").run(id, `1390000${String(id).padStart(4, '0')}`, `86139${String(id).padStart(8, '0')}`);
  return id;
};
const task = (customerId: number, dueDate: string, assigneeId = agent.userId, kind: 'regular_service' | 'first_service' = 'regular_service') => {
  createTasks(t.core, null, [{ kind, customerId, dueDate, assigneeId }]);
  return (t.core.sqlite.prepare('SELECT max(id) AS id FROM tasks').get() as { id: number }).id;
};
const closeAll = () => t.core.sqlite.prepare("UPDATE tasks SET status = 'done', version = version + 1 WHERE status IN ('open', 'in_progress')").run();

beforeAll(async () => {
  t = await makeCore();
  manager = await userWithSession(t.core, 'dl.mgr', 'serviceManager');
  agent = await userWithSession(t.core, 'dl.agent', 'serviceAgent');
  other = await userWithSession(t.core, 'dl.other', 'serviceAgent');
  ok(await call(t.core, agent.token, 'telephony.settings.save', seat('1001')));
  ok(await call(t.core, other.token, 'telephony.settings.save', seat('1002')));
}, 60_000);
afterAll(() => t.cleanup());
beforeEach(async () => {
  closeAll();
  t.core.sqlite.prepare('DELETE FROM dialer_claims').run();
  // Each test starts on a new day at 09:00 in Shanghai, so today's calls of the test before are yesterday's.
  await later(Date.UTC(2026, 10, 23, 1, 0) + Math.ceil((t.clock.now() - Date.UTC(2026, 10, 23, 1, 0)) / (24 * HOUR) + 1) * 24 * HOUR - t.clock.now());
  await ready(other.token);
});

/**
 * Hours on: the program lock (and, after a day, the session's expiry) would stop a seat that sat
 * idle so long, so everyone signs in afresh and the agent is 就绪 again, as after a break.
 */
async function later(ms: number) {
  t.clock.advance(ms);
  for (const [u, name] of [[agent, 'dl.agent'], [other, 'dl.other'], [manager, 'dl.mgr']] as const) u.token = (await t.core.auth.login(name, GOOD_PASSWORD)).token;
  await ready();
}

describe('作业模式: pure rules', () => {
  it('calling hours: start inclusive, end exclusive, across midnight when the start is later, all day when equal', () => {
    const m = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    expect(['08:59', '09:00', '19:59', '20:00'].map((x) => withinHours('09:00-20:00', m(x)))).toEqual([false, true, true, false]);
    expect(['19:59', '20:00', '23:30', '00:00', '01:59', '02:00'].map((x) => withinHours('20:00-02:00', m(x)))).toEqual([false, true, true, true, true, false]);
    expect(withinHours('00:00-00:00', m('03:00'))).toBe(true);
    // 01:00 UTC is 09:00 in Shanghai, 16:00 UTC the next day's 00:00.
    expect([minuteOfDay(Date.UTC(2026, 10, 23, 1, 0), 'Asia/Shanghai'), minuteOfDay(Date.UTC(2026, 10, 23, 16, 0), 'Asia/Shanghai')]).toEqual([540, 0]);
    expect([{ answeredAt: 5, outcome: 'answered' }, { answeredAt: null, outcome: 'busy' }, { answeredAt: null, outcome: 'declined' }, { answeredAt: null, outcome: 'cancelled' }].map(attemptOfCall)).toEqual([
      'answered',
      'busy',
      'failed',
      'noAnswer',
    ]);
  });
});

describe('作业模式: the queue', () => {
  it('hands out the agent’s own due tasks of the queue, overdue first, with the card: phones, vehicles, script filled in', async () => {
    const today = new Date(t.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
    const yesterday = new Date(t.clock.now() - 16 * HOUR).toISOString().slice(0, 10);
    const tomorrow = new Date(t.clock.now() + 32 * HOUR).toISOString().slice(0, 10);
    const a = customer('甲先生');
    const b = customer('乙女士');
    const c = customer('丙先生');
    t.core.sqlite.prepare("INSERT INTO vehicles (customer_id, vin, model, plate, last_service_date, created_at, updated_at) VALUES (?, 'LFV2A21K8N3000777', 'magotan', '粤B12345', '2026-05-01', 0, 0)").run(b);
    const tToday = task(a, today);
    const tOverdue = task(b, yesterday);
    task(c, tomorrow); // not due yet
    task(c, today, other.userId); // another agent's
    task(c, today, agent.userId, 'first_service'); // another queue
    const first = await card();
    expect([first.row.id, first.row.overdue, first.customer.name]).toEqual([tOverdue, true, '乙女士']);
    expect(first.customer.vehicles).toEqual([expect.objectContaining({ plate: '粤B12345', lastServiceDate: '2026-05-01' })]);
    expect(first.customer.phones[0]).toMatchObject({ primary: true });
    expect(first.rules).toMatchObject({ previewSeconds: 10, maxAttempts: 3, retryHours: 4 });
    expect(first.rules.script).toContain('乙女士');
    expect(first.rules.script).toContain('dl.agent 测试');
    expect(first.claimExpiresAt).toBe(t.clock.now() + DIALER_LEASE_MS);
    // The overdue one is done (its outcome saved): the next is today's.
    ok(await call(t.core, agent.token, 'workbench.outcome', { taskId: tOverdue, expectedVersion: first.row.version, outcome: 'done', note: '已预约' }));
    expect((await card()).row.id).toBe(tToday);
    const o = ok<DialerOverview>(await call(t.core, agent.token, 'dialer.overview', {}));
    expect([o.open, o.callingHours, o.queues.find((q) => q.queue === 'regular_service')!.due, o.queues.find((q) => q.queue === 'first_service')!.due]).toEqual([true, '09:00-20:00', 1, 1]);
  });

  it('within a due day the more urgent task first (任务分配’s 设优先级), an earlier day still before it', async () => {
    const today = new Date(t.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
    const yesterday = new Date(t.clock.now() - 16 * HOUR).toISOString().slice(0, 10);
    const older = task(customer('普通客户'), today);
    const high = task(customer('优先客户'), today);
    const urgent = task(customer('紧急客户'), today);
    const overdue = task(customer('逾期客户'), yesterday);
    const prioritize = async (id: number, priority: 0 | 1 | 2) => ok(await call(t.core, manager.token, 'taskPool.prioritize', { selection: { ids: [id] }, priority }));
    await prioritize(high, 1);
    await prioritize(urgent, 2);
    const order: number[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await card();
      expect(c.row.priority).toBe(c.row.id === urgent ? 2 : c.row.id === high ? 1 : 0);
      order.push(c.row.id);
      ok(await call(t.core, agent.token, 'workbench.outcome', { taskId: c.row.id, expectedVersion: c.row.version, outcome: 'done', note: '已联系' }));
    }
    expect(order).toEqual([overdue, urgent, high, older]);
  });

  it('招揽 is a queue of its own: the agent’s 招揽任务 whose window has started, by the window’s end', async () => {
    const x = customer('招揽客户');
    const y = customer('晚窗客户');
    const ins = t.core.sqlite.prepare(
      "INSERT INTO solicitation_tasks (natural_key, kind, customer_id, window_start, window_end, status, assignee_id, created_at, updated_at) VALUES (?, 'regular_service', ?, ?, ?, 'assigned', ?, 0, 0)",
    );
    ins.run(`dl-${x}`, x, '2026-11-01', '2027-01-31', agent.userId);
    const early = Number(ins.run(`dl-${y}`, y, '2026-11-01', '2026-12-31', agent.userId).lastInsertRowid);
    ins.run(`dl-${y}-later`, y, '2027-06-01', '2027-06-30', agent.userId);
    const c = await card(agent.token, 'solicitation');
    expect([c.row.source, c.row.id, c.queue]).toEqual(['solicitation', early, 'solicitation']);
    t.core.sqlite.prepare("UPDATE solicitation_tasks SET status = 'failed' WHERE natural_key LIKE 'dl-%'").run();
  });

  it('only a 就绪 agent gets a task, and only within the calling hours — across midnight too', async () => {
    const today = new Date(t.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
    task(customer('时段客户'), today);
    await card(); // held now
    ok(await call(t.core, agent.token, 'callCenter.state.set', { state: 'busy', reason: 'break' }));
    expect(await next()).toEqual({ card: null, why: 'notReady' });
    expect(t.core.sqlite.prepare('SELECT count(*) AS n FROM dialer_claims').get()).toEqual({ n: 0 }); // 示忙 let it go
    await later(11 * HOUR); // 20:00 in Shanghai
    expect(await next()).toEqual({ card: null, why: 'outsideHours', opensAt: '09:00' });
    t.core.settings.set('callCenter.callingHours', '20:00-02:00');
    try {
      expect((await next()).card).not.toBeNull(); // 20:00
      await later(5 * HOUR + 59 * 60_000); // 01:59 the next day
      expect((await next()).card).not.toBeNull();
      t.clock.advance(60_000); // 02:00
      expect(await next()).toMatchObject({ card: null, why: 'outsideHours', opensAt: '20:00' });
    } finally {
      t.core.settings.set('callCenter.callingHours', '09:00-20:00');
    }
  });

  it('never dials a 免打扰 customer or one who withdrew consent', async () => {
    const today = new Date(t.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
    task(customer('免打扰', { dnd: true }), today);
    task(customer('已撤回同意', { withdrawn: true }), today);
    expect(await next()).toEqual({ card: null, why: 'empty', waiting: 2 });
  });

  it('未接通: back after the retry wait, out of the queue after max attempts; 跳过 waits too but is not counted', async () => {
    const today = new Date(t.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
    const one = task(customer('未接客户'), today);
    const two = task(customer('第二位'), today);
    let c = await card();
    expect(c.row.id).toBe(one);
    await dial(c, 'noAnswer');
    const attempts = () => t.core.sqlite.prepare('SELECT result, reason FROM dialer_attempts WHERE source = ? AND task_id = ? ORDER BY id').all('task', one);
    expect(attempts()).toEqual([{ result: 'noAnswer', reason: null }]);
    await ready();
    c = await card();
    expect(c.row.id).toBe(two);
    // 跳过 the second with a reason: nothing left now.
    expect(ok<DialerNext>(await call(t.core, agent.token, 'dialer.skip', { source: 'task', taskId: two, reason: 'notNow', note: '客户在开会' }))).toEqual({ card: null, why: 'empty', waiting: 2 });
    await later(4 * HOUR + 1);
    c = await card();
    expect([c.row.id, c.attempts.map((a) => a.result)]).toEqual([one, ['noAnswer']]);
    await dial(c, 'busy');
    await ready();
    // The skipped one is back (a skip is no attempt against the max) …
    c = await card();
    expect(c.row.id).toBe(two);
    ok(await call(t.core, agent.token, 'dialer.skip', { source: 'task', taskId: two, reason: 'wrongNumber', note: '' }));
    await later(4 * HOUR + 1);
    c = await card();
    expect(c.row.id).toBe(one);
    await dial(c, 'failed'); // the third unreached call
    await ready();
    expect((await card()).row.id).toBe(two);
    await later(24 * HOUR);
    // A day later: the first has had its 3 attempts and stays out; the second is still offered.
    expect((await card()).row.id).toBe(two);
    expect(attempts().map((a) => (a as { result: string }).result)).toEqual(['noAnswer', 'busy', 'failed']);
  });

  it('skips a customer another agent called today (until tomorrow), but not one the agent called themself', async () => {
    const today = new Date(t.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
    const cu = customer('已被同事联系');
    const mine = task(cu, today);
    const theirs = ok<{ callId: number }>(await call(t.core, other.token, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13900001111', customerId: cu }));
    ok(await call(t.core, other.token, 'telephony.call.end', { callId: theirs.callId, reason: 'noAnswer' }));
    expect(await next()).toMatchObject({ card: null, why: 'empty' });
    // The agent's own call to the customer does not hold the task back (only the retry wait does).
    await later(24 * HOUR);
    expect((await card()).row.id).toBe(mine);
  });

  it('the queue’s own wrap-up time follows its calls', async () => {
    const rules = ok<DialerRules[]>(await call(t.core, manager.token, 'dialer.rules', {})).find((r) => r.queue === 'regular_service')!;
    ok(await call(t.core, manager.token, 'dialer.rules.save', { ...rules, wrapUpSeconds: 5, previewSeconds: null }));
    try {
      const today = new Date(t.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
      task(customer('话后客户'), today);
      const c = await card();
      expect(c.rules.previewSeconds).toBeNull();
      await dial(c, 'answered');
      expect(ok<AgentStateView>(await call(t.core, agent.token, 'callCenter.state.get', {}))).toMatchObject({ state: 'wrapUp', wrapUpUntil: t.clock.now() + 5_000 });
      const audit = t.core.sqlite.prepare("SELECT user_id AS userId, entity_id AS queue FROM audit_log WHERE entity = 'dialer_queue' ORDER BY id DESC LIMIT 1").get();
      expect(audit).toEqual({ userId: manager.userId, queue: 'regular_service' });
      expect((await call(t.core, agent.token, 'dialer.rules.save', { ...rules })).ok).toBe(false);
    } finally {
      ok(await call(t.core, manager.token, 'dialer.rules.save', { ...rules }));
    }
  });
});

describe('作业模式: claims', () => {
  it('two seats of one agent work two tasks; a crashed seat’s claim runs out, a logged-out one’s is free at once', async () => {
    const today = new Date(t.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
    const one = task(customer('第一'), today);
    const two = task(customer('第二'), today);
    const second = (await t.core.auth.login('dl.agent', GOOD_PASSWORD)).token;
    const a = await card(agent.token);
    const b = await card(second);
    expect([a.row.id, b.row.id]).toEqual([one, two]);
    // Seat A goes quiet (crashed): the claim holds until the lease runs out, renewed ones keep theirs.
    t.clock.advance(DIALER_LEASE_MS - 1000);
    expect(ok<{ expiresAt: number }>(await call(t.core, second, 'dialer.renew', {})).expiresAt).toBe(t.clock.now() + DIALER_LEASE_MS);
    expect(await next(second)).toMatchObject({ card: { row: { id: two } } }); // B gets its own again, not A's
    t.clock.advance(2000);
    ok(await call(t.core, second, 'dialer.stop', {}));
    expect((await card(second)).row.id).toBe(one); // A's ran out
    // Logging out gives the task back at once.
    ok(await call(t.core, second, 'auth.logout', {}));
    expect((await card(agent.token)).row.id).toBe(one);
  });

  it('two seats asking at once, 1,000 times, never get the same task or the same customer', async () => {
    const today = new Date(t.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
    // Each agent has a task for the same three customers: the claims must keep them apart.
    const shared = [customer('共享一'), customer('共享二'), customer('共享三')];
    const yesterday = new Date(t.clock.now() - 16 * HOUR).toISOString().slice(0, 10);
    for (const cu of shared) {
      task(cu, today, agent.userId);
      task(cu, yesterday, other.userId); // (a task's natural key is its kind, customer and day)
    }
    const second = (await t.core.auth.login('dl.agent', GOOD_PASSWORD)).token;
    await ready();
    for (let i = 0; i < 1000; i++) {
      const seats = i % 2 === 0 ? [agent.token, second] : [agent.token, other.token];
      const got = await Promise.all(seats.map((s) => next(s)));
      const cards = got.map((g) => g.card).filter((c): c is DialerCard => c !== null);
      expect(cards).toHaveLength(2);
      expect(new Set(cards.map((c) => c.row.id)).size).toBe(2);
      expect(new Set(cards.map((c) => c.customer.id)).size).toBe(2);
      t.clock.advance(1000);
    }
    const held = t.core.sqlite.prepare('SELECT customer_id AS c, count(*) AS n FROM dialer_claims WHERE expires_at > ? GROUP BY customer_id HAVING n > 1').all(t.clock.now());
    expect(held).toEqual([]);
  }, 60_000);
});
