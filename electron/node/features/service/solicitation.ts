import { sql } from 'drizzle-orm';
import { solicitationTasks } from '../../../../db/schema';
import { SOLICITATION_STATE_LABELS, type SolicitationRateRow, type SolicitationRates, type SolicitationTaskRow } from '../../../common/api/solicitation';
import type { Db } from '../../../../db/client';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { AuditedWriter, writeAudit } from '../admin';
import type { SessionCtx } from '../auth';
import type { Locale } from '../../../common/i18n/errors';
import { addDays, dayStartMs, todayIn } from '../../../common/dates';
import { regularServiceDue } from './regular-service-source';
import { ServiceDeskProblems } from './service-problems';
import { CareProblems } from './service-visits-messages';
import { auditPeriodStart, canMove, rates, type RateCounts, type SolicitationState } from './solicitation-rules';
import { readAll } from '../../read-pool/read-sql';

const MAX_RANGE_DAYS = 92;
const PULLING_LIMIT = 200;

/** One task per vehicle and due date: generating the same list twice creates nothing twice. */
export const solicitationKey = (kind: string, customerId: number, vehicleId: number | null, due: string) => `${kind}:${customerId}/${vehicleId ?? ''}:${due}`;

/**
 * 招揽任务: generated from the regular-service list, assigned by a manager, worked by the agent.
 * An agent reads and moves only the tasks assigned to them (SQL below); managers see all.
 */
export class SolicitationService {
  private writer: AuditedWriter;
  constructor(readonly core: Pick<Core, 'clock' | 'db' | 'reads' | 'services' | 'settings'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
  }

  private today(): string {
    return todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
  }

