import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { encodeGbk } from '../../../../tests/support/gbk';
import type { ImportBatchRow, ImportPreview, ImportUndoResult } from '../../../common/api/data-import';
import { rebuildGroupCounts } from '../customers/group-counts';

/**
 * 数据导入 of customers: a GBK CSV as Chinese Excel saves it is read with its headers guessed, every
 * bad row named with its row, column and reason before anything is written, the run creates
 * customers with phones and vehicles in audited batches, a second file matching them skips / fills
 * / creates as chosen, and the whole import is undone — or the undo refused, listing who changed.
 */
let t: TestCore;
let admin: { token: string; userId: number };
let owner: { token: string; userId: number };
beforeAll(async () => {
  t = await makeCore();
  admin = await userWithSession(t.core, 'imp.admin', 'admin');
  owner = await userWithSession(t.core, 'imp.sales', 'salesConsultant');
  t.core.sqlite.prepare("UPDATE users SET display_name = '王顾问' WHERE id = ?").run(owner.userId);
  const dict = t.core.sqlite.prepare("INSERT OR IGNORE INTO dictionaries (kind, code, label_zh, label_en, sort) VALUES ('model', ?, ?, ?, 0)");
  dict.run('magotan', '迈腾', 'Magotan');
  dict.run('sagitar', '速腾', 'Sagitar');
}, 60_000);
afterAll(() => t.cleanup());

const upload = async (name: string, bytes: Buffer) => (await t.core.uploads.receive(admin.userId, name, [bytes])).uploadId;
const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};
const preview = async (name: string, bytes: Buffer, extra: Record<string, unknown> = {}) =>
  call(t.core, admin.token, 'dataImport.preview', { kind: 'customers', uploadId: await upload(name, bytes), ...extra });
async function runImport(p: ImportPreview, matchMode: 'skip' | 'updateEmpty' | 'create', defaultOwnerId: number | null = null): Promise<ImportBatchRow> {
  ok(await call(t.core, admin.token, 'dataImport.start', { batchId: p.batchId, mapping: p.mapping, matchMode, defaultOwnerId }));
  await t.core.services.dataImport.idle();
  return ok<ImportBatchRow>(await call(t.core, admin.token, 'dataImport.get', { batchId: p.batchId }));
}
const customerByName = (name: string) =>
  t.core.sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM customers WHERE name = ?').get(name);

// VINs with a right check digit (9th character).
const VIN1 = 'LFV2A21K0N3000001';
const VIN2 = 'LFV2A21K2N3000002';
const CSV = [
  '客户名称,性别,手机号码,身份证号,车架号,车牌号,车型,购车日期,销售顾问,备注',
  `张伟,男,13800138000,,${VIN1},辽B12345,迈腾,2026/1/5,王顾问,老客户`,
  `李娜,女,139 0013 9000,,${VIN2},辽B67890,2024款速腾 200TSI,2026年1月5日,,`,
  '王芳,女,0411-88886666,,,,,,,',
  '赵强,男,1380013800,,,,,,,', // 10 digits: not a phone
  '刘洋,男,13700137000,210102199001011235,,,,,,', // check digit wrong
  `陈静,女,13600136000,,LFV2A21K9N3000003,,迈腾,46027,,`, // VIN check digit wrong; Excel serial date is fine
  ',男,13500135000,,,,,,,', // no name
  '孙磊,男,13400134000,,,辽B1,速腾,,,', // plate without VIN
  '周杰,男,13300133000,,,,,2026-13-40,,', // not a date, and vehicle data without VIN
  '吴敏,女,13800138000,,,,,,,', // the same mobile as row 2: matches 张伟 (an earlier row of this file)
].join('\r\n');

