import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, complaints, customerPhones, customers, opportunities, recordings, serviceVisits, smsMessages, vehicles } from '../../../../db/schema';
import type { CustomerCard } from '../../../common/api/customers';
import { call, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';

let t: TestCore;
let mine: number;
let theirs: number;
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await makeCore();
  const a = await userWithSession(t.core, 'sales.a', 'salesConsultant');
  const b = await userWithSession(t.core, 'sales.b', 'salesConsultant');
  tok.a = a.token;
  tok.b = b.token;
  tok.mgr = (await userWithSession(t.core, 'sales.mgr', 'salesManager')).token;
  const now = t.clock.now();
  mine = t.core.db.insert(customers).values({ name: '李雷', ownerId: a.userId, city: '深圳', createdAt: now, updatedAt: now }).returning().get().id;
  theirs = t.core.db.insert(customers).values({ name: '韩梅梅', ownerId: b.userId, createdAt: now, updatedAt: now }).returning().get().id;
  t.core.db.insert(customerPhones).values({ customerId: mine, raw: '138 0013 8000', normalized: '8613800138000', kind: 'mobile', isPrimary: true }).run();
  t.core.db
    .insert(vehicles)
    .values({ customerId: mine, vin: 'LFV2A21K6D3012345', plate: '粤B12345', model: 'sagitar', createdAt: now, updatedAt: now })
    .run();
});
afterAll(() => t.cleanup());

