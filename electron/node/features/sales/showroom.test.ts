import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';
import { salesFloor } from '../../../../tests/fixtures/sales-floor';
import { normalizePhone } from '../../../common/phone';
import { localTime } from './showroom';

/**
 * Showroom traffic through dispatch on a real SQLite file: registering visits (customer by phone,
 * opportunity, late flag, mode rules), walk-in batches, test-drive bookings and the daily report.
 * The clock is 2026-11-23 09:00 in Asia/Shanghai (01:00 UTC).
 */

let t: TestCore;
const tok: Record<string, string> = {};
const uid: Record<string, number> = {};
const TZ = 'Asia/Shanghai';
const TODAY = '2026-11-23';
const HOUR = 3_600_000;

type Fail = { ok: false; error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } } };
type Ok<T> = { ok: true; value: T };
const fieldsOf = (r: unknown): Record<string, string> => ((r as { ok: boolean }).ok ? {} : Object.fromEntries(((r as Fail).error.details?.fields ?? []).map((f) => [f.field, f.message])));
const value = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
  return (r as Ok<T>).value;
};
const all = <T>(q: string, ...args: unknown[]) => t.core.sqlite.prepare(q).all(...args) as T[];
const one = <T>(q: string, ...args: unknown[]) => t.core.sqlite.prepare(q).get(...args) as T;

let phoneSeq = 0;
const newPhone = () => `139${String(10_000_000 + ++phoneSeq * 7919).slice(-8)}`;
const norm = (raw: string) => (normalizePhone(raw) as { normalized: string }).normalized;
const visit = (over: Record<string, unknown> = {}) => ({
  name: '李先生',
  gender: 'male',
  phone: newPhone(),
  visitDate: TODAY,
  visitTime: '08:30',
  mode: 1,
  interestedModel: 'sagitar',
  competitorBrand: 'toyota',
  expectedPurchaseDate: '2026-12-20',
  ...over,
});

beforeAll(async () => {
  t = await makeCore();
  // The manager leads s1 and s2 (team A) without customers.viewAll; s3 is in team B.
  const floor = await salesFloor(t, { managerSeesAll: false });
  Object.assign(tok, floor.tok);
  Object.assign(uid, floor.uid);
  // This test's own small dictionaries instead of the standard ones every database starts with.
  t.core.sqlite.exec('DELETE FROM dictionaries');
  const dict = t.core.sqlite.prepare('INSERT INTO dictionaries (kind, code, label_zh, label_en, sort, active) VALUES (?, ?, ?, ?, ?, 1)');
  dict.run('source', 'showroom', '展厅', 'Showroom', 1);
  dict.run('model', 'sagitar', '速腾', 'Sagitar', 1);
  dict.run('model', 'magotan', '迈腾', 'Magotan', 2);
  dict.run('brand', 'toyota', '丰田', 'Toyota', 1);
  dict.run('activity_type', 'call', '电话', 'Call', 1);
  expect(t.core.settings.get('dealer.timeZone')).toBe(TZ);
  expect(new Date(t.clock.now()).toISOString()).toBe('2026-11-23T01:00:00.000Z');
}, 60_000); // six users, each logged in through scrypt: slow on a shared 2-CPU machine
afterAll(() => t.cleanup());

