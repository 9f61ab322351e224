import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, createdAt } from './columns';
import { users } from './auth';

/**
 * A PC (or browser) paired with the host over the LAN (issue 15, 系统管理 → 终端管理). The seat
 * token itself is never stored: only its SHA-256, so a copy of the database pairs nobody.
 */
export const seats = sqliteTable(
  'seats',
  {
    id: id(),
    name: text().notNull(),
    tokenHash: text().notNull(),
    pairedAt: integer().notNull(),
    // The administrator whose pairing code the seat used.
    pairedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    lastSeenAt: integer(),
    lastAddress: text(),
    lastUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    revokedAt: integer(),
    revokedBy: integer().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('seats_token_hash_uq').on(t.tokenHash)],
);

/**
 * A 6-digit pairing code an administrator reads out to the person at a new seat: valid 10 minutes,
 * once, and only the newest one (making a code voids the older unused ones). Stored as a SHA-256
 * only; 5 wrong tries void it.
 */
export const pairingCodes = sqliteTable(
  'pairing_codes',
  {
    id: id(),
    codeHash: text().notNull(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: integer().notNull(),
    usedAt: integer(),
    // The seat this code paired (set with usedAt).
    seatId: integer().references(() => seats.id),
    wrongTries: integer().notNull().default(0),
    // Set when 5 wrong tries used it up or a newer code replaced it.
    voidedAt: integer(),
  },
  (t) => [index('pairing_codes_open_idx').on(t.usedAt, t.voidedAt, t.expiresAt)],
);
