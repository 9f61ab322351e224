import { z } from 'zod';
import { method, returns } from './contract';
import type { GridSelectionQuery } from './grid';
import { isDate, daysBetween } from '../dates';
import { MAX_PERIOD_DAYS, type DayRange } from '../analysis';
import { SELF_AUDIT_ROLES } from './self-audit-roles';

/**
 * 审核自查 (issue 17): the manufacturer's audit checks of reference/003, computed from the data,
 * each with the records that fail it. Rules and definitions: docs/self-audit.md.
 */

export { SELF_AUDIT_ROLES };

/**
 * The checks, in the order of the issue. The short number is also the grid preset's name part
 * ('audit:<no>:<from>~<to>'), so a check's drill-down is its own data set's server-side rule.
 */
export const AUDIT_CHECKS = [
  { no: '1', code: 'visitComplete' },
  { no: '2', code: 'visitEntered24h' },
  { no: '3', code: 'visitModeConsistent' },
  { no: '4', code: 'visitConsent' },
  { no: '5', code: 'solicitationRate' },
  { no: '6a', code: 'salesRevisit3d' },
  { no: '6b', code: 'repairRevisit3d' },
  { no: '7', code: 'lowScoreFollowUp' },
  { no: '8', code: 'exportRows' },
] as const;
export type AuditCheckNo = (typeof AUDIT_CHECKS)[number]['no'];
export type AuditCheckCode = (typeof AUDIT_CHECKS)[number]['code'];
export const AUDIT_CHECK_CODES = AUDIT_CHECKS.map((c) => c.code) as AuditCheckCode[];

export type AuditStatus = 'pass' | 'fail' | 'not_computable';

/** Both languages of a text the screen shows (the rule in the audit's words, a reason). */
export interface TextPair {
  zh: string;
  en: string;
}

export interface AuditCheckResult {
  no: AuditCheckNo;
  code: AuditCheckCode;
  /** The rule in the audit's own words (reference/003). */
  rule: TextPair;
  /** The audit's threshold on `figure`: at least this % of the records comply (8: no export above the limit). */
  threshold: number;
  status: AuditStatus;
  /** % of the period's records that comply (5: 招揽率); null = "—" (nothing to measure). */
  figure: number | null;
  /** The offending records. */
  numerator: number;
  /** The records the rule applies to in the period. */
  denominator: number;
  /** Why not computable, or what the figure rests on. */
  reason?: TextPair;
  /** The grid query of exactly the `numerator` offending records; null when they are not in a data set (4, 8). */
  drill: GridSelectionQuery | null;
}

export interface SelfAuditReport {
  range: DayRange;
  checks: AuditCheckResult[];
}

/** One stored daily figure of a check (the nightly job). */
export interface AuditTrendPoint {
  day: string;
  status: AuditStatus;
  figure: number | null;
  numerator: number;
  denominator: number;
}

export interface FailingChecks {
  day: string;
  checks: { no: AuditCheckNo; code: AuditCheckCode; rule: TextPair; figure: number | null; numerator: number }[];
}

const day = z.string().refine(isDate, { message: 'YYYY-MM-DD' });

/** A period of days; omitted = the last 6 months up to today in the dealer's zone (as the auditors sample). */
export const auditRangeSchema = z
  .object({ from: day, to: day })
  .strict()
  .refine((p) => daysBetween(p.from, p.to) >= 0, { message: 'from ≤ to', path: ['to'] })
  .refine((p) => daysBetween(p.from, p.to) < MAX_PERIOD_DAYS, { message: `≤ ${MAX_PERIOD_DAYS} days`, path: ['to'] });

export const selfAuditApi = {
  /** Every check over the period (default the last 6 months). */
  'selfAudit.checks': method({
    input: z.object({ range: auditRangeSchema.optional() }).strict(),
    access: SELF_AUDIT_ROLES,
    output: returns<SelfAuditReport>(),
  }),
  /** The nightly job's stored figures of every check, oldest first (the last `days` days). */
  'selfAudit.trend': method({
    input: z.object({ days: z.number().int().min(1).max(366).default(30) }).strict(),
    access: SELF_AUDIT_ROLES,
    output: returns<Partial<Record<AuditCheckCode, AuditTrendPoint[]>>>(),
  }),
  /** The checks that fail today, for the home screen: tonight's stored figures, computed now when there are none yet. */
  'selfAudit.failing': method({
    input: z.object({}).strict(),
    access: SELF_AUDIT_ROLES,
    output: returns<FailingChecks>(),
  }),
};
