import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { customers } from './customers';

/**
 * 客户去重: the groups of customers the last duplicate scan found (same normalised phone, same ID
 * number, same name with a phone one digit apart). The scan reads the whole customer base (seconds
 * at 1M), so it runs in the background (nightly and on 重新查找) and the screen pages this table.
 */
export const duplicateGroups = sqliteTable(
  'duplicate_groups',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    rule: text({ enum: ['phone', 'idNumber', 'nameSimilarPhone'] }).notNull(),
    /** What the members share: the phone, the ID number, or the name. */
    key: text().notNull(),
    size: integer().notNull(),
    foundAt: integer().notNull(),
  },
  (t) => [index('duplicate_groups_rule_idx').on(t.rule, t.id)],
);

export const duplicateMembers = sqliteTable(
  'duplicate_members',
  {
    groupId: integer()
      .notNull()
      .references(() => duplicateGroups.id, { onDelete: 'cascade' }),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.customerId] }), index('duplicate_members_customer_idx').on(t.customerId)],
);

/** 不是重复: a group someone looked at and kept apart; the scan does not suggest the same members again. */
export const duplicateDismissals = sqliteTable(
  'duplicate_dismissals',
  {
    rule: text().notNull(),
    key: text().notNull(),
    /** The member ids, sorted, comma-separated. */
    members: text().notNull(),
    dismissedAt: integer().notNull(),
    dismissedBy: integer().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.rule, t.key, t.members] })],
);

/**
 * A merge: the merged-away customer's id and the customer it went into, so the old id still
 * resolves (a link, an audit entry, a screen left open) and the merge can be read back. The merged
 * customer's row is gone; its profile as it was is in `snapshot` (and in the audit log).
 */
export const customerMerges = sqliteTable(
  'customer_merges',
  {
    mergedId: integer().primaryKey(),
    keptId: integer()
      .notNull()
      .references(() => customers.id),
    mergedAt: integer().notNull(),
    mergedBy: integer().references(() => users.id),
    snapshot: text({ mode: 'json' }),
  },
  (t) => [index('customer_merges_kept_idx').on(t.keptId)],
);
