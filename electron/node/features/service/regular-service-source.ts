import { sql } from 'drizzle-orm';
import type { Core } from '../../core';
import { addDays } from '../grid/dates';

/**
 * The regular-service list (常规保养) as 主动预约 and 招揽任务 read it. The "reminders" feature owns
 * the real list (regularServiceList in reminders.ts); until it is there this is a minimal stand-in
 * with the glossary's rule: next service date in [from, to], no service in the last 10 days,
 * DND-call customers left out and counted.
 */
export interface RegularServiceDue {
  customerId: number;
  customerName: string;
  phone: string | null;
  vehicleId: number;
  plate: string | null;
  model: string;
  nextServiceDate: string;
  lastServiceDate: string | null;
}

export const RECENT_SERVICE_DAYS = 10;

export function regularServiceDue(core: Core, range: { from: string; to: string; today: string; limit?: number }): { rows: RegularServiceDue[]; dndExcluded: number } {
  const recentFrom = addDays(range.today, -RECENT_SERVICE_DAYS);
  const base = sql`
    FROM vehicles v JOIN customers c ON c.id = v.customer_id
   WHERE v.next_service_date BETWEEN ${range.from} AND ${range.to}
     AND NOT EXISTS (SELECT 1 FROM service_visits sv WHERE sv.vehicle_id = v.id AND sv.date >= ${recentFrom})`;
  const rows = core.db.all<RegularServiceDue>(sql`
    SELECT c.id AS customerId, c.name AS customerName,
           (SELECT p.raw FROM customer_phones p WHERE p.customer_id = c.id ORDER BY p.is_primary DESC, p.id LIMIT 1) AS phone,
           v.id AS vehicleId, v.plate, v.model, v.next_service_date AS nextServiceDate, v.last_service_date AS lastServiceDate
      ${base} AND c.dnd_call = 0
     ORDER BY v.next_service_date, v.id LIMIT ${range.limit ?? 5000}`);
  const dndExcluded = core.db.get<{ n: number }>(sql`SELECT count(*) AS n ${base} AND c.dnd_call = 1`)!.n;
  return { rows, dndExcluded };
}
