import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';
import { salesFloor } from '../../../../tests/fixtures/sales-floor';
import { currentVersion } from '../../../../tests/support/versions';

/**
 * 职业 on the customer (issue 17, 集客分析 by occupation): the form's select saves a code of the
 * standard 'occupation' dictionary, a change is in the audit log like any profile field, a blank is
 * 未知 (NULL, not 其他), and a code outside the list is refused with the dictionary's message.
 */

let t: TestCore;
let tok: string;
beforeAll(async () => {
  t = await makeCore();
  tok = (await salesFloor(t)).tok.s1!;
}, 60_000);
afterAll(() => t.cleanup());

const row = (id: number) => t.core.sqlite.prepare('SELECT occupation FROM customers WHERE id = ?').pluck().get(id);
type Result = { ok: true; value: { id: number } } | { ok: false; error: { code: string; details?: { fields?: { field: string; message: string }[] } } };

describe('customers.occupation', () => {
  it('every database starts with the occupation list the form offers, 其他 last', async () => {
    const list = (await call(t.core, tok, 'dict.list', { kind: 'occupation' })) as { ok: true; value: { code: string; zh: string }[] };
    expect(list.value.map((d) => d.zh)).toEqual(['公务员', '企业职员', '个体经营', '专业人士', '教师', '医护', '学生', '退休', '其他']);
  });

  it('is saved on create, shown on the card, changed and cleared on update, each change audited with before / after', async () => {
    const created = (await call(t.core, tok, 'customers.create', { name: '赵老师', occupation: 'teacher', phones: [{ raw: '13900139001' }] })) as Result;
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: number } }).value.id;
    expect(row(id)).toBe('teacher');
    expect(await call(t.core, tok, 'customers.get', { id })).toMatchObject({ ok: true, value: { occupation: 'teacher' } });
    const audit = () => t.core.sqlite.prepare("SELECT before, after FROM audit_log WHERE entity = 'customer' AND entity_id = ? AND action = 'update' ORDER BY id DESC").get(String(id)) as { before: string; after: string };

    const changed = await call(t.core, tok, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { occupation: 'retired' } });
    expect(changed).toMatchObject({ ok: true });
    expect(row(id)).toBe('retired');
    expect([JSON.parse(audit().before), JSON.parse(audit().after)]).toEqual([{ occupation: 'teacher' }, { occupation: 'retired' }].map((x) => expect.objectContaining(x)));

    // The form sends a blank select as null: 未知, not 其他.
    await call(t.core, tok, 'customers.update', { id, expectedVersion: currentVersion(t.core, 'customers', id), patch: { occupation: null } });
    expect(row(id)).toBeNull();
    expect(JSON.parse(audit().after)).toMatchObject({ occupation: null });
  });

  it('refuses a code that is not in the list, under the field, in Chinese', async () => {
    const r = (await call(t.core, tok, 'customers.create', { name: '钱先生', occupation: 'astronaut', phones: [{ raw: '13900139002' }] })) as Result;
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : (r.error.details?.fields ?? []);
    expect(fields).toEqual([{ field: 'occupation', message: '“astronaut”不在数据字典中,请从下拉列表选择' }]);
  });

  it('the customers grid filters and groups by it (unknown as a blank group)', async () => {
    await call(t.core, tok, 'customers.create', { name: '孙医生', occupation: 'medical', phones: [{ raw: '13900139003' }] });
    const grp = (await call(t.core, tok, 'grid.query', { dataset: 'customers', scope: 'mine', columns: ['name', 'occupation'], groupBy: ['occupation'] })) as { ok: boolean; value: { groups: { key: unknown; count: number }[] } };
    const groups = Object.fromEntries(grp.value.groups.map((g) => [String(g.key), g.count]));
    expect(groups).toMatchObject({ medical: 1, null: t.core.sqlite.prepare('SELECT count(*) FROM customers WHERE occupation IS NULL AND owner_id = (SELECT owner_id FROM customers WHERE occupation = ?)').pluck().get('medical') });
    const n = (await call(t.core, tok, 'grid.count', { dataset: 'customers', scope: 'mine', filter: { columns: [{ join: 'and', conditions: [{ col: 'occupation', op: 'in', values: ['medical'] }] }] } })) as { value: { count: number } };
    expect(n.value.count).toBe(t.core.sqlite.prepare("SELECT count(*) FROM customers WHERE occupation = 'medical'").pluck().get());
  });
});
