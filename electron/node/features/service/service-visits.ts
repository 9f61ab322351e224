import { sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { serviceVisits, vehicles } from '../../../../db/schema';
import type { FieldProblem } from '../../../common/api/customers';
import type { NewServiceVisit, ServiceVisitSaved } from '../../../common/api/service-visits';
import type { Locale } from '../../../common/i18n/errors';
import type { Core } from '../../core';
import { AuditedWriter } from '../admin';
import { todayIn } from '../../../common/dates';
import { recomputeNextService } from './next-service';
import { CareProblems } from './service-visits-messages';
import { avgKmPerDay, laterDay, mileageGoesBack, visitDateProblem, type VehicleReading } from './service-visits-rules';

export const MAX_MILEAGE = 2_000_000;

/** What checkVisit reads of a vehicle and saveVisit needs of it. */
export interface VehicleFacts {
  id: number;
  customerId: number;
  deliveryDate: string | null;
  purchaseDate: string | null;
  mileage: number | null;
  mileageDate: string | null;
  lastServiceDate: string | null;
  avgKmPerDay: number | null;
}

const vehicleFacts = (db: Db, id: number) =>
  db.get<VehicleFacts>(sql`SELECT id, customer_id AS customerId, delivery_date AS deliveryDate, purchase_date AS purchaseDate, mileage,
    mileage_date AS mileageDate, last_service_date AS lastServiceDate, avg_km_per_day AS avgKmPerDay FROM vehicles WHERE id = ${id}`);

/** An RO number for a visit entered here without one from the DMS: CRM-<day>-<vehicle>-<n>. */
function ownRoNumber(db: Db, vehicleId: number, date: string): string {
  const base = `CRM-${date.replaceAll('-', '')}-${vehicleId}`;
  // A range on the unique index ('-' + 1 is '.'): LIKE cannot use it and scanned 3M ROs (1.1 s) at 1M customers.
  const n = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM service_visits WHERE ro_number = ${base} OR (ro_number > ${base + '-'} AND ro_number < ${base + '.'})`)!.n;
  return n ? `${base}-${n + 1}` : base;
}

/**
 * Every problem of one visit (nothing written): the vehicle, the day (not after today, not before
 * delivery), the type, the odometer (not backwards), the RO number (unique), the advisor.
 */
export function checkVisit(
  core: Pick<Core, 'clock' | 'db' | 'settings'>,
  locale: Locale,
  v: NewServiceVisit,
  db: Db = core.db,
  /** An odometer reading not stored yet (an import's preview: an earlier row of the same file), newer than the stored one if its day is. */
  earlier?: VehicleReading,
): { problems: FieldProblem[]; vehicle: VehicleFacts | undefined } {
  const p = new CareProblems(locale);
  const vehicle = vehicleFacts(db, v.vehicleId);
  if (!vehicle) return { problems: p.add('vehicleId', 'visit.vehicle').list, vehicle };
  const today = todayIn(core.settings.get('dealer.timeZone'), core.clock.now());
  const dateProblem = visitDateProblem(v.date, today, vehicle.deliveryDate);
  if (dateProblem === 'future') p.add('date', 'visit.future', { date: v.date });
  if (dateProblem === 'beforeDelivery') p.add('date', 'visit.beforeDelivery', { date: v.date, delivery: vehicle.deliveryDate });
  if (v.mileage != null && (!Number.isInteger(v.mileage) || v.mileage < 0 || v.mileage > MAX_MILEAGE)) p.add('mileage', 'visit.mileage');
  else {
    // saveVisit's own rule: a reading replaces the stored one when its day is the same or later.
    const reading = earlier?.mileageDate && (!vehicle.mileageDate || earlier.mileageDate >= vehicle.mileageDate) ? earlier : vehicle;
    if (mileageGoesBack(reading, v.mileage ?? null, v.date)) p.add('mileage', 'visit.mileageBack', { mileage: v.mileage, last: reading.mileage, date: reading.mileageDate });
  }
  if (v.roNumber && db.get(sql`SELECT 1 FROM service_visits WHERE ro_number = ${v.roNumber}`)) p.add('roNumber', 'visit.roTaken', { ro: v.roNumber });
  if (v.advisorId != null && !db.get(sql`SELECT 1 FROM users WHERE id = ${v.advisorId} AND active = 1 AND role = 'serviceAdvisor'`)) p.add('advisorId', 'visit.advisor');
  return { problems: p.list, vehicle };
}

/**
 * Records one checked visit, all in the caller's transaction: the RO row (audited), the vehicle's
 * last service day, odometer and average km per day (audited), its next service date
 * (recomputeNextService) and 招揽成功 of the customer's open solicitation tasks whose window holds the day.
 */
export function saveVisit(core: Pick<Core, 'clock' | 'db' | 'services' | 'sqlite'>, actorId: number, v: NewServiceVisit, vehicle: VehicleFacts, tx: Db): ServiceVisitSaved {
  const writer = new AuditedWriter(core.db, core.clock);
  const now = core.clock.now();
  const row = writer.insert(
    actorId,
    'service_visit',
    serviceVisits,
    {
      vehicleId: vehicle.id,
      customerId: vehicle.customerId,
      roNumber: v.roNumber || ownRoNumber(tx, vehicle.id, v.date),
      date: v.date,
      type: v.type,
      mileage: v.mileage ?? null,
      advisorId: v.advisorId ?? null,
      amount: v.amount ?? null,
      items: v.items?.trim() || null,
      createdAt: now,
    },
    tx,
  );
  // A newer odometer reading replaces the stored one; an older visit entered late leaves it alone.
  const newer = v.mileage != null && (!vehicle.mileageDate || v.date >= vehicle.mileageDate);
  const avg = newer ? avgKmPerDay(v.mileage ?? null, v.date, vehicle.deliveryDate ?? vehicle.purchaseDate) : null;
  writer.update(
    actorId,
    'vehicle',
    vehicles,
    vehicle.id,
    {
      lastServiceDate: laterDay(vehicle.lastServiceDate, v.date),
      ...(newer ? { mileage: v.mileage, mileageDate: v.date } : {}),
      ...(avg != null ? { avgKmPerDay: avg } : {}),
      updatedAt: now,
    },
    tx,
  );
  const next = recomputeNextService(core, actorId, vehicle.id);
  const { succeeded } = core.services.solicitation.detectSuccess(actorId, { customerId: vehicle.customerId, tx });
  return { id: row.id, roNumber: row.roNumber, nextServiceDate: next.nextServiceDate, solicitationSucceeded: succeeded };
}

/** One visit from the form: every problem at once, or the visit with all its effects in one transaction. */
export function addServiceVisit(core: Pick<Core, 'clock' | 'db' | 'services' | 'settings' | 'sqlite'>, actorId: number, locale: Locale, v: NewServiceVisit): ServiceVisitSaved {
  return core.db.transaction((tx) => {
    const { problems, vehicle } = checkVisit(core, locale, v, tx);
    if (problems.length || !vehicle) {
      const p = new CareProblems(locale);
      p.list.push(...problems);
      p.throwIfAny();
    }
    return saveVisit(core, actorId, v, vehicle!, tx);
  });
}

/** A vehicle's visits, newest first (the form shows the history it adds to). */
export function visitsOf(core: Pick<Core, 'db'>, vehicleId: number, limit = 20) {
  return core.db.all<{ id: number; roNumber: string; date: string; type: string; mileage: number | null; items: string | null; advisorName: string | null }>(sql`
    SELECT sv.id, sv.ro_number AS roNumber, sv.date, sv.type, sv.mileage, sv.items, u.display_name AS advisorName
      FROM service_visits sv LEFT JOIN users u ON u.id = sv.advisor_id
     WHERE sv.vehicle_id = ${vehicleId} ORDER BY sv.date DESC, sv.id DESC LIMIT ${limit}`);
}
