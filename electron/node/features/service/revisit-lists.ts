import { sql } from 'drizzle-orm';
import type { RevisitKind, RevisitList, RevisitListRow, RevisitResult, RevisitTab } from '../../../common/api/revisits';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth/service';
import { AppError } from '../../errors';
import { addDays, isDate, todayIn } from '../grid/dates';
import { createTasks } from './tasks';
import { formatPhone } from '../../../common/phone-format';
import { primaryPhoneExpr } from '../customers/primary-phone';

/** Default window: delivered (or repaired) in the last 3 days, the dealer's days — today and the two before. */
export const DEFAULT_REVISIT_DAYS = 3;
/** Most rows one tab shows; a wider range is narrowed by the user (the list is a day's work). */
export const REVISIT_LIST_LIMIT = 1000;

/** The inclusive date range of a revisit list: the given one, or the last 3 days up to today. */
export function revisitRange(today: string, from?: string, to?: string): { from: string; to: string } {
  const t = to ?? today;
  const f = from ?? addDays(t, -(DEFAULT_REVISIT_DAYS - 1));
  if (!isDate(f) || !isDate(t)) throw new AppError('INVALID_INPUT', { issues: 'not a date' });
  return f <= t ? { from: f, to: t } : { from: t, to: f };
}

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

  /** The 待回访 tab as tasks (kind revisit_sales / revisit_repair, due today), DND left out. */
  toTasks(s: SessionCtx, kind: RevisitKind, from?: string, to?: string): { created: number; existing: number; excludedDnd: number } {
    const l = this.list(s, kind, 'pending', from, to);
    const today = todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
    const r = createTasks(
      this.core,
      s.user.id,
      l.rows.map((x) => ({
        kind: kind === 'sales' ? ('revisit_sales' as const) : ('revisit_repair' as const),
        customerId: x.customerId,
        vehicleId: x.vehicleId,
        dueDate: today,
        reason: kind === 'sales' ? `交车 ${x.date}` : `维修 ${x.date}${x.roNumber ? ` ${x.roNumber}` : ''}`,
        refType: kind === 'sales' ? 'delivery' : 'service_visit',
        refId: x.eventId,
      })),
    );
    return { ...r, excludedDnd: l.excludedDnd };
  }

  list(s: SessionCtx, kind: RevisitKind, tab: RevisitTab, from?: string, to?: string): RevisitList {
    const today = todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
    const range = revisitRange(today, from, to);
    const vis = this.core.visibility.visibleSql(s, 'c');
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
