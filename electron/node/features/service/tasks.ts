import { sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { tasks } from '../../../../db/schema';
import type { ServiceTaskKind } from '../../../common/service-tasks';
import type { Core } from '../../core';
import { writeAudit } from '../admin';

export interface NewTask {
  kind: ServiceTaskKind;
  customerId: number;
  vehicleId?: number | null;
  /** YYYY-MM-DD, the dealer's calendar day the task is due. */
  dueDate: string;
  assigneeId?: number | null;
  /** Why this customer is on the list, in the words an agent reads (e.g. 保险 2026-12-05 到期). */
  reason?: string | null;
  /** The record the task is about (e.g. 'revisit', 'delivery', 'service_visit') and its id. */
  refType?: string | null;
  refId?: number | null;
  jobRunId?: number | null;
}

/** The same task twice (a list turned into tasks again, a job run twice) is one task. */
export const taskNaturalKey = (t: Pick<NewTask, 'kind' | 'customerId' | 'vehicleId' | 'dueDate'>) => `${t.kind}:${t.customerId}/${t.vehicleId ?? ''}:${t.dueDate}`;

/**
 * Creates agents' tasks, idempotently by natural key, each with its audit row, in the caller's
 * transaction when one is given. Returns how many were new and how many already existed.
 */
export function createTasks(core: Pick<Core, 'clock' | 'db'>, actorId: number | null, rows: readonly NewTask[], db: Db = core.db): { created: number; existing: number } {
  return db.transaction((tx) => {
    let created = 0;
    const now = core.clock.now();
    for (const r of rows) {
      const row = tx
        .insert(tasks)
        .values({
          kind: r.kind,
          naturalKey: taskNaturalKey(r),
          customerId: r.customerId,
          vehicleId: r.vehicleId ?? null,
          dueDate: r.dueDate,
          assigneeId: r.assigneeId ?? null,
          reason: r.reason ?? null,
          refType: r.refType ?? null,
          refId: r.refId ?? null,
          jobRunId: r.jobRunId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: tasks.naturalKey })
        .returning({ id: tasks.id })
        .get();
      if (!row) continue;
      created++;
      writeAudit(tx, core.clock, { userId: actorId, action: 'create', entity: 'task', entityId: row.id, after: { ...r, id: row.id } });
    }
    return { created, existing: rows.length - created };
  });
}

/** Open tasks of a kind for a customer (e.g. "is there already a low-score follow-up?"). */
export function openTaskCount(db: Db, kind: ServiceTaskKind, customerId: number): number {
  return db.get<{ n: number }>(sql`select count(*) as n from tasks where kind = ${kind} and customer_id = ${customerId} and status in ('open', 'in_progress')`)!.n;
}
