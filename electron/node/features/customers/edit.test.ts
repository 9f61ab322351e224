import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';
import { salesFloor } from '../../../../tests/fixtures/sales-floor';
import { currentVersion } from '../../../../tests/support/versions';

/**
 * Customer create / edit through dispatch on a real SQLite file: the messages users read, the
 * transaction, the audit log, owner rules and visibility.
 */

let t: TestCore;
const tok: Record<string, string> = {};
const uid: Record<string, number> = {};

// Valid identifiers (check digits computed independently; see validate.test.ts).
const ID_MALE_1990 = '110101199003071233'; // born 1990-03-07, 17th digit odd → male
const ID_FEMALE_1985 = '44030519850615002X';
const VIN_A = 'LFV2A21K6D3012345';
const VIN_B = 'LFV3A23C8E3000001';
const MORE_VINS = ['LFV2A21K8D3012346', 'LFV2A21KXD3012347', 'LFV2A21K1D3012348', 'LFV2A21K3D3012349', 'LFV2A21KXD3012350', 'LFV2A21K1D3012351'];

type Fail = { ok: false; error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } } };
const fieldsOf = (r: unknown): Record<string, string> => ((r as { ok: boolean }).ok ? {} : Object.fromEntries(((r as Fail).error.details?.fields ?? []).map((f) => [f.field, f.message])));
const sqlGet = <T>(q: string, ...args: unknown[]) => t.core.sqlite.prepare(q).get(...args) as T;

beforeAll(async () => {
  t = await makeCore();
  // Team A: manager leads s1 and s2; s3 is in another team. The manager's viewAll is revoked so
  // only the team rule gives them s1's and s2's customers.
  const floor = await salesFloor(t, { managerSeesAll: false });
  Object.assign(tok, floor.tok);
  Object.assign(uid, floor.uid);
  // This test's own small dictionaries instead of the standard ones every database starts with.
  t.core.sqlite.exec('DELETE FROM dictionaries');
  const dict = t.core.sqlite.prepare('INSERT INTO dictionaries (kind, code, label_zh, label_en, sort, active) VALUES (?, ?, ?, ?, ?, ?)');
  dict.run('source', 'walk_in', '展厅到店', 'Walk-in', 2, 1);
  dict.run('source', 'phone', '来电', 'Phone call', 1, 1);
  dict.run('source', 'fair', '车展', 'Motor show', 3, 0);
  dict.run('model', 'sagitar', '速腾', 'Sagitar', 1, 1);
  dict.run('model', 'magotan', '迈腾', 'Magotan', 2, 1);
}, 60_000); // six users, each logged in through scrypt: slow on a shared 2-CPU machine
afterAll(() => t.cleanup());

const base = (over: Record<string, unknown> = {}) => ({ name: '王小明', phones: [{ raw: '13800138000' }], ...over });

describe('dict.list', () => {
  it('lists the active items of a kind by sort order, with both labels', async () => {
    expect(await call(t.core, tok.s1!, 'dict.list', { kind: 'source' })).toEqual({
      ok: true,
      value: [
        { code: 'phone', zh: '来电', en: 'Phone call' },
        { code: 'walk_in', zh: '展厅到店', en: 'Walk-in' },
      ],
    });
  });
  it('answers an unknown kind with an empty list, not an error', async () => {
    expect(await call(t.core, tok.s1!, 'dict.list', { kind: 'no_such_list' })).toEqual({ ok: true, value: [] });
  });
});

