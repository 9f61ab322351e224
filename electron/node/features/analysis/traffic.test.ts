import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../../../../tests/support/core';
import { callValue as call } from '../../../../tests/fixtures/sales-floor';
import { NOVEMBER, analysisFloor, drillCount } from '../../../../tests/fixtures/analysis-floor';
import { dayStartMs } from '../../../common/dates';
import type { Bucket, Figure, TrafficAnalysis } from '../../../common/api/analysis';

const TZ = 'Asia/Shanghai';
const at = (day: string, hhmm: string) => dayStartMs(day, TZ) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000;
const NOV = NOVEMBER;

describe('集客分析 (analysis.traffic.get)', () => {
  let t: TestCore;
  let f: Awaited<ReturnType<typeof analysisFloor>>['f'];
  beforeEach(async () => {
    ({ t, f } = await analysisFloor()); // 2026-11-30 12:00 in Shanghai; the manager sees team A (s1, s2), team B is s3
    const db = t.core.sqlite;
    const now = t.clock.now();
    const customer = (c: { owner: number; source: string; city: string | null; birthday?: string; idNumber?: string; occupation?: string; company?: boolean }) =>
      Number(
        db
          .prepare('insert into customers (name, owner_id, source, city, birthday, id_number, occupation, kind, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run('客户', c.owner, c.source, c.city, c.birthday ?? null, c.idNumber ?? null, c.occupation ?? null, c.company ? 'company' : 'individual', now, now).lastInsertRowid,
      );
    // 25 on 2026-11-20, a teacher whose ID number was issued in 深圳南山区 (440305);
    // 46 by the ID number's birth date (no birthday), issued under 苏州 (320501), a company employee;
    // a company: no age, no city, no occupation, and its credit code's digits are no region.
    const cA = customer({ owner: f.uid.s1!, source: 'ad', city: '上海', birthday: '2001-11-20', idNumber: '440305200111201234', occupation: 'teacher' });
    const cB = customer({ owner: f.uid.s2!, source: 'referral', city: '苏州', idNumber: '320501198005011234', occupation: 'employee' });
    const cC = customer({ owner: f.uid.s3!, source: 'ad', city: '', idNumber: '114403007178541243', company: true });
    // Phones: cA a mobile (primary) and a 深圳 landline; cB a mobile only (no place); cC a 北京 landline.
    const phone = (c: number, normalized: string, kind: 'mobile' | 'landline', primary: boolean) =>
      db.prepare('insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (?, ?, ?, ?, ?)').run(c, normalized, normalized, kind, primary ? 1 : 0);
    phone(cA, '8613800138000', 'mobile', true);
    phone(cA, '8675588881234', 'landline', false);
    phone(cB, '8613900139000', 'mobile', true);
    phone(cC, '861065529988', 'landline', true);
    const visit = (v: { customer: number | null; consultant: number; day: string; time: string | null; first: boolean; model: string | null }) =>
      db
        .prepare('insert into showroom_visits (customer_id, name, consultant_id, visit_date, visit_at, first_visit, visit_mode, interested_model, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(v.customer, '访客', v.consultant, v.day, v.time ? at(v.day, v.time) : null, v.first ? 1 : 0, v.first ? 1 : 3, v.model, now);
    visit({ customer: cA, consultant: f.uid.s1!, day: '2026-11-19', time: '10:15', first: true, model: 'sagitar' }); // Thursday, 24 years old
    visit({ customer: cA, consultant: f.uid.s1!, day: '2026-11-20', time: '10:59', first: false, model: 'sagitar' }); // Friday, 25 today
    visit({ customer: cB, consultant: f.uid.s2!, day: '2026-11-02', time: '15:00', first: true, model: 'magotan' }); // Monday
    visit({ customer: cC, consultant: f.uid.s3!, day: '2026-11-09', time: '15:30', first: true, model: null }); // Monday, team B
    visit({ customer: null, consultant: f.uid.s1!, day: '2026-11-26', time: null, first: true, model: 'sagitar' }); // no customer, no time
    visit({ customer: cB, consultant: f.uid.s2!, day: '2026-12-01', time: '09:00', first: false, model: 'magotan' }); // after the period
    visit({ customer: cA, consultant: f.uid.s1!, day: '2026-10-31', time: '23:30', first: true, model: 'sagitar' }); // October: the compared month
    // Saved when tapped (time given), or typed in later on another day (no time: saved "now", 11-30).
    const walkIn = (day: string, model: string, count: number, consultant: number, time?: string) =>
      db.prepare('insert into walk_in_batches (visit_date, model, count, consultant_id, created_at) values (?, ?, ?, ?, ?)').run(day, model, count, consultant, time ? at(day, time) : now);
    walkIn('2026-11-19', 'sagitar', 3, f.uid.s1!, '10:20'); // Thursday 10:00–11:00
    walkIn('2026-11-19', 'sagitar', -1, f.uid.s1!, '10:40'); // a correction in the same hour
    walkIn('2026-11-19', 'magotan', 2, f.uid.s1!, '23:59'); // Thursday's last hour
    walkIn('2026-11-19', 'magotan', -2, f.uid.s1!, '23:59'); // … taken back: the cell sums to 0 and is left out
    walkIn('2026-11-02', 'magotan', 4, f.uid.s3!); // typed in on 11-30: no hour
    walkIn('2026-10-05', 'sagitar', 5, f.uid.s1!);
  }, 30_000); // six users with hashed passwords: slow on a busy 2-CPU machine
  afterEach(() => t.cleanup());

  const get = (token: string, input: object = NOV) => call(t.core, token, 'analysis.traffic.get', input) as Promise<TrafficAnalysis>;
  const byKey = (list: Bucket[]) => Object.fromEntries(list.map((b) => [String(b.key), b.current.value]));

  async function expectDrillsMatch(token: string, r: TrafficAnalysis) {
    const figures: [string, Figure][] = [];
    const buckets = (name: string, list: Bucket[]) =>
      list.forEach((b) => {
        figures.push([`${name}.${b.key}`, b.current]);
        if (b.previous) figures.push([`${name}.${b.key}.previous`, b.previous]);
      });
    buckets('totals', Object.values(r.totals));
    for (const name of ['byDay', 'bySource', 'byModel', 'byDistrict', 'byIdRegion', 'byPhoneArea', 'byOccupation', 'byAgeBand', 'byVisitKind'] as const) buckets(name, r[name]);
    for (const layer of ['heat', 'heatWalkIns', 'heatTotal'] as const) r[layer].forEach((c) => figures.push([`${layer}.${c.weekday}.${c.hour}`, c]));
    figures.push(['heatUnknown', r.heatUnknown], ['heatWalkInsUnknown', r.heatWalkInsUnknown]);
    for (const [name, fig] of figures) {
      let n = 0;
      for (const q of fig.drill) n += await drillCount(t.core, token, q);
      expect({ name, n }).toEqual({ name, n: fig.value });
    }
    return figures.length;
  }

  it('counts every breakdown of the month for the general manager, worked out by hand, and each drill-down lists exactly the figure', async () => {
    const r = await get(f.tok.gm!, { ...NOV, scope: 'all' });
    expect(r.range).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(r.compareRange).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    // 5 registered visits in November (not the one on 12-01) + walk-ins 3 − 1 + 4 = 6.
    expect(r.totals.visits.current.value).toBe(5);
    expect(r.totals.walkIns.current.value).toBe(6);
    expect(r.totals.traffic.current.value).toBe(11);
    expect(r.totals.firstVisits.current.value).toBe(4);
    expect(r.totals.returnVisits.current.value).toBe(1);
    // October: the 10-31 23:30 visit (a Shanghai day) + 5 walk-ins = 6; (11 − 6) / 6 = +83.3 %.
    expect(r.totals.traffic.previous?.value).toBe(6);
    expect(r.totals.traffic.change).toBe(83.3);
    expect(r.totals.visits.share).toBe(45.5); // 5 of 11
    expect(byKey(r.bySource)).toEqual({ ad: 3, referral: 1, null: 1 });
    expect(r.bySource.map((b) => b.key)).toEqual(['ad', 'referral', null]);
    expect(byKey(r.byModel)).toEqual({ sagitar: 5, magotan: 5, null: 1 }); // visits + walk-ins per model
    expect(byKey(r.byDistrict)).toEqual({ 上海: 2, 苏州: 1, null: 2 }); // '' is not a city
    expect(byKey(r.byAgeBand)).toEqual({ u25: 1, a25: 1, a45: 1, null: 2 }); // the birthday on 11-20 moves 24 → 25
    expect(byKey(r.byVisitKind)).toEqual({ first: 4, return: 1 });
    expect(r.heat.map((c) => [c.weekday, c.hour, c.value])).toEqual([
      [0, 15, 2],
      [3, 10, 1],
      [4, 10, 1],
    ]);
    expect(r.heatUnknown.value).toBe(1);
    // Walk-ins by the hour their batch was saved: 3 − 1 in Thursday's 10:00; +2 − 2 at 23:59 sum to 0
    // (left out); 11-02's 4 were typed in on 11-30 and have no hour.
    expect(r.heatWalkIns.map((c) => [c.weekday, c.hour, c.value])).toEqual([[3, 10, 2]]);
    expect(r.heatWalkInsUnknown.value).toBe(4);
    expect(r.heatTotal.map((c) => [c.weekday, c.hour, c.value])).toEqual([
      [0, 15, 2],
      [3, 10, 3],
      [4, 10, 1],
    ]);
    // Every walk-in is in a cell or the unknown figure (0 cells hold nothing).
    expect(r.heatWalkIns.reduce((a, c) => a + c.value, 0) + r.heatWalkInsUnknown.value).toBe(r.totals.walkIns.current.value);
    // ID regions: cA's 2 visits (440305), cB's 1 (320501); the company and the visit without a customer are unknown.
    expect(byKey(r.byIdRegion)).toEqual({ 440305: 2, 320501: 1, null: 2 });
    expect(r.byIdRegion.map((b) => b.key)).toEqual(['440305', '320501', null]);
    expect(r.regionNames).toEqual({ 440305: '广东省深圳市南山区', 320501: '江苏省苏州市市辖区' });
    // Landline area codes: cA's 2 visits (0755), the company's 1 (010); cB has a mobile only, one visit has no customer.
    expect(byKey(r.byPhoneArea)).toEqual({ '0755': 2, '010': 1, null: 2 });
    expect(r.byPhoneArea.map((b) => b.key)).toEqual(['0755', '010', null]);
    expect(r.phoneAreaNames).toEqual({ '0755': '0755 深圳市', '010': '010 北京市' });
    expect(byKey(r.byOccupation)).toEqual({ teacher: 2, employee: 1, null: 2 });
    expect(r.byOccupation.map((b) => b.key)).toEqual(['teacher', 'employee', null]);
    expect(r.byDay).toHaveLength(30);
    expect(byKey(r.byDay.filter((d) => d.current.value > 0))).toEqual({ '2026-11-02': 5, '2026-11-19': 3, '2026-11-20': 1, '2026-11-09': 1, '2026-11-26': 1 });
    expect(await expectDrillsMatch(f.tok.gm!, r)).toBeGreaterThan(50);
  });

  it('a sales manager counts their teams only, and one consultant of them; a consultant outside the scope is refused', async () => {
    const r = await get(f.tok.mgr!, { ...NOV, scope: 'team' });
    expect(r.totals.visits.current.value).toBe(4); // s3's visit is team B's
    expect(r.totals.walkIns.current.value).toBe(2);
    await expectDrillsMatch(f.tok.mgr!, r);
    const s1 = await get(f.tok.mgr!, { ...NOV, scope: 'team', consultantId: f.uid.s1 });
    expect([s1.totals.visits.current.value, s1.totals.walkIns.current.value]).toEqual([3, 2]);
    await expectDrillsMatch(f.tok.mgr!, s1);
    await expect(get(f.tok.mgr!, { ...NOV, scope: 'team', consultantId: f.uid.s3 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(get(f.tok.mgr!, { ...NOV, scope: 'all' })).rejects.toMatchObject({ code: 'FORBIDDEN' }); // customers.viewAll revoked
  });

  it('consultants and after-sales staff are refused: 决策分析 is the managers\' menu', async () => {
    await expect(get(f.tok.s1!, { ...NOV, scope: 'mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(get(f.tok.agent!)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(t.core, f.tok.s1!, 'grid.count', { dataset: 'walkInBatches', scope: 'mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('an empty period has no shares or changes ("—"), not 0 % or NaN', async () => {
    const r = await get(f.tok.gm!, { period: { kind: 'month', anchor: '2025-06-01' }, compare: 'lastYear', scope: 'all' });
    expect(r.totals.traffic.current.value).toBe(0);
    expect(r.totals.traffic.share).toBeNull();
    expect(r.totals.traffic.change).toBeNull();
    expect([r.bySource, r.byModel, r.byDistrict, r.byIdRegion, r.byPhoneArea, r.byOccupation, r.byAgeBand, r.heat, r.heatWalkIns, r.heatTotal]).toEqual([[], [], [], [], [], [], [], [], [], []]);
    expect([r.heatWalkInsUnknown.value, r.regionNames, r.phoneAreaNames]).toEqual([0, {}, {}]);
    expect(r.byDay.every((d) => d.share === null)).toBe(true);
    // December against November: nothing to compare is "—", a fall to nothing is −100 %.
    const dec = await get(f.tok.gm!, { period: { kind: 'month', anchor: '2026-12-01' }, compare: 'previous', scope: 'all' });
    expect(dec.totals.visits.current.value).toBe(1);
    expect(dec.totals.walkIns.change).toBe(-100);
  });

  it('week, day and custom periods and the same period last year', async () => {
    const week = await get(f.tok.gm!, { period: { kind: 'week', anchor: '2026-11-19' }, compare: 'previous', scope: 'all' });
    expect(week.range).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(week.totals.traffic.current.value).toBe(4); // 11-19: 1 visit + 2 walk-ins; 11-20: 1 visit
    const day = await get(f.tok.gm!, { period: { kind: 'day', anchor: '2026-10-31' }, compare: 'none', scope: 'all' });
    expect([day.totals.visits.current.value, day.compareRange, day.totals.visits.previous]).toEqual([1, null, null]);
    const custom = await get(f.tok.gm!, { period: { kind: 'custom', from: '2026-10-05', to: '2026-11-02' }, compare: 'lastYear', scope: 'all' });
    expect(custom.totals.traffic.current.value).toBe(1 + 5 + 1 + 4); // 10-31, 10-05 walk-ins, 11-02 visit and walk-ins
    expect(custom.compareRange).toEqual({ from: '2025-10-05', to: '2025-11-02' });
    await expectDrillsMatch(f.tok.gm!, custom);
    await expect(get(f.tok.gm!, { period: { kind: 'custom', from: '2026-11-02', to: '2026-11-01' }, scope: 'all' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('hours are counted from the dealer\'s midnight across a DST change (Berlin\'s 25-hour day), and the heat map\'s drills still match', async () => {
    t.core.settings.set('dealer.timeZone', 'Europe/Berlin');
    const berlin = (day: string, minutes: number) => dayStartMs(day, 'Europe/Berlin') + minutes * 60_000;
    const add = (day: string, minutes: number) =>
      t.core.sqlite
        .prepare("insert into showroom_visits (name, consultant_id, visit_date, visit_at, first_visit, visit_mode, created_at) values ('访客', ?, ?, ?, 1, 1, ?)")
        .run(f.uid.s1, day, berlin(day, minutes), t.clock.now());
    add('2026-10-24', 10 * 60 + 15); // Saturday 10:15
    add('2026-10-25', 3 * 60 + 30); // Sunday, 3 h 30 after midnight: 02:30 on the clock after the change
    add('2026-10-25', 24 * 60 + 30); // the 25th hour of the day: counted in hour 23
    add('2026-11-10', 10 * 60 + 15); // Tuesday 10:15 in a period without a change
    // Walk-ins saved in the 25th hour of the DST day (hour 23) and on the Saturday at 10:15.
    const walk = (day: string, minutes: number, n: number) =>
      t.core.sqlite.prepare("insert into walk_in_batches (visit_date, model, count, consultant_id, created_at) values (?, 'sagitar', ?, ?, ?)").run(day, n, f.uid.s1, berlin(day, minutes));
    walk('2026-10-25', 24 * 60 + 30, 2);
    walk('2026-10-24', 10 * 60 + 15, 1);
    const across = await get(f.tok.gm!, { period: { kind: 'custom', from: '2026-10-24', to: '2026-10-26' }, compare: 'none', scope: 'all' });
    expect(across.heat.map((c) => [c.weekday, c.hour, c.value])).toEqual([
      [5, 10, 1],
      [6, 3, 1],
      [6, 23, 1],
    ]);
    expect(across.heatWalkIns.map((c) => [c.weekday, c.hour, c.value])).toEqual([
      [5, 10, 1],
      [6, 23, 2],
    ]);
    expect(across.heatTotal.map((c) => [c.weekday, c.hour, c.value])).toEqual([
      [5, 10, 2],
      [6, 3, 1],
      [6, 23, 3],
    ]);
    await expectDrillsMatch(f.tok.gm!, across);
    const fixed = await get(f.tok.gm!, { period: { kind: 'day', anchor: '2026-11-10' }, compare: 'none', scope: 'all' });
    expect(fixed.heat.map((c) => [c.weekday, c.hour, c.value])).toEqual([[1, 10, 1]]);
    await expectDrillsMatch(f.tok.gm!, fixed);
  });

  it('cities beyond the 15 largest are one 其他城市 line whose list holds exactly those visits', async () => {
    const db = t.core.sqlite;
    const now = t.clock.now();
    // 17 more cities with 17 … 1 visits each on 11-10 (上海 and 苏州 of the fixture have 2 and 1).
    for (let i = 0; i < 17; i++) {
      const c = Number(db.prepare("insert into customers (name, owner_id, source, city, created_at, updated_at) values ('客户', ?, 'ad', ?, ?, ?)").run(f.uid.s1, `城市${String(i).padStart(2, '0')}`, now, now).lastInsertRowid);
      for (let k = 0; k < 17 - i; k++)
        db.prepare("insert into showroom_visits (customer_id, name, consultant_id, visit_date, first_visit, visit_mode, created_at) values (?, '访客', ?, '2026-11-10', 1, 1, ?)").run(c, f.uid.s1, now);
    }
    const r = await get(f.tok.gm!, { ...NOV, scope: 'all' });
    expect(r.byDistrict.map((b) => b.key)).toEqual([...Array.from({ length: 15 }, (_, i) => `城市${String(i).padStart(2, '0')}`), '*', null]);
    // Left over: 城市15 (2), 城市16 (1), 上海 (2), 苏州 (1).
    expect(r.byDistrict.find((b) => b.key === '*')!.current.value).toBe(6);
    await expectDrillsMatch(f.tok.gm!, r);
  });

  it('a heat-map preset that does not parse or names a bad range is refused by the grid', async () => {
    const q = (preset: string) => call(t.core, f.tok.gm!, 'grid.count', { dataset: 'showroomVisits', scope: 'all', filter: { columns: [], preset } });
    await expect(q('hour:2026-11-01~2026-11-30:7:10')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(q('hour:2026-11-01~2026-11-30:0:24')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(q('hour:2026-02-30~2026-03-01:0:1')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(q('hour:2025-01-01~2026-11-30:0:1')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await q('hour:2026-11-01~2026-11-30:0:15')).toEqual({ count: 2 });
    const w = (preset: string) => call(t.core, f.tok.gm!, 'grid.count', { dataset: 'walkInBatches', scope: 'all', filter: { columns: [], preset } });
    await expect(w('savedOtherDay:2025-01-01~2026-11-30')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(w('savedOtherDay:2026-11-30~2026-11-01')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await w('savedOtherDay:2026-11-01~2026-11-30')).toEqual({ count: 1 }); // 11-02's batch, typed in on 11-30
    expect(await w('hour:2026-11-01~2026-11-30:3:10')).toEqual({ count: 2 }); // the tap and its correction
  });
});
