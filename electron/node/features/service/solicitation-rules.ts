/**
 * 招揽任务 rules (reference/003), pure: the state machine, success detection by a service visit
 * inside the task's window, and the audit's 招揽率 (未分配 + 已分配 under 5% of six months' tasks).
 */
import { addMonths } from '../../../common/dates';

export const SOLICITATION_STATES = ['unassigned', 'assigned', 'in_progress', 'succeeded', 'failed'] as const;
export type SolicitationState = (typeof SOLICITATION_STATES)[number];

/** The audit's threshold: 招揽率 must reach 95%. */
export const SOLICITATION_RATE_GOAL = 0.95;
/** 未分配 + 已分配 must stay under this percentage; compared in integers (0.05 is not exact in binary). */
const OPEN_LIMIT_PERCENT = 5;
/** The audit looks at the last six months of regular-service tasks. */
export const AUDIT_MONTHS = 6;

/**
 * Allowed moves by hand. 招揽成功 is not among them: it is computed from a service visit
 * (see visitInWindow), never ticked by the agent. Reassigning an assigned task keeps it 已分配.
 */
const MOVES: Record<SolicitationState, readonly SolicitationState[]> = {
  unassigned: ['assigned'],
  assigned: ['assigned', 'unassigned', 'in_progress'],
  in_progress: ['failed'],
  succeeded: [],
  failed: ['in_progress'],
};

export function canMove(from: SolicitationState, to: SolicitationState): boolean {
  return MOVES[from].includes(to);
}

/** A service visit on a day within [windowStart, windowEnd], both ends included, counts as success. */
export function visitInWindow(visitDate: string, windowStart: string, windowEnd: string): boolean {
  return visitDate >= windowStart && visitDate <= windowEnd;
}

/** The task has become a success when a visit is in its window; a failed task too (the customer came anyway). */
export function successFrom(state: SolicitationState, visitDates: readonly string[], windowStart: string, windowEnd: string): boolean {
  if (state === 'succeeded') return false;
  return visitDates.some((d) => visitInWindow(d, windowStart, windowEnd));
}

export interface RateCounts {
  total: number;
  unassigned: number;
  assigned: number;
  inProgress: number;
  succeeded: number;
  failed: number;
}

export interface Rates {
  /** 招揽率 = 1 − (未分配 + 已分配) / total; null with no tasks (nothing to audit). */
  solicitationRate: number | null;
  /** 成功率 = 招揽成功 / total; null with no tasks. */
  successRate: number | null;
  /** The audit passes when 未分配 + 已分配 < 5% of the total; with no tasks there is nothing to fail. */
  passes: boolean;
}

export function rates(c: RateCounts): Rates {
  if (c.total === 0) return { solicitationRate: null, successRate: null, passes: true };
  const open = c.unassigned + c.assigned;
  return { solicitationRate: (c.total - open) / c.total, successRate: c.succeeded / c.total, passes: open * 100 < OPEN_LIMIT_PERCENT * c.total };
}

/** First day of the audit period: six calendar months back from today (clamped at a short month's end). */
export const auditPeriodStart = (today: string, months = AUDIT_MONTHS) => addMonths(today, -months);
