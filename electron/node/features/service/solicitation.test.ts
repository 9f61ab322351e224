import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import type { SolicitationRates } from '../../../common/api/solicitation';

type Fail = { ok: false; error: { code: string; details?: { fields?: { field: string; message: string }[] } } };
type Ok<T> = { ok: true; value: T };

let t: TestCore;
let tok: Record<string, string>;
let uid: Record<string, number>;
const veh: { c: number; v: number }[] = [];

// 2026-11-30 10:00 Shanghai.
const NOW = Date.parse('2026-11-30T02:00:00Z');

beforeAll(async () => {
  t = await makeCore();
  t.clock.set(NOW);
  ({ tok, uid } = await usersWithSessions(t.core, [
    ['mgr', 'serviceManager'],
    ['a1', 'serviceAgent'],
    ['a2', 'serviceAgent'],
  ]));
  const c = t.core.sqlite.prepare('INSERT INTO customers (name, dnd_call, created_at, updated_at) VALUES (?, ?, 0, 0)');
  const v = t.core.sqlite.prepare("INSERT INTO vehicles (customer_id, vin, model, plate, next_service_date, created_at, updated_at) VALUES (?, ?, 'sagitar', ?, ?, 0, 0)");
  // five due in December, the fifth DND; one due in January (outside the range)
  const due = ['2026-12-10', '2026-12-10', '2026-12-15', '2026-12-20', '2026-12-20', '2027-01-20'];
  due.forEach((d, i) => {
    const cid = Number(c.run(`客户${i}`, i === 4 ? 1 : 0).lastInsertRowid);
    veh.push({ c: cid, v: Number(v.run(cid, `LFV2A21K0A300000${i}`, `粤B1000${i}`, d).lastInsertRowid) });
  });
});
afterAll(() => t.cleanup());

const visit = (i: number, date: string) =>
  t.core.sqlite
    .prepare("INSERT INTO service_visits (vehicle_id, customer_id, ro_number, date, type, created_at) VALUES (?, ?, ?, ?, 'regular_service', 0)")
    .run(veh[i]!.v, veh[i]!.c, `RO-${i}-${date}`, date);
const status = () => t.core.sqlite.prepare('SELECT vehicle_id AS v, status, assignee_id AS a FROM solicitation_tasks ORDER BY id').all() as { v: number; status: string; a: number | null }[];
const taskOf = (i: number) => t.core.sqlite.prepare('SELECT id FROM solicitation_tasks WHERE vehicle_id = ?').pluck().get(veh[i]!.v) as number;

