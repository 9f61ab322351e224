import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';

/**
 * 模块功能自由分配: besides single permissions, the administrator takes a whole module away from one
 * user or gives one to them. The server holds every call of that module's methods (and the grids of
 * its screens) to it from the user's next request; a module given lets the user do what the module's
 * everyday role does there, never its managers' work; the menu follows (auth.session's modules).
 */
let t: TestCore;
let admin: string;
let consultant: { token: string; userId: number };
let advisor: { token: string; userId: number };
let gm: { token: string; userId: number };
beforeAll(async () => {
  t = await makeCore();
  admin = (await userWithSession(t.core, 'mod.admin', 'admin')).token;
  consultant = await userWithSession(t.core, 'mod.sales', 'salesConsultant');
  advisor = await userWithSession(t.core, 'mod.advisor', 'serviceAdvisor');
  gm = await userWithSession(t.core, 'mod.gm', 'generalManager');
}, 60_000);
afterAll(() => t.cleanup());

const set = (userId: number, overrides: Record<string, string>) => call(t.core, admin, 'admin.users.permissions.set', { userId, overrides });
const session = async (token: string) => {
  const r = await call(t.core, token, 'auth.session');
  return r.ok ? (r.value as { modules: string[]; moduleOverrides: { granted: string[]; revoked: string[] } }) : null;
};
const refused = { ok: false, error: { code: 'FORBIDDEN' } };
const count = (token: string, dataset: string) => call(t.core, token, 'grid.count', { dataset, scope: 'mine', filter: { columns: [] } });

describe('模块功能自由分配', () => {
  it('shows each module beside the permissions: the role’s default, and 决策分析 as not given to an everyday role', async () => {
    const r = await call(t.core, admin, 'admin.users.permissions.get', { userId: advisor.userId });
    const rows = r.ok ? (r.value as { rows: { permission: string; roleDefault: boolean; effective: boolean; grantable: boolean }[] }).rows : [];
    expect(rows.filter((x) => x.permission.startsWith('module.')).map((x) => [x.permission, x.roleDefault, x.grantable])).toEqual([
      ['module.sales', false, true],
      ['module.service', true, true],
      ['module.sms', false, true],
      ['module.analysis', false, false],
    ]);
    expect(await set(advisor.userId, { 'module.analysis': 'grant' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('taking 短信平台 from a consultant refuses its methods at the next call and drops it from the menu; giving it back restores both', async () => {
    expect(await call(t.core, consultant.token, 'sms.templates', {})).toMatchObject({ ok: true });
    expect((await set(consultant.userId, { 'module.sms': 'revoke' })).ok).toBe(true);
    expect(await call(t.core, consultant.token, 'sms.templates', {})).toMatchObject(refused);
    expect(await call(t.core, consultant.token, 'sms.status', {})).toMatchObject(refused);
    expect((await session(consultant.token))!.modules).toEqual(['sales', 'callCenter']);
    // Shared methods stay: the customer list is not 短信平台's.
    expect(await count(consultant.token, 'customers')).toMatchObject({ ok: true });
    await set(consultant.userId, {});
    expect(await call(t.core, consultant.token, 'sms.templates', {})).toMatchObject({ ok: true });
    expect((await session(consultant.token))!.modules).toContain('sms');
  });

  it('giving 短信平台 to a service advisor allows what a consultant or agent may do there, not the managers’ template editing', async () => {
    expect(await call(t.core, advisor.token, 'sms.templates', {})).toMatchObject(refused);
    await set(advisor.userId, { 'module.sms': 'grant' });
    expect(await call(t.core, advisor.token, 'sms.templates', {})).toMatchObject({ ok: true });
    expect(await call(t.core, advisor.token, 'sms.template.save', { name: 'x', body: 'y', kind: 'service' })).toMatchObject(refused);
    expect(await call(t.core, advisor.token, 'sms.settings', {})).toMatchObject(refused);
    const s = await session(advisor.token);
    expect(s!.modules).toContain('sms');
    expect(s!.moduleOverrides).toEqual({ granted: ['sms'], revoked: [] });
    // Each change is audited with what held before and after.
    const audit = t.core.sqlite
      .prepare("SELECT after FROM audit_log WHERE action = 'permission' AND entity_id = ? ORDER BY id DESC LIMIT 1")
      .pluck()
      .get(String(advisor.userId)) as string;
    expect(JSON.parse(audit)).toEqual({ permission: 'module.sms', override: 'grant', effective: true });
  });

  it('giving 客户服务 to a consultant opens the reminder lists, with only the consultant’s own customers', async () => {
    expect(await count(consultant.token, 'reminderFirstService')).toMatchObject(refused);
    await set(consultant.userId, { 'module.service': 'grant' });
    expect(await count(consultant.token, 'reminderFirstService')).toMatchObject({ ok: true });
    // Their scope stays their own customers: the 全部 scope is still refused.
    expect(await call(t.core, consultant.token, 'grid.count', { dataset: 'reminderFirstService', scope: 'all', filter: { columns: [] } })).toMatchObject(refused);
    // A manager-only list of the module stays the managers'.
    expect(await call(t.core, consultant.token, 'taskPool.assign', {})).toMatchObject(refused);
    await set(consultant.userId, {});
  });

  it('taking 销售管理 from the general manager refuses opportunities and their grid, and leaves 客户服务 alone', async () => {
    await set(gm.userId, { 'module.sales': 'revoke' });
    expect(await call(t.core, gm.token, 'opportunities.get', { id: 1 })).toMatchObject(refused);
    expect(await count(gm.token, 'opportunities')).toMatchObject(refused);
    expect(await count(gm.token, 'reminderFirstService')).toMatchObject({ ok: true });
    expect((await session(gm.token))!.modules).not.toContain('sales');
  });

  it('a module taken away takes its sections off the customer card; given back, they return', async () => {
    const customerId = Number(t.core.sqlite.prepare("INSERT INTO customers (kind, name, created_at, updated_at) VALUES ('individual', '卡片客户', 0, 0)").run().lastInsertRowid);
    t.core.sqlite
      .prepare("INSERT INTO opportunities (customer_id, source, stage, status, last_stage_change_at, created_at, updated_at) VALUES (?, 'showroom', 'initial_contact', 'open', 0, 0, 0)")
      .run(customerId);
    type Card = { opportunities: { total: number } | null; serviceHistory: unknown; revisits: unknown; complaints: unknown; sms: unknown; calls: unknown };
    const card = async () => {
      const r = await call(t.core, gm.token, 'customers.get', { id: customerId });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as Card;
    };
    await set(gm.userId, {});
    expect((await card()).opportunities).toMatchObject({ total: 1 });
    await set(gm.userId, { 'module.sales': 'revoke', 'module.sms': 'revoke' });
    const without = await card();
    expect(without.opportunities).toBeNull();
    expect(without.sms).toBeNull();
    // 客户服务 and the calls stay.
    expect(without.serviceHistory).toMatchObject({ total: 0 });
    expect(without.complaints).toMatchObject({ total: 0 });
    expect(without.calls).toMatchObject({ total: 0 });
    await set(gm.userId, { 'module.service': 'revoke' });
    expect(await card()).toMatchObject({ opportunities: { total: 1 }, serviceHistory: null, revisits: null, complaints: null, sms: { total: 0 } });
    await set(gm.userId, {});
  });
});
