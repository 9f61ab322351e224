import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, users } from '../../../../db/schema';
import { call, GOOD_PASSWORD, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { MAX_PARALLEL_LOGINS_PER_ADDRESS } from './service';

let t: TestCore;
beforeEach(async () => {
  t = await makeCore();
});
afterEach(() => t.cleanup());

const MIN = 60_000;

/** Wrong passwords actually checked (each evaluated attempt leaves one audit row). */
const evaluatedWrong = (userId: number) =>
  t.core.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'password_wrong'), eq(auditLog.entityId, String(userId))))
    .all().length;

describe('lockout under parallel guesses (issue 14 item 4)', () => {
  it('100 parallel logins from many addresses: at most 5 are checked, and the right password after the 5th wrong one does not log in', async () => {
    const { userId } = await userWithSession(t.core, 'zhou', 'salesConsultant');
    const burst = Array.from({ length: 100 }, (_, i) =>
      call(t.core, null, 'auth.login', { username: 'zhou', password: i === 30 ? GOOD_PASSWORD : `guess${i}` }, { address: `10.0.${i >> 8}.${i & 255}` }),
    );
    const results = await Promise.all(burst);
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    expect(results.every((r) => !r.ok && r.error.code === 'BAD_CREDENTIALS')).toBe(true);
    expect(evaluatedWrong(userId)).toBeLessThanOrEqual(5);
    const row = t.core.db.select().from(users).where(eq(users.id, userId)).get()!;
    expect(row.lockedUntil).toBeGreaterThan(t.clock.now());
    // Locked: the right password is refused too, until the lock time has passed.
    expect(await call(t.core, null, 'auth.login', { username: 'zhou', password: GOOD_PASSWORD })).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
    t.clock.advance(5 * MIN + 1);
    expect(await call(t.core, null, 'auth.login', { username: 'zhou', password: GOOD_PASSWORD })).toMatchObject({ ok: true });
  });

  it('one address may have only a few logins running at once; the rest are refused before any password check', async () => {
    const { userId } = await userWithSession(t.core, 'wu', 'salesConsultant');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => call(t.core, null, 'auth.login', { username: 'wu', password: 'wrong1' }, { address: '192.168.1.50' })),
    );
    const refused = results.filter((r) => !r.ok && r.error.code === 'TOO_MANY_ATTEMPTS');
    expect(refused).toHaveLength(20 - MAX_PARALLEL_LOGINS_PER_ADDRESS);
    if (!refused[0]!.ok) expect(refused[0]!.error.message).toContain('稍候');
    expect(evaluatedWrong(userId)).toBe(MAX_PARALLEL_LOGINS_PER_ADDRESS);
    // Once they are done the address may try again.
    expect(await call(t.core, null, 'auth.login', { username: 'wu', password: GOOD_PASSWORD }, { address: '192.168.1.50' })).toMatchObject({ ok: true });
  });

  it('wrong old passwords in 修改密码 count like wrong logins: the 5th locks the account and ends the session', async () => {
    const { token, userId } = await userWithSession(t.core, 'qian', 'salesConsultant');
    const tries = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(t.core, token, 'auth.changePassword', { oldPassword: `old${i}`, newPassword: 'Another2027x' })),
    );
    expect(tries.filter((r) => r.ok)).toHaveLength(0);
    expect(evaluatedWrong(userId)).toBe(5);
    expect(t.core.db.select().from(users).where(eq(users.id, userId)).get()!.lockedUntil).toBeGreaterThan(t.clock.now());
    expect(await call(t.core, token, 'auth.session')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(await call(t.core, null, 'auth.login', { username: 'qian', password: GOOD_PASSWORD })).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
  });

  it('parallel wrong passwords at the lock screen are counted each: the 5th ends the session', async () => {
    const { token, userId } = await userWithSession(t.core, 'sun', 'serviceAgent');
    await call(t.core, token, 'auth.lock');
    const tries = await Promise.all(Array.from({ length: 10 }, () => call(t.core, token, 'auth.unlock', { password: 'nope1234' })));
    expect(tries.filter((r) => r.ok)).toHaveLength(0);
    expect(evaluatedWrong(userId)).toBe(5);
    expect(await call(t.core, token, 'auth.unlock', { password: GOOD_PASSWORD })).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('a locked account and an unknown user name get the same code and the same message', async () => {
    await userWithSession(t.core, 'feng', 'salesConsultant');
    for (let i = 0; i < 5; i++) await call(t.core, null, 'auth.login', { username: 'feng', password: 'nope' });
    const locked = await call(t.core, null, 'auth.login', { username: 'feng', password: GOOD_PASSWORD });
    const unknown = await call(t.core, null, 'auth.login', { username: 'nobody', password: GOOD_PASSWORD });
    const wrong = await call(t.core, null, 'auth.login', { username: 'feng', password: 'nope' });
    expect(locked.ok || unknown.ok || wrong.ok).toBe(false);
    if (!locked.ok && !unknown.ok && !wrong.ok) {
      expect(locked.error).toEqual(unknown.error);
      expect(wrong.error).toEqual(unknown.error);
    }
  });
});