describe('showroom.visits.register', () => {
  it('creates the customer, a showroom opportunity with a next activity and the visit, audited, in one go', async () => {
    const phone = newPhone();
    const r = value<{ visitId: number; customerId: number; customerCreated: boolean; opportunityId: number; opportunityCreated: boolean; firstVisit: boolean; late: boolean }>(
      await call(t.core, tok.s1!, 'showroom.visits.register', visit({ phone: `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` })),
    );
    expect(r).toMatchObject({ customerCreated: true, opportunityCreated: true, firstVisit: true, late: false });
    expect(one('SELECT owner_id AS o, source FROM customers WHERE id = ?', r.customerId)).toEqual({ o: uid.s1, source: 'showroom' });
    expect(one('SELECT normalized FROM customer_phones WHERE customer_id = ?', r.customerId)).toEqual({ normalized: norm(phone) });
    expect(one('SELECT customer_id AS c, consultant_id AS u, source, stage, status, model FROM opportunities WHERE id = ?', r.opportunityId)).toEqual({
      c: r.customerId, u: uid.s1, source: 'showroom', stage: 'initial_contact', status: 'open', model: 'sagitar',
    });
    expect(all("SELECT type FROM activities WHERE opportunity_id = ? AND status = 'planned'", r.opportunityId)).toHaveLength(1);
    const v = one<Record<string, unknown>>('SELECT * FROM showroom_visits WHERE id = ?', r.visitId);
    expect(v).toMatchObject({ customer_id: r.customerId, opportunity_id: r.opportunityId, consultant_id: uid.s1, visit_date: TODAY, visit_mode: 1, first_visit: 1, late: 0, interested_model: 'sagitar', competitor_brand: 'toyota', expected_purchase_date: '2026-12-20' });
    expect(v.visit_at).toBe(localTime(TODAY, '08:30', TZ));
    const audited = all<{ entity: string }>('SELECT entity FROM audit_log WHERE user_id = ? ORDER BY id', uid.s1).map((a) => a.entity);
    expect(audited).toEqual(expect.arrayContaining(['customer', 'customer_phone', 'opportunity', 'stage_history', 'activity', 'showroom_visit']));
  });

  it('consent signed at a first visit goes on the customer, dated the visit, audited; one given before stays as it was', async () => {
    const phone = newPhone();
    const r = value<{ customerId: number }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ phone, consentMethod: 'paper' })));
    expect(one('SELECT consent_status AS s, consent_date AS d, consent_method AS m FROM customers WHERE id = ?', r.customerId)).toEqual({ s: 'given', d: TODAY, m: 'paper' });
    const audit = one<{ after: string }>("SELECT after FROM audit_log WHERE entity = 'customer' AND entity_id = ? AND action = 'update' ORDER BY id DESC", String(r.customerId));
    expect(JSON.parse(audit.after)).toMatchObject({ consentStatus: 'given', consentDate: TODAY, consentMethod: 'paper' });
    // A second visit saying 电子签名 does not rewrite the consent already on file.
    value(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ phone, mode: 3, visitTime: '08:50', consentMethod: 'esign' })));
    expect(one('SELECT consent_method AS m FROM customers WHERE id = ?', r.customerId)).toEqual({ m: 'paper' });
    // Without it, nothing is recorded.
    const other = value<{ customerId: number }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ phone: newPhone() })));
    expect(one('SELECT consent_status AS s FROM customers WHERE id = ?', other.customerId)).toEqual({ s: null });
  });

  it('links a phone that already belongs to the consultant’s customer instead of creating a duplicate', async () => {
    const phone = newPhone();
    const first = value<{ customerId: number; opportunityId: number }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ phone })));
    // Typed differently (+86 and dashes): the normalised number matches.
    const again = value<{ customerId: number; customerCreated: boolean; opportunityId: number; opportunityCreated: boolean; firstVisit: boolean }>(
      await call(t.core, tok.s1!, 'showroom.visits.register', visit({ phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`, mode: 3, visitTime: '08:50' })),
    );
    expect(again).toMatchObject({ customerId: first.customerId, customerCreated: false, opportunityId: first.opportunityId, opportunityCreated: false, firstVisit: false });
    expect(one<{ n: number }>('SELECT count(*) AS n FROM customer_phones WHERE normalized = ?', norm(phone)).n).toBe(1);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM opportunities WHERE customer_id = ? AND status = 'open'", first.customerId).n).toBe(1);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM showroom_visits WHERE customer_id = ?', first.customerId).n).toBe(2);
  });

  it('refuses a phone of another consultant’s customer, naming the colleague; nothing is saved', async () => {
    const phone = newPhone();
    value(await call(t.core, tok.s3!, 'showroom.visits.register', visit({ phone, name: '张伟' })));
    const before = one<{ n: number }>('SELECT count(*) AS n FROM customers').n;
    const r = await call(t.core, tok.s1!, 'showroom.visits.register', visit({ phone }));
    expect(fieldsOf(r).phone).toBe('该电话已登记为 s3 测试 的客户(张*),请联系该顾问或销售经理,不要重复建档');
    expect(one<{ n: number }>('SELECT count(*) AS n FROM customers').n).toBe(before);
  });

  it('lets a manager link a team member’s customer and register for that consultant', async () => {
    const phone = newPhone();
    const a = value<{ customerId: number; opportunityId: number }>(await call(t.core, tok.s2!, 'showroom.visits.register', visit({ phone })));
    const b = value<{ customerId: number; opportunityId: number; customerCreated: boolean }>(
      await call(t.core, tok.mgr!, 'showroom.visits.register', visit({ phone, mode: 4, consultantId: uid.s2 })),
    );
    expect(b).toMatchObject({ customerId: a.customerId, opportunityId: a.opportunityId, customerCreated: false });
    // Not for a consultant outside the manager's teams; and a consultant cannot register for a colleague.
    expect(fieldsOf(await call(t.core, tok.mgr!, 'showroom.visits.register', visit({ consultantId: uid.s3 }))).consultantId).toBeTruthy();
    expect(((await call(t.core, tok.s1!, 'showroom.visits.register', visit({ consultantId: uid.s2 }))) as Fail).error.code).toBe('FORBIDDEN');
  });

  it('keeps mode and first visit consistent: 1, 2 first; 3, 4 return; a contradiction is a field message', async () => {
    for (const [mode, first] of [[1, true], [2, true]] as const) {
      const r = value<{ visitId: number; firstVisit: boolean }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ mode })));
      expect(r.firstVisit).toBe(first);
      expect(one<{ f: number }>('SELECT first_visit AS f FROM showroom_visits WHERE id = ?', r.visitId).f).toBe(1);
    }
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ mode: 1, firstVisit: false }))).firstVisit).toBe('模式 1 为首次来店,“首次来店”须与模式一致');
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ mode: 3, firstVisit: true }))).firstVisit).toBe('模式 3 为再次来店,“首次来店”须与模式一致');
    // A return visit needs a registered customer.
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ mode: 4 }))).mode).toMatch(/再次来店/);
    expect(((await call(t.core, tok.s1!, 'showroom.visits.register', visit({ mode: 5 }))) as Fail).error.code).toBe('INVALID_INPUT');
  });

  it('flags a visit entered more than 24 hours after it happened as late; exactly 24 hours is not late', async () => {
    const now = t.clock.now();
    const exactly = value<{ late: boolean }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ visitDate: '2026-11-22', visitTime: '09:00' })));
    expect(localTime('2026-11-22', '09:00', TZ)).toBe(now - 24 * HOUR);
    expect(exactly.late).toBe(false);
    const late = value<{ visitId: number; late: boolean }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ visitDate: '2026-11-22', visitTime: '08:59' })));
    expect(late.late).toBe(true);
    expect(one<{ late: number }>('SELECT late FROM showroom_visits WHERE id = ?', late.visitId).late).toBe(1);
  });

  it('refuses a visit in the future and a past day without a time, with clear messages', async () => {
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ visitDate: '2026-11-24' }))).visitDate).toBe('来访时间不能晚于现在');
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ visitTime: '10:00' }))).visitTime).toBe('来访时间不能晚于现在');
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ visitDate: '2026-11-20', visitTime: undefined }))).visitTime).toMatch(/来访时间/);
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ phone: '12345' }))).phone).toBeTruthy();
  });

  it('a test-drive visit of an existing opportunity moves it up to 试车', async () => {
    const phone = newPhone();
    const a = value<{ opportunityId: number }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ phone })));
    value(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ phone, mode: 3, testDrive: true, visitTime: '08:45' })));
    expect(one<{ stage: string }>('SELECT stage FROM opportunities WHERE id = ?', a.opportunityId).stage).toBe('test_drive');
    expect(one<{ m: string }>('SELECT test_drive_model AS m FROM showroom_visits WHERE opportunity_id = ? AND test_drive = 1', a.opportunityId).m).toBe('sagitar');
  });

  it('visits.update sets ordered / delivered on the user’s own visits only', async () => {
    const r = value<{ visitId: number }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit()));
    value(await call(t.core, tok.s1!, 'showroom.visits.update', { id: r.visitId, patch: { delivered: true } }));
    expect(one('SELECT ordered, delivered FROM showroom_visits WHERE id = ?', r.visitId)).toEqual({ ordered: 1, delivered: 1 });
    expect(((await call(t.core, tok.s3!, 'showroom.visits.update', { id: r.visitId, patch: { ordered: false } })) as Fail).error.code).toBe('NOT_FOUND');
    expect(((await call(t.core, tok.agent!, 'showroom.visits.update', { id: r.visitId, patch: { ordered: false } })) as Fail).error.code).toBe('FORBIDDEN');
  });

  it('corrects what 审核自查 flags: name, phone, mode with its first-visit flag, consultant (a manager only); audited, versioned; the date is not correctable', async () => {
    const r = value<{ visitId: number; customerId: number }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ name: '李', mode: 1 })));
    const v = () => one<{ name: string; phone: string; visit_mode: number; first_visit: number; consultant_id: number; version: number }>('SELECT name, phone, visit_mode, first_visit, consultant_id, version FROM showroom_visits WHERE id = ?', r.visitId);
    const upd = (token: string, patch: Record<string, unknown>, expectedVersion?: number) => call(t.core, token, 'showroom.visits.update', { id: r.visitId, patch, ...(expectedVersion ? { expectedVersion } : {}) });
    const audits = () => t.core.sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'showroom_visit' AND entity_id = ? AND action = 'update'").pluck().get(String(r.visitId)) as number;

    // Name and phone (the phone checked and normalised as at registration); mode 3 makes it a return visit.
    const phone = newPhone();
    value(await upd(tok.s1!, { name: '李建国', phone: ` ${phone} `, mode: 3 }, 1));
    expect(v()).toMatchObject({ name: '李建国', phone, visit_mode: 3, first_visit: 0, version: 2 });
    expect(audits()).toBe(1);
    // A form loaded before that save is stale: refused, nothing changed.
    expect(((await upd(tok.s1!, { name: '王' }, 1)) as Fail).error.code).toBe('STALE_RECORD');
    expect(v().name).toBe('李建国');
    // A first-visit flag against the mode, a bad number, another customer's number: refused under their fields.
    expect(fieldsOf(await upd(tok.s1!, { mode: 4, firstVisit: true })).firstVisit).toBe('模式 4 为再次来店,“首次来店”须与模式一致');
    expect(fieldsOf(await upd(tok.s1!, { phone: '12345' })).phone).toBeTruthy();
    const other = value<{ customerId: number }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit({ name: '赵六' })));
    const taken = one<{ raw: string }>('SELECT raw FROM customer_phones WHERE customer_id = ?', other.customerId).raw;
    expect(fieldsOf(await upd(tok.s1!, { phone: taken })).phone).toMatch(/^该电话属于另一位客户/);
    expect(v()).toMatchObject({ phone, visit_mode: 3, version: 2 });
    // The consultant: not by a consultant (even to a teammate), by their manager within the teams.
    expect(((await upd(tok.s1!, { consultantId: uid.s2 })) as Fail).error.code).toBe('FORBIDDEN');
    expect(fieldsOf(await upd(tok.mgr!, { consultantId: uid.s3 })).consultantId).toBeTruthy();
    value(await upd(tok.mgr!, { consultantId: uid.s2 }));
    expect(v()).toMatchObject({ consultant_id: uid.s2, version: 3 });
    expect(((await upd(tok.s1!, { name: '李' })) as Fail).error.code).toBe('NOT_FOUND');
    // The correction form loads the visit with its version; another team's consultant cannot.
    expect(value<{ name: string; mode: number; firstVisit: boolean; consultantId: number; version: number }>(await call(t.core, tok.mgr!, 'showroom.visits.get', { id: r.visitId }))).toMatchObject({ name: '李建国', mode: 3, firstVisit: false, consultantId: uid.s2, version: 3 });
    expect(((await call(t.core, tok.s3!, 'showroom.visits.get', { id: r.visitId })) as Fail).error.code).toBe('NOT_FOUND');
    // The visit's date and time are not part of a correction.
    expect(((await upd(tok.s2!, { visitDate: '2026-11-22' })) as Fail).error.code).toBe('INVALID_INPUT');
    expect(audits()).toBe(2);
  });

  it('a corrected visit leaves 审核自查 checks 1 and 3', async () => {
    const r = value<{ visitId: number }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit()));
    // As an old import left it: no phone, and mode 4 (return) with the first-visit flag set.
    t.core.sqlite.prepare('UPDATE showroom_visits SET phone = NULL, visit_mode = 4, first_visit = 1, version = version + 1 WHERE id = ?').run(r.visitId);
    const offending = async () => {
      const rep = value<{ checks: { no: string; numerator: number }[] }>(await call(t.core, tok.gm!, 'selfAudit.checks', { range: { from: '2026-11-01', to: TODAY } }));
      return ['1', '3'].map((no) => rep.checks.find((c) => c.no === no)!.numerator);
    };
    const [complete, consistent] = await offending();
    expect(complete).toBeGreaterThan(0);
    expect(consistent).toBeGreaterThan(0);
    value(await call(t.core, tok.s1!, 'showroom.visits.update', { id: r.visitId, expectedVersion: 2, patch: { phone: newPhone(), mode: 1, firstVisit: true } }));
    expect(await offending()).toEqual([complete! - 1, consistent! - 1]);
  });
});

describe('showroom.walkIns', () => {
  it('adds batches per model and day; a negative batch corrects but never below zero; future days refused', async () => {
    expect(value<{ total: number }>(await call(t.core, tok.s2!, 'showroom.walkIns.add', { date: TODAY, model: 'magotan', count: 3 })).total).toBe(3);
    expect(value<{ total: number }>(await call(t.core, tok.s2!, 'showroom.walkIns.add', { date: TODAY, model: 'magotan', count: -1 })).total).toBe(2);
    expect(fieldsOf(await call(t.core, tok.s2!, 'showroom.walkIns.add', { date: TODAY, model: 'magotan', count: -3 })).count).toBe('当天该车型只登记了 2 位,不能减少 3 位');
    expect(fieldsOf(await call(t.core, tok.s2!, 'showroom.walkIns.add', { date: '2026-11-24', model: 'magotan', count: 1 })).date).toBeTruthy();
    expect(fieldsOf(await call(t.core, tok.s2!, 'showroom.walkIns.add', { date: TODAY, model: 'beetle', count: 1 })).model).toBeTruthy();
    value(await call(t.core, tok.s3!, 'showroom.walkIns.add', { date: TODAY, model: 'sagitar', count: 5 }));
    expect(value(await call(t.core, tok.s2!, 'showroom.walkIns.list', { date: TODAY }))).toEqual([{ consultantId: uid.s2, consultantName: 's2 测试', model: 'magotan', count: 2 }]);
    // The manager sees the team's (s2), not team B's s3.
    expect(value<{ consultantId: number }[]>(await call(t.core, tok.mgr!, 'showroom.walkIns.list', { date: TODAY })).map((x) => x.consultantId)).toEqual([uid.s2]);
  });
});

describe('showroom.testDrive', () => {
  let car = 0;
  let customerId = 0;
  let opportunityId = 0;
  const at = (hhmm: string, day = TODAY) => localTime(day, hhmm, TZ);

  beforeAll(async () => {
    car = value<{ id: number }>(await call(t.core, tok.mgr!, 'showroom.testDrive.createVehicle', { model: 'sagitar', plate: '粤B12345' })).id;
    const r = value<{ customerId: number; opportunityId: number }>(await call(t.core, tok.s1!, 'showroom.visits.register', visit()));
    customerId = r.customerId;
    opportunityId = r.opportunityId;
  });

  it('only managers manage the fleet', async () => {
    expect(((await call(t.core, tok.s1!, 'showroom.testDrive.createVehicle', { model: 'sagitar' })) as Fail).error.code).toBe('FORBIDDEN');
    expect(fieldsOf(await call(t.core, tok.mgr!, 'showroom.testDrive.createVehicle', { model: 'sagitar', plate: 'XYZ' })).plate).toBeTruthy();
  });

  it('books a free slot, refuses overlaps, allows a booking that starts when the previous one ends', async () => {
    const b = value<{ id: number; opportunityId: number }>(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('10:00'), endAt: at('11:00') }));
    expect(b.opportunityId).toBe(opportunityId);
    const overlap = fieldsOf(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('10:30'), endAt: at('11:30') }));
    expect(overlap.startAt).toBe('该车 11-23 10:00–11:00 已被预约,请选择其他时间或车辆');
    // Fully inside, fully around: both overlap.
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('10:15'), endAt: at('10:45') })).startAt).toBeTruthy();
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('09:30'), endAt: at('11:30') })).startAt).toBeTruthy();
    // Touching: end = start on either side is fine.
    value(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('11:00'), endAt: at('12:00') }));
    value(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('09:30'), endAt: at('10:00') }));
    // The dealer's local day and times work too.
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, date: TODAY, startTime: '11:30', endTime: '12:30' })).startAt).toBeTruthy();
    // A cancelled booking frees its slot.
    const c = value<{ id: number }>(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('14:00'), endAt: at('15:00') }));
    value(await call(t.core, tok.s1!, 'showroom.testDrive.cancel', { id: c.id }));
    value(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('14:30'), endAt: at('15:00') }));
  });

  it('refuses a time in the past, an end before the start and an inactive car', async () => {
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('08:00'), endAt: at('08:30') })).startAt).toBe('不能预约已经过去的时间');
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('16:00'), endAt: at('16:00') })).endAt).toBe('结束时间须晚于开始时间');
    const old = value<{ id: number }>(await call(t.core, tok.mgr!, 'showroom.testDrive.createVehicle', { model: 'magotan' })).id;
    value(await call(t.core, tok.mgr!, 'showroom.testDrive.deactivateVehicle', { id: old }));
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: old, customerId, startAt: at('16:00'), endAt: at('17:00') })).vehicleId).toBe('该试驾车已停用');
    // Another consultant's customer is not found.
    expect(((await call(t.core, tok.s3!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('17:00', '2026-11-24'), endAt: at('18:00', '2026-11-24') })) as Fail).error.code).toBe('NOT_FOUND');
  });

  it('completing a drive moves the opportunity to 试车 once; the schedule lists the day with others’ customers masked', async () => {
    const b = value<{ id: number }>(await call(t.core, tok.s1!, 'showroom.testDrive.book', { vehicleId: car, customerId, startAt: at('10:00', '2026-11-25'), endAt: at('11:00', '2026-11-25') }));
    expect(((await call(t.core, tok.s3!, 'showroom.testDrive.complete', { id: b.id })) as Fail).error.code).toBe('NOT_FOUND');
    expect(value(await call(t.core, tok.s1!, 'showroom.testDrive.complete', { id: b.id }))).toEqual({ id: b.id, stageChanged: true });
    expect(one<{ stage: string }>('SELECT stage FROM opportunities WHERE id = ?', opportunityId).stage).toBe('test_drive');
    expect(one<{ n: number }>("SELECT count(*) AS n FROM stage_history WHERE opportunity_id = ? AND to_stage = 'test_drive'", opportunityId).n).toBe(1);
    expect(fieldsOf(await call(t.core, tok.s1!, 'showroom.testDrive.complete', { id: b.id })).status).toBe('该预约已完成,不能再操作');

    const mine = value<{ vehicles: { id: number }[]; bookings: { customerName: string; canAct: boolean }[] }>(await call(t.core, tok.s1!, 'showroom.testDrive.schedule', { date: TODAY }));
    expect(mine.vehicles.map((v) => v.id)).toContain(car);
    expect(mine.bookings).toHaveLength(4);
    expect(mine.bookings.every((x) => x.customerName === '李先生' && x.canAct)).toBe(true);
    const theirs = value<{ bookings: { customerName: string; canAct: boolean }[] }>(await call(t.core, tok.s3!, 'showroom.testDrive.schedule', { date: TODAY }));
    expect(theirs.bookings.every((x) => x.customerName === '李**' && !x.canAct)).toBe(true);
  });
});

describe('showroom.today', () => {
  it('answers the dealer’s day and time, not the PC’s', async () => {
    expect(value(await call(t.core, tok.s1!, 'showroom.today', {}))).toEqual({ date: TODAY, time: '09:00', timeZone: TZ });
  });
});

describe('showroom.traffic.daily', () => {
  it('counts walk-ins and visits per day and consultant with the month’s rates; others’ rows hidden', async () => {
    const r = value<{
      rows: { date: string; consultantId: number; walkIns: number; firstVisits: number; returnVisits: number; newProspects: number; traffic: number }[];
      consultants: { consultantId: number; walkIns: number; newProspects: number; newSales: number; registrationRate: number | null; closingRate: number | null }[];
    }>(await call(t.core, tok.s2!, 'showroom.traffic.daily', { month: '2026-11' }));
    const first = one<{ f: number; r: number }>('SELECT sum(first_visit) AS f, sum(1 - first_visit) AS r FROM showroom_visits WHERE consultant_id = ?', uid.s2);
    expect(r.rows).toEqual([{ date: TODAY, consultantId: uid.s2, consultantName: 's2 测试', walkIns: 2, firstVisits: first.f, returnVisits: first.r, newProspects: first.f, traffic: 2 + first.f }]);
    expect(r.consultants).toEqual([
      { consultantId: uid.s2, consultantName: 's2 测试', walkIns: 2, newProspects: first.f, returnVisits: first.r, newSales: 0, registrationRate: first.f / (first.f + 2), closingRate: 0 },
    ]);
    // The manager sees team A (s1, s2), not s3; a filter on one consultant narrows it.
    const m = value<{ consultants: { consultantId: number }[] }>(await call(t.core, tok.mgr!, 'showroom.traffic.daily', { month: '2026-11' }));
    expect(m.consultants.map((c) => c.consultantId).sort()).toEqual([uid.s1, uid.s2].sort());
    const only = value<{ consultants: { consultantId: number }[] }>(await call(t.core, tok.mgr!, 'showroom.traffic.daily', { month: '2026-11', consultantId: uid.s1 }));
    expect(only.consultants.map((c) => c.consultantId)).toEqual([uid.s1]);
    // A month without traffic: no rows, rates null (not 0 %, not a division error).
    const empty = value<{ rows: unknown[]; total: { registrationRate: number | null; closingRate: number | null } }>(await call(t.core, tok.s2!, 'showroom.traffic.daily', { month: '2026-10' }));
    expect(empty).toMatchObject({ rows: [], total: { registrationRate: null, closingRate: null } });
  });
});

describe('grid data set showroomVisits', () => {
  it('lists the user’s visits with the audit fields; a manager filters the late entries of the team', async () => {
    const q = (scope: string, filter: unknown = { columns: [] }) => ({ dataset: 'showroomVisits', scope, filter, columns: ['name', 'visitMode', 'firstVisit', 'late', 'consultantName'], sort: [{ col: 'visitDate', dir: 'desc' }], limit: 500 });
    const mine = value<{ rows: { late: number; consultantName: string }[] }>(await call(t.core, tok.s1!, 'grid.query', q('mine')));
    const ownCount = one<{ n: number }>('SELECT count(*) AS n FROM showroom_visits WHERE consultant_id = ?', uid.s1).n;
    expect(mine.rows).toHaveLength(ownCount);
    expect(mine.rows.every((r) => r.consultantName === 's1 测试')).toBe(true);
    const lateFilter = { columns: [{ join: 'and', conditions: [{ col: 'late', op: 'isTrue' }] }] };
    const late = value<{ rows: { late: unknown }[] }>(await call(t.core, tok.mgr!, 'grid.query', q('team', lateFilter)));
    const teamLate = one<{ n: number }>('SELECT count(*) AS n FROM showroom_visits WHERE late = 1 AND consultant_id IN (?, ?)', uid.s1, uid.s2).n;
    expect(teamLate).toBeGreaterThan(0);
    expect(late.rows).toHaveLength(teamLate);
    expect(((await call(t.core, tok.s1!, 'grid.query', q('team'))) as Fail).error.code).toBe('FORBIDDEN');
  });
});

describe('one transaction', () => {
  it('a registration that fails at the opportunity leaves no customer behind', async () => {
    const before = one<{ c: number; v: number }>('SELECT (SELECT count(*) FROM customers) AS c, (SELECT count(*) FROM showroom_visits) AS v');
    const r = await call(t.core, tok.s1!, 'showroom.visits.register', visit({ nextActivity: { type: 'carrier_pigeon', plannedAt: t.clock.now() + HOUR, subject: '回访' } }));
    expect((r as Fail).error.code).toBe('INVALID_INPUT');
    expect(one('SELECT (SELECT count(*) FROM customers) AS c, (SELECT count(*) FROM showroom_visits) AS v')).toEqual(before);
  });
});
