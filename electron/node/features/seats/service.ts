import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../../db/client';
import { pairingCodes, seats, sessions, users } from '../../../../db/schema';
import type { PairingCode, SeatRow } from '../../../common/api/seats';
import { seatNameSchema } from '../../../common/api/seats';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import type { EventBus } from '../../events';
import { writeAudit } from '../admin';
import { hashToken } from '../auth';
import { FailureWindow } from './failure-window';

const MINUTE = 60_000;
export const PAIRING_CODE_TTL_MS = 10 * MINUTE;
/** Wrong codes one pairing code survives: a guesser gets 5 tries in a million, then the code is void. */
export const WRONG_TRIES_PER_CODE = 5;
/** Wrong codes one address may send in ADDRESS_WINDOW_MS before it is refused TOO_MANY_ATTEMPTS. */
export const WRONG_TRIES_PER_ADDRESS = 10;
export const ADDRESS_WINDOW_MS = 15 * MINUTE;
// last_seen_at is written at most this often per seat: it is for the admin's grid, not an audit trail.
const TOUCH_EVERY_MS = MINUTE;
// A refused seat token is audited once per address, seat and reason in this time, not once per request.
const REFUSAL_AUDIT_EVERY_MS = MINUTE;

export type SeatCheck = { ok: true; seat: { id: number; name: string } } | { ok: false; code: 'SEAT_UNKNOWN' | 'SEAT_REVOKED' };

/**
 * The seats of the LAN host (issue 15, docs/security.md "Seats and pairing"): pairing codes the
 * administrator hands out, the seats they pair, the check of a seat token on every LAN request,
 * and the administrator's list / rename / revoke. Plain Node on the core (`core.seats`); the
 * LAN listener calls pair / verify / touch / onRevoked.
 */
export class SeatService {
  private q;
  private byAddress: FailureWindow;
  private touched = new Map<number, { at: number; address: string; userId: number | null }>();
  private refusalsAudited = new Map<string, number>();
  private revokedListeners = new Set<(seatId: number) => void>();
  /** Open event sockets per seat on this host: a seat with one is 在线 in 终端管理 right now. */
  private openSockets = new Map<number, number>();

  constructor(
    private db: Db,
    private clock: Clock,
    private events: EventBus,
  ) {
    this.byAddress = new FailureWindow(clock, WRONG_TRIES_PER_ADDRESS, ADDRESS_WINDOW_MS);
    this.q = {
      // On every LAN request: one indexed lookup of the two fields the answer needs.
      byToken: db
        .select({ id: seats.id, name: seats.name, revokedAt: seats.revokedAt })
        .from(seats)
        .where(eq(seats.tokenHash, sql.placeholder('h')))
        .prepare(),
      touch: db
        .update(seats)
        .set({ lastSeenAt: sql`${sql.placeholder('now')}`, lastAddress: sql`${sql.placeholder('address')}`, lastUserId: sql`coalesce(${sql.placeholder('uid')}, ${seats.lastUserId})` })
        .where(eq(seats.id, sql.placeholder('id')))
        .prepare(),
    };
  }

