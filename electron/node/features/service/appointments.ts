import { sql } from 'drizzle-orm';
import { appointments } from '../../../../db/schema';
import type { AppointmentDay, AppointmentRow, ProactiveCandidate } from '../../../common/api/appointments';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { AuditedWriter } from '../admin';
import type { SessionCtx } from '../auth';
import { addDays, todayIn } from '../../../common/dates';
import { APPOINTMENT_SLOTS, canChangeAppointment, dealerNow, effectiveStatus, isPastSlot, isSlot, isSlotOver, slotHasRoom, type AppointmentStatus } from './appointment-slots';
import { regularServiceDue } from './regular-service-source';
import { ServiceDeskProblems } from './service-problems';
import { createTasks } from './tasks';
import { primaryPhoneExpr } from '../customers';
import { formatPhone } from '../../../common/phone';

const STATUS_ZH: Record<AppointmentStatus, string> = { booked: '已预约', arrived: '已到店', no_show: '未到店', cancelled: '已取消' };

type Raw = Omit<AppointmentRow, 'proactive'> & { proactive: number };

/**
 * 预约: booking into hourly slots with a capacity, arrival, no-shows and the day-before reminders.
 * An advisor changes only their own appointments; agents and managers book and change any (they
 * take the phone calls). Everyone with access sees the whole day: capacity is the workshop's.
 */
export class AppointmentService {
  private writer: AuditedWriter;
  constructor(readonly core: Pick<Core, 'clock' | 'db' | 'services' | 'settings' | 'visibility'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
  }

  get timeZone(): string {
    return this.core.settings.get('dealer.timeZone');
  }
  get capacity(): number {
    return this.core.settings.get('service.appointmentSlotCapacity');
  }
  private now() {
    return dealerNow(this.timeZone, this.core.clock.now());
  }

  private rows(where: ReturnType<typeof sql>): AppointmentRow[] {
    const now = this.now();
    return this.core.db
      .all<Raw>(sql`
        SELECT a.id, a.customer_id AS customerId, c.name AS customerName,
               ${sql.raw(primaryPhoneExpr('c.id'))} AS phone,
               a.vehicle_id AS vehicleId, v.plate, v.model, a.advisor_id AS advisorId, u.display_name AS advisorName,
               a.date, a.slot, a.status, a.proactive, a.notes
          FROM appointments a JOIN customers c ON c.id = a.customer_id
          LEFT JOIN vehicles v ON v.id = a.vehicle_id LEFT JOIN users u ON u.id = a.advisor_id
         WHERE ${where} ORDER BY a.date, a.slot, a.id`)
      .map((r) => ({ ...r, phone: formatPhone(r.phone), proactive: r.proactive === 1, status: effectiveStatus(r.status, r.date, r.slot, now) }));
  }

  day(date: string): AppointmentDay {
    const now = this.now();
    const capacity = this.capacity;
    const all = this.rows(sql`a.date = ${date}`);
    return {
      date,
      today: now.date,
      capacity,
      slots: APPOINTMENT_SLOTS.map((slot) => {
        const list = all.filter((a) => a.slot === slot);
        const booked = list.filter((a) => a.status !== 'cancelled').length;
        return { slot, booked, capacity, full: !slotHasRoom(booked, capacity), past: isPastSlot(date, slot, now), appointments: list };
      }),
    };
  }

  advisors(): { id: number; name: string }[] {
    return this.core.db.all(sql`SELECT id, display_name AS name FROM users WHERE role = 'serviceAdvisor' AND active = 1 ORDER BY display_name, id`);
  }

