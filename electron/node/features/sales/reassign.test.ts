import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { callValue as call, salesFloor } from '../../../../tests/fixtures/sales-floor';

describe('reassigning customers (客户资源分配)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeCore();
  });
  afterEach(() => t.cleanup());

  const owner = (id: number) => (t.core.sqlite.prepare('select owner_id as o from customers where id = ?').get(id) as { o: number }).o;
  const oppOwner = (id: number) => (t.core.sqlite.prepare('select consultant_id as o from opportunities where id = ?').get(id) as { o: number }).o;
  const actOwner = (id: number) => (t.core.sqlite.prepare('select owner_id as o from activities where id = ?').get(id) as { o: number }).o;

  it('moves open opportunities and planned activities with the customers, not closed ones or done activities, and audits each customer', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const c1 = f.customer(f.a1.userId, '张三');
    const c2 = f.customer(f.a1.userId, '李四');
    const keep = f.customer(f.a1.userId, '王五');
    const open = f.opp({ customerId: c1, consultantId: f.a1.userId, stage: 'presentation' });
    const won = f.opp({ customerId: c1, consultantId: f.a1.userId, stage: 'delivery', status: 'won' });
    const abandoned = f.opp({ customerId: c2, consultantId: f.a1.userId, stage: 'needs_analysis', status: 'abandoned' });
    const planned = f.activity({ customerId: c1, opportunityId: open, ownerId: f.a1.userId, status: 'planned' });
    const done = f.activity({ customerId: c1, opportunityId: open, ownerId: f.a1.userId, status: 'done' });
    const cancelled = f.activity({ customerId: c2, ownerId: f.a1.userId, status: 'cancelled' });
    const otherPlan = f.activity({ customerId: keep, ownerId: f.a1.userId, status: 'planned' });

    const r = await call(t.core, f.mgr.token, 'customers.reassign', { selection: { ids: [c1, c2] }, toConsultantId: f.a2.userId });
    expect(r).toEqual({ customers: 2, opportunities: 1, activities: 1, toConsultantId: f.a2.userId });
    expect([owner(c1), owner(c2), owner(keep)]).toEqual([f.a2.userId, f.a2.userId, f.a1.userId]);
    expect([oppOwner(open), oppOwner(won), oppOwner(abandoned)]).toEqual([f.a2.userId, f.a1.userId, f.a1.userId]);
    expect([actOwner(planned), actOwner(done), actOwner(cancelled), actOwner(otherPlan)]).toEqual([f.a2.userId, f.a1.userId, f.a1.userId, f.a1.userId]);

    const rows = t.core.sqlite.prepare("select id as rid, entity, entity_id as id, user_id as u, before, after from audit_log where action = 'reassign' order by rid").all() as { rid: number; entity: string; id: string; u: number; before: string | null; after: string }[];
    expect(rows.map((x) => [x.entity, x.u])).toEqual([['reassignment', f.mgr.userId], ['customer', f.mgr.userId], ['customer', f.mgr.userId]]);
    const summary = JSON.parse(rows[0]!.after);
    expect(summary).toMatchObject({ toConsultantId: f.a2.userId, mode: 'ids', customers: 2, opportunities: 1, activities: 1 });
    const perC1 = rows.find((x) => x.id === String(c1))!;
    expect(JSON.parse(perC1.before!)).toEqual({ ownerId: f.a1.userId });
    expect(JSON.parse(perC1.after)).toEqual({ ownerId: f.a2.userId, batch: rows[0]!.rid, opportunityIds: [open], plannedActivities: 1 });
  });

  it('moves all of a leaving consultant’s customers in one step', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const ids = Array.from({ length: 30 }, (_, i) => f.customer(f.a1.userId, `客户${i}`));
    ids.slice(0, 10).forEach((c) => f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'initial_contact' }));
    t.core.sqlite.prepare('update users set active = 0 where id = ?').run(f.a1.userId);
    const r = await call(t.core, f.mgr.token, 'customers.reassign', { fromConsultantId: f.a1.userId, toConsultantId: f.a2.userId });
    expect(r).toMatchObject({ customers: 30, opportunities: 10 });
    expect((t.core.sqlite.prepare('select count(*) as n from customers where owner_id = ?').get(f.a1.userId) as { n: number }).n).toBe(0);
  });

  it('takes "all N matching" of the customers grid, and refuses when the list changed meanwhile', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    f.customer(f.a1.userId, '张一');
    f.customer(f.a1.userId, '张二');
    const li = f.customer(f.a1.userId, '李一');
    const query = { dataset: 'customers', scope: 'team', filter: { columns: [{ join: 'and', conditions: [{ col: 'name', op: 'startsWith', value: '张' }] }] } };
    await expect(call(t.core, f.mgr.token, 'customers.reassign', { selection: { query, expectedCount: 3 }, toConsultantId: f.a2.userId })).rejects.toMatchObject({ code: 'CONFLICT' });
    const r = await call(t.core, f.mgr.token, 'customers.reassign', { selection: { query, expectedCount: 2 }, toConsultantId: f.a2.userId });
    expect(r).toMatchObject({ customers: 2 });
    expect(owner(li)).toBe(f.a1.userId);
  });

  it('needs customers.reassign, an active consultant as target, and keeps a sales manager within their teams', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const a = f.customer(f.a1.userId);
    const b = f.customer(f.b1.userId);
    await expect(call(t.core, f.a1.token, 'customers.reassign', { selection: { ids: [a] }, toConsultantId: f.a2.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Target outside the manager's team, source outside it, or the manager is no consultant.
    await expect(call(t.core, f.mgr.token, 'customers.reassign', { selection: { ids: [a] }, toConsultantId: f.b1.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(t.core, f.mgr.token, 'customers.reassign', { selection: { ids: [b] }, toConsultantId: f.a2.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(t.core, f.mgr.token, 'customers.reassign', { fromConsultantId: f.b1.userId, toConsultantId: f.a2.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(t.core, f.mgr.token, 'customers.reassign', { selection: { ids: [a] }, toConsultantId: f.mgr.userId })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { fields: [{ field: 'toConsultantId' }] } });
    t.core.sqlite.prepare('update users set active = 0 where id = ?').run(f.a2.userId);
    await expect(call(t.core, f.mgr.token, 'customers.reassign', { selection: { ids: [a] }, toConsultantId: f.a2.userId })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    // Nothing moved, nothing audited.
    expect([owner(a), owner(b)]).toEqual([f.a1.userId, f.b1.userId]);
    expect((t.core.sqlite.prepare("select count(*) as n from audit_log where action = 'reassign'").get() as { n: number }).n).toBe(0);
    // The general manager reassigns across teams.
    await expect(call(t.core, f.gm.token, 'customers.reassign', { selection: { ids: [b] }, toConsultantId: f.a1.userId })).resolves.toMatchObject({ customers: 1 });
    expect(owner(b)).toBe(f.a1.userId);
  });

  it('refuses an unknown customer id without moving the others', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const a = f.customer(f.a1.userId);
    await expect(call(t.core, f.gm.token, 'customers.reassign', { selection: { ids: [a, 999_999] }, toConsultantId: f.a2.userId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(owner(a)).toBe(f.a1.userId);
  });

  it('moves 10,500 customers matching a grid filter in one call: one summary row and one audit row per customer', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const db = t.core.sqlite;
    const now = t.clock.now();
    const ins = db.prepare("insert into customers (name, owner_id, city, created_at, updated_at) values (?, ?, '长春', ?, ?)");
    const opp = db.prepare("insert into opportunities (customer_id, consultant_id, source, stage, status, last_stage_change_at, created_at, updated_at) values (?, ?, 'phone', 'needs_analysis', 'open', ?, ?, ?)");
    db.transaction(() => {
      for (let i = 0; i < 10_500; i++) {
        const id = Number(ins.run(`批量${i}`, f.a1.userId, now, now).lastInsertRowid);
        if (i % 3 === 0) opp.run(id, f.a1.userId, now, now, now);
      }
      db.prepare("insert into customers (name, owner_id, city, created_at, updated_at) values ('别的城市', ?, '吉林', ?, ?)").run(f.a1.userId, now, now);
    })();
    const query = { dataset: 'customers', scope: 'all', filter: { columns: [{ join: 'and', conditions: [{ col: 'city', op: 'equals', value: '长春' }] }] } };
    const r = await call(t.core, f.gm.token, 'customers.reassign', { selection: { query, expectedCount: 10_500 }, toConsultantId: f.a2.userId });
    expect(r).toMatchObject({ customers: 10_500, opportunities: 3_500 });
    expect(db.prepare('select count(*) from customers where owner_id = ?').pluck().get(f.a1.userId)).toBe(1);
    expect(db.prepare("select count(*) from opportunities where consultant_id = ? and status = 'open'").pluck().get(f.a2.userId)).toBe(3_500);
    expect(db.prepare("select entity, count(*) as n from audit_log where action = 'reassign' group by entity order by entity").all()).toEqual([
      { entity: 'customer', n: 10_500 },
      { entity: 'reassignment', n: 1 },
    ]);
  });

  it('offers a sales manager their own teams only: active consultants as targets, leavers too as sources', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    t.core.sqlite.prepare('update users set active = 0 where id = ?').run(f.a1.userId);
    const names = (r: unknown) => (r as { name: string }[]).map((x) => x.name).sort();
    expect(names(await call(t.core, f.mgr.token, 'sales.consultants', { purpose: 'reassign' }))).toEqual(['a2 测试']);
    expect(names(await call(t.core, f.mgr.token, 'sales.consultants', { purpose: 'reassignFrom' }))).toEqual(['a1 测试', 'a2 测试']);
    expect(names(await call(t.core, f.mgr.token, 'sales.consultants', { purpose: 'funnel', scope: 'team' }))).toEqual(['a1 测试', 'a2 测试']);
    expect(names(await call(t.core, f.gm.token, 'sales.consultants', { purpose: 'reassign' }))).toEqual(['a2 测试', 'b1 测试']);
    expect(await call(t.core, f.a2.token, 'sales.consultants', { purpose: 'reassign' })).toEqual([]);
  });
});