  /** A new code for the next seat; older unused codes stop working, so only one is ever open. */
  createPairingCode(byUserId: number | null): Pick<PairingCode, 'code' | 'expiresAt'> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.clock.now();
    const expiresAt = now + PAIRING_CODE_TTL_MS;
    this.db.transaction((tx) => {
      const voided = tx
        .update(pairingCodes)
        .set({ voidedAt: now })
        .where(and(isNull(pairingCodes.usedAt), isNull(pairingCodes.voidedAt), gt(pairingCodes.expiresAt, now)))
        .returning({ id: pairingCodes.id })
        .all();
      const row = tx.insert(pairingCodes).values({ codeHash: hashToken(code), createdBy: byUserId, createdAt: now, expiresAt }).returning({ id: pairingCodes.id }).get();
      // The code itself never reaches the log: only that one was made, until when, and which it replaced.
      writeAudit(tx, this.clock, {
        userId: byUserId,
        action: 'create',
        entity: 'pairing_code',
        entityId: row.id,
        after: { expiresAt, ...(voided.length ? { replaced: voided.map((v) => v.id) } : {}) },
      });
    });
    return { code, expiresAt: new Date(expiresAt).toISOString() };
  }

  /**
   * A new seat for the right code: its token is returned once and stored only as a hash. A wrong,
   * expired or used code is PAIRING_CODE_WRONG (the 5th wrong try voids the open code); an address
   * with 10 wrong codes in 15 minutes is refused TOO_MANY_ATTEMPTS before its code is looked at.
   * Every refusal is audited with the address.
   */
  pair(code: string, seatName: string, address: string): { seatId: number; seatToken: string; seatName: string } {
    const name = seatNameSchema.safeParse(seatName);
    if (!name.success) throw new AppError('INVALID_INPUT', { issues: 'seatName: 1–32 characters' });
    const now = this.clock.now();
    if (this.byAddress.isBlocked(address)) {
      // Audited once a minute per address: a blocked guesser hammering away must not fill the log.
      if (this.firstInAMinute(`too_many|${address}`)) {
        writeAudit(this.db, this.clock, { userId: null, action: 'pair_refused', entity: 'seat', after: { address, seatName: name.data, reason: 'too_many_attempts' } });
      }
      throw new AppError('TOO_MANY_ATTEMPTS');
    }
    const seatToken = randomBytes(32).toString('base64url');
    const outcome = this.db.transaction((tx) => {
      const open = tx
        .select()
        .from(pairingCodes)
        .where(and(isNull(pairingCodes.usedAt), isNull(pairingCodes.voidedAt), gt(pairingCodes.expiresAt, now)))
        .orderBy(desc(pairingCodes.id))
        .limit(1)
        .get();
      if (open && /^\d{6}$/.test(code) && sameHash(hashToken(code), open.codeHash)) {
        const seat = tx
          .insert(seats)
          .values({ name: name.data, tokenHash: hashToken(seatToken), pairedAt: now, pairedBy: open.createdBy, lastSeenAt: now, lastAddress: address })
          .returning()
          .get();
        tx.update(pairingCodes).set({ usedAt: now, seatId: seat.id }).where(eq(pairingCodes.id, open.id)).run();
        // Who let the seat in: the administrator whose code it used.
        writeAudit(tx, this.clock, { userId: open.createdBy, action: 'pair', entity: 'seat', entityId: seat.id, after: { name: seat.name, address, pairingCode: open.id } });
        return { ok: true as const, seatId: seat.id };
      }
      let codeVoided = false;
      if (open) {
        const tries = open.wrongTries + 1;
        codeVoided = tries >= WRONG_TRIES_PER_CODE;
        tx.update(pairingCodes)
          .set({ wrongTries: tries, ...(codeVoided ? { voidedAt: now } : {}) })
          .where(eq(pairingCodes.id, open.id))
          .run();
      }
      writeAudit(tx, this.clock, {
        userId: null,
        action: 'pair_refused',
        entity: 'seat',
        after: { address, seatName: name.data, reason: open ? 'wrong_code' : 'no_open_code', ...(codeVoided ? { codeVoided: open?.id } : {}) },
      });
      return { ok: false as const };
    });
    if (!outcome.ok) {
      this.byAddress.fail(address);
      throw new AppError('PAIRING_CODE_WRONG');
    }
    return { seatId: outcome.seatId, seatToken, seatName: name.data };
  }

  /** The seat a LAN request comes from, or why it is refused (audited, at most once a minute per address and seat). */
  verify(seatToken: string | null | undefined, address: string): SeatCheck {
    const row = seatToken ? this.q.byToken.get({ h: hashToken(seatToken) }) : undefined;
    if (row && row.revokedAt == null) return { ok: true, seat: { id: row.id, name: row.name } };
    const code = row ? ('SEAT_REVOKED' as const) : ('SEAT_UNKNOWN' as const);
    this.auditRefusal(code, row?.id ?? null, address);
    return { ok: false, code };
  }

  private auditRefusal(code: 'SEAT_UNKNOWN' | 'SEAT_REVOKED', seatId: number | null, address: string): void {
    if (!this.firstInAMinute(`${code}|${seatId ?? ''}|${address}`)) return;
    writeAudit(this.db, this.clock, { userId: null, action: 'seat_refused', entity: 'seat', entityId: seatId, after: { address, code } });
  }

  /** Whether a refusal of this kind is the first in REFUSAL_AUDIT_EVERY_MS (and so gets its audit row). */
  private firstInAMinute(key: string): boolean {
    const now = this.clock.now();
    const last = this.refusalsAudited.get(key);
    if (last !== undefined && now - last < REFUSAL_AUDIT_EVERY_MS) return false;
    if (this.refusalsAudited.size > 10_000) {
      for (const [k, at] of this.refusalsAudited) if (now - at >= REFUSAL_AUDIT_EVERY_MS) this.refusalsAudited.delete(k);
    }
    this.refusalsAudited.set(key, now);
    return true;
  }

  /**
   * Last seen, from where, by whom: written at most once a minute per seat, and at once when the
   * address or the user changes (a login on the seat shows in the grid straight away).
   */
  touch(seatId: number, { address, userId }: { address: string; userId?: number | null }): void {
    const now = this.clock.now();
    const last = this.touched.get(seatId);
    const uid = userId ?? null;
    if (last && now - last.at < TOUCH_EVERY_MS && last.address === address && (uid === null || last.userId === uid)) return;
    this.q.touch.run({ now, address, uid, id: seatId });
    this.touched.set(seatId, { at: now, address, userId: uid ?? last?.userId ?? null });
  }

  /**
   * A seat's event socket opened on the LAN listener (each logged-in window of a seat holds one).
   * The first one makes the seat 在线: its last seen is written at once and every administrator's
   * 终端管理 is told, so the list is right without a refresh.
   */
  socketOpened(seatId: number, { address, userId }: { address: string; userId: number }): void {
    const n = (this.openSockets.get(seatId) ?? 0) + 1;
    this.openSockets.set(seatId, n);
    if (n === 1) this.presenceChanged(seatId, true, address, userId);
  }

  /** The socket closed (window closed, link lost, seat revoked): the last one makes the seat 离线. */
  socketClosed(seatId: number, { address, userId }: { address: string; userId: number }): void {
    const n = (this.openSockets.get(seatId) ?? 0) - 1;
    if (n > 0) {
      this.openSockets.set(seatId, n);
      return;
    }
    if (!this.openSockets.delete(seatId)) return;
    this.presenceChanged(seatId, false, address, userId);
  }

  /** Whether the seat has an event socket open on this host now. */
  isOnline(seatId: number): boolean {
    return this.openSockets.has(seatId);
  }

  private presenceChanged(seatId: number, online: boolean, address: string, userId: number): void {
    // Last seen is the moment it connected or went: written now, not at the next once-a-minute touch.
    const now = this.clock.now();
    try {
      this.q.touch.run({ now, address, uid: userId, id: seatId });
      this.touched.set(seatId, { at: now, address, userId });
      // Only administrators open 终端管理; no other session learns which PCs are on.
      const admins = this.db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true))).all();
      for (const a of admins) this.events.publish({ userId: a.id }, 'seats.presence', { seatId, online, lastSeenAt: now });
    } catch (err) {
      // Called from a socket's close event: a failure here (the database closing as the host stops)
      // must not become an uncaught exception; last seen is advisory.
      console.error('[seats] could not record a seat connecting or going:', err);
    }
  }

  /** Called with a seat's id the moment it is revoked: the LAN listener closes that seat's sockets. */
  onRevoked(listener: (seatId: number) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  list(): SeatRow[] {
    const lastUser = alias(users, 'last_user');
    const pairedBy = alias(users, 'paired_by_user');
    return this.db
      .select({
        id: seats.id,
        name: seats.name,
        lastAddress: seats.lastAddress,
        lastUserName: lastUser.displayName,
        lastSeenAt: seats.lastSeenAt,
        pairedAt: seats.pairedAt,
        pairedByName: pairedBy.displayName,
        revokedAt: seats.revokedAt,
      })
      .from(seats)
      .leftJoin(lastUser, eq(lastUser.id, seats.lastUserId))
      .leftJoin(pairedBy, eq(pairedBy.id, seats.pairedBy))
      .orderBy(sql`${seats.revokedAt} is not null`, seats.name, seats.id)
      .all()
      .map((r) => ({ ...r, status: r.revokedAt == null ? ('active' as const) : ('revoked' as const), online: r.revokedAt == null && this.openSockets.has(r.id) }));
  }

  private row(id: number): SeatRow {
    const r = this.list().find((s) => s.id === id);
    if (!r) throw new AppError('NOT_FOUND');
    return r;
  }

  rename(id: number, name: string, byUserId: number | null = null): SeatRow {
    const parsed = seatNameSchema.safeParse(name);
    if (!parsed.success) throw new AppError('INVALID_INPUT', { issues: 'name: 1–32 characters' });
    this.db.transaction((tx) => {
      const before = tx.select({ name: seats.name }).from(seats).where(eq(seats.id, id)).get();
      if (!before) throw new AppError('NOT_FOUND');
      if (before.name === parsed.data) return;
      tx.update(seats).set({ name: parsed.data }).where(eq(seats.id, id)).run();
      writeAudit(tx, this.clock, { userId: byUserId, action: 'update', entity: 'seat', entityId: id, before: { name: before.name }, after: { name: parsed.data } });
    });
    return this.row(id);
  }

  /**
   * The seat is refused from now on: its token stops working, the sessions logged in through it
   * end (on every screen of that seat), and the listeners close its open connections. Revoking a
   * revoked seat changes nothing.
   */
  revoke(id: number, byUserId: number | null): SeatRow {
    const now = this.clock.now();
    const ended = this.db.transaction((tx) => {
      const seat = tx.select({ name: seats.name, revokedAt: seats.revokedAt }).from(seats).where(eq(seats.id, id)).get();
      if (!seat) throw new AppError('NOT_FOUND');
      if (seat.revokedAt != null) return null;
      tx.update(seats).set({ revokedAt: now, revokedBy: byUserId }).where(eq(seats.id, id)).run();
      const gone = tx.delete(sessions).where(eq(sessions.seatId, id)).returning({ h: sessions.tokenHash }).all();
      writeAudit(tx, this.clock, { userId: byUserId, action: 'revoke', entity: 'seat', entityId: id, after: { name: seat.name, sessionsEnded: gone.length } });
      return gone;
    });
    if (ended) {
      this.touched.delete(id);
      for (const { h } of ended) this.events.publish({ sessionHash: h }, 'session.ended', { reason: 'logout' });
      for (const listener of this.revokedListeners) {
        try {
          listener(id);
        } catch (err) {
          // Data is saved; one failing listener must not keep the others from closing connections.
          console.error('[seats] an onRevoked listener failed:', err);
        }
      }
    }
    return this.row(id);
  }
}

/** Constant-time comparison of two hex SHA-256 hashes. */
function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
