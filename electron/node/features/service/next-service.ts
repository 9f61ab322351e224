/**
 * 计算下次保养日期: the next service is due at the model's interval after the last service, in time
 * or in km, whichever comes first; km are turned into days with the customer's average km per day.
 * A model's intervals come from 数据字典 (车型) when the administrator set them, else the defaults.
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../../../db/client';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { writeAudit } from '../admin';
import { addDays, addMonths } from '../../../common/dates';
import type { ServiceIntervals } from '../../../common/api/dictionaries';

export interface ServiceInterval {
  km: number;
  months: number;
}

/**
 * FAW-VW defaults (the demo seeder assumes the same): 首保 at 5,000 km or 6 months after delivery,
 * then every 7,500 km or 12 months. The ID. electric models have no oil to change: 首保 at
 * 5,000 km / 6 months, then 15,000 km / 12 months.
 */
export const FIRST_SERVICE_INTERVAL: ServiceInterval = { km: 5_000, months: 6 };
export const DEFAULT_INTERVAL: ServiceInterval = { km: 7_500, months: 12 };
export const MODEL_INTERVALS: Readonly<Record<string, ServiceInterval>> = {
  id4crozz: { km: 15_000, months: 12 },
  id6crozz: { km: 15_000, months: 12 },
};

export interface NextServiceInput {
  model: string;
  /** The model's intervals as 数据字典 sets them (null: the defaults above). */
  intervals?: ServiceIntervals | null;
  /** The last service here, or null before the first one (then the delivery date is the start). */
  lastServiceDate: string | null;
  deliveryDate: string | null;
  avgKmPerDay: number | null;
}

/** The next service date, or null when nothing is known to start from. */
export function nextServiceDate(v: NextServiceInput): string | null {
  const start = v.lastServiceDate ?? v.deliveryDate;
  if (!start) return null;
  const set = v.intervals;
  const iv = v.lastServiceDate
    ? set
      ? { km: set.km, months: set.months }
      : (MODEL_INTERVALS[v.model] ?? DEFAULT_INTERVAL)
    : set
      ? { km: set.firstKm, months: set.firstMonths }
      : FIRST_SERVICE_INTERVAL;
  const byTime = addMonths(start, iv.months);
  if (!v.avgKmPerDay || v.avgKmPerDay <= 0) return byTime;
  const byKm = addDays(start, Math.floor(iv.km / v.avgKmPerDay));
  return byKm < byTime ? byKm : byTime;
}

type NextServiceRow = Omit<NextServiceInput, 'intervals'> & { before: string | null; intervals: string | null };

/**
 * The two statements, prepared once per connection: every repair order saved runs them (an import
 * of 100,000 orders spent more time preparing them than running them).
 */
const statements = new WeakMap<Sqlite, { read: Statement<[number], NextServiceRow>; write: Statement<[string | null, string | null, number, number]> }>();
function statementsOf(sqlite: Sqlite) {
  let q = statements.get(sqlite);
  if (!q) {
    q = {
      read: sqlite.prepare<[number], NextServiceRow>(
        `select v.model, v.delivery_date as deliveryDate, v.avg_km_per_day as avgKmPerDay, v.next_service_date as before,
                (select max(s.date) from service_visits s where s.vehicle_id = v.id) as lastServiceDate,
                (select json_extract(d.extra, '$.serviceIntervals') from dictionaries d where d.kind = 'model' and d.code = v.model) as intervals
           from vehicles v where v.id = ?`,
      ),
      write: sqlite.prepare<[string | null, string | null, number, number]>('update vehicles set next_service_date = ?, last_service_date = ?, updated_at = ? where id = ?'),
    };
    statements.set(sqlite, q);
  }
  return q;
}

/** Recomputes and stores one vehicle's next service date from its service history (audited). */
export function recomputeNextService(core: Pick<Core, 'clock' | 'db' | 'sqlite'>, actorId: number | null, vehicleId: number): { vehicleId: number; nextServiceDate: string | null } {
  const q = statementsOf(core.sqlite);
  return core.sqlite.transaction(() => {
    const v = q.read.get(vehicleId);
    if (!v) throw new AppError('NOT_FOUND');
    const next = nextServiceDate({ ...v, intervals: v.intervals ? (JSON.parse(v.intervals) as ServiceIntervals) : null });
    if (next !== v.before || v.lastServiceDate) {
      q.write.run(next, v.lastServiceDate, core.clock.now(), vehicleId);
      writeAudit(core.db, core.clock, { userId: actorId, action: 'update', entity: 'vehicle', entityId: vehicleId, before: { nextServiceDate: v.before }, after: { nextServiceDate: next, lastServiceDate: v.lastServiceDate } });
    }
    return { vehicleId, nextServiceDate: next };
  })();
}
