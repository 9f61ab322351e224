import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, createdAt, updatedAt } from './columns';
import { users } from './auth';
import { customers } from './customers';

/**
 * One import of a file (系统管理 → 数据导入): a draft from the upload until the user starts it, then
 * running, done / cancelled / interrupted (the app stopped mid-import: the chunks committed before
 * stay, undo-able), and undone. Its file waits in <data>/imports/<id>.src until the import ends.
 */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: id(),
    kind: text({ enum: ['customers', 'opportunities', 'repairOrders'] }).notNull(),
    fileName: text().notNull(),
    /** The encoding the user chose for a CSV ('auto' = detected). */
    encoding: text().notNull().default('auto'),
    status: text({ enum: ['draft', 'running', 'done', 'cancelled', 'interrupted', 'failed', 'undone'] }).notNull(),
    /** field → column index, as used to run the import. */
    mapping: text({ mode: 'json' }),
    /** What a row matching an existing customer does: skip, fill the empty fields, or create anyway. */
    matchMode: text({ enum: ['skip', 'updateEmpty', 'create'] }),
    defaultOwnerId: integer().references(() => users.id),
    rowsTotal: integer().notNull().default(0),
    rowsDone: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    skipped: integer().notNull().default(0),
    bad: integer().notNull().default(0),
    error: text(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    startedAt: integer(),
    finishedAt: integer(),
    undoneAt: integer(),
    undoneBy: integer().references(() => users.id),
  },
  (t) => [index('import_batches_created_idx').on(t.createdAt)],
);

/**
 * What one import row did to one customer, so the whole import can be undone: created (the customer, its
 * phones and vehicles are deleted) or updated (the fields it filled are emptied again, the phones and
 * vehicles it added deleted), or attached (an opportunity or a repair order added to a customer already
 * here: `records` names them). `version` is the customer's version right after the import wrote it:
 * a different one now means someone changed the record since, and undo refuses rather than lose that.
 */
export const importBatchRows = sqliteTable(
  'import_batch_rows',
  {
    id: id(),
    batchId: integer()
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    action: text({ enum: ['created', 'updated', 'attached'] }).notNull(),
    version: integer().notNull(),
    /** updated: the fields filled, with their value before (always empty). */
    before: text({ mode: 'json' }),
    phoneIds: text({ mode: 'json' }).$type<number[]>().notNull(),
    vehicleIds: text({ mode: 'json' }).$type<number[]>().notNull(),
    /** The opportunity (with its planned follow-up) or the repair order the row wrote, and what it changed (kinds.ts TrailRecords). */
    records: text({ mode: 'json' }),
    /** The file's row number: where the record came from. */
    fileRow: integer().notNull(),
  },
  (t) => [index('import_batch_rows_batch_idx').on(t.batchId), index('import_batch_rows_customer_idx').on(t.customerId)],
);

/** A named column mapping saved for the next file of the same kind (the DMS's export, the group's sheet). */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    id: id(),
    kind: text().notNull(),
    name: text().notNull(),
    /** field → the header text it was taken from: matched again by name in the next file. */
    columns: text({ mode: 'json' }).$type<Record<string, string>>().notNull(),
    createdBy: integer().references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('import_mappings_kind_name_uq').on(t.kind, t.name)],
);
