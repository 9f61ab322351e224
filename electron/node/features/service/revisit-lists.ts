import { sql } from 'drizzle-orm';
import { REVISIT_DATASETS, revisitPreset, type RevisitKind, type RevisitList, type RevisitListRow, type RevisitResult, type RevisitTab } from '../../../common/api/revisits';
import type { GridSelection, Scope } from '../../../common/api/grid';
import { AppError } from '../../errors';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth/service';
import { todayIn } from '../grid/dates';
import { createTasks } from './tasks';
import { selectionIds } from './list-selection';
import { formatPhone } from '../../../common/phone-format';
import { primaryPhoneExpr } from '../customers/primary-phone';

export { DEFAULT_REVISIT_DAYS, revisitRange } from './revisit-sql';
import { revisitRange } from './revisit-sql';

/** Most rows one tab shows; a wider range is narrowed by the user (the list is a day's work). */
export const REVISIT_LIST_LIMIT = 1000;

/** One delivery / service visit in range with its customer's DND flag and its latest revisit. */
export interface RevisitCandidate {
  eventId: number;
  date: string;
  dndRevisit: boolean;
  latest: { status: 'open' | 'unreachable' | 'done'; needsRevisitAgain: boolean } | null;
}

/**
 * Which tab an event is on, from its latest revisit: none or open → 待回访; 未接通 → 未接通
 * (retried, not done); done and flagged "needs another revisit" → 需再次回访; otherwise 已回访.
 */
export function tabOf(latest: RevisitCandidate['latest']): RevisitTab {
  if (!latest || latest.status === 'open') return 'pending';
  if (latest.status === 'unreachable') return 'unreachable';
  return latest.needsRevisitAgain ? 'again' : 'done';
}

/**
 * The rule: the events of a tab in [from, to], DND customers left out of the lists still to work
 * (待回访 / 需再次回访 / 未接通) and counted; 已回访 is history and keeps everyone.
 */
export function selectRevisits<T extends RevisitCandidate>(rows: readonly T[], tab: RevisitTab, range: { from: string; to: string }): { rows: T[]; excludedDnd: number; counts: Record<RevisitTab, number> } {
  const counts: Record<RevisitTab, number> = { pending: 0, again: 0, unreachable: 0, done: 0 };
  const out: T[] = [];
  let excludedDnd = 0;
  for (const r of rows) {
    if (r.date < range.from || r.date > range.to) continue;
    const t = tabOf(r.latest);
    if (t !== 'done' && r.dndRevisit) {
      if (t === tab) excludedDnd++;
      continue;
    }
    counts[t]++;
    if (t === tab) out.push(r);
  }
  return { rows: out, excludedDnd, counts };
}

interface Row extends Omit<RevisitListRow, 'result'> {
  dnd: number;
  status: 'open' | 'unreachable' | 'done' | null;
  again: number | null;
  result: RevisitResult | null;
}

/** 销售回访 by delivery date, 维修回访 by repair date; customers within the user's scope only. */
export class RevisitLists {
  constructor(private core: Core) {}

  /**
   * The 待回访 tab — or the rows of it a grid selection names — as tasks (kind revisit_sales /
   * revisit_repair, due today), DND left out. Tasks are due the day they are made, so an event
   * whose revisit task from an earlier day is still open gets no second one (skippedOpen).
   */
  toTasks(s: SessionCtx, kind: RevisitKind, from?: string, to?: string, selection?: GridSelection): { created: number; existing: number; skippedOpen: number; excludedDnd: number } {
    const l = this.list(s, kind, 'pending', from, to);
    const today = todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
    const taskKind = kind === 'sales' ? ('revisit_sales' as const) : ('revisit_repair' as const);
    const refType = kind === 'sales' ? 'delivery' : 'service_visit';
    const only = selection
      ? new Set(selectionIds(this.core, s, selection, { dataset: REVISIT_DATASETS[kind], presets: [revisitPreset('pending', from, to), revisitPreset('pending', l.from, l.to)] }, REVISIT_LIST_LIMIT))
      : null;
    const picked = only ? l.rows.filter((x) => only.has(x.eventId)) : l.rows;
    const held = new Set(
      (
        this.core.sqlite
          .prepare("select distinct ref_id as id from tasks where kind = ? and ref_type = ? and status in ('open', 'in_progress') and due_date <> ? and ref_id in (select value from json_each(?))")
          .all(taskKind, refType, today, JSON.stringify(picked.map((x) => x.eventId))) as { id: number }[]
      ).map((r) => r.id),
    );
    const rows = picked.filter((x) => !held.has(x.eventId));
    const r = createTasks(
      this.core,
      s.user.id,
      rows.map((x) => ({
        kind: taskKind,
        customerId: x.customerId,
        vehicleId: x.vehicleId,
        dueDate: today,
        reason: kind === 'sales' ? `交车 ${x.date}` : `维修 ${x.date}${x.roNumber ? ` ${x.roNumber}` : ''}`,
        refType,
        refId: x.eventId,
      })),
    );
    return { ...r, skippedOpen: picked.length - rows.length, excludedDnd: l.excludedDnd };
  }

