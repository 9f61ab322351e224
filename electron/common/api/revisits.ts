import { z } from 'zod';
import { method, returns } from './contract';
import type { Role } from '../roles';
import { SCOPES, gridSelectionSchema, type Dataset } from './grid';
import { enumCodes } from '../i18n/enum-options';
import { REVISIT_RESULT } from './revisits-texts';

/** Who works on revisits: the customer-service agents and their managers (and the general manager / admin). */
const SERVICE: readonly Role[] = ['serviceAgent', 'serviceManager', 'generalManager', 'admin'];
/** Who edits revisit templates. */
const TEMPLATE_EDITORS: readonly Role[] = ['serviceManager', 'admin'];

export const REVISIT_KINDS = ['sales', 'repair'] as const;
export type RevisitKind = (typeof REVISIT_KINDS)[number];
/** The tabs of a revisit list: 待回访 / 需再次回访 / 未接通 / 已回访. */
export const REVISIT_TABS = ['pending', 'again', 'unreachable', 'done'] as const;
export type RevisitTab = (typeof REVISIT_TABS)[number];
export const REVISIT_RESULTS = enumCodes(REVISIT_RESULT);
export type RevisitResult = (typeof REVISIT_RESULTS)[number];

/** Each revisit list is a DataGrid data set; the tab and range are its preset (revisitPreset). */
export const REVISIT_DATASETS = { sales: 'revisitSales', repair: 'revisitRepair' } as const satisfies Record<RevisitKind, Dataset>;

/** The grid preset of a revisit tab: 'pending' (the last 3 days) or 'pending:<from>~<to>'. */
export const revisitPreset = (tab: RevisitTab, from?: string, to?: string): string => (from && to ? `${tab}:${from}~${to}` : tab);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.number().int().positive();

export interface RevisitOption {
  label: string;
  score: number;
}
export interface RevisitQuestion {
  id: number;
  text: string;
  required: boolean;
  options: RevisitOption[];
}
export interface RevisitTemplate {
  id: number;
  name: string;
  kind: RevisitKind;
  active: boolean;
  used: boolean;
  questions: RevisitQuestion[];
}

/** One customer on a revisit list: the delivery or service visit the revisit is about. */
/** A revisit list's figures; its rows are the grid's (data sets revisitSales / revisitRepair). */
export interface RevisitList {
  from: string;
  to: string;
  /** Customers flagged 免打扰 (revisits) left out of this list. */
  excludedDnd: number;
  counts: Record<RevisitTab, number>;
}

export interface RevisitHistoryRow {
  id: number;
  kind: RevisitKind;
  status: 'open' | 'unreachable' | 'done';
  result: RevisitResult | null;
  score: number | null;
  needsRevisitAgain: boolean;
  reasons: string[];
  notes: string | null;
  agentName: string | null;
  at: number;
  answers: { question: string; answer: string | null; score: number | null }[];
}

export interface RevisitContext {
  kind: RevisitKind;
  eventId: number;
  customer: { id: number; name: string; phone: string | null; dndCall: boolean; dndSms: boolean; dndRevisit: boolean };
  vehicle: { id: number; plate: string | null; model: string; vin: string } | null;
  date: string;
  items: string | null;
  roNumber: string | null;
  templates: RevisitTemplate[];
  history: RevisitHistoryRow[];
}

export interface LowScoreTaskRow {
  id: number;
  customerId: number;
  customerName: string;
  phone: string | null;
  dueDate: string;
  status: string;
  reason: string | null;
  refId: number | null;
  assigneeName: string | null;
  overdue: boolean;
  /** The task's version (issue 15): closing it sends this back as expectedVersion. */
  version: number;
}

const templateInput = z.object({
  id: id.optional(),
  name: z.string().trim().min(1).max(64),
  active: z.boolean().default(true),
  questions: z
    .array(
      z.object({
        text: z.string().trim().min(1).max(200),
        required: z.boolean().default(true),
        options: z.array(z.object({ label: z.string().trim().min(1).max(50), score: z.number().min(0).max(100) })).max(10),
      }),
    )
    .max(30),
});
export type RevisitTemplateInput = z.input<typeof templateInput>;

