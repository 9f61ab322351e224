import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_OPS } from '../../../common/api/grid';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';
import { Prng } from '../demo/prng';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed';
import { customersDataset } from '../customers/customers-dataset';

/**
 * 1,500 generated grid calls, valid and hostile, from a consultant and a manager: each answers ok
 * or a clean INVALID_INPUT / FORBIDDEN / TOO_MANY_ROWS, never INTERNAL, never someone else's rows;
 * the customers table is intact afterwards.
 */
let t: TestCore;
const users: { token: string; id: number; name: string }[] = [];

beforeAll(async () => {
  t = await makeCore();
  const rep = await seedDemo(t.core.sqlite, { customers: 600, today: '2026-11-23' });
  for (const u of ['sales1', 'manager']) users.push({ token: (await t.core.auth.login(u, DEMO_PASSWORD)).token, id: rep.users.find((x) => x.username === u)!.id, name: u });
}, 60_000);
afterAll(() => t.cleanup());

const COLS = customersDataset.columns.map((c) => c.id);
const NASTY: unknown[] = [
  "'; DROP TABLE customers; --",
  '" OR 1=1 --',
  '%',
  '_',
  '\\',
  '😀👨‍👩‍👧',
  'x'.repeat(10_000),
  '',
  ' ',
  'NaN',
  '1e309',
  '-0',
  '2026-02-30',
  '2026-11-23',
  '9999-99-99',
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  0,
  -1,
  3.5,
  null,
  true,
  {},
  [],
  ['male'],
  'male',
  'showroom',
];

/** A well-formed query: columns, operators and values that fit their types (values still hostile text). */
function genValid(r: Prng): Record<string, unknown> {
  const pick = <T>(a: readonly T[]): T => a[r.int(0, a.length - 1)]!;
  const defs = customersDataset.columns;
  const cond = () => {
    const c = pick(defs.filter((d) => d.filterable));
    switch (c.type) {
      case 'text':
        return { col: c.id, op: pick(['contains', 'notContains', 'equals', 'notEquals', 'startsWith', 'endsWith', 'blank', 'notBlank']), value: String(pick(NASTY.filter((x) => typeof x === 'string' && x.length <= 200))) };
      case 'number':
        return { col: c.id, op: pick(['eq', 'ne', 'lt', 'gt', 'between']), value: r.int(-2, 3), value2: r.int(0, 1e6) };
      case 'enum':
        return { col: c.id, op: pick(['in', 'notIn']), values: [pick(['male', 'showroom', 'other', "'; --", '😀'])] };
      case 'boolean':
        return { col: c.id, op: pick(['isTrue', 'isFalse']) };
      default:
        return r.chance(0.5) ? { col: c.id, op: pick(['today', 'thisWeek', 'thisMonth', 'lastNDays', 'nextNDays']), n: r.int(1, 3650) } : { col: c.id, op: pick(['lt', 'gte', 'between']), value: '2020-01-01', value2: '2026-12-31' };
    }
  };
  const sortable = defs.filter((d) => d.sortable).map((d) => d.id);
  const groupable = defs.filter((d) => d.groupable).map((d) => d.id);
  const q: Record<string, unknown> = {
    dataset: 'customers',
    scope: pick(['mine', 'team']),
    columns: [pick(COLS), pick(COLS)],
    limit: r.int(1, 50),
    filter: { columns: [{ join: pick(['and', 'or']), conditions: [cond()] }], advanced: { join: pick(['and', 'or']), conditions: Array.from({ length: r.int(1, 5) }, cond) }, ...(r.chance(0.3) ? { search: pick(['张', '138', '+86 139', "'"]) } : {}) },
    sort: [...new Set([pick(sortable), pick(sortable)])].map((col) => ({ col, dir: pick(['asc', 'desc']) })),
  };
  if (r.chance(0.3)) {
    q.groupBy = [...new Set([pick(groupable), pick(groupable)])];
    q.groupKeys = r.chance(0.5) ? [] : [pick([null, 'male', 'showroom', 'x', 1])];
  }
  return q;
}

