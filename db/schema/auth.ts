import { sqliteTable, text, integer, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, createdAt, updatedAt, flag } from './columns';

/** 销售顾问 / 销售经理 / 客服顾问 / ... — codes are the glossary's role names. */
export const roles = sqliteTable('roles', {
  code: text().primaryKey(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
});

/** A team groups consultants (or agents) under a manager; "my team's customers" uses it. */
export const teams = sqliteTable('teams', {
  id: id(),
  name: text().notNull(),
  kind: text({ enum: ['sales', 'service'] }).notNull(),
  managerId: integer(),
});

export const users = sqliteTable(
  'users',
  {
    id: id(),
    username: text().notNull(),
    displayName: text().notNull(),
    role: text().notNull().references(() => roles.code),
    teamId: integer().references(() => teams.id),
    passwordHash: text().notNull(),
    mustChangePassword: flag(),
    failedLogins: integer().notNull().default(0),
    lockedUntil: integer(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    phone: text(),
    extension: text(),
    locale: text().notNull().default('zh-CN'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), index('users_team_idx').on(t.teamId)],
);

/** Permissions granted to a role (e.g. 'export', 'customers.all'). */
export const rolePermissions = sqliteTable(
  'role_permissions',
  { role: text().notNull().references(() => roles.code), permission: text().notNull() },
  (t) => [primaryKey({ columns: [t.role, t.permission] })],
);

/** Per-user override of a role permission: granted=false revokes it (the revocable export right). */
export const userPermissions = sqliteTable(
  'user_permissions',
  {
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    permission: text().notNull(),
    granted: integer({ mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.permission] })],
);

/** A login session. The token itself is never stored: only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: integer().notNull(),
    locked: flag(),
    lockedAt: integer(),
    client: text(),
    // The LAN seat the login came through (issue 15): revoking the seat ends the session. Null on the host itself.
    seatId: integer(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_seat_idx').on(t.seatId)],
);

/**
 * Hashes of a user's last passwords (the current one included, at most PASSWORD_HISTORY rows kept):
 * a new password may not repeat any of them.
 */
export const passwordHistory = sqliteTable(
  'password_history',
  {
    id: id(),
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.id)],
);
