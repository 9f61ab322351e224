import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { addYears, followUpYears } from './abandon';
import { currentVersion } from '../../../../tests/support/versions';

/** 放弃该机会 and 购车意向 through dispatch on a real SQLite file. */

let t: TestCore;
const tok: Record<string, string> = {};
const uid: Record<string, number> = {};
const HOUR = 3_600_000;

type Fail = { ok: false; error: { code: string; details?: { fields?: { field: string; message: string }[] } } };
const fieldsOf = (r: unknown): Record<string, string> => ((r as { ok: boolean }).ok ? {} : Object.fromEntries(((r as Fail).error.details?.fields ?? []).map((f) => [f.field, f.message])));
const value = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
  return (r as { value: T }).value;
};
const sqlGet = <T>(q: string, ...args: unknown[]) => t.core.sqlite.prepare(q).get(...args) as T;
let phoneNo = 0;

async function openOpp(owner = 's1'): Promise<{ id: number; customerId: number }> {
  phoneNo += 1;
  const customerId = value<{ id: number }>(await call(t.core, tok[owner]!, 'customers.create', { name: '张伟', phones: [{ raw: `1360000${String(phoneNo).padStart(4, '0')}` }] })).id;
  const nextActivity = { type: 'call', plannedAt: t.clock.now() + 24 * HOUR, subject: '电话跟进' };
  const { id } = value<{ id: number }>(await call(t.core, tok[owner]!, 'opportunities.create', { customerId, source: 'phone', nextActivity }));
  return { id, customerId };
}

// 2026-11-23 01:00 UTC is 09:00 in Shanghai: the dealer's day is 2026-11-23.
const shanghai10am = (day: string) => Date.parse(`${day}T10:00:00+08:00`);

beforeAll(async () => {
  t = await makeCore();
  const users = await usersWithSessions(t.core, [
    ['s1', 'salesConsultant'],
    ['s2', 'salesConsultant'],
  ]);
  Object.assign(tok, users.tok);
  Object.assign(uid, users.uid);
});
afterAll(() => t.cleanup());

describe('follow-up date rules', () => {
  it('adds whole years; 29 February becomes 28 February in a common year', () => {
    expect(addYears('2026-11-23', 3)).toBe('2029-11-23');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
  it('keeps the setting within 3–5 years', () => {
    expect([followUpYears(2), followUpYears(3), followUpYears(5), followUpYears(9), followUpYears('x')]).toEqual([3, 3, 5, 5, 3]);
  });
});

describe('opportunities.abandon', () => {
  it('needs a reason from the dictionary, and a competitor brand when the customer bought a competitor', async () => {
    const { id } = await openOpp();
    expect(fieldsOf(await call(t.core, tok.s1!, 'opportunities.abandon', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), reason: '' }))).toEqual({ reason: '必填' });
    expect(fieldsOf(await call(t.core, tok.s1!, 'opportunities.abandon', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), reason: 'bored' }))).toEqual({ reason: '“bored”不在数据字典中,请从下拉列表选择' });
    expect(fieldsOf(await call(t.core, tok.s1!, 'opportunities.abandon', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), reason: 'competitor' }))).toEqual({ competitorBrand: '原因为“购买竞品”时须选择竞品品牌' });
    expect(sqlGet('SELECT status FROM opportunities WHERE id = ?', id)).toEqual({ status: 'open' });
  });

  it('closes the opportunity, cancels its plans and plans a follow-up call 3 years later for the customer’s owner', async () => {
    const { id, customerId } = await openOpp();
    const r = value<{ followUpActivityId: number; followUpAt: number }>(await call(t.core, tok.s1!, 'opportunities.abandon', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), reason: 'competitor', competitorBrand: 'toyota' }));
    expect(sqlGet('SELECT status, abandon_reason AS reason, competitor_brand AS brand, closed_at AS closedAt FROM opportunities WHERE id = ?', id)).toEqual({
      status: 'abandoned',
      reason: 'competitor',
      brand: 'toyota',
      closedAt: t.clock.now(),
    });
    expect(r.followUpAt).toBe(shanghai10am('2029-11-23'));
    expect(sqlGet('SELECT customer_id AS c, owner_id AS o, status, type, planned_at AS at FROM activities WHERE id = ?', r.followUpActivityId)).toEqual({
      c: customerId,
      o: uid.s1,
      status: 'planned',
      type: 'call',
      at: shanghai10am('2029-11-23'),
    });
    expect(sqlGet<{ n: number }>("SELECT count(*) AS n FROM activities WHERE opportunity_id = ? AND status = 'cancelled'", id).n).toBe(1);
    // closed: no further stage moves or a second abandon
    expect(Object.keys(fieldsOf(await call(t.core, tok.s1!, 'opportunities.changeStage', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), stage: 'needs_analysis' })))).toEqual(['stage']);
    expect(Object.keys(fieldsOf(await call(t.core, tok.s1!, 'opportunities.abandon', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), reason: 'budget' })))).toEqual(['reason']);
  });

  it('follows the setting sales.abandonFollowUpYears', async () => {
    t.core.settings.set('sales.abandonFollowUpYears', 5);
    const { id } = await openOpp();
    const r = value<{ followUpAt: number }>(await call(t.core, tok.s1!, 'opportunities.abandon', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), reason: 'postponed' }));
    expect(r.followUpAt).toBe(shanghai10am('2031-11-23'));
    t.core.settings.set('sales.abandonFollowUpYears', 3);
  });

  it('another consultant’s opportunity is not found', async () => {
    const { id } = await openOpp('s2');
    expect(((await call(t.core, tok.s1!, 'opportunities.abandon', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), reason: 'budget' })) as Fail).error.code).toBe('NOT_FOUND');
  });
});

describe('purchase intents', () => {
  it('a customer keeps several intents over the years, newest first', async () => {
    const { id, customerId } = await openOpp();
    value(await call(t.core, tok.s1!, 'intents.create', { customerId, model: 'bora', budget: 120000, expectedDate: '2026-12-01' }));
    t.clock.advance(60_000);
    const second = value<{ id: number }>(await call(t.core, tok.s1!, 'intents.create', { customerId, model: 'tayron', quantity: 2, opportunityId: id }));
    expect(fieldsOf(await call(t.core, tok.s1!, 'intents.create', { customerId, model: '', budget: -5, expectedDate: '2026-13-01' }))).toEqual({
      model: '必填',
      budget: '价格应为大于 0 的金额',
      expectedDate: '请填写有效日期,格式 YYYY-MM-DD',
    });
    value(await call(t.core, tok.s1!, 'intents.update', { id: second.id, patch: { notes: '公司用车' } }));
    const list = value<{ model: string; quantity: number; notes: string | null }[]>(await call(t.core, tok.s1!, 'intents.list', { customerId }));
    expect(list.map((i) => [i.model, i.quantity, i.notes])).toEqual([
      ['tayron', 2, '公司用车'],
      ['bora', 1, null],
    ]);
    expect(((await call(t.core, tok.s2!, 'intents.list', { customerId })) as Fail).error.code).toBe('NOT_FOUND');
  });
});
