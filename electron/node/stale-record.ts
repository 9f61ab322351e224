import { AppError } from './errors';

/**
 * Runs a form's save; when it is refused as STALE_RECORD (someone else saved the record since the
 * user loaded it) the refusal carries the record as the form reads it now, in `details.current`, so
 * the screen can show what changed next to what the user typed. Call it outside the save's
 * transaction: by then the refused save has rolled back and `current` reads what is committed.
 */
export function withCurrentOnStale<T>(save: () => T, current: () => unknown): T {
  try {
    return save();
  } catch (err) {
    if (err instanceof AppError && err.code === 'STALE_RECORD' && !('current' in err.details)) {
      throw new AppError('STALE_RECORD', { ...err.details, current: current() });
    }
    throw err;
  }
}

/**
 * Refuses a save whose copy is older than the stored row (STALE_RECORD) before anything is checked
 * or written; the UPDATE's `AND version = ?` still guards the moment between this and the write.
 * No expected version (a background write) passes.
 */
export function assertVersion(row: { id: number; version: number }, expected: number | undefined, entity: string): void {
  if (expected !== undefined && row.version !== expected) throw new AppError('STALE_RECORD', { entity, id: row.id });
}
