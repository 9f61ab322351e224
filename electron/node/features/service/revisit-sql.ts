/**
 * The revisit lists' rule in SQL for the grid (revisit-lists.ts `selectRevisits` / `tabOf` is the
 * same rule in code; a test checks both answer the same): the deliveries (销售回访) or service
 * visits (维修回访) of a date range on one tab — decided by the event's latest revisit — with
 * 免打扰 (revisits) customers left out of the tabs still to work.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { RevisitKind, RevisitTab } from '../../../common/api/revisits';
import { AppError } from '../../errors';
import { addDays, isDate } from '../../../common/dates';

/** Default window: delivered (or repaired) in the last 3 days, the dealer's days — today and the two before. */
export const DEFAULT_REVISIT_DAYS = 3;

/** The inclusive date range of a revisit list: the given one, or the last 3 days up to today. */
export function revisitRange(today: string, from?: string, to?: string): { from: string; to: string } {
  const t = to ?? today;
  const f = from ?? addDays(t, -(DEFAULT_REVISIT_DAYS - 1));
  if (!isDate(f) || !isDate(t)) throw new AppError('INVALID_INPUT', { issues: 'not a date' });
  return f <= t ? { from: f, to: t } : { from: t, to: f };
}

/** The service visits a repair revisit is about (every type the workshop does). */
export const REPAIR_VISIT_TYPES = ['repair', 'accident', 'warranty', 'regular_service', 'first_service', 'other'] as const;

/** The event's date column: delivery date or repair date. */
export const eventDateColumn = (kind: RevisitKind) => (kind === 'sales' ? 'delivery_date' : 'date');

/**
 * The event's latest revisit id (SQL text). customer_id first: revisits is indexed on it (not on
 * delivery_id / service_visit_id).
 */
export const latestRevisitSql = (kind: RevisitKind, e: string) =>
  `(select max(r.id) from revisits r where r.customer_id = ${e}.customer_id and r.kind = '${kind}' and r.${kind === 'sales' ? 'delivery_id' : 'service_visit_id'} = ${e}.id)`;

/** The tab (SQL text): none / open → pending; 未接通 → unreachable; done + again → again; done → done. */
export const revisitTabSql = (kind: RevisitKind, e: string) =>
  `coalesce((select case when r.status = 'unreachable' then 'unreachable' when r.status = 'done' and r.needs_revisit_again = 1 then 'again' when r.status = 'done' then 'done' else 'pending' end from revisits r where r.id = ${latestRevisitSql(kind, e)}), 'pending')`;

/** WHERE of one tab: `e` = the event (deliveries / service_visits), `c` = its customer. */
export function revisitRuleSql(kind: RevisitKind, tab: RevisitTab, range: { from: string; to: string }, a: { e: string; c: string }): SQL {
  const date = sql.raw(`${a.e}.${eventDateColumn(kind)}`);
  const types = kind === 'repair' ? sql` and ${sql.raw(`${a.e}.type`)} in (${sql.join(REPAIR_VISIT_TYPES.map((t) => sql`${t}`), sql`, `)})` : sql``;
  // 已回访 is history and keeps everyone; the tabs still to work leave DND (revisits) customers out.
  const dnd = tab === 'done' ? sql`` : sql` and ${sql.raw(`${a.c}.dnd_revisit`)} = 0`;
  return sql`${date} between ${range.from} and ${range.to}${types} and ${sql.raw(revisitTabSql(kind, a.e))} = ${tab}${dnd}`;
}
