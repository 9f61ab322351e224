import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { dmsFileName, renderDms } from './dms-export';
import { currentVersion } from '../../../../tests/support/versions';

/**
 * 递交新车 through dispatch on a real SQLite file: the delivery form's checks, everything the deal
 * writes in one transaction, and the DMS hand-off — one file per deal, idempotent, a failure that
 * keeps the deal and a retry that writes the same file once.
 */

let t: TestCore;
const tok: Record<string, string> = {};
const uid: Record<string, number> = {};
const HOUR = 3_600_000;

// Valid identifiers (check digits as in customers/validate.test.ts).
const ID_MALE_1990 = '110101199003071233';
const USCC = '91350100M000100Y43';
const VINS = ['LFV2A21K6D3012345', 'LFV3A23C8E3000001', 'LFV2A21K8D3012346', 'LFV2A21KXD3012347', 'LFV2A21K1D3012348', 'LFV2A21K3D3012349', 'LFV2A21KXD3012350'];

type Fail = { ok: false; error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } } };
const fieldsOf = (r: unknown): Record<string, string> => ((r as { ok: boolean }).ok ? {} : Object.fromEntries(((r as Fail).error.details?.fields ?? []).map((f) => [f.field, f.message])));
const value = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
  return (r as { value: T }).value;
};
const sqlGet = <T>(q: string, ...args: unknown[]) => t.core.sqlite.prepare(q).get(...args) as T;
const next = () => ({ type: 'call', plannedAt: t.clock.now() + 24 * HOUR, subject: '电话跟进' });
let phoneNo = 0;

async function openOpp(owner = 's1', customer: Record<string, unknown> = {}): Promise<{ id: number; customerId: number }> {
  phoneNo += 1;
  const customerId = value<{ id: number }>(
    await call(t.core, tok[owner]!, 'customers.create', { name: '韩梅梅', phones: [{ raw: `1370000${String(phoneNo).padStart(4, '0')}` }], ...customer }),
  ).id;
  const { id } = value<{ id: number }>(await call(t.core, tok[owner]!, 'opportunities.create', { customerId, source: 'showroom', stage: 'quote_to_close', model: 'magotan', nextActivity: next() }));
  return { id, customerId };
}

const form = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  expectedVersion: currentVersion(t.core, 'opportunities', id),
  model: 'magotan',
  vin: VINS[0],
  plate: '粤B12345',
  price: 209900,
  deliveryDate: '2026-11-23',
  buyerIdNumber: ID_MALE_1990,
  ...over,
});

const exportDir = () => path.join(t.dir, 'dms-out');

beforeAll(async () => {
  t = await makeCore();
  const users = await usersWithSessions(t.core, [
    ['s1', 'salesConsultant'],
    ['s2', 'salesConsultant'],
  ]);
  Object.assign(tok, users.tok);
  Object.assign(uid, users.uid);
  // The standard dictionaries (abandon reasons, brands, models…) come with every database.
  t.core.settings.set('dms.exportDir', exportDir());
});
afterAll(() => t.cleanup());

describe('opportunities.deliver: the form', () => {
  it('explains every bad field at once and writes nothing', async () => {
    const { id } = await openOpp();
    const r = await call(t.core, tok.s1!, 'opportunities.deliver', form(id, { vin: 'LFV2A21K7D3012345', price: -1, deliveryDate: '2026-11-24', buyerIdNumber: '110101199003071234', plate: 'ABC' }));
    expect(fieldsOf(r)).toEqual({
      vin: 'VIN 第 9 位校验位不符,请核对是否有输错的字符',
      plate: '车牌格式无效,例如 粤B12345、粤BD12345(新能源)、粤B1234学',
      price: '价格应为大于 0 的金额',
      deliveryDate: '日期不能晚于今天',
      buyerIdNumber: '身份证号校验位不符,请核对是否有输错的数字',
    });
    expect(sqlGet('SELECT stage, status FROM opportunities WHERE id = ?', id)).toEqual({ stage: 'quote_to_close', status: 'open' });
    expect(sqlGet<{ n: number }>('SELECT count(*) AS n FROM deliveries').n).toBe(0);
  });

  it('a delivery without an ID number says so', async () => {
    const { id } = await openOpp();
    expect(fieldsOf(await call(t.core, tok.s1!, 'opportunities.deliver', form(id, { buyerIdNumber: '  ' })))).toEqual({ buyerIdNumber: '必填' });
    expect(fieldsOf(await call(t.core, tok.s1!, 'opportunities.deliver', form(id, { buyerIdNumber: '12345' })))).toEqual({
      buyerIdNumber: '身份证号应为 18 位:17 位数字加 1 位数字或 X',
    });
  });

  it('a company buys with its unified social credit code', async () => {
    const { id } = await openOpp('s1', { kind: 'company', name: '深圳某某科技有限公司' });
    expect(fieldsOf(await call(t.core, tok.s1!, 'opportunities.deliver', form(id, { buyerIdNumber: '91110000100000000X', vin: VINS[6] })))).toEqual({
      buyerIdNumber: '购车人证件号无效:个人填 18 位身份证号,单位填 18 位统一社会信用代码',
    });
    expect(await call(t.core, tok.s1!, 'opportunities.deliver', form(id, { buyerIdNumber: USCC, vin: VINS[6] }))).toMatchObject({ ok: true, value: { dmsStatus: 'exported' } });
  });

  it('another consultant’s opportunity is not found', async () => {
    const { id } = await openOpp('s2');
    expect(((await call(t.core, tok.s1!, 'opportunities.deliver', form(id, { vin: VINS[5] }))) as Fail).error.code).toBe('NOT_FOUND');
  });
});

