/* eslint-disable @typescript-eslint/no-explicit-any -- the test reads API results loosely */
/**
 * The grid's phone filters and quick find compare what the user types with stored numbers
 * (86 + national number, no trunk 0) through the one phone module: 0755… and 138 0013 must find
 * their customers however they are typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';

let t: TestCore;
let tok: Record<string, string>;
const id: Record<string, number> = {};

function customer(name: string, normalized: string, kind: 'mobile' | 'landline'): number {
  const cid = Number(t.core.sqlite.prepare('insert into customers (name, created_at, updated_at) values (?, 0, 0)').run(name).lastInsertRowid);
  t.core.sqlite.prepare('insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (?, ?, ?, ?, 1)').run(cid, normalized, normalized, kind);
  return cid;
}

async function found(conditions: unknown[] | null, search?: string): Promise<number[]> {
  const filter = { columns: conditions ? [{ join: 'and', conditions }] : [], ...(search ? { search } : {}) };
  const r = await call(t.core, tok.boss!, 'grid.query', { dataset: 'customers', columns: ['name', 'phone'], scope: 'all', filter, limit: 50, sort: [{ col: 'id', dir: 'asc' }] });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.value as any).rows.map((row: { id: number }) => row.id);
}

beforeAll(async () => {
  t = await makeCore();
  ({ tok } = await usersWithSessions(t.core, [['boss', 'admin']]));
  id.szLandline = customer('深圳固话', '8675588881234', 'landline');
  id.mobile = customer('手机客户', '8613800138000', 'mobile');
  // A mobile with 0755 in its middle: 'contains 0755' finds it too, 'starts with 0755' does not.
  id.mobile0755 = customer('含0755的手机', '8613907551234', 'mobile');
  id.bjLandline = customer('北京固话', '861065529988', 'landline');
});
afterAll(() => t.cleanup());

describe('grid phone filters', () => {
  it('starts with / equals 0755… finds the Shenzhen landline (the trunk 0 is not stored)', async () => {
    expect(await found([{ col: 'phone', op: 'startsWith', value: '0755' }])).toEqual([id.szLandline]);
    expect(await found([{ col: 'phone', op: 'startsWith', value: '(0755) 8888' }])).toEqual([id.szLandline]);
    expect(await found([{ col: 'phone', op: 'equals', value: '0755-8888 1234' }])).toEqual([id.szLandline]);
    expect(await found([{ col: 'phone', op: 'equals', value: '+86 755 8888 1234' }])).toEqual([id.szLandline]);
  });

  it('contains 0755 finds the area code as well as the digits anywhere; not contains excludes both', async () => {
    expect(await found([{ col: 'phone', op: 'contains', value: '0755' }])).toEqual([id.szLandline, id.mobile0755]);
    expect(await found([{ col: 'phone', op: 'notContains', value: '0755' }])).toEqual([id.mobile, id.bjLandline]);
  });

  it('138 0013 finds the mobile however it is typed', async () => {
    for (const v of ['138 0013', '138-0013', '1380013', '１３８ ００１３', '+86 138 0013']) {
      expect(await found([{ col: 'phone', op: 'startsWith', value: v }]), v).toEqual([id.mobile]);
    }
    expect(await found([{ col: 'phone', op: 'contains', value: '138 0013' }])).toEqual([id.mobile]);
  });
});

describe('grid quick find by phone', () => {
  it('a landline typed with its trunk 0 finds its customer', async () => {
    expect(await found(null, '0755-8888')).toEqual([id.szLandline]);
    expect(await found(null, '010 6552')).toEqual([id.bjLandline]);
  });
  it('a mobile prefix typed with spaces, a country code or full-width digits finds its customer', async () => {
    expect(await found(null, '138 0013')).toEqual([id.mobile]);
    expect(await found(null, '+86 138 0013')).toEqual([id.mobile]);
    expect(await found(null, '１３８００１３')).toEqual([id.mobile]);
  });
});

describe("a local number without its area code: the dealer's (系统设置 本地区号, or the city's)", () => {
  const setting = async (values: Record<string, string>) => {
    const r = await call(t.core, tok.boss!, 'admin.settings.update', values);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  beforeAll(() => {
    id.dlLandline = customer('大连固话', '8641162916000', 'landline');
  });
  it("a 大连 dealer's 62916000 finds the customer stored as 0411-62916000 in filters and quick find", async () => {
    await setting({ 'dealer.city': '大连', 'dealer.areaCode': '' });
    expect(await found([{ col: 'phone', op: 'equals', value: '62916000' }])).toEqual([id.dlLandline]);
    expect(await found([{ col: 'phone', op: 'equals', value: '6291 6000' }])).toEqual([id.dlLandline]);
    expect(await found([{ col: 'phone', op: 'startsWith', value: '6291' }])).toEqual([id.dlLandline]);
    expect(await found([{ col: 'phone', op: 'notEquals', value: '62916000' }])).not.toContain(id.dlLandline);
    expect(await found(null, '6291 6000')).toEqual([id.dlLandline]);
    // Typed in full it is the same number; other cities' and mobiles' filters are unchanged.
    expect(await found([{ col: 'phone', op: 'equals', value: '0411-6291 6000' }])).toEqual([id.dlLandline]);
    expect(await found([{ col: 'phone', op: 'startsWith', value: '8888' }])).toEqual([]);
    expect(await found(null, '138 0013')).toEqual([id.mobile]);
  });
  it('the setting change takes effect at once: another area code, then none', async () => {
    await setting({ 'dealer.areaCode': '0755' });
    expect(await found([{ col: 'phone', op: 'equals', value: '8888 1234' }])).toEqual([id.szLandline]);
    expect(await found([{ col: 'phone', op: 'equals', value: '62916000' }])).toEqual([]);
    expect(await found(null, '88881234')).toEqual([id.szLandline]);
    await setting({ 'dealer.areaCode': '', 'dealer.city': '某县' });
    expect(await found([{ col: 'phone', op: 'equals', value: '88881234' }])).toEqual([]);
    expect(await found(null, '62916000')).toEqual([]);
  });
});
