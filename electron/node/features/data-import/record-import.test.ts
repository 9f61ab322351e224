import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { encodeGbk } from '../../../../tests/support/gbk';
import type { ImportBatchRow, ImportPreview, ImportUndoResult } from '../../../common/api/data-import';
import { dayStartMs } from '../../../common/dates';

/**
 * 数据导入 of sales opportunities (a DMS 潜客 export) and repair orders (its 维修工单 export): the same
 * preview / run / undo as customers. An opportunity row finds its customer by phone (or creates one)
 * and gets its stage, model, consultant, 建档日期 and a planned follow-up; a repair order finds its
 * vehicle by VIN or plate and is saved as the service desk saves one (odometer, last service,
 * 招揽成功); undo takes all of it back — or refuses, naming who changed since.
 */
let t: TestCore;
let admin: { token: string; userId: number };
let consultant: { token: string; userId: number };
let advisor: { token: string; userId: number };
const TZ = 'Asia/Shanghai';
beforeAll(async () => {
  t = await makeCore();
  admin = await userWithSession(t.core, 'rec.admin', 'admin');
  consultant = await userWithSession(t.core, 'rec.sales', 'salesConsultant');
  advisor = await userWithSession(t.core, 'rec.advisor', 'serviceAdvisor');
  t.core.sqlite.prepare("UPDATE users SET display_name = '王顾问' WHERE id = ?").run(consultant.userId);
  t.core.sqlite.prepare("UPDATE users SET display_name = '李服务' WHERE id = ?").run(advisor.userId);
  const dict = t.core.sqlite.prepare("INSERT OR IGNORE INTO dictionaries (kind, code, label_zh, label_en, sort) VALUES ('model', ?, ?, ?, 0)");
  dict.run('magotan', '迈腾', 'Magotan');
  dict.run('sagitar', '速腾', 'Sagitar');
  // Customers here before the imports: 张伟 with a car, 李娜 with an open opportunity already.
  const p = ok<ImportPreview>(
    await preview(
      'customers',
      '客户.csv',
      Buffer.from(['姓名,手机,车架号,车牌号,车型,购车日期', `张伟,13800138000,${VIN1},辽B12345,迈腾,2025-06-01`, '李娜,13900139000,,,,'].join('\n')),
    ),
  );
  expect((await runImport(p, 'skip')).created).toBe(2);
  const lina = customerId('李娜');
  t.core.sqlite
    .prepare("INSERT INTO opportunities (customer_id, consultant_id, source, stage, status, last_stage_change_at, created_at, updated_at) VALUES (?, ?, 'phone', 'needs_analysis', 'open', 0, 0, 0)")
    .run(lina, consultant.userId);
}, 60_000);
afterAll(() => t.cleanup());

const VIN1 = 'LFV2A21K0N3000001';
const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};
const upload = async (name: string, bytes: Buffer) => (await t.core.uploads.receive(admin.userId, name, [bytes])).uploadId;
const preview = async (kind: string, name: string, bytes: Buffer) => call(t.core, admin.token, 'dataImport.preview', { kind, uploadId: await upload(name, bytes) });
async function runImport(p: ImportPreview, matchMode: 'skip' | 'updateEmpty' | 'create', defaultOwnerId: number | null = null): Promise<ImportBatchRow> {
  ok(await call(t.core, admin.token, 'dataImport.start', { batchId: p.batchId, mapping: p.mapping, matchMode, defaultOwnerId }));
  await t.core.services.dataImport.idle();
  return ok<ImportBatchRow>(await call(t.core, admin.token, 'dataImport.get', { batchId: p.batchId }));
}
const customerId = (name: string) => t.core.sqlite.prepare<[string], { id: number }>('SELECT id FROM customers WHERE name = ?').get(name)?.id;
const count = (q: string, ...args: unknown[]) => t.core.sqlite.prepare(q).pluck().get(...args) as number;

