import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { ReadPool } from './read-pool';

const dialect = new SQLiteSyncDialect();

/**
 * A drizzle `sql` query, built on the main thread with the session's scope, run on the read pool:
 * the rows `core.db.all(q)` would return, without stopping the host meanwhile.
 */
export function readAll<T>(reads: ReadPool, q: SQL, opts: { memo?: boolean } = {}): Promise<T[]> {
  const { sql, params } = dialect.sqlToQuery(q);
  return reads.all<T>(sql, params, opts);
}

/** The first row (or undefined), as `core.db.get(q)`. */
export async function readGet<T>(reads: ReadPool, q: SQL): Promise<T | undefined> {
  return (await readAll<T>(reads, q))[0];
}
