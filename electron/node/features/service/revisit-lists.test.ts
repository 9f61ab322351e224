import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVISIT_DATASETS, REVISIT_TABS, revisitPreset, type RevisitKind, type RevisitList, type RevisitTab } from '../../../common/api/revisits';
import type { GridPage } from '../../../common/api/grid';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed';
import { addDays } from '../../../common/dates';
import { selectRevisits, type RevisitCandidate } from './revisit-lists';

/**
 * 销售回访 / 维修回访 on the DataGrid: for every tab the grid's rows (the rule in SQL, revisit-sql.ts)
 * are the rule in code (selectRevisits, which the scheduler uses) and revisits.list's tab counts
 * agree with both, DND customers left out of the tabs still
 * to work; the grid sorts and groups within them; selected rows become tasks, and an event whose
 * task from an earlier day is still open gets no second one.
 */
const TODAY = '2026-11-24';
const FROM = addDays(TODAY, -60);
let t: TestCore;
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await makeCore();
  await seedDemo(t.core.sqlite, { customers: 600, today: '2026-11-23' });
  t.clock.set(Date.UTC(2026, 10, 23, 16, 0, 1)); // 2026-11-24 00:00:01 in Shanghai
  for (const u of ['service1', 'csmanager']) tok[u] = (await t.core.auth.login(u, DEMO_PASSWORD)).token;
  // Deliveries over the last 50 days (the small demo has few), and some DND (revisits) customers among them.
  t.core.sqlite
    .prepare(
      `insert into deliveries (opportunity_id, customer_id, vehicle_id, vin, model, price, delivery_date, buyer_id_number, created_at)
       select o.id, o.customer_id, (select v.id from vehicles v where v.customer_id = o.customer_id order by v.id limit 1), 'LDV' || o.id, 'sagitar', 150000,
              date(?, '-' || (o.id % 50) || ' days'), '110101199001011234', 0 from opportunities o order by o.id limit 80`,
    )
    .run(TODAY);
  t.core.sqlite.prepare('update customers set dnd_revisit = 1 where id in (select customer_id from deliveries where id % 9 = 0 union select customer_id from service_visits where date >= ? and id % 9 = 0)').run(FROM);
  // Put events on every tab: the latest revisit decides (an older one must not). The demo's own
  // history (demo/aftersales.ts) has revisited nearly every event already: this test sets the tabs itself.
  t.core.sqlite.prepare('delete from revisits').run();
  const agent = t.core.sqlite.prepare("select id from users where username = 'service1'").pluck().get() as number;
  const ins = t.core.sqlite.prepare(
    'insert into revisits (kind, customer_id, vehicle_id, delivery_id, service_visit_id, agent_id, status, result, needs_revisit_again, attempts, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)',
  );
  const events = (kind: RevisitKind) =>
    t.core.sqlite
      .prepare(kind === 'sales' ? 'select id, customer_id as c, vehicle_id as v from deliveries where delivery_date between ? and ? order by id' : 'select id, customer_id as c, vehicle_id as v from service_visits where date between ? and ? order by id')
      .all(FROM, TODAY) as { id: number; c: number; v: number | null }[];
  for (const kind of ['sales', 'repair'] as const) {
    events(kind).forEach((e, i) => {
      const d = kind === 'sales' ? e.id : null;
      const s = kind === 'repair' ? e.id : null;
      const add = (status: string, result: string | null, again: number, attempts: number) => ins.run(kind, e.c, e.v, d, s, agent, status, result, again, attempts);
      if (i % 5 === 1) add('unreachable', null, 0, 2);
      if (i % 5 === 2) add('done', 'dissatisfied', 1, 0);
      if (i % 5 === 3) add('done', 'satisfied', 0, 0);
      if (i % 5 === 4) {
        add('done', 'dissatisfied', 1, 0);
        add('done', 'satisfied', 0, 0); // revisited again: 已回访 now
      }
    });
  }
}, 60_000);
afterAll(() => t.cleanup());

