import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, uploaded, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { isLowScore, lowScoreDueDate } from './low-score';
import { parseDissatisfied, parseScore, parseSurveyKind } from './satisfaction-rules';

type Fail = { ok: false; error: { code: string; message: string } };
type Ok<T> = { ok: true; value: T };
type Report = { rows: number; saved: number; existing: number; lowScoreTasks: number; bad: { row: number; reason: string }[]; badCount: number };

describe('CSI / SSI rules (pure)', () => {
  it.each<[number | null, string | null, number, boolean]>([
    [79.9, null, 80, true],
    [80, null, 80, false], // at the threshold is not low
    [0, null, 80, true],
    [100, 'dissatisfied', 80, true], // dissatisfied is low whatever the score
    [60, null, 60, false],
  ])('isLowScore(%j, %j, threshold %j) = %j', (score, result, threshold, low) => expect(isLowScore(score, result, threshold)).toBe(low));

  // Created on day D, due D+3: the day of creation does not count, weekends do.
  it.each([
    ['2026-11-27', '2026-11-30'], // Friday → Monday
    ['2026-11-28', '2026-12-01'], // Saturday → Tuesday
    ['2026-11-30', '2026-12-03'],
    ['2028-02-27', '2028-03-01'], // over a leap day
    ['2026-12-30', '2027-01-02'], // over the year's end
  ])('a follow-up created on %s is due %s', (created, due) => expect(lowScoreDueDate(created)).toBe(due));

  it.each<[string, number | null]>([
    ['85', 85],
    ['79.5', 79.5],
    ['90分', 90],
    ['100', 100],
    ['101', null],
    ['-1', null],
    ['八十', null],
    ['', null],
  ])('parseScore(%j) = %j', (raw, score) => expect(parseScore(raw)).toBe(score));

  it('reads the survey type and the dissatisfied flag as the manufacturer writes them', () => {
    expect(['CSI', 'ssi', '销售', '售后', 'NPS'].map(parseSurveyKind)).toEqual(['csi', 'ssi', 'csi', 'ssi', null]);
    expect(['是', '否', '', 'Y', 'n', '1', '也许'].map(parseDissatisfied)).toEqual([true, false, false, true, false, true, undefined]);
  });
});

