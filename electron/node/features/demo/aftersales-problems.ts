/**
 * The after-sales history's deliberate problems (审核自查 checks 5, 6a, 6b and 7): their definitions
 * and detection SQL, spread into problems.ts' lists. aftersales.ts plants them.
 */
import type { ProblemDef } from './problems';

export type AftersalesProblemCode = 'late_sales_revisit' | 'late_repair_revisit' | 'unsolicited_regular_service' | 'late_low_score_followup';

/** The revisited past: deliveries and repair orders of the last 365 days (older ones have no revisit). */
export const REVISIT_HISTORY_DAYS = 365;
/** Deadline of a revisit (audit: 3 days from the record's creation), ms. */
const REVISIT_LIMIT_MS = 3 * 86_400_000;
/** The stock phrases a planted low-score follow-up is closed with instead of a description. */
export const EMPTY_FOLLOW_UP_NOTES = ['已跟进', '未接通'] as const;

export const AFTERSALES_PROBLEM_DEFS: readonly (ProblemDef & { code: AftersalesProblemCode })[] = [
  {
    code: 'late_sales_revisit', table: 'deliveries', fraction: 0.2, of: 'deliveries more than 4 days old whose customer takes revisits',
    zh: '销售回访超过 3 天才完成或一直未完成', en: 'Sales revisit done more than 3 days after the delivery, or never',
  },
  {
    code: 'late_repair_revisit', table: 'service_visits', fraction: 0.03, of: 'repair orders of the last 365 days, more than 4 days old, whose customer takes revisits',
    zh: '维修回访超过 3 天才完成或一直未完成', en: 'Repair revisit done more than 3 days after the repair order, or never',
  },
  {
    code: 'unsolicited_regular_service', table: 'solicitation_tasks', fraction: 0.2, of: 'regular-service solicitation tasks whose vehicle did not come in',
    zh: '常规保养招揽任务未分配或分配后未招揽', en: 'Regular-service solicitation task left unassigned or assigned but not worked',
  },
  {
    code: 'late_low_score_followup', table: 'tasks', fraction: 0.1, of: 'low-score follow-ups of revisits created 6 or more days ago',
    zh: '低分跟进超过 3 天才关闭,或关闭时只写“已跟进”/“未接通”', en: 'Low-score follow-up closed after its 3 days, or closed with only 已跟进 / 未接通',
  },
];

/** The first completed revisit of an event aliased `e` (SQL text). */
const firstDone = (kind: 'sales' | 'repair') =>
  `(SELECT min(r.done_at) FROM revisits r WHERE r.${kind === 'sales' ? 'delivery_id' : 'service_visit_id'} = e.id AND r.kind = '${kind}' AND r.done_at IS NOT NULL)`;

const lateRevisit = (kind: 'sales' | 'repair') => {
  const [table, date] = kind === 'sales' ? ['deliveries', 'delivery_date'] : ['service_visits', 'date'];
  return `SELECT e.id FROM ${table} e WHERE e.${date} BETWEEN date(:today, '-${REVISIT_HISTORY_DAYS} days') AND date(:today, '-1 day')
    AND e.customer_id NOT IN (SELECT d.id FROM customers d WHERE d.dnd_revisit = 1)
    AND coalesce(${firstDone(kind)} - e.created_at > ${REVISIT_LIMIT_MS}, 1) ORDER BY e.id`;
};

/** Created on D (Asia/Shanghai), due by the end of D + 3. */
const LOW_SCORE_DEADLINE = `(((t.created_at + 28800000) / 86400000) * 86400000 - 28800000 + 4 * 86400000)`;

export const AFTERSALES_DETECT_SQL: Record<AftersalesProblemCode, string> = {
  late_sales_revisit: lateRevisit('sales'),
  late_repair_revisit: lateRevisit('repair'),
  unsolicited_regular_service: `SELECT id FROM solicitation_tasks WHERE kind = 'regular_service' AND status IN ('unassigned', 'assigned') ORDER BY id`,
  late_low_score_followup: `SELECT t.id FROM tasks t WHERE t.kind = 'low_score' AND (
      (t.closed_at IS NULL AND ${LOW_SCORE_DEADLINE} <= :todayStartMs) OR t.closed_at >= ${LOW_SCORE_DEADLINE}
      OR t.notes IN (${EMPTY_FOLLOW_UP_NOTES.map((n) => `'${n}'`).join(', ')})) ORDER BY t.id`,
};
