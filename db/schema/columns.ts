import { integer } from 'drizzle-orm/sqlite-core';

// Timestamps are epoch milliseconds (UTC). Calendar dates (birthday, expiry, visit date) are
// 'YYYY-MM-DD' text in the dealership's time zone, so date windows compare as strings and index well.
export const id = () => integer().primaryKey({ autoIncrement: true });
export const createdAt = () => integer().notNull();
export const updatedAt = () => integer().notNull();
export const flag = () => integer({ mode: 'boolean' }).notNull().default(false);
