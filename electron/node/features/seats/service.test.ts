import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../../../db/schema';
import { dispatch } from '../../dispatch';
import { call, GOOD_PASSWORD, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { ADDRESS_WINDOW_MS, PAIRING_CODE_TTL_MS } from './service';

let t: TestCore;
let adminId: number;
let adminToken: string;
beforeEach(async () => {
  t = await makeCore();
  ({ userId: adminId, token: adminToken } = await userWithSession(t.core, 'it.admin', 'admin'));
});
afterEach(() => t.cleanup());

const LAN = '192.168.1.23';
const seatAudit = () => t.core.db.select().from(auditLog).where(eq(auditLog.entity, 'seat')).all();
/** A 6-digit code that is not `code`. */
const wrongFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('pairing codes', () => {
  it('pairs a seat with the right code: six random digits, a token that verifies, the pairing audited with the address', () => {
    const { code, expiresAt } = t.core.seats.createPairingCode(adminId);
    expect(code).toMatch(/^\d{6}$/);
    expect(Date.parse(expiresAt) - t.clock.now()).toBe(10 * 60_000);
    const paired = t.core.seats.pair(code, ' 前台-1 ', LAN);
    expect(paired).toMatchObject({ seatName: '前台-1', seatId: expect.any(Number) });
    expect(paired.seatToken.length).toBeGreaterThanOrEqual(40);
    expect(t.core.seats.verify(paired.seatToken, LAN)).toEqual({ ok: true, seat: { id: paired.seatId, name: '前台-1' } });
    expect(seatAudit()).toEqual([
      expect.objectContaining({ action: 'pair', userId: adminId, entityId: String(paired.seatId), after: expect.objectContaining({ name: '前台-1', address: LAN }) }),
    ]);
    expect(t.core.seats.list()).toEqual([expect.objectContaining({ id: paired.seatId, name: '前台-1', lastAddress: LAN, status: 'active', pairedByName: 'it.admin 测试' })]);
  });

  it('refuses a wrong code with PAIRING_CODE_WRONG and audits it with the address; the right code still works after a few wrong tries', () => {
    const { code } = t.core.seats.createPairingCode(adminId);
    for (const bad of [wrongFor(code), '12345', 'abcdef', '']) {
      expect(() => t.core.seats.pair(bad, '前台-1', LAN), bad).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }));
    }
    const refused = seatAudit().filter((r) => r.action === 'pair_refused');
    expect(refused).toHaveLength(4);
    expect(refused[0]!.after).toMatchObject({ address: LAN, seatName: '前台-1', reason: 'wrong_code' });
    expect(t.core.seats.pair(code, '前台-1', LAN).seatName).toBe('前台-1');
  });

  it('a code expires after 10 minutes', () => {
    const { code } = t.core.seats.createPairingCode(adminId);
    t.clock.advance(PAIRING_CODE_TTL_MS);
    expect(() => t.core.seats.pair(code, '前台-1', LAN)).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }));
    expect(t.core.seats.list()).toEqual([]);
  });

  it('a code pairs one seat only', () => {
    const { code } = t.core.seats.createPairingCode(adminId);
    t.core.seats.pair(code, '前台-1', LAN);
    expect(() => t.core.seats.pair(code, '前台-2', '192.168.1.24')).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }));
    expect(t.core.seats.list().map((s) => s.name)).toEqual(['前台-1']);
  });

  it('a new code voids the older unused one', () => {
    const first = t.core.seats.createPairingCode(adminId);
    const second = t.core.seats.createPairingCode(adminId);
    if (first.code !== second.code) {
      expect(() => t.core.seats.pair(first.code, '前台-1', LAN)).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }));
    }
    expect(t.core.seats.pair(second.code, '前台-1', LAN).seatName).toBe('前台-1');
  });

  it('5 wrong tries void the code, even from different addresses: the right code no longer pairs', () => {
    const { code } = t.core.seats.createPairingCode(adminId);
    for (let i = 0; i < 5; i++) {
      expect(() => t.core.seats.pair(wrongFor(code), 'x', `10.0.0.${i + 1}`)).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }));
    }
    expect(() => t.core.seats.pair(code, '前台-1', LAN)).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }));
    expect(seatAudit().at(-2)!.after).toMatchObject({ reason: 'wrong_code', codeVoided: expect.any(Number) });
    expect(seatAudit().at(-1)!.after).toMatchObject({ reason: 'no_open_code', address: LAN });
  });

  it('an address with 10 wrong codes in 15 minutes is refused TOO_MANY_ATTEMPTS, even with the right code; others are not; it passes again later', () => {
    for (let i = 0; i < 10; i++) {
      // A fresh code every 4 tries, so the per-code limit never ends it first.
      if (i % 4 === 0) t.core.seats.createPairingCode(adminId);
      expect(() => t.core.seats.pair('000000', 'x', LAN)).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }));
    }
    let { code } = t.core.seats.createPairingCode(adminId);
    if (code === '000000') code = t.core.seats.createPairingCode(adminId).code;
    expect(() => t.core.seats.pair(code, '前台-1', LAN)).toThrow(expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS' }));
    expect(seatAudit().at(-1)).toMatchObject({ action: 'pair_refused', after: { address: LAN, reason: 'too_many_attempts' } });
    // Hammering on gets the same answer, without a row per request.
    const rows = seatAudit().length;
    for (let i = 0; i < 20; i++) expect(() => t.core.seats.pair(code, '前台-1', LAN)).toThrow(expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS' }));
    expect(seatAudit()).toHaveLength(rows);
    // The refusal did not spend the code: another address pairs with it.
    expect(t.core.seats.pair(code, '前台-2', '192.168.1.99').seatName).toBe('前台-2');
    t.clock.advance(ADDRESS_WINDOW_MS);
    const next = t.core.seats.createPairingCode(adminId);
    expect(t.core.seats.pair(next.code, '前台-1', LAN).seatName).toBe('前台-1');
  });

  it('keeps neither the seat token nor the code in clear, in the tables or the audit log', () => {
    const { code } = t.core.seats.createPairingCode(adminId);
    const { seatToken } = t.core.seats.pair(code, '前台-1', LAN);
    const dump = JSON.stringify([
      t.core.sqlite.prepare('SELECT * FROM seats').all(),
      t.core.sqlite.prepare('SELECT * FROM pairing_codes').all(),
      t.core.sqlite.prepare('SELECT * FROM audit_log').all(),
    ]);
    expect(dump).not.toContain(seatToken);
    expect(dump).not.toContain(`"${code}"`);
    expect(dump).toContain('"token_hash"');
  });
});

