import { z } from 'zod';
import { method, returns } from './contract';

/**
 * 系统管理 → 数据字典: the administrator's lists behind the drop-downs (客户来源, 车型, 品牌, 放弃原因,
 * 投诉类别 …). Codes are what records store, so a code never changes once made and an item is
 * retired (停用: no longer offered, old records keep their label) rather than deleted.
 */
export interface DictionaryKindRow {
  kind: string;
  /** Items in the list, and how many are offered (active). */
  items: number;
  active: number;
  /** Its codes are fixed by the program (activity types): labels and order may change, nothing else. */
  fixedCodes: boolean;
}

/**
 * A model's service intervals (车型 only): 首保 at firstKm or firstMonths after delivery, whichever
 * comes first, then every km or months after the last service. null: the program's defaults
 * (FAW-VW: 5,000 km / 6 months, then 7,500 km / 12 months; ID. models 15,000 km / 12 months).
 */
export interface ServiceIntervals {
  firstKm: number;
  firstMonths: number;
  km: number;
  months: number;
}
export const serviceIntervalsSchema = z
  .object({
    firstKm: z.number().int().min(500).max(100_000),
    firstMonths: z.number().int().min(1).max(60),
    km: z.number().int().min(500).max(100_000),
    months: z.number().int().min(1).max(60),
  })
  .strict();

export interface DictionaryEntryRow {
  id: number;
  kind: string;
  code: string;
  zh: string;
  en: string;
  sort: number;
  active: boolean;
  /** 车型: its service intervals when set here. */
  intervals: ServiceIntervals | null;
}

/** Kinds whose codes the program itself checks against a fixed list (activities.type). */
export const FIXED_CODE_KINDS: readonly string[] = ['activity_type'];

/** A code: what records store. Lower-case letters, digits and _; the first a letter. */
export const dictionaryCodeSchema = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/);
const kindSchema = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/);
const labelSchema = z.string().trim().min(1).max(60);

export const dictionaryEntryInputSchema = z
  .object({
    kind: kindSchema,
    code: dictionaryCodeSchema,
    zh: labelSchema,
    en: labelSchema,
    sort: z.number().int().min(0).max(9999),
    active: z.boolean(),
    /** 车型 only: its service intervals; null = the program's defaults. */
    intervals: serviceIntervalsSchema.nullable().optional(),
  })
  .strict();

const admin = ['admin'] as const;

export const dictionariesApi = {
  /** Every list with its counts, for the left-hand list of 数据字典. */
  'admin.dictionaries.kinds': method({ input: z.object({}).strict(), access: admin, output: returns<DictionaryKindRow[]>() }),
  /** One item with everything the edit form shows (a model's service intervals). */
  'admin.dictionaries.get': method({ input: z.object({ id: z.number().int().positive() }).strict(), access: admin, output: returns<DictionaryEntryRow>() }),
  /** A new item of a list (its code not used in that list yet): CONFLICT otherwise. */
  'admin.dictionaries.create': method({ input: dictionaryEntryInputSchema, access: admin, output: returns<DictionaryEntryRow>() }),
  /** An item's labels, order and whether it is offered; its code and list never change. */
  'admin.dictionaries.update': method({
    input: dictionaryEntryInputSchema.omit({ kind: true, code: true }).extend({ id: z.number().int().positive() }).strict(),
    access: admin,
    output: returns<DictionaryEntryRow>(),
  }),
} as const;
