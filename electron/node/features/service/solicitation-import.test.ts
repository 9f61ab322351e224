import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, uploaded, usersWithSessions, type TestCore } from '../../../../tests/support/core';

type Fail = { ok: false; error: { code: string; message: string } };
type Ok<T> = { ok: true; value: T };
type Result = { rows: number; created: number; existing: number; unmatched: { row: number; value: string }[]; unmatchedCount: number; dndExcluded: number };

let t: TestCore;
let tok: Record<string, string>;
beforeAll(async () => {
  t = await makeCore();
  ({ tok } = await usersWithSessions(t.core, [
    ['mgr', 'serviceManager'],
    ['agent', 'serviceAgent'],
  ]));
  const c = t.core.sqlite.prepare('INSERT INTO customers (name, dnd_call, created_at, updated_at) VALUES (?, ?, 0, 0)');
  const v = t.core.sqlite.prepare("INSERT INTO vehicles (customer_id, vin, model, plate, created_at, updated_at) VALUES (?, ?, 'sagitar', ?, 0, 0)");
  v.run(c.run('甲', 0).lastInsertRowid, 'LFV2A21K0A3000001', '粤B10001');
  v.run(c.run('乙', 0).lastInsertRowid, 'LFV2A21K0A3000002', '粤B10002');
  v.run(c.run('丙', 1).lastInsertRowid, 'LFV2A21K0A3000003', '粤B10003');
});
afterAll(() => t.cleanup());

const send = async (fileName: string, data: Buffer, who = 'mgr', campaign = '冬季免费检测') =>
  call(t.core, tok[who]!, 'solicitation.importCampaign', { campaign, windowStart: '2026-12-01', windowEnd: '2026-12-31', uploadId: await uploaded(t.core, tok[who]!, fileName, data) });

describe('campaign import', () => {
  it('an xlsx list by VIN: matched rows become unassigned campaign tasks, DND and unknown VINs counted; twice = once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRows([['车架号', '客户'], ['lfv2a21k0a3000001', '甲'], ['LFV2A21K0A3000003', '丙'], ['LFV2A21K0A3999999', '外地']]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const r = (await send('campaign.xlsx', file)) as Ok<Result>;
    expect(r.value).toEqual({ rows: 3, created: 1, existing: 0, unmatched: [{ row: 4, value: 'LFV2A21K0A3999999' }], unmatchedCount: 1, dndExcluded: 1 });
    expect(((await send('campaign.xlsx', file)) as Ok<Result>).value).toMatchObject({ created: 0, existing: 1 });
    expect(t.core.sqlite.prepare("SELECT kind, campaign, status, window_start AS s, window_end AS e FROM solicitation_tasks").all()).toEqual([
      { kind: 'campaign', campaign: '冬季免费检测', status: 'unassigned', s: '2026-12-01', e: '2026-12-31' },
    ]);
  });

  it('a CSV (UTF-8 with BOM) by plate', async () => {
    const r = (await send('list.csv', Buffer.from('\uFEFF车牌,备注\r\n粤B10002,x\r\n', 'utf8'), 'mgr', '轮胎活动')) as Ok<Result>;
    expect(r.value).toMatchObject({ rows: 1, created: 1 });
  });

  it('a CSV with a quoted comma before the VIN column and a BOM: the VIN is still read from its own column', async () => {
    const csv = '\uFEFF备注,车架号\r\n"老客户, 朋友推荐",LFV2A21K0A3000002\r\n';
    const r = (await send('quoted.csv', Buffer.from(csv, 'utf8'), 'mgr', '空调活动')) as Ok<Result>;
    expect(r.value).toMatchObject({ rows: 1, created: 1, unmatchedCount: 0 });
  });

  it.each([
    ['no VIN or plate column', 'a.csv', '姓名,电话\n甲,1\n', 'VIN'],
    ['no data rows', 'a.csv', 'VIN\n', '没有数据'],
    ['not a spreadsheet', 'a.xlsx', 'not a zip', '无法读取'],
  ])('refuses %s with a clear message, saving nothing', async (_n, name, body, text) => {
    const before = t.core.sqlite.prepare('SELECT count(*) FROM solicitation_tasks').pluck().get();
    const r = (await send(name, Buffer.from(body, 'utf8'))) as Fail;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain(text);
    expect(t.core.sqlite.prepare('SELECT count(*) FROM solicitation_tasks').pluck().get()).toBe(before);
  });

  it('a GBK CSV as Chinese Excel saves it (no BOM): the 车牌 column is found and the plate matched', async () => {
    // GB18030 bytes of "车牌,备注\r\n粤B10001,老客户\r\n" (checked with iconv -f GB18030)
    const gbk = Buffer.from('b3b5c5c62cb1b8d7a20d0ad4c14231303030312cc0cfbfcdbba70d0a', 'hex');
    const r = (await send('list.csv', gbk, 'mgr', '国庆活动')) as Ok<Result>;
    expect(r.value).toMatchObject({ rows: 1, created: 1, unmatchedCount: 0 });
  });

  it('is for managers only', async () => {
    expect(((await send('a.csv', Buffer.from('VIN\nX\n'), 'agent')) as Fail).error.code).toBe('FORBIDDEN');
  });
});
