import { sql, type SQL } from 'drizzle-orm';
import { REVISIT_DATASETS, revisitPreset, type RevisitKind, type RevisitList, type RevisitTab } from '../../../common/api/revisits';
import type { GridSelection, Scope } from '../../../common/api/grid';
import { AppError } from '../../errors';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { todayIn } from '../../../common/dates';
import { createTasks } from './tasks';
import { selectionIds } from './list-selection';

export { DEFAULT_REVISIT_DAYS, revisitRange } from './revisit-sql';
import { eventDateColumn, REPAIR_VISIT_TYPES, revisitRange, revisitRuleSql, revisitTabSql } from './revisit-sql';

/** Most rows one 生成任务 / selection turns into tasks (a day's work; a wider range is narrowed by the user). */
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

/** A 待回访 row that becomes a task. */
interface PendingRow {
  eventId: number;
  customerId: number;
  vehicleId: number | null;
  date: string;
  roNumber: string | null;
}

/** 销售回访 by delivery date, 维修回访 by repair date; customers within the user's scope only. */
export class RevisitLists {
  constructor(private core: Pick<Core, 'clock' | 'db' | 'services' | 'settings' | 'sqlite' | 'visibility'>) {}

  /**
   * The 待回访 tab — or the rows of it a grid selection names — as tasks (kind revisit_sales /
   * revisit_repair, due today), DND left out. Tasks are due the day they are made, so an event
   * whose revisit task from an earlier day is still open gets no second one (skippedOpen).
   */
  async toTasks(s: SessionCtx, kind: RevisitKind, from?: string, to?: string, selection?: GridSelection): Promise<{ created: number; existing: number; skippedOpen: number; excludedDnd: number }> {
    const l = this.list(s, kind, 'pending', from, to);
    const today = todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
    const taskKind = kind === 'sales' ? ('revisit_sales' as const) : ('revisit_repair' as const);
    const refType = kind === 'sales' ? 'delivery' : 'service_visit';
    const only = selection
      ? new Set(await selectionIds(this.core, s, selection, { dataset: REVISIT_DATASETS[kind], presets: [revisitPreset('pending', from, to), revisitPreset('pending', l.from, l.to)] }, REVISIT_LIST_LIMIT))
      : null;
    const pending = this.pendingRows(s, kind, l);
    const picked = only ? pending.filter((x) => only.has(x.eventId)) : pending;
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

  /**
   * What the screen shows above the grid: the range (the default filled in), each tab's count and
   * the DND customers left out of the asked tab — the rows themselves are the grid's (the same rule,
   * revisit-sql.ts). One pass over the range's events, grouped by tab.
   */
  list(s: SessionCtx, kind: RevisitKind, tab: RevisitTab, from?: string, to?: string, scope?: Scope): RevisitList {
    const today = todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
    const range = revisitRange(today, from, to);
    const vis = this.visible(s, scope);
    const { table, date, types } = eventSource(kind);
    const tabs = this.core.db.all<{ tab: RevisitTab; n: number; dnd: number }>(sql`
      SELECT t.tab, SUM(t.tab = 'done' OR t.dnd = 0) AS n, SUM(t.tab <> 'done' AND t.dnd = 1) AS dnd
      FROM (SELECT ${sql.raw(revisitTabSql(kind, 'e'))} AS tab, c.dnd_revisit AS dnd
            FROM ${table} e JOIN customers c ON c.id = e.customer_id
            WHERE ${date} BETWEEN ${range.from} AND ${range.to}${types} AND ${vis}) t
      GROUP BY t.tab`);
    const counts: Record<RevisitTab, number> = { pending: 0, again: 0, unreachable: 0, done: 0 };
    let excludedDnd = 0;
    for (const x of tabs) {
      counts[x.tab] = x.n;
      if (x.tab === tab) excludedDnd = x.dnd;
    }
    return { from: range.from, to: range.to, excludedDnd, counts };
  }

  /** The 待回访 rows of the range (the grid's rule), at most REVISIT_LIST_LIMIT: a day's work. */
  private pendingRows(s: SessionCtx, kind: RevisitKind, range: { from: string; to: string }): PendingRow[] {
    const { table } = eventSource(kind);
    return this.core.db.all<PendingRow>(sql`
      SELECT e.id AS eventId, e.customer_id AS customerId, e.vehicle_id AS vehicleId, ${sql.raw(`e.${eventDateColumn(kind)}`)} AS date,
             ${sql.raw(kind === 'sales' ? 'NULL' : 'e.ro_number')} AS roNumber
      FROM ${table} e JOIN customers c ON c.id = e.customer_id
      WHERE ${revisitRuleSql(kind, 'pending', range, { e: 'e', c: 'c' })} AND ${this.visible(s)}
      ORDER BY ${sql.raw(`e.${eventDateColumn(kind)}`)} DESC, e.id DESC
      LIMIT ${REVISIT_LIST_LIMIT}`);
  }

  private visible(s: SessionCtx, scope?: Scope): SQL {
    if (scope && !this.core.visibility.scopesOf(s).includes(scope)) throw new AppError('FORBIDDEN');
    return scope ? this.core.visibility.scopeSql(s, scope, 'c') : this.core.visibility.visibleCustomers(s, 'c');
  }
}

/** The events of a revisit kind: deliveries, or the service visits of the repair types. */
function eventSource(kind: RevisitKind): { table: SQL; date: SQL; types: SQL } {
  return {
    table: sql.raw(kind === 'sales' ? 'deliveries' : 'service_visits'),
    date: sql.raw(`e.${eventDateColumn(kind)}`),
    types: kind === 'repair' ? sql` AND e.type IN (${sql.join(REPAIR_VISIT_TYPES.map((t) => sql`${t}`), sql`, `)})` : sql``,
  };
}
