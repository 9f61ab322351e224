import type { Core } from '../core';
import { AppError } from '../errors';
import type { DataHealth } from './health';
import { longWritesIdle } from './long-write';

/**
 * Methods that still run on a damaged database: keeping a session (log in and out, lock, unlock,
 * the session's own bookkeeping) and every method that only reads. The API contract has no
 * read/write flag, so reads are named by the verb their method ends with; anything else (create,
 * save, update, assign, import, export with its audit row, …) is refused. A new read method with
 * another verb is refused too — the safe side — until it is listed here.
 */
const SESSION_WRITES = new Set(['auth.login', 'auth.logout', 'auth.lock', 'auth.unlock', 'auth.setLocale']);
const READ_METHODS = new Set(['auth.session', 'auth.ping', 'system.health', 'backup.restoreCheck', 'backup.restoreStatus']);
/** A damaged database is what a restore is for: it must be startable then (it writes nothing to the damaged file). */
const RECOVERY = new Set(['backup.restore']);
const READ_VERBS = new Set([
  'list', 'get', 'search', 'lookup', 'query', 'count', 'columns', 'checkPhone', 'assignableOwners', 'today', 'day', 'noShows', 'advisors',
  'proactiveCandidates', 'assignees', 'templates', 'consultants', 'activitiesOf', 'params', 'stalled', 'noNextActivity', 'noPlan',
  'ofCustomer', 'vehicle', 'vehicles', 'daily', 'schedule', 'preview', 'batches', 'batch', 'customerHistory', 'settings', 'status',
  'rates', 'agents', 'missed', 'overview', 'records', 'load', 'credentials',
]);

export function isReadMethod(method: string): boolean {
  return READ_METHODS.has(method) || READ_VERBS.has(method.slice(method.lastIndexOf('.') + 1));
}

/**
 * dispatch's one hook before a handler runs: on a damaged database a change is refused with a clear
 * code and message; while a long import holds the connection (long-write.ts) a method that may
 * write waits for it to finish, and reads go on at once.
 */
export async function guardWrites(core: Pick<Core, 'health' | 'sqlite'>, method: string): Promise<void> {
  if (isReadMethod(method)) return;
  if (core.health.damaged && !SESSION_WRITES.has(method) && !RECOVERY.has(method)) throw new AppError('DATABASE_DAMAGED', { backupsDir: core.health.backupsDir });
  // A change saved after the restore's safety copy would be lost without a trace: refused, with the reason.
  if (core.health.restoring && !SESSION_WRITES.has(method)) throw new AppError('RESTORING');
  await longWritesIdle(core.sqlite);
}

/** A query that met a damaged page: the database is marked damaged and the caller gets the same clear error. */
export function damageError(health: DataHealth, err: unknown): AppError | null {
  const code = String((err as { code?: unknown }).code ?? '');
  if (!code.startsWith('SQLITE_CORRUPT') && code !== 'SQLITE_NOTADB') return null;
  health.markDamaged('runtime', [`${code}: ${(err as Error).message}`]);
  return new AppError('DATABASE_DAMAGED', { backupsDir: health.backupsDir });
}