  book(
    s: SessionCtx,
    input: { customerId: number; vehicleId?: number | null; date: string; slot: string; advisorId?: number | null; proactive?: boolean; notes?: string | null },
  ): { id: number } {
    const p = new ServiceDeskProblems(s.user.locale);
    this.core.visibility.requireVisible(s, input.customerId);
    const now = this.now();
    if (!isSlot(input.slot)) p.add('slot', 'appointment.slot.unknown', { first: APPOINTMENT_SLOTS[0], last: APPOINTMENT_SLOTS[APPOINTMENT_SLOTS.length - 1] });
    else if (isPastSlot(input.date, input.slot, now)) p.add('slot', 'appointment.past', { date: input.date, slot: input.slot });
    if (input.vehicleId && !this.core.db.get(sql`SELECT 1 FROM vehicles WHERE id = ${input.vehicleId} AND customer_id = ${input.customerId}`)) p.add('vehicleId', 'appointment.vehicle');
    // An advisor booking without naming one books for themself.
    const advisorId = input.advisorId ?? (s.user.role === 'serviceAdvisor' ? s.user.id : null);
    if (advisorId !== null && !this.core.db.get(sql`SELECT 1 FROM users WHERE id = ${advisorId} AND role = 'serviceAdvisor' AND active = 1`)) p.add('advisorId', 'appointment.advisor');
    p.throwIfAny();

    // Capacity check and insert in one transaction: better-sqlite3 serialises writers, so no other
    // booking takes the last place in between.
    return this.core.db.transaction((tx) => {
      const capacity = this.capacity;
      const booked = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM appointments WHERE date = ${input.date} AND slot = ${input.slot} AND status <> 'cancelled'`)!.n;
      if (!slotHasRoom(booked, capacity)) p.add('slot', 'appointment.full', { date: input.date, slot: input.slot, capacity });
      const twice = tx.get<{ slot: string } | undefined>(
        sql`SELECT slot FROM appointments WHERE customer_id = ${input.customerId} AND date = ${input.date} AND status IN ('booked', 'arrived') LIMIT 1`,
      );
      if (twice) p.add('slot', 'appointment.twice', { slot: twice.slot });
      p.throwIfAny();
      const row = this.writer.insert(
        s.user.id,
        'appointment',
        appointments,
        {
          customerId: input.customerId,
          vehicleId: input.vehicleId ?? null,
          advisorId,
          date: input.date,
          slot: input.slot,
          status: 'booked',
          proactive: input.proactive ?? false,
          notes: input.notes?.trim() || null,
          createdAt: this.core.clock.now(),
          createdBy: s.user.id,
        },
        tx,
      );
      return { id: row.id };
    });
  }

  setStatus(s: SessionCtx, id: number, to: 'arrived' | 'cancelled' | 'no_show'): { id: number; status: string } {
    // Record-level rule in SQL: an advisor acts on their own appointments (or unassigned ones) only.
    const mine = s.user.role === 'serviceAdvisor' ? sql`AND (advisor_id = ${s.user.id} OR advisor_id IS NULL)` : sql``;
    const a = this.core.db.get<{ status: AppointmentStatus; date: string; slot: string } | undefined>(sql`SELECT status, date, slot FROM appointments WHERE id = ${id} ${mine}`);
    if (!a) throw new AppError('NOT_FOUND');
    const p = new ServiceDeskProblems(s.user.locale);
    if (!canChangeAppointment(a.status, to)) p.add('status', 'appointment.status', { from: STATUS_ZH[a.status], to: STATUS_ZH[to] });
    else if (to === 'no_show' && !isSlotOver(a.date, a.slot, this.now())) p.add('status', 'appointment.noShowEarly');
    p.throwIfAny();
    this.writer.update(s.user.id, 'appointment', appointments, id, { status: to });
    return { id, status: to };
  }

  noShows(from: string, to: string): AppointmentRow[] {
    return this.rows(sql`a.date BETWEEN ${from} AND ${to} AND a.status IN ('booked', 'no_show')`).filter((a) => a.status === 'no_show');
  }

  /**
   * The day-before reminders: each of tomorrow's bookings becomes an 'appointment_reminder' task
   * (the agent's workbench lists it), due today, for the agent who booked it when that is an agent.
   * DND-call customers get no call and are counted.
   */
  remindTomorrow(actorId: number | null): { date: string; created: number; existing: number; dndExcluded: number } {
    const today = todayIn(this.timeZone, this.core.clock.now());
    const tomorrow = addDays(today, 1);
    const list = this.core.db.all<{ id: number; customerId: number; vehicleId: number | null; slot: string; dnd: number; bookedBy: number | null }>(sql`
      SELECT a.id, a.customer_id AS customerId, a.vehicle_id AS vehicleId, a.slot, c.dnd_call AS dnd,
             (SELECT u.id FROM users u WHERE u.id = a.created_by AND u.role = 'serviceAgent' AND u.active = 1) AS bookedBy
        FROM appointments a JOIN customers c ON c.id = a.customer_id
       WHERE a.date = ${tomorrow} AND a.status = 'booked' ORDER BY a.slot, a.id`);
    const calls = list.filter((a) => a.dnd === 0);
    const r = createTasks(
      this.core,
      actorId,
      calls.map((a) => ({
        kind: 'appointment_reminder' as const,
        customerId: a.customerId,
        vehicleId: a.vehicleId,
        dueDate: today,
        assigneeId: a.bookedBy,
        reason: `预约 ${tomorrow} ${a.slot}`,
        refType: 'appointment',
        refId: a.id,
      })),
    );
    return { date: tomorrow, ...r, dndExcluded: list.length - calls.length };
  }

  /** 主动预约: due for regular service and not yet booked from today on. */
  proactiveCandidates(from: string, to: string): { rows: ProactiveCandidate[]; dndExcluded: number; source: 'reminders' | 'own' } {
    const today = todayIn(this.timeZone, this.core.clock.now());
    const due = regularServiceDue(this.core, { from, to, limit: 500 });
    const booked = new Set(
      this.core.db.all<{ v: number }>(sql`SELECT DISTINCT vehicle_id AS v FROM appointments WHERE date >= ${today} AND status = 'booked' AND vehicle_id IS NOT NULL`).map((r) => r.v),
    );
    return { rows: due.rows.filter((r) => !booked.has(r.vehicleId)), dndExcluded: due.dndExcluded, source: 'reminders' };
  }
}
