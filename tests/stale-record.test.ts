import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customers, vehicles } from '../db/schema';
import { AuditedWriter } from '../electron/node/features/admin/audited';
import { callValue as call, salesFloor } from './fixtures/sales-floor';
import { makeCore, usersWithSessions, type TestCore } from './support/core';

// Issue 15: two users edit one record. Each loads it, both save: the first save wins, the second is
// refused with STALE_RECORD, the zh-CN message and the record as the form reads it now — and nothing
// of the second save is written. Background writes (reassignment) make a form's copy stale too.

const STALE = { code: 'STALE_RECORD', message: '该记录已被他人修改,请查看最新内容后再保存' };
const DAY = 86_400_000;

describe('optimistic version check on the records users edit', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeCore();
  });
  afterEach(() => t.cleanup());

  const audits = () => t.core.sqlite.prepare('select count(*) from audit_log').pluck().get() as number;
  const row = (table: string, id: number) => t.core.sqlite.prepare(`select * from ${table} where id = ?`).get(id) as Record<string, unknown>;
  /** The refusal of a save, with the error's details (a save that went through fails the test). */
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('the stale save went through');
      },
      (e: { code: string; message: string; details?: { current?: Record<string, unknown> } }) => e,
    );

  it('customers: a consultant and their manager both edit one customer; the manager’s stale save is refused with the current card', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const id = f.customer(f.a1.userId, '张三');
    t.core.sqlite.prepare("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (?, '13800138000', '8613800138000', 'mobile', 1)").run(id);
    const mine = (await call(t.core, f.a1.token, 'customers.get', { id })) as { version: number };
    const his = (await call(t.core, f.mgr.token, 'customers.get', { id })) as { version: number };
    expect(mine.version).toBe(1);
    expect(his.version).toBe(1);

    await call(t.core, f.a1.token, 'customers.update', { id, expectedVersion: mine.version, patch: { city: '广州', address: '天河路 1 号' } });
    const before = row('customers', id);
    const n = audits();
    const e = await refusal(
      call(t.core, f.mgr.token, 'customers.update', { id, expectedVersion: his.version, patch: { name: '张三丰', city: '深圳' }, phones: [{ raw: '13900139000', isPrimary: true }] }),
    );
    expect(e).toMatchObject(STALE);
    expect(e.details!.current).toMatchObject({ id, name: '张三', city: '广州', address: '天河路 1 号', version: 2, phones: [{ raw: '13800138000' }] });
    // Nothing of the refused save: not the name, the city, the phone, nor an audit row.
    expect(row('customers', id)).toEqual(before);
    expect(t.core.sqlite.prepare('select raw from customer_phones where customer_id = ?').pluck().all(id)).toEqual(['13800138000']);
    expect(audits()).toBe(n);

    // Seen the current values, the manager saves on the current version: that goes through.
    await call(t.core, f.mgr.token, 'customers.update', { id, expectedVersion: 2, patch: { name: '张三丰' } });
    expect(row('customers', id)).toMatchObject({ name: '张三丰', city: '广州', version: 3 });
  });

  it('opportunities: a stage move, an edit and an abandon on a stale copy are all refused with the current panel', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const c = f.customer(f.a1.userId, '李四');
    const opp = f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'needs_analysis', price: 120_000 });
    f.activity({ customerId: c, opportunityId: opp, ownerId: f.a1.userId, status: 'planned' });
    const mine = (await call(t.core, f.a1.token, 'opportunities.get', { id: opp })) as { version: number };
    const his = (await call(t.core, f.mgr.token, 'opportunities.get', { id: opp })) as { version: number };

    await call(t.core, f.a1.token, 'opportunities.update', { id: opp, expectedVersion: mine.version, patch: { price: 150_000 } });
    const before = row('opportunities', opp);
    const n = audits();
    const stale = [
      call(t.core, f.mgr.token, 'opportunities.changeStage', { id: opp, expectedVersion: his.version, stage: 'presentation' }),
      call(t.core, f.mgr.token, 'opportunities.update', { id: opp, expectedVersion: his.version, patch: { price: 99_000 } }),
      call(t.core, f.mgr.token, 'opportunities.abandon', { id: opp, expectedVersion: his.version, reason: 'price' }),
    ];
    for (const p of stale) {
      const e = await refusal(p);
      expect(e).toMatchObject(STALE);
      expect(e.details!.current).toMatchObject({ id: opp, stage: 'needs_analysis', status: 'open', price: 150_000, version: 2 });
    }
    expect(row('opportunities', opp)).toEqual(before);
    expect(t.core.sqlite.prepare('select count(*) from stage_history where opportunity_id = ?').pluck().get(opp)).toBe(0);
    expect(audits()).toBe(n);
  });

  it('activities: completing a plan the owner has just moved is refused with the moved plan', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const c = f.customer(f.a1.userId, '王五');
    const opp = f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'presentation' });
    const act = f.activity({ customerId: c, opportunityId: opp, ownerId: f.a1.userId, status: 'planned' });
    const load = async (token: string) => ((await call(t.core, token, 'activities.list', { opportunityId: opp })) as { id: number; version: number }[]).find((a) => a.id === act)!;
    const mine = await load(f.a1.token);
    const his = await load(f.mgr.token);
    const later = t.clock.now() + 3 * DAY;

    await call(t.core, f.a1.token, 'activities.reschedule', { id: act, expectedVersion: mine.version, plannedAt: later });
    const before = row('activities', act);
    const n = audits();
    const next = { type: 'call', plannedAt: t.clock.now() + 5 * DAY, subject: '再次邀约' };
    for (const p of [
      call(t.core, f.mgr.token, 'activities.complete', { id: act, expectedVersion: his.version, result: '客户已到店', next }),
      call(t.core, f.mgr.token, 'activities.cancel', { id: act, expectedVersion: his.version, reason: '重复', next }),
      call(t.core, f.mgr.token, 'activities.reschedule', { id: act, expectedVersion: his.version, plannedAt: later + DAY }),
    ]) {
      const e = await refusal(p);
      expect(e).toMatchObject(STALE);
      expect(e.details!.current).toMatchObject({ id: act, status: 'planned', plannedAt: later, version: 2 });
    }
    expect(row('activities', act)).toEqual(before);
    expect(t.core.sqlite.prepare('select count(*) from activities where opportunity_id = ?').pluck().get(opp)).toBe(1);
    expect(audits()).toBe(n);
  });

  it('complaints: closing a complaint an agent has just edited is refused with the edited complaint', async () => {
    const u = await usersWithSessions(t.core, [
      ['agent1', 'serviceAgent'],
      ['csm', 'serviceManager'],
    ]);
    const customerId = Number(t.core.sqlite.prepare("insert into customers (name, created_at, updated_at) values ('赵六', 0, 0)").run().lastInsertRowid);
    const c = (await call(t.core, u.tok.agent1!, 'complaints.create', { source: 'phone', category: 'repair', customerId, description: '保养后异响', assigneeId: u.uid.agent1 })) as {
      id: number;
      version: number;
    };
    const his = (await call(t.core, u.tok.csm!, 'complaints.get', { id: c.id })) as { version: number };
    expect(his.version).toBe(c.version);

    await call(t.core, u.tok.agent1!, 'complaints.update', { id: c.id, expectedVersion: c.version, description: '保养后右前轮异响,客户要求检查' });
    const before = row('complaints', c.id);
    const n = audits();
    for (const p of [
      call(t.core, u.tok.csm!, 'complaints.close', { id: c.id, expectedVersion: his.version, result: '已解释,客户接受' }),
      call(t.core, u.tok.csm!, 'complaints.update', { id: c.id, expectedVersion: his.version, description: '异响' }),
      call(t.core, u.tok.csm!, 'complaints.handle', { id: c.id, expectedVersion: his.version, note: '已联系客户' }),
    ]) {
      const e = await refusal(p);
      expect(e).toMatchObject(STALE);
      expect(e.details!.current).toMatchObject({ id: c.id, status: 'assigned', description: '保养后右前轮异响,客户要求检查', version: c.version + 1 });
    }
    expect(row('complaints', c.id)).toEqual(before);
    expect(t.core.sqlite.prepare("select count(*) from complaint_history where complaint_id = ? and action in ('close', 'handle')").pluck().get(c.id)).toBe(0);
    expect(audits()).toBe(n);
  });

  it('tasks: an outcome on a workbench row the agent has already moved is refused with the moved task', async () => {
    const u = await usersWithSessions(t.core, [
      ['agent1', 'serviceAgent'],
      ['csm', 'serviceManager'],
    ]);
    const customerId = Number(t.core.sqlite.prepare("insert into customers (name, created_at, updated_at) values ('钱七', 0, 0)").run().lastInsertRowid);
    const today = (await call(t.core, u.tok.agent1!, 'workbench.list', {}) as { today: string }).today;
    const taskId = Number(
      t.core.sqlite
        .prepare("insert into tasks (kind, natural_key, customer_id, due_date, status, assignee_id, created_at, updated_at) values ('insurance', 'k1', ?, ?, 'open', ?, 0, 0)")
        .run(customerId, today, u.uid.agent1).lastInsertRowid,
    );
    const load = async (token: string, input: object) => ((await call(t.core, token, 'workbench.list', input)) as { rows: { id: number; version: number | null }[] }).rows.find((r) => r.id === taskId)!;
    const mine = await load(u.tok.agent1!, {});
    const his = await load(u.tok.csm!, { agentId: u.uid.agent1 });
    expect(mine.version).toBe(1);

    const tomorrow = (await call(t.core, u.tok.agent1!, 'workbench.outcome', { taskId, expectedVersion: mine.version, outcome: 'reschedule', note: '客户出差', dueDate: '2099-01-01' })) as { dueDate: string };
    expect(tomorrow.dueDate).toBe('2099-01-01');
    const before = row('tasks', taskId);
    const n = audits();
    const e = await refusal(call(t.core, u.tok.csm!, 'workbench.outcome', { taskId, expectedVersion: his.version, outcome: 'done', note: '已续保' }));
    expect(e).toMatchObject(STALE);
    expect(e.details!.current).toMatchObject({ id: taskId, status: 'open', dueDate: '2099-01-01', version: 2, customerName: '钱七' });
    expect(row('tasks', taskId)).toEqual(before);
    expect(audits()).toBe(n);
  });

  it('a background reassignment makes an open form’s copy stale: customer, opportunity and plan alike', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const c = f.customer(f.a1.userId, '孙八');
    const opp = f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'presentation' });
    const act = f.activity({ customerId: c, opportunityId: opp, ownerId: f.a1.userId, status: 'planned' });
    const card = (await call(t.core, f.mgr.token, 'customers.get', { id: c })) as { version: number };
    const panel = (await call(t.core, f.mgr.token, 'opportunities.get', { id: opp })) as { version: number };
    const plan = ((await call(t.core, f.mgr.token, 'activities.list', { opportunityId: opp })) as { id: number; version: number }[])[0]!;

    // The reassignment names no version (a background write) and goes through; every record it moved is one version on.
    await call(t.core, f.mgr.token, 'customers.reassign', { selection: { ids: [c] }, toConsultantId: f.a2.userId });
    expect([row('customers', c).version, row('opportunities', opp).version, row('activities', act).version]).toEqual([2, 2, 2]);

    const e1 = await refusal(call(t.core, f.mgr.token, 'customers.update', { id: c, expectedVersion: card.version, patch: { city: '佛山' } }));
    expect(e1).toMatchObject(STALE);
    expect(e1.details!.current).toMatchObject({ ownerId: f.a2.userId, version: 2 });
    const e2 = await refusal(call(t.core, f.mgr.token, 'opportunities.update', { id: opp, expectedVersion: panel.version, patch: { price: 1 } }));
    expect(e2.details!.current).toMatchObject({ consultantId: f.a2.userId, version: 2 });
    const e3 = await refusal(call(t.core, f.mgr.token, 'activities.reschedule', { id: act, expectedVersion: plan.version, plannedAt: t.clock.now() + 2 * DAY }));
    expect(e3.details!.current).toMatchObject({ ownerId: f.a2.userId, version: 2 });
    expect(row('customers', c).city).toBeNull();
  });

  it('a manager handing tasks to another agent makes the first agent’s workbench copy stale', async () => {
    const u = await usersWithSessions(t.core, [
      ['agent1', 'serviceAgent'],
      ['agent2', 'serviceAgent'],
      ['csm', 'serviceManager'],
    ]);
    const customerId = Number(t.core.sqlite.prepare("insert into customers (name, created_at, updated_at) values ('周九', 0, 0)").run().lastInsertRowid);
    const today = ((await call(t.core, u.tok.csm!, 'workbench.list', {})) as { today: string }).today;
    const taskId = Number(
      t.core.sqlite
        .prepare("insert into tasks (kind, natural_key, customer_id, due_date, status, assignee_id, created_at, updated_at) values ('birthday', 'k2', ?, ?, 'open', ?, 0, 0)")
        .run(customerId, today, u.uid.agent1).lastInsertRowid,
    );
    const his = ((await call(t.core, u.tok.csm!, 'workbench.list', { agentId: u.uid.agent1 })) as { rows: { id: number; version: number }[] }).rows[0]!;
    await call(t.core, u.tok.csm!, 'workbench.reassign', { taskIds: [taskId], toAgentId: u.uid.agent2 });
    const e = await refusal(call(t.core, u.tok.csm!, 'workbench.outcome', { taskId, expectedVersion: his.version, outcome: 'failed', note: '空号' }));
    expect(e).toMatchObject(STALE);
    expect(row('tasks', taskId)).toMatchObject({ status: 'open', assignee_id: u.uid.agent2, version: 2 });
  });

  it('the UPDATE itself checks the version: a write racing past the service’s early check still changes nothing', async () => {
    const id = Number(t.core.sqlite.prepare("insert into customers (name, city, created_at, updated_at) values ('吴十', '上海', 0, 0)").run().lastInsertRowid);
    const w = new AuditedWriter(t.core.db, t.core.clock);
    // Another seat's save lands between a form's load (version 1) and its UPDATE.
    t.core.sqlite.prepare('update customers set city = ?, version = version + 1 where id = ?').run('杭州', id);
    const n = audits();
    expect(() => w.update(1, 'customer', customers, id, { city: '南京' }, undefined, { expectedVersion: 1 })).toThrow(expect.objectContaining({ code: 'STALE_RECORD' }));
    expect(row('customers', id)).toMatchObject({ city: '杭州', version: 2 });
    expect(audits()).toBe(n);
    // Without an expected version (a background write) the update applies and still counts up.
    expect(w.update(null, 'customer', customers, id, { city: '南京' })).toMatchObject({ city: '南京', version: 3 });
    // A table without a version column (vehicles) is updated as before.
    const v = Number(t.core.sqlite.prepare("insert into vehicles (customer_id, vin, model, created_at, updated_at) values (?, 'LFV2A21K0TEST0001', 'sagitar', 0, 0)").run(id).lastInsertRowid);
    expect(w.update(null, 'vehicle', vehicles, v, { plate: '粤B12345' })).not.toHaveProperty('version');
  });
});
