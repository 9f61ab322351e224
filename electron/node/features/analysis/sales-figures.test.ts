import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../../../../tests/support/core';
import { callValue as call } from '../../../../tests/fixtures/sales-floor';
import { NOVEMBER, analysisFloor, drillCount } from '../../../../tests/fixtures/analysis-floor';
import { dayStartMs } from '../../../common/dates';
import type { Figure, SalesAnalysis } from '../../../common/api/analysis';

/** An instant in the floor's zone (Shanghai): 'YYYY-MM-DD' and the hour, minutes as a fraction. */
const at = (day: string, hour = 12) => dayStartMs(day, 'Asia/Shanghai') + hour * 3_600_000;

/**
 * 销售分析's later figures — median days per stage, competitor brands, the consultant ranking and the
 * forecast by month — on a hand-built floor (today 2026-11-30 12:00 Shanghai; the manager sees team A =
 * s1, s2; team B is s3). Each expected number is worked out in the comments beside the data.
 */
describe('销售分析: stage days, competitor brands, ranking, forecast', () => {
  let t: TestCore;
  let f: Awaited<ReturnType<typeof analysisFloor>>['f'];
  beforeEach(async () => {
    ({ t, f } = await analysisFloor());
    const [db, now] = [t.core.sqlite, t.clock.now()];
    const [s1, s2, s3] = [f.uid.s1!, f.uid.s2!, f.uid.s3!];
    // One customer holds every opportunity: the figures count opportunities, visits and activities, not customers.
    const cust = Number(db.prepare("insert into customers (name, owner_id, source, created_at, updated_at) values ('客户', ?, 'ad', ?, ?)").run(s1, now, now).lastInsertRowid);
    /** An opportunity with its stage history: [stage, instant] entries in order (the first is its opening). */
    const opp = (o: { consultant: number; stage: string; history?: [string, number][]; created?: number; status?: string; closed?: number; reason?: string; brand?: string; expected?: string }) => {
      const created = o.history?.[0]?.[1] ?? o.created!;
      const id = Number(
        db
          .prepare('insert into opportunities (customer_id, consultant_id, source, stage, status, abandon_reason, competitor_brand, expected_purchase_date, last_stage_change_at, closed_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(cust, o.consultant, 'showroom', o.stage, o.status ?? 'open', o.reason ?? null, o.brand ?? null, o.expected ?? null, created, o.closed ?? null, created, now).lastInsertRowid,
      );
      let from: string | null = null;
      for (const [stage, when] of o.history ?? []) {
        db.prepare('insert into stage_history (opportunity_id, from_stage, to_stage, user_id, at) values (?, ?, ?, ?, ?)').run(id, from, stage, o.consultant, when);
        from = stage;
      }
      return id;
    };
    // Stage days of the opportunities opened in November (days in a stage = next entry − this entry):
    // A s1: 初次接触 2, 需求分析 6, now in 展示 (not measured there).
    opp({ consultant: s1, stage: 'presentation', expected: '2026-11-30', history: [['initial_contact', at('2026-11-02')], ['needs_analysis', at('2026-11-04')], ['presentation', at('2026-11-10')]] });
    // B s1: 初次接触 4, 需求分析 1, now in 试车.
    opp({ consultant: s1, stage: 'test_drive', expected: '2026-12-15', history: [['initial_contact', at('2026-11-03')], ['needs_analysis', at('2026-11-07')], ['test_drive', at('2026-11-08')]] });
    // C s2: 初次接触 0.5; 需求分析 3 + 2 = 5 (it came back); 展示 1 and then again since 11-12: still in it, not measured.
    opp({
      consultant: s2,
      stage: 'presentation',
      expected: '2026-12-01',
      history: [['initial_contact', at('2026-11-05')], ['needs_analysis', at('2026-11-06', 0)], ['presentation', at('2026-11-09', 0)], ['needs_analysis', at('2026-11-10', 0)], ['presentation', at('2026-11-12', 0)]],
    });
    // D s3 (team B): 初次接触 10.
    opp({ consultant: s3, stage: 'needs_analysis', expected: '2027-01-10', history: [['initial_contact', at('2026-11-06')], ['needs_analysis', at('2026-11-16')]] });
    // E s1: still in 初次接触 (not measured).
    opp({ consultant: s1, stage: 'initial_contact', expected: '2027-04-30', history: [['initial_contact', at('2026-11-20')]] });
    // F s1, opened in October: 初次接触 16 counts for October only; expected after the forecast's six months.
    opp({ consultant: s1, stage: 'needs_analysis', expected: '2027-05-01', history: [['initial_contact', at('2026-10-20')], ['needs_analysis', at('2026-11-05')]] });
    // G s2: 初次接触 3, then abandoned in 需求分析 (closed in it: not measured there) to Honda; expected in December but no longer open.
    opp({ consultant: s2, stage: 'needs_analysis', status: 'abandoned', closed: at('2026-11-15'), reason: 'competitor', brand: 'honda', expected: '2026-12-20', history: [['initial_contact', at('2026-11-08')], ['needs_analysis', at('2026-11-11')]] });
    // P s1: open in 报价成交, expected in October (past: not in the forecast).
    opp({ consultant: s1, stage: 'quote_to_close', expected: '2026-10-31', created: at('2026-09-01') });
    // Lost in November: Honda ×2 (G and H), Nissan ×2 (I, and M of team B), Toyota ×1 (K: a brand recorded though the reason is
    // price), 竞品 without a brand ×1 (J, unknown); L (price, no brand) did not go to a competitor; N was lost in October.
    opp({ consultant: s1, stage: 'quote_to_close', status: 'abandoned', created: at('2026-11-01'), closed: at('2026-11-16'), reason: 'competitor', brand: 'honda' });
    opp({ consultant: s2, stage: 'quote_to_close', status: 'abandoned', created: at('2026-11-01'), closed: at('2026-11-17'), reason: 'competitor', brand: 'nissan' });
    opp({ consultant: s1, stage: 'presentation', status: 'abandoned', created: at('2026-11-01'), closed: at('2026-11-18'), reason: 'competitor' });
    opp({ consultant: s1, stage: 'presentation', status: 'abandoned', created: at('2026-11-01'), closed: at('2026-11-19'), reason: 'price', brand: 'toyota' });
    opp({ consultant: s1, stage: 'presentation', status: 'abandoned', created: at('2026-11-01'), closed: at('2026-11-19'), reason: 'price' });
    opp({ consultant: s3, stage: 'presentation', status: 'abandoned', created: at('2026-11-01'), closed: at('2026-11-20'), reason: 'competitor', brand: 'nissan' });
    opp({ consultant: s2, stage: 'presentation', status: 'abandoned', created: at('2026-10-01'), closed: at('2026-10-25'), reason: 'competitor', brand: 'honda' });

    // Ranking, November. Visits: s1 first ×2 (one with a test drive) and a return visit with a test drive; s2 one first visit;
    // s3 one first visit with a test drive; one without a consultant and s1's October one are not counted.
    const visit = (consultant: number | null, day: string, first: boolean, testDrive: boolean) =>
      db
        .prepare("insert into showroom_visits (name, consultant_id, visit_date, first_visit, visit_mode, test_drive, created_at) values ('访客', ?, ?, ?, ?, ?, ?)")
        .run(consultant, day, first ? 1 : 0, first ? 1 : 3, testDrive ? 1 : 0, now);
    visit(s1, '2026-11-03', true, true);
    visit(s1, '2026-11-04', true, false);
    visit(s1, '2026-11-21', false, true);
    visit(s2, '2026-11-10', true, false);
    visit(s3, '2026-11-11', true, true);
    visit(null, '2026-11-12', true, true);
    visit(s1, '2026-10-15', true, true);
    // Deals: s1 delivers their own won opportunity; s2 delivers one of s1's (the deal is the deliverer's, as in the 日报); October's is not counted.
    const deliver = (consultant: number, day: string) => {
      const won = opp({ consultant: s1, stage: 'delivery', status: 'won', created: at('2026-09-01'), closed: at(day) });
      db.prepare("insert into deliveries (opportunity_id, customer_id, vin, model, price, delivery_date, buyer_id_number, consultant_id, created_at) values (?, ?, 'LSVAA4182E2000001', 'sagitar', 150000, ?, '110101199001011234', ?, ?)").run(
        won,
        cust,
        day,
        consultant,
        now,
      );
    };
    deliver(s1, '2026-11-25');
    deliver(s2, '2026-11-26');
    deliver(s2, '2026-10-30');
    // Activities due in November (planned then, not cancelled) and done by the end of their due day (Shanghai):
    // s1 due 4, on time 2 — 11-10 done the same evening; 11-11 done the next morning (late); 11-12 not done;
    // 11-14 07:00 done 09:00 (on time in Shanghai, though the planned instant is 11-13 in UTC); 11-13 cancelled and
    // 10-31 (October) are not due. s2 due 1, on time 1; s3 due 1, done four days late.
    const act = (owner: number, planned: number, status: string, done: number | null) =>
      db.prepare("insert into activities (customer_id, owner_id, type, status, planned_at, done_at, created_at, updated_at) values (?, ?, 'call', ?, ?, ?, ?, ?)").run(cust, owner, status, planned, done, now, now);
    act(s1, at('2026-11-10', 10), 'done', at('2026-11-10', 18));
    act(s1, at('2026-11-11', 10), 'done', at('2026-11-12', 9));
    act(s1, at('2026-11-12', 10), 'planned', null);
    act(s1, at('2026-11-13', 10), 'cancelled', null);
    act(s1, at('2026-11-14', 7), 'done', at('2026-11-14', 9));
    act(s1, at('2026-10-31', 10), 'done', at('2026-10-31', 11));
    act(s2, at('2026-11-15', 10), 'done', at('2026-11-15', 11));
    act(s3, at('2026-11-16', 10), 'done', at('2026-11-20', 10));
  }, 30_000); // six users with hashed passwords: slow on a busy 2-CPU machine
  afterEach(() => t.cleanup());

  const get = (token: string, input: object = NOVEMBER) => call(t.core, token, 'analysis.sales.get', input) as Promise<SalesAnalysis>;

  /** Each figure's drill lists exactly its count. */
  async function expectDrills(token: string, figures: [string, Figure][]) {
    for (const [name, fig] of figures) {
      let n = 0;
      for (const q of fig.drill) n += await drillCount(t.core, token, q);
      expect({ name, n }).toEqual({ name, n: fig.value });
    }
  }
  const figuresOf = (r: SalesAnalysis): [string, Figure][] => [
    ...[r.current, ...(r.previous ? [r.previous] : [])].flatMap((p, i): [string, Figure][] => [
      ...p.stageDays.map((d): [string, Figure] => [`${i}.days.${d.stage}`, d.measured]),
      [`${i}.competitorLost`, p.competitorLost],
      ...p.competitorBrands.map((b): [string, Figure] => [`${i}.brand.${b.brand}`, b.figure]),
    ]),
    ...r.ranking.flatMap((x) =>
      (['leads', 'visits', 'testDrives', 'deals', 'activitiesDue', 'activitiesOnTime'] as const).flatMap((k): [string, Figure][] => [
        [`rank.${x.name}.${k}`, x[k]],
        ...(x.previous ? [[`rank.${x.name}.${k}.previous`, x.previous[k]] as [string, Figure]] : []),
      ]),
    ),
    ...r.forecast.map((m): [string, Figure] => [`forecast.${m.month}`, m.count]),
  ];

  it('counts the general manager\'s month as worked out by hand, and every drill lists exactly its figure', async () => {
    const r = await get(f.tok.gm!, { ...NOVEMBER, scope: 'all' });
    const c = r.current;
    // 初次接触: A 2, B 4, C 0.5, D 10, G 3 → 0.5 2 3 4 10 → 3; 需求分析: A 6, B 1, C 5 → 5; nobody left 展示 / 试车 / 报价成交.
    expect(c.stageDays.map((d) => [d.stage, d.median, d.measured.value])).toEqual([
      ['initial_contact', 3, 5],
      ['needs_analysis', 5, 3],
      ['presentation', null, 0],
      ['test_drive', null, 0],
      ['quote_to_close', null, 0],
    ]);
    // October: F's 16 days in 初次接触 (opened then), the other stages "—".
    expect(r.previous!.stageDays.map((d) => [d.median, d.measured.value])).toEqual([[16, 1], [null, 0], [null, 0], [null, 0], [null, 0]]);
    // Lost to a competitor: Honda 2, Nissan 2, Toyota 1, unknown 1 of 6 (Pareto, ties by code, unknown last); October: Honda 1.
    expect(c.competitorLost.value).toBe(6);
    expect(c.competitorBrands.map((b) => [b.brand, b.figure.value, b.share, b.cumulative])).toEqual([
      ['honda', 2, 2 / 6, 2 / 6],
      ['nissan', 2, 2 / 6, 4 / 6],
      ['toyota', 1, 1 / 6, 5 / 6],
      [null, 1, 1 / 6, 1],
    ]);
    expect(r.previous!.competitorBrands.map((b) => [b.brand, b.figure.value])).toEqual([['honda', 1]]);
    // Ranking by deals, then leads.
    expect(r.ranking.map((x) => [x.consultantId, x.leads.value, x.visits.value, x.testDrives.value, x.deals.value, x.activitiesDue.value, x.activitiesOnTime.value, x.onTimeRate])).toEqual([
      [f.uid.s1, 2, 3, 2, 1, 4, 2, 0.5],
      [f.uid.s2, 1, 1, 0, 1, 1, 1, 1],
      [f.uid.s3, 1, 1, 1, 0, 1, 0, 0],
    ]);
    expect(r.ranking[0]!.name).toBe('s1 测试');
    // October beside it: s1's first visit with a test drive on 10-15 and their 10-31 activity done on time; s2's delivery
    // on 10-30; s3 had nothing (zeros, "—" for the rate).
    expect(r.ranking.map((x) => (x.previous ? [x.previous.leads.value, x.previous.visits.value, x.previous.testDrives.value, x.previous.deals.value, x.previous.activitiesDue.value, x.previous.activitiesOnTime.value, x.previous.onTimeRate] : null))).toEqual([
      [1, 1, 1, 0, 1, 1, 1],
      [0, 0, 0, 1, 0, 0, null],
      [0, 0, 0, 0, 0, 0, null],
    ]);
    // Forecast from November (today 11-30): A (展示 35 %) in November; B (试车 40 %) and C (展示 35 %) in December; D (需求分析 25 %)
    // in January; E (初次接触 5 %) in April. P (past), F (May) and G (abandoned) are not in it.
    expect(r.forecast.map((m) => [m.month, m.count.value, m.weight])).toEqual([
      ['2026-11', 1, 0.35],
      ['2026-12', 2, 0.75],
      ['2027-01', 1, 0.25],
      ['2027-02', 0, 0],
      ['2027-03', 0, 0],
      ['2027-04', 1, 0.05],
    ]);
    await expectDrills(f.tok.gm!, figuresOf(r));
  });

  it('a sales manager counts their teams only, and one consultant of them', async () => {
    const r = await get(f.tok.mgr!, { ...NOVEMBER, scope: 'team' });
    // Without D (s3): 初次接触 0.5 2 3 4 → 2.5.
    expect(r.current.stageDays[0]).toMatchObject({ median: 2.5, measured: { value: 4 } });
    expect(r.current.competitorBrands.map((b) => [b.brand, b.figure.value])).toEqual([
      ['honda', 2],
      ['nissan', 1],
      ['toyota', 1],
      [null, 1],
    ]);
    expect(r.ranking.map((x) => x.consultantId)).toEqual([f.uid.s1, f.uid.s2]);
    expect(r.forecast.map((m) => m.count.value)).toEqual([1, 2, 0, 0, 0, 1]);
    await expectDrills(f.tok.mgr!, figuresOf(r));

    // s2 alone: C 0.5 and G 3 in 初次接触; their own deal (of s1's opportunity); C in December.
    const s2 = await get(f.tok.mgr!, { ...NOVEMBER, scope: 'team', consultantId: f.uid.s2 });
    expect(s2.current.stageDays.slice(0, 2).map((d) => [d.median, d.measured.value])).toEqual([[1.75, 2], [5, 1]]);
    expect(s2.current.deals.value).toBe(1);
    expect(s2.ranking.map((x) => [x.consultantId, x.deals.value, x.activitiesOnTime.value])).toEqual([[f.uid.s2, 1, 1]]);
    expect(s2.forecast.map((m) => [m.count.value, m.weight])).toEqual([[0, 0], [1, 0.35], [0, 0], [0, 0], [0, 0], [0, 0]]);
    await expectDrills(f.tok.mgr!, [...figuresOf(s2), ['deals', s2.current.deals]]);
  });

  it('an empty period has no medians ("—"), no brands and no ranking; the forecast still looks ahead from today', async () => {
    const r = await get(f.tok.gm!, { period: { kind: 'month', anchor: '2025-06-01' }, compare: 'none', scope: 'all' });
    const c = r.current;
    expect(c.stageDays.every((d) => d.median === null && d.measured.value === 0)).toBe(true);
    expect([c.competitorLost.value, c.competitorBrands]).toEqual([0, []]);
    expect(r.ranking).toEqual([]);
    expect(r.forecast.map((m) => m.count.value)).toEqual([1, 2, 1, 0, 0, 1]);
    await expectDrills(f.tok.gm!, figuresOf(r));
  });

  it('a consultant with figures only in the compared period is still ranked, at zero, beside what they did then', async () => {
    // December (nothing yet) against November: every consultant of November is listed with zeros, November beside.
    const r = await get(f.tok.gm!, { period: { kind: 'month', anchor: '2026-12-01' }, compare: 'previous', scope: 'all' });
    expect(r.ranking.map((x) => [x.name, x.leads.value, x.deals.value, x.activitiesDue.value, x.onTimeRate, x.previous!.leads.value, x.previous!.deals.value, x.previous!.activitiesOnTime.value])).toEqual([
      ['s1 测试', 0, 0, 0, null, 2, 1, 2],
      ['s2 测试', 0, 0, 0, null, 1, 1, 1],
      ['s3 测试', 0, 0, 0, null, 1, 0, 0],
    ]);
    await expectDrills(f.tok.gm!, figuresOf(r));
    // Without a compared period the ranking has no "previous" and lists only those with figures.
    const alone = await get(f.tok.gm!, { period: { kind: 'month', anchor: '2026-12-01' }, compare: 'none', scope: 'all' });
    expect(alone.ranking).toEqual([]);
  });

  it('the drill presets refuse a name that does not parse to a stage or a range', async () => {
    const count = (dataset: string, preset: string) => call(t.core, f.tok.gm!, 'grid.count', { dataset, scope: 'all', filter: { columns: [], preset } });
    await expect(count('opportunities', 'stageLeft:nowhere')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(count('activities', `acts:due:2025-01-01~2026-11-30@${f.uid.s1}`)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await count('activities', `acts:onTime:2026-11-01~2026-11-30@${f.uid.s1}`)).toEqual({ count: 2 });
  });
});
