import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { callValue as call } from '../../../../tests/fixtures/sales-floor';
import { drillCount } from '../../../../tests/fixtures/analysis-floor';
import { dayStartMs } from '../../../common/dates';
import type { Figure, RateFigure } from '../../../common/api/analysis';
import type { AftersalesAnalysis, AftersalesPeriodFigures } from '../../../common/api/analysis-aftersales';
import type { Headline } from '../../../common/api/analysis-headline';
import { aftersalesHeadlines } from './aftersales-headlines';

/** An instant in Shanghai: the day and the hour. */
const at = (day: string, hour = 10) => dayStartMs(day, 'Asia/Shanghai') + hour * 3_600_000;
const H = 3_600_000;
const NOVEMBER = { period: { kind: 'month', anchor: '2026-11-15' }, compare: 'previous' } as const;

/**
 * 售后 / 客服 on a hand-built dealer (today 2026-11-30 12:00 Shanghai), November against an empty
 * October. Each expected number is worked out beside its data.
 */
describe('售后 / 客服 (analysis.aftersales.get)', () => {
  let t: TestCore;
  let tok: Record<string, string>;
  let res: AftersalesAnalysis;
  beforeAll(async () => {
    t = await makeCore();
    t.clock.set(Date.UTC(2026, 10, 30, 4, 0, 0));
    ({ tok } = await usersWithSessions(t.core, [
      ['cm', 'serviceManager'],
      ['gm', 'generalManager'],
      ['aa', 'admin'],
      ['agent', 'serviceAgent'],
      ['adv', 'serviceAdvisor'],
      ['sm', 'salesManager'],
    ]));
    const db = t.core.sqlite;
    const now = t.clock.now();
    const run = (q: string, ...p: unknown[]) => Number(db.prepare(q).run(...p).lastInsertRowid);
    const cust = (name: string) => run('insert into customers (name, created_at, updated_at) values (?, ?, ?)', name, now, now);
    const [c1, c2, c3, c4, c5, c6] = ['甲', '乙', '丙', '丁', '戊', '己'].map(cust) as [number, number, number, number, number, number];
    const veh = (c: number, vin: string) => run("insert into vehicles (customer_id, vin, model, created_at, updated_at) values (?, ?, 'm1', ?, ?)", c, vin, now, now);
    const [v1, v2, v3] = [veh(c1, 'VIN1'), veh(c2, 'VIN2'), veh(c3, 'VIN3')];
    const opp = run("insert into opportunities (customer_id, source, stage, status, last_stage_change_at, created_at, updated_at) values (?, 'showroom', 'delivery', 'won', ?, ?, ?)", c1, now, now, now);
    const delivery = (c: number, day: string, created: number) =>
      run("insert into deliveries (opportunity_id, customer_id, vin, model, price, delivery_date, buyer_id_number, created_at) values (?, ?, 'X', 'm1', 1, ?, 'id', ?)", opp, c, day, created);
    const repair = (c: number, v: number, ro: string, day: string, created: number) =>
      run("insert into service_visits (vehicle_id, customer_id, ro_number, date, type, created_at) values (?, ?, ?, ?, 'repair', ?)", v, c, ro, day, created);
    const revisit = (o: { kind: 'sales' | 'repair'; c: number; event: number; done: number; dissatisfied?: string[] | null }) =>
      run(
        `insert into revisits (kind, customer_id, ${o.kind === 'sales' ? 'delivery_id' : 'service_visit_id'}, status, result, dissatisfaction_reasons, done_at, created_at, updated_at) values (?, ?, ?, 'done', ?, ?, ?, ?, ?)`,
        o.kind, o.c, o.event, o.dissatisfied === undefined ? 'satisfied' : 'dissatisfied', o.dissatisfied ? JSON.stringify(o.dissatisfied) : null, o.done, o.done, o.done,
      );

    // Sales revisits within 3 days: D1 done next day (on time), D2 after 5 days (late), D3 none after 20 days (late),
    // D4 delivered yesterday and not yet revisited (inside its 3 days: not counted) → 1 / 3.
    const d1 = delivery(c1, '2026-11-02', at('2026-11-02'));
    const d2 = delivery(c2, '2026-11-05', at('2026-11-05'));
    delivery(c3, '2026-11-10', at('2026-11-10'));
    delivery(c4, '2026-11-29', at('2026-11-29'));
    revisit({ kind: 'sales', c: c1, event: d1, done: at('2026-11-03') });
    revisit({ kind: 'sales', c: c2, event: d2, done: at('2026-11-10'), dissatisfied: ['attitude'] });
    // Repair: R1 and R2 revisited the next day, R3 after 12 days → 2 / 3. All three dissatisfied.
    const r1 = repair(c1, v1, 'RO1', '2026-11-03', at('2026-11-03'));
    const r2 = repair(c1, v1, 'RO2', '2026-11-06', at('2026-11-06'));
    const r3 = repair(c2, v2, 'RO3', '2026-11-08', at('2026-11-08'));
    revisit({ kind: 'repair', c: c1, event: r1, done: at('2026-11-04'), dissatisfied: ['waiting', 'charges'] });
    revisit({ kind: 'repair', c: c1, event: r2, done: at('2026-11-07'), dissatisfied: ['waiting'] });
    revisit({ kind: 'repair', c: c2, event: r3, done: at('2026-11-20'), dissatisfied: [] });
    // c3's last repair 13 months ago: not in retention's 12 months.
    repair(c3, v3, 'RO0', '2025-10-15', at('2025-10-15'));

    // Complaints in November: 维修质量 ×2 (closed after 24 h and 6 h), 服务态度 ×2 (closed after 48 h; one open) → median 24 h.
    const complaint = (category: string, created: number, closed: number | null) =>
      run("insert into complaints (source, category, customer_id, description, status, closed_at, created_at, updated_at) values ('phone', ?, ?, '投诉', ?, ?, ?, ?)", category, c1, closed ? 'closed' : 'handling', closed, created, created);
    complaint('repair', at('2026-11-02'), at('2026-11-02') + 24 * H);
    complaint('repair', at('2026-11-04'), at('2026-11-04') + 6 * H);
    complaint('attitude', at('2026-11-10'), at('2026-11-10') + 48 * H);
    complaint('attitude', at('2026-11-20'), null);
    complaint('attitude', at('2026-10-20'), null); // October

    // Reminders: 首保 T1 (booked naming the task, arrived), T2 (the customer booked 4 days later, not yet come), T3 (nothing),
    // T4 cancelled (not sent) → 3 sent, 2 appointments, 1 arrival; 常规 T5: the booking came 22 days later → 1, 0, 0.
    const task = (kind: string, c: number, created: number, status = 'done') =>
      run('insert into tasks (kind, natural_key, customer_id, due_date, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)', kind, `${kind}:${c}:${created}`, c, '2026-11-30', status, created, created);
    const appointment = (c: number, created: number, status: string, taskId: number | null) =>
      run("insert into appointments (customer_id, date, slot, status, task_id, created_at) values (?, '2026-11-28', '09:00', ?, ?, ?)", c, status, taskId, created);
    const t1 = task('first_service', c1, at('2026-11-05'));
    appointment(c1, at('2026-11-05') + H, 'arrived', t1);
    task('first_service', c2, at('2026-11-06'));
    appointment(c2, at('2026-11-10'), 'booked', null);
    task('first_service', c3, at('2026-11-07'));
    task('first_service', c4, at('2026-11-07'), 'cancelled');
    task('regular_service', c5, at('2026-11-08'));
    appointment(c5, at('2026-11-30'), 'booked', null);
    // 专项 T6: its booking names it though made 19 days later (after the 14 days) → 1, 1, 1 through the link alone.
    const t6 = task('mileage_service', c6, at('2026-11-01'));
    appointment(c6, at('2026-11-20'), 'arrived', t6);

    // 招揽 (regular service) created in November: 未分配, 成功, 失败, 招揽中 → 招揽率 3 / 4, 成功率 1 / 4; a campaign task is not counted.
    const sol = (kind: string, status: string) =>
      run("insert into solicitation_tasks (natural_key, kind, customer_id, window_start, window_end, status, created_at, updated_at) values (?, ?, ?, '2026-11-01', '2026-12-31', ?, ?, ?)", `${kind}:${status}`, kind, c6, status, at('2026-11-09'), at('2026-11-09'));
    for (const s of ['unassigned', 'succeeded', 'failed', 'in_progress']) sol('regular_service', s);
    sol('campaign', 'succeeded');

    // Churn in November: c3 搬迁, c4 搬迁 and 价格 → 2 customers; by reason 搬迁 2, 价格 1.
    const churn = (c: number, reason: string) => run('insert into churn_records (customer_id, reason, created_at) values (?, ?, ?)', c, reason, at('2026-11-12'));
    churn(c3, 'moved');
    churn(c4, 'moved');
    churn(c4, 'price');

    // 首保回厂率 — all 庚's cars; 庚 takes no revisit calls, so these repair orders stay out of the revisit figures.
    // Due in November (bought 08-03 … 09-01, + 90 days): F1 due 11-01 (the first day) came for 首保 10-20 (early:
    // counts), F2 due 11-30 (the last day) not yet, F3 due 11-03 came for a repair only → 1 / 3.
    // Due in October: F4 due 10-01 came 10-31 (the 30th day of grace: counts), F5 due 10-02 came 11-02 (the 31st: too
    // late) → 1 / 2. F6 (due 09-30) and F7 (due 12-01) fall in neither month.
    const c7 = run('insert into customers (name, dnd_revisit, created_at, updated_at) values (?, 1, ?, ?)', '庚', now, now);
    const bought = (vin: string, day: string) => run("insert into vehicles (customer_id, vin, model, purchase_date, created_at, updated_at) values (?, ?, 'm1', ?, ?, ?)", c7, vin, day, now, now);
    const visit = (v: number, ro: string, day: string, type: string) =>
      run('insert into service_visits (vehicle_id, customer_id, ro_number, date, type, created_at) values (?, ?, ?, ?, ?, ?)', v, c7, ro, day, type, at(day));
    visit(bought('F1', '2026-08-03'), 'RO-F1', '2026-10-20', 'first_service');
    bought('F2', '2026-09-01');
    visit(bought('F3', '2026-08-05'), 'RO-F3', '2026-11-10', 'repair');
    visit(bought('F4', '2026-07-03'), 'RO-F4', '2026-10-31', 'first_service');
    visit(bought('F5', '2026-07-04'), 'RO-F5', '2026-11-02', 'first_service');
    visit(bought('F6', '2026-07-02'), 'RO-F6', '2026-09-30', 'first_service');
    bought('F7', '2026-09-02');

    res = (await call(t.core, tok.cm!, 'analysis.aftersales.get', NOVEMBER)) as AftersalesAnalysis;
  }, 120_000);
  afterAll(() => t.cleanup());

  it('counts each figure as worked out beside the data', () => {
    const c = res.current;
    expect(c.range).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(c.revisitSales.value).toBeCloseTo(1 / 3);
    expect(c.revisitRepair.value).toBeCloseTo(2 / 3);
    expect(c.dissatisfied.value).toBe(4);
    expect(c.dissatisfactionReasons.map((r) => [r.key, r.figure.value])).toEqual([['waiting', 2], ['attitude', 1], ['charges', 1], [null, 1]]);
    expect(c.dissatisfactionReasons[0]!.share).toBeCloseTo(0.4);
    expect(c.dissatisfactionReasons[3]!.cumulative).toBeCloseTo(1);
    // Weeks: 11-01 (a Sunday), 11-02…08, 09…15, 16…22, 23…29, 30.
    expect(c.dissatisfactionTrend.map((p) => [p.range.from, p.figure.value])).toEqual([['2026-11-01', 0], ['2026-11-02', 2], ['2026-11-09', 1], ['2026-11-16', 1], ['2026-11-23', 0], ['2026-11-30', 0]]);
    expect(c.complaints.value).toBe(4);
    expect(c.complaintCategories.map((x) => [x.category, x.figure.value])).toEqual([['attitude', 2], ['repair', 2]]);
    expect([c.complaintsOpen.value, c.complaintsClosed.value, c.complaintCloseHours]).toEqual([1, 3, 24]);
    const first = c.reminders.find((r) => r.kind === 'first_service')!;
    expect([first.sent.value, first.appointed.value, first.arrived.value, first.appointmentRate, first.arrivalRate]).toEqual([3, 2, 1, 2 / 3, 0.5]);
    const regular = c.reminders.find((r) => r.kind === 'regular_service')!;
    expect([regular.sent.value, regular.appointed.value, regular.arrivalRate]).toEqual([1, 0, null]);
    const mileage = c.reminders.find((r) => r.kind === 'mileage_service')!;
    expect([mileage.sent.value, mileage.appointed.value, mileage.arrived.value]).toEqual([1, 1, 1]);
    expect(c.solicitationRate.value).toBe(0.75);
    expect(c.solicitationSuccess.value).toBe(0.25);
    // Bought here: c1…c4; a repair order within 12 months: c1, c2 → 2 / 4.
    expect(c.retention.value).toBe(0.5);
    expect([c.firstServiceDue.value, c.firstServiceReturn.value]).toEqual([3, 1 / 3]);
    expect([res.previous!.firstServiceDue.value, res.previous!.firstServiceReturn.value]).toEqual([2, 0.5]);
    expect(c.churned.value).toBe(2);
    expect(c.churnReasons.map((r) => [r.key, r.figure.value])).toEqual([['moved', 2], ['price', 1]]);
  });

  it('shows an empty October as "—" (null), never 0 % or NaN', () => {
    const p = res.previous!;
    expect(p.range).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    for (const r of [p.revisitSales, p.revisitRepair, p.solicitationRate, p.solicitationSuccess, p.retention]) expect(r.value).toBeNull();
    expect(p.complaintCloseHours).toBeNull();
    expect(p.complaints.value).toBe(1);
    expect(p.complaintsOpen.value).toBe(1);
    expect(p.dissatisfactionReasons).toEqual([]);
    expect(p.reminders.every((r) => r.appointmentRate === null && r.arrivalRate === null)).toBe(true);
  });

  it("lists exactly each figure's records in the grid (drill count = figure, a rate's parts = its denominator)", async () => {
    const figures: [string, Figure][] = [];
    const rates: [string, RateFigure, number][] = [];
    for (const [name, p] of [['cur', res.current], ['prev', res.previous!]] as [string, AftersalesPeriodFigures][]) {
      figures.push([`${name}.firstServiceDue`, p.firstServiceDue], [`${name}.dissatisfied`, p.dissatisfied], [`${name}.complaints`, p.complaints], [`${name}.open`, p.complaintsOpen], [`${name}.closed`, p.complaintsClosed], [`${name}.churned`, p.churned]);
      for (const r of p.dissatisfactionReasons) figures.push([`${name}.why.${r.key}`, r.figure]);
      for (const r of p.dissatisfactionTrend) figures.push([`${name}.trend.${r.range.from}`, r.figure]);
      for (const r of p.complaintCategories) figures.push([`${name}.cat.${r.category}`, r.figure]);
      for (const r of p.churnReasons) figures.push([`${name}.churn.${r.key}`, r.figure]);
      for (const r of p.reminders) figures.push([`${name}.rm.${r.kind}.sent`, r.sent], [`${name}.rm.${r.kind}.appt`, r.appointed], [`${name}.rm.${r.kind}.arr`, r.arrived]);
    }
    const c = res.current;
    rates.push(['revisitSales', c.revisitSales, 3], ['revisitRepair', c.revisitRepair, 3], ['solicitation', c.solicitationRate, 4], ['success', c.solicitationSuccess, 4], ['retention', c.retention, 4], ['firstService', c.firstServiceReturn, 3], ['firstServicePrev', res.previous!.firstServiceReturn, 2]);
    for (const [who, token] of [['cm', tok.cm!], ['gm', tok.gm!], ['aa', tok.aa!]] as const) {
      for (const [name, f] of figures) {
        let n = 0;
        for (const q of f.drill) n += await drillCount(t.core, token, q);
        expect(`${who} ${name} ${n}`).toBe(`${who} ${name} ${f.value}`);
      }
      for (const [name, r, total] of rates) {
        const parts = [];
        for (const q of r.drill) parts.push(await drillCount(t.core, token, q));
        expect(`${who} ${name} ${parts.join('+')}`).toBe(`${who} ${name} ${Math.round(r.value! * total)}+${total - Math.round(r.value! * total)}`);
      }
    }
  });

  it("is the service manager's, general manager's and admin's: agents, advisers and sales managers are refused", async () => {
    for (const who of ['gm', 'aa']) await expect(call(t.core, tok[who]!, 'analysis.aftersales.get', NOVEMBER)).resolves.toBeTruthy();
    for (const who of ['agent', 'adv', 'sm']) await expect(call(t.core, tok[who]!, 'analysis.aftersales.get', NOVEMBER)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('gives 总经理月报 its headlines from the same figures, with the compared month', async () => {
    const hs: Headline[] = await aftersalesHeadlines(t.core, undefined as never, { from: '2026-11-01', to: '2026-11-30' }, { from: '2026-10-01', to: '2026-10-31' });
    const by = Object.fromEntries(hs.map((h) => [h.key, [h.value, h.previous]]));
    expect(by).toEqual({ revisitSales: [1 / 3, null], revisitRepair: [2 / 3, null], dissatisfied: [4, 0], complaints: [4, 1], solicitationRate: [0.75, null], firstServiceReturn: [1 / 3, 0.5], retention: [0.5, null] });
    expect(hs.find((h) => h.key === 'complaints')!.drill).toEqual(res.current.complaints.drill);
  });
});