describe('customers.create', () => {
  it('stores a consultant’s customer as their own, with normalised phones, blank enumerations as 其它, and audit rows', async () => {
    const r = await call(t.core, tok.s1!, 'customers.create', {
      name: ' 李雷 ',
      gender: null,
      source: '',
      phones: [{ raw: '+86 139-0013-9000' }, { raw: '（0755）８８８８ １２３４' }],
      vehicles: [{ vin: ' lfv2a21k6d3012345 ', plate: '粤b·12345', model: 'sagitar' }],
    });
    expect(r).toMatchObject({ ok: true, value: { duplicatePhones: [] } });
    const id = (r as { value: { id: number } }).value.id;
    expect(sqlGet('SELECT name, gender, source, owner_id AS ownerId, created_by AS createdBy FROM customers WHERE id = ?', id)).toEqual({
      name: '李雷',
      gender: 'other',
      source: 'other',
      ownerId: uid.s1,
      createdBy: uid.s1,
    });
    expect(t.core.sqlite.prepare('SELECT normalized, kind, is_primary AS p FROM customer_phones WHERE customer_id = ? ORDER BY id').all(id)).toEqual([
      { normalized: '8613900139000', kind: 'mobile', p: 1 },
      { normalized: '8675588881234', kind: 'landline', p: 0 },
    ]);
    expect(sqlGet('SELECT vin, plate FROM vehicles WHERE customer_id = ?', id)).toEqual({ vin: VIN_A, plate: '粤B12345' });
    const audit = t.core.sqlite.prepare("SELECT action, entity, after FROM audit_log WHERE user_id = ? AND entity NOT IN ('session', 'user') ORDER BY id").all(uid.s1) as {
      action: string;
      entity: string;
      after: string;
    }[];
    expect(audit.map((a) => `${a.action} ${a.entity}`)).toEqual(['create customer', 'create customer_phone', 'create customer_phone', 'create vehicle']);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ id, name: '李雷', ownerId: uid.s1 });
  });

  it('reports every field problem at once, each under its field, in the user’s language', async () => {
    const input = base({
      idNumber: '110101199003071234', // wrong check digit
      birthday: '2099-01-01',
      email: 'wang@@example',
      source: 'nonsense',
      phones: [{ raw: '12345' }, { raw: '0755-8888' }],
      vehicles: [
        { vin: 'LFV3A23C0E3000001', model: 'sagitar' }, // wrong check digit
        { vin: 'LFV2A21K6D301234', plate: '粤12345', model: 'beetle' },
      ],
    });
    const zh = await call(t.core, tok.s2!, 'customers.create', input);
    expect(zh).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(fieldsOf(zh)).toEqual({
      idNumber: '身份证号校验位不符,请核对是否有输错的数字',
      birthday: '日期不能晚于今天',
      email: '电子邮箱格式无效,例如 name@example.com',
      source: '“nonsense”不在数据字典中,请从下拉列表选择',
      'phones.0.raw': '手机号码应为 11 位',
      'phones.1.raw': '区号 0755 后的本地号码应为 7–8 位(现为 4 位)',
      'vehicles.0.vin': 'VIN 第 9 位校验位不符,请核对是否有输错的字符',
      'vehicles.1.vin': 'VIN 应为 17 位,仅含数字和字母(不含 I、O、Q)',
      'vehicles.1.plate': '车牌格式无效,例如 粤B12345、粤BD12345(新能源)、粤B1234学',
      'vehicles.1.model': '“beetle”不在数据字典中,请从下拉列表选择',
    });
    // The same problems in English for an English-speaking user.
    t.core.sqlite.prepare("UPDATE users SET locale = 'en' WHERE id = ?").run(uid.s2);
    const en = await call(t.core, tok.s2!, 'customers.create', input);
    t.core.sqlite.prepare("UPDATE users SET locale = 'zh-CN' WHERE id = ?").run(uid.s2);
    const f = fieldsOf(en);
    expect(f.idNumber).toBe('The ID number’s check digit does not match: please look for a mistyped digit');
    expect(f['phones.1.raw']).toBe('The local number after area code 0755 must have 7–8 digits (has 4)');
    expect(f['vehicles.0.vin']).toBe('The VIN’s check digit (9th character) does not match: look for a typo');
    expect(Object.keys(f)).toHaveLength(10);
    expect(sqlGet<{ n: number }>('SELECT COUNT(*) AS n FROM customers WHERE created_by = ?', uid.s2).n).toBe(0);
  });

  it('explains ID numbers: shape, impossible or future birth date, company credit codes', async () => {
    const f = async (idNumber: string, kind = 'individual') => fieldsOf(await call(t.core, tok.s2!, 'customers.create', base({ idNumber, kind }))).idNumber;
    expect(await f('11010119900307')).toBe('身份证号应为 18 位:17 位数字加 1 位数字或 X');
    expect(await f('110101199002301234')).toBe('身份证号中的出生日期 1990-02-30 不是有效日期');
    expect(await f('440305203001010017')).toBe('身份证号中的出生日期 2030-01-01 晚于今天');
    expect(await f('91110000100000000X', 'company')).toBe('统一社会信用代码无效(应为 18 位,校验位须正确)');
    expect(await f('91350100M000100Y43', 'company')).toBeUndefined();
  });

  it('fills birthday and gender from a valid ID number, and flags a contradiction', async () => {
    const ok = await call(t.core, tok.s2!, 'customers.create', base({ name: '赵敏', idNumber: ID_FEMALE_1985.toLowerCase(), phones: [{ raw: '13600136000' }] }));
    const id = (ok as { value: { id: number } }).value.id;
    expect(sqlGet('SELECT id_number AS idNumber, birthday, birthday_md AS md, gender FROM customers WHERE id = ?', id)).toEqual({
      idNumber: ID_FEMALE_1985,
      birthday: '1985-06-15',
      md: '06-15',
      gender: 'female',
    });
    const bad = await call(t.core, tok.s2!, 'customers.create', base({ idNumber: ID_MALE_1990, gender: 'female', birthday: '1990-03-08' }));
    expect(fieldsOf(bad)).toEqual({
      birthday: '生日与身份证号中的出生日期(1990-03-07)不一致',
      gender: '性别与身份证号不一致(身份证号为男性)',
    });
  });

  it('refuses a VIN already on another customer’s vehicle, and the same VIN twice', async () => {
    const r = await call(t.core, tok.s2!, 'customers.create', base({ vehicles: [{ vin: VIN_B, model: 'magotan' }, { vin: VIN_A, model: 'sagitar' }, { vin: VIN_B, model: 'sagitar' }] }));
    expect(fieldsOf(r)).toEqual({ 'vehicles.1.vin': '该 VIN 已登记在其他客户名下', 'vehicles.2.vin': '同一 VIN 填写了两次' });
  });

  it('accepts plate shapes staff meet (new energy, police, driving school) and stores them cleaned', async () => {
    const cases = [
      [' 粤b d12345 ', '粤BD12345'],
      ['粤B12345D', '粤B12345D'],
      ['京A·1234警', '京A1234警'],
      ['粤ｂ1234学', '粤B1234学'],
    ] as const;
    for (const [i, [typed, stored]] of cases.entries()) {
      const vin = MORE_VINS[i]!;
      const r = await call(t.core, tok.s3!, 'customers.create', base({ name: `车主${i}`, phones: [{ raw: `1370013700${i}` }], vehicles: [{ vin, plate: typed, model: 'sagitar' }] }));
      expect(r).toMatchObject({ ok: true });
      expect(sqlGet('SELECT plate FROM vehicles WHERE vin = ?', vin)).toEqual({ plate: stored });
    }
  });

  it('warns about a phone that belongs to another customer but still saves', async () => {
    const r = await call(t.core, tok.s1!, 'customers.create', base({ name: '李雷的家人', phones: [{ raw: '139 0013 9000' }] }));
    expect(r).toMatchObject({ ok: true, value: { duplicatePhones: [{ normalized: '8613900139000', owners: [{ name: '李雷', canOpen: true }] }] } });
  });

  it('rejects two primary numbers and the same number twice', async () => {
    const r = await call(t.core, tok.s1!, 'customers.create', base({ phones: [{ raw: '13500135000', isPrimary: true }, { raw: '+8613500135000' }, { raw: '13500135001', isPrimary: true }] }));
    expect(fieldsOf(r)).toEqual({ 'phones.1.raw': '该号码在上面已填写', 'phones.2.isPrimary': '只能有一个主号码' });
  });

  it('does not let a consultant make another user the owner', async () => {
    const r = await call(t.core, tok.s1!, 'customers.create', base({ ownerId: uid.s2 }));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lets a manager assign a new customer within their team only', async () => {
    expect(await call(t.core, tok.mgr!, 'customers.create', base({ name: '团队客户', phones: [{ raw: '13300133000' }], ownerId: uid.s2 }))).toMatchObject({ ok: true });
    const outside = await call(t.core, tok.mgr!, 'customers.create', base({ ownerId: uid.s3 }));
    expect(fieldsOf(outside)).toEqual({ ownerId: '只能分配给在职、且在您管理范围内的用户' });
  });

  it('turns a VIN saved by someone else between the check and the insert into the field message', async () => {
    // Simulate the race: the VIN appears (another customer's vehicle) right as this customer is inserted.
    t.core.sqlite.exec(`CREATE TRIGGER race_vin AFTER INSERT ON customers WHEN NEW.name = '抢注客户' BEGIN
      INSERT INTO vehicles (customer_id, vin, model, created_at, updated_at) SELECT MIN(id), '${MORE_VINS[4]}', 'sagitar', 0, 0 FROM customers; END`);
    try {
      const r = await call(t.core, tok.s1!, 'customers.create', base({ name: '抢注客户', phones: [{ raw: '13200132001' }], vehicles: [{ vin: MORE_VINS[4]!, model: 'sagitar' }] }));
      expect(fieldsOf(r)).toEqual({ 'vehicles.0.vin': '该 VIN 已登记在其他客户名下' });
    } finally {
      t.core.sqlite.exec('DROP TRIGGER race_vin');
    }
    expect(sqlGet('SELECT COUNT(*) AS n FROM customers WHERE name = ?', '抢注客户')).toEqual({ n: 0 });
    expect(sqlGet('SELECT COUNT(*) AS n FROM vehicles WHERE vin = ?', MORE_VINS[4])).toEqual({ n: 0 });
  });

  it('writes nothing — no customer, no phone, no audit row — when a later insert fails', async () => {
    const count = () => sqlGet<{ c: number; a: number; p: number }>('SELECT (SELECT COUNT(*) FROM customers) AS c, (SELECT COUNT(*) FROM audit_log) AS a, (SELECT COUNT(*) FROM customer_phones) AS p');
    const before = count();
    t.core.sqlite.exec("CREATE TRIGGER fail_vehicle BEFORE INSERT ON vehicles BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    try {
      const r = await call(t.core, tok.s1!, 'customers.create', base({ name: '半截客户', phones: [{ raw: '13200132000' }], vehicles: [{ vin: MORE_VINS[5]!, model: 'sagitar' }] }));
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      t.core.sqlite.exec('DROP TRIGGER fail_vehicle');
    }
    expect(count()).toEqual(before);
  });
});

