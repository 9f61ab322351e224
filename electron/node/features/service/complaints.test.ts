import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call as rawCall, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { currentVersion } from '../../../../tests/support/versions';

/** The call's value, or its error thrown (code, message, details). */
async function call(core: TestCore['core'], token: string, method: string, input: unknown = {}): Promise<unknown> {
  const r = (await rawCall(core, token, method, input)) as { ok: boolean; value?: unknown; error?: unknown };
  if (!r.ok) throw r.error;
  return r.value;
}

describe('complaints (投诉建议) through the API', () => {
  let t: TestCore;
  let u: Awaited<ReturnType<typeof usersWithSessions>>;
  let customerId: number;
  let vehicleId: number;
  beforeEach(async () => {
    t = await makeCore();
    u = await usersWithSessions(t.core, [
      ['agent1', 'serviceAgent'],
      ['agent2', 'serviceAgent'],
      ['csm', 'serviceManager'],
      ['sales', 'salesConsultant'],
    ]);
    customerId = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('王先生', 0, 0)").run().lastInsertRowid);
    vehicleId = Number(t.core.sqlite.prepare("INSERT INTO vehicles (customer_id, vin, model, plate, created_at, updated_at) VALUES (?, 'LFV2A21K0G3000001', 'sagitar', '粤B12345', 0, 0)").run(customerId).lastInsertRowid);
  });
  afterEach(() => t.cleanup());

  const register = (token = u.tok.agent1!, extra: Record<string, unknown> = {}) =>
    call(t.core, token, 'complaints.create', { source: 'phone', category: 'repair', customerId, vehicleId, description: '保养后异响', ...extra }) as Promise<{ id: number; status: string }>;
  const audits = (entity: string) => t.core.sqlite.prepare('select count(*) from audit_log where entity = ?').pluck().get(entity) as number;

  it('registers, assigns, handles and closes; each step is in the history and audited', async () => {
    const c = await register();
    expect(c).toMatchObject({ status: 'open', plate: '粤B12345', customerName: '王先生' });
    await call(t.core, u.tok.csm!, 'complaints.assign', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), assigneeId: u.uid.agent1 });
    await call(t.core, u.tok.agent1!, 'complaints.handle', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), note: '已联系客户,约到店检查' });
    const closed = (await call(t.core, u.tok.agent1!, 'complaints.close', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), result: '更换减震器,客户满意' })) as { status: string; result: string; history: { action: string; note: string }[]; can: { edit: boolean; reopen: boolean } };
    expect(closed).toMatchObject({ status: 'closed', result: '更换减震器,客户满意', can: { edit: false, reopen: false } });
    expect(closed.history.map((h) => h.action)).toEqual(['create', 'assign', 'handle', 'close']);
    expect(audits('complaint')).toBe(4);
    expect(audits('complaint_history')).toBe(4);
    // The customer card's complaints section shows it.
    const card = (await call(t.core, u.tok.agent1!, 'customers.get', { id: customerId })) as { complaints: { items: { status: string }[] } };
    expect(card.complaints!.items).toMatchObject([{ status: 'closed' }]);
  });

  it('refuses to change a closed result, for the agent and the manager alike, and saves nothing', async () => {
    const c = await register();
    await call(t.core, u.tok.agent1!, 'complaints.close', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), result: '已道歉并退还工时费' });
    const before = t.core.sqlite.prepare('select * from complaints where id = ?').get(c.id);
    const auditsBefore = audits('complaint');
    for (const tok of [u.tok.agent1!, u.tok.csm!]) {
      await expect(call(t.core, tok, 'complaints.update', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), result: '改成满意' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('锁定') });
      await expect(call(t.core, tok, 'complaints.close', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), result: '再结一次' })).rejects.toMatchObject({ code: 'CONFLICT' });
    }
    expect(t.core.sqlite.prepare('select * from complaints where id = ?').get(c.id)).toEqual(before);
    expect(audits('complaint')).toBe(auditsBefore);
  });

  it('only a manager reopens, only with a reason; the old result and the reopening both stay in the history', async () => {
    const c = await register();
    await call(t.core, u.tok.agent1!, 'complaints.close', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), result: '客户接受解释' });
    await expect(call(t.core, u.tok.agent1!, 'complaints.reopen', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), reason: '客户又来电' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(t.core, u.tok.csm!, 'complaints.reopen', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), reason: '  ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(t.core.sqlite.prepare('select status from complaints where id = ?').pluck().get(c.id)).toBe('closed');
    const r = (await call(t.core, u.tok.csm!, 'complaints.reopen', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), reason: '客户再次投诉同一问题' })) as { status: string; result: string | null; history: { action: string; note: string }[]; can: { edit: boolean } };
    expect(r).toMatchObject({ status: 'open', result: null, can: { edit: true } });
    expect(r.history.map((h) => [h.action, h.note])).toEqual([
      ['create', '保养后异响'],
      ['close', '客户接受解释'],
      ['reopen', '客户再次投诉同一问题'],
    ]);
    await call(t.core, u.tok.agent1!, 'complaints.close', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), result: '免费返修' });
    const again = (await call(t.core, u.tok.agent1!, 'complaints.get', { id: c.id })) as { history: { action: string }[] };
    expect(again.history.map((h) => h.action)).toEqual(['create', 'close', 'reopen', 'close']);
  });

  it('lists complaints in the grid: mine = assigned to me, all for the desk', async () => {
    await register(u.tok.agent1!, { assigneeId: u.uid.agent1 });
    await register(u.tok.agent1!, { assigneeId: u.uid.agent2, description: '销售承诺未兑现', category: 'sales' });
    const page = async (tok: string, scope: string) =>
      ((await call(t.core, tok, 'grid.query', { dataset: 'complaints', scope, columns: ['id', 'customerName', 'plate', 'category', 'status', 'description', 'assigneeName'], sort: [{ col: 'id', dir: 'desc' }] })) as { rows: Record<string, unknown>[] }).rows;
    expect((await page(u.tok.agent1!, 'mine')).map((r) => r.description)).toEqual(['保养后异响']);
    // newest first (sorted by id descending)
    expect((await page(u.tok.csm!, 'all')).map((r) => [r.description, r.plate, r.status])).toEqual([
      ['销售承诺未兑现', '粤B12345', 'assigned'],
      ['保养后异响', '粤B12345', 'assigned'],
    ]);
  });

  it('keeps agents to their own complaints, checks dictionaries and the vehicle, and shuts out sales', async () => {
    const c = await register(u.tok.agent1!, { assigneeId: u.uid.agent1 });
    await expect(call(t.core, u.tok.agent2!, 'complaints.close', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), result: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call(t.core, u.tok.agent2!, 'complaints.assign', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), assigneeId: u.uid.agent2 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(register(u.tok.agent1!, { source: 'carrier_pigeon' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const otherCustomer = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('李', 0, 0)").run().lastInsertRowid);
    await expect(register(u.tok.agent1!, { customerId: otherCustomer })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(register(u.tok.agent1!, { assigneeId: u.uid.sales })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(register(u.tok.sales!)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(t.core, u.tok.agent1!, 'complaints.close', { id: c.id, expectedVersion: currentVersion(t.core, 'complaints', c.id), result: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
