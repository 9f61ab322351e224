import { integer } from 'drizzle-orm/sqlite-core';

// Timestamps are epoch milliseconds (UTC). Calendar dates (birthday, expiry, visit date) are
// 'YYYY-MM-DD' text in the dealership's time zone, so date windows compare as strings and index well.
export const id = () => integer().primaryKey({ autoIncrement: true });
export const createdAt = () => integer().notNull();
export const updatedAt = () => integer().notNull();
export const flag = () => integer({ mode: 'boolean' }).notNull().default(false);
/**
 * Optimistic concurrency (issue 15): every change to a record users edit adds 1, and a form's save
 * names the version it loaded (`WHERE id = ? AND version = ?`), so of two users saving the same
 * stale copy the second is refused (STALE_RECORD) instead of silently overwriting the first.
 * A constant default keeps ALTER TABLE ADD COLUMN a schema-only change (no rewrite of 1M rows).
 */
export const version = () => integer().notNull().default(1);