describe('seat check, revoke, touch', () => {
  const pairOne = (name = '前台-1') => t.core.seats.pair(t.core.seats.createPairingCode(adminId).code, name, LAN);

  it('an unknown token is SEAT_UNKNOWN, audited once a minute per address, not once per request', () => {
    expect(t.core.seats.verify('not-a-token', LAN)).toEqual({ ok: false, code: 'SEAT_UNKNOWN' });
    expect(t.core.seats.verify(undefined, LAN)).toEqual({ ok: false, code: 'SEAT_UNKNOWN' });
    expect(t.core.seats.verify('', '192.168.1.50')).toEqual({ ok: false, code: 'SEAT_UNKNOWN' });
    expect(seatAudit().map((r) => r.after)).toEqual([
      { address: LAN, code: 'SEAT_UNKNOWN' },
      { address: '192.168.1.50', code: 'SEAT_UNKNOWN' },
    ]);
    t.clock.advance(60_000);
    t.core.seats.verify('x', LAN);
    expect(seatAudit()).toHaveLength(3);
  });

  it('a revoked seat is SEAT_REVOKED at once, onRevoked fires, the sessions logged in through it end and others stay', async () => {
    const seat = pairOne();
    const { token: hostSession } = await userWithSession(t.core, 'it.agent', 'serviceAgent');
    // The same user logs in through the seat: the session records it.
    const viaSeat = await t.core.auth.login('it.agent', GOOD_PASSWORD, 'browser', LAN, seat.seatId);
    const revoked: number[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stop = t.core.seats.onRevoked((id) => revoked.push(id));
    t.core.seats.onRevoked(() => {
      throw new Error('a broken listener');
    });
    const ended: string[] = [];
    t.core.events.subscribe((e) => {
      if (e.event === 'session.ended' && e.target !== 'all' && 'sessionHash' in e.target) ended.push(e.target.sessionHash);
    });

    const row = t.core.seats.revoke(seat.seatId, adminId);
    expect(row).toMatchObject({ status: 'revoked', revokedAt: t.clock.now() });
    expect(t.core.seats.verify(seat.seatToken, LAN)).toEqual({ ok: false, code: 'SEAT_REVOKED' });
    expect(revoked).toEqual([seat.seatId]);
    expect(logged).toHaveBeenCalledWith('[seats] an onRevoked listener failed:', expect.any(Error));
    logged.mockRestore();
    expect(t.core.auth.resolve(viaSeat.token)).toBeNull();
    expect(ended).toEqual([viaSeat.session.tokenHash]);
    expect(t.core.auth.resolve(hostSession)).not.toBeNull();
    expect(seatAudit().filter((r) => r.action !== 'pair')).toEqual([
      expect.objectContaining({ action: 'revoke', userId: adminId, entityId: String(seat.seatId), after: { name: '前台-1', sessionsEnded: 1 } }),
      expect.objectContaining({ action: 'seat_refused', entityId: String(seat.seatId), after: { address: LAN, code: 'SEAT_REVOKED' } }),
    ]);
    // Revoking again changes nothing and tells nobody again.
    t.core.seats.revoke(seat.seatId, adminId);
    expect(revoked).toEqual([seat.seatId]);
    stop();
  });

  it('a login through the seat (dispatch with the LAN seat) is ended by revoking it', async () => {
    const seat = pairOne();
    await userWithSession(t.core, 'it.sales', 'salesConsultant');
    let token = '';
    const out = await dispatch(t.core, null, 'auth.login', { username: 'it.sales', password: GOOD_PASSWORD }, { address: LAN, seat: { id: seat.seatId, name: '前台-1' } });
    if (out.sessionChange && 'set' in out.sessionChange) token = out.sessionChange.set;
    expect(await call(t.core, token, 'auth.ping')).toMatchObject({ ok: true });
    t.core.seats.revoke(seat.seatId, adminId);
    expect(await call(t.core, token, 'auth.ping')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('touch writes last seen at most once a minute, and at once when the user or the address changes', () => {
    const seat = pairOne();
    const seen = () => t.core.seats.list()[0]!;
    const paired = t.clock.now();
    t.clock.advance(30_000);
    t.core.seats.touch(seat.seatId, { address: LAN });
    expect(seen().lastSeenAt).toBe(paired + 30_000);
    t.clock.advance(30_000);
    t.core.seats.touch(seat.seatId, { address: LAN });
    expect(seen().lastSeenAt).toBe(paired + 30_000);
    t.core.seats.touch(seat.seatId, { address: LAN, userId: adminId });
    expect(seen()).toMatchObject({ lastSeenAt: paired + 60_000, lastUserName: 'it.admin 测试' });
    t.clock.advance(1_000);
    t.core.seats.touch(seat.seatId, { address: '192.168.1.77' });
    // A request without a user keeps the last user shown.
    expect(seen()).toMatchObject({ lastSeenAt: paired + 61_000, lastAddress: '192.168.1.77', lastUserName: 'it.admin 测试' });
  });
});

describe('在线 / 离线', () => {
  const pairOne = () => t.core.seats.pair(t.core.seats.createPairingCode(adminId).code, '前台-1', LAN);

  it('a seat is online while any of its event sockets is open (one per window), offline after the last; each change told to administrators only', async () => {
    const seat = pairOne();
    const { userId: agentId } = await userWithSession(t.core, 'desk.agent', 'serviceAgent');
    const told: unknown[] = [];
    const stop = t.core.events.subscribe((e) => e.event === 'seats.presence' && told.push([e.target, e.payload]));
    const online = () => t.core.seats.list()[0]!.online;
    const at = { address: LAN, userId: agentId };
    expect(online()).toBe(false);
    t.clock.advance(5_000);
    t.core.seats.socketOpened(seat.seatId, at);
    t.core.seats.socketOpened(seat.seatId, at);
    expect(online()).toBe(true);
    expect(t.core.seats.list()[0]).toMatchObject({ lastSeenAt: t.clock.now(), lastUserName: 'desk.agent 测试' });
    t.core.seats.socketClosed(seat.seatId, at);
    expect(online()).toBe(true);
    t.clock.advance(5_000);
    t.core.seats.socketClosed(seat.seatId, at);
    expect(online()).toBe(false);
    expect(t.core.seats.list()[0]!.lastSeenAt).toBe(t.clock.now());
    // A stray second close (error then close) does not tell anyone twice.
    t.core.seats.socketClosed(seat.seatId, at);
    stop();
    expect(told).toEqual([
      [{ userId: adminId }, { seatId: seat.seatId, online: true, lastSeenAt: t.clock.now() - 5_000 }],
      [{ userId: adminId }, { seatId: seat.seatId, online: false, lastSeenAt: t.clock.now() }],
    ]);
  });

  it('a revoked seat is never shown online', () => {
    const seat = pairOne();
    t.core.seats.socketOpened(seat.seatId, { address: LAN, userId: adminId });
    t.core.seats.revoke(seat.seatId, adminId);
    expect(t.core.seats.list()[0]).toMatchObject({ status: 'revoked', online: false });
  });
});

describe('admin.seats API', () => {
  it('makes a code (no fingerprint before the first LAN start), lists, renames and revokes, each audited with the admin', async () => {
    const made = await call(t.core, adminToken, 'admin.seats.pairingCode.create');
    expect(made).toMatchObject({ ok: true, value: { code: expect.stringMatching(/^\d{6}$/), expiresAt: expect.any(String), expiresInMs: 600_000, fingerprint: null } });
    const code = made.ok ? (made.value as { code: string }).code : '';
    const { seatId } = t.core.seats.pair(code, '前台-1', LAN);

    expect(await call(t.core, adminToken, 'admin.seats.rename', { id: seatId, name: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call(t.core, adminToken, 'admin.seats.rename', { id: seatId, name: '展厅接待' })).toMatchObject({ ok: true, value: { name: '展厅接待' } });
    expect(await call(t.core, adminToken, 'admin.seats.rename', { id: 999, name: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(t.core, adminToken, 'admin.seats.revoke', { id: seatId })).toMatchObject({ ok: true, value: { status: 'revoked' } });
    expect(await call(t.core, adminToken, 'admin.seats.list')).toMatchObject({ ok: true, value: [{ id: seatId, name: '展厅接待', status: 'revoked' }] });

    const rows = t.core.db.select().from(auditLog).all().filter((r) => r.entity === 'seat' || r.entity === 'pairing_code');
    expect(rows.map((r) => [r.action, r.entity, r.userId])).toEqual([
      ['create', 'pairing_code', adminId],
      ['pair', 'seat', adminId],
      ['update', 'seat', adminId],
      ['revoke', 'seat', adminId],
    ]);
    expect(rows[2]).toMatchObject({ before: { name: '前台-1' }, after: { name: '展厅接待' } });
  });
});
