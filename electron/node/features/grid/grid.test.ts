/* eslint-disable @typescript-eslint/no-explicit-any -- the test reads loosely typed API results and compares them with plain SQL */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userPermissions } from '../../../../db/schema';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed';

let t: TestCore;
const tok: Record<string, string> = {};
const uid: Record<string, number> = {};

async function ok<T = any>(token: string, method: string, input: unknown): Promise<T> {
  const r = await call(t.core, token, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const ids = (sqlText: string, ...p: unknown[]) => (t.core.sqlite.prepare(sqlText).all(...p) as { id: number }[]).map((r) => r.id);

beforeAll(async () => {
  t = await makeCore();
  const rep = await seedDemo(t.core.sqlite, { customers: 2000, today: '2026-11-23' });
  for (const u of ['admin', 'manager', 'sales1', 'sales5']) {
    tok[u] = (await t.core.auth.login(u, DEMO_PASSWORD)).token;
    uid[u] = rep.users.find((x) => x.username === u)!.id;
  }
}, 60_000);
afterAll(() => t.cleanup());

const base = { dataset: 'customers', columns: ['name', 'city', 'gender', 'phone', 'vehicleModel', 'idNumber'] };

async function walk(token: string, q: Record<string, unknown>, limit = 37): Promise<number[]> {
  const out: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const page: any = await ok(token, 'grid.query', { ...base, ...q, limit, cursor });
    out.push(...page.rows.map((r: { id: number }) => r.id));
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

describe('grid.query rows', () => {
  it('a click on the ID header sorts by id both ways, and a sort on id ends the sort (a cursor from one direction fits only it)', async () => {
    const desc = await walk(tok.admin!, { scope: 'all', sort: [{ col: 'id', dir: 'desc' }], filter: { columns: [{ join: 'and', conditions: [{ col: 'city', op: 'equals', value: '深圳' }] }] } }, 97);
    expect(desc).toEqual(ids("select id from customers where city = '深圳' order by id desc"));
    const byNameThenIdDesc = await walk(tok.admin!, { scope: 'all', sort: [{ col: 'name', dir: 'asc' }, { col: 'id', dir: 'desc' }, { col: 'city', dir: 'asc' }] }, 500);
    expect(byNameThenIdDesc).toEqual(ids('select id from customers order by name asc, id desc'));
    const first: any = await ok(tok.admin!, 'grid.query', { ...base, scope: 'all', sort: [{ col: 'id', dir: 'desc' }], limit: 5 });
    const wrong = await call(t.core, tok.admin!, 'grid.query', { ...base, scope: 'all', sort: [{ col: 'id', dir: 'asc' }], limit: 5, cursor: first.nextCursor });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('walks every page with the cursor in the reference order (nullable sort column, mixed directions)', async () => {
    const got = await walk(tok.admin!, { scope: 'all', sort: [{ col: 'city', dir: 'desc' }, { col: 'name', dir: 'asc' }], filter: { columns: [{ join: 'or', conditions: [{ col: 'gender', op: 'in', values: ['male'] }, { col: 'gender', op: 'blank' }] }] } });
    const ref = ids(`select id from customers where gender = 'male' order by city desc, name asc, id asc`);
    expect(got.length).toBeGreaterThan(100);
    expect(got).toEqual(ref);
  });

  it('walks ascending on a nullable column and by created date; offset jumps agree with the cursor', async () => {
    const q = { scope: 'all', sort: [{ col: 'city', dir: 'asc' }, { col: 'createdAt', dir: 'desc' }] };
    const got = await walk(tok.admin!, q, 250);
    expect(got).toEqual(ids('select id from customers order by city asc, created_at desc, id asc'));
    const jump: any = await ok(tok.admin!, 'grid.query', { ...base, ...q, offset: 500, limit: 10, withTotal: true });
    expect(jump.rows.map((r: { id: number }) => r.id)).toEqual(got.slice(500, 510));
    expect(jump.total).toBe(got.length);
  });

  it('a consultant sees only own customers, ID numbers masked; all and team are refused', async () => {
    const got = await walk(tok.sales1!, { scope: 'mine', sort: [{ col: 'name', dir: 'asc' }] }, 100);
    expect(got).toEqual(ids('select id from customers where owner_id = ? order by name, id', uid.sales1));
    const page: any = await ok(tok.sales1!, 'grid.query', { ...base, filter: { columns: [{ join: 'and', conditions: [{ col: 'idNumber', op: 'notBlank' }] }] } });
    expect(page.rows[0].idNumber).toMatch(/^.{4}\*+.{4}$/);
    for (const scope of ['all', 'team']) {
      const r = await call(t.core, tok.sales1!, 'grid.query', { ...base, scope });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it("a manager's team is the customers of their own team and of every team they lead", async () => {
    const got = await walk(tok.manager!, { scope: 'team' }, 500);
    const ref = ids(
      `select c.id from customers c join users u on u.id = c.owner_id
       where u.team_id in (select id from teams where manager_id = ? union select team_id from users where id = ?) order by c.id`,
      uid.manager,
      uid.manager,
    );
    // the demo sales manager leads both sales teams: more than their own team's customers
    const ownTeamOnly = ids('select c.id from customers c join users u on u.id = c.owner_id join users m on m.team_id = u.team_id where m.id = ? order by c.id', uid.manager);
    expect(ref.length).toBeGreaterThan(ownTeamOnly.length);
    expect([...got].sort((a, b) => a - b)).toEqual(ref);
  });

  const count = async (conditions: unknown[], join = 'and') =>
    (await ok<{ count: number }>(tok.admin!, 'grid.count', { dataset: 'customers', scope: 'all', filter: { columns: [], advanced: { join, conditions } } })).count;
  const refCount = (where: string, ...p: unknown[]) => (t.core.sqlite.prepare(`select count(*) n from customers c where ${where}`).get(...p) as { n: number }).n;

  it('phone cells show the primary number in one readable form, and phone filters match digits however typed', async () => {
    const primary = '(select p.normalized from customer_phones p where p.customer_id = c.id order by p.is_primary desc, p.id limit 1)';
    const sample = t.core.sqlite.prepare(`select c.id, ${primary} n from customers c where ${primary} like '861%' limit 1`).get() as { id: number; n: string };
    const m = sample.n.slice(2); // 13800138000
    const page: any = await ok(tok.admin!, 'grid.query', { ...base, scope: 'all', filter: { columns: [], advanced: { join: 'and', conditions: [{ col: 'id', op: 'eq', value: sample.id }] } } });
    expect(page.rows[0].phone).toBe(`${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`);
    const spaced = `${m.slice(3, 7)} ${m.slice(7, 9)}`; // '0013 80' as read off a business card
    expect(await count([{ col: 'phone', op: 'contains', value: spaced }])).toBe(refCount(`${primary} like ?`, `%${m.slice(3, 9)}%`));
    expect(await count([{ col: 'phone', op: 'startsWith', value: `+86 ${m.slice(0, 3)}-${m.slice(3, 5)}` }])).toBe(refCount(`${primary} like ?`, `86${m.slice(0, 5)}%`));
    expect(await count([{ col: 'phone', op: 'equals', value: `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}` }])).toBeGreaterThanOrEqual(1);
    const bad = await call(t.core, tok.admin!, 'grid.count', { dataset: 'customers', scope: 'all', filter: { columns: [], advanced: { join: 'and', conditions: [{ col: 'phone', op: 'contains', value: '张' }] } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it("the quick-find box on a customer's records (opportunities) finds them by the customer's name or phone prefix", async () => {
    const o = t.core.sqlite
      .prepare(`select o.customer_id cid, c.name, p.normalized from opportunities o join customers c on c.id = o.customer_id
                join customer_phones p on p.customer_id = c.id and p.is_primary = 1 order by o.id limit 1`)
      .get() as { cid: number; name: string; normalized: string };
    const q = (search: string) =>
      ok<{ count: number }>(tok.admin!, 'grid.count', { dataset: 'opportunities', scope: 'all', filter: { columns: [], search } }).then((r) => r.count);
    const byName = t.core.sqlite.prepare('select count(*) from opportunities o join customers c on c.id = o.customer_id where c.name like ?').pluck();
    expect(await q(o.name)).toBe(byName.get(`${o.name}%`));
    expect(await q(o.normalized.slice(2, 9))).toBe(
      t.core.sqlite.prepare('select count(*) from opportunities o where o.customer_id in (select customer_id from customer_phones where normalized like ?)').pluck().get(`${o.normalized.slice(0, 9)}%`),
    );
  });

  it('presets pin server-side rules: birthdays this week and customers without a plan agree with their lists; unknown names are refused', async () => {
    const preset = (name: string, scope = 'all') =>
      call(t.core, tok.admin!, 'grid.count', { dataset: 'customers', scope, filter: { columns: [], preset: name } });
    const week = (await call(t.core, tok.admin!, 'sales.birthdays.list', { range: 'week', scope: 'all' })) as any;
    expect(await preset('birthdaysWeek')).toEqual({ ok: true, value: { count: week.value.total } });
    const today = (await call(t.core, tok.admin!, 'sales.birthdays.list', { range: 'today', scope: 'all' })) as any;
    expect(await preset('birthdaysToday')).toEqual({ ok: true, value: { count: today.value.total } });
    const noPlan = (await call(t.core, tok.admin!, 'sales.lists.noPlan', { scope: 'all' })) as any;
    expect(await preset('noPlan')).toEqual({ ok: true, value: { count: noPlan.value.total } });
    expect(noPlan.value.total).toBe(
      t.core.sqlite
        .prepare(
          `select count(*) from customers c where exists (select 1 from opportunities o where o.customer_id = c.id and o.status = 'open')
           and not exists (select 1 from activities a where a.customer_id = c.id and a.status = 'planned')`,
        )
        .pluck()
        .get(),
    );
    for (const bad of ['nope', '__proto__', 'constructor', 'toString']) expect(await preset(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const onOther = await call(t.core, tok.admin!, 'grid.count', { dataset: 'opportunities', scope: 'all', filter: { columns: [], preset: 'noPlan' } });
    expect(onOther).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('text, number, date, enum and boolean operators match plain SQL', async () => {
    expect(await count([{ col: 'name', op: 'startsWith', value: '张' }])).toBe(refCount("name like '张%'"));
    expect(await count([{ col: 'name', op: 'contains', value: '伟' }])).toBe(refCount("name like '%伟%'"));
    expect(await count([{ col: 'name', op: 'contains', value: '%' }])).toBe(refCount("instr(name, '%') > 0"));
    expect(await count([{ col: 'city', op: 'blank' }])).toBe(refCount("city is null or city = ''"));
    expect(await count([{ col: 'vehicleCount', op: 'gte', value: 2 }])).toBe(refCount('(select count(*) from vehicles v where v.customer_id = c.id) >= 2'));
    expect(await count([{ col: 'vehicleCount', op: 'between', value: 1, value2: 1 }])).toBe(refCount('(select count(*) from vehicles v where v.customer_id = c.id) = 1'));
    expect(await count([{ col: 'birthday', op: 'between', value: '1980-01-01', value2: '1989-12-31' }])).toBe(refCount("birthday between '1980-01-01' and '1989-12-31'"));
    expect(await count([{ col: 'source', op: 'notIn', values: ['showroom', 'phone'] }])).toBe(refCount("source not in ('showroom','phone')"));
    expect(await count([{ col: 'dndSms', op: 'isTrue' }])).toBe(refCount('dnd_sms = 1'));
    expect(await count([{ col: 'gender', op: 'in', values: ['female'] }, { col: 'dndCall', op: 'isFalse' }], 'or')).toBe(refCount("gender = 'female' or dnd_call = 0"));
  });

  it('quick search finds by name prefix and by phone prefix', async () => {
    const phone = (t.core.sqlite.prepare('select p.normalized, c.owner_id from customer_phones p join customers c on c.id = p.customer_id limit 1').get() as { normalized: string }).normalized;
    const local = phone.slice(2, 9);
    const n = (await ok<{ count: number }>(tok.admin!, 'grid.count', { dataset: 'customers', scope: 'all', filter: { columns: [], search: local } })).count;
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it('refuses unknown columns, mismatched operators, wrong value types and tampered cursors', async () => {
    const bad = [
      { ...base, columns: ['nope'] },
      { ...base, sort: [{ col: 'phone', dir: 'asc' }] },
      { ...base, filter: { columns: [{ join: 'and', conditions: [{ col: 'name', op: 'gt', value: 1 }] }] } },
      { ...base, filter: { columns: [{ join: 'and', conditions: [{ col: 'vehicleCount', op: 'eq', value: 'x' }] }] } },
      { ...base, filter: { columns: [{ join: 'and', conditions: [{ col: 'birthday', op: 'eq', value: '2026-02-30' }] }] } },
      { ...base, cursor: 'not-a-cursor' },
      { ...base, cursor: Buffer.from(JSON.stringify({ s: '', v: [], id: "1 or 1=1" })).toString('base64url') },
      { ...base, groupBy: ['name'] },
    ];
    for (const q of bad) expect(await call(t.core, tok.admin!, 'grid.query', { scope: 'all', ...q })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('grid.query groups', () => {
  it('two-level group counts and rows inside a group match SQL, labels in the locale, NULL as 其它', async () => {
    const l1: any = await ok(tok.admin!, 'grid.query', { ...base, scope: 'all', groupBy: ['city', 'source'], withTotal: true, limit: 500 });
    const ref = t.core.sqlite.prepare('select city k, count(*) n from customers group by 1 order by 1').all() as { k: string | null; n: number }[];
    expect(l1.kind).toBe('groups');
    expect(l1.groups.map((g: any) => [g.key, g.count])).toEqual(ref.map((r) => [r.k, r.n]));
    expect(l1.total).toBe(ref.length);
    // The total without its own count (a page short of the limit), and with it: a full page, a page
    // part-way, a page past the end.
    for (const [offset, limit] of [[0, 2], [1, 2], [ref.length - 1, 500], [ref.length + 3, 5]] as const) {
      const p: any = await ok(tok.admin!, 'grid.query', { ...base, scope: 'all', groupBy: ['city'], withTotal: true, offset, limit });
      expect([p.total, p.groups.map((g: any) => g.key)]).toEqual([ref.length, ref.slice(offset, offset + limit).map((r) => r.k)]);
    }
    const city = ref.find((r) => r.k !== null)!.k;
    const l2: any = await ok(tok.admin!, 'grid.query', { ...base, scope: 'all', groupBy: ['city', 'source'], groupKeys: [city], limit: 500 });
    const ref2 = t.core.sqlite.prepare('select source k, count(*) n from customers where city = ? group by 1 order by 1').all(city) as { k: string; n: number }[];
    expect(l2.groups.map((g: any) => [g.key, g.count])).toEqual(ref2.map((r) => [r.k, r.n]));
    expect(l2.groups.find((g: any) => g.key === 'showroom')?.label ?? '展厅').toBe('展厅');
    const src = ref2[0]!.k;
    const rows = await walk(tok.admin!, { scope: 'all', groupBy: ['city', 'source'], groupKeys: [city, src] }, 5);
    expect(rows.sort((a, b) => a - b)).toEqual(ids('select id from customers where city = ? and source = ? order by id', city, src));
    if (ref[0]!.k === null) {
      expect(l1.groups[0].label).toBe('其它');
      const nulls = await walk(tok.admin!, { scope: 'all', groupBy: ['city'], groupKeys: [null] }, 200);
      expect(nulls.length).toBe(ref[0]!.n);
    }
  });

  it("grouping by model counts customers by their first vehicle's model, blank for those without a car; it also sorts", async () => {
    const l1: any = await ok(tok.admin!, 'grid.query', { ...base, scope: 'all', groupBy: ['vehicleModel', 'gender'], limit: 500 });
    const first = '(select v.model from vehicles v where v.customer_id = c.id order by v.id limit 1)';
    const ref = t.core.sqlite.prepare(`select ${first} k, count(*) n from customers c group by 1 order by 1`).all() as { k: string | null; n: number }[];
    expect(l1.groups.map((g: any) => [g.key, g.count])).toEqual(ref.map((r) => [r.k, r.n]));
    expect(l1.groups[0]).toMatchObject({ key: null, label: '其它' });
    const model = ref.find((r) => r.k !== null)!.k!;
    const rows = await walk(tok.admin!, { scope: 'all', groupBy: ['vehicleModel', 'gender'], groupKeys: [model, 'female'] }, 200);
    expect(rows.sort((a, b) => a - b)).toEqual(ids(`select c.id from customers c where ${first} = ? and c.gender = 'female' order by c.id`, model));
    const sorted = await walk(tok.admin!, { scope: 'all', sort: [{ col: 'vehicleModel', dir: 'desc' }] }, 500);
    expect(sorted).toEqual(ids(`select c.id from customers c order by ${first} desc nulls last, c.id`));
  });

  it("grouping by owner counts per consultant, labels each group with the consultant's name and opens it by id", async () => {
    const l1: any = await ok(tok.manager!, 'grid.query', { ...base, scope: 'team', groupBy: ['ownerName'], withTotal: true, limit: 500 });
    const ref = t.core.sqlite
      .prepare(
        `select u.id k, u.display_name l, count(*) n from customers c join users u on u.id = c.owner_id
         where u.team_id in (select id from teams where manager_id = ? union select team_id from users where id = ?)
         group by u.id order by u.display_name, u.id`,
      )
      .all(uid.manager, uid.manager) as { k: number; l: string; n: number }[];
    expect(ref.length).toBeGreaterThan(1);
    expect(l1.groups.map((g: any) => [g.key, g.label, g.count])).toEqual(ref.map((r) => [r.k, r.l, r.n]));
    expect(l1.total).toBe(ref.length);
    const rows = await walk(tok.manager!, { scope: 'team', groupBy: ['ownerName'], groupKeys: [ref[0]!.k] }, 200);
    expect(rows.sort((a, b) => a - b)).toEqual(ids('select id from customers where owner_id = ? order by id', ref[0]!.k));
  });
});

describe('grid.views', () => {
  const state = { columns: [{ id: 'name' }, { id: 'gone' }], sort: [{ col: 'name', dir: 'asc' }], filter: { columns: [] }, groupBy: ['source', 'gone'] };
  it('saves, lists, makes default, shares read-only, deletes', async () => {
    const v: any = await ok(tok.manager!, 'grid.views.save', { dataset: 'customers', name: '我的视图', state, isDefault: true });
    expect(v).toMatchObject({ mine: true, isDefault: true, state: { columns: [{ id: 'name' }], groupBy: ['source'] } });
    const v2: any = await ok(tok.manager!, 'grid.views.save', { dataset: 'customers', name: '第二', state, isDefault: true });
    const list: any[] = await ok(tok.manager!, 'grid.views.list', { dataset: 'customers' });
    expect(list.filter((x) => x.isDefault).map((x) => x.id)).toEqual([v2.id]);
    expect(await call(t.core, tok.sales1!, 'grid.views.delete', { id: v.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await ok(tok.manager!, 'grid.views.share', { id: v.id, role: 'salesConsultant' });
    const theirs: any[] = await ok(tok.sales1!, 'grid.views.list', { dataset: 'customers' });
    expect(theirs).toMatchObject([{ id: v.id, mine: false, sharedWithRole: 'salesConsultant' }]);
    expect(await call(t.core, tok.sales1!, 'grid.views.delete', { id: v.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.core, tok.sales1!, 'grid.views.save', { id: v.id, dataset: 'customers', name: 'x', state })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.core, tok.sales1!, 'grid.views.share', { id: v.id, role: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // a stored state naming dropped columns still loads
    t.core.sqlite.prepare('update grid_views set state = ? where id = ?').run(JSON.stringify({ ...state, filter: { columns: [{ join: 'and', conditions: [{ col: 'gone', op: 'blank' }] }] } }), v.id);
    const again: any[] = await ok(tok.manager!, 'grid.views.list', { dataset: 'customers' });
    expect(again.find((x) => x.id === v.id).state.filter.columns).toEqual([]);
    await ok(tok.manager!, 'grid.views.delete', { id: v.id });
    expect(await ok<any[]>(tok.sales1!, 'grid.views.list', { dataset: 'customers' })).toEqual([]);
  });
});

describe('grid.export', () => {
  const input = { dataset: 'customers', scope: 'all', columns: ['name', 'source', 'createdAt'], sort: [{ col: 'name', dir: 'asc' }], exportId: 'export-test-1', filter: { columns: [{ join: 'and', conditions: [{ col: 'gender', op: 'in', values: ['female'] }] }] } };

  it('writes an xlsx with the header in the user language, every matching row, progress and an audit row', async () => {
    const r: any = await ok(tok.admin!, 'grid.export', input);
    const ref = t.core.sqlite.prepare("select name from customers where gender = 'female' order by name, id").all() as { name: string }[];
    expect(r.rows).toBe(ref.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '来源', '建档时间']);
    expect(ws.rowCount).toBe(ref.length + 1);
    expect(ws.getRow(2).getCell(1).value).toBe(ref[0]!.name);
    const audit = t.core.sqlite.prepare("select * from audit_log where action = 'export' and entity = 'grid:customers' order by id desc").get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ rows: ref.length, filter: input.filter });
  });

  it('refuses a user without the export permission, and a revoked one on the next request', async () => {
    expect(await call(t.core, tok.sales1!, 'grid.export', { ...input, scope: 'mine' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    t.core.db.insert(userPermissions).values({ userId: uid.manager!, permission: 'export', granted: false }).run();
    expect(await call(t.core, tok.manager!, 'grid.export', { ...input, scope: 'team' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('more than 10,000 matching rows → TOO_MANY_ROWS before writing', async () => {
    const ins = t.core.sqlite.prepare("insert into customers (name, kind, gender, source, created_at, updated_at) values (?, 'individual', 'other', 'other', 0, 0)");
    t.core.sqlite.transaction(() => {
      for (let i = 0; i < 9000; i++) ins.run(`批量${i}`);
    })();
    const r = await call(t.core, tok.admin!, 'grid.export', { ...input, filter: { columns: [] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ROWS', details: { max: 10000 } } });
  });
});