function gen(r: Prng): Record<string, unknown> {
  if (r.chance(0.35)) return genValid(r);
  const pick = <T>(a: readonly T[]): T => a[r.int(0, a.length - 1)]!;
  const col = () => (r.chance(0.85) ? pick(COLS) : pick(['nope', 'c.id', 'id; drop table customers', '__proto__', 'constructor', '', 'NAME', 'x'.repeat(70)]));
  const value = () => (r.chance(0.5) ? pick(NASTY) : r.chance(0.5) ? `v${r.int(0, 99)}` : r.int(-5, 5));
  const cond = () => {
    const c: Record<string, unknown> = { col: col(), op: r.chance(0.95) ? pick(ALL_OPS) : pick(['like', 'OR', '=']) };
    if (r.chance(0.7)) c.value = value();
    if (r.chance(0.3)) c.value2 = value();
    if (r.chance(0.3)) c.values = r.chance(0.8) ? [String(value()), pick(['male', 'female', 'showroom', 'other'])] : value();
    if (r.chance(0.3)) c.n = pick([1, 7, 30, 0, -3, 4000, 2.5, 'x']);
    if (r.chance(0.03)) c.extra = 1;
    return c;
  };
  const group = () => ({ join: r.chance(0.95) ? pick(['and', 'or']) : 'xor', conditions: Array.from({ length: r.int(r.chance(0.95) ? 1 : 0, r.chance(0.95) ? 5 : 7) }, cond) });
  const q: Record<string, unknown> = {
    dataset: r.chance(0.97) ? 'customers' : 'users',
    scope: pick(['mine', 'mine', 'team', 'all', 'everyone']),
    columns: Array.from({ length: r.int(r.chance(0.97) ? 1 : 0, 8) }, col),
    limit: r.chance(0.9) ? r.int(1, 120) : pick([0, 501, -1, 'ten', 1e9]),
  };
  if (r.chance(0.6)) q.filter = { columns: Array.from({ length: r.int(0, 3) }, group), ...(r.chance(0.3) ? { advanced: group() } : {}), ...(r.chance(0.3) ? { search: String(value()) } : {}) };
  if (r.chance(0.6)) q.sort = Array.from({ length: r.int(0, 4) }, () => ({ col: col(), dir: r.chance(0.95) ? pick(['asc', 'desc']) : 'up' }));
  if (r.chance(0.3)) q.groupBy = Array.from({ length: r.int(1, 4) }, col);
  if (r.chance(0.2)) q.groupKeys = Array.from({ length: r.int(0, 3) }, () => pick([null, 'male', 'showroom', 1, 'x', {}]));
  if (r.chance(0.2)) q.offset = pick([0, 10, 1e6, -1, 3e6]);
  if (r.chance(0.1)) q.withTotal = pick([true, false, 'yes']);
  if (r.chance(0.2))
    q.cursor = pick([
      'garbage',
      '',
      Buffer.from('{"s":"","v":[],"id":1}').toString('base64url'),
      Buffer.from('{"s":"name:asc","v":["\'; DROP TABLE customers; --"],"id":5}').toString('base64url'),
      Buffer.from('{"s":"name:asc","v":[{"a":1}],"id":5}').toString('base64url'),
      Buffer.from('{"s":"createdAt:desc","v":[1e308],"id":-1}').toString('base64url'),
      Buffer.from('[1,2,3]').toString('base64url'),
      Buffer.from('null').toString('base64url'),
      'x'.repeat(3000),
    ]);
  return q;
}

describe('grid.query / grid.count fuzz', () => {
  it('1,500 generated calls: ok or a clean refusal, only own rows, table intact', async () => {
    const before = (t.core.sqlite.prepare('select count(*) n from customers').get() as { n: number }).n;
    const owner = t.core.sqlite.prepare('select owner_id o from customers where id = ?');
    const r = new Prng(20261123);
    const codes: Record<string, number> = {};
    for (let i = 0; i < 1500; i++) {
      const u = users[i % users.length]!;
      const q = gen(r);
      const method = r.chance(0.15) ? 'grid.count' : 'grid.query';
      const input = method === 'grid.count' ? { dataset: q.dataset, scope: q.scope, filter: q.filter } : q;
      const res = await call(t.core, u.token, method, input);
      const code = res.ok ? 'ok' : res.error.code;
      codes[code] = (codes[code] ?? 0) + 1;
      if (!['ok', 'INVALID_INPUT', 'FORBIDDEN'].includes(code)) throw new Error(`call ${i} ${method} ${JSON.stringify(input).slice(0, 2000)} → ${JSON.stringify(res)}`);
      if (res.ok && method === 'grid.query' && u.name === 'sales1') {
        const page = res.value as { kind: string; rows?: { id: number }[] };
        for (const row of page.rows ?? []) expect((owner.get(row.id) as { o: number }).o).toBe(u.id);
      }
    }
    expect(codes.ok).toBeGreaterThan(150);
    expect(codes.INVALID_INPUT).toBeGreaterThan(150);
    expect((t.core.sqlite.prepare('select count(*) n from customers').get() as { n: number }).n).toBe(before);
    expect(t.core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);
});