  generate(actorId: number | null, locale: Locale, input: { from: string; to: string; windowDays: number }): { created: number; existing: number; dndExcluded: number; source: 'reminders' | 'own' } {
    if (input.from > input.to || addDays(input.from, MAX_RANGE_DAYS) < input.to) new ServiceDeskProblems(locale).add('from', 'solicitation.range').throwIfAny();
    const due = regularServiceDue(this.core, { from: input.from, to: input.to });
    const now = this.core.clock.now();
    const created = this.core.db.transaction((tx) => {
      let n = 0;
      for (const r of due.rows) {
        const row = tx
          .insert(solicitationTasks)
          .values({
            naturalKey: solicitationKey('regular_service', r.customerId, r.vehicleId, r.nextServiceDate),
            kind: 'regular_service',
            customerId: r.customerId,
            vehicleId: r.vehicleId,
            windowStart: addDays(r.nextServiceDate, -input.windowDays),
            windowEnd: addDays(r.nextServiceDate, input.windowDays),
            status: 'unassigned',
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing({ target: solicitationTasks.naturalKey })
          .returning({ id: solicitationTasks.id })
          .get();
        if (!row) continue;
        n++;
        writeAudit(tx, this.core.clock, { userId: actorId, action: 'create', entity: 'solicitation_task', entityId: row.id, after: { ...r, id: row.id } });
      }
      return n;
    });
    return { created, existing: due.rows.length - created, dndExcluded: due.dndExcluded, source: 'reminders' };
  }

  agents(): { id: number; name: string }[] {
    return this.core.db.all(sql`SELECT id, display_name AS name FROM users WHERE role = 'serviceAgent' AND active = 1 ORDER BY display_name, id`);
  }

  /** Assign (or un-assign with null) open tasks; finished tasks (成功 / 失败) are left as they are. */
  assign(s: SessionCtx, ids: readonly number[], agentId: number | null): { updated: number } {
    if (agentId !== null && !this.core.db.get(sql`SELECT 1 FROM users WHERE id = ${agentId} AND role = 'serviceAgent' AND active = 1`)) {
      new ServiceDeskProblems(s.user.locale).add('agentId', 'solicitation.agent').throwIfAny();
    }
    const status = agentId === null ? 'unassigned' : 'assigned';
    return this.core.db.transaction((tx) => {
      let updated = 0;
      for (const id of ids) {
        const t = tx.get<{ status: SolicitationState } | undefined>(sql`SELECT status FROM solicitation_tasks WHERE id = ${id}`);
        if (!t || !canMove(t.status, status)) continue;
        this.writer.update(s.user.id, 'solicitation_task', solicitationTasks, id, { assigneeId: agentId, status, updatedAt: this.core.clock.now() }, tx);
        updated++;
      }
      return { updated };
    });
  }

  setState(s: SessionCtx, id: number, to: 'in_progress' | 'failed', failReason?: string | null): { id: number; status: string } {
    const managers = ['serviceManager', 'generalManager', 'admin'];
    const mine = managers.includes(s.user.role) ? sql`` : sql`AND assignee_id = ${s.user.id}`;
    const t = this.core.db.get<{ status: SolicitationState } | undefined>(sql`SELECT status FROM solicitation_tasks WHERE id = ${id} ${mine}`);
    if (!t) throw new AppError('NOT_FOUND');
    const p = new ServiceDeskProblems(s.user.locale);
    const label = (st: SolicitationState) => SOLICITATION_STATE_LABELS[st][s.user.locale === 'en' ? 'en' : 'zh'];
    if (!canMove(t.status, to)) p.add('state', 'solicitation.move', { from: label(t.status), to: label(to) });
    const reason = failReason?.trim() || null;
    if (to === 'failed' && !reason) p.add('failReason', 'solicitation.failReason');
    p.throwIfAny();
    // The reason is one of the dictionary's (招揽失败原因), so the reasons can be counted.
    if (to === 'failed' && !this.core.db.get(sql`SELECT 1 FROM dictionaries WHERE kind = 'solicitation_fail_reason' AND code = ${reason} AND active = 1`)) {
      new CareProblems(s.user.locale).add('failReason', 'solicitation.failReasonDict').throwIfAny();
    }
    this.writer.update(s.user.id, 'solicitation_task', solicitationTasks, id, { status: to, failReason: to === 'failed' ? reason : null, updatedAt: this.core.clock.now() });
    return { id, status: to };
  }

  /**
   * 招揽成功 is computed, never ticked: an open or failed task whose customer (the task's vehicle
   * when it has one) had a service visit within [windowStart, windowEnd] becomes 成功, linked to the visit.
   * With a customerId only that customer's tasks are looked at (a visit just recorded), in the
   * caller's transaction when one is given.
   */
  detectSuccess(actorId: number | null, opts: { customerId?: number; tx?: Db } = {}): { succeeded: number } {
    const db = opts.tx ?? this.core.db;
    const only = opts.customerId !== undefined ? sql`AND t.customer_id = ${opts.customerId}` : sql``;
    const found = db.all<{ id: number; visitId: number }>(sql`
      SELECT t.id, (SELECT sv.id FROM service_visits sv
                     WHERE sv.customer_id = t.customer_id AND (t.vehicle_id IS NULL OR sv.vehicle_id = t.vehicle_id)
                       AND sv.date BETWEEN t.window_start AND t.window_end ORDER BY sv.date, sv.id LIMIT 1) AS visitId
        FROM solicitation_tasks t WHERE t.status <> 'succeeded' ${only}`);
    const hits = found.filter((f) => f.visitId != null);
    if (!hits.length) return { succeeded: 0 };
    db.transaction((tx) => {
      for (const h of hits) this.writer.update(actorId, 'solicitation_task', solicitationTasks, h.id, { status: 'succeeded', successVisitId: h.visitId, updatedAt: this.core.clock.now() }, tx);
    });
    return { succeeded: hits.length };
  }

  /**
   * The agent's 招揽成功: accepted only when a service visit of the task's vehicle lies in its window
   * (success is the customer coming in, never a tick); the task is then linked to that visit.
   */
  confirmSuccess(s: SessionCtx, id: number): { id: number; status: string } {
    const managers = ['serviceManager', 'generalManager', 'admin'];
    const mine = managers.includes(s.user.role) ? sql`` : sql`AND assignee_id = ${s.user.id}`;
    const t = this.core.db.get<{ status: SolicitationState; customerId: number; from: string; to: string }>(
      sql`SELECT status, customer_id AS customerId, window_start AS "from", window_end AS "to" FROM solicitation_tasks WHERE id = ${id} ${mine}`,
    );
    if (!t) throw new AppError('NOT_FOUND');
    if (t.status === 'succeeded') return { id, status: t.status };
    this.detectSuccess(s.user.id, { customerId: t.customerId });
    const now = this.core.db.get<{ status: string }>(sql`SELECT status FROM solicitation_tasks WHERE id = ${id}`)!;
    if (now.status !== 'succeeded') new CareProblems(s.user.locale).add('state', 'solicitation.noVisit', { from: t.from, to: t.to }).throwIfAny();
    return { id, status: now.status };
  }

  /** The audit's figures over six months of regular-service tasks (by creation date, as the audit exports them). */
  /** Both reads run on the read pool (read-pool.ts): six months of tasks are counted off the host's thread. */
  async rates(): Promise<SolicitationRates> {
    const tz = this.core.settings.get('dealer.timeZone');
    const to = this.today();
    const from = auditPeriodStart(to);
    const fromMs = dayStartMs(from, tz);
    const toMs = dayStartMs(addDays(to, 1), tz);
    const period = sql`t.kind = 'regular_service' AND t.created_at >= ${fromMs} AND t.created_at < ${toMs}`;
    const counts = await readAll<RateCounts & { agentId: number | null; agentName: string | null }>(this.core.reads, sql`
      SELECT t.assignee_id AS agentId, u.display_name AS agentName, count(*) AS total,
             sum(t.status = 'unassigned') AS unassigned, sum(t.status = 'assigned') AS assigned, sum(t.status = 'in_progress') AS inProgress,
             sum(t.status = 'succeeded') AS succeeded, sum(t.status = 'failed') AS failed
        FROM solicitation_tasks t LEFT JOIN users u ON u.id = t.assignee_id
       WHERE ${period} GROUP BY t.assignee_id ORDER BY u.display_name, t.assignee_id`);
    const row = (c: RateCounts & { agentId: number | null; agentName: string | null }): SolicitationRateRow => ({ ...c, ...rates(c) });
    const sum = counts.reduce<RateCounts>(
      (a, c) => ({ total: a.total + c.total, unassigned: a.unassigned + c.unassigned, assigned: a.assigned + c.assigned, inProgress: a.inProgress + c.inProgress, succeeded: a.succeeded + c.succeeded, failed: a.failed + c.failed }),
      { total: 0, unassigned: 0, assigned: 0, inProgress: 0, succeeded: 0, failed: 0 },
    );
    const pulling = await readAll<Omit<SolicitationTaskRow, 'createdDate'> & { createdAt: number }>(this.core.reads, sql`
      SELECT t.id, t.customer_id AS customerId, c.name AS customerName, v.plate, t.window_start AS windowStart, t.window_end AS windowEnd,
             t.status, t.assignee_id AS assigneeId, u.display_name AS assigneeName,
             t.created_at AS createdAt
        FROM solicitation_tasks t JOIN customers c ON c.id = t.customer_id
        LEFT JOIN vehicles v ON v.id = t.vehicle_id LEFT JOIN users u ON u.id = t.assignee_id
       WHERE ${period} AND t.status IN ('unassigned', 'assigned') ORDER BY t.created_at, t.id LIMIT ${PULLING_LIMIT}`);
    return { from, to, overall: row({ ...sum, agentId: null, agentName: null }), perAgent: counts.map(row), pulling: pulling.map(({ createdAt, ...r }) => ({ ...r, createdDate: todayIn(tz, createdAt) })) };
  }
}
