import { sql } from 'drizzle-orm';
import { testDriveBookings, testDriveVehicles } from '../../../../db/schema';
import type { TestDriveBookingView, TestDriveVehicle } from '../../../common/api/showroom';
import { stageIndex, type StageCode } from '../../../common/stages';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { maskName, normalizePlate } from '../customers';
import { addDays, dayStartMs, isDate } from '../../../common/dates';
import { localTime, ShowroomBase, ShowroomProblems, textOrNull } from './showroom';
import { OPPORTUNITY_TEXTS } from './opportunity-texts';
import { SHOWROOM_TEXTS } from './showroom-texts';
import { zoneFormat } from '../../../common/dates';

const MONTH_DAY_MINUTE: Intl.DateTimeFormatOptions = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** A drive longer than this is a typo (a day instead of an hour), not a booking. */
export const MAX_DRIVE_HOURS = 4;
/** Slack for "now": the form was filled a moment ago. */
const NOW_SLACK_MS = 60_000;

/** Two bookings [start, end) of one car overlap; touching ends (one ends when the next starts) do not. */
export function overlaps(a: { startAt: number; endAt: number }, b: { startAt: number; endAt: number }): boolean {
  return a.startAt < b.endAt && b.startAt < a.endAt;
}

type VehicleRow = { id: number; model: string; plate: string | null; vin: string | null; active: number };
type BookingRow = { id: number; status: 'booked' | 'done' | 'cancelled'; opportunityId: number | null; customerId: number };

/**
 * 试乘试驾: the fleet, bookings (a car is never booked twice for the same time), and completing a
 * drive, which moves the opportunity up to 试车 when it was behind.
 */
export class TestDriveService extends ShowroomBase {
  vehicles(includeInactive: boolean): TestDriveVehicle[] {
    const where = includeInactive ? sql`` : sql`WHERE active = 1`;
    return this.core.db
      .all<VehicleRow>(sql`SELECT id, model, plate, vin, active FROM test_drive_vehicles ${where} ORDER BY active DESC, model, id`)
      .map((v) => ({ ...v, active: v.active === 1 }));
  }

  createVehicle(s: SessionCtx, input: { model: string; plate?: string | null; vin?: string | null }): { id: number } {
    const p = new ShowroomProblems(s.user.locale);
    const model = input.model.trim();
    if (!this.dict.accepts('model', model)) p.add('model', 'dict.unknown', { code: model });
    let plate = textOrNull(input.plate);
    if (plate) {
      plate = normalizePlate(plate);
      if (!plate) p.add('plate', 'showroom.vehicle.plate');
    }
    const vin = textOrNull(input.vin)?.toUpperCase() ?? null;
    if (vin && !/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) p.add('vin', 'showroom.vehicle.vin');
    p.throwIfAny();
    return { id: this.writer.insert(s.user.id, 'test_drive_vehicle', testDriveVehicles, { model, plate, vin, active: true }).id };
  }

  deactivateVehicle(s: SessionCtx, id: number): { id: number } {
    this.writer.update(s.user.id, 'test_drive_vehicle', testDriveVehicles, id, { active: false });
    return { id };
  }

  private hhmm(ms: number): string {
    return zoneFormat('en-CA', this.timeZone, MONTH_DAY_MINUTE)
      .format(ms)
      .replace(',', '');
  }

  book(
    s: SessionCtx,
    raw: { vehicleId: number; customerId: number; opportunityId?: number; startAt?: number; endAt?: number; date?: string; startTime?: string; endTime?: string; consultantId?: number },
  ): { id: number; opportunityId: number | null } {
    const p = new ShowroomProblems(s.user.locale);
    if (raw.date !== undefined && !isDate(raw.date)) {
      p.add('date', 'date.format');
      p.throwIfAny();
    }
    const input = {
      ...raw,
      startAt: raw.startAt ?? localTime(raw.date!, raw.startTime!, this.timeZone),
      endAt: raw.endAt ?? localTime(raw.date!, raw.endTime!, this.timeZone),
    };
    const consultantId = this.consultant(s, p, input.consultantId);
    const vehicle = this.core.db.get<VehicleRow | undefined>(sql`SELECT id, model, plate, vin, active FROM test_drive_vehicles WHERE id = ${input.vehicleId}`);
    if (!vehicle) throw new AppError('NOT_FOUND');
    this.core.visibility.requireVisible(s, input.customerId);
    if (!vehicle.active) p.add('vehicleId', 'showroom.booking.inactive');
    if (input.startAt < this.core.clock.now() - NOW_SLACK_MS) p.add('startAt', 'showroom.booking.past');
    if (input.endAt <= input.startAt) p.add('endAt', 'showroom.booking.order');
    else if (input.endAt - input.startAt > MAX_DRIVE_HOURS * 3_600_000) p.add('endAt', 'showroom.booking.tooLong', { hours: MAX_DRIVE_HOURS });

    let opportunityId: number | null = null;
    if (input.opportunityId) {
      const o = this.core.db.get<{ id: number } | undefined>(
        sql`SELECT o.id FROM opportunities o WHERE o.id = ${input.opportunityId} AND o.customer_id = ${input.customerId} AND ${this.owned(s, 'o.consultant_id')}`,
      );
      if (!o) throw new AppError('NOT_FOUND');
      opportunityId = o.id;
    } else {
      opportunityId =
        this.core.db.get<{ id: number } | undefined>(sql`
          SELECT o.id FROM opportunities o WHERE o.customer_id = ${input.customerId} AND o.status = 'open' AND ${this.owned(s, 'o.consultant_id')}
           ORDER BY (o.consultant_id = ${consultantId}) DESC, o.id DESC LIMIT 1`)?.id ?? null;
    }
    p.throwIfAny();

    // The overlap check and the insert in one transaction: better-sqlite3 serialises writers, so
    // no other booking can slip in between.
    return this.core.db.transaction((tx) => {
      const clash = tx.get<{ startAt: number; endAt: number } | undefined>(sql`
        SELECT start_at AS startAt, end_at AS endAt FROM test_drive_bookings
         WHERE vehicle_id = ${vehicle.id} AND status <> 'cancelled' AND start_at < ${input.endAt} AND end_at > ${input.startAt}
         ORDER BY start_at LIMIT 1`);
      if (clash) {
        p.add('startAt', 'showroom.booking.overlap', { from: this.hhmm(clash.startAt), to: this.hhmm(clash.endAt).slice(-5) });
        p.throwIfAny();
      }
      const row = this.writer.insert(
        s.user.id,
        'test_drive_booking',
        testDriveBookings,
        { vehicleId: vehicle.id, customerId: input.customerId, opportunityId, consultantId, startAt: input.startAt, endAt: input.endAt, status: 'booked', createdAt: this.core.clock.now() },
        tx,
      );
      return { id: row.id, opportunityId };
    });
  }

