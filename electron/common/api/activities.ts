import { z } from 'zod';
import { method, returns } from './contract';
import { SALES_ROLES } from './sales';
import { enumCodes, enumOptions } from '../i18n/enum-options';
import { ACTIVITY_STATUS, ACTIVITY_TYPE } from './sales-texts';

/**
 * 跟踪计划 / 活动 (follow-up plans and activities), plan templates, 领导批阅 (a manager's comment on a
 * consultant's plan) and the current user's notifications. Issue 5.
 *
 * The rule every write keeps: an open opportunity always has a next planned activity. Completing or
 * cancelling the last planned activity of an open opportunity therefore needs `next` (the next
 * planned activity), checked on the server in the same transaction.
 */

/** activities.type: the same codes as the 'activity_type' dictionary the demo seeds. */
export const ACTIVITY_TYPES = enumOptions(ACTIVITY_TYPE);
export type ActivityType = (typeof ACTIVITY_TYPES)[number]['value'];
export const ACTIVITY_TYPE_CODES = enumCodes(ACTIVITY_TYPE);

export const ACTIVITY_STATUSES = enumOptions(ACTIVITY_STATUS);
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]['value'];

/** A plan template has at least this many steps (call → invite → test drive → quote). */
export const PLAN_TEMPLATE_MIN_STEPS = 4;
export const PLAN_TEMPLATE_MAX_STEPS = 20;

const id = z.number().int().positive();
/** The version of the activity the form loaded (ActivityView.version); an older one is refused as STALE_RECORD. */
const expectedVersion = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
/** Epoch milliseconds (UTC). */
const at = z.number().int().min(0).max(8_640_000_000_000);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const plannedActivitySchema = z.object({ type: z.enum(ACTIVITY_TYPE_CODES), plannedAt: at, subject: text(200) }).strict();
export type NextActivity = z.infer<typeof plannedActivitySchema>;

export interface ActivityView {
  id: number;
  customerId: number;
  customerName: string;
  opportunityId: number | null;
  /** The opportunity's stage code and status, when the activity belongs to one. */
  stage: string | null;
  opportunityStatus: 'open' | 'won' | 'abandoned' | null;
  ownerId: number | null;
  ownerName: string | null;
  type: string;
  status: ActivityStatus;
  plannedAt: number | null;
  doneAt: number | null;
  subject: string | null;
  result: string | null;
  nextStep: string | null;
  /** Planned and before now. */
  overdue: boolean;
  commentCount: number;
  /** The record's version (issue 15): complete / cancel / reschedule send it back as expectedVersion. */
  version: number;
}

export interface TodayView {
  /** The dealer's calendar day the "today" list covers. */
  day: string;
  todayCount: number;
  overdueCount: number;
  /** Planned within the dealer's today, earliest first (at most 50). */
  today: ActivityView[];
  /** Planned before now and not done, oldest first (at most 50). */
  overdue: ActivityView[];
}

export interface PlanTemplateStep {
  type: ActivityType;
  subject: string;
  offsetDays: number;
  stage?: string | null;
}
export interface PlanTemplateView {
  id: number;
  name: string;
  active: boolean;
  steps: PlanTemplateStep[];
}

export interface ReviewComment {
  id: number;
  activityId: number | null;
  opportunityId: number | null;
  authorId: number;
  authorName: string;
  text: string;
  createdAt: number;
  readAt: number | null;
}

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  refType: string | null;
  refId: number | null;
  /** The customer the referenced record belongs to (to open the card), if any. */
  customerId: number | null;
  customerName: string | null;
  createdAt: number;
  readAt: number | null;
}

export interface ConsultantView {
  id: number;
  name: string;
  teamName: string | null;
  plannedCount: number;
  overdueCount: number;
}

const stepSchema = z
  .object({
    type: z.enum(ACTIVITY_TYPE_CODES),
    subject: text(200),
    offsetDays: z.number().int().min(0).max(3650),
    stage: z.string().max(40).nullable().optional(),
  })
  .strict();
const templateBody = {
  name: text(60),
  // The ≥4 rule is checked by the service too (with a readable message); zod bounds the size.
  steps: z.array(stepSchema).max(PLAN_TEMPLATE_MAX_STEPS),
};

const MANAGERS = ['salesManager', 'generalManager', 'admin'] as const;