describe('opportunities.deliver: the deal', () => {
  it('in one transaction: delivery, the customer’s vehicle, stage 100 with history, won, ID number filled, plans closed; then the DMS file', async () => {
    const { id, customerId } = await openOpp();
    t.clock.advance(60_000);
    const r = value<{ deliveryId: number; vehicleId: number; dmsStatus: string }>(await call(t.core, tok.s1!, 'opportunities.deliver', form(id)));
    expect(r.dmsStatus).toBe('exported');
    expect(sqlGet('SELECT stage, status, closed_at AS closedAt, price FROM opportunities WHERE id = ?', id)).toEqual({ stage: 'delivery', status: 'won', closedAt: t.clock.now(), price: 209900 });
    expect(sqlGet('SELECT customer_id AS c, vin, plate, model, brand, delivery_date AS d FROM vehicles WHERE id = ?', r.vehicleId)).toEqual({
      c: customerId,
      vin: VINS[0],
      plate: '粤B12345',
      model: 'magotan',
      brand: 'faw_vw',
      d: '2026-11-23',
    });
    expect(sqlGet('SELECT id_number AS idNumber FROM customers WHERE id = ?', customerId)).toEqual({ idNumber: ID_MALE_1990 });
    expect(sqlGet('SELECT from_stage AS f, to_stage AS t, user_id AS u FROM stage_history WHERE opportunity_id = ? ORDER BY id DESC LIMIT 1', id)).toEqual({ f: 'quote_to_close', t: 'delivery', u: uid.s1 });
    expect(sqlGet<{ n: number }>("SELECT count(*) AS n FROM activities WHERE opportunity_id = ? AND status = 'planned'", id).n).toBe(0);
    expect(sqlGet<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE entity = 'delivery' AND entity_id = ?", String(r.deliveryId)).n).toBeGreaterThanOrEqual(1);

    const file = path.join(exportDir(), 'dscrm-deal-' + String(r.deliveryId).padStart(8, '0') + '.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(json).toMatchObject({
      dealId: r.deliveryId,
      customer: { customerNo: ID_MALE_1990, name: '韩梅梅', kind: 'individual' },
      vehicle: { vin: VINS[0], model: 'magotan', modelName: '迈腾', plate: '粤B12345', deliveryDate: '2026-11-23', price: 209900 },
      consultant: 's1 测试',
    });
    expect(sqlGet('SELECT dms_status AS s, dms_attempts AS a, dms_last_error AS e, dms_exported_at AS at FROM deliveries WHERE id = ?', r.deliveryId)).toEqual({ s: 'exported', a: 1, e: null, at: t.clock.now() });
  });

  it('a delivered VIN cannot be delivered again, and a won opportunity cannot be delivered twice', async () => {
    const { id } = await openOpp();
    expect(fieldsOf(await call(t.core, tok.s1!, 'opportunities.deliver', form(id)))).toEqual({ vin: '该 VIN 已有交车记录' });
    const won = sqlGet<{ id: number }>("SELECT id FROM opportunities WHERE status = 'won' LIMIT 1").id;
    expect(fieldsOf(await call(t.core, tok.s1!, 'opportunities.deliver', form(won, { vin: VINS[1] })))).toEqual({ stage: '该销售机会已关闭(won),不能再修改' });
  });
});