  /** A booking the user may act on (their own; a manager's teams'), still 'booked'. */
  private openBooking(s: SessionCtx, id: number): BookingRow {
    const b = this.core.db.get<BookingRow | undefined>(
      sql`SELECT c.id, c.status, c.opportunity_id AS opportunityId, c.customer_id AS customerId FROM test_drive_bookings c WHERE c.id = ${id} AND ${this.owned(s, 'c.consultant_id')}`,
    );
    if (!b) throw new AppError('NOT_FOUND');
    if (b.status !== 'booked') {
      const p = new ShowroomProblems(s.user.locale);
      const status = SHOWROOM_TEXTS.text(`booking.status.${b.status}`, p.locale);
      p.add('status', 'showroom.booking.status', { status });
      p.throwIfAny();
    }
    return b;
  }

  cancel(s: SessionCtx, id: number): { id: number } {
    this.openBooking(s, id);
    this.writer.update(s.user.id, 'test_drive_booking', testDriveBookings, id, { status: 'cancelled' });
    return { id };
  }

  /** The drive took place: done, and the opportunity moves up to 试车 if it is open and behind it. */
  complete(s: SessionCtx, id: number): { id: number; stageChanged: boolean } {
    const b = this.openBooking(s, id);
    const opps = this.core.services.sales.opportunities;
    return this.core.db.transaction((tx) => {
      this.writer.update(s.user.id, 'test_drive_booking', testDriveBookings, id, { status: 'done' }, tx);
      if (!b.opportunityId) return { id, stageChanged: false };
      // Only an opportunity the user may act on moves (a booking can outlive a reassignment); the
      // drive is recorded as done either way.
      const o = tx.get<{ stage: string; status: string } | undefined>(
        sql`SELECT o.stage, o.status FROM opportunities o WHERE o.id = ${b.opportunityId} AND ${this.owned(s, 'o.consultant_id')}`,
      );
      if (!o || o.status !== 'open' || stageIndex(o.stage as StageCode) >= stageIndex('test_drive')) return { id, stageChanged: false };
      const needsPlan = !opps.hasPlannedActivity(b.opportunityId, tx);
      const tz = this.timeZone;
      const tomorrow = addDays(this.today(), 1);
      const nextActivity = needsPlan
        ? { type: 'call', plannedAt: dayStartMs(tomorrow, tz) + 10 * 3_600_000, subject: OPPORTUNITY_TEXTS.text('subject.testDrive', s.user.locale) }
        : null;
      opps.changeStage(s, { id: b.opportunityId, stage: 'test_drive', nextActivity }, tx);
      return { id, stageChanged: true };
    });
  }

  /** Active cars and the day's bookings (not cancelled); customers the user may not see are masked. */
  schedule(s: SessionCtx, date: string): { timeZone: string; vehicles: TestDriveVehicle[]; bookings: TestDriveBookingView[] } {
    if (!isDate(date)) throw new AppError('INVALID_INPUT', { issues: 'date' });
    const from = dayStartMs(date, this.timeZone);
    const to = dayStartMs(addDays(date, 1), this.timeZone);
    const visible = this.core.visibility.visibleCustomers(s, 'cu');
    const rows = this.core.db.all<Omit<TestDriveBookingView, 'canAct'> & { canOpen: number; canAct: number }>(sql`
      SELECT c.id, c.vehicle_id AS vehicleId, c.customer_id AS customerId, cu.name AS customerName, (${visible}) AS canOpen,
             c.opportunity_id AS opportunityId, c.consultant_id AS consultantId, u.display_name AS consultantName,
             c.start_at AS startAt, c.end_at AS endAt, c.status, (${this.owned(s, 'c.consultant_id')}) AS canAct
        FROM test_drive_vehicles v
        JOIN test_drive_bookings c ON c.vehicle_id = v.id
        JOIN customers cu ON cu.id = c.customer_id LEFT JOIN users u ON u.id = c.consultant_id
       -- A drive lasts at most MAX_DRIVE_HOURS, so the start bound keeps this a range on (vehicle_id, start_at).
       WHERE c.start_at >= ${from - MAX_DRIVE_HOURS * 3_600_000} AND c.start_at < ${to} AND c.end_at > ${from} AND c.status <> 'cancelled'
       ORDER BY c.vehicle_id, c.start_at`);
    return {
      timeZone: this.timeZone,
      vehicles: this.vehicles(false),
      bookings: rows.map(({ canOpen, canAct, ...b }) => ({ ...b, customerName: canOpen ? b.customerName : maskName(b.customerName), canAct: canAct === 1 })),
    };
  }
}
