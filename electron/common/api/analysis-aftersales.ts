import { z } from 'zod';
import { method, returns } from './contract';
import { COMPARE_KINDS, periodSchema, type DayRange } from '../analysis';
import type { Figure, RateFigure } from './analysis';
import { AFTERSALES_ROLES } from '../analysis/roles';

/**
 * 决策分析 → 售后 / 客服 (issue 17): revisits within 3 days, dissatisfaction reasons, complaints,
 * reminders → appointments → arrivals, 招揽率 / 成功率, retention and churn reasons. Dealer-wide:
 * after-sales records belong to agents, advisers and customers' owners at once, so there is no one
 * "team" to narrow by (as 审核自查). Rules: docs/decision-analysis.md (售后 / 客服).
 */

export { AFTERSALES_ROLES };

/** The reminder kinds whose conversion is counted (tasks.kind), in the screen's order. */
export const AFTERSALES_REMINDER_KINDS = ['first_service', 'regular_service', 'mileage_service', 'expiry_insurance', 'expiry_inspection', 'churn'] as const;
export type AftersalesReminderKind = (typeof AFTERSALES_REMINDER_KINDS)[number];

/** Days after a reminder in which a booking of the same customer counts as its appointment (when the booking names no task). */
export const REMINDER_APPOINTMENT_DAYS = 14;
/**
 * 首保回厂率: a car's first service falls due FIRST_SERVICE_DAYS (90) after its purchase, as 首保提醒
 * reminds it; it counts as come back with a repair order of type 首保 up to this many days after
 * that due day (a busy owner's month; earlier is fine: high-mileage cars come before the 90 days).
 */
export const FIRST_SERVICE_GRACE_DAYS = 30;

/** One line of a Pareto breakdown (largest first, unknown last). */
export interface AftersalesReason {
  /** The dictionary code; null = none recorded. */
  key: string | null;
  figure: Figure;
  /** Share of the breakdown's total (0–1) and the running share down the list; null when the total is 0. */
  share: number | null;
  cumulative: number | null;
}

/** One bucket (week or month) of the dissatisfaction trend. */
export interface AftersalesTrendPoint {
  /** The bucket's days, clipped to the period. */
  range: DayRange;
  figure: Figure;
}

export interface ComplaintCategory {
  category: string;
  figure: Figure;
  share: number | null;
  cumulative: number | null;
}

export interface ReminderConversion {
  kind: AftersalesReminderKind;
  /** Reminder tasks of the kind created in the period (not cancelled). */
  sent: Figure;
  /** Of those, the ones followed by an appointment (the task named on it, or the customer's booking within REMINDER_APPOINTMENT_DAYS). */
  appointed: Figure;
  /** Of those, the ones whose appointment arrived. */
  arrived: Figure;
  appointmentRate: number | null;
  arrivalRate: number | null;
}

/** The after-sales figures of one period. */
export interface AftersalesPeriodFigures {
  range: DayRange;
  /** 审核自查 check 6's rule: deliveries / repair orders of the period revisited within 3 days (one still inside its 3 days is not counted). */
  revisitSales: RateFigure;
  revisitRepair: RateFigure;
  /** Deliveries + repair orders with a revisit done in the period whose result is 不满意. */
  dissatisfied: Figure;
  /** Their reasons (one revisit may give several), Pareto. */
  dissatisfactionReasons: AftersalesReason[];
  /** Dissatisfied by week (periods up to 62 days) or month. */
  dissatisfactionTrend: AftersalesTrendPoint[];
  /** Complaints received in the period, by category (largest first). */
  complaints: Figure;
  complaintCategories: ComplaintCategory[];
  /** Of the period's complaints, those still open (not in the median). */
  complaintsOpen: Figure;
  complaintsClosed: Figure;
  /** Median hours from receipt to closing of the period's closed complaints; null = none closed. */
  complaintCloseHours: number | null;
  reminders: ReminderConversion[];
  /** 招揽率: regular-service solicitation tasks created in the period not left 未分配 / 已分配 (审核自查 check 5's rule). */
  solicitationRate: RateFigure;
  /** 成功率: of those tasks, 招揽成功. */
  solicitationSuccess: RateFigure;
  /** 保有客户回厂率 on the period's last day: customers with a delivery here and a repair order in the 12 months to it. */
  retention: RateFigure;
  /**
   * 首保回厂率: of the vehicles whose first service fell due in the period (purchase date + 90 days),
   * those with a 首保 repair order by the due day + FIRST_SERVICE_GRACE_DAYS. A period whose grace has
   * not ended rises as cars still come. The drill lists the vehicles that came and those that did not.
   */
  firstServiceReturn: RateFigure;
  /** Vehicles whose first service fell due in the period. */
  firstServiceDue: Figure;
  /** 流失原因 recorded in the period (customers), Pareto. */
  churned: Figure;
  churnReasons: AftersalesReason[];
}

export interface AftersalesAnalysis {
  current: AftersalesPeriodFigures;
  previous: AftersalesPeriodFigures | null;
}

export const aftersalesAnalysisApi = {
  /** 售后 / 客服 for a period against a compared one, dealer-wide. */
  'analysis.aftersales.get': method({
    input: z.object({ period: periodSchema, compare: z.enum(COMPARE_KINDS).default('previous') }).strict(),
    access: AFTERSALES_ROLES,
    output: returns<AftersalesAnalysis>(),
  }),
};
