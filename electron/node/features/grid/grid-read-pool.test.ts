/* eslint-disable @typescript-eslint/no-explicit-any -- the test compares loosely typed API results */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';
import { ReadPool } from '../../read-pool/read-pool';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed';

// Grid pages, group rows and counts run on the read pool's workers (issue 15); the SQL is built on
// the main thread with the session's scope. These tests hold the pool's answers against the main
// connection's for the same calls, and show the grid really leaves the host's thread.

let t: TestCore;
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await makeCore();
  await seedDemo(t.core.sqlite, { customers: 2000, today: '2026-11-23' });
  for (const u of ['admin', 'manager', 'sales1']) tok[u] = (await t.core.auth.login(u, DEMO_PASSWORD)).token;
}, 60_000);
afterAll(async () => {
  t.cleanup();
  await t.core.reads.close();
});

const columns = ['name', 'city', 'gender', 'phone', 'vehicleModel', 'idNumber'];
const calls: [string, string, Record<string, unknown>][] = [
  ['admin', 'grid.query', { dataset: 'customers', scope: 'all', columns, sort: [{ col: 'name', dir: 'asc' }], limit: 50, withTotal: true }],
  ['admin', 'grid.query', { dataset: 'customers', scope: 'all', columns, sort: [{ col: 'city', dir: 'desc' }], limit: 40, offset: 300, filter: { columns: [{ join: 'and', conditions: [{ col: 'gender', op: 'in', values: ['female'] }] }] } }],
  ['manager', 'grid.query', { dataset: 'customers', scope: 'team', columns, groupBy: ['source'], limit: 500, withTotal: true }],
  ['manager', 'grid.query', { dataset: 'customers', scope: 'team', columns, groupBy: ['source', 'gender'], groupKeys: [null], limit: 500 }],
  ['manager', 'grid.query', { dataset: 'customers', scope: 'team', columns, groupBy: ['city'], limit: 500 }],
  ['sales1', 'grid.query', { dataset: 'customers', scope: 'mine', columns, sort: [{ col: 'createdAt', dir: 'desc' }], limit: 30, withTotal: true }],
  ['sales1', 'grid.count', { dataset: 'customers', scope: 'mine', filter: { columns: [{ join: 'and', conditions: [{ col: 'city', op: 'equals', value: '深圳' }] }] } }],
  ['admin', 'grid.count', { dataset: 'customers', scope: 'all' }],
];

async function answers(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const [user, method, input] of calls) {
    const r = await call(t.core, tok[user]!, method, input);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    out.push(r.value);
    // The next page by cursor too, where there is one.
    const v = r.value as any;
    if (method === 'grid.query' && v.nextCursor) {
      const next = await call(t.core, tok[user]!, method, { ...input, offset: undefined, withTotal: false, cursor: v.nextCursor });
      out.push(next.ok ? next.value : next.error);
    }
  }
  return out;
}

describe('grid on the read pool', () => {
  it('pages, group rows and counts through the pool equal the main connection’s answers', async () => {
    const pooled = await answers();
    expect(t.core.reads.stats()).toMatchObject({ onMain: false });
    expect(t.core.reads.stats().workers).toBeGreaterThan(0);
    const pool = t.core.reads;
    const onMain = new ReadPool(t.core.sqlite, { size: 0, busyTimeoutMs: 1000 });
    t.core.reads = onMain;
    try {
      expect(await answers()).toEqual(pooled);
    } finally {
      t.core.reads = pool;
      await onMain.close();
    }
    // Something was found at all: the comparison is not of empty answers.
    expect((pooled[0] as any).rows).toHaveLength(50);
    expect((pooled[0] as any).total).toBe(2000);
    expect((pooled.find((x: any) => x?.kind === 'groups') as any).groups.length).toBeGreaterThan(1);
  });

  it('a grid page is executed off the host’s thread: behind two busy workers it waits, while customers.get answers at once', async () => {
    const heavy = 'with recursive n(i) as (select 1 union all select i + 1 from n where i < 4000000) select count(*) as c from n';
    const order: string[] = [];
    const busy = [t.core.reads.all(heavy), t.core.reads.all(heavy)].map((p) => p.then(() => order.push('heavy')));
    const page = call(t.core, tok.manager!, 'grid.query', { dataset: 'customers', scope: 'team', columns, groupBy: ['source'], limit: 500 }).then((r) => {
      order.push('grid.query');
      return r;
    });
    const id = (t.core.sqlite.prepare('select min(id) as id from customers').get() as { id: number }).id;
    const card = await call(t.core, tok.admin!, 'customers.get', { id });
    order.push('customers.get');
    expect(card.ok).toBe(true);
    expect((await page).ok).toBe(true);
    await Promise.all(busy);
    // The card first; the page only once a worker was free again.
    expect(order[0]).toBe('customers.get');
    expect(order.indexOf('grid.query')).toBeGreaterThan(order.indexOf('heavy'));
  });

  it('a scope the user may not use is refused on the main thread, before anything is sent to the pool', async () => {
    const before = t.core.reads.stats();
    const r = await call(t.core, tok.sales1!, 'grid.query', { dataset: 'customers', scope: 'all', columns, limit: 10 });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.core.reads.stats()).toEqual(before);
  });
});
