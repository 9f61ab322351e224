/* eslint-disable @typescript-eslint/no-explicit-any -- the test reads API results loosely */
/**
 * A local landline typed without its area code ("62916000" at a 大连 dealer) is the same number
 * as "0411-62916000" wherever a phone is typed — the customer form, a showroom walk-in, a survey
 * import, an SMS reply — with the area code from 系统设置 (本地区号, else the city's), and a change
 * of that setting takes effect at once. Caller ID and the grid's filters are tested beside their
 * features (telephony/caller-id-area-code.test.ts, grid/phone-filter.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, uploaded, usersWithSessions, type TestCore } from './support/core';

let t: TestCore;
let tok: Record<string, string>;

async function ok<T = any>(token: string, method: string, input: unknown = {}): Promise<T> {
  const r = await call(t.core, token, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details ?? {})}`);
  return r.value as T;
}
const phonesOf = (customerId: number) =>
  t.core.sqlite.prepare('SELECT raw, normalized, kind FROM customer_phones WHERE customer_id = ? ORDER BY id').all(customerId);

beforeAll(async () => {
  t = await makeCore();
  ({ tok } = await usersWithSessions(t.core, [
    ['boss', 'admin'],
    ['s1', 'salesConsultant'],
    ['csm', 'serviceManager'],
  ]));
  await ok(tok.boss!, 'admin.settings.update', { 'dealer.city': '大连', 'dealer.areaCode': '' });
});
afterAll(() => t.cleanup());

describe("customer form: a local number takes the dealer's area code", () => {
  let dalian: number;
  it('stores 62916000 as 0411-62916000 (it was refused: 固定电话请加区号)', async () => {
    dalian = (await ok<{ id: number }>(tok.s1!, 'customers.create', { name: '大连本地客户', phones: [{ raw: '6291 6000' }] })).id;
    expect(phonesOf(dalian)).toEqual([{ raw: '6291 6000', normalized: '8641162916000', kind: 'landline' }]);
  });
  it('the live check finds that customer whichever way the number is typed', async () => {
    for (const raw of ['62916000', '0411-6291 6000', '+86 411 62916000']) {
      expect(await ok(tok.s1!, 'customers.checkPhone', { raw }), raw).toMatchObject({ normalized: '8641162916000', kind: 'landline', error: null, owners: [{ id: dalian }] });
    }
  });
  it('a change of 本地区号 takes effect at once; without any area code the message says to add one', async () => {
    await ok(tok.boss!, 'admin.settings.update', { 'dealer.areaCode': '0755' });
    expect(await ok(tok.s1!, 'customers.checkPhone', { raw: '62916000' })).toMatchObject({ normalized: '8675562916000', owners: [] });
    await ok(tok.boss!, 'admin.settings.update', { 'dealer.areaCode': '', 'dealer.city': '某县' });
    expect(await ok(tok.s1!, 'customers.checkPhone', { raw: '62916000' })).toMatchObject({ normalized: null, error: expect.stringContaining('固定电话请加区号') });
    await ok(tok.boss!, 'admin.settings.update', { 'dealer.city': '大连' });
  });
});

describe("showroom walk-in: the customer's local number", () => {
  it('registers 62916001 as 0411-62916001', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(t.clock.now());
    const r = await ok<{ customerId: number }>(tok.s1!, 'showroom.visits.register', { name: '王先生', gender: 'male', phone: '62916001', visitDate: today, mode: 1 });
    expect(phonesOf(r.customerId)).toEqual([{ raw: '62916001', normalized: '8641162916001', kind: 'landline' }]);
  });
});

describe('survey import: a phone cell without its area code', () => {
  it("matches the customer stored with the dealer's area code", async () => {
    const id = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('调查客户', 0, 0)").run().lastInsertRowid);
    t.core.sqlite.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, '0411-62916002', '8641162916002', 'landline', 1)").run(id);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(t.clock.now());
    const csv = `电话,调查类型,调查日期,分数\n6291-6002,CSI,${today},95\n`;
    const r = await ok(tok.csm!, 'surveys.import', { uploadId: await uploaded(t.core, tok.csm!, 'csi.csv', csv) });
    expect(r).toMatchObject({ rows: 1, saved: 1, badCount: 0 });
    expect(t.core.sqlite.prepare('SELECT customer_id FROM satisfaction_surveys').pluck().all()).toEqual([id]);
  });
});
