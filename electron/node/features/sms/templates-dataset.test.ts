import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';

describe('短信模板 on the DataGrid (data set smsTemplates)', () => {
  let t: TestCore;
  let tok: Record<string, string>;

  beforeAll(async () => {
    t = await makeCore();
    ({ tok } = await usersWithSessions(t.core, [
      ['csm', 'serviceManager'],
      ['agent', 'serviceAgent'],
    ]));
  });
  afterAll(() => t.cleanup());

  type Row = { name: string; category: string | null; body: string; active: string };
  async function ok<T = { rows: Row[] }>(token: string, method: string, input: unknown): Promise<T> {
    const r = await call(t.core, token, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  }
  const query = (filter: unknown = { columns: [] }) => ({ dataset: 'smsTemplates', scope: 'mine', filter, columns: ['name', 'category', 'body', 'active'], sort: [{ col: 'name', dir: 'asc' }], limit: 50 });

  it('lists the dealer’s templates for every user (they belong to no one), with a manager’s edits and deactivation', async () => {
    const before = (await ok(tok.agent!, 'grid.query', query())).rows.length;
    await ok(tok.csm!, 'sms.template.save', { name: 'A 保养提醒', body: '{称呼}您好,您的爱车{车牌}该保养了', category: '保养' });
    const b = await ok<{ id: number }>(tok.csm!, 'sms.template.save', { name: 'B 生日祝福', body: '{称呼}生日快乐' });
    await ok(tok.csm!, 'sms.template.save', { id: b.id, name: 'B 生日祝福', body: '{称呼}生日快乐!', active: false });

    // An agent's own scope ('mine', the only one an agent has) still shows every template.
    const rows = (await ok(tok.agent!, 'grid.query', query())).rows.filter((r) => /^[AB] /.test(r.name));
    expect(rows.length).toBe(2);
    expect(rows.map((r) => [r.name, r.category, r.body, r.active])).toEqual([
      ['A 保养提醒', '保养', '{称呼}您好,您的爱车{车牌}该保养了', '1'],
      ['B 生日祝福', null, '{称呼}生日快乐!', '0'],
    ]);
    expect((await ok(tok.agent!, 'grid.query', query())).rows.length).toBe(before + 2);
    const active = await ok(tok.agent!, 'grid.query', query({ columns: [{ join: 'and', conditions: [{ col: 'active', op: 'in', values: ['1'] }] }] }));
    expect(active.rows.map((r) => r.name)).toContain('A 保养提醒');
    expect(active.rows.map((r) => r.name)).not.toContain('B 生日祝福');
  });

  it('lets an agent read but not change them: the save is refused on the server', async () => {
    const r = await call(t.core, tok.agent!, 'sms.template.save', { name: 'C', body: '测试' });
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
});
