/** SMS: batches, templates, channels (issue 9). */
import { z } from 'zod';
import { MANAGER_ROLES, rolesWithModule } from '../roles';
import { method, returns } from './contract';

/** The 短信平台 module's roles (a service advisor has none). */
export const SMS_ROLES = rolesWithModule('sms');
import { gridSelectionQuerySchema } from './grid';

export const SMS_CHANNELS = ['smpp', 'modem'] as const;
/**
 * 服务通知 (an appointment, a reminder: sent without consent) or 营销 (a campaign: only to customers
 * who gave consent, reference/003). A template carries its own; a text typed without one is what the
 * sender picks (service by default: the one-click message to a customer is mostly "your car is ready").
 */
export const SMS_PURPOSES = ['service', 'marketing'] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];
export type SmsChannelKind = (typeof SMS_CHANNELS)[number];

export interface SmsBatchProgress {
  batchId: number;
  status: string;
  total: number;
  queued: number;
  submitting: number;
  submitted: number;
  delivered: number;
  failed: number;
  unknown: number;
  /** The gateway said "too fast" in the last seconds: sending slowed down by itself (网关限流). */
  gatewayThrottled?: boolean;
}

/**
 * Who a message goes to: customers by id (selected rows, the card, a task), every row matching a
 * grid's query ("all N matching the filter", resolved on the server page by page), and numbers
 * typed or pasted (one per line). Merge values a list knows better (the 到期日 of a reminder row)
 * may be given per customer.
 */
export const smsAudienceSchema = z
  .object({
    customerIds: z.array(z.number().int().positive()).max(10_000).default([]),
    grid: z.object({ query: gridSelectionQuerySchema, expectedCount: z.number().int().min(0) }).strict().nullable().default(null),
    /**
     * Ticked rows of a list whose rows are not customers (a reminder list's vehicles, tasks): the
     * list's query and the row ids; the server maps them to customers through the list's
     * customerId column, within the list's own rules and the user's visibility.
     */
    rows: z.object({ query: gridSelectionQuerySchema, ids: z.array(z.number().int().positive()).min(1).max(10_000) }).strict().nullable().default(null),
    manualNumbers: z.string().max(200_000).default(''),
    values: z.record(z.string(), z.record(z.string(), z.string().max(200))).default({}),
  })
  .strict();

const messageSchema = z
  .object({
    templateId: z.number().int().positive().nullable().default(null),
    body: z.string().max(2000),
    channel: z.enum(SMS_CHANNELS).default('smpp'),
    /** What the text is for; a 营销 template makes the batch 营销 whatever is picked here. */
    purpose: z.enum(SMS_PURPOSES).default('service'),
  })
  .strict();

export const smsSendSchema = z
  .object({
    audience: smsAudienceSchema,
    message: messageSchema,
    /** Epoch ms; null = now. */
    scheduledAt: z.number().int().positive().nullable().default(null),
  })
  .strict();
export type SmsSendInput = z.input<typeof smsSendSchema>;

export interface SmsSample {
  customerId: number | null;
  name: string | null;
  number: string;
  text: string;
  chars: number;
  parts: number;
  encoding: 'gsm7' | 'ucs2';
  missing: string[];
}

export interface SmsPreview {
  /** Messages that will be sent. */
  sendable: number;
  leftOut: { dnd: number; optOut: number; duplicate: number; noMobile: number; noConsent: number };
  /** The batch's purpose as the server takes it (a 营销 template wins over the picked one). */
  purpose: SmsPurpose;
  invalidNumbers: { raw: string; line: number; error: string }[];
  /** Recipients whose template fields are missing (not sent; listed in the batch as failed). */
  missingCount: number;
  missing: { customerId: number | null; name: string | null; number: string; fields: string[] }[];
  /** Over 10 parts (not sent). */
  tooLong: number;
  samples: SmsSample[];
  /** The largest message: characters and parts (what the counter shows). */
  maxChars: number;
  maxParts: number;
}

export interface SmsSendResult extends SmsPreview {
  batchId: number;
  status: string;
}

export interface SmsBatchRow extends SmsBatchProgress {
  body: string;
  channel: SmsChannelKind;
  scheduledAt: number | null;
  createdAt: number;
  createdByName: string | null;
  leftOutDnd: number;
  leftOutOptOut: number;
  leftOutDuplicate: number;
  leftOutNoMobile: number;
  purpose: SmsPurpose;
  leftOutNoConsent: number;
}

export interface SmsMessageRow {
  id: number;
  batchId: number | null;
  customerId: number | null;
  customerName: string | null;
  number: string;
  text: string;
  parts: number;
  status: string;
  attempts: number;
  lastError: string | null;
  submittedAt: number | null;
  deliveredAt: number | null;
  createdAt: number;
}

export interface SmsTemplateRow {
  id: number;
  name: string;
  body: string;
  category: string | null;
  purpose: SmsPurpose;
  active: boolean;
  updatedAt: number;
}

