/* eslint-disable @typescript-eslint/no-explicit-any -- the test reads loosely typed API results */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed';
import { GROUP_COUNT_DIMS, GROUP_COUNTS_TRIGGER_PREFIX, GROUP_PAIRS, rebuildGroupCounts } from '../customers/group-counts';

// A grid grouped by one customers column with no filter reads customer_group_counts (migration
// 0020), and its second level inside one group reads customer_group_pair_counts (0021); these tests
// hold both to the answer of counting the customers themselves, for every counted column (and
// pair) and scope, after the seeder's bulk load and after every kind of write a dealer makes.

let t: TestCore;
const tok: Record<string, string> = {};
const COUNTED = ['kind', 'gender', 'province', 'city', 'source', 'ownerName', 'dndCall', 'dndSms', 'dndRevisit', 'vehicleModel'];
const USERS: [string, 'mine' | 'team' | 'all'][] = [['admin', 'all'], ['manager', 'team'], ['sales1', 'mine']];
// Any filter sends the grid to the row-by-row count: `id > 0` keeps every customer.
const everyone = { columns: [{ join: 'and', conditions: [{ col: 'id', op: 'gt', value: 0 }] }] };

async function groups(user: string, scope: string, col: string | [string, string, unknown], filter?: unknown): Promise<[unknown, number, string][]> {
  // [outer, inner, key]: the groups of `inner` inside the `outer` group `key` (the second level).
  const by = typeof col === 'string' ? { groupBy: [col] } : { groupBy: [col[0], col[1]], groupKeys: [col[2]] };
  const r = await call(t.core, tok[user]!, 'grid.query', { dataset: 'customers', scope, columns: ['name'], ...by, limit: 500, withTotal: true, ...(filter ? { filter } : {}) });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const page = r.value as any;
  expect(page.total).toBe(page.groups.length);
  return page.groups.map((g: any) => [g.key, g.count, g.label]);
}

async function expectCountsAsScanned(): Promise<void> {
  for (const [user, scope] of USERS) {
    for (const col of COUNTED) {
      const fromTable = await groups(user, scope, col);
      expect(fromTable.length, `${user}/${scope}/${col}`).toBeGreaterThan(0);
      expect(fromTable, `${user}/${scope}/${col}`).toEqual(await groups(user, scope, col, everyone));
    }
  }
}

/** The second level, for every ordered pair of counted columns, inside every first-level group (blank ones too). */
async function expectPairsAsScanned(): Promise<void> {
  for (const [user, scope] of USERS) {
    for (const outer of COUNTED) {
      const keys = (await groups(user, scope, outer)).map(([k]) => k);
      for (const inner of COUNTED) {
        if (inner === outer) continue;
        for (const key of keys) {
          const at = `${user}/${scope}/${outer}=${String(key)}/${inner}`;
          const fromTable = await groups(user, scope, [outer, inner, key]);
          expect(fromTable.length, at).toBeGreaterThan(0);
          expect(fromTable, at).toEqual(await groups(user, scope, [outer, inner, key], everyone));
        }
      }
    }
  }
}

const table = () => ({
  singles: t.core.sqlite.prepare('select dim, owner_id, hex(value) v, n from customer_group_counts where n <> 0 order by 1, 2, 3').all(),
  pairs: t.core.sqlite.prepare('select d1, d2, hex(v1) v1, hex(v2) v2, owner_id, n from customer_group_pair_counts where n <> 0 order by 1, 2, 3, 4, 5').all(),
});

beforeAll(async () => {
  t = await makeCore();
  await seedDemo(t.core.sqlite, { customers: 1500, today: '2026-11-23' });
  for (const u of ['admin', 'manager', 'sales1']) tok[u] = (await t.core.auth.login(u, DEMO_PASSWORD)).token;
}, 60_000);
afterAll(() => t.cleanup());