  list(s: SessionCtx, kind: RevisitKind, tab: RevisitTab, from?: string, to?: string, scope?: Scope): RevisitList {
    const today = todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
    const range = revisitRange(today, from, to);
    if (scope && !this.core.visibility.scopesOf(s).includes(scope)) throw new AppError('FORBIDDEN');
    const vis = scope ? this.core.visibility.scopeSql(s, scope, 'c') : this.core.visibility.visibleSql(s, 'c');
    const latestJoin = kind === 'sales' ? sql.raw('r.delivery_id = e.id') : sql.raw('r.service_visit_id = e.id');
    const events =
      kind === 'sales'
        ? sql`SELECT d.id, d.customer_id, d.vehicle_id, d.delivery_date AS date, d.model, NULL AS items, NULL AS ro FROM deliveries d
              WHERE d.delivery_date BETWEEN ${range.from} AND ${range.to}`
        : sql`SELECT v.id, v.customer_id, v.vehicle_id, v.date AS date, NULL AS model, v.items, v.ro_number AS ro FROM service_visits v
              WHERE v.date BETWEEN ${range.from} AND ${range.to} AND v.type IN ('repair', 'accident', 'warranty', 'regular_service', 'first_service', 'other')`;
    const rows = this.core.db.all<Row>(sql`
      WITH e AS (${events})
      SELECT e.id AS eventId, c.id AS customerId, c.name AS customerName,
             ${sql.raw(primaryPhoneExpr('c.id'))} AS phone,
             e.vehicle_id AS vehicleId, vh.plate, COALESCE(e.model, vh.model) AS model, e.date, e.items, e.ro AS roNumber,
             c.dnd_revisit AS dnd, r.id AS lastRevisitId, r.status, r.needs_revisit_again AS again, r.result, r.score,
             COALESCE(r.attempts, 0) AS attempts
      FROM e JOIN customers c ON c.id = e.customer_id
      LEFT JOIN vehicles vh ON vh.id = e.vehicle_id
      -- customer_id first: revisits has an index on it (none on delivery_id / service_visit_id yet).
      LEFT JOIN revisits r ON r.id = (SELECT MAX(r.id) FROM revisits r WHERE r.customer_id = e.customer_id AND r.kind = ${kind} AND ${latestJoin})
      WHERE ${vis}
      ORDER BY e.date DESC, e.id DESC
      LIMIT ${REVISIT_LIST_LIMIT * 4}`);
    const candidates = rows.map((r) => ({
      ...r,
      dndRevisit: r.dnd === 1,
      latest: r.status ? { status: r.status, needsRevisitAgain: r.again === 1 } : null,
    }));
    const picked = selectRevisits(candidates, tab, range);
    return {
      from: range.from,
      to: range.to,
      excludedDnd: picked.excludedDnd,
      counts: picked.counts,
      rows: picked.rows.slice(0, REVISIT_LIST_LIMIT).map((r) => ({
        eventId: r.eventId,
        customerId: r.customerId,
        customerName: r.customerName,
        phone: formatPhone(r.phone),
        vehicleId: r.vehicleId,
        plate: r.plate,
        model: r.model,
        date: r.date,
        items: r.items,
        roNumber: r.roNumber,
        lastRevisitId: r.lastRevisitId,
        attempts: r.attempts,
        result: r.result,
        score: r.score,
      })),
    };
  }
}
