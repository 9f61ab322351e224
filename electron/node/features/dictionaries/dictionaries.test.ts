/* eslint-disable @typescript-eslint/no-explicit-any -- the test reads loosely typed API results */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { recomputeNextService } from '../service/next-service';

let t: TestCore;
let tok: Record<string, string>;

async function ok<T = any>(who: string, method: string, input: unknown = {}): Promise<T> {
  const r = await call(t.core, tok[who]!, method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const newCustomer = (source: string) => ({ name: '王芳', gender: 'female', source, phones: [{ raw: '13912345678' }] });
const offered = async (kind: string) => ((await ok('cons', 'dict.list', { kind })) as { code: string }[]).map((d) => d.code);

beforeAll(async () => {
  t = await makeCore();
  ({ tok } = await usersWithSessions(t.core, [['root', 'admin'], ['cons', 'salesConsultant']]));
});
afterAll(() => t.cleanup());

describe('数据字典 (admin.dictionaries.*)', () => {
  it('lists every list with its counts; only administrators may open it or its grid', async () => {
    const kinds: any[] = await ok('root', 'admin.dictionaries.kinds');
    expect(kinds.find((k) => k.kind === 'source')).toMatchObject({ items: 5, active: 5, fixedCodes: false });
    expect(kinds.find((k) => k.kind === 'activity_type')).toMatchObject({ fixedCodes: true });
    for (const [m, input] of [
      ['admin.dictionaries.kinds', {}],
      ['admin.dictionaries.create', { kind: 'source', code: 'x', zh: '甲', en: 'X', sort: 1, active: true }],
      ['grid.query', { dataset: 'dictionaries', scope: 'mine', columns: ['code'], limit: 10 }],
    ] as const) {
      expect(await call(t.core, tok.cons!, m, input), m).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('a new 客户来源 is offered and accepted at once; retired, it is refused for new customers but old ones keep it', async () => {
    expect(await call(t.core, tok.cons!, 'customers.create', newCustomer('wechat_ad'))).toMatchObject({ ok: false });
    const made = await ok('root', 'admin.dictionaries.create', { kind: 'source', code: 'wechat_ad', zh: '微信广告', en: 'WeChat ads', sort: 60, active: true });
    expect(await offered('source')).toContain('wechat_ad');
    const kept = await ok<{ id: number }>('cons', 'customers.create', newCustomer('wechat_ad'));

    await ok('root', 'admin.dictionaries.update', { id: made.id, zh: '微信朋友圈广告', en: 'WeChat Moments ads', sort: 60, active: false });
    expect(await offered('source')).not.toContain('wechat_ad');
    expect(await call(t.core, tok.cons!, 'customers.create', newCustomer('wechat_ad'))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(t.core.sqlite.prepare('select source from customers where id = ?').pluck().get(kept.id)).toBe('wechat_ad');

    const audit = t.core.sqlite.prepare("select action, before, after from audit_log where entity = 'dictionary' and entity_id = ? order by id").all(String(made.id)) as any[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1].before)).toMatchObject({ zh: '微信广告', active: true });
    expect(JSON.parse(audit[1].after)).toMatchObject({ zh: '微信朋友圈广告', active: false });
  });

  it('refuses a code used already, a malformed code, and a new or retired item of a list the program fixes', async () => {
    const dup = await call(t.core, tok.root!, 'admin.dictionaries.create', { kind: 'source', code: 'showroom', zh: '展厅2', en: 'Showroom 2', sort: 1, active: true });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((dup as any).error.message).toContain('编码“showroom”已存在');
    const bad = await call(t.core, tok.root!, 'admin.dictionaries.create', { kind: 'source', code: '展厅', zh: '展厅', en: 'Showroom', sort: 1, active: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call(t.core, tok.root!, 'admin.dictionaries.create', { kind: 'activity_type', code: 'fax', zh: '传真', en: 'Fax', sort: 1, active: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const call1 = t.core.sqlite.prepare("select id from dictionaries where kind = 'activity_type' and code = 'call'").pluck().get() as number;
    expect(await call(t.core, tok.root!, 'admin.dictionaries.update', { id: call1, zh: '电话', en: 'Call', sort: 1, active: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ok('root', 'admin.dictionaries.update', { id: call1, zh: '致电', en: 'Phone call', sort: 1, active: true })).toMatchObject({ zh: '致电', active: true });
  });

  it("the screen's grid lists one list's items in their order", async () => {
    const page: any = await ok('root', 'grid.query', {
      dataset: 'dictionaries',
      scope: 'mine',
      columns: ['code', 'zh', 'sort', 'active'],
      filter: { columns: [{ join: 'and', conditions: [{ col: 'kind', op: 'equals', value: 'source' }] }] },
      sort: [{ col: 'sort', dir: 'asc' }, { col: 'code', dir: 'asc' }],
      limit: 50,
      withTotal: true,
    });
    expect(page.total).toBe(6);
    const sorts = page.rows.map((r: any) => r.sort);
    expect(sorts).toEqual([...sorts].sort((a: number, b: number) => a - b));
    expect(page.rows.find((r: any) => r.code === 'wechat_ad')).toMatchObject({ zh: '微信朋友圈广告', active: false });
  });

  it('a model’s service intervals set here decide its next service date; other lists refuse intervals', async () => {
    const intervals = { firstKm: 3_000, firstMonths: 3, km: 10_000, months: 6 };
    const made = await ok('root', 'admin.dictionaries.create', { kind: 'model', code: 'tiguan_x', zh: '途观X', en: 'Tiguan X', sort: 90, active: true, intervals });
    expect(await ok('root', 'admin.dictionaries.get', { id: made.id })).toMatchObject({ code: 'tiguan_x', intervals });
    expect(await call(t.core, tok.root!, 'admin.dictionaries.create', { kind: 'source', code: 'iv', zh: '甲', en: 'X', sort: 1, active: true, intervals })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const customer = await ok<{ id: number }>('cons', 'customers.create', newCustomer('other'));
    const vehicleId = Number(
      t.core.sqlite
        .prepare("INSERT INTO vehicles (customer_id, vin, model, delivery_date, avg_km_per_day, created_at, updated_at) VALUES (?, 'LSVAB12C0N0000001', 'tiguan_x', '2026-01-10', 10, 0, 0)")
        .run(customer.id).lastInsertRowid,
    );
    // 首保: 3 months (2026-04-10) comes before 3,000 km at 10 km a day (300 days).
    expect(recomputeNextService(t.core, null, vehicleId).nextServiceDate).toBe('2026-04-10');
    t.core.sqlite.prepare("INSERT INTO service_visits (vehicle_id, customer_id, ro_number, date, type, created_at) VALUES (?, ?, 'RO-1', '2026-04-12', 'first_service', 0)").run(vehicleId, customer.id);
    // Then every 6 months or 10,000 km: 2026-10-12.
    expect(recomputeNextService(t.core, null, vehicleId).nextServiceDate).toBe('2026-10-12');
    // Back to the defaults (null): 7,500 km at 10 km a day = 750 days > 12 months → 2027-04-12.
    await ok('root', 'admin.dictionaries.update', { id: made.id, zh: '途观X', en: 'Tiguan X', sort: 90, active: true, intervals: null });
    expect(recomputeNextService(t.core, null, vehicleId).nextServiceDate).toBe('2027-04-12');
  });
});
