import type { ImportField, ImportMapping } from '../../../common/api/data-import';
import type { NewServiceVisit } from '../../../common/api/service-visits';
import type { Locale } from '../../../common/i18n/texts';
import type { Core } from '../../core';
import { cleanPlate } from '../customers';
import { checkVisit, parseVisitType, saveVisit, type VisitVehicle } from '../service';
import type { FileKey, ImportKindRows, ParsedRow, RunEnv, Verdict } from './kinds';
import { RowReader } from './row-reader';

type RoCore = Pick<Core, 'clock' | 'db' | 'services' | 'settings' | 'sqlite'>;

export interface ParsedRepairOrderRow extends ParsedRow {
  visit: NewServiceVisit & { roNumber: string };
  /** The vehicle as checkVisit read it for this row (the run writes the row right after, in the same transaction). */
  vehicle: VisitVehicle | undefined;
}

/** checkVisit's fields → the import's. */
const FIELD_OF: Record<string, ImportField> = { vehicleId: 'vin', date: 'date', mileage: 'mileage', roNumber: 'ro', advisorId: 'advisor' };
const VEHICLE_FIELDS = ['last_service_date', 'mileage', 'mileage_date', 'avg_km_per_day', 'next_service_date', 'updated_at'] as const;

/**
 * 维修工单 (the DMS's repair orders): each row is one service visit of a vehicle here, found by VIN
 * (else plate), saved as the service desk saves one (the vehicle's last service and odometer, its
 * next service date, 招揽成功 of a solicitation whose window holds the day). An RO number already
 * here is the same visit: skipped (the same export imported twice adds nothing).
 */
export class RepairOrderRows implements ImportKindRows<ParsedRepairOrderRow> {
  private q;

  constructor(
    private core: RoCore,
    private locale: Locale,
    private today: string,
  ) {
    const sqlite = core.sqlite;
    this.q = {
      byVin: sqlite.prepare<[string], { id: number }>('SELECT id FROM vehicles WHERE vin = ?'),
      byPlate: sqlite.prepare<[string], { id: number }>('SELECT id FROM vehicles WHERE plate = ? ORDER BY id DESC LIMIT 1'),
      ro: sqlite.prepare<[string], { customerId: number }>('SELECT customer_id AS customerId FROM service_visits WHERE ro_number = ?'),
      vehicle: sqlite.prepare<[number], Record<string, unknown>>(`SELECT ${VEHICLE_FIELDS.join(', ')} FROM vehicles WHERE id = ?`),
      open: sqlite.prepare<[number], { id: number; status: string }>("SELECT id, status FROM solicitation_tasks WHERE customer_id = ? AND status <> 'succeeded'"),
      status: sqlite.prepare<[number], { status: string }>('SELECT status FROM solicitation_tasks WHERE id = ?'),
      version: sqlite.prepare<[number], { version: number }>('SELECT version FROM customers WHERE id = ?'),
    };
    const advisors = sqlite.prepare<[], { id: number; name: string; username: string }>("SELECT id, display_name AS name, username FROM users WHERE role = 'serviceAdvisor' AND active = 1").all();
    this.advisors = new Map(advisors.flatMap((u) => [[u.name, u.id] as const, [u.username.toLowerCase(), u.id] as const]));
  }

  private advisors: Map<string, number>;

  missing(mapping: ImportMapping): ImportField[] {
    const out: ImportField[] = [];
    if (mapping.ro === undefined) out.push('ro');
    if (mapping.vin === undefined && mapping.plate === undefined) out.push('vin');
    if (mapping.date === undefined) out.push('date');
    if (mapping.type === undefined) out.push('type');
    return out;
  }

