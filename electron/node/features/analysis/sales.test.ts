import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../../../../tests/support/core';
import { callValue as call } from '../../../../tests/fixtures/sales-floor';
import { NOVEMBER, analysisFloor, drillCount } from '../../../../tests/fixtures/analysis-floor';
import { dayStartMs } from '../../../common/dates';
import type { Figure, SalesAnalysis, SalesPeriodFigures } from '../../../common/api/analysis';
import { salesHeadlines } from './sales-headlines';

/** Noon of a day in the floor's zone (Shanghai): opportunities are opened and closed at instants. */
const noon = (day: string) => dayStartMs(day, 'Asia/Shanghai') + 12 * 3_600_000;
const NOV = NOVEMBER;

describe('销售分析 (analysis.sales.get)', () => {
  let f: Awaited<ReturnType<typeof analysisFloor>>['f'];
  let t: TestCore;
  beforeEach(async () => {
    // 2026-11-30 12:00 in Shanghai; the manager sees team A (s1, s2), team B is s3.
    ({ t, f } = await analysisFloor());
    const now = t.clock.now();
    const db = t.core.sqlite;
    const cust = Number(db.prepare("insert into customers (name, owner_id, source, created_at, updated_at) values ('客户', ?, 'ad', ?, ?)").run(f.uid.s1, now, now).lastInsertRowid);
    const visit = (consultant: number | null, day: string, first: boolean) =>
      db
        .prepare("insert into showroom_visits (name, consultant_id, visit_date, first_visit, visit_mode, created_at) values ('访客', ?, ?, ?, ?, ?)")
        .run(consultant, day, first ? 1 : 0, first ? 1 : 3, now);
    const walkIn = (consultant: number | null, day: string, count: number) =>
      db.prepare("insert into walk_in_batches (visit_date, model, count, consultant_id, created_at) values (?, 'sagitar', ?, ?, ?)").run(day, count, consultant, now);
    const opp = (o: { consultant: number; stage: string; created: string; status?: string; closed?: string; reason?: string | null }) =>
      Number(
        db
          .prepare('insert into opportunities (customer_id, consultant_id, source, stage, status, abandon_reason, last_stage_change_at, closed_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(cust, o.consultant, 'showroom', o.stage, o.status ?? 'open', o.reason ?? null, noon(o.created), o.closed ? noon(o.closed) : null, noon(o.created), now).lastInsertRowid,
      );
    const deliver = (oppId: number, consultant: number | null, day: string) =>
      db
        .prepare("insert into deliveries (opportunity_id, customer_id, vin, model, price, delivery_date, buyer_id_number, consultant_id, created_at) values (?, ?, 'LSVAA4182E2000001', 'sagitar', 150000, ?, '110101199001011234', ?, ?)")
        .run(oppId, cust, day, consultant, now);

    // November: first visits s1 ×3, s2 ×1, s3 ×1 (team B), one without a consultant (not a prospect in the 日报); a return visit.
    visit(f.uid.s1!, '2026-11-03', true);
    visit(f.uid.s1!, '2026-11-04', true);
    visit(f.uid.s1!, '2026-11-20', true);
    visit(f.uid.s2!, '2026-11-10', true);
    visit(f.uid.s3!, '2026-11-11', true);
    visit(null, '2026-11-12', true);
    visit(f.uid.s1!, '2026-11-21', false);
    visit(f.uid.s1!, '2026-10-15', true); // October
    // Walk-ins: s1 3 − 1, s3 2, one batch of 5 without a consultant (not counted), October 4.
    walkIn(f.uid.s1!, '2026-11-03', 3);
    walkIn(f.uid.s1!, '2026-11-03', -1);
    walkIn(f.uid.s3!, '2026-11-11', 2);
    walkIn(null, '2026-11-12', 5);
    walkIn(f.uid.s1!, '2026-10-15', 4);
    // Opportunities opened in November, by their stage now: s1 initial, needs ×2 (one abandoned), test drive, delivery (won);
    // s2 presentation (abandoned); s3 quote (abandoned). One opened in October, abandoned in November.
    opp({ consultant: f.uid.s1!, stage: 'initial_contact', created: '2026-11-02' });
    opp({ consultant: f.uid.s1!, stage: 'needs_analysis', created: '2026-11-05' });
    opp({ consultant: f.uid.s1!, stage: 'needs_analysis', created: '2026-11-06', status: 'abandoned', closed: '2026-11-15', reason: 'price' });
    opp({ consultant: f.uid.s1!, stage: 'test_drive', created: '2026-11-07' });
    const won = opp({ consultant: f.uid.s1!, stage: 'delivery', created: '2026-11-08', status: 'won', closed: '2026-11-25' });
    opp({ consultant: f.uid.s2!, stage: 'presentation', created: '2026-11-09', status: 'abandoned', closed: '2026-11-20', reason: 'price' });
    opp({ consultant: f.uid.s3!, stage: 'quote_to_close', created: '2026-11-10', status: 'abandoned', closed: '2026-11-21', reason: 'competitor' });
    opp({ consultant: f.uid.s2!, stage: 'initial_contact', created: '2026-10-20', status: 'abandoned', closed: '2026-11-02', reason: null });
    const octWon = opp({ consultant: f.uid.s2!, stage: 'delivery', created: '2026-10-01', status: 'won', closed: '2026-10-30' });
    deliver(won, f.uid.s1!, '2026-11-25');
    deliver(octWon, f.uid.s2!, '2026-10-30');
  }, 30_000); // six users with hashed passwords: slow on a busy 2-CPU machine
  afterEach(() => t.cleanup());

  const get = (token: string, input: object = NOV) => call(t.core, token, 'analysis.sales.get', input) as Promise<SalesAnalysis>;

  /** Every count figure of a period against its list in the grid; returns how many were checked. */
  async function expectDrillsMatch(token: string, p: SalesPeriodFigures) {
    const figures: [string, Figure][] = [
      ['newProspects', p.newProspects],
      ['walkIns', p.walkIns],
      ['deals', p.deals],
      ['lost', p.lost],
      ...p.funnel.map((s): [string, Figure] => [`funnel.${s.stage}`, s.reached]),
      ...p.lostReasons.map((r): [string, Figure] => [`lost.${r.reason}`, r.figure]),
    ];
    for (const [name, fig] of figures) {
      let n = 0;
      for (const q of fig.drill) n += await drillCount(t.core, token, q);
      expect({ name, n }).toEqual({ name, n: fig.value });
    }
    // A rate's lists are its numerator's and the rest of its denominator's.
    expect(p.registrationRate.drill).toEqual([...p.newProspects.drill, ...p.walkIns.drill]);
    expect(p.closingRate.drill).toEqual([...p.deals.drill, ...p.newProspects.drill]);
    return figures.length;
  }

  it('counts the month for the general manager as worked out by hand, with the 日报\'s rates, and each drill-down lists exactly the figure', async () => {
    const r = await get(f.tok.gm!, { ...NOV, scope: 'all' });
    const c = r.current;
    expect(c.range).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    // First visits with a consultant: s1 3 + s2 1 + s3 1 = 5; walk-ins with a consultant: 3 − 1 + 2 = 4; one delivery.
    expect([c.newProspects.value, c.walkIns.value, c.deals.value]).toEqual([5, 4, 1]);
    expect(c.registrationRate.value).toBeCloseTo(5 / 9); // 5 / (5 + 4)
    expect(c.closingRate.value).toBeCloseTo(1 / 6); // 1 / (1 + 5)
    // Seven opened in November; at or beyond each stage: 7, 6 (all but the initial one), 4, 3, 2, 1.
    expect(c.funnel.map((s) => [s.stage, s.reached.value])).toEqual([
      ['initial_contact', 7],
      ['needs_analysis', 6],
      ['presentation', 4],
      ['test_drive', 3],
      ['quote_to_close', 2],
      ['delivery', 1],
    ]);
    expect(c.funnel.map((s) => s.conversion)).toEqual([null, 6 / 7, 4 / 6, 3 / 4, 2 / 3, 1 / 2]);
    // Abandoned in November: price ×2, competitor, no reason (October's, closed 11-02) — Pareto order, unknown last.
    expect(c.lost.value).toBe(4);
    expect(c.lostReasons.map((x) => [x.reason, x.figure.value, x.share, x.cumulative])).toEqual([
      ['price', 2, 0.5, 0.5],
      ['competitor', 1, 0.25, 0.75],
      [null, 1, 0.25, 1],
    ]);
    // October: one first visit, 4 walk-ins, one delivery; one opportunity opened (delivered) and one opened later abandoned.
    const p = r.previous!;
    expect(p.range).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect([p.newProspects.value, p.walkIns.value, p.deals.value, p.lost.value]).toEqual([1, 4, 1, 0]);
    expect(p.registrationRate.value).toBeCloseTo(1 / 5);
    expect(p.closingRate.value).toBeCloseTo(1 / 2);
    expect(p.funnel.map((s) => s.reached.value)).toEqual([2, 1, 1, 1, 1, 1]);
    expect(await expectDrillsMatch(f.tok.gm!, c)).toBe(13);
    await expectDrillsMatch(f.tok.gm!, p);
  });

  it('the rates are the 日报\'s: the same month through showroom.traffic.daily gives the same two rates', async () => {
    const r = await get(f.tok.gm!, { ...NOV, scope: 'all' });
    const daily = (await call(t.core, f.tok.gm!, 'showroom.traffic.daily', { month: '2026-11' })) as { total: { registrationRate: number | null; closingRate: number | null } };
    expect([r.current.registrationRate.value, r.current.closingRate.value]).toEqual([daily.total.registrationRate, daily.total.closingRate]);
  });

  it('a sales manager counts their teams only, and one consultant of them; a consultant outside the scope is refused', async () => {
    const r = await get(f.tok.mgr!, { ...NOV, scope: 'team' });
    expect([r.current.newProspects.value, r.current.walkIns.value, r.current.lost.value]).toEqual([4, 2, 3]); // s3 is team B's
    expect(r.current.funnel[0]!.reached.value).toBe(6);
    await expectDrillsMatch(f.tok.mgr!, r.current);
    const s1 = await get(f.tok.mgr!, { ...NOV, scope: 'team', consultantId: f.uid.s1 });
    expect([s1.current.newProspects.value, s1.current.walkIns.value, s1.current.deals.value, s1.current.lost.value]).toEqual([3, 2, 1, 1]);
    expect(s1.consultantId).toBe(f.uid.s1);
    await expectDrillsMatch(f.tok.mgr!, s1.current);
    await expect(get(f.tok.mgr!, { ...NOV, scope: 'team', consultantId: f.uid.s3 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(get(f.tok.mgr!, { ...NOV, scope: 'all' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('consultants and after-sales staff are refused: 决策分析 is the managers\' menu', async () => {
    await expect(get(f.tok.s1!, { ...NOV, scope: 'mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(get(f.tok.agent!)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('an empty period gives no rates and no conversions ("—"), not 0 % or NaN, and its lists are empty', async () => {
    const r = await get(f.tok.gm!, { period: { kind: 'month', anchor: '2025-06-01' }, compare: 'none', scope: 'all' });
    expect(r.previous).toBeNull();
    const c = r.current;
    expect([c.newProspects.value, c.walkIns.value, c.deals.value, c.lost.value]).toEqual([0, 0, 0, 0]);
    expect([c.registrationRate.value, c.closingRate.value]).toEqual([null, null]);
    expect(c.funnel.every((s) => s.reached.value === 0 && s.conversion === null)).toBe(true);
    expect(c.lostReasons).toEqual([]);
    await expectDrillsMatch(f.tok.gm!, c);
  });

  it('the monthly report\'s headlines are the screen\'s figures over the user\'s widest scope, with the compared month and the drills', async () => {
    const gm = t.core.auth.resolve(f.tok.gm!)!;
    const h = await salesHeadlines(t.core, gm, { from: '2026-11-01', to: '2026-11-30' }, { from: '2026-10-01', to: '2026-10-31' });
    expect(h.map((x) => [x.key, x.value, x.previous, x.format, x.higherIsBetter])).toEqual([
      ['newProspects', 5, 1, 'count', true],
      ['deals', 1, 1, 'count', true],
      ['registrationRate', 5 / 9, 1 / 5, 'rate', true],
      ['closingRate', 1 / 6, 1 / 2, 'rate', true],
      ['lost', 4, 0, 'count', false],
    ]);
    for (const x of h.filter((y) => y.format === 'count')) {
      let n = 0;
      for (const q of x.drill) n += await drillCount(t.core, f.tok.gm!, q);
      expect({ key: x.key, n }).toEqual({ key: x.key, n: x.value });
    }
    // The manager's widest scope is their team: s3's first visit and lost opportunity are not theirs.
    const mgr = await salesHeadlines(t.core, t.core.auth.resolve(f.tok.mgr!)!, { from: '2026-11-01', to: '2026-11-30' }, null);
    expect(mgr.map((x) => [x.key, x.value, x.previous])).toEqual([
      ['newProspects', 4, null],
      ['deals', 1, null],
      ['registrationRate', 4 / 6, null],
      ['closingRate', 1 / 5, null],
      ['lost', 3, null],
    ]);
    // An empty month: counts 0, rates "—".
    const empty = await salesHeadlines(t.core, gm, { from: '2025-06-01', to: '2025-06-30' }, null);
    expect(empty.map((x) => x.value)).toEqual([0, 0, null, null, 0]);
  });

  it('a deals preset that does not parse or names a bad range is refused by the grid', async () => {
    const q = (preset: string) => call(t.core, f.tok.gm!, 'grid.count', { dataset: 'opportunities', scope: 'all', filter: { columns: [], preset } });
    await expect(q('deals:2026-02-30~2026-03-01')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(q('deals:2025-01-01~2026-11-30')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await q('deals:2026-10-01~2026-11-30')).toEqual({ count: 2 });
  });
});