describe('group counts kept for the customers grid', () => {
  it('the seeder writes the counts it tallied, the same as counting its customers afterwards', () => {
    const written = table();
    expect(written.singles.length).toBeGreaterThan(50);
    expect(new Set(written.pairs.map((r: any) => `${r.d1}/${r.d2}`)).size).toBe(36);
    rebuildGroupCounts(t.core.sqlite);
    expect(table()).toEqual(written);
  });

  it('every counted column in every scope shows the same groups and counts as counting the customers', async () => {
    await expectCountsAsScanned();
  });

  it('inside every group, every other counted column shows the same second-level groups as counting the customers', async () => {
    await expectPairsAsScanned();
  }, 120_000);

  it('stays exact after new customers, edits, reassignment, a first vehicle and a deletion', async () => {
    const db = t.core.sqlite;
    const [sales1, sales2] = ['sales1', 'sales2'].map((u) => (db.prepare('select id from users where username = ?').get(u) as { id: number }).id);
    const now = Date.now();
    const ins = db.prepare("insert into customers (kind, name, gender, province, city, source, owner_id, dnd_call, created_at, updated_at) values (?, ?, 'female', ?, ?, 'showroom', ?, ?, ?, ?)");
    const unowned = Number(ins.run('individual', '无主客户', null, null, null, 1, now, now).lastInsertRowid);
    const mine = Number(ins.run('company', '新公司', '辽宁', '大连', sales1, 0, now, now).lastInsertRowid);
    await expectCountsAsScanned();

    // The consultant moves the customer to another city through the card (the audited edit).
    const card: any = await call(t.core, tok.sales1!, 'customers.get', { id: mine });
    const edit = await call(t.core, tok.sales1!, 'customers.update', { id: mine, expectedVersion: card.value.version, patch: { city: '沈阳' } });
    expect(edit.ok, JSON.stringify(edit)).toBe(true);
    db.prepare("update customers set dnd_sms = 1 - dnd_sms, city = null where id % 7 = 0").run();
    // Reassignment and a change of a counted column in one statement (the owner trigger moves all).
    db.prepare("update customers set owner_id = ?, gender = 'male' where owner_id = ? and id % 3 = 0").run(sales2, sales1);
    db.prepare('update customers set owner_id = ? where id = ?').run(sales1, unowned);
    db.prepare("insert into vehicles (customer_id, vin, plate, brand, model, created_at, updated_at) values (?, 'LFV2A21K0C3000001', '辽B12345', 'VW', 'sagitar', ?, ?)").run(unowned, now, now);
    db.prepare('delete from customer_phones where customer_id = ?').run(mine);
    db.prepare('delete from customers where id = ?').run(mine);
    // Two counted columns changed in one statement move each pair once, not once per column.
    db.prepare("update customers set city = '广州', province = '广东省', source = 'phone' where id % 11 = 0").run();
    await expectCountsAsScanned();
    await expectPairsAsScanned();

    const kept = table();
    rebuildGroupCounts(db);
    expect(table()).toEqual(kept);
  });

  it('has an update trigger for every counted column, so a new column cannot be counted by half', () => {
    const names = (t.core.sqlite.prepare("select name from sqlite_master where type = 'trigger' and name like ? order by name").pluck().all(`${GROUP_COUNTS_TRIGGER_PREFIX}%`) as string[]);
    expect(names).toEqual([...['ad', 'ai', ...GROUP_COUNT_DIMS.map((d) => `au_${d}`), 'pairs_ad', 'pairs_ai', 'pairs_au'].map((s) => GROUP_COUNTS_TRIGGER_PREFIX + s)].sort());
    // The pairs' update trigger watches every paired column and the owner, and keeps every pair.
    const au = t.core.sqlite.prepare("select sql from sqlite_master where name = ?").pluck().get(`${GROUP_COUNTS_TRIGGER_PREFIX}pairs_au`) as string;
    for (const d of GROUP_COUNT_DIMS) expect(au.slice(0, au.indexOf(' ON ')), d).toContain(d);
    for (const [a, b] of GROUP_PAIRS) expect(au, `${a}/${b}`).toContain(`d1 = '${a}' AND d2 = '${b}'`);
  });
});
