import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../../db/schema';
import { call, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';

// The process runs in UTC (vitest default here); the dealer is in Asia/Shanghai (UTC+8).
let t: TestCore;
let token: string;
const names: Record<string, number> = {};

beforeAll(async () => {
  t = await makeCore();
  const u = await userWithSession(t.core, 'sales.d', 'salesConsultant');
  token = u.token;
  // 2026-11-23 01:30 in Shanghai = 2026-11-22 17:30 UTC: "today" differs between the two zones.
  t.clock.set(Date.UTC(2026, 10, 22, 17, 30));
  const mk = (name: string, createdAt: number, birthday: string | null = null) => {
    names[name] = t.core.db.insert(customers).values({ name, ownerId: u.userId, birthday, createdAt, updatedAt: createdAt }).returning().get().id;
  };
  mk('today-sh', Date.UTC(2026, 10, 22, 16, 30)); // 00:30 Shanghai on the 23rd
  mk('yesterday-sh', Date.UTC(2026, 10, 22, 15, 59)); // 23:59 Shanghai on the 22nd
  mk('monday', Date.UTC(2026, 10, 22, 16, 0) - 86_400_000 * 0); // 23rd 00:00 (a Monday)
  mk('last-week', Date.UTC(2026, 10, 22, 4, 0)); // Sunday the 22nd in Shanghai: last week
  mk('month-start', Date.UTC(2026, 9, 31, 16, 0)); // 1 Nov 00:00 Shanghai
  mk('october', Date.UTC(2026, 9, 31, 15, 0)); // 31 Oct 23:00 Shanghai
  mk('bday-in-5', 0, '2026-11-28');
  mk('bday-in-8', 0, '2026-11-30');
  mk('bday-3-ago', 0, '2026-11-21');
});
afterAll(() => t.cleanup());

async function match(col: string, op: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const r = await call(t.core, token, 'grid.query', { dataset: 'customers', columns: ['name'], limit: 500, filter: { columns: [{ join: 'and', conditions: [{ col, op, ...extra }] }] } });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.value as { rows: { name: string }[] }).rows.map((x) => x.name).sort();
}

describe('relative dates in the dealer time zone (Asia/Shanghai) with the process in UTC', () => {
  it('today / yesterday / this week / this month on a timestamp column', async () => {
    expect(await match('createdAt', 'today')).toEqual(['monday', 'today-sh']);
    expect(await match('createdAt', 'yesterday')).toEqual(['last-week', 'yesterday-sh']);
    expect(await match('createdAt', 'thisWeek')).toEqual(['monday', 'today-sh']);
    expect(await match('createdAt', 'thisMonth')).toEqual(['last-week', 'monday', 'month-start', 'today-sh', 'yesterday-sh']);
    expect(await match('createdAt', 'eq', { value: '2026-11-22' })).toEqual(['last-week', 'yesterday-sh']);
  });

  it('last N / next N days on a calendar-date column', async () => {
    expect(await match('birthday', 'nextNDays', { n: 7 })).toEqual(['bday-in-5']);
    expect(await match('birthday', 'lastNDays', { n: 3 })).toEqual(['bday-3-ago']);
    expect(await match('birthday', 'lastNDays', { n: 2 })).toEqual([]);
    const r = await call(t.core, token, 'grid.query', { dataset: 'customers', columns: ['name'], filter: { columns: [{ join: 'and', conditions: [{ col: 'birthday', op: 'lastNDays' }] }] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
