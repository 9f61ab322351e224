import { z } from 'zod';
import { MANAGER_ROLES } from '../roles';
import { method, returns } from './contract';

/**
 * 客户去重: the duplicate groups the last scan found (same phone, same ID number, same name with a
 * phone one digit apart), side by side, and the merge of two customers into one with every record
 * moving to the kept one. Managers and the administrator, within the customers they may see;
 * customers of two owners need 'customers.reassign'.
 */
export const DUPLICATE_RULES = ['phone', 'idNumber', 'nameSimilarPhone'] as const;
export type DuplicateRuleCode = (typeof DUPLICATE_RULES)[number];

/** The profile fields the user picks between in a merge. */
export const MERGE_FIELDS = ['name', 'kind', 'gender', 'idNumber', 'birthday', 'province', 'city', 'address', 'email', 'wechat', 'source', 'occupation', 'ownerId'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** The records the merge screen counts per customer (what would move), in the order it lists them. */
export const MERGE_RECORD_TABLES = ['vehicles', 'opportunities', 'activities', 'showroom_visits', 'service_visits', 'revisits', 'calls', 'sms_messages', 'complaints', 'tasks', 'appointments'] as const;
export type MergeRecordTable = (typeof MERGE_RECORD_TABLES)[number];

/** A field with no real answer ('other' is the form's "unknown"): a merge takes the other customer's value for it unless told otherwise. */
export const isBlankMergeValue = (v: unknown): boolean => v === null || v === undefined || v === '' || v === 'other';

export interface DuplicateMember {
  id: number;
  name: string;
  phone: string | null;
  idNumber: string | null;
  ownerName: string | null;
  vehicles: number;
  createdAt: number;
}

export interface DuplicateGroup {
  id: number;
  rule: DuplicateRuleCode;
  key: string;
  members: DuplicateMember[];
}

export interface DedupeStatus {
  scanning: boolean;
  lastScanAt: number | null;
  groups: number;
}

/** One customer as the merge screen shows it: its fields, numbers, and how many records of each kind would move. */
export interface MergeSide {
  id: number;
  version: number;
  fields: Record<MergeField, string | number | null>;
  ownerName: string | null;
  phones: string[];
  vins: string[];
  records: Record<MergeRecordTable, number>;
}

export interface MergeInput {
  keptId: number;
  mergedId: number;
  keptVersion: number;
  mergedVersion: number;
  pick: Partial<Record<MergeField, 'kept' | 'merged'>>;
}

export interface MergeResult {
  keptId: number;
  mergedId: number;
  /** Rows moved per table (customer_phones_dropped: numbers the kept customer already had). */
  moved: Record<string, number>;
  changed: string[];
}

const access = MANAGER_ROLES;
const id = z.number().int().positive();

export const dedupeApi = {
  'dedupe.status': method({ input: z.object({}).strict(), access, output: returns<DedupeStatus>() }),
  /** 重新查找: scans the whole customer base in the background; answers at once with scanning = true. */
  'dedupe.scan': method({ input: z.object({}).strict(), access, output: returns<DedupeStatus>() }),
  /** The groups of the last scan with at least two customers the user may see, a page at a time. */
  'dedupe.groups': method({
    input: z.object({ rule: z.enum(DUPLICATE_RULES).optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access,
    output: returns<{ total: number; rows: DuplicateGroup[] }>(),
  }),
  /** Two customers side by side for the merge screen. */
  'dedupe.compare': method({ input: z.object({ keptId: id, mergedId: id }).strict(), access, output: returns<{ kept: MergeSide; merged: MergeSide }>() }),
  'dedupe.merge': method({
    input: z
      .object({
        keptId: id,
        mergedId: id,
        keptVersion: z.number().int().min(0),
        mergedVersion: z.number().int().min(0),
        pick: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['kept', 'merged'])).default({}),
      })
      .strict(),
    access,
    output: returns<MergeResult>(),
  }),
  /** 不是重复: the group is dropped and not suggested again while its members stay the same. */
  'dedupe.dismiss': method({ input: z.object({ groupId: id }).strict(), access, output: returns<{ ok: true }>() }),
} as const;
