import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { passwordHistory, rolePermissions, sessions, userPermissions, users } from '../../../../db/schema';
import { MODULES, type Permission, type Role } from '../../../common/roles';
import { effectiveModules, moduleOfKey, NO_OVERRIDES, type ModuleOverrides, type UserModule } from '../../../common/module-access';
import type { SessionInfo, SessionUser } from '../../../common/api/auth';
import { localeOf, type Locale } from '../../../common/i18n/texts';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import type { EventBus } from '../../events';
import { type SettingsService, writeAudit } from '../admin';
import { generateOneTimePassword, hashPassword, verifyPassword } from './password';
import { checkPasswordRules } from './password-rules';
import { AttemptLimiter } from './attempt-limiter';

export interface SessionCtx {
  tokenHash: string;
  lastSeenAt: number;
  user: SessionUser;
  locked: boolean;
  mustChangePassword: boolean;
}

type UserRow = typeof users.$inferSelect;

const MINUTE = 60_000;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Used for unknown user names and locked accounts, so they cost as long as a wrong password.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** How many of a user's last passwords (the current one included) a new one may not repeat. */
export const PASSWORD_HISTORY = 3;
/** Login attempts one client address may have running at once (the web host's peer, or 'local'). */
export const MAX_PARALLEL_LOGINS_PER_ADDRESS = 4;

// lastSeenAt is written at most this often: one write per request would cost more than the request.
const TOUCH_EVERY_MS = 10_000;

/** What happened to one of a user's sessions, for the features that follow it (the call centre's agent state). */
export type SessionChange = { userId: number; kind: 'login' | 'locked' | 'unlocked' | 'ended' };

export class AuthService {
  // Prepared once: these run on every request.
  private q;
  private loginsByAddress = new AttemptLimiter(MAX_PARALLEL_LOGINS_PER_ADDRESS);
  private sessionListeners: ((c: SessionChange) => void)[] = [];

  /** Calls `listener` after each login, lock, unlock and session end (a listener's failure is logged, never the caller's). */
  onSessionChange(listener: (c: SessionChange) => void): void {
    this.sessionListeners.push(listener);
  }

  private sessionChanged(c: SessionChange): void {
    for (const l of this.sessionListeners) {
      try {
        l(c);
      } catch (err) {
        console.error('[auth] a session listener failed:', err);
      }
    }
  }

  constructor(
    private db: Db,
    private clock: Clock,
    private settings: SettingsService,
    private events: EventBus,
  ) {
    this.q = {
      // Only the fields a request needs: mapping whole rows costs more than the lookup.
      session: db
        .select({
          s: { lastSeenAt: sessions.lastSeenAt, locked: sessions.locked, createdAt: sessions.createdAt },
          u: {
            id: users.id,
            username: users.username,
            displayName: users.displayName,
            role: users.role,
            teamId: users.teamId,
            locale: users.locale,
            active: users.active,
            mustChangePassword: users.mustChangePassword,
          },
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, sql.placeholder('h')))
        .prepare(),
      rolePerms: db
        .select({ p: rolePermissions.permission })
        .from(rolePermissions)
        .where(eq(rolePermissions.role, sql.placeholder('role')))
        .prepare(),
      userPerms: db.select().from(userPermissions).where(eq(userPermissions.userId, sql.placeholder('uid'))).prepare(),
      // A user's module overrides (模块功能自由分配), read on every call that needs them: one range of the primary key.
      userModules: db
        .select({ key: userPermissions.permission, granted: userPermissions.granted })
        .from(userPermissions)
        .where(and(eq(userPermissions.userId, sql.placeholder('uid')), sql`${userPermissions.permission} >= 'module.' and ${userPermissions.permission} < 'module/'`))
        .prepare(),
      // One permission: the user's own grant or revocation wins over the role's default.
      hasPerm: db
        .select({
          granted: sql<number>`coalesce(
            (select ${userPermissions.granted} from ${userPermissions} where ${userPermissions.userId} = ${sql.placeholder('uid')} and ${userPermissions.permission} = ${sql.placeholder('p')}),
            exists(select 1 from ${rolePermissions} where ${rolePermissions.role} = ${sql.placeholder('role')} and ${rolePermissions.permission} = ${sql.placeholder('p')}))`,
        })
        .from(sql`(select 1)`)
        .prepare(),
      touch: db
        .update(sessions)
        .set({ lastSeenAt: sql`${sql.placeholder('now')}` })
        .where(eq(sessions.tokenHash, sql.placeholder('h')))
        .prepare(),
    };
  }