describe('solicitation tasks', () => {
  it('generates one task per due vehicle from the regular-service list, DND left out and counted, twice = once', async () => {
    const r = (await call(t.core, tok.mgr!, 'solicitation.generate', { from: '2026-12-01', to: '2026-12-31', windowDays: 5 })) as Ok<{ created: number; existing: number; dndExcluded: number }>;
    expect(r.value).toMatchObject({ created: 4, existing: 0, dndExcluded: 1 });
    const again = (await call(t.core, tok.mgr!, 'solicitation.generate', { from: '2026-12-01', to: '2026-12-31', windowDays: 5 })) as Ok<{ created: number }>;
    expect(again.value).toMatchObject({ created: 0, existing: 4 });
    expect(t.core.sqlite.prepare('SELECT window_start AS s, window_end AS e FROM solicitation_tasks WHERE vehicle_id = ?').get(veh[0]!.v)).toEqual({ s: '2026-12-05', e: '2026-12-15' });
    // an agent may not generate
    expect(((await call(t.core, tok.a1!, 'solicitation.generate', { from: '2026-12-01', to: '2026-12-31' })) as Fail).error.code).toBe('FORBIDDEN');
  });

  it('with every task unassigned the audit fails at 招揽率 0', async () => {
    const r = (await call(t.core, tok.mgr!, 'solicitation.rates', {})) as Ok<SolicitationRates>;
    expect(r.value.overall).toMatchObject({ total: 4, unassigned: 4, solicitationRate: 0, successRate: 0, passes: false });
    expect(r.value.pulling).toHaveLength(4);
    expect(r.value.from).toBe('2026-05-30');
  });

  it('assignment, the agent’s moves, and refused moves', async () => {
    expect(await call(t.core, tok.mgr!, 'solicitation.assign', { ids: [taskOf(0), taskOf(1), taskOf(2)], agentId: uid.a1 })).toMatchObject({ ok: true, value: { updated: 3 } });
    expect(await call(t.core, tok.mgr!, 'solicitation.assign', { ids: [taskOf(3)], agentId: uid.a2 })).toMatchObject({ ok: true, value: { updated: 1 } });
    // assigning to a manager is refused
    expect(((await call(t.core, tok.mgr!, 'solicitation.assign', { ids: [taskOf(3)], agentId: uid.mgr })) as Fail).error.code).toBe('INVALID_INPUT');
    // a2 cannot touch a1's task: not found for them
    expect(((await call(t.core, tok.a2!, 'solicitation.setState', { id: taskOf(0), state: 'in_progress' })) as Fail).error.code).toBe('NOT_FOUND');
    expect(await call(t.core, tok.a1!, 'solicitation.setState', { id: taskOf(0), state: 'in_progress' })).toMatchObject({ ok: true });
    expect(await call(t.core, tok.a1!, 'solicitation.setState', { id: taskOf(1), state: 'in_progress' })).toMatchObject({ ok: true });
    // failed needs a reason; assigned → failed is not a move
    const noReason = (await call(t.core, tok.a1!, 'solicitation.setState', { id: taskOf(1), state: 'failed' })) as Fail;
    expect(noReason.error.details?.fields?.[0]?.field).toBe('failReason');
    // the reason comes from the dictionary 招揽失败原因, not free text
    const freeText = (await call(t.core, tok.a1!, 'solicitation.setState', { id: taskOf(1), state: 'failed', failReason: '已去外地' })) as Fail;
    expect(freeText.error.details?.fields?.[0]).toMatchObject({ field: 'failReason', message: '请从列表中选择失败原因' });
    expect(((await call(t.core, tok.a1!, 'solicitation.setState', { id: taskOf(2), state: 'failed', failReason: 'moved' })) as Fail).error.code).toBe('INVALID_INPUT');
    expect(await call(t.core, tok.a1!, 'solicitation.setState', { id: taskOf(1), state: 'failed', failReason: 'moved' })).toMatchObject({ ok: true });
    // success cannot be ticked by hand
    expect(((await call(t.core, tok.a1!, 'solicitation.setState', { id: taskOf(0), state: 'succeeded' })) as Fail).error.code).toBe('INVALID_INPUT');
    expect(status().map((s) => s.status)).toEqual(['in_progress', 'failed', 'assigned', 'assigned']);
  });

  it.each([
    ['a visit a day before the window', 0, '2026-12-04', 'in_progress'],
    ['a visit a day after the window', 0, '2026-12-16', 'in_progress'],
    ['a visit on the window’s last day', 0, '2026-12-15', 'succeeded'],
    ['a visit inside the window of a failed task', 1, '2026-12-08', 'succeeded'],
  ])('success detection: %s', async (_n, i, date, want) => {
    visit(i, date);
    await call(t.core, tok.a1!, 'solicitation.detectSuccess', {});
    expect(t.core.sqlite.prepare('SELECT status FROM solicitation_tasks WHERE id = ?').pluck().get(taskOf(i))).toBe(want);
  });

  it('rates per agent and overall, with the tasks that pull the rate down', async () => {
    const r = ((await call(t.core, tok.mgr!, 'solicitation.rates', {})) as Ok<SolicitationRates>).value;
    expect(r.overall).toMatchObject({ total: 4, unassigned: 0, assigned: 2, succeeded: 2, solicitationRate: 0.5, successRate: 0.5, passes: false });
    expect(r.perAgent.map((a) => [a.agentId, a.total, a.solicitationRate, a.successRate])).toEqual([
      [uid.a1, 3, 2 / 3, 2 / 3],
      [uid.a2, 1, 0, 0],
    ]);
    expect(r.pulling.map((p) => p.id).sort()).toEqual([taskOf(2), taskOf(3)].sort());
    // the grid's 'pulling' preset (the screen's list and the audit export) holds the same tasks
    const grid = (await call(t.core, tok.mgr!, 'grid.query', { dataset: 'solicitationTasks', scope: 'all', filter: { columns: [], preset: 'pulling' }, columns: ['id', 'status', 'assigneeName'], withTotal: true })) as Ok<{ total?: number; rows: { id: number }[] }>;
    expect(grid.value.total).toBe(2);
    expect(grid.value.rows.map((x) => x.id).sort()).toEqual([taskOf(2), taskOf(3)].sort());
    // an agent's 'mine' is their own tasks
    const mine = (await call(t.core, tok.a2!, 'grid.query', { dataset: 'solicitationTasks', scope: 'mine', columns: ['id'], withTotal: true })) as Ok<{ total?: number }>;
    expect(mine.value.total).toBe(1);
    // the agents take up their tasks: the audit passes
    await call(t.core, tok.a1!, 'solicitation.setState', { id: taskOf(2), state: 'in_progress' });
    await call(t.core, tok.a2!, 'solicitation.setState', { id: taskOf(3), state: 'in_progress' });
    const after = ((await call(t.core, tok.mgr!, 'solicitation.rates', {})) as Ok<SolicitationRates>).value;
    expect(after.overall).toMatchObject({ solicitationRate: 1, passes: true });
    expect(after.pulling).toEqual([]);
  });

  it('the audit export: six months of regular-service tasks as .xlsx with the audit’s columns', async () => {
    const r = (await call(t.core, tok.mgr!, 'grid.export', {
      dataset: 'solicitationTasks',
      scope: 'all',
      filter: { columns: [], preset: 'auditPeriod' },
      columns: ['customerName', 'phone', 'kind', 'createdAt', 'status'],
      exportId: 'audit-test-1',
    })) as Ok<{ rows: number; base64: string }>;
    expect(r.value.rows).toBe(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.value.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['客户姓名', '联系电话', '任务类型', '任务生成日期', '招揽状态']);
    expect(ws.rowCount).toBe(5);
  });

  it('招揽成功 from the agent’s form is accepted only with a visit in the window, and links the visit', async () => {
    // task 3 (a2's, window 2026-12-15 … 2026-12-25)
    const none = (await call(t.core, tok.a2!, 'solicitation.confirmSuccess', { id: taskOf(3) })) as Fail;
    expect(none.error.details?.fields?.[0]?.message).toContain('2026-12-15 至 2026-12-25 内没有该车进厂记录');
    expect(((await call(t.core, tok.a1!, 'solicitation.confirmSuccess', { id: taskOf(3) })) as Fail).error.code).toBe('NOT_FOUND');
    const v = Number(visit(3, '2026-12-25').lastInsertRowid);
    expect(await call(t.core, tok.a2!, 'solicitation.confirmSuccess', { id: taskOf(3) })).toMatchObject({ ok: true, value: { status: 'succeeded' } });
    expect(t.core.sqlite.prepare('SELECT success_visit_id FROM solicitation_tasks WHERE id = ?').pluck().get(taskOf(3))).toBe(v);
  });

  it('the task list shows the failure reason by its dictionary label', async () => {
    const cols = (await call(t.core, tok.mgr!, 'grid.columns', { dataset: 'solicitationTasks' })) as Ok<{ columns: { id: string; enumValues?: { value: string; zh: string }[] }[] }>;
    expect(cols.value.columns.find((c) => c.id === 'failReason')?.enumValues).toContainEqual(expect.objectContaining({ value: 'moved', zh: '搬迁外地' }));
  });

  it('every change is audited', () => {
    const n = t.core.sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'solicitation_task'").pluck().get() as number;
    expect(n).toBeGreaterThanOrEqual(4 + 4 + 4);
  });
});
