import { z } from 'zod';
import { method, returns } from './contract';
import type { Role } from '../roles';
import { SCOPES, gridSelectionSchema, type Dataset, type Scope } from './grid';

/**
 * 提醒服务: the reminder lists of the customer-service agents (首保, 常规保养, 专项保养, the four
 * expiries of 客户关怀, 流失预警, 生日), each for a date range chosen on screen ("查看").
 */
/** 提醒服务's screen roles: the reminder lists, their tasks and churn records. */
export const REMINDER_ROLES: readonly Role[] = ['serviceAgent', 'serviceManager', 'generalManager', 'admin'];

/** 首保: due this many days after purchase (首保提醒 lists cars bought around then, ± 7 days by default; 售后 / 客服's 首保回厂率 counts from it). */
export const FIRST_SERVICE_DAYS = 90;

export const REMINDER_KINDS = [
  'first_service',
  'regular_service',
  'mileage_service',
  'expiry_insurance',
  'expiry_membership',
  'expiry_inspection',
  'expiry_licence',
  'churn',
  'birthday',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Each reminder list is a DataGrid data set with its rule pinned as a preset (reminderPreset). */
export const REMINDER_DATASETS = {
  first_service: 'reminderFirstService',
  regular_service: 'reminderRegularService',
  mileage_service: 'reminderMileageService',
  expiry_insurance: 'reminderExpiryInsurance',
  expiry_membership: 'reminderExpiryMembership',
  expiry_inspection: 'reminderExpiryInspection',
  expiry_licence: 'reminderExpiryLicence',
  churn: 'reminderChurn',
  birthday: 'reminderBirthday',
} as const satisfies Record<ReminderKind, Dataset>;

/**
 * The grid preset of a reminder list: its rule with the "查看" parameters — 'rule' (the list's
 * default range) or 'rule:<from>~<to>' (专项保养: 'rule:<kmFrom>~<kmTo>'). The rule decides which
 * rows qualify (DND left out); the grid sorts, filters and groups within them.
 */
export function reminderPreset(kind: ReminderKind, p: { from?: string; to?: string; kmFrom?: number; kmTo?: number }): string {
  if (kind === 'mileage_service') return p.kmFrom != null && p.kmTo != null ? `rule:${p.kmFrom}~${p.kmTo}` : 'rule';
  return p.from && p.to ? `rule:${p.from}~${p.to}` : 'rule';
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const reminderQuerySchema = z
  .object({
    kind: z.enum(REMINDER_KINDS),
    /** Inclusive calendar days in the dealer's time zone; defaults per kind when omitted. */
    from: day.optional(),
    to: day.optional(),
    scope: z.enum(SCOPES).optional(),
    /** 专项保养 only: the estimated-mileage band in km (default 78,000–82,000). */
    kmFrom: z.number().int().min(0).max(2_000_000).optional(),
    kmTo: z.number().int().min(0).max(2_000_000).optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ReminderQuery = z.input<typeof reminderQuerySchema>;

/** One row of a reminder list: a customer and (except birthdays) one of their vehicles. */
export interface ReminderRow {
  customerId: number;
  customerName: string;
  phone: string | null;
  vehicleId: number | null;
  plate: string | null;
  model: string | null;
  /** The date the row is about (purchase, next service, expiry, last service, birthday). */
  date: string | null;
  /** Estimated current mileage (专项保养) or service visits here (流失预警). */
  figure: number | null;
  lastServiceDate: string | null;
}

export interface ReminderList {
  kind: ReminderKind;
  from: string;
  to: string;
  today: string;
  rows: ReminderRow[];
  total: number;
  /** Customers that qualify but are 免打扰 (DND): left out of rows and total, counted here. */
  leftOutDnd: number;
}

export interface ReminderTasksResult {
  created: number;
  /** Already made for the same customer / vehicle / due day (the list turned into tasks twice). */
  existing: number;
  /** 专项保养 / 流失预警: the customer already holds an open task of this kind (made on an earlier day). */
  skippedOpen: number;
  leftOutDnd: number;
}

export interface ChurnRecordRow {
  id: number;
  customerId: number;
  vehicleId: number | null;
  reason: string;
  note: string | null;
  userName: string | null;
  createdAt: number;
}

export const remindersApi = {
  'reminders.list': method({ input: reminderQuerySchema, access: REMINDER_ROLES, output: returns<ReminderList>() }),
  /** Turns the whole list (every qualifying, non-DND row, not only the page) into agents' tasks. */
  'reminders.toTasks': method({
    input: reminderQuerySchema
      .omit({ offset: true, limit: true })
      .extend({
        assigneeId: z.number().int().positive().nullable().default(null),
        /**
         * Only these rows of the list: the grid's selection (row ids = vehicle ids, birthdays:
         * customer ids) or "all N matching" the grid's query on the list's data set and preset.
         * Without it: the whole list.
         */
        selection: gridSelectionSchema.optional(),
      })
      .strict(),
    access: REMINDER_ROLES,
    output: returns<ReminderTasksResult>(),
  }),
  'churn.record': method({
    input: z
      .object({
        customerId: z.number().int().positive(),
        vehicleId: z.number().int().positive().nullable().default(null),
        reason: z.string().max(64), // empty → the service's own message (pick from the list)
        note: z.string().max(2000).nullable().default(null),
      })
      .strict(),
    access: REMINDER_ROLES,
    output: returns<{ id: number }>(),
  }),
  'churn.records': method({
    input: z.object({ customerId: z.number().int().positive() }).strict(),
    access: REMINDER_ROLES,
    output: returns<ChurnRecordRow[]>(),
  }),
  'vehicles.recomputeNextService': method({
    input: z.object({ vehicleId: z.number().int().positive() }).strict(),
    access: ['serviceAgent', 'serviceManager', 'serviceAdvisor', 'generalManager', 'admin'],
    output: returns<{ vehicleId: number; nextServiceDate: string | null }>(),
  }),
} as const;

export type { Scope };
