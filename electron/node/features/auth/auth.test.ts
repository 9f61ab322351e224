import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../../../db/schema';
import { eq } from 'drizzle-orm';
import { call, GOOD_PASSWORD, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { createCore } from '../../core';
import { hashPassword, verifyPassword } from './password';
import { hashToken } from './service';

let t: TestCore;
beforeEach(async () => {
  t = await makeCore();
});
afterEach(() => t.cleanup());

const MIN = 60_000;

describe('passwords', () => {
  it('are stored as salted scrypt hashes that verify only the right password', async () => {
    const h1 = await hashPassword('Secret123');
    const h2 = await hashPassword('Secret123');
    expect(h1).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(h1).not.toContain('Secret123');
    expect(await verifyPassword('Secret123', h1)).toBe(true);
    expect(await verifyPassword('secret123', h1)).toBe(false);
    expect(await verifyPassword('Secret123', 'garbage')).toBe(false);
  });
});

describe('first run and forced password change', () => {
  it('creates one admin with a one-time password on an empty database, and only once', async () => {
    const core = await createCore({ dataDir: t.dir + '/first', clock: t.clock });
    expect(core.firstRun?.username).toBe('admin');
    const otp = core.firstRun!.oneTimePassword;
    expect(otp).toMatch(/^[A-Za-z2-9]{12}$/);
    const row = core.db.select().from(users).where(eq(users.username, 'admin')).get()!;
    expect(row.passwordHash).not.toContain(otp);
    expect(row.mustChangePassword).toBe(true);
    core.close();
    const again = await createCore({ dataDir: t.dir + '/first', clock: t.clock });
    expect(again.firstRun).toBeNull();
    again.close();
  });

  it('a new account must change its password; weak or unchanged passwords are refused', async () => {
    const { oneTimePassword } = await t.core.auth.createUser(null, { username: 'li.na', displayName: '李娜', role: 'serviceAgent' });
    const login = await call(t.core, null, 'auth.login', { username: 'li.na', password: oneTimePassword });
    expect(login).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    const { token } = await t.core.auth.login('li.na', oneTimePassword);
    expect(await call(t.core, token, 'customers.get', { id: 1 })).toMatchObject({ error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(await call(t.core, token, 'auth.changePassword', { oldPassword: oneTimePassword, newPassword: 'short1' })).toMatchObject({
      error: { code: 'WEAK_PASSWORD' },
    });
    expect(await call(t.core, token, 'auth.changePassword', { oldPassword: oneTimePassword, newPassword: 'onlyletters' })).toMatchObject({
      error: { code: 'WEAK_PASSWORD' },
    });
    expect(await call(t.core, token, 'auth.changePassword', { oldPassword: 'wrong', newPassword: GOOD_PASSWORD })).toMatchObject({
      error: { code: 'BAD_CREDENTIALS' },
    });
    const ok = await call(t.core, token, 'auth.changePassword', { oldPassword: oneTimePassword, newPassword: GOOD_PASSWORD });
    expect(ok).toMatchObject({ ok: true, value: { mustChangePassword: false } });
    expect(await call(t.core, token, 'auth.session')).toMatchObject({ ok: true });
    // The old password no longer works; the new one does.
    await expect(t.core.auth.login('li.na', oneTimePassword)).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    await expect(t.core.auth.login('li.na', GOOD_PASSWORD)).resolves.toBeTruthy();
  });

  it('an admin reset forces a change again and ends the user’s sessions', async () => {
    const admin = await userWithSession(t.core, 'boss', 'admin');
    const user = await userWithSession(t.core, 'wang', 'salesConsultant');
    const told: string[] = [];
    t.core.events.subscribe((e) =>
      told.push(`${e.event}:${typeof e.target === 'object' && 'sessionHash' in e.target ? e.target.sessionHash : ''}:${(e.payload as { reason?: string }).reason ?? ''}`),
    );
    const r = await call(t.core, admin.token, 'admin.users.resetPassword', { userId: user.userId });
    expect(r.ok).toBe(true);
    // The user's open window hears about it at once, and why (its login page says the admin reset it).
    expect(told).toContain(`session.ended:${hashToken(user.token)}:passwordReset`);
    expect(await call(t.core, user.token, 'auth.session')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const otp = r.ok ? (r.value as { oneTimePassword: string }).oneTimePassword : '';
    const relog = await call(t.core, null, 'auth.login', { username: 'wang', password: otp });
    expect(relog).toMatchObject({ ok: true, value: { mustChangePassword: true } });
  });
});

describe('wrong passwords', () => {
  it('five in a row lock the account for five minutes, even against the right password, with a message saying so', async () => {
    await userWithSession(t.core, 'zhang', 'salesConsultant');
    for (let i = 0; i < 4; i++) {
      expect(await call(t.core, null, 'auth.login', { username: 'zhang', password: 'nope' })).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
    }
    // The locked account is answered like any wrong login (no hint which names exist or are locked);
    // the one message names the lock and its time.
    const fifth = await call(t.core, null, 'auth.login', { username: 'zhang', password: 'nope' });
    expect(fifth).toMatchObject({ error: { code: 'BAD_CREDENTIALS', details: { minutes: 5 } } });
    if (!fifth.ok) expect(fifth.error.message).toContain('5 分钟');
    expect(await call(t.core, null, 'auth.login', { username: 'zhang', password: GOOD_PASSWORD })).toMatchObject({
      error: { code: 'BAD_CREDENTIALS' },
    });
    t.clock.advance(4 * MIN);
    expect(await call(t.core, null, 'auth.login', { username: 'zhang', password: GOOD_PASSWORD })).toMatchObject({
      error: { code: 'BAD_CREDENTIALS' },
    });
    t.clock.advance(1 * MIN + 1);
    expect(await call(t.core, null, 'auth.login', { username: 'zhang', password: GOOD_PASSWORD })).toMatchObject({ ok: true });
    const locks = t.core.db.select().from(auditLog).where(eq(auditLog.action, 'account_locked')).all();
    expect(locks).toHaveLength(1);
  });

  it('a right password resets the count', async () => {
    await userWithSession(t.core, 'chen', 'salesConsultant');
    for (let i = 0; i < 4; i++) await call(t.core, null, 'auth.login', { username: 'chen', password: 'nope' });
    expect(await call(t.core, null, 'auth.login', { username: 'chen', password: GOOD_PASSWORD })).toMatchObject({ ok: true });
    expect(await call(t.core, null, 'auth.login', { username: 'chen', password: 'nope' })).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
  });

  it('an unknown user name gets the same answer as a wrong password', async () => {
    const r = await call(t.core, null, 'auth.login', { username: 'ghost', password: 'x' });
    expect(r).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
  });
});

describe('sessions and the program lock', () => {
  it('lock → every method but unlock/logout answers SESSION_LOCKED → the right password unlocks', async () => {
    const { token } = await userWithSession(t.core, 'zhao', 'salesManager');
    expect(await call(t.core, token, 'auth.lock')).toMatchObject({ ok: true });
    expect(await call(t.core, token, 'auth.session')).toMatchObject({ error: { code: 'SESSION_LOCKED', details: { username: 'zhao' } } });
    expect(await call(t.core, token, 'auth.unlock', { password: 'wrong' })).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
    expect(await call(t.core, token, 'auth.session')).toMatchObject({ error: { code: 'SESSION_LOCKED' } });
    expect(await call(t.core, token, 'auth.unlock', { password: GOOD_PASSWORD })).toMatchObject({ ok: true });
    expect(await call(t.core, token, 'auth.session')).toMatchObject({ ok: true, value: { user: { username: 'zhao' } } });
  });

  it('a lock says what locked it (a client seat passes minimise / OS lock as system); an unknown reason is refused', async () => {
    const { token } = await userWithSession(t.core, 'qian', 'salesConsultant');
    const reasons: unknown[] = [];
    t.core.events.subscribe((e) => {
      if (e.event === 'session.locked') reasons.push((e.payload as { reason: string }).reason);
    });
    expect(await call(t.core, token, 'auth.lock', { reason: 'shutdown' })).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await call(t.core, token, 'auth.lock', { reason: 'system' })).toMatchObject({ ok: true });
    await call(t.core, token, 'auth.unlock', { password: GOOD_PASSWORD });
    expect(await call(t.core, token, 'auth.lock', {})).toMatchObject({ ok: true });
    expect(reasons).toEqual(['system', 'manual']);
  });

  it('locks by itself after the idle time on the server, and the event reaches the session', async () => {
    const { token } = await userWithSession(t.core, 'sun', 'serviceAgent');
    const seen: string[] = [];
    t.core.events.subscribe((e) => seen.push(e.event));
    t.clock.advance(4 * MIN);
    expect(await call(t.core, token, 'auth.ping')).toMatchObject({ ok: true });
    t.clock.advance(4 * MIN); // activity 4 minutes ago: still open
    expect(await call(t.core, token, 'auth.session')).toMatchObject({ ok: true });
    t.clock.advance(5 * MIN + 1);
    expect(await call(t.core, token, 'auth.session')).toMatchObject({ error: { code: 'SESSION_LOCKED' } });
    expect(seen).toContain('session.locked');
    t.core.settings.set('security.idleLockMinutes', 15);
    await call(t.core, token, 'auth.unlock', { password: GOOD_PASSWORD });
    t.clock.advance(10 * MIN);
    expect(await call(t.core, token, 'auth.session')).toMatchObject({ ok: true });
  });

  it('expires after the configured idle hours', async () => {
    const { token } = await userWithSession(t.core, 'qian', 'serviceAgent');
    t.core.settings.set('security.sessionIdleHours', 2);
    t.clock.advance(2 * 60 * MIN + 1);
    expect(await call(t.core, token, 'auth.session')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(t.core.db.select().from(sessions).all().filter((s) => s.userId !== null)).toHaveLength(0);
  });

  it('another user may log in at a locked seat only after logging the first one out', async () => {
    const first = await userWithSession(t.core, 'zhou', 'salesConsultant');
    await userWithSession(t.core, 'wu', 'salesConsultant');
    await call(t.core, first.token, 'auth.lock');
    expect(await call(t.core, first.token, 'auth.login', { username: 'wu', password: GOOD_PASSWORD })).toMatchObject({
      error: { code: 'SESSION_LOCKED' },
    });
    const out = await call(t.core, first.token, 'auth.logout');
    expect(out).toMatchObject({ ok: true });
    expect(await call(t.core, first.token, 'auth.login', { username: 'wu', password: GOOD_PASSWORD })).toMatchObject({ ok: true });
  });

  it('five wrong passwords at the lock screen end the session and lock the account', async () => {
    const { token } = await userWithSession(t.core, 'feng', 'salesConsultant');
    await call(t.core, token, 'auth.lock');
    for (let i = 0; i < 4; i++) await call(t.core, token, 'auth.unlock', { password: 'nope' });
    expect(await call(t.core, token, 'auth.unlock', { password: 'nope' })).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    expect(await call(t.core, token, 'auth.session')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('changing the password ends the user’s other sessions but keeps this one', async () => {
    const a = await userWithSession(t.core, 'he', 'salesConsultant');
    const { token: b } = await t.core.auth.login('he', GOOD_PASSWORD);
    expect(await call(t.core, b, 'auth.changePassword', { oldPassword: GOOD_PASSWORD, newPassword: 'Another2027' })).toMatchObject({ ok: true });
    expect(await call(t.core, a.token, 'auth.session')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(await call(t.core, b, 'auth.session')).toMatchObject({ ok: true });
  });
});

describe('roles and permissions', () => {
  it('the navigation modules follow the role: a consultant has no 系统管理', async () => {
    const c = await userWithSession(t.core, 'consultant', 'salesConsultant');
    const a = await userWithSession(t.core, 'administrator', 'admin');
    const cs = await call(t.core, c.token, 'auth.session');
    const as = await call(t.core, a.token, 'auth.session');
    expect(cs.ok && (cs.value as { modules: string[] }).modules).toEqual(['sales', 'callCenter', 'sms']);
    expect(as.ok && (as.value as { modules: string[] }).modules).toContain('admin');
  });

  it('a per-user revocation of a role permission takes effect on the next request', async () => {
    const m = await userWithSession(t.core, 'mgr', 'salesManager');
    const perms = async () => {
      const r = await call(t.core, m.token, 'auth.session');
      return r.ok ? (r.value as { permissions: string[] }).permissions : [];
    };
    expect(await perms()).toContain('export');
    t.core.sqlite.prepare("INSERT INTO user_permissions (user_id, permission, granted) VALUES (?, 'export', 0)").run(m.userId);
    expect(await perms()).not.toContain('export');
  });
});

describe('audit', () => {
  it('records logins, password changes and user creation, without secrets', async () => {
    const admin = await userWithSession(t.core, 'auditor', 'admin');
    await call(t.core, admin.token, 'admin.users.create', { username: 'new.user', displayName: '新用户', role: 'serviceAgent' });
    const rows = t.core.db.select().from(auditLog).all();
    const actions = rows.map((r) => `${r.action}:${r.entity}`);
    expect(actions).toEqual(expect.arrayContaining(['create:user', 'login:session', 'password:user', 'logout:session']));
    const created = rows.filter((r) => r.action === 'create' && r.entity === 'user').at(-1)!;
    expect(created.userId).toBe(admin.userId);
    expect(JSON.stringify(created.after)).toContain('new.user');
    expect(JSON.stringify(rows)).not.toMatch(/scrypt\$/);
  });
});
