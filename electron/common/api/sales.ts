import { z } from 'zod';
import { method, returns } from './contract';
import { STAGE_CODES, type StageCode } from '../stages';
import { SALES_ROLES } from '../roles';
import type { CustomerKind } from './customers-texts';

/**
 * 销售机会 / 购车意向 / 递交新车 / 放弃: the opportunity lifecycle (issue 5). Dispatch checks the
 * role; the handlers check, in SQL, that the opportunity's consultant is within the user's scope.
 */
export { SALES_ROLES };

export const OPPORTUNITY_SOURCE_CODES = ['market', 'phone', 'outbound', 'showroom'] as const;
export type OpportunitySourceCode = (typeof OPPORTUNITY_SOURCE_CODES)[number];
export type OpportunityStatus = 'open' | 'won' | 'abandoned';
export type DmsStatus = 'pending' | 'exported' | 'failed';

const stageSchema = z.enum(STAGE_CODES as unknown as [StageCode, ...StageCode[]]);
const id = z.number().int().positive();
const dateText = z.string().max(10);

const oppNextActivitySchema = z
  .object({
    type: z.string().max(40),
    plannedAt: z.number().int(),
    subject: z.string().max(200),
  })
  .strict();

const oppFields = {
  source: z.enum(OPPORTUNITY_SOURCE_CODES),
  model: z.string().max(40).nullable().optional(),
  price: z.number().finite().nullable().optional(),
  expectedPurchaseDate: dateText.nullable().optional(),
};

export interface StageHistoryEntry {
  id: number;
  fromStage: string | null;
  toStage: string;
  reason: string | null;
  userName: string | null;
  at: number;
}

export interface ActivityBrief {
  id: number;
  type: string;
  status: 'planned' | 'done' | 'cancelled';
  plannedAt: number | null;
  doneAt: number | null;
  subject: string | null;
  result: string | null;
}

export interface PurchaseIntent {
  id: number;
  customerId: number;
  opportunityId: number | null;
  model: string;
  quantity: number;
  budget: number | null;
  expectedDate: string | null;
  notes: string | null;
  createdAt: number;
}

export interface DeliveryInfo {
  id: number;
  vin: string;
  model: string;
  price: number;
  deliveryDate: string;
  buyerIdNumber: string;
  vehicleId: number | null;
  dmsStatus: DmsStatus;
  dmsAttempts: number;
  dmsLastError: string | null;
  dmsExportedAt: number | null;
  /** The file name the DMS hand-off writes (same for every attempt). */
  dmsFile: string;
}

export interface OpportunityDetail {
  id: number;
  customerId: number;
  customerName: string;
  customerKind: CustomerKind;
  customerPhone: string | null;
  /** The customer's ID number on file (prefills the delivery form); null when none. */
  customerIdNumber: string | null;
  consultantId: number | null;
  consultantName: string | null;
  source: string;
  stage: StageCode;
  probability: number;
  status: OpportunityStatus;
  model: string | null;
  price: number | null;
  expectedPurchaseDate: string | null;
  abandonReason: string | null;
  competitorBrand: string | null;
  lastStageChangeAt: number;
  closedAt: number | null;
  createdAt: number;
  /** The record's version (issue 15): the panel's forms send it back as expectedVersion. */
  version: number;
  history: StageHistoryEntry[];
  activities: { planned: number; done: number; overdue: number; next: ActivityBrief | null; recent: ActivityBrief[] };
  intents: PurchaseIntent[];
  delivery: DeliveryInfo | null;
}

export interface OpportunityBrief {
  id: number;
  stage: StageCode;
  status: OpportunityStatus;
  model: string | null;
  consultantName: string | null;
  createdAt: number;
}

/** The version of the record the form loaded (issue 15): a save of an older copy is refused as STALE_RECORD. */
const expectedVersion = z.number().int().positive();

