import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { createTasks } from './tasks';
import { spreadEvenly } from './task-pool';

type Assign = { perAgent: { agentId: number; name: string; assigned: number }[]; assigned: number; skippedClosed: number };

describe('任务分配 (task pool)', () => {
  let t: TestCore;
  let u: Awaited<ReturnType<typeof usersWithSessions>>;
  let customers: number[];
  const assignees = () => t.core.sqlite.prepare('SELECT assignee_id AS a, count(*) AS n FROM tasks GROUP BY assignee_id ORDER BY assignee_id').all();
  const unassignedQuery = { dataset: 'serviceTasks', scope: 'all', filter: { preset: 'unassigned' } };

  beforeAll(async () => {
    t = await makeCore();
    t.clock.set(Date.UTC(2026, 10, 30, 2, 0));
    u = await usersWithSessions(t.core, [
      ['agent1', 'serviceAgent'],
      ['agent2', 'serviceAgent'],
      ['agent3', 'serviceAgent'],
      ['csm', 'serviceManager'],
      ['sales', 'salesConsultant'],
    ]);
    const ins = t.core.sqlite.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, 0, 0)');
    customers = Array.from({ length: 7 }, (_, i) => Number(ins.run(`客户${i}`).lastInsertRowid));
  });
  afterAll(() => t.cleanup());

  it('spreads tasks over agents in turn: equal shares ±1, earliest due first to the first agent', () => {
    const shares = spreadEvenly(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'], [10, 20, 30]);
    expect([...shares.entries()]).toEqual([
      [10, ['d1', 'd4', 'd7']],
      [20, ['d2', 'd5']],
      [30, ['d3', 'd6']],
    ]);
    expect([...spreadEvenly([], [1, 2]).values()]).toEqual([[], []]);
  });

  it('hands all unassigned tasks matching the grid evenly to the chosen agents, audited per task', async () => {
    // The night's generated tasks wait unassigned; one is already someone's and one is closed.
    createTasks(t.core, null, customers.map((c, i) => ({ kind: 'birthday' as const, customerId: c, dueDate: `2026-12-0${1 + (i % 3)}`, reason: '生日关怀' })));
    createTasks(t.core, null, [{ kind: 'regular_service', customerId: customers[0]!, dueDate: '2026-12-01', assigneeId: u.uid.agent3 }]);
    t.core.sqlite.prepare("UPDATE tasks SET status = 'done' WHERE id = (SELECT max(id) FROM tasks WHERE kind = 'birthday')").run();

    const count = (await call(t.core, u.tok.csm!, 'grid.count', unassignedQuery)) as { ok: true; value: { count: number } };
    expect(count.value.count).toBe(6);
    const r = (await call(t.core, u.tok.csm!, 'taskPool.assign', { selection: { query: unassignedQuery, expectedCount: 6 }, agentIds: [u.uid.agent1, u.uid.agent2] })) as { ok: true; value: Assign };
    expect(r.value.assigned).toBe(6);
    expect(r.value.perAgent.map((p) => [p.agentId, p.assigned])).toEqual([
      [u.uid.agent1, 3],
      [u.uid.agent2, 3],
    ]);
    expect(assignees()).toEqual(
      [
        { a: null, n: 1 }, // the closed one stays where it was
        { a: u.uid.agent1, n: 3 },
        { a: u.uid.agent2, n: 3 },
        { a: u.uid.agent3, n: 1 },
      ].sort((x, y) => (x.a ?? 0) - (y.a ?? 0)),
    );
    const audited = t.core.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'assign' AND entity = 'task'").pluck().get();
    expect(audited).toBe(6);
    // Nothing is left in the pool; the agents' workbenches now hold the tasks due up to their day.
    expect(((await call(t.core, u.tok.csm!, 'grid.count', unassignedQuery)) as { value: { count: number } }).value.count).toBe(0);
  });

  it('refuses a selection that changed since it was counted, and changes nothing', async () => {
    createTasks(t.core, null, [{ kind: 'churn', customerId: customers[1]!, dueDate: '2026-12-05' }]);
    const before = assignees();
    const r = await call(t.core, u.tok.csm!, 'taskPool.assign', { selection: { query: unassignedQuery, expectedCount: 2 }, agentIds: [u.uid.agent1] });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(assignees()).toEqual(before);
  });

  it('ticked ids: closed ones are skipped and counted; a non-agent or a non-manager is refused', async () => {
    const ids = t.core.sqlite.prepare("SELECT id FROM tasks WHERE kind IN ('churn', 'birthday') AND (assignee_id IS NULL) ORDER BY id").pluck().all() as number[];
    const r = (await call(t.core, u.tok.csm!, 'taskPool.assign', { selection: { ids }, agentIds: [u.uid.agent3] })) as { ok: true; value: Assign };
    expect(r.value).toMatchObject({ assigned: 1, skippedClosed: 1 });
    expect(await call(t.core, u.tok.csm!, 'taskPool.assign', { selection: { ids }, agentIds: [u.uid.sales] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { fields: [{ field: 'agentIds', message: '只能分配给在职的客服顾问' }] } },
    });
    expect(await call(t.core, u.tok.agent1!, 'taskPool.assign', { selection: { ids }, agentIds: [u.uid.agent1] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.core, u.tok.csm!, 'taskPool.assign', { selection: { query: { ...unassignedQuery, dataset: 'customers' }, expectedCount: 1 }, agentIds: [u.uid.agent1] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('设优先级: the grid’s tasks get a priority, closed ones skipped, audited per task; the agents hear of it; an agent is refused', async () => {
    const events: { target: unknown; payload: unknown }[] = [];
    const off = t.core.events.subscribe((e) => e.event === 'tasks.reassigned' && events.push({ target: e.target, payload: e.payload }));
    const agent1Open = { dataset: 'serviceTasks', scope: 'all', filter: { columns: [{ join: 'and', conditions: [{ col: 'assigneeName', op: 'equals', value: 'agent1 测试' }] }] } };
    const countOf = async (query: unknown) => ((await call(t.core, u.tok.csm!, 'grid.count', query)) as { value: { count: number } }).value.count;
    const n = await countOf(agent1Open);
    expect(n).toBe(3);
    const versions = () => t.core.sqlite.prepare('SELECT id, priority, version FROM tasks WHERE assignee_id = ? ORDER BY id').all(u.uid.agent1) as { id: number; priority: number; version: number }[];
    const before = versions();
    const r = await call(t.core, u.tok.csm!, 'taskPool.prioritize', { selection: { query: agent1Open, expectedCount: n }, priority: 2 });
    expect(r).toMatchObject({ ok: true, value: { changed: 3, skippedClosed: 0 } });
    expect(versions()).toEqual(before.map((b) => ({ id: b.id, priority: 2, version: b.version + 1 })));
    expect(t.core.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'update' AND entity = 'task' AND after = '{\"priority\":2}'").pluck().get()).toBe(3);
    expect(events).toEqual([{ target: { userId: u.uid.agent1 }, payload: { gained: 0, lost: 0, reprioritized: 3 } }]);
    // The grid filters by it (a manager's 紧急 list).
    expect(await countOf({ dataset: 'serviceTasks', scope: 'all', filter: { columns: [{ join: 'and', conditions: [{ col: 'priority', op: 'in', values: ['2'] }] }] } })).toBe(3);
    // Again: nothing changes (they are 紧急 already); a closed task is skipped.
    const closed = t.core.sqlite.prepare("SELECT id FROM tasks WHERE status = 'done'").pluck().get() as number;
    expect(await call(t.core, u.tok.csm!, 'taskPool.prioritize', { selection: { ids: [...before.map((b) => b.id), closed] }, priority: 2 })).toMatchObject({ ok: true, value: { changed: 0, skippedClosed: 1 } });
    expect(t.core.sqlite.prepare('SELECT priority FROM tasks WHERE id = ?').pluck().get(closed)).toBe(0);
    expect(await call(t.core, u.tok.agent1!, 'taskPool.prioritize', { selection: { ids: [before[0]!.id] }, priority: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.core, u.tok.csm!, 'taskPool.prioritize', { selection: { ids: [before[0]!.id] }, priority: 3 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    off();
  });
});
