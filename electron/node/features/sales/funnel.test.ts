import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { callValue as call, salesFloor } from '../../../../tests/fixtures/sales-floor';
import { dayStartMs } from '../../../common/dates';
import { monthRange } from './funnel';

type Funnel = { stages: { code: string; leads: number; weight: number; amount: number; probability: number }[]; totals: { leads: number; weight: number; amount: number; unpriced: number } };

describe('sales funnel and forecast', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeCore();
    // 2026-11-23 09:00 in Shanghai
    t.clock.set(Date.UTC(2026, 10, 23, 1, 0, 0));
  });
  afterEach(() => t.cleanup());

  it('counts leads per stage, weight = leads × probability and forecast = Σ price × probability', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const c = f.customer(f.a1.userId);
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'initial_contact', price: 100_000, expected: '2026-11-10' });
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'initial_contact', price: 200_000, expected: '2026-11-30' });
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'quote_to_close', price: 150_000, expected: '2026-11-01' });
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'test_drive', price: null, expected: '2026-11-15' });
    // Not in November: expected in December, or no expected date, or abandoned.
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'presentation', expected: '2026-12-01' });
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'presentation', expected: null });
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'presentation', status: 'abandoned', expected: '2026-11-20', closedAt: t.clock.now() });
    // Delivered in November (counts in delivery at 100 %), delivered in October (not counted).
    f.deal({ customerId: c, consultantId: f.a1.userId, price: 180_000, day: '2026-11-05' });
    f.deal({ customerId: c, consultantId: f.a1.userId, price: 180_000, day: '2026-10-31' });

    const r = (await call(t.core, f.a1.token, 'sales.funnel.get', { month: '2026-11' })) as Funnel;
    const st = Object.fromEntries(r.stages.map((s) => [s.code, s]));
    expect(r.stages.map((s) => s.code)).toEqual(['initial_contact', 'needs_analysis', 'presentation', 'test_drive', 'quote_to_close', 'delivery']);
    expect(st.initial_contact).toMatchObject({ probability: 5, leads: 2, weight: 0.1, amount: 15_000 });
    expect(st.quote_to_close).toMatchObject({ probability: 90, leads: 1, weight: 0.9, amount: 135_000 });
    expect(st.test_drive).toMatchObject({ leads: 1, weight: 0.4, amount: 0 });
    expect(st.presentation).toMatchObject({ leads: 0, weight: 0, amount: 0 });
    expect(st.delivery).toMatchObject({ leads: 1, weight: 1, amount: 180_000 });
    expect(r.totals).toEqual({ leads: 5, weight: 2.4, amount: 330_000, unpriced: 1 });
  });

  it('takes month boundaries by the dealer calendar: deliveries by delivery day, open opportunities by expected date', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const c = f.customer(f.a1.userId);
    f.deal({ customerId: c, consultantId: f.a1.userId, price: 100_000, day: '2026-11-30' });
    f.deal({ customerId: c, consultantId: f.a1.userId, price: 300_000, day: '2026-12-01' });
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'quote_to_close', price: 200_000, expected: '2026-12-31' });
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'quote_to_close', price: 200_000, expected: '2027-01-01' });
    const nov = (await call(t.core, f.a1.token, 'sales.funnel.get', { month: '2026-11' })) as Funnel;
    const dec = (await call(t.core, f.a1.token, 'sales.funnel.get', { month: '2026-12' })) as Funnel;
    expect(nov.totals.amount).toBe(100_000);
    expect(dec.totals).toMatchObject({ leads: 2, amount: 300_000 + 180_000 });
    // The month's bounds in epoch ms are midnight in Shanghai (16:00 UTC the day before).
    expect(monthRange('2026-12', 'Asia/Shanghai')).toEqual({ from: dayStartMs('2026-12-01', 'Asia/Shanghai'), to: Date.UTC(2026, 11, 31, 16), fromDay: '2026-12-01', toDay: '2026-12-31' });
    expect(monthRange('2028-02', 'Asia/Shanghai').toDay).toBe('2028-02-29');
  });

  it('a consultant sees their own funnel only; a manager their team or one consultant in it', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    for (const [owner, price] of [[f.a1.userId, 100_000], [f.a2.userId, 200_000], [f.b1.userId, 400_000]] as const) {
      f.opp({ customerId: f.customer(owner), consultantId: owner, stage: 'quote_to_close', price, expected: '2026-11-20' });
    }
    f.deal({ customerId: f.customer(f.b1.userId), consultantId: f.b1.userId, price: 50_000, day: '2026-11-02' });
    const mine = (await call(t.core, f.a1.token, 'sales.funnel.get', { month: '2026-11' })) as Funnel;
    expect(mine.totals.amount).toBe(90_000);
    await expect(call(t.core, f.a1.token, 'sales.funnel.get', { month: '2026-11', scope: 'team' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(t.core, f.a1.token, 'sales.funnel.get', { month: '2026-11', consultantId: f.a2.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const team = (await call(t.core, f.mgr.token, 'sales.funnel.get', { month: '2026-11', scope: 'team' })) as Funnel;
    expect(team.totals.amount).toBe(270_000);
    const one = (await call(t.core, f.mgr.token, 'sales.funnel.get', { month: '2026-11', scope: 'team', consultantId: f.a2.userId })) as Funnel;
    expect(one.totals.amount).toBe(180_000);
    await expect(call(t.core, f.mgr.token, 'sales.funnel.get', { month: '2026-11', scope: 'team', consultantId: f.b1.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const all = (await call(t.core, f.gm.token, 'sales.funnel.get', { month: '2026-11', scope: 'all' })) as Funnel;
    expect(all.totals.amount).toBe(680_000);
  });

  it('refuses a malformed month', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    await expect(call(t.core, f.a1.token, 'sales.funnel.get', { month: '2026-13' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