describe('DMS hand-off', () => {
  it('is idempotent: the retry rewrites the same file with the same bytes, no second file', async () => {
    const { id } = await openOpp();
    const r = value<{ deliveryId: number }>(await call(t.core, tok.s1!, 'opportunities.deliver', form(id, { vin: VINS[2] })));
    const before = fs.readdirSync(exportDir()).sort();
    const file = path.join(exportDir(), `dscrm-deal-${String(r.deliveryId).padStart(8, '0')}.json`);
    const bytes = fs.readFileSync(file);
    t.clock.advance(60_000);
    expect(await call(t.core, tok.s1!, 'deliveries.retryDms', { id: r.deliveryId })).toMatchObject({ ok: true, value: { dmsStatus: 'exported', dmsError: null } });
    expect(fs.readdirSync(exportDir()).sort()).toEqual(before);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(sqlGet('SELECT dms_attempts AS a FROM deliveries WHERE id = ?', r.deliveryId)).toEqual({ a: 2 });
  });

  it('a folder that cannot be written keeps the deal as failed with the error; the retry then writes the file once', async () => {
    const blocker = path.join(t.dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    t.core.settings.set('dms.exportDir', path.join(blocker, 'dms'));
    const { id } = await openOpp();
    const r = value<{ deliveryId: number; dmsStatus: string; dmsError: string }>(await call(t.core, tok.s1!, 'opportunities.deliver', form(id, { vin: VINS[3] })));
    expect(r.dmsStatus).toBe('failed');
    expect(r.dmsError).toMatch(/ENOTDIR|EEXIST/);
    expect(sqlGet('SELECT status, stage FROM opportunities WHERE id = ?', id)).toEqual({ status: 'won', stage: 'delivery' });
    expect(sqlGet<{ s: string; a: number; e: string }>('SELECT dms_status AS s, dms_attempts AS a, dms_last_error AS e FROM deliveries WHERE id = ?', r.deliveryId)).toMatchObject({ s: 'failed', a: 1 });

    // The administrator fixes the folder (CSV this time); the retry succeeds.
    t.core.settings.set('dms.exportDir', exportDir());
    t.core.settings.set('dms.format', 'csv');
    const again = value<{ dmsStatus: string; file: string }>(await call(t.core, tok.s1!, 'deliveries.retryDms', { id: r.deliveryId }));
    expect(again.dmsStatus).toBe('exported');
    const text = fs.readFileSync(again.file, 'utf8');
    expect(text.startsWith('\uFEFFcustomer_no,customer_name,')).toBe(true);
    const [, row] = text.slice(1).split('\r\n');
    expect(row!.split(',').slice(0, 2)).toEqual([ID_MALE_1990, '韩梅梅']);
    expect(row).toContain(VINS[3]);
    expect(fs.readdirSync(exportDir()).filter((f) => f.includes(String(r.deliveryId).padStart(8, '0')))).toEqual([path.basename(again.file)]);
    expect(sqlGet('SELECT dms_status AS s, dms_attempts AS a, dms_last_error AS e FROM deliveries WHERE id = ?', r.deliveryId)).toEqual({ s: 'exported', a: 2, e: null });
    t.core.settings.set('dms.format', 'json');
  });

  it('the retry is refused for a deal of another consultant', async () => {
    const d = sqlGet<{ id: number }>('SELECT id FROM deliveries ORDER BY id LIMIT 1').id;
    expect(((await call(t.core, tok.s2!, 'deliveries.retryDms', { id: d })) as Fail).error.code).toBe('NOT_FOUND');
  });
});

describe('DMS file format', () => {
  const record = {
    dealId: 7,
    opportunityId: 3,
    customer: { customerNo: USCC, name: '深圳"星辰",科技有限公司', kind: 'company' as const, gender: 'other', phone: '075528780808', province: '广东', city: '深圳', address: null },
    vehicle: { vin: VINS[0]!, model: 'magotan', modelName: '迈腾', plate: null, deliveryDate: '2026-11-23', price: 209900 },
    consultant: null,
  };
  it('CSV: BOM, header and one row; a name with a comma or quote is quoted, empty values stay empty', () => {
    const text = renderDms(record, 'csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [head, row, end] = text.slice(1).split('\r\n');
    expect(head!.split(',')[0]).toBe('customer_no');
    expect(row).toBe(`${USCC},"深圳""星辰"",科技有限公司",company,other,075528780808,广东,深圳,,${VINS[0]},magotan,迈腾,,2026-11-23,209900,,7`);
    expect(end).toBe('');
  });
  it('the same deal renders the same bytes, and the file name depends only on the deal', () => {
    expect(renderDms(record, 'json')).toBe(renderDms(structuredClone(record), 'json'));
    expect(JSON.parse(renderDms(record, 'json')).customer.customerNo).toBe(USCC);
    expect(dmsFileName(7, 'json')).toBe('dscrm-deal-00000007.json');
    expect(dmsFileName(7, 'csv')).toBe('dscrm-deal-00000007.csv');
  });
});
