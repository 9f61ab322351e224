import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userWithSession, type TestCore } from '../../../../tests/support/core';
import { callValue as call } from '../../../../tests/fixtures/sales-floor';
import { analysisFloor, drillCount } from '../../../../tests/fixtures/analysis-floor';
import { dayStartMs } from '../../../common/dates';
import { HEADLINE_TOPICS } from '../../../common/api/analysis-headline';
import { MONTHLY_ROLES, MONTHLY_SECTION_ROLES, type MonthlyReport } from '../../../common/api/analysis-monthly';
import { MONTHLY_TEXTS } from '../../../common/api/analysis-monthly-texts';
import { MONTHLY_SOURCES } from './monthly';

const at = (day: string, hh: number) => dayStartMs(day, 'Asia/Shanghai') + hh * 3_600_000;
type Row = [string, number | null, number | null, number | null, string | null];

describe('关键指标 · 总经理月报 (analysis.monthly.get / .xlsx)', () => {
  let t: TestCore;
  let f: Awaited<ReturnType<typeof analysisFloor>>['f'];
  beforeEach(async () => {
    ({ t, f } = await analysisFloor()); // today 2026-11-30 in Shanghai; the manager sees team A (s1, s2), team B is s3
    const db = t.core.sqlite;
    const visit = (consultant: number, day: string, first: boolean) =>
      db
        .prepare('insert into showroom_visits (customer_id, name, consultant_id, visit_date, visit_at, first_visit, visit_mode, interested_model, created_at) values (null, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run('访客', consultant, day, at(day, 10), first ? 1 : 0, first ? 1 : 3, 'sagitar', at(day, 11));
    const walkIn = (consultant: number, day: string, n: number) =>
      db.prepare('insert into walk_in_batches (visit_date, model, count, consultant_id, created_at) values (?, ?, ?, ?, ?)').run(day, 'sagitar', n, consultant, at(day, 10));
    // November: s1 a first and a return visit, s2 a first visit, s3 (team B) a first visit; 3 walk-ins with s1; s1 delivers one car.
    visit(f.uid.s1!, '2026-11-05', true);
    visit(f.uid.s1!, '2026-11-06', false);
    visit(f.uid.s2!, '2026-11-10', true);
    visit(f.uid.s3!, '2026-11-12', true);
    walkIn(f.uid.s1!, '2026-11-05', 3);
    f.deal({ customerId: f.customer(f.uid.s1!), consultantId: f.uid.s1!, price: 150_000, day: '2026-11-20' });
    // October (last month): s1 a first visit, 2 walk-ins with s2, no deal. December's visit is outside both.
    visit(f.uid.s1!, '2026-10-10', true);
    walkIn(f.uid.s2!, '2026-10-15', 2);
    visit(f.uid.s1!, '2026-12-01', true);
    // 呼叫中心: in November the agent answers a call after 5 s, misses one (never called back) and reaches a customer;
    // in October they answered one call after 30 s.
    const phoneCall = (direction: string, start: number, ringS: number | null) =>
      db
        .prepare('insert into calls (direction, user_id, started_at, answered_at, ended_at, duration_s, outcome) values (?, ?, ?, ?, ?, ?, ?)')
        .run(direction, f.uid.agent, start, ringS === null ? null : start + ringS * 1000, start + 60_000, ringS === null ? 0 : 40, ringS === null ? 'missed' : 'done');
    phoneCall('inbound', at('2026-11-03', 10), 5);
    phoneCall('inbound', at('2026-11-04', 10), null);
    phoneCall('outbound', at('2026-11-05', 10), 8);
    phoneCall('inbound', at('2026-10-08', 10), 30);
  }, 60_000); // six users with hashed passwords: slow on a busy 2-CPU machine
  afterEach(() => t.cleanup());

  const get = (token: string, month = '2026-11') => call(t.core, token, 'analysis.monthly.get', { month }) as Promise<MonthlyReport>;
  const rows = (r: MonthlyReport, topic: string): Row[] =>
    r.sections.find((s) => s.topic === topic)!.headlines.map((h) => [h.key, h.value, h.previous, h.change, h.direction]);

  it('the general manager\'s month: each section\'s figures against October, worked out by hand, and every count\'s drill lists exactly it', async () => {
    const r = await get(f.tok.gm!);
    expect(r.range).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(r.previousRange).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(r.sections.map((s) => s.topic)).toEqual(['traffic', 'sales', 'aftersales', 'calls']);
    // 集客: 4 visits + 3 walk-ins = 7 against 1 + 2 = 3 (+133 %); return visits from 0: up, but no % to give.
    expect(rows(r, 'traffic')).toEqual([
      ['traffic', 7, 3, 4 / 3, 'up'],
      ['visits', 4, 1, 3, 'up'],
      ['walkIns', 3, 2, 0.5, 'up'],
      ['firstVisits', 3, 1, 2, 'up'],
      ['returnVisits', 1, 0, null, 'up'],
    ]);
    // 销售: 留档率 3 / (3 + 3) against 1 / (1 + 2); 成交率 1 / (1 + 3) against 0 / (0 + 1); a rate's change is in points.
    const sales = rows(r, 'sales');
    expect(sales.map((x) => x.slice(0, 3))).toEqual([
      ['newProspects', 3, 1],
      ['deals', 1, 0],
      ['registrationRate', 0.5, 1 / 3],
      ['closingRate', 0.25, 0],
      ['lost', 0, 0],
    ]);
    expect(sales[2]![3]).toBeCloseTo(0.5 - 1 / 3, 10);
    expect(sales.map((x) => x[4])).toEqual(['up', 'up', 'up', 'up', 'flat']);
    expect(sales[1]![3]).toBeNull(); // 1 deal against 0: nothing to divide by
    // 呼叫中心: 2 inbound against 1; answered 1 / 2 against 1 / 1 (−50 points); within 20 s 1 / 2 against 0 / 1; the missed
    // call not called back; 1 outbound, connected, against none (no rate last month); 5 s to answer against 30 s (−83 %).
    const calls = rows(r, 'calls');
    expect(calls.map((x) => [x[0], x[1], x[2], x[4]])).toEqual([
      ['inbound', 2, 1, 'up'],
      ['answerRate', 0.5, 1, 'down'],
      ['serviceLevel', 0.5, 0, 'up'],
      ['missedNotCalledBack', 1, 0, 'up'],
      ['outbound', 1, 0, 'up'],
      ['connectRate', 1, null, null],
      ['avgAnswerSeconds', 5, 30, 'down'],
    ]);
    expect(calls.map((x) => x[3])).toEqual([1, -0.5, 0.5, null, null, null, -25 / 30]);
    for (const s of r.sections)
      for (const h of s.headlines.filter((x) => x.format === 'count')) {
        let n = 0;
        for (const q of h.drill) n += await drillCount(t.core, f.tok.gm!, q);
        expect({ key: `${s.topic}.${h.key}`, n }).toEqual({ key: `${s.topic}.${h.key}`, n: h.value });
      }
  });

  it('a month with nothing in it shows "—" (null) for every rate and change, never 0 % or NaN', async () => {
    const r = await get(f.tok.gm!, '2025-06');
    for (const s of r.sections)
      for (const h of s.headlines) {
        expect(h.change).toBeNull();
        // A rate or a mean (seconds) of nothing is "—"; a count of nothing is 0.
        const mean = h.format === 'rate' || h.format === 'seconds';
        expect(h.direction).toBe(mean ? null : 'flat');
        if (mean) expect([h.value, h.previous]).toEqual([null, null]);
        else expect([h.value, h.previous]).toEqual([0, 0]);
      }
  });

  it('a sales manager sees their teams only; roles without a section are refused, and a bad month is refused with its rule', async () => {
    const r = await get(f.tok.mgr!);
    expect(rows(r, 'traffic').map((x) => x.slice(0, 3))).toEqual([
      ['traffic', 6, 3],
      ['visits', 3, 1],
      ['walkIns', 3, 2],
      ['firstVisits', 2, 1],
      ['returnVisits', 1, 0],
    ]);
    for (const who of ['s1', 'agent'])
      await expect(get(f.tok[who]!)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The month's rule in the user's words, not zod's pattern.
    await expect(get(f.tok.gm!, '2026-13')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '输入有误:月份应写作 年-月,如 2026-11(1–12 月)' });
    await call(t.core, f.tok.gm!, 'auth.setLocale', { locale: 'en' });
    await expect(get(f.tok.gm!, '11/2026')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'Invalid input: The month is written year-month, e.g. 2026-11 (months 01–12)' });
    await call(t.core, f.tok.gm!, 'auth.setLocale', { locale: 'zh-CN' });
    expect(MONTHLY_ROLES).toEqual(['salesManager', 'serviceManager', 'generalManager', 'admin']);
    expect(r.sections.map((s) => s.topic)).toEqual(['traffic', 'sales']);
    // A CRM (客服) manager sees 售后 / 客服 and 呼叫中心 only, as their topic screens allow.
    const cm = await userWithSession(t.core, 'cm', 'serviceManager');
    expect((await get(cm.token)).sections.map((s) => s.topic)).toEqual(['aftersales', 'calls']);
  });

  it('every section the report counts has its roles and a label for each headline', async () => {
    expect(Object.keys(MONTHLY_SOURCES).sort()).toEqual(Object.keys(MONTHLY_SECTION_ROLES).sort());
    const r = await get(f.tok.gm!);
    for (const s of r.sections) {
      expect(HEADLINE_TOPICS).toContain(s.topic);
      for (const h of s.headlines) expect(Object.keys(MONTHLY_TEXTS.table)).toContain(`${s.topic}.${h.key}`);
    }
  });

  it('the .xlsx has one sheet per section with its title, the month, each figure, last month and the change, formatted; audited as an export', async () => {
    const audits = () => t.core.sqlite.prepare("select entity, after from audit_log where action = 'export'").all() as { entity: string; after: string }[];
    const before = audits().length;
    const x = (await call(t.core, f.tok.gm!, 'analysis.monthly.xlsx', { month: '2026-11' })) as { fileName: string; base64: string };
    expect(x.fileName).toBe('monthly-report-2026-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['集客', '销售', '售后 · 客服', '呼叫中心']); // '/' is not allowed in a sheet's name
    const ws = wb.getWorksheet('集客')!;
    expect(ws.getCell('A1').value).toBe('总经理月报 · 集客');
    expect(String(ws.getCell('A2').value)).toContain('2026-11');
    expect(String(ws.getCell('A2').value)).toContain('2026-10');
    expect(ws.getRow(4).values).toEqual([undefined, '指标', '本月', '上月', '变化', '趋势']);
    expect(ws.getRow(5).values).toEqual([undefined, '集客量', 7, 3, 4 / 3, '↑']);
    expect(ws.getCell('B5').numFmt).toBe('#,##0');
    expect(ws.getCell('D5').numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(ws.getRow(9).values).toEqual([undefined, '再次来店', 1, 0, '—', '↑']);
    const sales = wb.getWorksheet('销售')!;
    const reg = sales.getRow(7);
    expect([reg.getCell(1).value, reg.getCell(2).value, reg.getCell(2).numFmt]).toEqual(['留档率', 0.5, '0.0%']);
    expect([reg.getCell(4).value, reg.getCell(4).numFmt]).toEqual([16.7, '+0.0" 个百分点";-0.0" 个百分点";0.0" 个百分点"']);
    expect(sales.getCell('E9').value).toBe('→'); // lost 0 against 0
    const calls = wb.getWorksheet('呼叫中心')!;
    const answer = calls.getRow(11);
    expect([answer.getCell(1).value, answer.getCell(2).value, answer.getCell(3).value, answer.getCell(2).numFmt]).toEqual(['平均振铃时长', 5, 30, '#,##0.0" 秒"']);
    const a = audits();
    expect(a.length).toBe(before + 1);
    expect(a.at(-1)!.entity).toBe('report:monthly');
    expect(JSON.parse(a.at(-1)!.after)).toEqual({ month: '2026-11', sections: ['traffic', 'sales', 'aftersales', 'calls'], rows: 24 });
  });

  it('without the export permission the workbook is refused: no file, no audit row', async () => {
    t.core.sqlite.prepare("insert into user_permissions (user_id, permission, granted) values (?, 'export', 0)").run(f.uid.mgr);
    const count = () => (t.core.sqlite.prepare("select count(*) as n from audit_log where action = 'export'").get() as { n: number }).n;
    const before = count();
    await expect(call(t.core, f.tok.mgr!, 'analysis.monthly.xlsx', { month: '2026-11' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(count()).toBe(before);
    // The manager still reads the page.
    expect((await get(f.tok.mgr!)).sections.length).toBe(2);
  });
});
