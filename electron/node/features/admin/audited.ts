import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../../db/client';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { writeAudit } from './audit';

/** A table with an integer `id` primary key: every business table. */
type TableWithId = SQLiteTable & { id: SQLiteColumn };

/**
 * Create / update / delete of business data, each with its audit row (who, when, entity, id,
 * before, after) in the same transaction — so neither can be committed without the other.
 * Pass an outer transaction as `db` to group several writes that belong together.
 */
export class AuditedWriter {
  constructor(
    private db: Db,
    private clock: Clock,
  ) {}

  insert<T extends TableWithId>(actorId: number | null, entity: string, table: T, values: T['$inferInsert'], db: Db = this.db): T['$inferSelect'] {
    return db.transaction((tx) => {
      const row = tx.insert(table).values(values).returning().get() as unknown as T['$inferSelect'] & { id: number };
      writeAudit(tx, this.clock, { userId: actorId, action: 'create', entity, entityId: row.id, after: row });
      return row;
    });
  }

  /**
   * Updates one row. On a table with a `version` column (the records users edit, issue 15) every
   * update adds 1 to it — background writes too, so a form's copy loaded before them is stale — and
   * with `expectedVersion` (a form's save: the version the user loaded) the row is changed only if it
   * still has that version; otherwise STALE_RECORD, nothing written (the caller adds the current values).
   */
  update<T extends TableWithId>(
    actorId: number | null,
    entity: string,
    table: T,
    id: number,
    patch: Partial<T['$inferInsert']>,
    db: Db = this.db,
    opts: { expectedVersion?: number } = {},
  ): T['$inferSelect'] {
    const version = (getTableColumns(table) as Record<string, SQLiteColumn | undefined>).version;
    return db.transaction((tx) => {
      const before = tx.select().from(table as SQLiteTable).where(eq(table.id, id)).get();
      if (!before) throw new AppError('NOT_FOUND');
      const prior = before as Record<string, unknown>;
      if (version && opts.expectedVersion !== undefined && prior.version !== opts.expectedVersion) throw new AppError('STALE_RECORD', { entity, id });
      // A save that changes nothing writes nothing: no audit row, and no new version that would
      // make every other open form of this record stale for no reason.
      if (!Object.keys(patch).some((k) => JSON.stringify(prior[k]) !== JSON.stringify((patch as Record<string, unknown>)[k]))) return before as T['$inferSelect'];
      const set = version ? { ...patch, version: sql`${version} + 1` } : patch;
      const match = version && opts.expectedVersion !== undefined ? and(eq(table.id, id), eq(version, opts.expectedVersion)) : eq(table.id, id);
      const after = tx.update(table).set(set).where(match).returning().get() as unknown as T['$inferSelect'] | undefined;
      if (!after) throw new AppError('STALE_RECORD', { entity, id });
      // Only the fields that changed are kept, so the log says what was done, not the whole row twice.
      // (The version is bookkeeping, not something a user changed: it stays out of the log.)
      const changed = Object.keys(patch).filter(
        (k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((after as Record<string, unknown>)[k]),
      );
      if (changed.length) {
        writeAudit(tx, this.clock, {
          userId: actorId,
          action: 'update',
          entity,
          entityId: id,
          before: Object.fromEntries(changed.map((k) => [k, (before as Record<string, unknown>)[k]])),
          after: Object.fromEntries(changed.map((k) => [k, (after as Record<string, unknown>)[k]])),
        });
      }
      return after;
    });
  }

  delete<T extends TableWithId>(actorId: number | null, entity: string, table: T, id: number, db: Db = this.db): void {
    db.transaction((tx) => {
      const before = tx.select().from(table as SQLiteTable).where(eq(table.id, id)).get();
      if (!before) throw new AppError('NOT_FOUND');
      tx.delete(table).where(eq(table.id, id)).run();
      writeAudit(tx, this.clock, { userId: actorId, action: 'delete', entity, entityId: id, before });
    });
  }
}