const OPPORTUNITIES = [
  '客户姓名,手机号码,意向车型,流程状态,来源方式,销售顾问,建档日期,下次跟进日期,报价',
  '张伟,13800138000,迈腾,新车展示,展厅,王顾问,2026/11/2,2026/11/30,189800', // 张伟 is here: the opportunity is added to him
  '赵敏,137 0013 7000,2024款速腾 200TSI,25%,电话,,2026年11月10日,,', // new: customer created; follow-up tomorrow
  '李娜,13900139000,速腾,试车,,王顾问,,,', // 李娜 has an open opportunity: a match
  '钱多,13600136000,,递交新车,,,,,', // delivery only through the deal flow
  '孙磊,13500135000,途观,弄清客户需求,,,,,', // model not in the dictionary
  '周杰,,迈腾,初次接触,,,,,', // no phone
  '吴敏,13400134000,,成交,外星,,,,', // unknown stage and channel
  '赵敏,13700137000,迈腾,试车,,,,,', // the same phone as row 3: that row's customer, open opportunity by then
].join('\r\n');

describe('数据导入 — 销售机会', () => {
  let batch: ImportBatchRow;
  it('previews a GBK 潜客 export: the columns guessed, each bad row with its column, the customers with an open opportunity, the new customers', async () => {
    const p = ok<ImportPreview>(await preview('opportunities', '潜客.csv', encodeGbk(OPPORTUNITIES)));
    expect(p.kind).toBe('opportunities');
    expect(p.mapping).toEqual({ name: 0, mobile: 1, model: 2, stage: 3, channel: 4, owner: 5, createdDate: 6, nextFollowUp: 7, price: 8 });
    expect(p.sample[0]!.values).toMatchObject({ name: '张伟', model: '迈腾', stage: '新车展示', owner: '王顾问', createdDate: '2026-11-02', nextFollowUp: '2026-11-30', price: '189800' });
    expect(p.sample[1]!.values).toMatchObject({ model: '速腾', stage: '弄清客户需求', createdDate: '2026-11-10' });
    expect(p.bad.map((b) => [b.row, b.column, b.field])).toEqual([
      [5, 'D', 'stage'],
      [6, 'C', 'model'],
      [7, 'B', 'mobile'],
      [8, 'D', 'stage'],
      [8, 'E', 'channel'],
    ]);
    expect(p.bad[0]!.reason).toContain('成交流程');
    expect(p.badRows).toBe(4);
    expect(p.matches.map((m) => [m.row, m.by, m.customerId, m.fileRow])).toEqual([
      [4, 'openOpportunity', customerId('李娜'), null],
      [9, 'openOpportunity', null, 3],
    ]);
    expect([p.newRows, p.newCustomers, p.matchRows]).toEqual([2, 1, 2]);
    batch = await runImport(p, 'skip', consultant.userId);
    expect(batch).toMatchObject({ kind: 'opportunities', status: 'done', rowsDone: 8, created: 2, skipped: 2, bad: 4 });
  });

  it('adds the opportunity with its stage, model, consultant, 建档日期 and a planned follow-up; a new customer is the consultant’s', () => {
    const zw = customerId('张伟')!;
    const opp = t.core.sqlite.prepare<[number], Record<string, unknown>>('SELECT * FROM opportunities WHERE customer_id = ?').get(zw)!;
    expect(opp).toMatchObject({ stage: 'presentation', model: 'magotan', source: 'showroom', consultant_id: consultant.userId, status: 'open', price: 189800 });
    expect(opp.created_at).toBe(dayStartMs('2026-11-02', TZ));
    expect(count('SELECT count(*) FROM stage_history WHERE opportunity_id = ? AND to_stage = ?', opp.id, 'presentation')).toBe(1);
    const plan = t.core.sqlite.prepare<[number], { status: string; plannedAt: number; ownerId: number }>('SELECT status, planned_at AS plannedAt, owner_id AS ownerId FROM activities WHERE opportunity_id = ?').all(opp.id as number);
    expect(plan).toEqual([{ status: 'planned', plannedAt: dayStartMs('2026-11-30', TZ) + 10 * 3600_000, ownerId: consultant.userId }]);

    const zm = customerId('赵敏')!;
    expect(t.core.sqlite.prepare('SELECT owner_id FROM customers WHERE id = ?').pluck().get(zm)).toBe(consultant.userId);
    expect(t.core.sqlite.prepare('SELECT normalized FROM customer_phones WHERE customer_id = ?').pluck().all(zm)).toEqual(['8613700137000']);
    const zmOpp = t.core.sqlite.prepare<[number], Record<string, unknown>>('SELECT * FROM opportunities WHERE customer_id = ?').all(zm);
    // Row 9 (the same phone) was skipped: 赵敏 had an open opportunity by then.
    expect(zmOpp).toHaveLength(1);
    expect(zmOpp[0]).toMatchObject({ stage: 'needs_analysis', model: 'sagitar', source: 'phone' });
    // No 下次跟进日期: tomorrow (the clock's day is 2026-11-23) at 10:00.
    expect(count('SELECT planned_at FROM activities WHERE opportunity_id = ?', zmOpp[0]!.id)).toBe(dayStartMs('2026-11-24', TZ) + 10 * 3600_000);
    // 李娜 still has her one opportunity.
    expect(count('SELECT count(*) FROM opportunities WHERE customer_id = ?', customerId('李娜'))).toBe(1);
    // Audited under the batch.
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'import' AND entity = 'opportunity' AND json_extract(after, '$.importBatch') = ?", batch.id)).toBe(2);
  });

  it('undo is refused while an imported opportunity has moved on, and then takes back the opportunities and the customer it created', async () => {
    const zw = customerId('张伟')!;
    const opp = count('SELECT id FROM opportunities WHERE customer_id = ?', zw);
    const version = count('SELECT version FROM opportunities WHERE id = ?', opp);
    ok(await call(t.core, consultant.token, 'opportunities.changeStage', { id: opp, stage: 'test_drive', expectedVersion: version }));
    const refused = ok<ImportUndoResult>(await call(t.core, admin.token, 'dataImport.undo', { batchId: batch.id }));
    expect(refused.undone).toBe(false);
    expect(refused.blocked).toEqual([{ customerId: zw, name: '张伟', reason: expect.stringContaining('销售机会') }]);
    expect(count('SELECT count(*) FROM opportunities')).toBe(3);

    // A second import of one new prospect, undone whole.
    const p = ok<ImportPreview>(await preview('opportunities', 'b.csv', Buffer.from('姓名,手机,流程状态\n钱进,13300133000,初次接触\n张伟,13800138000,试车\n')));
    const b = await runImport(p, 'create');
    expect(b.created).toBe(2);
    expect(count('SELECT count(*) FROM opportunities WHERE customer_id = ?', zw)).toBe(2);
    const undone = ok<ImportUndoResult>(await call(t.core, admin.token, 'dataImport.undo', { batchId: b.id }));
    expect(undone).toMatchObject({ undone: true, customers: 2 });
    expect(customerId('钱进')).toBeUndefined();
    expect(count('SELECT count(*) FROM opportunities WHERE customer_id = ?', zw)).toBe(1);
    expect(count('SELECT count(*) FROM activities WHERE customer_id = ?', zw)).toBe(1);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'import_undo' AND entity = 'opportunity'")).toBe(2);
  });
});

