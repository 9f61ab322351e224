import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { rolePermissions, sessions, userPermissions, users } from '../../../../db/schema';
import { MODULES, ROLE_MODULES, type Permission, type Role } from '../../../common/roles';
import type { SessionInfo, SessionUser } from '../../../common/api/auth';
import type { Locale } from '../../../common/i18n/errors';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import type { EventBus } from '../../events';
import { writeAudit } from '../admin/audit';
import type { SettingsService } from '../admin/settings';
import { generateOneTimePassword, hashPassword, verifyPassword } from './password';

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

// Used for unknown user names, so a wrong name costs as long as a wrong password.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function checkPasswordStrength(pw: string): void {
  if (pw.length < 8 || !/[A-Za-z]/.test(pw) || !/\d/.test(pw)) throw new AppError('WEAK_PASSWORD');
}

// lastSeenAt is written at most this often: one write per request would cost more than the request.
const TOUCH_EVERY_MS = 10_000;

export class AuthService {
  // Prepared once: these run on every request.
  private q;

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
          s: { lastSeenAt: sessions.lastSeenAt, locked: sessions.locked },
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
      locale: (u.locale === 'en' ? 'en' : 'zh-CN') as Locale,
    };
  }

  /** Role permissions with the user's own grants and revocations applied. */
  permissionsOf(userId: number, role: Role): Permission[] {
    const base = new Set(this.q.rolePerms.all({ role }).map((r) => r.p));
    for (const o of this.q.userPerms.all({ uid: userId })) {
      if (o.granted) base.add(o.permission);
      else base.delete(o.permission);
    }
    return [...base].sort() as Permission[];
  }

  hasPermission(session: SessionCtx, p: Permission): boolean {
    return this.q.hasPerm.get({ uid: session.user.id, role: session.user.role, p })?.granted === 1;
  }

  info(s: SessionCtx): SessionInfo {
    return {
      user: s.user,
      modules: MODULES.filter((m) => ROLE_MODULES[s.user.role].includes(m)),
      permissions: this.permissionsOf(s.user.id, s.user.role),
      mustChangePassword: s.mustChangePassword,
      idleLockMinutes: this.settings.get('security.idleLockMinutes'),
    };
  }

  async login(username: string, password: string, client?: string): Promise<{ token: string; session: SessionCtx }> {
    const now = this.clock.now();
    const u = this.db.select().from(users).where(eq(users.username, username.trim())).get();
    if (!u || !u.active) {
      await verifyPassword(password, DUMMY_HASH);
      throw new AppError('BAD_CREDENTIALS');
    }
    if (u.lockedUntil && u.lockedUntil > now) {
      throw new AppError('ACCOUNT_LOCKED', { minutes: Math.ceil((u.lockedUntil - now) / MINUTE) });
    }
    if (!(await verifyPassword(password, u.passwordHash))) {
      this.recordFailure(u);
      // recordFailure throws ACCOUNT_LOCKED at the limit
      throw new AppError('BAD_CREDENTIALS');
    }
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hashToken(token);
    this.db.transaction((tx) => {
      tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, u.id)).run();
      tx.insert(sessions).values({ tokenHash, userId: u.id, createdAt: now, lastSeenAt: now, client: client ?? null }).run();
      writeAudit(tx, this.clock, { userId: u.id, action: 'login', entity: 'session', entityId: u.id, after: { client } });
    });
    return {
      token,
      session: { tokenHash, lastSeenAt: now, user: this.toSessionUser(u), locked: false, mustChangePassword: u.mustChangePassword },
    };
  }

  /** Counts a wrong password; at the limit the account locks for a while and the caller is told so. */
  private recordFailure(u: UserRow): void {
    const max = this.settings.get('security.maxFailedLogins');
    const failed = u.failedLogins + 1;
    if (failed >= max) {
      const minutes = this.settings.get('security.loginLockMinutes');
      this.db.transaction((tx) => {
        tx.update(users).set({ failedLogins: 0, lockedUntil: this.clock.now() + minutes * MINUTE }).where(eq(users.id, u.id)).run();
        writeAudit(tx, this.clock, { userId: u.id, action: 'account_locked', entity: 'user', entityId: u.id, after: { minutes } });
      });
      throw new AppError('ACCOUNT_LOCKED', { minutes });
    }
    this.db.update(users).set({ failedLogins: failed }).where(eq(users.id, u.id)).run();
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
    if (idle > this.settings.get('security.sessionIdleHours') * 60 * MINUTE || !row.u.active) {
      this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
      this.events.publish({ sessionHash: tokenHash }, 'session.ended', { reason: 'expired' });
      return null;
    }
    let locked = row.s.locked;
    if (!locked && idle > this.settings.get('security.idleLockMinutes') * MINUTE) {
      this.setLocked(tokenHash, true, 'idle');
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

  /** Records activity (throttled): the idle lock and session expiry count from here. */
  touch(s: SessionCtx): void {
    const now = this.clock.now();
    if (now - s.lastSeenAt < TOUCH_EVERY_MS) return;
    this.q.touch.run({ now, h: s.tokenHash });
  }

  private setLocked(tokenHash: string, locked: boolean, reason: 'manual' | 'idle' | 'system' = 'manual'): void {
    const now = this.clock.now();
    this.db
      .update(sessions)
      .set({ locked, lockedAt: locked ? now : null, lastSeenAt: now })
      .where(eq(sessions.tokenHash, tokenHash))
      .run();
    if (locked) this.events.publish({ sessionHash: tokenHash }, 'session.locked', { reason });
    else this.events.publish({ sessionHash: tokenHash }, 'session.unlocked', {});
  }

  lock(s: SessionCtx, reason: 'manual' | 'idle' | 'system' = 'manual'): void {
    if (!s.locked) this.setLocked(s.tokenHash, true, reason);
  }

  async unlock(s: SessionCtx, password: string): Promise<SessionCtx> {
    const u = this.db.select().from(users).where(eq(users.id, s.user.id)).get();
    if (!u) throw new AppError('UNAUTHENTICATED');
    if (u.lockedUntil && u.lockedUntil > this.clock.now()) {
      throw new AppError('ACCOUNT_LOCKED', { minutes: Math.ceil((u.lockedUntil - this.clock.now()) / MINUTE) });
    }
    if (!(await verifyPassword(password, u.passwordHash))) {
      try {
        this.recordFailure(u);
      } catch (e) {
        // Five wrong passwords at the lock screen end the session too.
        this.logout(s);
        throw e;
      }
      throw new AppError('BAD_CREDENTIALS');
    }
    this.db.update(users).set({ failedLogins: 0 }).where(eq(users.id, u.id)).run();
    this.setLocked(s.tokenHash, false);
    return { ...s, locked: false };
  }

  /** Windows whose session was deleted are told at once, not at their next call. */
  private announceEnded(ended: { h: string }[]): void {
    for (const { h } of ended) this.events.publish({ sessionHash: h }, 'session.ended', { reason: 'logout' });
  }

  logout(s: SessionCtx): void {
    this.db.transaction((tx) => {
      tx.delete(sessions).where(eq(sessions.tokenHash, s.tokenHash)).run();
      writeAudit(tx, this.clock, { userId: s.user.id, action: 'logout', entity: 'session', entityId: s.user.id });
    });
    this.events.publish({ sessionHash: s.tokenHash }, 'session.ended', { reason: 'logout' });
  }

  async changePassword(s: SessionCtx, oldPassword: string, newPassword: string): Promise<SessionCtx> {
    const u = this.db.select().from(users).where(eq(users.id, s.user.id)).get();
    if (!u || !(await verifyPassword(oldPassword, u.passwordHash))) throw new AppError('BAD_CREDENTIALS');
    checkPasswordStrength(newPassword);
    if (oldPassword === newPassword) throw new AppError('SAME_PASSWORD');
    const passwordHash = await hashPassword(newPassword);
    let ended: { h: string }[] = [];
    this.db.transaction((tx) => {
      tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: this.clock.now() }).where(eq(users.id, u.id)).run();
      // Other sessions of this user end: whoever knew the old password is out.
      ended = tx
        .delete(sessions)
        .where(and(eq(sessions.userId, u.id), sql`${sessions.tokenHash} <> ${s.tokenHash}`))
        .returning({ h: sessions.tokenHash })
        .all();
      writeAudit(tx, this.clock, { userId: u.id, action: 'password', entity: 'user', entityId: u.id });
    });
    this.announceEnded(ended);
    return { ...s, mustChangePassword: false };
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
    this.announceEnded(ended);
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