  parse(mapping: ImportMapping, row: number, cells: readonly string[]): ParsedRepairOrderRow {
    const r = new RowReader(this.locale, this.today, mapping, row, cells);
    const roNumber = r.text('ro') ?? '';
    if (!roNumber) r.problem('ro', r.t('row.ro'));
    const vin = r.cell('vin').replace(/[\s\u3000]/g, '').toUpperCase();
    // As stored, cleaned (spaces, case, full width): a plate the strict format check rejects may still be on file.
    const plate = cleanPlate(r.cell('plate'));
    const vehicleId = (vin ? this.q.byVin.get(vin)?.id : undefined) ?? (plate ? this.q.byPlate.get(plate)?.id : undefined);
    if (!vin && !plate) r.problem('vin', r.t('row.roVehicleNeeded'));
    else if (vehicleId === undefined) r.problem(vin ? 'vin' : 'plate', r.t('row.roVehicle'));
    else {
      if (vin) r.shown.vin = vin;
      if (plate) r.shown.plate = plate;
    }
    const date = r.day('date');
    if (!date && !r.hasProblem('date')) r.problem('date', r.t('row.visitDate'));
    const typeText = r.cell('type');
    const type = parseVisitType(typeText);
    if (!type) r.problem('type', r.t('row.visitType', { value: typeText }));
    else r.shown.type = typeText;
    const mileage = r.count('mileage', 2_000_000, 'row.mileage');
    const items = r.text('items');
    const advisorId = r.user('advisor', this.advisors, 'row.advisor') ?? null;
    const amount = r.money('amount');
    const visit = { vehicleId: vehicleId ?? 0, date: date ?? '', type: type ?? 'repair', mileage, items, advisorId, amount, roNumber };
    let vehicle: VisitVehicle | undefined;
    if (!r.problems.length) {
      // The service desk's own checks: a day before delivery or ahead, an odometer going back (from
      // the stored reading, or in the preview from an earlier row of the file the run writes first).
      const checked = checkVisit(this.core, this.locale, { ...visit, roNumber: null }, this.core.db, this.readings.get(visit.vehicleId));
      for (const p of checked.problems) r.problem(FIELD_OF[p.field] ?? null, p.message);
      vehicle = checked.vehicle;
    }
    return { row, problems: r.problems, shown: r.shown, visit, vehicle };
  }

  /** The odometer readings of the preview's new rows, per vehicle, as saveVisit would store them (the run reads them from the vehicle). */
  private readings = new Map<number, { mileage: number; mileageDate: string }>();

  previewed(p: ParsedRepairOrderRow): void {
    const { vehicleId, mileage, date } = p.visit;
    const had = this.readings.get(vehicleId);
    if (mileage != null && (!had || date >= had.mileageDate)) this.readings.set(vehicleId, { mileage, mileageDate: date });
  }

  existing(p: ParsedRepairOrderRow) {
    const hit = this.q.ro.get(p.visit.roNumber);
    return hit ? { by: 'ro' as const, value: p.visit.roNumber, customerId: hit.customerId } : null;
  }

  keys(p: ParsedRepairOrderRow): FileKey[] {
    return [{ by: 'ro', value: p.visit.roNumber, key: `ro:${p.visit.roNumber}` }];
  }

  apply(p: ParsedRepairOrderRow, env: RunEnv): Verdict {
    // An RO number here already (another import, or an earlier row of this file): the same order.
    if (this.q.ro.get(p.visit.roNumber)) return 'skipped';
    // parse() checked the row against the vehicle as the earlier rows left it: the run parses each
    // row right before it writes it, in the same transaction, so nothing changed in between.
    const vehicle = p.vehicle;
    if (!vehicle) return 'bad';
    if (!env.canSee(vehicle.customerId)) return 'skipped';
    const vehicleBefore = this.q.vehicle.get(vehicle.id)!;
    const open = this.q.open.all(vehicle.customerId);
    const saved = saveVisit(this.core, env.actor, p.visit, vehicle, this.core.db);
    const solicitation = open.filter((t) => this.q.status.get(t.id)?.status === 'succeeded');
    const vehicleAfter = this.q.vehicle.get(vehicle.id)!.updated_at as number;
    return {
      kind: 'created',
      audits: [{ entity: 'service_visit', entityId: saved.id, before: null, after: { roNumber: saved.roNumber, vehicleId: vehicle.id, date: p.visit.date, type: p.visit.type } }],
      trail: {
        customerId: vehicle.customerId,
        action: 'attached',
        version: this.q.version.get(vehicle.customerId)!.version,
        before: null,
        phoneIds: [],
        vehicleIds: [],
        records: { visit: { id: saved.id, vehicleId: vehicle.id, vehicleBefore, vehicleAfter, solicitation } },
      },
    };
  }
}

export { VEHICLE_FIELDS };
