import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, GOOD_PASSWORD, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { passwordRuleBroken } from './password-rules';

describe('password rules (issue 14 item 8)', () => {
  it('refuse one class padded with a digit, too few different characters and the user name', () => {
    expect(passwordRuleBroken('aaaaaaa1', 'li.na')).toBe('classes');
    expect(passwordRuleBroken('password1', 'li.na')).toBe('classes');
    expect(passwordRuleBroken('12345678a', 'li.na')).toBe('classes');
    expect(passwordRuleBroken('aaaa1111', 'li.na')).toBe('variety');
    expect(passwordRuleBroken('Short1!', 'li.na')).toBe('length');
    expect(passwordRuleBroken('xx-Sales7-2026', 'sales7')).toBe('username');
    expect(passwordRuleBroken('xx-SALES7-2026', 'sales7')).toBe('username');
    expect(passwordRuleBroken('demo1234', 'sales1')).toBeNull();
    expect(passwordRuleBroken(GOOD_PASSWORD, 'li.na')).toBeNull();
    expect(passwordRuleBroken('春风十里!!2026', 'li.na')).toBeNull();
  });
});

describe('changing the password', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeCore();
  });
  afterEach(() => t.cleanup());

  it('refuses the rules’ breakers with the message that states the rules, and any of the last 3 passwords', async () => {
    const { token } = await userWithSession(t.core, 'sales7', 'salesConsultant');
    for (const bad of ['password1', 'aaaaaaa1', 'Sales7-okay', 'aaaa1111']) {
      const r = await call(t.core, token, 'auth.changePassword', { oldPassword: GOOD_PASSWORD, newPassword: bad });
      expect(r).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
      if (!r.ok) expect(r.error.message).toContain('不得包含用户名');
    }
    // Walk through three new passwords; each earlier one of the last 3 is refused, the 4th back is allowed.
    const chain = ['Second2027a', 'Third2028bb', 'Fourth2029c'];
    let current = GOOD_PASSWORD;
    for (const next of chain) {
      expect(await call(t.core, token, 'auth.changePassword', { oldPassword: current, newPassword: next })).toMatchObject({ ok: true });
      current = next;
    }
    for (const old of ['Second2027a', 'Third2028bb']) {
      const r = await call(t.core, token, 'auth.changePassword', { oldPassword: current, newPassword: old });
      expect(r).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD', details: { rule: 'recent' } } });
    }
    // GOOD_PASSWORD was 4 passwords ago: allowed again.
    expect(await call(t.core, token, 'auth.changePassword', { oldPassword: current, newPassword: GOOD_PASSWORD })).toMatchObject({ ok: true });
  });
});

describe('absolute session lifetime', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeCore();
  });
  afterEach(() => t.cleanup());

  it('ends a session used every 3 hours once it is older than security.sessionMaxDays (7 by default)', async () => {
    const { token } = await userWithSession(t.core, 'he', 'serviceAgent');
    const HOUR = 3_600_000;
    // The idle lock would otherwise stop the pings; here the user is active every 3 hours for a week.
    t.core.settings.set('security.idleLockMinutes', 240);
    for (let h = 0; h < 7 * 24 - 3; h += 3) {
      t.clock.advance(3 * HOUR);
      expect(await call(t.core, token, 'auth.ping')).toMatchObject({ ok: true });
    }
    t.clock.advance(4 * HOUR);
    expect(await call(t.core, token, 'auth.ping')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
