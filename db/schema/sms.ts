import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, index } from 'drizzle-orm/sqlite-core';
import { id, createdAt, updatedAt } from './columns';
import { users } from './auth';
import { customers } from './customers';

export const smsTemplates = sqliteTable('sms_templates', {
  id: id(),
  name: text().notNull(),
  body: text().notNull(),
  category: text(),
  // 服务通知 (appointments, reminders: sent without consent) or 营销 (campaigns: only to customers who
  // gave consent, reference/003). Templates from before the choice existed are 营销 until an admin
  // marks them: a campaign must never go out by default.
  purpose: text({ enum: ['service', 'marketing'] }).notNull().default('marketing'),
  active: integer({ mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const smsBatches = sqliteTable(
  'sms_batches',
  {
    id: id(),
    createdBy: integer().references(() => users.id),
    templateId: integer().references(() => smsTemplates.id),
    body: text().notNull(),
    channel: text({ enum: ['smpp', 'modem'] }).notNull(),
    scheduledAt: integer(),
    status: text({ enum: ['draft', 'scheduled', 'sending', 'paused', 'done', 'cancelled'] }).notNull(),
    leftOutDnd: integer().notNull().default(0),
    leftOutDuplicate: integer().notNull().default(0),
    leftOutOptOut: integer().notNull().default(0),
    leftOutNoMobile: integer().notNull().default(0),
    /** 营销 or 服务通知 (sms_templates.purpose); batches from before the choice were service notices. */
    purpose: text({ enum: ['service', 'marketing'] }).notNull().default('service'),
    /** A 营销 batch: customers (and typed numbers) without consent given, left out. */
    leftOutNoConsent: integer().notNull().default(0),
    /** When sending started (a scheduled batch can be edited or cancelled until then). */
    startedAt: integer(),
    finishedAt: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sms_batches_status_idx').on(t.status, t.scheduledAt)],
);

/** The durable outbox: every message is a row before it is sent. */
export const smsMessages = sqliteTable(
  'sms_messages',
  {
    id: id(),
    batchId: integer().references(() => smsBatches.id),
    customerId: integer().references(() => customers.id),
    number: text().notNull(),
    text: text().notNull(),
    parts: integer().notNull(),
    status: text({ enum: ['queued', 'submitting', 'submitted', 'delivered', 'failed', 'unknown'] }).notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    messageId: text(),
    /**
     * The concatenation UDH reference (0–255) of a long message, fixed when it is first claimed:
     * parts sent again after a drop, a crash or 重发 carry the same one, so the handset joins them
     * with the parts it already has.
     */
    concatRef: integer(),
    /**
     * How the text was cut when first sent: encoding, part count and a hash of the parts. Sending
     * the rest of a message is refused when the text now cuts differently (see outbox claim).
     */
    partsDigest: text(),
    submittedAt: integer(),
    deliveredAt: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('sms_messages_batch_idx').on(t.batchId, t.status),
    index('sms_messages_customer_idx').on(t.customerId),
    index('sms_messages_message_id_idx').on(t.messageId),
  ],
);

/**
 * The gateway's id of every part of a concatenated message: a delivery receipt names one part,
 * and any part may fail on its own. A row is written the moment the gateway accepts that part
 * (its submit_sm_resp), so a row means "accepted, never send this part again".
 */
export const smsParts = sqliteTable(
  'sms_parts',
  {
    id: id(),
    messageId: integer()
      .notNull()
      .references(() => smsMessages.id, { onDelete: 'cascade' }),
    partNo: integer().notNull(),
    gatewayId: text().notNull(),
    status: text({ enum: ['submitted', 'delivered', 'failed'] }).notNull().default('submitted'),
  },
  (t) => [index('sms_parts_gateway_idx').on(t.gatewayId), index('sms_parts_message_idx').on(t.messageId)],
);

/** Channel settings (one row per channel). The SMPP password is encrypted at rest (AES-GCM). */
export const smsChannels = sqliteTable('sms_channels', {
  kind: text({ enum: ['smpp', 'modem'] }).primaryKey(),
  enabled: integer({ mode: 'boolean' }).notNull().default(false),
  /** JSON: smpp {host, port, systemId, systemType, sourceAddr, windowSize}; modem {path, baudRate}. */
  config: text({ mode: 'json' }).notNull(),
  passwordEnc: text(),
  ratePerSecond: real().notNull(),
  updatedAt: updatedAt(),
});

export const smsInbound = sqliteTable(
  'sms_inbound',
  {
    id: id(),
    number: text().notNull(),
    text: text().notNull(),
    customerId: integer().references(() => customers.id),
    optOut: integer({ mode: 'boolean' }).notNull().default(false),
    receivedAt: integer().notNull(),
  },
  (t) => [index('sms_inbound_number_idx').on(t.number), index('sms_inbound_customer_idx').on(t.customerId).where(sql`customer_id IS NOT NULL`)],
);

export const smsOptOuts = sqliteTable('sms_opt_outs', {
  number: text().primaryKey(),
  source: text().notNull(),
  createdAt: createdAt(),
});