describe('customers.get (the customer card)', () => {
  it('gives a consultant their own customer with phones, vehicles and owner', async () => {
    const r = await call(t.core, tok.a!, 'customers.get', { id: mine });
    expect(r).toMatchObject({
      ok: true,
      value: {
        name: '李雷',
        ownerName: 'sales.a 测试',
        phones: [{ normalized: '8613800138000', isPrimary: true }],
        vehicles: [{ plate: '粤B12345', model: 'sagitar' }],
      },
    });
  });

  it('answers another consultant’s customer exactly like a missing one, on the server', async () => {
    const other = await call(t.core, tok.a!, 'customers.get', { id: theirs });
    const missing = await call(t.core, tok.a!, 'customers.get', { id: 987654 });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(other).toEqual(missing);
  });

  it('lets a manager (customers.viewAll) open any customer', async () => {
    expect(await call(t.core, tok.mgr!, 'customers.get', { id: theirs })).toMatchObject({ ok: true, value: { name: '韩梅梅' } });
  });

  it('stops showing others’ customers to a manager whose viewAll is revoked, on the next request', async () => {
    const m = await userWithSession(t.core, 'sales.mgr2', 'salesManager');
    expect(await call(t.core, m.token, 'customers.get', { id: theirs })).toMatchObject({ ok: true });
    t.core.sqlite.prepare("INSERT INTO user_permissions (user_id, permission, granted) VALUES (?, 'customers.viewAll', 0)").run(m.userId);
    expect(await call(t.core, m.token, 'customers.get', { id: theirs })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('customers.get for a manager without viewAll: their teams only', () => {
  it('opens a customer of a consultant in a team they lead, not one of another team', async () => {
    const lead = await userWithSession(t.core, 'team.lead', 'salesManager');
    const inTeam = await userWithSession(t.core, 'team.member', 'salesConsultant');
    t.core.sqlite.prepare("INSERT INTO user_permissions (user_id, permission, granted) VALUES (?, 'customers.viewAll', 0)").run(lead.userId);
    const team = t.core.sqlite.prepare("INSERT INTO teams (name, kind, manager_id) VALUES ('展厅一组', 'sales', ?)").run(lead.userId).lastInsertRowid;
    t.core.sqlite.prepare('UPDATE users SET team_id = ? WHERE id = ?').run(team, inTeam.userId);
    const now = t.clock.now();
    const teamCustomer = t.core.db.insert(customers).values({ name: '团队客户', ownerId: inTeam.userId, createdAt: now, updatedAt: now }).returning().get().id;
    expect(await call(t.core, lead.token, 'customers.get', { id: teamCustomer })).toMatchObject({ ok: true, value: { name: '团队客户' } });
    // 韩梅梅 belongs to sales.b, who is in no team of this manager.
    expect(await call(t.core, lead.token, 'customers.get', { id: theirs })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A consultant in the same team is not a manager: still only their own.
    expect(await call(t.core, inTeam.token, 'customers.get', { id: mine })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('customers.get record sections', () => {
  it('are empty with a zero total when the customer has no records', async () => {
    const r = await call(t.core, tok.b!, 'customers.get', { id: theirs });
    expect(r).toMatchObject({
      ok: true,
      value: {
        opportunities: { total: 0, items: [] },
        serviceHistory: { total: 0, items: [] },
        revisits: { total: 0, items: [] },
        calls: { total: 0, items: [] },
        sms: { total: 0, items: [] },
        complaints: { total: 0, items: [] },
      },
    });
  });

  it('show the newest 20 with the total, stage probability, service history with the plate, calls with their recording', async () => {
    const now = t.clock.now();
    const db = t.core.db;
    const consultant = (t.core.sqlite.prepare("SELECT id FROM users WHERE username = 'sales.a'").get() as { id: number }).id;
    const vehicleId = (t.core.sqlite.prepare('SELECT id FROM vehicles WHERE customer_id = ?').get(mine) as { id: number }).id;
    for (let i = 0; i < 24; i++) {
      db.insert(complaints).values({ customerId: mine, source: 'phone', category: 'service', description: `旧投诉 ${i}`, createdAt: now - (i + 1) * 60_000, updatedAt: now }).run();
    }
    db.insert(opportunities).values({ customerId: mine, consultantId: consultant, source: 'showroom', stage: 'test_drive', model: 'magotan', expectedPurchaseDate: '2026-12-31', lastStageChangeAt: now, createdAt: now, updatedAt: now }).run();
    db.insert(serviceVisits).values({ customerId: mine, vehicleId, roNumber: 'RO-1', date: '2026-10-01', type: 'regular_service', mileage: 15000, amount: 680, createdAt: now }).run();
    db.insert(serviceVisits).values({ customerId: mine, vehicleId, roNumber: 'RO-2', date: '2026-11-01', type: 'repair', mileage: 17000, createdAt: now }).run();
    const callId = db.insert(calls).values({ customerId: mine, direction: 'inbound', startedAt: now, durationS: 95, userId: consultant }).returning().get().id;
    db.insert(calls).values({ customerId: mine, direction: 'outbound', startedAt: now - 1000, outcome: 'missed' }).run();
    const recId = db.insert(recordings).values({ callId, customerId: mine, path: 'rec/1.opus', mime: 'audio/ogg', createdAt: now }).returning().get().id;
    db.insert(complaints).values({ customerId: mine, source: 'phone', category: 'service', description: '等待时间过长', createdAt: now, updatedAt: now }).run();

    const r = await call(t.core, tok.a!, 'customers.get', { id: mine });
    if (!r.ok) throw new Error(r.error.message);
    const card = r.value as CustomerCard;
    expect(card.opportunities).toEqual({
      total: 1,
      items: [{ id: expect.any(Number), stage: 'test_drive', probability: 40, status: 'open', model: 'magotan', expectedPurchaseDate: '2026-12-31', ownerName: 'sales.a 测试', createdAt: now }],
    });
    expect(card.serviceHistory!.items.map((v) => [v.roNumber, v.plate])).toEqual([
      ['RO-2', '粤B12345'],
      ['RO-1', '粤B12345'],
    ]);
    expect(card.calls.items.map((c) => [c.direction, c.recordingId])).toEqual([
      ['inbound', recId],
      ['outbound', null],
    ]);
    // The newest 20 of 25, newest first, with the total telling the card there are more.
    expect(card.complaints!.total).toBe(25);
    expect(card.complaints!.items).toHaveLength(20);
    expect(card.complaints!.items[0]).toMatchObject({ description: '等待时间过长', status: 'open' });
    expect(card.complaints!.items[19]).toMatchObject({ description: '旧投诉 18' });
  });

  it('show each text message with its status, and why it failed', async () => {
    const now = t.clock.now();
    const reason = '未送达:状态 0x45 / Not delivered: status 0x45';
    t.core.db.insert(smsMessages).values({ customerId: mine, number: '8613800138000', text: '保养提醒', parts: 1, status: 'failed', lastError: reason, createdAt: now, updatedAt: now }).run();
    t.core.db.insert(smsMessages).values({ customerId: mine, number: '8613800138000', text: '生日快乐', parts: 1, status: 'delivered', createdAt: now - 1000, updatedAt: now }).run();
    const r = await call(t.core, tok.a!, 'customers.get', { id: mine });
    if (!r.ok) throw new Error(r.error.message);
    expect((r.value as CustomerCard).sms!.items.map((m) => [m.text, m.status, m.error])).toEqual([
      ['保养提醒', 'failed', reason],
      ['生日快乐', 'delivered', null],
    ]);
  });
});

describe('the card and the lists agree on who sees which customer', () => {
  it('opens exactly the customers CustomerVisibility gives each kind of user', async () => {
    const c = t.core;
    const mk = (u: string, role: Parameters<typeof userWithSession>[2]) => userWithSession(c, u, role);
    const lead2 = await mk('v.lead2', 'salesManager'); // leads two teams
    const member = await mk('v.member', 'serviceManager'); // a manager who is only a member of a team
    const cons = [await mk('v.c1', 'salesConsultant'), await mk('v.c2', 'salesConsultant'), await mk('v.c3', 'salesConsultant')];
    const agent = await mk('v.agent', 'serviceAgent');
    for (const u of [lead2, member]) c.sqlite.prepare("INSERT INTO user_permissions (user_id, permission, granted) VALUES (?, 'customers.viewAll', 0)").run(u.userId);
    const team = (name: string, mgr: number | null) => Number(c.sqlite.prepare("INSERT INTO teams (name, kind, manager_id) VALUES (?, 'sales', ?)").run(name, mgr).lastInsertRowid);
    const t1 = team('V1', lead2.userId);
    const t2 = team('V2', lead2.userId);
    const t3 = team('V3', null);
    c.sqlite.prepare('UPDATE users SET team_id = ? WHERE id = ?').run(t1, cons[0]!.userId);
    c.sqlite.prepare('UPDATE users SET team_id = ? WHERE id = ?').run(t2, cons[1]!.userId);
    c.sqlite.prepare('UPDATE users SET team_id = ? WHERE id IN (?, ?)').run(t3, cons[2]!.userId, member.userId);
    const now = t.clock.now();
    for (const owner of [...cons.map((x) => x.userId), lead2.userId, member.userId, null]) {
      c.db.insert(customers).values({ name: `客户${owner ?? '无'}`, ownerId: owner, createdAt: now, updatedAt: now }).run();
    }
    const all = (c.sqlite.prepare('SELECT id FROM customers ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const openedBy = new Map<number, number[]>();
    for (const u of [lead2, member, ...cons, agent]) {
      const session = c.auth.resolve(u.token)!;
      const listed = c.db.all<{ id: number }>(sql`SELECT c.id FROM customers c WHERE ${c.visibility.visibleCustomers(session, 'c')} ORDER BY c.id`).map((r) => r.id);
      const opened: number[] = [];
      for (const id of all) if ((await call(c, u.token, 'customers.get', { id })).ok) opened.push(id);
      expect(opened, session.user.username).toEqual(listed);
      openedBy.set(u.userId, opened);
    }
    // And the rule is not trivially "all" or "own": the two-team manager sees their own and both
    // teams' customers; the team member manager their own team's; the agent (viewAll) everyone's.
    const ownerOf = (id: number) => (c.sqlite.prepare('SELECT owner_id AS o FROM customers WHERE id = ?').get(id) as { o: number | null }).o;
    expect(openedBy.get(lead2.userId)!.map(ownerOf).sort()).toEqual([cons[0]!.userId, cons[1]!.userId, lead2.userId].sort());
    expect(openedBy.get(member.userId)!.map(ownerOf).sort()).toEqual([cons[2]!.userId, member.userId].sort());
    expect(openedBy.get(agent.userId)).toEqual(all);
  });
});
