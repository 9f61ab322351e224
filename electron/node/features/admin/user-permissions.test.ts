import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';

/**
 * 权限管理: the admin grants or revokes single permissions per user; the server holds the user to the
 * result from their next request (no logout), the screen shows the role's default, the override and
 * what holds, and each change is in the audit log.
 */
let t: TestCore;
let admin: string;
let mgr: { token: string; userId: number };
let sales: { token: string; userId: number };
beforeAll(async () => {
  t = await makeCore();
  admin = (await userWithSession(t.core, 'perm.admin', 'admin')).token;
  mgr = await userWithSession(t.core, 'perm.mgr', 'salesManager');
  sales = await userWithSession(t.core, 'perm.sales', 'salesConsultant');
}, 60_000);
afterAll(() => t.cleanup());

const exportInput = (scope: string) => ({ dataset: 'customers', scope, columns: ['name'], exportId: 'perm-export-1', filter: { columns: [] } });
const sessionPerms = async (token: string) => {
  const r = await call(t.core, token, 'auth.session');
  return r.ok ? (r.value as { permissions: string[] }).permissions : [];
};
const row = (v: unknown, p: string) => (v as { rows: { permission: string }[] }).rows.find((r) => r.permission === p);

describe('权限管理', () => {
  it("lists a user's permissions as the role gives them, without the admin role's 用户管理", async () => {
    const r = await call(t.core, admin, 'admin.users.permissions.get', { userId: mgr.userId });
    expect(r.ok).toBe(true);
    const v = r.ok ? (r.value as { role: string; rows: { permission: string; roleDefault: boolean; override: unknown; effective: boolean }[] }) : null;
    expect(v!.role).toBe('salesManager');
    expect(v!.rows.filter((x) => !x.permission.startsWith('module.')).map((x) => [x.permission, x.roleDefault, x.override, x.effective])).toEqual([
      ['export', true, null, true],
      ['customers.viewAll', true, null, true],
      ['customers.reassign', true, null, true],
      ['recordings.play', true, null, true],
      ['recordings.export', false, null, false],
      ['sms.send', true, null, true],
    ]);
  });

  it("revoking a manager's export refuses their next export and shows in their session; restoring it lets them export again", async () => {
    expect(await call(t.core, mgr.token, 'grid.export', exportInput('all'))).toMatchObject({ ok: true });
    const r = await call(t.core, admin, 'admin.users.permissions.set', { userId: mgr.userId, overrides: { export: 'revoke' } });
    expect(row(r.ok && r.value, 'export')).toEqual({ permission: 'export', roleDefault: true, override: 'revoke', effective: false, grantable: true });
    expect(await call(t.core, mgr.token, 'grid.export', exportInput('all'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await sessionPerms(mgr.token)).not.toContain('export');
    // An empty set of overrides: the role's defaults again.
    const back = await call(t.core, admin, 'admin.users.permissions.set', { userId: mgr.userId, overrides: {} });
    expect(row(back.ok && back.value, 'export')).toMatchObject({ override: null, effective: true });
    expect(await call(t.core, mgr.token, 'grid.export', exportInput('all'))).toMatchObject({ ok: true });
  });

  it('granting a consultant 导出数据 and 查看全部客户 widens what the server lets them do', async () => {
    expect(await call(t.core, sales.token, 'grid.export', exportInput('mine'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.core, sales.token, 'grid.count', { dataset: 'customers', scope: 'all', filter: { columns: [] } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await call(t.core, admin, 'admin.users.permissions.set', { userId: sales.userId, overrides: { export: 'grant', 'customers.viewAll': 'grant' } });
    expect(await call(t.core, sales.token, 'grid.export', exportInput('mine'))).toMatchObject({ ok: true });
    expect(await call(t.core, sales.token, 'grid.count', { dataset: 'customers', scope: 'all', filter: { columns: [] } })).toMatchObject({ ok: true });
    expect(await sessionPerms(sales.token)).toEqual(expect.arrayContaining(['export', 'customers.viewAll', 'sms.send']));
    await call(t.core, admin, 'admin.users.permissions.set', { userId: sales.userId, overrides: {} });
  });

  it('audits each permission that changes, with what held before and after; an override equal to the default is no change', async () => {
    const before = t.core.sqlite.prepare("select count(*) from audit_log where action = 'permission'").pluck().get() as number;
    // 'grant' of a permission the role already gives is dropped: nothing stored, nothing audited.
    const r = await call(t.core, admin, 'admin.users.permissions.set', { userId: mgr.userId, overrides: { export: 'grant', 'sms.send': 'revoke', 'recordings.export': 'grant' } });
    expect(row(r.ok && r.value, 'export')).toMatchObject({ override: null, effective: true });
    const rows = t.core.sqlite.prepare("select user_id as actor, entity, entity_id as eid, before, after from audit_log where action = 'permission' order by id").all().slice(before) as { actor: number; entity: string; eid: string; before: string; after: string }[];
    expect(rows.map((x) => [x.entity, x.eid, JSON.parse(x.before), JSON.parse(x.after)])).toEqual([
      ['user', String(mgr.userId), { permission: 'recordings.export', override: null, effective: false }, { permission: 'recordings.export', override: 'grant', effective: true }],
      ['user', String(mgr.userId), { permission: 'sms.send', override: null, effective: true }, { permission: 'sms.send', override: 'revoke', effective: false }],
    ]);
    expect(t.core.sqlite.prepare('select permission, granted from user_permissions where user_id = ? order by permission').all(mgr.userId)).toEqual([
      { permission: 'recordings.export', granted: 1 },
      { permission: 'sms.send', granted: 0 },
    ]);
    await call(t.core, admin, 'admin.users.permissions.set', { userId: mgr.userId, overrides: {} });
  });

  it('refuses non-admins, unknown users, unknown permissions and 用户管理, changing nothing', async () => {
    expect(await call(t.core, mgr.token, 'admin.users.permissions.get', { userId: sales.userId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.core, mgr.token, 'admin.users.permissions.set', { userId: mgr.userId, overrides: { 'recordings.export': 'grant' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.core, admin, 'admin.users.permissions.get', { userId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const overrides of [{ 'users.manage': 'grant' }, { export: 'maybe' }, { nonsense: 'grant' }]) {
      expect(await call(t.core, admin, 'admin.users.permissions.set', { userId: sales.userId, overrides }), JSON.stringify(overrides)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(t.core.sqlite.prepare('select count(*) from user_permissions where user_id = ?').pluck().get(sales.userId)).toBe(0);
  });
});
