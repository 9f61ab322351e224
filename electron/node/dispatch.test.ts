import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type MethodDef } from '../common/api';
import { ROLES } from '../common/roles';
import { call, makeCore, userWithSession, type TestCore } from '../../tests/support/core';

// Every method of the contract is checked here by enumeration, so a method added later cannot
// skip the session, lock or role checks.
const methods = Object.entries(api) as [string, MethodDef][];

let t: TestCore;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await makeCore();
  for (const role of ROLES) tokens[role] = (await userWithSession(t.core, `u_${role}`, role)).token;
});
afterAll(() => t.cleanup());

describe('dispatch refuses, for every method of the contract', () => {
  it.each(methods.filter(([, d]) => d.access !== 'public'))('%s without a session → UNAUTHENTICATED', async (name) => {
    const r = await call(t.core, null, name, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const bogus = await call(t.core, 'not-a-real-token', name, {});
    expect(bogus).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it.each(methods.filter(([, d]) => Array.isArray(d.access)))('%s from a role not allowed → FORBIDDEN', async (name, def) => {
    const outsiders = ROLES.filter((r) => !(def.access as readonly string[]).includes(r));
    expect(outsiders.length).toBeGreaterThan(0);
    for (const role of outsiders) {
      const r = await call(t.core, tokens[role]!, name, {});
      expect(r, role).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it.each(methods.filter(([, d]) => d.access !== 'public' && !d.whenLocked))('%s while the session is locked → SESSION_LOCKED', async (name) => {
    const { token } = await userWithSession(t.core, `lk_${name.replace(/\W/g, '_')}`, 'admin');
    expect((await call(t.core, token, 'auth.lock')).ok).toBe(true);
    const r = await call(t.core, token, name, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });

  it.each(methods.filter(([, d]) => d.access !== 'public' && !d.beforePasswordChange))(
    '%s before the forced password change → PASSWORD_CHANGE_REQUIRED',
    async (name) => {
      const { oneTimePassword } = await t.core.auth.createUser(null, { username: `pc_${name.replace(/\W/g, '_')}`, displayName: 'x', role: 'admin' });
      const { token } = await t.core.auth.login(`pc_${name.replace(/\W/g, '_')}`, oneTimePassword);
      const r = await call(t.core, token, name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    },
  );
});

describe('dispatch input and errors', () => {
  it('answers an unknown method with UNKNOWN_METHOD, including names of Object.prototype', async () => {
    for (const m of ['nope', 'constructor', '__proto__', 'toString']) {
      expect(await call(t.core, tokens.admin!, m)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('rejects malformed input with a readable message naming the field', async () => {
    const r = await call(t.core, tokens.admin!, 'customers.get', { id: 'abc' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.message).toMatch(/^输入有误:id/);
    }
    const extra = await call(t.core, tokens.admin!, 'auth.lock', { sneaky: 1 });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('speaks the caller’s language before login and the user’s language after', async () => {
    const en = await call(t.core, null, 'auth.session', {}, { locale: 'en-US,en;q=0.9' });
    expect(en).toMatchObject({ ok: false, error: { message: 'Your session has ended. Please log in again.' } });
    const zh = await call(t.core, null, 'auth.session', {}, { locale: 'zh-CN' });
    expect(zh).toMatchObject({ ok: false, error: { message: '登录已失效,请重新登录' } });
    const { token } = await userWithSession(t.core, 'english_user', 'salesConsultant');
    await call(t.core, token, 'auth.setLocale', { locale: 'en' });
    const r = await call(t.core, token, 'admin.users.list', {}, { locale: 'zh-CN' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role is not allowed to do this.' } });
  });

  it('hides internals of an unexpected failure behind INTERNAL', async () => {
    const { token } = await userWithSession(t.core, 'internal_probe', 'admin');
    t.core.sqlite.exec('ALTER TABLE audit_log RENAME TO audit_log_moved');
    try {
      const r = await call(t.core, token, 'admin.audit.list', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(JSON.stringify(r)).not.toMatch(/audit_log|SQLITE/);
    } finally {
      t.core.sqlite.exec('ALTER TABLE audit_log_moved RENAME TO audit_log');
    }
  });
});
