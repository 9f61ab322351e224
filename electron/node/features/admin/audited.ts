import { eq } from 'drizzle-orm';
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

  update<T extends TableWithId>(
    actorId: number | null,
    entity: string,
    table: T,
    id: number,
    patch: Partial<T['$inferInsert']>,
    db: Db = this.db,
  ): T['$inferSelect'] {
    return db.transaction((tx) => {
      const before = tx.select().from(table as SQLiteTable).where(eq(table.id, id)).get();
      if (!before) throw new AppError('NOT_FOUND');
      const after = tx.update(table).set(patch).where(eq(table.id, id)).returning().get() as unknown as T['$inferSelect'];
      // Only the fields that changed are kept, so the log says what was done, not the whole row twice.
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
