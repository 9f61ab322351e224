import { sql, type SQL } from 'drizzle-orm';
import type { LowScoreTaskRow } from '../../../common/api/revisits';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { AuditedWriter } from '../admin';
import { tasks } from '../../../../db/schema';
import { AppError } from '../../errors';
import { assertVersion } from '../../stale-record';
import { addDays, todayIn } from '../../../common/dates';
import { SalesProblems } from '../sales';
import { MANAGER_ROLES } from '../../../common/roles';
import { taskNaturalKey } from './tasks';
import { primaryPhoneExpr } from '../customers';
import { formatPhone } from '../../../common/phone';

/**
 * CSI / SSI low-score rules (reference/003).
 *
 * Due date: "within 3 days, not counting the day it was created" — created on day D, due D+3.
 * Weekends COUNT: the audit measures calendar days and the customer-service desk works weekends,
 * so a follow-up created on a Friday is due the Monday after (not Wednesday).
 */
export const LOW_SCORE_DAYS = 3;
export const lowScoreDueDate = (createdDay: string): string => addDays(createdDay, LOW_SCORE_DAYS);

/** A revisit is a low score when dissatisfied, or when it has a score under the threshold (0–100). */
export function isLowScore(score: number | null, result: string | null, threshold: number): boolean {
  if (result === 'dissatisfied') return true;
  return score != null && score < threshold;
}

// Stock phrases that say nothing about what was done; alone (with spaces or punctuation around,
// or repeated) they are not a description.
const EMPTY_PHRASES = ['已跟进', '未接通', '已回访', '已处理', '无'];
const NOISE = /[\s\p{P}\p{S}]+/gu;

/** Whether a follow-up description says something real (not only "已跟进" / "未接通"). */
export function isRealDescription(text: string): boolean {
  let rest = text.replace(NOISE, '');
  for (const p of EMPTY_PHRASES) rest = rest.split(p).join('');
  return rest.length > 0;
}

const nameOf = sql.raw(`(SELECT display_name FROM users u WHERE u.id = t.assignee_id)`);

/** Open low-score follow-ups and their closing (修复中 plans the next one). */
export class LowScoreService {
  private writer: AuditedWriter;
  constructor(private core: Pick<Core, 'clock' | 'db' | 'settings' | 'visibility'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
  }

  private today(): string {
    return todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
  }

  list(s: SessionCtx): LowScoreTaskRow[] {
    return this.rows(s, sql`t.status IN ('open', 'in_progress')`);
  }

  /** One follow-up as the list shows it, whatever its status: what a stale close is answered with. */
  row(s: SessionCtx, taskId: number): LowScoreTaskRow {
    const r = this.rows(s, sql`t.id = ${taskId}`)[0];
    if (!r) throw new AppError('NOT_FOUND');
    return r;
  }

  private rows(s: SessionCtx, where: SQL): LowScoreTaskRow[] {
    const today = this.today();
    const vis = this.core.visibility.visibleCustomers(s, 'c');
    const rows = this.core.db.all<Omit<LowScoreTaskRow, 'overdue'>>(sql`
      SELECT t.id, t.customer_id AS customerId, c.name AS customerName,
             ${sql.raw(primaryPhoneExpr('c.id'))} AS phone,
             t.due_date AS dueDate, t.status, t.reason, t.ref_id AS refId, ${nameOf} AS assigneeName, t.version
      FROM tasks t JOIN customers c ON c.id = t.customer_id
      WHERE t.kind = 'low_score' AND ${where} AND ${vis}
      ORDER BY t.due_date, t.id LIMIT 500`);
    return rows.map((r) => ({ ...r, phone: formatPhone(r.phone), overdue: r.dueDate < today }));
  }

  /** `expectedVersion`: the version of the task the user's list or workbench loaded (issue 15). */
  close(s: SessionCtx, input: { taskId: number; expectedVersion?: number; outcome: 'resolved' | 'repairing'; description: string; nextDueDate?: string }): { nextTaskId: number | null } {
    const vis = this.core.visibility.visibleCustomers(s, 'c');
    const task = this.core.db.get<{ id: number; customerId: number; vehicleId: number | null; status: string; assigneeId: number | null; reason: string | null; refType: string | null; refId: number | null; version: number }>(sql`
      SELECT t.id, t.customer_id AS customerId, t.vehicle_id AS vehicleId, t.status, t.assignee_id AS assigneeId, t.reason, t.ref_type AS refType, t.ref_id AS refId, t.version
      FROM tasks t JOIN customers c ON c.id = t.customer_id WHERE t.id = ${input.taskId} AND t.kind = 'low_score' AND ${vis}`);
    if (!task) throw new AppError('NOT_FOUND');
    // Record-level rule: an agent closes their own (or unassigned) follow-ups; managers any.
    if (task.assigneeId != null && task.assigneeId !== s.user.id && !MANAGER_ROLES.includes(s.user.role)) {
      throw new AppError('FORBIDDEN');
    }
    assertVersion(task, input.expectedVersion, 'task');
    const p = new SalesProblems(s.user.locale);
    if (task.status !== 'open' && task.status !== 'in_progress') p.add('taskId', 'lowScore.closed');
    if (!isRealDescription(input.description)) p.add('description', 'lowScore.description');
    const today = this.today();
    const next = input.outcome === 'repairing' ? (input.nextDueDate ?? lowScoreDueDate(today)) : null;
    if (next != null && next <= today) p.add('nextDueDate', 'lowScore.nextDue');
    p.throwIfAny();

    const now = this.core.clock.now();
    return this.core.db.transaction((tx) => {
      this.writer.update(s.user.id, 'task', tasks, task.id, { status: 'done', result: input.outcome, notes: input.description.trim(), closedAt: now, updatedAt: now }, tx, {
        expectedVersion: input.expectedVersion,
      });
      if (next == null) return { nextTaskId: null };
      // The next step of this follow-up, keyed on the task it follows: createTasks' key
      // (kind:customer/vehicle:due) would take it for this very task when both fall due the same
      // day (a survey imported today is due in 3 days, and so is 修复中's default next follow-up).
      const row = this.writer.insert(
        s.user.id,
        'task',
        tasks,
        {
          kind: 'low_score',
          naturalKey: `${taskNaturalKey({ kind: 'low_score', customerId: task.customerId, vehicleId: task.vehicleId, dueDate: next })}#after:${task.id}`,
          customerId: task.customerId,
          vehicleId: task.vehicleId,
          dueDate: next,
          assigneeId: task.assigneeId,
          reason: `修复中 · ${task.reason ?? ''}`.trim().slice(0, 200),
          refType: task.refType ?? 'revisit',
          refId: task.refId,
          createdAt: now,
          updatedAt: now,
        },
        tx,
      );
      return { nextTaskId: row.id };
    });
  }
}
