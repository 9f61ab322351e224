import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_DATASETS, REMINDER_KINDS, reminderPreset, type ReminderKind, type ReminderList } from '../../../common/api/reminders';
import type { GridPage } from '../../../common/api/grid';
import type { SmsPreview } from '../../../common/api/sms';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed';
import { addDays } from '../../../common/dates';
import { applyRule, birthdayMds, defaultRange, estimatedMileage, type VehicleFacts } from './reminder-rules';
import { regularServiceList } from './reminders';

/**
 * The SQL of every reminder list answers exactly what the pure rules answer, on demo data, with
 * the machine in UTC and the dealer's day in Asia/Shanghai (the clock is just after 16:00 UTC, so
 * the dealer's today is already the next day).
 */
const TODAY = '2026-11-24';
let t: TestCore;
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await makeCore();
  await seedDemo(t.core.sqlite, { customers: 800, today: '2026-11-23' });
  t.clock.set(Date.UTC(2026, 10, 23, 16, 0, 1)); // 2026-11-24 00:00:01 in Shanghai
  for (const u of ['service1', 'csmanager', 'sales1']) tok[u] = (await t.core.auth.login(u, DEMO_PASSWORD)).token;
}, 60_000);
afterAll(() => t.cleanup());

function facts(): VehicleFacts[] {
  return (
    t.core.sqlite
      .prepare(
        `select v.customer_id as customerId, v.id as vehicleId, v.plate, v.purchase_date as purchaseDate, v.next_service_date as nextServiceDate,
                v.last_service_date as lastServiceDate, v.mileage, v.mileage_date as mileageDate, v.avg_km_per_day as avgKmPerDay,
                v.insurance_expiry as insuranceExpiry, v.membership_expiry as membershipExpiry, v.inspection_expiry as inspectionExpiry,
                v.licence_expiry as licenceExpiry, (select count(*) from service_visits s where s.vehicle_id = v.id) as visits,
                (c.dnd_call = 1 or c.dnd_sms = 1) as dnd
           from vehicles v join customers c on c.id = v.customer_id`,
      )
      .all() as (Omit<VehicleFacts, 'dnd'> & { dnd: number })[]
  ).map((f) => ({ ...f, dnd: !!f.dnd }));
}