describe('数据导入 — preview', () => {
  it('reads a GBK CSV, guesses the columns from 客户名称 / 手机号码 / 车架号 …, and lists every bad row with row, column and reason', async () => {
    const p = ok<ImportPreview>(await preview('客户.csv', encodeGbk(CSV)));
    expect(p.readAs).toBe('GBK/GB18030');
    expect(p.mapping).toMatchObject({ name: 0, gender: 1, mobile: 2, idNumber: 3, vin: 4, plate: 5, model: 6, purchaseDate: 7, owner: 8, notes: 9 });
    expect(p.missing).toEqual([]);
    expect(p.rows).toBe(10);
    expect(p.sample[0]).toEqual({
      row: 2,
      values: { name: '张伟', gender: '男', mobile: '13800138000', vin: VIN1, plate: '辽B12345', model: '迈腾', purchaseDate: '2026-01-05', owner: '王顾问', notes: '老客户' },
    });
    // 2024款速腾 200TSI is 速腾 (sagitar, shown by its label); 2026年1月5日 is a day like 2026/1/5.
    expect(p.sample[1]!.values).toMatchObject({ model: '速腾', purchaseDate: '2026-01-05', mobile: '139 0013 9000' });
    const bad = p.bad.map((b) => [b.row, b.column, b.field]);
    expect(bad).toEqual([
      [5, 'C', 'mobile'],
      [6, 'D', 'idNumber'],
      [7, 'E', 'vin'],
      [8, 'A', 'name'],
      [9, 'E', 'vin'],
      [10, 'H', 'purchaseDate'],
    ]);
    expect(p.badRows).toBe(6);
    expect(p.bad.find((b) => b.row === 6)!.reason).toContain('校验位');
    expect(p.bad.find((b) => b.row === 10 && b.field === 'purchaseDate')!.reason).toContain('2026-13-40');
    // The Excel serial 46027 in a CSV is 2026-01-05.
    expect(p.sample.find((s) => s.row === 7)!.values.purchaseDate).toBe('2026-01-05');
    expect(p.matches).toEqual([{ row: 11, by: 'phone', value: '13800138000', customerId: null, name: '吴敏', canOpen: false, fileRow: 2 }]);
    expect(p.newRows).toBe(3);
    // Nothing written by a preview.
    expect(customerByName('张伟')).toBeUndefined();
  });

  it('reading the GBK file as UTF-8 when the user says so refuses it, naming the row and column of the first unreadable cell', async () => {
    const r = await preview('客户.csv', encodeGbk(CSV), { encoding: 'utf-8' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(r)).toMatch(/第 1 行 A 列.*UTF-8/);
  });

  it('refuses an empty file, a header without rows, and a truncated xlsx with a message that says so', async () => {
    expect(JSON.stringify(await preview('空.csv', Buffer.alloc(0)))).toContain('文件是空的');
    expect(JSON.stringify(await preview('表头.csv', Buffer.from('姓名,手机\r\n')))).toContain('没有数据行');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('客户').addRows([['姓名', '手机'], ['张伟', '13800138000']]);
    const whole = Buffer.from(await wb.xlsx.writeBuffer());
    expect(JSON.stringify(await preview('断.xlsx', whole.subarray(0, Math.floor(whole.length / 2))))).toContain('xlsx 文件不完整或已损坏');
  });

  it('says which fields a file without a name or phone column still needs, and reads an xlsx with date cells and a formula', async () => {
    const p1 = ok<ImportPreview>(await preview('x.csv', Buffer.from('地址,备注\r\n大连,1\r\n')));
    expect(p1.missing).toEqual(['name', 'mobile']);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['姓名', '手机', '出生日期', '里程']);
    ws.addRow(['郑爽', '13200132000', new Date(Date.UTC(1990, 4, 6)), { formula: '1000*32', result: 32000 }]);
    const p2 = ok<ImportPreview>(await preview('x.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(p2.readAs).toBe('xlsx');
    // 里程 without a VIN is vehicle data without a vehicle: refused, naming the VIN column (not mapped: no letter).
    expect(p2.sample[0]!.values).toMatchObject({ name: '郑爽', birthday: '1990-05-06' });
    expect(p2.bad).toEqual([{ row: 2, column: null, field: 'vin', reason: expect.stringContaining('VIN') }]);
  });
});

describe('数据导入 — run, match, undo', () => {
  let first: ImportPreview;
  it('creates the good rows with their phones and vehicle, owned as the file says (or by the chosen default), each audited under the batch', async () => {
    first = ok<ImportPreview>(await preview('客户.csv', encodeGbk(CSV)));
    const b = await runImport(first, 'skip', admin.userId);
    expect(b).toMatchObject({ status: 'done', rowsTotal: 10, rowsDone: 10, created: 3, updated: 0, skipped: 1, bad: 6 });
    const zhang = customerByName('张伟')!;
    expect(zhang).toMatchObject({ gender: 'male', owner_id: owner.userId, notes: '老客户' });
    expect(customerByName('李娜')).toMatchObject({ owner_id: admin.userId });
    expect(t.core.sqlite.prepare('SELECT vin, plate, model, purchase_date AS d FROM vehicles WHERE customer_id = ?').get(zhang.id)).toEqual({
      vin: VIN1,
      plate: '辽B12345',
      model: 'magotan',
      d: '2026-01-05',
    });
    expect(t.core.sqlite.prepare('SELECT normalized, is_primary AS p FROM customer_phones WHERE customer_id = ?').all(zhang.id)).toEqual([{ normalized: '8613800138000', p: 1 }]);
    // 0411-88886666 is a landline.
    expect(t.core.sqlite.prepare("SELECT p.kind FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE c.name = '王芳'").get()).toEqual({ kind: 'landline' });
    const audit = t.core.sqlite.prepare("SELECT entity_id AS id, after FROM audit_log WHERE action = 'import' AND entity = 'customer' ORDER BY id").all() as { id: string; after: string }[];
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ importBatch: first.batchId, name: '张伟', phones: ['13800138000'], vin: VIN1 });
    expect(t.core.sqlite.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'import_batch' AND entity_id = ?").pluck().get(String(first.batchId))).toBe(1);
    // The search finds an imported customer by phone at once (its triggers ran).
    const found = ok<{ id: number }[]>(await call(t.core, admin.token, 'customers.search', { q: '13800138000' }));
    expect(found.map((c) => c.id)).toContain(zhang.id);
  });

  it('a second file matching them: skip leaves them, 补充空白字段 fills only what is empty, 仍然新建 makes a new customer (but never a second car with the same VIN)', async () => {
    const second = ['姓名,手机,城市,性别,备注,VIN,车型', `张伟,13800138000,大连,女,新备注,,`, `李娜二,13900139000,沈阳,,,${VIN2},速腾`].join('\n');
    const skip = ok<ImportPreview>(await preview('2.csv', Buffer.from(second)));
    expect(skip.readAs).toBe('UTF-8');
    expect(skip.matches.map((m) => [m.row, m.by, m.name])).toEqual([
      [2, 'phone', '张伟'],
      [3, 'vin', '李娜'],
    ]);
    expect(await runImport(skip, 'skip')).toMatchObject({ status: 'done', created: 0, skipped: 2 });

    const fill = ok<ImportPreview>(await preview('2.csv', Buffer.from(second)));
    const before = customerByName('张伟')!;
    expect(await runImport(fill, 'updateEmpty')).toMatchObject({ status: 'done', updated: 2 });
    const after = customerByName('张伟')!;
    // City was empty: filled. Gender and notes were set: kept.
    expect(after).toMatchObject({ city: '大连', gender: 'male', notes: '老客户', version: (before.version as number) + 1 });
    expect(customerByName('李娜')).toMatchObject({ city: '沈阳' });

    const create = ok<ImportPreview>(await preview('2.csv', Buffer.from(second)));
    // 张伟 again as a new customer; 李娜二's VIN belongs to 李娜, so that row is refused.
    expect(await runImport(create, 'create')).toMatchObject({ status: 'done', created: 1, bad: 1 });
    expect(t.core.sqlite.prepare("SELECT COUNT(*) FROM customers WHERE name = '张伟'").pluck().get()).toBe(2);

    // Undo of the fill: the filled fields are empty again.
    const undone = ok<ImportUndoResult>(await call(t.core, admin.token, 'dataImport.undo', { batchId: fill.batchId }));
    expect(undone).toEqual({ undone: true, customers: 2, blocked: [], blockedCount: 0 });
    expect(customerByName('李娜')).toMatchObject({ city: null });
  });

  it('undo is refused with the list of customers changed since (by a user or another import), and nothing is undone', async () => {
    const zhang = customerByName('张伟')!;
    const card = ok<{ version: number }>(await call(t.core, admin.token, 'customers.get', { id: zhang.id }));
    ok(await call(t.core, admin.token, 'customers.update', { id: zhang.id, expectedVersion: card.version, patch: { address: '中山路 1 号' } }));
    const r = ok<ImportUndoResult>(await call(t.core, admin.token, 'dataImport.undo', { batchId: first.batchId }));
    expect(r.undone).toBe(false);
    // 李娜 too: the later import filled her city and its undo emptied it again — both changes since.
    expect(r.blocked).toEqual([
      { customerId: customerByName('李娜')!.id, name: '李娜', reason: '导入后被修改过' },
      { customerId: zhang.id, name: '张伟', reason: '导入后被修改过' },
    ]);
    expect(customerByName('李娜')).toBeDefined();
    expect(ok<ImportBatchRow>(await call(t.core, admin.token, 'dataImport.get', { batchId: first.batchId })).status).toBe('done');
  });

  it('undoes a whole untouched import: its customers, phones and vehicles are gone, audited, and the batch says 已撤销', async () => {
    const csv = ['姓名,手机,VIN,车型', `钱多多,13100131000,LFV2A21K4N3000003,迈腾`, '孙少,13000130000,,'].join('\n');
    const p = ok<ImportPreview>(await preview('3.csv', Buffer.from(csv)));
    expect(await runImport(p, 'skip')).toMatchObject({ created: 2 });
    const id = customerByName('钱多多')!.id as number;
    const r = ok<ImportUndoResult>(await call(t.core, admin.token, 'dataImport.undo', { batchId: p.batchId }));
    expect(r).toMatchObject({ undone: true, customers: 2 });
    expect(customerByName('钱多多')).toBeUndefined();
    expect(t.core.sqlite.prepare('SELECT COUNT(*) FROM vehicles WHERE customer_id = ?').pluck().get(id)).toBe(0);
    expect(t.core.sqlite.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'import_undo' AND entity = 'customer' AND entity_id = ?").pluck().get(String(id))).toBe(1);
    expect(ok<ImportBatchRow>(await call(t.core, admin.token, 'dataImport.get', { batchId: p.batchId })).status).toBe('undone');
    // Twice is refused.
    expect(await call(t.core, admin.token, 'dataImport.undo', { batchId: p.batchId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a customer with a purchase intent added since blocks the undo, naming the records', async () => {
    const p = ok<ImportPreview>(await preview('4.csv', Buffer.from('姓名,手机\n冯新,13900000001\n')));
    await runImport(p, 'skip');
    const id = customerByName('冯新')!.id as number;
    t.core.sqlite.prepare("INSERT INTO purchase_intents (customer_id, model, created_at) VALUES (?, 'magotan', 0)").run(id);
    const r = ok<ImportUndoResult>(await call(t.core, admin.token, 'dataImport.undo', { batchId: p.batchId }));
    expect(r.undone).toBe(false);
    expect(r.blocked).toEqual([{ customerId: id, name: '冯新', reason: '导入后已有新的记录(购车意向)' }]);
  });

  it('keeps the grid’s group counts exact: what the import added and filled in equals a recount', () => {
    const snapshot = () => ({
      one: t.core.sqlite.prepare('SELECT dim, owner_id, hex(value) AS v, n FROM customer_group_counts WHERE n <> 0 ORDER BY 1, 2, 3').all(),
      two: t.core.sqlite.prepare('SELECT d1, d2, hex(v1) AS a, hex(v2) AS b, owner_id, n FROM customer_group_pair_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5').all(),
    });
    const kept = snapshot();
    expect(kept.one.length).toBeGreaterThan(10);
    rebuildGroupCounts(t.core.sqlite);
    expect(snapshot()).toEqual(kept);
    // And the triggers are back after the import's batches: a customer made by the form is counted.
    expect(t.core.sqlite.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'customers_group_counts_%'").pluck().get()).toBeGreaterThan(10);
  });

  it('only the administrator may import; another user’s upload id is not found', async () => {
    expect(await call(t.core, owner.token, 'dataImport.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const theirs = (await t.core.uploads.receive(owner.userId, 'a.csv', [Buffer.from('姓名,手机\n甲,13900000002\n')])).uploadId;
    expect(await call(t.core, admin.token, 'dataImport.preview', { kind: 'customers', uploadId: theirs })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('saves a named mapping by header text and gives it back; the template has the headers the guesser knows', async () => {
    ok(await call(t.core, admin.token, 'dataImport.mappings.save', { kind: 'customers', name: 'DMS 导出', columns: { name: '车主', mobile: '车主电话' } }));
    ok(await call(t.core, admin.token, 'dataImport.mappings.save', { kind: 'customers', name: 'DMS 导出', columns: { name: '车主', mobile: '联系电话' } }));
    const list = ok<{ name: string; columns: Record<string, string> }[]>(await call(t.core, admin.token, 'dataImport.mappings.list', { kind: 'customers' }));
    expect(list.map((m) => [m.name, m.columns.mobile])).toEqual([['DMS 导出', '联系电话']]);
    const tpl = ok<{ base64: string }>(await call(t.core, admin.token, 'dataImport.template', { kind: 'customers' }));
    const p = ok<ImportPreview>(await preview('模板.xlsx', Buffer.from(tpl.base64, 'base64')));
    expect(p.missing).toEqual([]);
    expect(Object.keys(p.mapping)).toHaveLength(22);
    expect(p.badRows).toBe(0);
  });
});
