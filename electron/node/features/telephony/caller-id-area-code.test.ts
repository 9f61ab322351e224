/* eslint-disable @typescript-eslint/no-explicit-any -- the test reads API results loosely */
/**
 * Caller ID without an area code (local PSTN calls often arrive as "62916000"): looked up as a
 * landline in the dealer's area — 系统设置 'dealer.areaCode', or the code of 'dealer.city' when
 * that is empty — through the API a softphone uses (telephony.lookup, telephony.call.start).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';

let t: TestCore;
let tok: Record<string, string>;
let uid: Record<string, number>;
let dalian: number;
let shenzhen: number;

async function ok<T = any>(token: string, method: string, input: unknown = {}): Promise<T> {
  const r = await call(t.core, token, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

function customer(name: string, ownerId: number, raw: string, normalized: string): number {
  const id = Number(t.core.sqlite.prepare('insert into customers (name, owner_id, created_at, updated_at) values (?, ?, 0, 0)').run(name, ownerId).lastInsertRowid);
  t.core.sqlite.prepare("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (?, ?, ?, 'landline', 1)").run(id, raw, normalized);
  return id;
}

const lookup = (number: string) => ok(tok.agent!, 'telephony.lookup', { number });

beforeAll(async () => {
  t = await makeCore();
  ({ tok, uid } = await usersWithSessions(t.core, [
    ['agent', 'serviceAgent'],
    ['boss', 'admin'],
  ]));
  dalian = customer('大连客户', uid.agent!, '0411-62916000', '8641162916000');
  shenzhen = customer('深圳客户', uid.agent!, '0755-62916000', '8675562916000');
  await ok(tok.agent!, 'telephony.settings.save', { wsUrl: 'ws://127.0.0.1:8088', extension: '1001', authUser: '1001', password: 'pw', displayName: '坐席 1001' });
});
afterAll(() => t.cleanup());

describe('caller ID without an area code', () => {
  it("a 大连 dealer's caller ID 62916000 finds the customer stored as 0411-62916000 (area code from the city)", async () => {
    await ok(tok.boss!, 'admin.settings.update', { 'dealer.city': '大连' });
    expect(await ok(tok.boss!, 'admin.settings.get')).toMatchObject({ 'dealer.city': '大连', 'dealer.areaCode': '' });
    const r = await lookup('62916000');
    expect(r).toMatchObject({ normalized: '8641162916000', unknownReason: null });
    expect(r.matches.map((m: any) => m.customerId)).toEqual([dalian]);
    expect(r.matches[0].phone).toBe('0411-6291 6000');
    // The call is linked to that customer, as a call from the full number would be.
    const started = await ok(tok.agent!, 'telephony.call.start', { direction: 'inbound', remoteNumber: '62916000' });
    expect(started.customerId).toBe(dalian);
    // Full-width digits and spaces, as some trunks and CSV imports deliver them.
    expect((await lookup('６２９１ ６０００')).matches.map((m: any) => m.customerId)).toEqual([dalian]);
  });

  it('an admin-set area code wins over the city, and an invalid one is refused with a message', async () => {
    await ok(tok.boss!, 'admin.settings.update', { 'dealer.areaCode': '0755' });
    expect((await lookup('62916000')).matches.map((m: any) => m.customerId)).toEqual([shenzhen]);
    for (const bad of ['411', '0026', '755x', '00411']) {
      const r = await call(t.core, tok.boss!, 'admin.settings.update', { 'dealer.areaCode': bad });
      expect(r, bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect((await ok(tok.boss!, 'admin.settings.get'))['dealer.areaCode']).toBe('0755');
  });

  it('a city the table does not know and no area code: a local caller ID stays unknown, full numbers still match', async () => {
    await ok(tok.boss!, 'admin.settings.update', { 'dealer.areaCode': '', 'dealer.city': '某县' });
    expect(await lookup('62916000')).toMatchObject({ normalized: null, unknownReason: 'invalid', matches: [] });
    expect((await lookup('+86 411 6291 6000')).matches.map((m: any) => m.customerId)).toEqual([dalian]);
    // Service hotlines are never a customer's number.
    expect(await lookup('95588')).toMatchObject({ unknownReason: 'invalid', matches: [] });
  });
});