describe('customers.update', () => {
  let id: number;
  beforeAll(async () => {
    const r = await call(t.core, tok.s2!, 'customers.create', {
      name: '韩梅梅',
      city: '深圳',
      phones: [{ raw: '13100131000' }, { raw: '0755-26661234' }],
    });
    id = (r as { value: { id: number } }).value.id;
  });

  it('changes only the fields sent and logs before / after of what changed', async () => {
    const r = await call(t.core, tok.s2!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { city: '广州' } });
    expect(r).toMatchObject({ ok: true, value: { id, duplicatePhones: [] } });
    expect(sqlGet('SELECT name, city, kind, gender, source FROM customers WHERE id = ?', id)).toEqual({ name: '韩梅梅', city: '广州', kind: 'individual', gender: 'other', source: 'other' });
    const a = sqlGet<{ before: string; after: string }>("SELECT before, after FROM audit_log WHERE entity = 'customer' AND entity_id = ? AND action = 'update' ORDER BY id DESC", String(id));
    expect(JSON.parse(a.before)).toMatchObject({ city: '深圳' });
    expect(JSON.parse(a.after)).toMatchObject({ city: '广州' });
    expect(JSON.parse(a.after)).not.toHaveProperty('name');
  });

  it('records consent to commercial messages as one whole: given needs the day and how, withdrawn its day; each change audited', async () => {
    const upd = (patch: Record<string, unknown>) => call(t.core, tok.s2!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch });
    const consent = () => sqlGet('SELECT consent_status AS s, consent_date AS d, consent_method AS m, consent_withdrawn_date AS w FROM customers WHERE id = ?', id);
    // Given without the day or how: both named under their fields, nothing stored.
    expect(fieldsOf(await upd({ consentStatus: 'given' }))).toEqual({ consentDate: '请填写客户签署同意的日期', consentMethod: '请选择同意方式(纸质签字、电子签名或电话录音)' });
    expect(fieldsOf(await upd({ consentStatus: 'given', consentDate: '2099-01-01', consentMethod: 'paper' }))).toEqual({ consentDate: '日期不能晚于今天' });
    expect(consent()).toEqual({ s: null, d: null, m: null, w: null });
    expect(await upd({ consentStatus: 'given', consentDate: '2026-01-05', consentMethod: 'paper' })).toMatchObject({ ok: true });
    expect(consent()).toEqual({ s: 'given', d: '2026-01-05', m: 'paper', w: null });
    // Withdrawn: its day is needed and cannot be before the consent; the day and how it was given stay.
    expect(fieldsOf(await upd({ consentStatus: 'withdrawn' }))).toEqual({ consentWithdrawnDate: '请填写客户撤回同意的日期' });
    expect(fieldsOf(await upd({ consentStatus: 'withdrawn', consentWithdrawnDate: '2025-12-31' }))).toEqual({ consentWithdrawnDate: '撤回日期不能早于同意日期' });
    expect(await upd({ consentStatus: 'withdrawn', consentWithdrawnDate: '2026-02-01' })).toMatchObject({ ok: true });
    expect(consent()).toEqual({ s: 'withdrawn', d: '2026-01-05', m: 'paper', w: '2026-02-01' });
    const a = sqlGet<{ before: string; after: string }>("SELECT before, after FROM audit_log WHERE entity = 'customer' AND entity_id = ? AND action = 'update' ORDER BY id DESC", String(id));
    expect([JSON.parse(a.before), JSON.parse(a.after)]).toEqual([
      expect.objectContaining({ consentStatus: 'given', consentWithdrawnDate: null }),
      expect.objectContaining({ consentStatus: 'withdrawn', consentWithdrawnDate: '2026-02-01' }),
    ]);
    // Not recorded (a mistake put right) clears all four; another field saved alone leaves consent as it is.
    expect(await upd({ consentStatus: null })).toMatchObject({ ok: true });
    expect(consent()).toEqual({ s: null, d: null, m: null, w: null });
    expect(await upd({ consentStatus: 'given', consentDate: '2026-03-01', consentMethod: 'recording' })).toMatchObject({ ok: true });
    expect(await upd({ city: '佛山' })).toMatchObject({ ok: true });
    expect(consent()).toEqual({ s: 'given', d: '2026-03-01', m: 'recording', w: null });
  });

  it('replaces the phone set: kept numbers keep their row, others are removed or added, each audited', async () => {
    const keptId = sqlGet<{ id: number }>("SELECT id FROM customer_phones WHERE customer_id = ? AND normalized = '8675526661234'", id).id;
    const r = await call(t.core, tok.s2!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: {}, phones: [{ raw: '0755 2666 1234', isPrimary: true }, { raw: '13900139000' }] });
    // 13900139000 is 李雷's (s1's customer, same team, but s2 is a consultant: not theirs to open).
    expect(r).toMatchObject({ ok: true, value: { duplicatePhones: [{ normalized: '8613900139000' }] } });
    const owners = (r as { value: { duplicatePhones: PhoneCheckValue[] } }).value.duplicatePhones[0]!.owners;
    expect(owners.map((o) => [o.name, o.canOpen, o.ownerName])).toEqual([
      ['李*', false, 's1 测试'],
      ['李***', false, 's1 测试'],
    ]);
    expect(t.core.sqlite.prepare('SELECT id, normalized, is_primary AS p FROM customer_phones WHERE customer_id = ? ORDER BY id').all(id)).toEqual([
      { id: keptId, normalized: '8675526661234', p: 1 },
      { id: expect.any(Number), normalized: '8613900139000', p: 0 },
    ]);
    const log = t.core.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'customer_phone' AND user_id = ? ORDER BY id DESC LIMIT 3").all(uid.s2) as { action: string }[];
    expect(log.map((l) => l.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  it('keeps a company a company when the patch does not mention the kind', async () => {
    const c = await call(t.core, tok.s2!, 'customers.create', base({ name: '华为技术有限公司', kind: 'company', idNumber: '91350100M000100Y43', phones: [{ raw: '0755-28780808' }] }));
    const cid = (c as { value: { id: number } }).value.id;
    await call(t.core, tok.s2!, 'customers.update', { id: cid, expectedVersion: currentVersion(t.core, 'customers', cid), patch: { address: '坂田' } });
    expect(sqlGet('SELECT kind, address FROM customers WHERE id = ?', cid)).toEqual({ kind: 'company', address: '坂田' });
  });

  it('does not re-check an unchanged legacy value, but checks a changed one', async () => {
    const now = t.clock.now();
    const legacy = Number(
      t.core.sqlite
        .prepare("INSERT INTO customers (name, id_number, owner_id, created_at, updated_at) VALUES ('旧客户', '110101199003071234', ?, ?, ?)")
        .run(uid.s2, now, now).lastInsertRowid,
    );
    expect(await call(t.core, tok.s2!, 'customers.update', { id: legacy, expectedVersion: currentVersion(t.core, 'customers', legacy), patch: { name: '旧客户', idNumber: '110101199003071234', city: '东莞' } })).toMatchObject({ ok: true });
    const r = await call(t.core, tok.s2!, 'customers.update', { id: legacy, expectedVersion: currentVersion(t.core, 'customers', legacy), patch: { idNumber: '110101199003071235' } });
    expect(fieldsOf(r)).toEqual({ idNumber: '身份证号校验位不符,请核对是否有输错的数字' });
  });

  it('does not block on an old ID / gender contradiction sent back unchanged, but flags a new one', async () => {
    const now = t.clock.now();
    const legacy = Number(
      t.core.sqlite
        .prepare("INSERT INTO customers (name, id_number, gender, birthday, owner_id, created_at, updated_at) VALUES ('旧资料', ?, 'female', '1990-03-07', ?, ?, ?)")
        .run(ID_MALE_1990, uid.s2, now, now).lastInsertRowid,
    );
    const same = { name: '旧资料', idNumber: ID_MALE_1990, gender: 'female', birthday: '1990-03-07' } as const;
    expect(await call(t.core, tok.s2!, 'customers.update', { id: legacy, expectedVersion: currentVersion(t.core, 'customers', legacy), patch: { ...same, city: '惠州' } })).toMatchObject({ ok: true });
    expect(fieldsOf(await call(t.core, tok.s2!, 'customers.update', { id: legacy, expectedVersion: currentVersion(t.core, 'customers', legacy), patch: { ...same, birthday: '1990-03-08' } }))).toEqual({
      birthday: '生日与身份证号中的出生日期(1990-03-07)不一致',
      gender: '性别与身份证号不一致(身份证号为男性)',
    });
  });

  it('answers a customer the user may not see as not found, and lets a manager edit their team’s', async () => {
    expect(await call(t.core, tok.s3!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { city: '珠海' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(t.core, tok.mgr!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { city: '珠海' } })).toMatchObject({ ok: true });
    const s3s = await call(t.core, tok.s3!, 'customers.create', base({ name: '别组客户', phones: [{ raw: '13000130000' }] }));
    const other = (s3s as { value: { id: number } }).value.id;
    expect(await call(t.core, tok.mgr!, 'customers.update', { id: other, expectedVersion: currentVersion(t.core, 'customers', other), patch: { city: '珠海' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('reassigns only with customers.reassign, to a user within the manager’s scope, and logs it', async () => {
    expect(await call(t.core, tok.s2!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { ownerId: uid.s1 } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A service agent sees all customers but may not move them between consultants.
    expect(await call(t.core, tok.agent!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { ownerId: uid.s1 } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Sending the current owner is not a reassignment.
    expect(await call(t.core, tok.s2!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { ownerId: uid.s2 } })).toMatchObject({ ok: true });
    expect(fieldsOf(await call(t.core, tok.mgr!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { ownerId: uid.s3 } }))).toEqual({ ownerId: '只能分配给在职、且在您管理范围内的用户' });
    expect(await call(t.core, tok.mgr!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { ownerId: uid.s1 } })).toMatchObject({ ok: true });
    const a = sqlGet<{ before: string; after: string; userId: number }>("SELECT before, after, user_id AS userId FROM audit_log WHERE entity = 'customer' AND entity_id = ? ORDER BY id DESC", String(id));
    expect(a.userId).toBe(uid.mgr);
    expect(JSON.parse(a.before)).toMatchObject({ ownerId: uid.s2 });
    expect(JSON.parse(a.after)).toMatchObject({ ownerId: uid.s1 });
    // The previous owner no longer sees the customer.
    expect(await call(t.core, tok.s2!, 'customers.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The general manager (viewAll) may give it to anyone active.
    expect(await call(t.core, tok.gm!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { ownerId: uid.s3 } })).toMatchObject({ ok: true });
    t.core.sqlite.prepare('UPDATE users SET active = 0 WHERE id = ?').run(uid.agent);
    expect(fieldsOf(await call(t.core, tok.gm!, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { ownerId: uid.agent } }))).toHaveProperty('ownerId');
  });
});

describe('customers.checkPhone', () => {
  it('says why a text is not a phone number, in the user’s language', async () => {
    // A dealer whose area code is unknown (a city the table lacks, no 本地区号): a local number
    // cannot be completed (with one it is: tests/local-phone.test.ts).
    t.core.settings.set('dealer.city', '某县');
    expect(await call(t.core, tok.s1!, 'customers.checkPhone', { raw: '88881234' })).toEqual({
      ok: true,
      value: { normalized: null, kind: null, error: '固定电话请加区号,例如 0755-88881234', owners: [] },
    });
    t.core.sqlite.prepare("UPDATE users SET locale = 'en' WHERE id = ?").run(uid.s1);
    const en = await call(t.core, tok.s1!, 'customers.checkPhone', { raw: '88881234' });
    t.core.sqlite.prepare("UPDATE users SET locale = 'zh-CN' WHERE id = ?").run(uid.s1);
    t.core.settings.set('dealer.city', '深圳');
    expect(en).toMatchObject({ ok: true, value: { error: 'A landline needs its area code, e.g. 0755-88881234' } });
  });

  it('names the customers who have the number: openable ones in full, others by surname and owner', async () => {
    const mine = await call(t.core, tok.s1!, 'customers.checkPhone', { raw: '＋８６ １３９ ００１３ ９０００' });
    expect(mine).toMatchObject({ ok: true, value: { normalized: '8613900139000', kind: 'mobile', error: null } });
    const owners = (mine as { value: PhoneCheckValue }).value.owners;
    expect(owners.find((o) => o.name === '李雷')).toMatchObject({ canOpen: true, ownerName: 's1 测试' });
    const lilei = owners.find((o) => o.name === '李雷')!.id;
    // s3 may not open 李雷: the name is masked, the colleague to ask is named.
    const theirs = await call(t.core, tok.s3!, 'customers.checkPhone', { raw: '13900139000' });
    expect((theirs as { value: PhoneCheckValue }).value.owners.find((o) => o.id === lilei)).toEqual({ id: lilei, name: '李*', canOpen: false, ownerName: 's1 测试' });
    // The customer being edited is not its own duplicate.
    const except = await call(t.core, tok.s1!, 'customers.checkPhone', { raw: '13900139000', exceptCustomerId: lilei });
    expect((except as { value: PhoneCheckValue }).value.owners.map((o) => o.id)).not.toContain(lilei);
  });
});

type PhoneCheckValue = { owners: { id: number; name: string; canOpen: boolean; ownerName: string | null }[] };

describe('customers.assignableOwners', () => {
  it('offers a consultant only themself, a manager their active team, a general manager every active user', async () => {
    const ids = async (who: string) => ((await call(t.core, tok[who]!, 'customers.assignableOwners', {})) as { value: { id: number }[] }).value.map((u) => u.id);
    expect(await ids('s1')).toEqual([uid.s1]);
    expect(await ids('mgr')).toEqual([uid.mgr, uid.s1, uid.s2]);
    const gm = await ids('gm');
    expect(gm[0]).toBe(uid.gm);
    expect(gm).toContain(uid.s3);
    // The service agent was deactivated above: no longer offered.
    expect(gm).not.toContain(uid.agent);
  });
});