describe('surveys.import', () => {
  let t: TestCore;
  let tok: Record<string, string>;
  let uid: Record<string, number>;
  beforeAll(async () => {
    t = await makeCore();
    // 16:00 UTC on 30 Nov = 00:00 on 1 Dec in Shanghai: the follow-ups are due on the 4th.
    t.clock.set(Date.UTC(2026, 10, 30, 16, 0));
    ({ tok, uid } = await usersWithSessions(t.core, [
      ['csm', 'serviceManager'],
      ['agent', 'serviceAgent'],
      ['adv', 'serviceAdvisor'],
    ]));
    const c = t.core.sqlite.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, 0, 0)');
    const v = t.core.sqlite.prepare("INSERT INTO vehicles (customer_id, vin, model, plate, created_at, updated_at) VALUES (?, ?, 'sagitar', ?, 0, 0)");
    const p = t.core.sqlite.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, ?, ?, 'mobile', 1)");
    const a = Number(c.run('甲').lastInsertRowid);
    const b = Number(c.run('乙').lastInsertRowid);
    const d = Number(c.run('丙').lastInsertRowid);
    const e = Number(c.run('丁').lastInsertRowid);
    v.run(a, 'LFV2A21K0A3200001', '粤B30001');
    v.run(b, 'LFV2A21K0A3200002', '粤B30002');
    p.run(d, '13800138000', '8613800138000');
    p.run(e, '13900139000', '8613900139000');
    p.run(a, '13900139000', '8613900139000'); // a phone two customers share
  });
  afterAll(() => t.cleanup());

  const csv = [
    '车架号,车牌,电话,调查类型,调查日期,分数,是否不满意,客户意见',
    'LFV2A21K0A3200001,,,CSI,2026-11-20,79,否,"交车时间长, 等了两小时"', // low: under 80
    ',粤B 30002,,SSI,2026/11/21,80,,', // at the threshold: no follow-up
    ',,138-0013-8000,SSI,2026-11-22,95,是,洗车不干净', // dissatisfied: follow-up; matched by phone
    'LFV0000000000XXXX,,,CSI,2026-11-20,90,否,', // no such vehicle
    ',,13900139000,SSI,2026-11-20,90,否,', // shared phone
    'LFV2A21K0A3200002,,,NPS,2026-11-20,abc,也许,', // three problems at once
    'LFV2A21K0A3200002,,,SSI,2026-12-02,90,否,', // tomorrow in Shanghai
  ].join('\r\n');
  const send = async (who = 'csm', text = csv, assigneeId?: number) =>
    call(t.core, tok[who]!, 'surveys.import', { uploadId: await uploaded(t.core, tok[who]!, 'csi-ssi.csv', '\uFEFF' + text), ...(assigneeId ? { assigneeId } : {}) });

  it('matches by VIN, plate or phone; a low score or dissatisfied creates a follow-up due in 3 days; bad rows listed by row number', async () => {
    const r = (await send()) as Ok<Report>;
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ rows: 7, saved: 3, existing: 0, lowScoreTasks: 2, badCount: 4 });
    expect(r.value.bad.map((b) => b.row)).toEqual([5, 6, 7, 8]);
    expect(r.value.bad[0]!.reason).toContain('找不到对应客户');
    expect(r.value.bad[1]!.reason).toContain('属于多位客户');
    expect(r.value.bad[2]!.reason).toMatch(/调查类型.*分数.*是否不满意/);
    expect(r.value.bad[3]!.reason).toContain('晚于今天');
    const tasks = t.core.sqlite.prepare("SELECT c.name, t.due_date AS due, t.ref_type AS ref, t.reason FROM tasks t JOIN customers c ON c.id = t.customer_id WHERE t.kind = 'low_score' ORDER BY c.name").all() as { name: string; due: string; ref: string; reason: string }[];
    expect(tasks.map((x) => [x.name, x.due, x.ref])).toEqual([
      ['丙', '2026-12-04', 'survey'],
      ['甲', '2026-12-04', 'survey'],
    ]);
    expect(tasks[1]!.reason).toContain('交车时间长, 等了两小时');
    expect(t.core.sqlite.prepare("SELECT comment FROM satisfaction_surveys WHERE kind = 'csi'").pluck().get()).toBe('交车时间长, 等了两小时');
  });

  it('re-importing the same file saves nothing twice and creates no second follow-up', async () => {
    const r = (await send()) as Ok<Report>;
    expect(r.value).toMatchObject({ saved: 0, existing: 3, lowScoreTasks: 0, badCount: 4 });
    expect(t.core.sqlite.prepare("SELECT count(*) FROM tasks WHERE kind = 'low_score'").pluck().get()).toBe(2);
    expect(t.core.sqlite.prepare('SELECT count(*) FROM satisfaction_surveys').pluck().get()).toBe(3);
  });

  it('the CS manager’s list (grid data set surveys) shows each result and whether its follow-up is open', async () => {
    const r = (await call(t.core, tok.csm!, 'grid.query', { dataset: 'surveys', scope: 'all', columns: ['kind', 'customerName', 'score', 'dissatisfied', 'followUp'], sort: [{ col: 'surveyDate', dir: 'asc' }], withTotal: true })) as Ok<{ total?: number; rows: Record<string, unknown>[] }>;
    expect(r.ok).toBe(true);
    expect(r.value.total).toBe(3);
    expect(r.value.rows.map((x) => [x.customerName, x.score, x.followUp])).toEqual([
      ['甲', 79, 'open'],
      ['乙', 80, null],
      ['丙', 95, 'open'],
    ]);
  });

  it('hands the follow-ups to the chosen agent; an advisor is not one', async () => {
    const one = '车架号,调查类型,调查日期,分数\nLFV2A21K0A3200002,CSI,2026-11-25,50\n';
    expect(((await send('csm', one, uid.adv)) as Fail).error.code).toBe('INVALID_INPUT');
    expect(t.core.sqlite.prepare("SELECT count(*) FROM satisfaction_surveys WHERE survey_date = '2026-11-25'").pluck().get()).toBe(0);
    expect(((await send('csm', one, uid.agent)) as Ok<Report>).value).toMatchObject({ saved: 1, lowScoreTasks: 1 });
    expect(t.core.sqlite.prepare("SELECT t.assignee_id FROM tasks t JOIN satisfaction_surveys s ON s.id = t.ref_id WHERE t.ref_type = 'survey' AND s.survey_date = '2026-11-25'").pluck().get()).toBe(uid.agent);
  });

  it('reads an .xlsx with real date and number cells', async () => {
    const c = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('戊', 0, 0)").run().lastInsertRowid);
    t.core.sqlite.prepare("INSERT INTO vehicles (customer_id, vin, model, plate, created_at, updated_at) VALUES (?, 'LFV2A21K0A3200005', 'sagitar', '粤B30005', 0, 0)").run(c);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('SSI').addRows([
      ['车牌', '调查类型', '调查日期', '得分', '客户意见'],
      ['粤B30005', 'SSI', new Date(Date.UTC(2026, 10, 26)), 72.5, '交车慢'],
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = (await call(t.core, tok.csm!, 'surveys.import', { uploadId: await uploaded(t.core, tok.csm!, 'ssi.xlsx', bytes) })) as Ok<Report>;
    expect(r.value).toMatchObject({ saved: 1, lowScoreTasks: 1, badCount: 0 });
    expect(t.core.sqlite.prepare("SELECT survey_date AS d, score FROM satisfaction_surveys WHERE comment = '交车慢'").get()).toEqual({ d: '2026-11-26', score: 72.5 });
  });

  it('refuses a file without the needed columns, and is for the CS manager only', async () => {
    const r = (await send('csm', '姓名,分数\n甲,70\n')) as Fail;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toMatch(/车架号、车牌或电话.*调查类型.*日期/);
    expect(((await send('agent')) as Fail).error.code).toBe('FORBIDDEN');
  });

  it('imports a GBK CSV as Chinese Excel saves it (no BOM): the Chinese headers and comment read right', async () => {
    // GB18030 bytes of "车牌,调查类型,调查日期,分数,客户意见\r\n粤B30001,SSI,2026-11-23,85,服务很好\r\n" (checked with iconv -f GB18030)
    const gbk = Buffer.from('b3b5c5c62cb5f7b2e9c0e0d0cd2cb5f7b2e9c8d5c6da2cb7d6cafd2cbfcdbba7d2e2bcfb0d0ad4c14233303030312c5353492c323032362d31312d32332c38352cb7fecef1badcbac30d0a', 'hex');
    const r = (await call(t.core, tok.csm!, 'surveys.import', { uploadId: await uploaded(t.core, tok.csm!, 'ssi.csv', gbk) })) as Ok<Report>;
    expect(r.value).toMatchObject({ rows: 1, saved: 1, badCount: 0 });
    expect(t.core.sqlite.prepare("SELECT kind, score FROM satisfaction_surveys WHERE comment = '服务很好'").get()).toEqual({ kind: 'ssi', score: 85 });
  });
});