export const activitiesApi = {
  /** Activities of one opportunity or one customer, newest planned first; only those the user may see. */
  'activities.list': method({
    input: z.union([z.object({ opportunityId: id }).strict(), z.object({ customerId: id }).strict()]),
    access: 'session',
    output: returns<ActivityView[]>(),
  }),
  /** A new planned activity on an opportunity (or on a customer with no opportunity). */
  'activities.plan': method({
    input: z
      .object({ customerId: id.optional(), opportunityId: id.optional(), type: z.enum(ACTIVITY_TYPE_CODES), plannedAt: at, subject: text(200) })
      .strict()
      .refine((v) => v.customerId !== undefined || v.opportunityId !== undefined, 'customerId or opportunityId'),
    access: 'session',
    output: returns<ActivityView>(),
  }),
  /** Done with result and next step; `next` is required for the last planned one of an open opportunity. */
  'activities.complete': method({
    input: z.object({ id, expectedVersion, result: text(1000), nextStep: optText(500), next: plannedActivitySchema.nullable().optional() }).strict(),
    access: 'session',
    output: returns<{ activity: ActivityView; next: ActivityView | null }>(),
  }),
  /** Cancelled (with a reason); the same next-activity rule as complete. */
  'activities.cancel': method({
    input: z.object({ id, expectedVersion, reason: optText(500), next: plannedActivitySchema.nullable().optional() }).strict(),
    access: 'session',
    output: returns<{ activity: ActivityView; next: ActivityView | null }>(),
  }),
  'activities.reschedule': method({ input: z.object({ id, expectedVersion, plannedAt: at }).strict(), access: 'session', output: returns<ActivityView>() }),
  /** The current user's planned activities for the home screen: today's and overdue, counts and items. */
  'activities.today': method({ input: z.object({}).strict(), access: SALES_ROLES, output: returns<TodayView>() }),

  /** Active templates (managers may ask for inactive ones too). */
  'planTemplates.list': method({ input: z.object({ includeInactive: z.boolean().optional() }).strict(), access: 'session', output: returns<PlanTemplateView[]>() }),
  'planTemplates.create': method({ input: z.object(templateBody).strict(), access: MANAGERS, output: returns<PlanTemplateView>() }),
  'planTemplates.update': method({ input: z.object({ id, ...templateBody }).strict(), access: MANAGERS, output: returns<PlanTemplateView>() }),
  'planTemplates.deactivate': method({ input: z.object({ id, active: z.boolean().optional() }).strict(), access: MANAGERS, output: returns<PlanTemplateView>() }),
  /** The template's steps as planned activities of the opportunity, from startDate (dealer's time zone), in one transaction. */
  'planTemplates.apply': method({
    input: z.object({ templateId: id, opportunityId: id, startDate: date, time: hhmm.optional() }).strict(),
    access: 'session',
    output: returns<ActivityView[]>(),
  }),

  /** 领导批阅: the consultants of the manager's teams, with their planned / overdue counts. */
  'review.consultants': method({ input: z.object({}).strict(), access: MANAGERS, output: returns<ConsultantView[]>() }),
  /** A consultant's plans and activities (planned first, then the latest done), for the review panel. */
  'review.activitiesOf': method({
    input: z.object({ consultantId: id, status: z.enum(['planned', 'overdue', 'all']).default('all') }).strict(),
    access: MANAGERS,
    output: returns<ActivityView[]>(),
  }),
  /** A manager's comment on an activity or an opportunity of their teams' consultants; notifies the consultant. */
  'review.comment': method({
    input: z
      .object({ activityId: id.optional(), opportunityId: id.optional(), text: text(1000) })
      .strict()
      .refine((v) => (v.activityId === undefined) !== (v.opportunityId === undefined), 'activityId or opportunityId'),
    access: MANAGERS,
    output: returns<ReviewComment>(),
  }),
  /** Comments on a record the user may see (an activity, or an opportunity with its activities' comments). */
  'review.list': method({
    input: z.union([z.object({ activityId: id }).strict(), z.object({ opportunityId: id }).strict()]),
    access: 'session',
    output: returns<ReviewComment[]>(),
  }),

  'notifications.list': method({
    input: z.object({ unreadOnly: z.boolean().optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access: 'session',
    output: returns<{ unread: number; items: NotificationView[] }>(),
  }),
  'notifications.markRead': method({
    input: z.union([z.object({ ids: z.array(id).min(1).max(200) }).strict(), z.object({ all: z.literal(true) }).strict()]),
    access: 'session',
    output: returns<{ unread: number }>(),
  }),
} as const;
