import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { callValue as call, salesFloor } from '../../../../tests/fixtures/sales-floor';
import { birthdayDays } from './birthdays';

type Birthdays = { from: string; to: string; rows: { name: string; day: string; birthdayMd: string }[]; total: number };

describe('birthdays (生日提醒)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeCore();
  });
  afterEach(() => t.cleanup());

  it('this week runs Monday to Sunday across a year end: 12-31 → 01-02 are in the same week', async () => {
    // Thursday 2026-12-31, 10:00 in Shanghai.
    t.clock.set(Date.UTC(2026, 11, 31, 2));
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    f.customer(f.a1.userId, '元旦', '01-01');
    f.customer(f.a1.userId, '除夕', '12-31');
    f.customer(f.a1.userId, '二日', '01-02');
    f.customer(f.a1.userId, '周一', '12-28');
    f.customer(f.a1.userId, '下周', '01-04');
    f.customer(f.a1.userId, '上周', '12-27');
    f.customer(f.b1.userId, '别人的', '12-31');
    const week = (await call(t.core, f.a1.token, 'sales.birthdays.list', { range: 'week' })) as Birthdays;
    expect([week.from, week.to]).toEqual(['2026-12-28', '2027-01-03']);
    expect(week.rows.map((r) => [r.name, r.day])).toEqual([
      ['周一', '2026-12-28'],
      ['除夕', '2026-12-31'],
      ['元旦', '2027-01-01'],
      ['二日', '2027-01-02'],
    ]);
    const today = (await call(t.core, f.a1.token, 'sales.birthdays.list', { range: 'today' })) as Birthdays;
    expect(today.rows.map((r) => r.name)).toEqual(['除夕']);
    const all = (await call(t.core, f.gm.token, 'sales.birthdays.list', { range: 'today', scope: 'all' })) as Birthdays;
    expect(all.total).toBe(2);
  });

  it('lists 29 February birthdays on 28 February in a year without it', () => {
    expect(birthdayDays('today', '2027-02-28')).toEqual([{ day: '2027-02-28', mds: ['02-28', '02-29'] }]);
    expect(birthdayDays('today', '2028-02-28')).toEqual([{ day: '2028-02-28', mds: ['02-28'] }]);
    expect(birthdayDays('week', '2028-03-01').map((d) => d.day)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01', '2028-03-02', '2028-03-03', '2028-03-04', '2028-03-05']);
  });

  it('today follows the dealer time zone', async () => {
    // 2026-12-30 23:30 UTC = 2026-12-31 07:30 in Shanghai.
    t.clock.set(Date.UTC(2026, 11, 30, 23, 30));
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    f.customer(f.a1.userId, '除夕', '12-31');
    f.customer(f.a1.userId, '前一天', '12-30');
    const today = (await call(t.core, f.a1.token, 'sales.birthdays.list', { range: 'today' })) as Birthdays;
    expect(today.rows.map((r) => r.name)).toEqual(['除夕']);
  });
});
