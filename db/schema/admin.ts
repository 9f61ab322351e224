import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, createdAt, updatedAt, flag } from './columns';
import { users } from './auth';

/** Every change to business data: who, when, what, before and after (JSON). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    at: integer().notNull(),
    userId: integer(),
    action: text().notNull(), // create | update | delete | export | login | ...
    entity: text().notNull(),
    entityId: text(),
    before: text({ mode: 'json' }),
    after: text({ mode: 'json' }),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_at_idx').on(t.at),
    // Exports only (审核自查 check 8): the log grows with every change, exports are few.
    index('audit_export_at_idx').on(t.at).where(sql`action = 'export'`),
  ],
);

/** Dictionaries: reasons, sources, models, brands, colours, complaint categories ... */
export const dictionaries = sqliteTable(
  'dictionaries',
  {
    id: id(),
    kind: text().notNull(),
    code: text().notNull(),
    labelZh: text().notNull(),
    labelEn: text().notNull(),
    sort: integer().notNull().default(0),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    extra: text({ mode: 'json' }),
  },
  (t) => [uniqueIndex('dict_kind_code_uq').on(t.kind, t.code)],
);

/** Key/value settings (idle lock minutes, session timeout, dealer name, time zone ...). */
export const settings = sqliteTable('settings', {
  key: text().primaryKey(),
  value: text({ mode: 'json' }).notNull(),
  updatedAt: updatedAt(),
});

/** A named personal grid view (columns, sort, filter, grouping), optionally shared with a role. */
export const gridViews = sqliteTable(
  'grid_views',
  {
    id: id(),
    ownerId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    dataset: text().notNull(),
    name: text().notNull(),
    state: text({ mode: 'json' }).notNull(),
    isDefault: flag(),
    sharedWithRole: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('grid_views_owner_idx').on(t.ownerId, t.dataset)],
);

/** In-app notifications (a manager's comment, an escalated task). */
export const notifications = sqliteTable(
  'notifications',
  {
    id: id(),
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    title: text().notNull(),
    body: text(),
    refType: text(),
    refId: integer(),
    createdAt: createdAt(),
    readAt: integer(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);