describe('数据导入 — 维修工单', () => {
  let batch: ImportBatchRow;
  const RO = [
    '工单号,车架号,车牌号,维修日期,维修类型,进厂里程,维修项目,服务顾问,结算金额',
    `RO-1,${VIN1},,2026/11/01,保养,25000,机油机滤,李服务,"¥1,280.50"`,
    'RO-2,,辽B12345,2026-11-20,维修,26000,刹车片,,860', // found by plate
    'RO-3,LFV2A21K2N3000002,,2026-11-20,维修,,,,', // no such vehicle
    `RO-1,${VIN1},,2026-11-21,保养,,,,`, // RO-1 again: the same order
    `RO-4,${VIN1},,2026-11-21,洗车美容,,,,`, // unknown type
    `RO-5,${VIN1},,2026-12-21,维修,,,,`, // ahead of today
    `RO-6,${VIN1},,2026-11-22,维修,100,,,`, // the odometer goes back from RO-2's (an earlier row): the preview finds it as the run does
    `,${VIN1},,2026-11-22,维修,,,,`, // no RO number
  ].join('\n');

  it('previews: vehicles found by VIN or plate, each bad row with its column, an RO number repeated', async () => {
    const p = ok<ImportPreview>(await preview('repairOrders', '工单.csv', Buffer.from(RO)));
    expect(p.mapping).toEqual({ ro: 0, vin: 1, plate: 2, date: 3, type: 4, mileage: 5, items: 6, advisor: 7, amount: 8 });
    expect(p.sample[0]!.values).toMatchObject({ ro: 'RO-1', date: '2026-11-01', mileage: '25000', advisor: '李服务', amount: '1280.5' });
    expect(p.bad.map((b) => [b.row, b.column, b.field])).toEqual([
      [4, 'B', 'vin'],
      [6, 'E', 'type'],
      [7, 'D', 'date'],
      [8, 'F', 'mileage'],
      [9, 'A', 'ro'],
    ]);
    expect(p.bad.find((b) => b.row === 8)!.reason).toContain('26000');
    expect(p.matches.map((m) => [m.row, m.by, m.fileRow])).toEqual([[5, 'ro', 2]]);
    expect(p.newRows).toBe(2);
  });

  it('saves each order as the service desk does (odometer, last service, 招揽成功), skips an RO already here, and undo puts it all back', async () => {
    const zw = customerId('张伟')!;
    const vehicle = t.core.sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM vehicles WHERE vin = ?').get(VIN1)!;
    const task = Number(
      t.core.sqlite
        .prepare("INSERT INTO solicitation_tasks (natural_key, kind, customer_id, vehicle_id, window_start, window_end, status, created_at, updated_at) VALUES ('k1', 'regular_service', ?, ?, '2026-10-15', '2026-11-15', 'assigned', 0, 0)")
        .run(zw, vehicle.id).lastInsertRowid,
    );
    const p = ok<ImportPreview>(await preview('repairOrders', '工单.csv', Buffer.from(RO)));
    batch = await runImport(p, 'skip');
    expect(batch).toMatchObject({ kind: 'repairOrders', status: 'done', created: 2, skipped: 1, bad: 5 });
    const visits = t.core.sqlite.prepare('SELECT ro_number AS ro, date, type, mileage, advisor_id AS advisorId, amount FROM service_visits ORDER BY date').all();
    expect(visits).toEqual([
      { ro: 'RO-1', date: '2026-11-01', type: 'regular_service', mileage: 25000, advisorId: advisor.userId, amount: 1280.5 },
      { ro: 'RO-2', date: '2026-11-20', type: 'repair', mileage: 26000, advisorId: null, amount: 860 },
    ]);
    expect(t.core.sqlite.prepare('SELECT last_service_date AS last, mileage FROM vehicles WHERE id = ?').get(vehicle.id)).toEqual({ last: '2026-11-20', mileage: 26000 });
    expect(t.core.sqlite.prepare('SELECT status FROM solicitation_tasks WHERE id = ?').pluck().get(task)).toBe('succeeded');

    // The same export again adds nothing.
    const again = await runImport(ok<ImportPreview>(await preview('repairOrders', '工单.csv', Buffer.from(RO))), 'skip');
    expect([again.created, again.skipped, again.bad]).toEqual([0, 3, 5]);

    const undone = ok<ImportUndoResult>(await call(t.core, admin.token, 'dataImport.undo', { batchId: batch.id }));
    expect(undone).toMatchObject({ undone: true, customers: 2 });
    expect(count('SELECT count(*) FROM service_visits')).toBe(0);
    const after = t.core.sqlite.prepare<[number], Record<string, unknown>>('SELECT * FROM vehicles WHERE id = ?').get(vehicle.id as number)!;
    for (const f of ['last_service_date', 'mileage', 'mileage_date', 'avg_km_per_day', 'next_service_date']) expect([f, after[f]]).toEqual([f, vehicle[f]]);
    expect(t.core.sqlite.prepare('SELECT status, success_visit_id AS visit FROM solicitation_tasks WHERE id = ?').get(task)).toEqual({ status: 'assigned', visit: null });
  });

  it('undo is refused when the vehicle was changed after the import', async () => {
    const p = ok<ImportPreview>(await preview('repairOrders', '工单.csv', Buffer.from(RO)));
    const b = await runImport(p, 'skip');
    expect(b.created).toBe(2);
    t.core.sqlite.prepare('UPDATE vehicles SET plate = ?, updated_at = updated_at + 1 WHERE vin = ?').run('辽B99999', VIN1);
    const r = ok<ImportUndoResult>(await call(t.core, admin.token, 'dataImport.undo', { batchId: b.id }));
    expect(r.undone).toBe(false);
    expect(r.blocked[0]).toMatchObject({ name: '张伟', reason: expect.stringContaining('车辆') });
    expect(count('SELECT count(*) FROM service_visits')).toBe(2);
  });

  it('a consultant may not import (数据导入 is the administrator’s)', async () => {
    const r = await call(t.core, consultant.token, 'dataImport.preview', { kind: 'repairOrders', uploadId: 'x'.repeat(16) });
    expect(r.ok).toBe(false);
  });
});