  private toSessionUser(u: Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'teamId' | 'locale'>): SessionUser {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role as Role,
      teamId: u.teamId,
      locale: localeOf(u.locale),
    };
  }

  /** Role permissions with the user's own grants and revocations applied. */
  permissionsOf(userId: number, role: Role): Permission[] {
    const base = new Set(this.q.rolePerms.all({ role }).map((r) => r.p));
    for (const o of this.q.userPerms.all({ uid: userId })) {
      if (moduleOfKey(o.permission)) continue;
      if (o.granted) base.add(o.permission);
      else base.delete(o.permission);
    }
    return [...base].sort() as Permission[];
  }

  /** The modules given to this user beyond the role and taken away from it (user_permissions' module.* rows). */
  moduleOverrides(userId: number): ModuleOverrides {
    const rows = this.q.userModules.all({ uid: userId });
    if (!rows.length) return NO_OVERRIDES;
    const granted: UserModule[] = [];
    const revoked: UserModule[] = [];
    for (const r of rows) {
      const m = moduleOfKey(r.key);
      if (m) (r.granted ? granted : revoked).push(m);
    }
    return { granted, revoked };
  }

  hasPermission(session: SessionCtx, p: Permission): boolean {
    return this.q.hasPerm.get({ uid: session.user.id, role: session.user.role, p })?.granted === 1;
  }

  info(s: SessionCtx): SessionInfo {
    const overrides = this.moduleOverrides(s.user.id);
    return {
      user: s.user,
      modules: MODULES.filter((m) => effectiveModules(s.user.role, overrides).includes(m)),
      moduleOverrides: overrides,
      permissions: this.permissionsOf(s.user.id, s.user.role),
      mustChangePassword: s.mustChangePassword,
      idleLockMinutes: this.settings.get('security.idleLockMinutes'),
    };
  }

  /** The one answer for a wrong name, a wrong password or a locked account (see BAD_CREDENTIALS). */
  private badCredentials(): AppError {
    return new AppError('BAD_CREDENTIALS', {
      max: this.settings.get('security.maxFailedLogins'),
      minutes: this.settings.get('security.loginLockMinutes'),
    });
  }

  /** `seatId`: the LAN seat the login came through, kept on the session so revoking the seat ends it. */
  async login(username: string, password: string, client?: string, address = 'local', seatId: number | null = null): Promise<{ token: string; session: SessionCtx }> {
    // Bounds the scrypt work one address can start at once; the per-account bound is reserveAttempt.
    return this.loginsByAddress.run(address, () => this.loginOnce(username, password, client, seatId));
  }

  private async loginOnce(username: string, password: string, client: string | undefined, seatId: number | null): Promise<{ token: string; session: SessionCtx }> {
    const u = this.db.select().from(users).where(eq(users.username, username.trim())).get();
    const attempt = u && u.active ? this.reserveAttempt(u.id) : null;
    if (!u || !attempt) {
      // Unknown, inactive, locked or out of attempts: the same answer after the same work.
      await verifyPassword(password, DUMMY_HASH);
      throw this.badCredentials();
    }
    if (!(await verifyPassword(password, attempt.passwordHash))) {
      this.settleFailure(u.id, attempt.failed, 'login');
      throw this.badCredentials();
    }
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hashToken(token);
    this.db.transaction((tx) => {
      tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, u.id)).run();
      tx.insert(sessions).values({ tokenHash, userId: u.id, createdAt: now, lastSeenAt: now, client: client ?? null, seatId }).run();
      writeAudit(tx, this.clock, { userId: u.id, action: 'login', entity: 'session', entityId: u.id, after: { client, ...(seatId != null ? { seatId } : {}) } });
    });
    this.sessionChanged({ userId: u.id, kind: 'login' });
    return {
      token,
      session: { tokenHash, lastSeenAt: now, user: this.toSessionUser(u), locked: false, mustChangePassword: u.mustChangePassword },
    };
  }

  /**
   * Counts a password attempt as failed BEFORE it is checked, in one atomic UPDATE: parallel attempts
   * each take their own number, and none is evaluated once the account has used up its
   * maxFailedLogins (in flight or done) or is locked. Null: no attempt left. A right password resets
   * the count afterwards.
   */
  private reserveAttempt(userId: number): { failed: number; passwordHash: string } | null {
    const now = this.clock.now();
    const max = this.settings.get('security.maxFailedLogins');
    const row = this.db
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(
        and(
          eq(users.id, userId),
          sql`(${users.lockedUntil} is null or ${users.lockedUntil} <= ${now})`,
          sql`${users.failedLogins} < ${max}`,
        ),
      )
      .returning({ failed: users.failedLogins, passwordHash: users.passwordHash })
      .get();
    return row ?? null;
  }

  /** A reserved attempt was wrong: the attempt that used up the last allowance locks the account. Returns whether it did. */
  private settleFailure(userId: number, failed: number, where: 'login' | 'unlock' | 'changePassword'): boolean {
    const max = this.settings.get('security.maxFailedLogins');
    if (failed < max) {
      writeAudit(this.db, this.clock, { userId, action: 'password_wrong', entity: 'user', entityId: userId, after: { where, failed } });
      return false;
    }
    const minutes = this.settings.get('security.loginLockMinutes');
    this.db.transaction((tx) => {
      tx.update(users).set({ failedLogins: 0, lockedUntil: this.clock.now() + minutes * MINUTE }).where(eq(users.id, userId)).run();
      writeAudit(tx, this.clock, { userId, action: 'password_wrong', entity: 'user', entityId: userId, after: { where, failed } });
      writeAudit(tx, this.clock, { userId, action: 'account_locked', entity: 'user', entityId: userId, after: { minutes } });
    });
    return true;
  }

  /**
   * Checks the password of a logged-in user (unlock, change password) under the same counting as a
   * login. Wrong: BAD_CREDENTIALS, or ACCOUNT_LOCKED (and the session ends) once the attempts are used up.
   */
  private async checkOwnPassword(s: SessionCtx, password: string, where: 'unlock' | 'changePassword'): Promise<void> {
    const attempt = this.reserveAttempt(s.user.id);
    if (!attempt) {
      const u = this.db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, s.user.id)).get();
      if (!u) throw new AppError('UNAUTHENTICATED');
      const left = Math.max(1, Math.ceil(((u.lockedUntil ?? this.clock.now()) - this.clock.now()) / MINUTE));
      this.logout(s);
      throw new AppError('ACCOUNT_LOCKED', { minutes: u.lockedUntil ? left : this.settings.get('security.loginLockMinutes') });
    }
    if (await verifyPassword(password, attempt.passwordHash)) {
      this.db.update(users).set({ failedLogins: 0 }).where(eq(users.id, s.user.id)).run();
      return;
    }
    if (this.settleFailure(s.user.id, attempt.failed, where)) {
      // Using up the attempts at the lock screen or the password form ends the session too.
      this.logout(s);
      throw new AppError('ACCOUNT_LOCKED', { minutes: this.settings.get('security.loginLockMinutes') });
    }
    throw this.badCredentials();
  }

  /**
   * The session behind a token, applying expiry (idle longer than the session timeout: gone) and
   * the idle program lock (idle longer than the lock time: locked), both decided here, on the server.
   */
  resolve(token: string | null | undefined): SessionCtx | null {
    if (!token) return null;
    const tokenHash = hashToken(token);
    const row = this.q.session.get({ h: tokenHash });
    if (!row) return null;
    const now = this.clock.now();
    const idle = now - row.s.lastSeenAt;
    // Idle too long, or older than the absolute lifetime however active (a stolen cookie does not live for ever).
    const tooOld = now - row.s.createdAt > this.settings.get('security.sessionMaxDays') * 24 * 60 * MINUTE;
    if (idle > this.settings.get('security.sessionIdleHours') * 60 * MINUTE || tooOld || !row.u.active) {
      this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
      this.events.publish({ sessionHash: tokenHash }, 'session.ended', { reason: 'expired' });
      this.sessionChanged({ userId: row.u.id, kind: 'ended' });
      return null;
    }
    let locked = row.s.locked;
    if (!locked && this.idleLockDue(row.s.lastSeenAt, now)) {
      this.setLocked(tokenHash, true, 'idle', row.u.id);
      locked = true;
    }
    return {
      tokenHash,
      lastSeenAt: row.s.lastSeenAt,
      user: this.toSessionUser(row.u),
      locked,
      mustChangePassword: row.u.mustChangePassword,
    };
  }

  /** Idle past the program-lock time: the session is locked at its next request. */
  private idleLockDue(lastSeenAt: number, now: number): boolean {
    return now - lastSeenAt > this.settings.get('security.idleLockMinutes') * MINUTE;
  }

  /**
   * Whether a session is behind the program lock now, without touching it (for pushed events,
   * which may come before the session's next request locks it). A session that is gone counts
   * as locked: nothing goes to it.
   */
  lockedNow(tokenHash: string): boolean {
    const row = this.db.select({ locked: sessions.locked, lastSeenAt: sessions.lastSeenAt }).from(sessions).where(eq(sessions.tokenHash, tokenHash)).get();
    return !row || row.locked || this.idleLockDue(row.lastSeenAt, this.clock.now());
  }

  /** Records activity (throttled): the idle lock and session expiry count from here. */
  touch(s: SessionCtx): void {
    const now = this.clock.now();
    if (now - s.lastSeenAt < TOUCH_EVERY_MS) return;
    this.q.touch.run({ now, h: s.tokenHash });
  }

  private setLocked(tokenHash: string, locked: boolean, reason: 'manual' | 'idle' | 'system', userId: number): void {
    const now = this.clock.now();
    this.db
      .update(sessions)
      .set({ locked, lockedAt: locked ? now : null, lastSeenAt: now })
      .where(eq(sessions.tokenHash, tokenHash))
      .run();
    if (locked) this.events.publish({ sessionHash: tokenHash }, 'session.locked', { reason });
    else this.events.publish({ sessionHash: tokenHash }, 'session.unlocked', {});
    this.sessionChanged({ userId, kind: locked ? 'locked' : 'unlocked' });
  }

  lock(s: SessionCtx, reason: 'manual' | 'idle' | 'system' = 'manual'): void {
    if (!s.locked) this.setLocked(s.tokenHash, true, reason, s.user.id);
  }

  async unlock(s: SessionCtx, password: string): Promise<SessionCtx> {
    await this.checkOwnPassword(s, password, 'unlock');
    this.setLocked(s.tokenHash, false, 'manual', s.user.id);
    return { ...s, locked: false };
  }

  /** Windows whose session was deleted are told at once, and why, not at their next call. */
  private announceEnded(ended: { h: string }[], reason: 'passwordReset' | 'passwordChanged', userId: number): void {
    for (const { h } of ended) this.events.publish({ sessionHash: h }, 'session.ended', { reason });
    if (ended.length) this.sessionChanged({ userId, kind: 'ended' });
  }

  logout(s: SessionCtx): void {
    this.db.transaction((tx) => {
      tx.delete(sessions).where(eq(sessions.tokenHash, s.tokenHash)).run();
      writeAudit(tx, this.clock, { userId: s.user.id, action: 'logout', entity: 'session', entityId: s.user.id });
    });
    this.events.publish({ sessionHash: s.tokenHash }, 'session.ended', { reason: 'logout' });
    this.sessionChanged({ userId: s.user.id, kind: 'ended' });
  }

  async changePassword(s: SessionCtx, oldPassword: string, newPassword: string): Promise<SessionCtx> {
    await this.checkOwnPassword(s, oldPassword, 'changePassword');
    const u = this.db.select().from(users).where(eq(users.id, s.user.id)).get();
    if (!u) throw new AppError('UNAUTHENTICATED');
    if (oldPassword === newPassword) throw new AppError('SAME_PASSWORD');
    checkPasswordRules(newPassword, u.username);
    await this.refuseRecentPassword(u.id, u.passwordHash, newPassword);
    const passwordHash = await hashPassword(newPassword);
    let ended: { h: string }[] = [];
    this.db.transaction((tx) => {
      tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: this.clock.now() }).where(eq(users.id, u.id)).run();
      this.rememberPassword(tx, u.id, passwordHash);
      // Other sessions of this user end: whoever knew the old password is out.
      ended = tx
        .delete(sessions)
        .where(and(eq(sessions.userId, u.id), sql`${sessions.tokenHash} <> ${s.tokenHash}`))
        .returning({ h: sessions.tokenHash })
        .all();
      writeAudit(tx, this.clock, { userId: u.id, action: 'password', entity: 'user', entityId: u.id });
    });
    this.announceEnded(ended, 'passwordChanged', s.user.id);
    return { ...s, mustChangePassword: false };
  }

  /** The current password and the ones kept in password_history may not come back. */
  private async refuseRecentPassword(userId: number, currentHash: string, candidate: string): Promise<void> {
    const kept = this.db
      .select({ h: passwordHistory.passwordHash })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, userId))
      .orderBy(sql`${passwordHistory.id} desc`)
      .limit(PASSWORD_HISTORY)
      .all()
      .map((r) => r.h);
    // The current password was just checked as the old one and differs from the candidate
    // (SAME_PASSWORD): no need to hash against it again.
    for (const h of kept) if (h !== currentHash && (await verifyPassword(candidate, h))) throw new AppError('WEAK_PASSWORD', { rule: 'recent' });
  }

  /** Keeps the newest PASSWORD_HISTORY hashes of a user's chosen passwords. */
  private rememberPassword(tx: Db, userId: number, passwordHash: string): void {
    tx.insert(passwordHistory).values({ userId, passwordHash, createdAt: this.clock.now() }).run();
    tx.delete(passwordHistory)
      .where(
        and(
          eq(passwordHistory.userId, userId),
          sql`${passwordHistory.id} not in (select id from password_history where user_id = ${userId} order by id desc limit ${PASSWORD_HISTORY})`,
        ),
      )
      .run();
  }

  setLocale(s: SessionCtx, locale: Locale): SessionCtx {
    this.db.update(users).set({ locale, updatedAt: this.clock.now() }).where(eq(users.id, s.user.id)).run();
    return { ...s, user: { ...s.user, locale } };
  }

  /** Creates a user with a one-time password (must be changed at first login). */
  async createUser(
    actorId: number | null,
    input: { username: string; displayName: string; role: Role; teamId?: number | null },
  ): Promise<{ user: UserRow; oneTimePassword: string }> {
    if (this.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
      throw new AppError('CONFLICT', { reason: `用户名 ${input.username} 已存在 / user name already taken` });
    }
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    const now = this.clock.now();
    const user = this.db.transaction((tx) => {
      const row = tx
        .insert(users)
        .values({ ...input, teamId: input.teamId ?? null, passwordHash, mustChangePassword: true, createdAt: now, updatedAt: now })
        .returning()
        .get();
      writeAudit(tx, this.clock, { userId: actorId, action: 'create', entity: 'user', entityId: row.id, after: row });
      return row;
    });
    return { user, oneTimePassword };
  }

  async resetPassword(actorId: number, userId: number): Promise<string> {
    const u = this.db.select().from(users).where(eq(users.id, userId)).get();
    if (!u) throw new AppError('NOT_FOUND');
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    let ended: { h: string }[] = [];
    this.db.transaction((tx) => {
      tx.update(users)
        .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: this.clock.now() })
        .where(eq(users.id, userId))
        .run();
      ended = tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ h: sessions.tokenHash }).all();
      writeAudit(tx, this.clock, { userId: actorId, action: 'password_reset', entity: 'user', entityId: userId });
    });
    this.announceEnded(ended, 'passwordReset', userId);
    return oneTimePassword;
  }

  /** First run on an empty database: an admin account with a one-time password, printed once. */
  async bootstrapAdmin(): Promise<{ username: string; oneTimePassword: string } | null> {
    const n = this.db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
    if (n > 0) return null;
    const { oneTimePassword } = await this.createUser(null, { username: 'admin', displayName: '系统管理员', role: 'admin' });
    return { username: 'admin', oneTimePassword };
  }
}