async function grid(kind: RevisitKind, tab: RevisitTab, extra: Record<string, unknown> = {}): Promise<GridPage> {
  const r = await call(t.core, tok.service1!, 'grid.query', { dataset: REVISIT_DATASETS[kind], scope: 'all', filter: { columns: [], preset: revisitPreset(tab, FROM, TODAY) }, columns: ['customerName', 'date'], limit: 500, withTotal: true, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as GridPage;
}
/** Every event of the range with its DND flag and latest revisit: the input of the rule in code. */
function candidates(kind: RevisitKind): RevisitCandidate[] {
  const rows = t.core.sqlite
    .prepare(
      kind === 'sales'
        ? `select d.id as eventId, d.delivery_date as date, c.dnd_revisit as dnd, r.status, r.needs_revisit_again as again from deliveries d join customers c on c.id = d.customer_id
           left join revisits r on r.id = (select max(x.id) from revisits x where x.kind = 'sales' and x.delivery_id = d.id) where d.delivery_date between ? and ?`
        : `select v.id as eventId, v.date, c.dnd_revisit as dnd, r.status, r.needs_revisit_again as again from service_visits v join customers c on c.id = v.customer_id
           left join revisits r on r.id = (select max(x.id) from revisits x where x.kind = 'repair' and x.service_visit_id = v.id) where v.date between ? and ?`,
    )
    .all(FROM, TODAY) as { eventId: number; date: string; dnd: number; status: 'open' | 'unreachable' | 'done' | null; again: number | null }[];
  return rows.map((r) => ({ eventId: r.eventId, date: r.date, dndRevisit: r.dnd === 1, latest: r.status ? { status: r.status, needsRevisitAgain: r.again === 1 } : null }));
}
async function list(kind: RevisitKind, tab: RevisitTab): Promise<RevisitList> {
  const r = await call(t.core, tok.service1!, 'revisits.list', { kind, tab, from: FROM, to: TODAY });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as RevisitList;
}

describe('revisit lists on the DataGrid', () => {
  for (const kind of ['sales', 'repair'] as const) {
    it.each(REVISIT_TABS)(`${kind} %s: the grid rows are the rule in code (selectRevisits, the scheduler's), the counts are the grid's`, async (tab) => {
      const l = await list(kind, tab);
      const g = await grid(kind, tab);
      const want = selectRevisits(candidates(kind), tab, { from: FROM, to: TODAY });
      expect(g.kind === 'rows' && g.rows.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(want.rows.map((r) => r.eventId).sort((a, b) => a - b));
      expect(g.total).toBe(l.counts[tab]);
      expect(l.counts).toEqual(want.counts);
      expect(l.excludedDnd).toBe(want.excludedDnd);
      expect(l.counts[tab], `${kind} ${tab} should have rows`).toBeGreaterThan(0);
    });
  }

  it('DND (revisits) customers are left out of 待回访 but kept in 已回访', async () => {
    const dnd = new Set(t.core.sqlite.prepare('select id from customers where dnd_revisit = 1').pluck().all() as number[]);
    expect(dnd.size).toBeGreaterThan(0);
    const cust = async (tab: RevisitTab) => {
      const g = await grid('repair', tab, { columns: ['customerId'] });
      return g.kind === 'rows' ? g.rows.map((r) => Number(r.customerId)) : [];
    };
    expect((await cust('pending')).some((c) => dnd.has(c))).toBe(false);
    expect((await list('repair', 'pending')).excludedDnd).toBeGreaterThan(0);
  });

  it('sorts by date within the tab, groups by result, and refuses a sort no index backs', async () => {
    const g = await grid('sales', 'done', { sort: [{ col: 'date', dir: 'asc' }] });
    const dates = g.kind === 'rows' ? g.rows.map((r) => String(r.date)) : [];
    expect(dates).toEqual([...dates].sort());
    const groups = await grid('sales', 'done', { groupBy: ['result'] });
    expect(groups.kind === 'groups' && groups.groups.map((x) => x.key).sort()).toEqual(['satisfied']);
    const again = await grid('repair', 'again', { groupBy: ['result'] });
    expect(again.kind === 'groups' && again.groups.map((x) => x.key)).toEqual(['dissatisfied']);
    const bad = await call(t.core, tok.service1!, 'grid.query', { dataset: 'revisitSales', scope: 'all', filter: { columns: [], preset: 'pending' }, columns: ['customerName'], sort: [{ col: 'customerName', dir: 'asc' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('selected rows into tasks; on a later day an event with an open task gets no second one', async () => {
    const l = await list('sales', 'pending');
    const p = await grid('sales', 'pending');
    const [a, b] = p.kind === 'rows' ? p.rows.map((r) => Number(r.id)) : [];
    const first = await call(t.core, tok.csmanager!, 'revisits.toTasks', { kind: 'sales', from: FROM, to: TODAY, selection: { ids: [a!] } });
    expect(first).toMatchObject({ ok: true, value: { created: 1, existing: 0, skippedOpen: 0 } });
    // That task was made yesterday and is still open; today the whole list is turned into tasks.
    const y = addDays(TODAY, -1);
    t.core.sqlite.prepare("update tasks set due_date = ?, natural_key = replace(natural_key, ?, ?) where kind = 'revisit_sales'").run(y, `:${TODAY}`, `:${y}`);
    const query = { dataset: 'revisitSales', scope: 'all', filter: { columns: [], preset: revisitPreset('pending', FROM, TODAY) } };
    const all = await call(t.core, tok.csmanager!, 'revisits.toTasks', { kind: 'sales', from: FROM, to: TODAY, selection: { query, expectedCount: l.counts.pending } });
    expect(all).toMatchObject({ ok: true, value: { created: l.counts.pending - 1, existing: 0, skippedOpen: 1 } });
    expect(t.core.sqlite.prepare("select count(*) from tasks where kind = 'revisit_sales' and ref_id = ?").pluck().get(a)).toBe(1);
    expect(t.core.sqlite.prepare("select count(*) from tasks where kind = 'revisit_sales' and ref_id = ?").pluck().get(b)).toBe(1);
    const wrongTab = { ...query, filter: { columns: [], preset: revisitPreset('done', FROM, TODAY) } };
    expect(await call(t.core, tok.csmanager!, 'revisits.toTasks', { kind: 'sales', from: FROM, to: TODAY, selection: { query: wrongTab, expectedCount: 1 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
