import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { id, createdAt, flag } from './columns';
import { users } from './auth';
import { customers } from './customers';
import { seats } from './seats';

export const calls = sqliteTable(
  'calls',
  {
    id: id(),
    direction: text({ enum: ['inbound', 'outbound'] }).notNull(),
    fromNumber: text(),
    toNumber: text(),
    extension: text(),
    userId: integer().references(() => users.id),
    customerId: integer().references(() => customers.id),
    taskId: integer(),
    sipCallId: text(),
    startedAt: integer().notNull(),
    answeredAt: integer(),
    endedAt: integer(),
    durationS: integer(),
    outcome: text(), // answered | missed | busy | failed | declined | <business outcome>
    // The LAN seat whose session started the call (issue 15), null on the host itself: that seat's
    // own credential may upload the call's recording when its user has logged out.
    seatId: integer().references(() => seats.id),
  },
  (t) => [
    // Covering for 呼叫中心 (issue 17: ~73,000 calls a month at 1M customers): a period's calls by
    // agent, hour, direction, answered, ring and talk time and outcome without reading the rows; the
    // customer for the call-back check. Every other reader of a time range (recordings, missed calls) too.
    index('calls_started_idx').on(t.startedAt, t.direction, t.answeredAt, t.userId, t.durationS, t.outcome, t.customerId),
    // A customer's calls in time order: the card's call list, and whether a missed call was called back.
    index('calls_customer_idx').on(t.customerId, t.startedAt),
    index('calls_extension_idx').on(t.extension, t.startedAt),
  ],
);

export const recordings = sqliteTable(
  'recordings',
  {
    id: id(),
    callId: integer().notNull().references(() => calls.id),
    customerId: integer().references(() => customers.id),
    path: text().notNull(), // relative to the data folder
    mime: text().notNull(),
    sizeBytes: integer().notNull().default(0),
    durationMs: integer(),
    complete: flag(),
    createdAt: createdAt(),
    deletedAt: integer(),
    /**
     * Set while a client seat is uploading the recording it spooled (issue 15, 上传中): the SHA-256
     * (hex) the seat declared for the whole file. The bytes arrive in `<path>.part`; only when the
     * size and this hash match is the file moved to `path` and this cleared. Null otherwise.
     */
    uploadSha256: text(),
  },
  (t) => [index('recordings_call_idx').on(t.callId), index('recordings_created_idx').on(t.createdAt), index('recordings_customer_idx').on(t.customerId).where(sql`customer_id IS NOT NULL`)],
);

/** Per-seat softphone settings. The SIP password is encrypted at rest (AES-GCM, key in the data folder). */
export const softphoneSettings = sqliteTable('softphone_settings', {
  userId: integer().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  wsUrl: text().notNull(),
  extension: text().notNull(),
  authUser: text().notNull(),
  passwordEnc: text(),
  displayName: text(),
  autoAnswer: flag(),
  popOn: text({ enum: ['ring', 'answer'] }).notNull().default('answer'),
  recordingPolicy: text({ enum: ['all', 'inbound', 'outbound', 'none'] }).notNull().default('all'),
  outsidePrefix: text(),
});