export interface SmsChannelSettings {
  smpp: { enabled: boolean; host: string; port: number; systemId: string; sourceAddr: string; hasPassword: boolean; ratePerSecond: number; windowSize: number };
  modem: { enabled: boolean; path: string; baudRate: number; ratePerSecond: number };
  signature: string;
}

export interface SmsChannelStatus {
  smpp: { state: string; error: string | null };
  modem: { state: string; error: string | null; signal: number | null; sim: string | null };
}

const batchId = z.object({ batchId: z.number().int().positive() }).strict();
const ADMINS = ['admin', 'generalManager'] as const;

export const smsApi = {
  /** What a send would do: counts left out by reason, invalid numbers, missing fields, samples. */
  'sms.preview': method({ input: smsSendSchema, access: SMS_ROLES, output: returns<SmsPreview>() }),
  'sms.send': method({ input: smsSendSchema, access: SMS_ROLES, output: returns<SmsSendResult>() }),
  'sms.batches': method({
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access: SMS_ROLES,
    output: returns<SmsBatchRow[]>(),
  }),
  'sms.batch': method({ input: batchId, access: SMS_ROLES, output: returns<{ batch: SmsBatchRow; problems: SmsMessageRow[] }>() }),
  'sms.batch.pause': method({ input: batchId, access: SMS_ROLES, output: returns<SmsBatchProgress>() }),
  'sms.batch.resume': method({ input: batchId, access: SMS_ROLES, output: returns<SmsBatchProgress>() }),
  'sms.batch.cancel': method({ input: batchId, access: SMS_ROLES, output: returns<SmsBatchProgress>() }),
  /** A scheduled batch's time, until it starts. */
  'sms.batch.reschedule': method({
    input: z.object({ batchId: z.number().int().positive(), scheduledAt: z.number().int().positive() }).strict(),
    access: SMS_ROLES,
    output: returns<SmsBatchProgress>(),
  }),
  /** A scheduled batch's text and time, until it starts (same recipients, merged again). */
  'sms.batch.edit': method({
    input: z
      .object({
        batchId: z.number().int().positive(),
        body: z.string().max(2000),
        templateId: z.number().int().positive().nullable().default(null),
        scheduledAt: z.number().int().positive(),
      })
      .strict(),
    access: SMS_ROLES,
    output: returns<SmsSendResult>(),
  }),
  /** Failed messages (and, when asked, those marked unknown) go out again. */
  'sms.batch.resend': method({
    input: z.object({ batchId: z.number().int().positive(), includeUnknown: z.boolean().default(false) }).strict(),
    access: SMS_ROLES,
    output: returns<{ requeued: number }>(),
  }),
  'sms.customerHistory': method({
    input: z.object({ customerId: z.number().int().positive() }).strict(),
    access: SMS_ROLES,
    output: returns<SmsMessageRow[]>(),
  }),
  'sms.templates': method({ input: z.object({ activeOnly: z.boolean().default(false) }).strict(), access: SMS_ROLES, output: returns<SmsTemplateRow[]>() }),
  'sms.template.save': method({
    input: z
      .object({
        id: z.number().int().positive().nullable().default(null),
        name: z.string().trim().min(1).max(60),
        body: z.string().max(2000),
        category: z.string().max(40).nullable().default(null),
        /** 服务通知 / 营销; a new template without it is 营销 (never a campaign without consent by default), a saved one keeps its own. */
        purpose: z.enum(SMS_PURPOSES).optional(),
        active: z.boolean().default(true),
      })
      .strict(),
    access: MANAGER_ROLES,
    output: returns<SmsTemplateRow>(),
  }),
  'sms.settings': method({ input: z.object({}).strict(), access: [...ADMINS], output: returns<SmsChannelSettings>() }),
  'sms.settings.save': method({
    input: z
      .object({
        smpp: z
          .object({
            enabled: z.boolean(),
            host: z.string().trim().max(200),
            port: z.number().int().min(1).max(65535),
            systemId: z.string().trim().max(16),
            /** null = keep the stored password. */
            password: z.string().max(9).nullable(),
            sourceAddr: z.string().trim().max(21),
            ratePerSecond: z.number().min(0.1).max(5000),
            windowSize: z.number().int().min(1).max(500),
          })
          .strict(),
        modem: z
          .object({ enabled: z.boolean(), path: z.string().trim().max(200), baudRate: z.number().int().min(1200).max(921600), ratePerSecond: z.number().min(0.01).max(10) })
          .strict(),
        signature: z.string().trim().max(20),
      })
      .strict(),
    access: [...ADMINS],
    output: returns<SmsChannelSettings>(),
  }),
  /** Channel state, modem signal quality and SIM status (for the settings screen). */
  'sms.status': method({ input: z.object({}).strict(), access: SMS_ROLES, output: returns<SmsChannelStatus>() }),
} as const;
