import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, uploaded, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { avgKmPerDay, mileageGoesBack, parseVisitType, visitDateProblem } from './service-visits-rules';
import { parseLooseDay as parseDay } from '../../../common/dates';

type Fail = { ok: false; error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } } };
type Ok<T> = { ok: true; value: T };
type Saved = { id: number; roNumber: string; nextServiceDate: string | null; solicitationSucceeded: number };
type Report = { rows: number; saved: number; existing: number; bad: { row: number; reason: string }[]; badCount: number };

describe('visit rules (pure)', () => {
  it.each<[string, string | null]>([
    ['2026-11-30', '2026-11-30'],
    ['2026/1/5', '2026-01-05'],
    ['2026.12.31', '2026-12-31'],
    ['2026年2月28日', '2026-02-28'],
    ['20261130', '2026-11-30'],
    ['2026-11-30 14:20:00', '2026-11-30'],
    ['2028-02-29', '2028-02-29'], // leap day
    ['2026-02-29', null], // not a leap year
    ['2026-04-31', null], // month end
    ['30/11/2026', null],
    ['', null],
  ])('parseDay(%j) = %j', (raw, day) => expect(parseDay(raw)).toBe(day));

  it.each<[string, string | null]>([
    ['首保', 'first_service'],
    ['常规保养', 'regular_service'],
    ['repair', 'repair'],
    ['钣喷', 'accident'],
    ['索赔', 'warranty'],
    ['洗车', null],
  ])('parseVisitType(%j) = %j', (raw, type) => expect(parseVisitType(raw)).toBe(type));

  it.each<[number | null, string, string | null, number | null]>([
    [36_500, '2026-11-30', '2025-11-30', 100], // a year at 100 km a day
    [1_000, '2026-11-30', '2026-11-01', null], // 29 days: too short to average
    [3_000, '2026-11-30', '2026-10-31', 100], // exactly 30 days
    [null, '2026-11-30', '2025-11-30', null],
    [5_000, '2026-11-30', null, null],
  ])('avgKmPerDay(%j, %s, %s) = %j', (km, date, since, avg) => expect(avgKmPerDay(km, date, since)).toBe(avg));

  it('an odometer going back is refused only on or after the last reading’s day', () => {
    const last = { mileage: 20_000, mileageDate: '2026-10-01' };
    expect([mileageGoesBack(last, 19_999, '2026-10-01'), mileageGoesBack(last, 19_999, '2026-09-30'), mileageGoesBack(last, 20_000, '2026-11-01'), mileageGoesBack(last, null, '2026-11-01')]).toEqual([true, false, false, false]);
  });

  it('a visit day may be today but not tomorrow, and not before delivery', () => {
    expect([visitDateProblem('2026-11-30', '2026-11-30', null), visitDateProblem('2026-12-01', '2026-11-30', null), visitDateProblem('2026-01-01', '2026-11-30', '2026-01-02')]).toEqual([null, 'future', 'beforeDelivery']);
  });
});