const intentFields = {
  model: z.string().max(40),
  quantity: z.number().int().min(1).max(999).default(1),
  budget: z.number().finite().nullable().optional(),
  expectedDate: dateText.nullable().optional(),
  notes: z.string().max(500).nullable().optional(),
  opportunityId: id.nullable().optional(),
};

export const salesApi = {
  'opportunities.get': method({ input: z.object({ id }).strict(), access: SALES_ROLES, output: returns<OpportunityDetail>() }),
  /** The opportunities of one customer the user may act on (the card's "new opportunity" checks there is no open one). */
  'opportunities.ofCustomer': method({ input: z.object({ customerId: id }).strict(), access: SALES_ROLES, output: returns<OpportunityBrief[]>() }),
  'opportunities.create': method({
    input: z
      .object({
        customerId: id,
        consultantId: id.optional(),
        stage: stageSchema.optional(),
        ...oppFields,
        nextActivity: oppNextActivitySchema,
      })
      .strict(),
    access: SALES_ROLES,
    output: returns<{ id: number; activityId: number }>(),
  }),
  'opportunities.update': method({
    input: z
      .object({
        id,
        /** The version the panel loaded (OpportunityDetail.version); an older one is refused as STALE_RECORD. */
        expectedVersion,
        patch: z.object(oppFields).partial().strict(),
        nextActivity: oppNextActivitySchema.nullable().optional(),
      })
      .strict(),
    access: SALES_ROLES,
    output: returns<{ id: number }>(),
  }),
  /** Backwards needs a reason; 'delivery' only through opportunities.deliver. */
  'opportunities.changeStage': method({
    input: z
      .object({ id, expectedVersion, stage: stageSchema, reason: z.string().max(500).nullable().optional(), nextActivity: oppNextActivitySchema.nullable().optional() })
      .strict(),
    access: SALES_ROLES,
    output: returns<{ id: number }>(),
  }),
  /** 递交新车: delivery + vehicle + won in one transaction, then the DMS hand-off (its failure keeps the deal). */
  'opportunities.deliver': method({
    input: z
      .object({
        id,
        expectedVersion,
        model: z.string().max(40),
        vin: z.string().max(40),
        plate: z.string().max(20).nullable().optional(),
        price: z.number().finite(),
        deliveryDate: dateText,
        buyerIdNumber: z.string().max(40),
      })
      .strict(),
    access: SALES_ROLES,
    output: returns<{ deliveryId: number; vehicleId: number; dmsStatus: DmsStatus; dmsError: string | null }>(),
  }),
  /** 放弃该机会: reason from the 'abandon_reason' dictionary; a follow-up N years later is planned. */
  'opportunities.abandon': method({
    input: z
      .object({ id, expectedVersion, reason: z.string().max(40), competitorBrand: z.string().max(40).nullable().optional(), note: z.string().max(500).nullable().optional() })
      .strict(),
    access: SALES_ROLES,
    output: returns<{ id: number; followUpActivityId: number; followUpAt: number }>(),
  }),
  /** 重新导出: the DMS hand-off again for one deal (same file, no duplicate). */
  'deliveries.retryDms': method({
    input: z.object({ id }).strict(),
    access: SALES_ROLES,
    output: returns<{ dmsStatus: DmsStatus; dmsError: string | null; file: string }>(),
  }),
  'intents.list': method({ input: z.object({ customerId: id }).strict(), access: SALES_ROLES, output: returns<PurchaseIntent[]>() }),
  'intents.create': method({ input: z.object({ customerId: id, ...intentFields }).strict(), access: SALES_ROLES, output: returns<{ id: number }>() }),
  'intents.update': method({
    // No default in a patch: an intent's quantity must not reset to 1 when another field changes.
    input: z.object({ id, patch: z.object({ ...intentFields, quantity: z.number().int().min(1).max(999) }).partial().strict() }).strict(),
    access: SALES_ROLES,
    output: returns<{ id: number }>(),
  }),
} as const;