const saveInput = z.object({
  kind: z.enum(REVISIT_KINDS),
  eventId: id,
  /** 'unreachable' = 未接通: the revisit stays open and is retried. */
  outcome: z.enum(['done', 'unreachable']),
  templateId: id.nullable().optional(),
  answers: z.array(z.object({ questionId: id, optionIndex: z.number().int().min(0) })).max(50).default([]),
  result: z.enum(REVISIT_RESULTS).nullable().optional(),
  reasons: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  needsRevisitAgain: z.boolean().default(false),
  notes: z.string().trim().max(2000).nullable().optional(),
  dnd: z.object({ call: z.boolean(), sms: z.boolean(), revisit: z.boolean() }).optional(),
});
export type RevisitSaveInput = z.input<typeof saveInput>;

export const revisitsApi = {
  'revisits.templates.list': method({
    input: z.object({ kind: z.enum(REVISIT_KINDS).optional(), includeInactive: z.boolean().optional() }),
    access: SERVICE,
    output: returns<RevisitTemplate[]>(),
  }),
  /** Creates or edits a template; the name must contain 销售 or 维修 (that decides its kind). */
  'revisits.templates.save': method({ input: templateInput, access: TEMPLATE_EDITORS, output: returns<RevisitTemplate>() }),
  /** 查看: one tab of the sales or repair revisit list for a date range (default: the last 3 days). */
  'revisits.list': method({
    input: z.object({
      kind: z.enum(REVISIT_KINDS),
      tab: z.enum(REVISIT_TABS),
      from: day.optional(),
      to: day.optional(),
      /** Whose customers (the grid's scope picker); default the widest the user has. */
      scope: z.enum(SCOPES).optional(),
    }),
    access: SERVICE,
    output: returns<RevisitList>(),
  }),
  /** Turns the 待回访 list of a range into revisit tasks for agents (idempotent per day). */
  'revisits.toTasks': method({
    input: z.object({
      kind: z.enum(REVISIT_KINDS),
      from: day.optional(),
      to: day.optional(),
      /** Only these rows of 待回访 (the grid's selection: event ids, or all N matching its query); default all. */
      selection: gridSelectionSchema.optional(),
    }),
    access: ['serviceManager', 'generalManager', 'admin'],
    /** skippedOpen: the event already has an open revisit task (made on an earlier day). */
    output: returns<{ created: number; existing: number; skippedOpen: number; excludedDnd: number }>(),
  }),
  /** Everything the revisit form shows: customer, vehicle, repair items, templates, history. */
  'revisits.open': method({ input: z.object({ kind: z.enum(REVISIT_KINDS), eventId: id }), access: SERVICE, output: returns<RevisitContext>() }),
  'revisits.save': method({
    input: saveInput,
    access: SERVICE,
    output: returns<{ revisitId: number; score: number | null; lowScoreTaskId: number | null; needsRevisitAgain: boolean }>(),
  }),
  /** Open 低分跟进 (CSI / SSI low-score follow-up) tasks. */
  'revisits.lowScore.list': method({ input: z.object({}).strict(), access: SERVICE, output: returns<LowScoreTaskRow[]>() }),
  /** Closes a low-score follow-up with a real description; 修复中 (repairing) plans the next one. */
  'revisits.lowScore.close': method({
    input: z.object({
      taskId: id,
      /** The version of the task the list loaded; an older one is refused as STALE_RECORD. */
      expectedVersion: z.number().int().positive(),
      outcome: z.enum(['resolved', 'repairing']),
      description: z.string().max(2000),
      nextDueDate: day.optional(),
    }),
    access: SERVICE,
    output: returns<{ nextTaskId: number | null }>(),
  }),
} as const;