describe('recording a service visit (serviceVisits.add / import)', () => {
  let t: TestCore;
  let tok: Record<string, string>;
  let uid: Record<string, number>;
  let cust: number;
  let veh: number;
  let other: number;
  const task = (customerId: number, vehicleId: number | null, from: string, to: string, status = 'assigned') =>
    Number(
      t.core.sqlite
        .prepare("INSERT INTO solicitation_tasks (natural_key, kind, customer_id, vehicle_id, window_start, window_end, status, created_at, updated_at) VALUES (?, 'regular_service', ?, ?, ?, ?, ?, 0, 0)")
        .run(`k${Math.random()}`, customerId, vehicleId, from, to, status).lastInsertRowid,
    );
  const stateOf = (id: number) => t.core.sqlite.prepare('SELECT status, success_visit_id AS visit FROM solicitation_tasks WHERE id = ?').get(id) as { status: string; visit: number | null };
  const vehicle = (id: number) =>
    t.core.sqlite.prepare('SELECT last_service_date AS last, mileage, mileage_date AS mileageDate, avg_km_per_day AS avg, next_service_date AS next FROM vehicles WHERE id = ?').get(id);
  const add = (input: Record<string, unknown>, who = 'adv') => call(t.core, tok[who]!, 'serviceVisits.add', input);

  beforeAll(async () => {
    t = await makeCore();
    // 15:59 UTC on 30 Nov = 23:59 in Shanghai: the dealer's today is still the 30th.
    t.clock.set(Date.UTC(2026, 10, 30, 15, 59));
    ({ tok, uid } = await usersWithSessions(t.core, [
      ['adv', 'serviceAdvisor'],
      ['agent', 'serviceAgent'],
      ['csm', 'serviceManager'],
    ]));
    const c = t.core.sqlite.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, 0, 0)');
    cust = Number(c.run('王先生').lastInsertRowid);
    other = Number(c.run('李女士').lastInsertRowid);
    const v = t.core.sqlite.prepare(
      "INSERT INTO vehicles (customer_id, vin, model, plate, delivery_date, mileage, mileage_date, avg_km_per_day, created_at, updated_at) VALUES (?, ?, 'sagitar', ?, '2025-11-30', 10000, '2026-05-30', 50, 0, 0)",
    );
    veh = Number(v.run(cust, 'LFV2A21K0A3100001', '粤B20001').lastInsertRowid);
    v.run(other, 'LFV2A21K0A3100002', '粤B20002');
  });
  afterAll(() => t.cleanup());

  it('a visit moves the vehicle (last service, odometer, km per day, next service) and marks the task whose window holds the day 招揽成功', async () => {
    const inside = task(cust, veh, '2026-11-15', '2026-12-15');
    const after = task(cust, veh, '2026-12-01', '2026-12-31'); // the window starts tomorrow
    const otherCar = task(other, null, '2026-11-01', '2026-12-31');
    const r = (await add({ vehicleId: veh, date: '2026-11-30', type: 'regular_service', mileage: 36_500, items: '更换机油、机滤', advisorId: uid.adv })) as Ok<Saved>;
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ solicitationSucceeded: 1, roNumber: `CRM-20261130-${veh}` });
    // 36,500 km in 365 days = 100 km/day; 7,500 km at 100/day = 75 days < 12 months.
    expect(vehicle(veh)).toEqual({ last: '2026-11-30', mileage: 36_500, mileageDate: '2026-11-30', avg: 100, next: '2027-02-13' });
    expect(r.value.nextServiceDate).toBe('2027-02-13');
    expect(stateOf(inside)).toEqual({ status: 'succeeded', visit: r.value.id });
    expect(stateOf(after).status).toBe('assigned');
    expect(stateOf(otherCar).status).toBe('assigned');
    const audit = t.core.sqlite.prepare("SELECT entity FROM audit_log WHERE entity IN ('service_visit', 'vehicle', 'solicitation_task') ORDER BY id").pluck().all();
    expect(audit).toEqual(expect.arrayContaining(['service_visit', 'vehicle', 'solicitation_task']));
  });

  it('an older visit entered late keeps the newer odometer reading and last service day', async () => {
    const r = (await add({ vehicleId: veh, date: '2026-06-15', type: 'repair', mileage: 18_000, roNumber: 'RO-OLD-1' })) as Ok<Saved>;
    expect(r.ok).toBe(true);
    expect(vehicle(veh)).toMatchObject({ last: '2026-11-30', mileage: 36_500, mileageDate: '2026-11-30' });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['tomorrow in Shanghai', { date: '2026-12-01', type: 'repair' }, 'date', '晚于今天'],
    ['before delivery', { date: '2025-11-29', type: 'repair' }, 'date', '早于交车日期'],
    ['an odometer going back', { date: '2026-11-30', type: 'repair', mileage: 36_000 }, 'mileage', '小于'],
    ['an RO number taken', { date: '2026-11-30', type: 'repair', roNumber: 'RO-OLD-1' }, 'roNumber', '已存在'],
    ['an agent as advisor', { date: '2026-11-30', type: 'repair', advisorId: -1 }, 'advisorId', ''],
  ])('refuses %s, saving nothing', async (_n, input, field, text) => {
    const before = t.core.sqlite.prepare('SELECT count(*) FROM service_visits').pluck().get();
    const payload = { vehicleId: veh, ...input, ...(input.advisorId === -1 ? { advisorId: uid.agent } : {}) };
    const r = (await add(payload)) as Fail;
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('INVALID_INPUT');
    const f = r.error.details?.fields?.find((x) => x.field === field);
    expect(f?.message).toContain(text);
    expect(t.core.sqlite.prepare('SELECT count(*) FROM service_visits').pluck().get()).toBe(before);
  });

  it('at 16:00 UTC it is the 1st of December in Shanghai: a visit that day is accepted', async () => {
    t.clock.set(Date.UTC(2026, 10, 30, 16, 0));
    const r = (await add({ vehicleId: veh, date: '2026-12-01', type: 'repair', roNumber: 'RO-TZ-1' })) as Ok<Saved>;
    expect(r.ok).toBe(true);
  });

  it('is for advisors and managers; an agent may not record repair orders', async () => {
    expect(((await add({ vehicleId: veh, date: '2026-11-30', type: 'repair' }, 'agent')) as Fail).error.code).toBe('FORBIDDEN');
  });

  it('imports the DMS export: good rows saved with their effects, bad rows listed by row number, the same file again adds nothing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('工单').addRows([
      ['工单号', '车架号', '车牌', '进厂日期', '维修类型', '进厂里程', '维修项目', '服务顾问'],
      ['RO-1001', '', '粤B 20002', '2026/11/20', '保养', '12,000', '机油', 'adv'],
      ['RO-1002', 'LFV0000000000XXXX', '', '2026-11-20', '维修', '', '', ''],
      ['RO-1003', 'LFV2A21K0A3100002', '', '2026-02-30', '洗车', '', '', ''],
      ['', 'LFV2A21K0A3100002', '', '2026-11-21', '维修', '', '', ''],
      ['RO-1005', 'LFV2A21K0A3100002', '', '2026-11-22', '维修', '11000', '', ''],
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = (await call(t.core, tok.csm!, 'serviceVisits.import', { uploadId: await uploaded(t.core, tok.csm!, 'dms.xlsx', bytes) })) as Ok<Report>;
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ rows: 5, saved: 1, existing: 0, badCount: 4 });
    expect(r.value.bad.map((b) => b.row)).toEqual([3, 4, 5, 6]);
    expect(r.value.bad[0]!.reason).toContain('找不到该车辆');
    expect(r.value.bad[1]!.reason).toMatch(/日期无效.*维修类型无效/);
    expect(r.value.bad[2]!.reason).toContain('缺少工单号');
    expect(r.value.bad[3]!.reason).toContain('小于'); // 11,000 km after 12,000 on the 20th
    expect(t.core.sqlite.prepare("SELECT v.plate, s.mileage, s.advisor_id AS advisor FROM service_visits s JOIN vehicles v ON v.id = s.vehicle_id WHERE ro_number = 'RO-1001'").get()).toEqual({ plate: '粤B20002', mileage: 12_000, advisor: uid.adv });
    const again = (await call(t.core, tok.csm!, 'serviceVisits.import', { uploadId: await uploaded(t.core, tok.csm!, 'dms.xlsx', bytes) })) as Ok<Report>;
    expect(again.value).toMatchObject({ saved: 0, existing: 1, badCount: 4 });
  });

  it('matches a plate as it is on file even when the strict plate format rejects it (京AD0J4RH)', async () => {
    t.core.sqlite.prepare("INSERT INTO vehicles (customer_id, vin, model, plate, created_at, updated_at) VALUES (?, 'LFV2A21K0A3100009', 'sagitar', '京AD0J4RH', 0, 0)").run(other);
    const csv = '工单号,车牌,进厂日期,维修类型\nRO-ODD-1, 京ad0j4rh ,2026-11-25,维修\n';
    const r = (await call(t.core, tok.csm!, 'serviceVisits.import', { uploadId: await uploaded(t.core, tok.csm!, 'x.csv', csv) })) as Ok<Report>;
    expect(r.value).toMatchObject({ saved: 1, badCount: 0 });
  });

  it('refuses a file without the needed columns, naming them', async () => {
    const r = (await call(t.core, tok.csm!, 'serviceVisits.import', { uploadId: await uploaded(t.core, tok.csm!, 'x.csv', '车牌,备注\n粤B20002,x\n') })) as Fail;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toMatch(/日期.*维修类型.*工单号/);
  });

  it('imports a GBK CSV as Chinese Excel saves it (no BOM): the Chinese headers and values read right', async () => {
    // GB18030 bytes of "工单号,车牌,进厂日期,维修类型\r\nRO-GBK-1,粤B20002,2026-11-26,维修\r\n" (checked with iconv -f GB18030)
    const gbk = Buffer.from('b9a4b5a5bac52cb3b5c5c62cbdf8b3a7c8d5c6da2cceacd0dec0e0d0cd0d0a524f2d47424b2d312cd4c14232303030322c323032362d31312d32362cceacd0de0d0a', 'hex');
    const r = (await call(t.core, tok.csm!, 'serviceVisits.import', { uploadId: await uploaded(t.core, tok.csm!, 'dms.csv', gbk) })) as Ok<Report>;
    expect(r.value).toMatchObject({ rows: 1, saved: 1, badCount: 0 });
    expect(t.core.sqlite.prepare("SELECT v.plate, s.type FROM service_visits s JOIN vehicles v ON v.id = s.vehicle_id WHERE ro_number = 'RO-GBK-1'").get()).toEqual({ plate: '粤B20002', type: 'repair' });
  });

  it('the user may override the detected encoding: the same GBK bytes read as UTF-8 are refused naming the first bad cell, saving nothing', async () => {
    const gbk = Buffer.from('b9a4b5a5bac52cb3b5c5c62cbdf8b3a7c8d5c6da2cceacd0dec0e0d0cd0d0a524f2d47424b2d322cd4c14232303030322c323032362d31312d32372cceacd0de0d0a', 'hex'); // ...RO-GBK-2...
    const before = t.core.sqlite.prepare('SELECT count(*) FROM service_visits').pluck().get();
    const r = (await call(t.core, tok.csm!, 'serviceVisits.import', { uploadId: await uploaded(t.core, tok.csm!, 'dms.csv', gbk), encoding: 'utf-8' })) as Fail;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain('第 1 行 A 列有无法按 UTF-8 识别的字符');
    expect(t.core.sqlite.prepare('SELECT count(*) FROM service_visits').pluck().get()).toBe(before);
  });
});

describe('made-up RO numbers', () => {
  it('a second and third visit of a vehicle on one day without an RO number get -2, -3', async () => {
    const t = await makeCore();
    try {
      t.clock.set(Date.UTC(2026, 10, 30, 2, 0));
      const { tok } = await usersWithSessions(t.core, [['adv', 'serviceAdvisor']]);
      const c = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('周先生', 0, 0)").run().lastInsertRowid);
      const v = Number(t.core.sqlite.prepare("INSERT INTO vehicles (customer_id, vin, model, created_at, updated_at) VALUES (?, 'LFV2A21K0A3300001', 'sagitar', 0, 0)").run(c).lastInsertRowid);
      const ros: string[] = [];
      for (let i = 0; i < 3; i++) ros.push(((await call(t.core, tok.adv!, 'serviceVisits.add', { vehicleId: v, date: '2026-11-30', type: 'repair' })) as Ok<Saved>).value.roNumber);
      expect(ros).toEqual([`CRM-20261130-${v}`, `CRM-20261130-${v}-2`, `CRM-20261130-${v}-3`]);
    } finally {
      t.cleanup();
    }
  });
});
