import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerPhones, customers, vehicles } from '../../../../db/schema';
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
