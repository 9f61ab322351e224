/**
 * Tasks changing hands push 'tasks.reassigned' to the agents concerned (issue 15: a task handed out
 * in 任务分配 appears on the agent's 客服工作台 at once, on whichever seat they work): after the
 * transaction, to the agents who gained or lost tasks, never for a refused assignment.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../events';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { createTasks } from './tasks';

describe('tasks.reassigned events', () => {
  let t: TestCore;
  let u: Awaited<ReturnType<typeof usersWithSessions>>;
  let seen: EventEnvelope[];
  let customers: number[];

  beforeAll(async () => {
    t = await makeCore();
    t.clock.set(Date.UTC(2026, 10, 30, 2, 0));
    u = await usersWithSessions(t.core, [
      ['agent1', 'serviceAgent'],
      ['agent2', 'serviceAgent'],
      ['csm', 'serviceManager'],
    ]);
    const ins = t.core.sqlite.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, 0, 0)');
    customers = Array.from({ length: 3 }, (_, i) => Number(ins.run(`客户${i}`).lastInsertRowid));
    t.core.events.subscribe((e) => {
      if (e.event === 'tasks.reassigned') seen.push(e);
    });
  });
  beforeEach(() => {
    seen = [];
  });
  afterAll(() => t.cleanup());

  it('任务分配 tells each agent how many tasks they got', async () => {
    createTasks(t.core, null, customers.map((customerId) => ({ kind: 'birthday' as const, customerId, dueDate: '2026-12-01', reason: '生日关怀' })));
    const ids = t.core.sqlite.prepare('SELECT id FROM tasks ORDER BY id').pluck().all() as number[];
    const r = await call(t.core, u.tok.csm!, 'taskPool.assign', { selection: { ids }, agentIds: [u.uid.agent1, u.uid.agent2] });
    expect(r.ok).toBe(true);
    expect(seen.map((e) => [e.target, e.payload])).toEqual([
      [{ userId: u.uid.agent1 }, { gained: 2, lost: 0 }],
      [{ userId: u.uid.agent2 }, { gained: 1, lost: 0 }],
    ]);
  });

  it('moving tasks on the workbench tells both the agent who got them and the one who lost them', async () => {
    const r = await call(t.core, u.tok.csm!, 'workbench.reassign', { fromAgentId: u.uid.agent1, toAgentId: u.uid.agent2 });
    expect(r.ok).toBe(true);
    expect(seen.map((e) => [e.target, e.payload])).toEqual([
      [{ userId: u.uid.agent2 }, { gained: 2, lost: 0 }],
      [{ userId: u.uid.agent1 }, { gained: 0, lost: 2 }],
    ]);
  });

  it('a refused assignment (the list changed since it was counted) tells nobody', async () => {
    const query = { dataset: 'serviceTasks', scope: 'all', filter: { preset: 'unassigned' } };
    createTasks(t.core, null, [{ kind: 'birthday' as const, customerId: customers[0]!, dueDate: '2026-12-01', reason: '生日关怀' }]);
    const r = await call(t.core, u.tok.csm!, 'taskPool.assign', { selection: { query, expectedCount: 5 }, agentIds: [u.uid.agent1] });
    expect(r.ok).toBe(false);
    expect(seen).toEqual([]);
  });
});