async function list(user: string, input: Record<string, unknown>): Promise<ReminderList> {
  const r = await call(t.core, tok[user]!, 'reminders.list', { limit: 500, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as ReminderList;
}

const RANGES: Record<Exclude<ReminderKind, 'birthday'>, [string, string]> = {
  first_service: [addDays(TODAY, -120), addDays(TODAY, -60)],
  regular_service: [TODAY, addDays(TODAY, 60)],
  mileage_service: [TODAY, TODAY],
  expiry_insurance: [TODAY, addDays(TODAY, 60)],
  expiry_membership: [TODAY, addDays(TODAY, 90)],
  expiry_inspection: [TODAY, addDays(TODAY, 90)],
  expiry_licence: [TODAY, addDays(TODAY, 90)],
  churn: [addDays(TODAY, -900), TODAY],
};

describe('reminder lists: SQL = the pure rules', () => {
  it.each(REMINDER_KINDS.filter((k) => k !== 'birthday') as Exclude<ReminderKind, 'birthday'>[])('%s', async (kind) => {
    const [from, to] = RANGES[kind];
    const kmBand = kind === 'mileage_service' ? { kmFrom: 20_000, kmTo: 60_000 } : {};
    const got = await list('service1', { kind, from, to, ...kmBand });
    const want = applyRule(kind, facts(), { today: TODAY, from, to, platePrefix: '粤B', kmFrom: 20_000, kmTo: 60_000 });
    expect(got.today).toBe(TODAY);
    expect(got.total).toBe(want.rows.length);
    expect(got.leftOutDnd).toBe(want.leftOutDnd);
    expect(got.rows.map((r) => r.vehicleId).sort((a, b) => a! - b!)).toEqual(want.rows.map((r) => r.vehicleId).slice(0, 500).sort((a, b) => a - b));
    expect(got.total, `${kind} should have rows in the demo data`).toBeGreaterThan(0);
  });

  it('birthdays this week, DND customers left out', async () => {
    const [from, to] = defaultRange('birthday', TODAY);
    const got = await list('service1', { kind: 'birthday' });
    const mds = new Set(birthdayMds(from, to));
    const all = t.core.sqlite.prepare('select id, birthday_md as md, (dnd_call = 1 or dnd_sms = 1) as dnd from customers').all() as { id: number; md: string | null; dnd: number }[];
    const q = all.filter((c) => c.md && mds.has(c.md));
    expect(got.total).toBe(q.filter((c) => !c.dnd).length);
    expect(got.leftOutDnd).toBe(q.filter((c) => c.dnd).length);
  });
});

describe('DND counted either way', () => {
  it.each(REMINDER_KINDS)('%s: from the listed rows = from the DND side (partial index)', (kind) => {
    const st = t.core.services.reminders.statements(null, { kind, ...(kind === 'birthday' ? {} : { from: RANGES[kind].at(0), to: RANGES[kind].at(1) }) });
    expect(t.core.db.get<{ n: number }>(st.dnd(0))!.n).toBe(t.core.db.get<{ n: number }>(st.dnd(Number.MAX_SAFE_INTEGER))!.n);
  });
});

describe('regularServiceList for other features', () => {
  it('pages the same list without a session (scheduled jobs)', () => {
    const [from, to] = RANGES.regular_service;
    const a = regularServiceList(t.core, { from, to, limit: 5 });
    const b = regularServiceList(t.core, { from, to, offset: 5, limit: 5 });
    expect(a.rows).toHaveLength(5);
    expect(new Set([...a.rows, ...b.rows].map((r) => r.vehicleId)).size).toBe(10);
    expect(a.rows.every((r) => r.date! >= from && r.date! <= to)).toBe(true);
    expect(a.leftOutDnd).toBeGreaterThan(0);
  });
});

describe('access and bad input', () => {
  it('a sales consultant (no 提醒服务 screen) is refused the lists', async () => {
    // Issue 14 item 6: a method has the roles of its screen; 提醒服务 is customer service's.
    const r = await call(t.core, tok.sales1!, 'reminders.list', { kind: 'expiry_insurance', from: TODAY, to: addDays(TODAY, 365) });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([
    [{ kind: 'regular_service', from: '2026-02-30', to: '2026-03-01' }, 'from'],
    [{ kind: 'regular_service', from: '2026-12-01', to: '2026-11-01' }, 'to'],
    [{ kind: 'mileage_service', kmFrom: 90_000, kmTo: 80_000 }, 'kmTo'],
  ])('%o → a clear message on %s', async (input, field) => {
    const r = await call(t.core, tok.service1!, 'reminders.list', input);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ field }] } } });
    if (!r.ok) expect(JSON.stringify(r.error.details)).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('lists into tasks', () => {
  it('each qualifying, non-DND row becomes one task, once, however often it is generated', async () => {
    const input = { kind: 'expiry_insurance', from: TODAY, to: addDays(TODAY, 20) };
    const l = await list('service1', input);
    const first = await call(t.core, tok.service1!, 'reminders.toTasks', input);
    expect(first).toEqual({ ok: true, value: { created: l.total, existing: 0, skippedOpen: 0, leftOutDnd: l.leftOutDnd } });
    const again = await call(t.core, tok.service1!, 'reminders.toTasks', input);
    expect(again).toEqual({ ok: true, value: { created: 0, existing: l.total, skippedOpen: 0, leftOutDnd: l.leftOutDnd } });
    const n = t.core.sqlite.prepare("select count(*) from tasks where kind = 'expiry_insurance' and assignee_id is null").pluck().get();
    expect(n).toBe(l.total);
    const dnd = t.core.sqlite.prepare("select count(*) from tasks t join customers c on c.id = t.customer_id where t.kind = 'expiry_insurance' and (c.dnd_call = 1 or c.dnd_sms = 1)").pluck().get();
    expect(dnd).toBe(0);
  });

  it('an agent cannot hand tasks to someone else; a manager can', async () => {
    const service2 = t.core.sqlite.prepare("select id from users where username = 'service2'").pluck().get() as number;
    const input = { kind: 'expiry_membership', from: TODAY, to: addDays(TODAY, 10), assigneeId: service2 };
    expect(await call(t.core, tok.service1!, 'reminders.toTasks', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const r = await call(t.core, tok.csmanager!, 'reminders.toTasks', input);
    expect(r.ok).toBe(true);
    const mine = t.core.sqlite.prepare("select count(*) from tasks where kind = 'expiry_membership' and assignee_id = ?").pluck().get(service2);
    expect(mine).toBe(r.ok ? (r.value as { created: number }).created : -1);
  });

  it('a sales consultant cannot turn lists into tasks', async () => {
    expect(await call(t.core, tok.sales1!, 'reminders.toTasks', { kind: 'birthday' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

/** A grid page of a reminder list's data set (the screen's path). */
async function grid(user: string, kind: ReminderKind, params: Parameters<typeof reminderPreset>[1], extra: Record<string, unknown> = {}): Promise<GridPage & { kind: 'rows' }> {
  const r = await call(t.core, tok[user]!, 'grid.query', { dataset: REMINDER_DATASETS[kind], scope: 'all', filter: { columns: [], preset: reminderPreset(kind, params) }, columns: ['customerName'], limit: 500, withTotal: true, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as GridPage & { kind: 'rows' };
}

describe('the lists on the DataGrid: the rule decides the rows, the grid sorts / filters / groups within them', () => {
  it.each(REMINDER_KINDS)('%s: the grid rows are the list rows (DND left out)', async (kind) => {
    const params = kind === 'birthday' ? {} : kind === 'mileage_service' ? { kmFrom: 20_000, kmTo: 60_000 } : { from: RANGES[kind][0], to: RANGES[kind][1] };
    const l = await list('service1', { kind, ...params });
    const g = await grid('service1', kind, params);
    expect(g.total).toBe(l.total);
    const ids = (rows: { id?: unknown }[]) => rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    expect(ids(g.rows)).toEqual(l.rows.map((r) => (kind === 'birthday' ? r.customerId : r.vehicleId!)).sort((a, b) => a - b));
    // Every list names the row's customer in a customerId column (SMS to ticked rows, the card).
    const byRow = new Map(l.rows.map((r) => [kind === 'birthday' ? r.customerId : r.vehicleId!, r.customerId]));
    const withCustomer = await grid('service1', kind, params, { columns: ['customerId'] });
    expect(withCustomer.rows.every((r) => byRow.get(Number(r.id)) === Number(r.customerId))).toBe(true);
  });

  it('专项保养 shows the estimated km the rule filters on (today’s estimate, inside the band)', async () => {
    const band = { kmFrom: 20_000, kmTo: 60_000 };
    const l = await list('service1', { kind: 'mileage_service', ...band });
    expect(l.rows.length).toBeGreaterThan(0);
    const g = await grid('service1', 'mileage_service', band, { columns: ['estimatedKm'] });
    const byVehicle = new Map(facts().map((v) => [v.vehicleId, v]));
    for (const r of g.rows) {
      const est = estimatedMileage(byVehicle.get(Number(r.id))!, TODAY);
      expect(Number(r.estimatedKm)).toBe(est);
      expect(est! >= band.kmFrom && est! <= band.kmTo).toBe(true);
    }
    expect(new Map(g.rows.map((r) => [Number(r.id), Number(r.estimatedKm)]))).toEqual(new Map(l.rows.map((r) => [r.vehicleId!, r.figure])));
    // Today's estimate, not the last reading: vehicles driven since their reading show more.
    expect(g.rows.some((r) => Number(r.estimatedKm) > (byVehicle.get(Number(r.id))!.mileage ?? 0))).toBe(true);
  });

  it('sorts by the rule date both ways, filters on a column and groups by model, all within the list', async () => {
    const params = { from: RANGES.regular_service[0], to: RANGES.regular_service[1] };
    const l = await list('service1', { kind: 'regular_service', ...params });
    const desc = await grid('service1', 'regular_service', params, { columns: ['customerName', 'date'], sort: [{ col: 'date', dir: 'desc' }] });
    const dates = desc.rows.map((r) => String(r.date));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]! <= params.to && dates.at(-1)! >= params.from).toBe(true);
    const model = t.core.sqlite.prepare(`select model from vehicles where id = ?`).pluck().get(l.rows[0]!.vehicleId) as string;
    const only = await grid('service1', 'regular_service', params, { filter: { columns: [{ join: 'and', conditions: [{ col: 'model', op: 'in', values: [model] }] }], preset: reminderPreset('regular_service', params) } });
    const want = l.rows.filter((r) => t.core.sqlite.prepare('select model from vehicles where id = ?').pluck().get(r.vehicleId) === model);
    expect(only.total).toBe(want.length);
    const groups = await call(t.core, tok.service1!, 'grid.query', { dataset: 'reminderRegularService', scope: 'all', filter: { columns: [], preset: reminderPreset('regular_service', params) }, columns: ['customerName'], groupBy: ['model'] });
    const g = groups.ok ? (groups.value as GridPage) : null;
    expect(g?.kind === 'groups' && g.groups.reduce((a, x) => a + x.count, 0)).toBe(l.total);
  });

  it('refuses a sort the indexes do not back, a range backwards (field message) and a preset that is no rule', async () => {
    const base = { dataset: 'reminderRegularService', scope: 'all', columns: ['customerName'] };
    expect(await call(t.core, tok.service1!, 'grid.query', { ...base, filter: { columns: [], preset: 'rule' }, sort: [{ col: 'customerName', dir: 'asc' }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call(t.core, tok.service1!, 'grid.query', { ...base, filter: { columns: [], preset: 'rule:2026-12-01~2026-11-01' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ field: 'to' }] } } });
    expect(await call(t.core, tok.service1!, 'grid.query', { ...base, filter: { columns: [], preset: 'rule:2026-02-30~2026-03-01' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call(t.core, tok.service1!, 'grid.query', { ...base, filter: { columns: [], preset: 'constructor' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('local plates follow the dealer.platePrefix setting in the grid as in the list (流失预警, 专项保养)', async () => {
    const before = t.core.settings.get('dealer.platePrefix');
    try {
      t.core.settings.set('dealer.platePrefix', ' 沪a ');
      for (const kind of ['churn', 'mileage_service'] as const) {
        const params = kind === 'churn' ? { from: RANGES.churn[0], to: RANGES.churn[1] } : { kmFrom: 20_000, kmTo: 60_000 };
        const l = await list('service1', { kind, ...params });
        const g = await grid('service1', kind, params);
        expect(g.total).toBe(l.total);
        expect(l.total, `${kind} should have 沪A vehicles in the demo data`).toBeGreaterThan(0);
        const plates = t.core.sqlite.prepare(`select plate from vehicles where id in (${g.rows.map((r) => Number(r.id)).join(',') || 0})`).pluck().all() as string[];
        expect(plates.every((p) => p.startsWith('沪A'))).toBe(true);
      }
    } finally {
      t.core.settings.set('dealer.platePrefix', before);
    }
  });

  it('exports the list as the grid shows it (the rule pinned)', async () => {
    const params = { from: RANGES.expiry_licence[0], to: RANGES.expiry_licence[1] };
    const l = await list('csmanager', { kind: 'expiry_licence', ...params });
    const r = await call(t.core, tok.csmanager!, 'grid.export', { dataset: 'reminderExpiryLicence', scope: 'all', filter: { columns: [], preset: reminderPreset('expiry_licence', params) }, columns: ['customerName', 'plate', 'date'], exportId: 'rem-export-1' });
    expect(r).toMatchObject({ ok: true, value: { rows: l.total } });
  });

  it('a sales consultant is refused the reminder grids, in every scope', async () => {
    for (const scope of ['mine', 'all'] as const) {
      const r = await call(t.core, tok.sales1!, 'grid.query', { dataset: 'reminderExpiryInsurance', scope, filter: { columns: [], preset: 'rule' }, columns: ['customerName'] });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('发短信 from a reminder list', () => {
  it('ticked rows and all N matching map to the rows’ customers (the preview counts them)', async () => {
    const params = { from: RANGES.regular_service[0], to: RANGES.regular_service[1] };
    const l = await list('service1', { kind: 'regular_service', ...params });
    const query = { dataset: 'reminderRegularService', scope: 'all', filter: { columns: [], preset: reminderPreset('regular_service', params) } };
    const customersOf = (rows: typeof l.rows) => new Set(rows.map((r) => r.customerId)).size;
    const preview = async (audience: Record<string, unknown>) => {
      const r = await call(t.core, tok.service1!, 'sms.preview', { audience: { customerIds: [], grid: null, rows: null, manualNumbers: '', ...audience }, message: { templateId: null, body: '您好,保养时间到了', channel: 'smpp' } });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const p = r.value as SmsPreview;
      return p.sendable + p.leftOut.dnd + p.leftOut.optOut + p.leftOut.noMobile;
    };
    expect(l.rows.length).toBe(l.total);
    const two = l.rows.slice(0, 2);
    expect(await preview({ rows: { query, ids: two.map((r) => r.vehicleId!) } })).toBe(customersOf(two));
    expect(await preview({ grid: { query, expectedCount: l.total } })).toBe(customersOf(l.rows));
  });
});

describe('selected rows into tasks', () => {
  it('only the selected rows of the list; all N matching the grid query; a changed list is refused', async () => {
    const params = { from: addDays(TODAY, 21), to: addDays(TODAY, 40) };
    const l = await list('service1', { kind: 'expiry_insurance', ...params });
    const picked = l.rows.slice(0, 2).map((r) => r.vehicleId!);
    const r = await call(t.core, tok.service1!, 'reminders.toTasks', { kind: 'expiry_insurance', ...params, selection: { ids: [...picked, 999_999_999] } });
    expect(r).toMatchObject({ ok: true, value: { created: 2, existing: 0 } });
    const query = { dataset: 'reminderExpiryInsurance', scope: 'all', filter: { columns: [], preset: reminderPreset('expiry_insurance', params) } };
    expect(await call(t.core, tok.service1!, 'reminders.toTasks', { kind: 'expiry_insurance', ...params, selection: { query, expectedCount: l.total + 1 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const all = await call(t.core, tok.service1!, 'reminders.toTasks', { kind: 'expiry_insurance', ...params, selection: { query, expectedCount: l.total } });
    expect(all).toMatchObject({ ok: true, value: { created: l.total - 2, existing: 2 } });
    const other = { ...query, dataset: 'reminderExpiryLicence' };
    expect(await call(t.core, tok.service1!, 'reminders.toTasks', { kind: 'expiry_insurance', ...params, selection: { query: other, expectedCount: 1 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('专项保养 on a later day: a customer holding an open task of the kind gets no second one', async () => {
    const band = { kmFrom: 20_000, kmTo: 60_000 };
    const l = await list('service1', { kind: 'mileage_service', ...band });
    const day1 = await call(t.core, tok.service1!, 'reminders.toTasks', { kind: 'mileage_service', ...band });
    expect(day1).toMatchObject({ ok: true, value: { created: l.total, skippedOpen: 0 } });
    // One task is worked and closed meanwhile: that customer may be reminded again.
    const closed = t.core.sqlite.prepare("select customer_id from tasks where kind = 'mileage_service' order by id limit 1").pluck().get() as number;
    t.core.sqlite.prepare("update tasks set status = 'done' where kind = 'mileage_service' and customer_id = ?").run(closed);
    // Yesterday's run: the same tasks, due (made) the day before.
    const y = addDays(TODAY, -1);
    t.core.sqlite.prepare("update tasks set due_date = ?, natural_key = replace(natural_key, ?, ?) where kind = 'mileage_service'").run(y, `:${TODAY}`, `:${y}`);
    const again = l.rows.filter((r) => r.customerId !== closed).length;
    const today = await call(t.core, tok.service1!, 'reminders.toTasks', { kind: 'mileage_service', ...band });
    expect(today).toMatchObject({ ok: true, value: { skippedOpen: again, created: l.total - again, existing: 0 } });
    expect(again).toBeGreaterThan(0);
    const twice = t.core.sqlite.prepare("select count(*) from (select customer_id from tasks where kind = 'mileage_service' and status = 'open' group by customer_id, vehicle_id having count(*) > 1)").pluck().get();
    expect(twice).toBe(0);
  });
});

describe('churn records and next service', () => {
  it('records why a churned customer left (audited); refuses a reason not in the dictionary', async () => {
    const churned = await list('service1', { kind: 'churn', from: addDays(TODAY, -900), to: TODAY });
    const row = churned.rows[0]!;
    const reason = t.core.sqlite.prepare("select code from dictionaries where kind = 'churn_reason' and active = 1 limit 1").pluck().get() as string;
    const bad = await call(t.core, tok.service1!, 'churn.record', { customerId: row.customerId, vehicleId: row.vehicleId, reason: 'nonsense', note: null });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ field: 'reason' }] } } });
    const ok = await call(t.core, tok.service1!, 'churn.record', { customerId: row.customerId, vehicleId: row.vehicleId, reason, note: '搬去外地' });
    expect(ok.ok).toBe(true);
    const recs = await call(t.core, tok.service1!, 'churn.records', { customerId: row.customerId });
    expect(recs).toMatchObject({ ok: true, value: [{ reason, note: '搬去外地', vehicleId: row.vehicleId }] });
    expect(t.core.sqlite.prepare("select count(*) from audit_log where entity = 'churn_record'").pluck().get()).toBe(1);
  });

  it('recomputes a vehicle’s next service date from its last visit, whichever of time or km is first', async () => {
    const v = t.core.sqlite.prepare('select id, last_service_date as last, avg_km_per_day as avg from vehicles where last_service_date is not null and avg_km_per_day > 30 and model = ? limit 1').get('sagitar') as { id: number; last: string; avg: number };
    const r = await call(t.core, tok.service1!, 'vehicles.recomputeNextService', { vehicleId: v.id });
    expect(r).toEqual({ ok: true, value: { vehicleId: v.id, nextServiceDate: addDays(v.last, Math.floor(7500 / v.avg)) } });
    expect(t.core.sqlite.prepare('select next_service_date from vehicles where id = ?').pluck().get(v.id)).toBe(addDays(v.last, Math.floor(7500 / v.avg)));
  });
});