describe('数据导入 — managers', () => {
  it('a sales manager imports prospects for their own team only, not repair orders, and sees and undoes only their own imports', async () => {
    const mgr = await userWithSession(t.core, 'rec.mgr', 'salesManager');
    const team = Number(t.core.sqlite.prepare("INSERT INTO teams (name, kind, manager_id) VALUES ('一组', 'sales', ?)").run(mgr.userId).lastInsertRowid);
    t.core.sqlite.prepare('UPDATE users SET team_id = ? WHERE id = ?').run(team, mgr.userId);
    const adminBatch = t.core.sqlite.prepare('SELECT id FROM import_batches WHERE created_by = ? ORDER BY id DESC LIMIT 1').pluck().get(admin.userId) as number;
    const mine = await userWithSession(t.core, 'rec.mine', 'salesConsultant');
    t.core.sqlite.prepare('UPDATE users SET team_id = ?, display_name = ? WHERE id = ?').run(team, '本组顾问', mine.userId);
    // Without 查看全部客户 a sales manager gives customers to their own team only.
    ok(await call(t.core, admin.token, 'admin.users.permissions.set', { userId: mgr.userId, overrides: { 'customers.viewAll': 'revoke' } }));
    const up = async (name: string, body: string) => (await t.core.uploads.receive(mgr.userId, name, [Buffer.from(body)])).uploadId;

    expect(await call(t.core, mgr.token, 'dataImport.preview', { kind: 'repairOrders', uploadId: await up('ro.csv', '工单号\nX') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const p = ok<ImportPreview>(
      await call(t.core, mgr.token, 'dataImport.preview', { kind: 'opportunities', uploadId: await up('leads.csv', '姓名,手机,销售顾问\n组内客户,13200132000,本组顾问\n别组客户,13200132001,王顾问\n') }),
    );
    // 王顾问 is not in the manager's team: that row names someone the manager may not give customers to.
    expect(p.bad.map((b) => [b.row, b.field])).toEqual([[3, 'owner']]);
    ok(await call(t.core, mgr.token, 'dataImport.start', { batchId: p.batchId, mapping: p.mapping, matchMode: 'skip', defaultOwnerId: null }));
    await t.core.services.dataImport.idle();
    expect(t.core.sqlite.prepare('SELECT owner_id FROM customers WHERE name = ?').pluck().get('组内客户')).toBe(mine.userId);

    // The administrator's imports are not the manager's to see or undo; their own is.
    const listed = ok<ImportBatchRow[]>(await call(t.core, mgr.token, 'dataImport.list', {}));
    expect(listed.map((b) => b.id)).toEqual([p.batchId]);
    expect(await call(t.core, mgr.token, 'dataImport.undo', { batchId: adminBatch })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(t.core, mgr.token, 'dataImport.get', { batchId: adminBatch })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ok<ImportUndoResult>(await call(t.core, mgr.token, 'dataImport.undo', { batchId: p.batchId })).undone).toBe(true);
    // The administrator sees every import.
    expect(ok<ImportBatchRow[]>(await call(t.core, admin.token, 'dataImport.list', {})).map((b) => b.id)).toContain(p.batchId);
  });
});
