import { z } from 'zod';
import { method, returns } from './contract';
import { SALES_ROLES } from './sales';
import { gridSelectionSchema, SCOPES, type Scope } from './grid';
import type { StageCode } from '../stages';

/**
 * Issue 5, sales analysis: the funnel and forecast, reassigning customers, the manager lists
 * (stalled opportunities, opportunities without a next activity, customers without a plan) and
 * birthdays. Rules and definitions: docs/sales-analysis.md.
 */

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface FunnelStage {
  code: StageCode;
  zh: string;
  en: string;
  /** Win probability in %. */
  probability: number;
  /** Opportunities in this stage (open ones expected to purchase in the month; for 'delivery' the deals won in the month). */
  leads: number;
  /** leads × probability / 100. */
  weight: number;
  /** Σ price × probability / 100 in yuan (opportunities without a price count 0). */
  amount: number;
}

export interface Funnel {
  month: string;
  scope: Scope;
  consultantId: number | null;
  /** [from, to) in epoch ms: the month in the dealer's time zone. */
  range: { from: number; to: number; fromDay: string; toDay: string };
  stages: FunnelStage[];
  totals: { leads: number; weight: number; amount: number; unpriced: number };
}

export interface ConsultantOption {
  id: number;
  name: string;
  active: boolean;
}

export interface ReassignResult {
  customers: number;
  opportunities: number;
  activities: number;
  toConsultantId: number;
}

export interface SalesListRow {
  /** Opportunity id (lists of opportunities) or customer id (customers without a plan). */
  id: number;
  customerId: number;
  customerName: string;
  consultantId: number | null;
  consultantName: string | null;
  stage: StageCode | null;
  model: string | null;
  /** The model's name in the user's language (dictionary 'model'). */
  modelLabel: string | null;
  price: number | null;
  expectedPurchaseDate: string | null;
  /** Epoch ms of the last stage change (opportunity lists). */
  lastStageChangeAt: number | null;
  /** Whole days since the last stage change. */
  daysInStage: number | null;
  openOpportunities?: number;
}

export interface SalesList {
  rows: SalesListRow[];
  total: number;
  /** For the stalled list: the N days in force ('sales.stalledDays'). */
  stalledDays?: number;
}

export interface BirthdayRow {
  customerId: number;
  name: string;
  birthday: string | null;
  /** 'MM-DD' */
  birthdayMd: string;
  /** The calendar day in the range the birthday falls on (YYYY-MM-DD). */
  day: string;
  ownerName: string | null;
  phone: string | null;
}

const scope = z.enum(SCOPES);
const listInput = z
  .object({
    scope: scope.default('mine'),
    consultantId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(200),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const salesAnalysisApi = {
  /** The funnel and forecast of one month for my / my team's / all opportunities, or one consultant's. */
  'sales.funnel.get': method({
    input: z
      .object({
        month: z.string().regex(MONTH_RE, 'month must be YYYY-MM'),
        scope: scope.default('mine'),
        consultantId: z.number().int().positive().optional(),
      })
      .strict(),
    access: SALES_ROLES,
    output: returns<Funnel>(),
  }),
  /**
   * Sales consultants to pick from: 'funnel' — inside `scope` (default the user's widest), leavers
   * included; 'reassign' — active targets within the user's reassign reach; 'reassignFrom' — every
   * consultant (leavers included) whose customers the user may reassign.
   */
  'sales.consultants': method({
    input: z.object({ purpose: z.enum(['funnel', 'reassign', 'reassignFrom']), scope: scope.optional() }).strict(),
    access: SALES_ROLES,
    output: returns<ConsultantOption[]>(),
  }),
  /**
   * Moves customers to another consultant in one step, with their open opportunities and planned
   * activities: the selected customers (ids or "all N matching" of the customers grid), or all of
   * `fromConsultantId`'s customers. Needs 'customers.reassign'; a sales manager only within their teams.
   */
  'customers.reassign': method({
    input: z
      .object({
        selection: gridSelectionSchema.optional(),
        fromConsultantId: z.number().int().positive().optional(),
        toConsultantId: z.number().int().positive(),
      })
      .strict()
      .refine((v) => (v.selection ? 1 : 0) + (v.fromConsultantId ? 1 : 0) === 1, { message: 'give either selection or fromConsultantId' }),
    access: 'session',
    output: returns<ReassignResult>(),
  }),
  /** What the review lists need to pin their grid filter: N = 'sales.stalledDays' and the day N days ago (dealer's zone). */
  'sales.review.params': method({
    input: z.object({}).strict(),
    access: SALES_ROLES,
    output: returns<{ stalledDays: number; today: string; stalledOnOrBefore: string }>(),
  }),
  /** Open opportunities whose last stage change was on or before the day 'sales.stalledDays' days ago. */
  'sales.lists.stalled': method({ input: listInput, access: SALES_ROLES, output: returns<SalesList>() }),
  /** Open opportunities without a planned activity. */
  'sales.lists.noNextActivity': method({ input: listInput, access: SALES_ROLES, output: returns<SalesList>() }),
  /** Customers with an open opportunity and no planned activity at all. */
  'sales.lists.noPlan': method({ input: listInput, access: SALES_ROLES, output: returns<SalesList>() }),
  /** Birthdays today or this week (Monday–Sunday in the dealer's time zone) among the customers in scope. */
  'sales.birthdays.list': method({
    input: z
      .object({ range: z.enum(['today', 'week']), scope: scope.default('mine'), limit: z.number().int().min(1).max(1000).default(500) })
      .strict(),
    access: SALES_ROLES,
    output: returns<{ from: string; to: string; rows: BirthdayRow[]; total: number }>(),
  }),
} as const;
