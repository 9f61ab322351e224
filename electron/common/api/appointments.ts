import { z } from 'zod';
import { method, returns } from './contract';
import type { Role } from '../roles';

/**
 * 预约 (service appointments, issue 6): a day by hourly slot with a capacity per slot, booking
 * (refused in a full slot or in the past), arrival, no-shows, the day-before reminders, and 主动预约
 * from the regular-service list. Record-level rules are in the handlers' SQL.
 */
export const APPOINTMENT_ROLES: readonly Role[] = ['serviceAdvisor', 'serviceAgent', 'serviceManager', 'generalManager', 'admin'];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const id = z.number().int().positive();

export interface AppointmentRow {
  id: number;
  customerId: number;
  customerName: string;
  phone: string | null;
  vehicleId: number | null;
  plate: string | null;
  model: string | null;
  advisorId: number | null;
  advisorName: string | null;
  date: string;
  slot: string;
  /** Stored status, except that a booking whose slot is over shows as 'no_show'. */
  status: 'booked' | 'arrived' | 'no_show' | 'cancelled';
  proactive: boolean;
  notes: string | null;
}

export interface AppointmentSlotView {
  slot: string;
  /** Bookings that hold a place (not cancelled). */
  booked: number;
  capacity: number;
  full: boolean;
  /** Already started (booking refused). */
  past: boolean;
  appointments: AppointmentRow[];
}

export interface AppointmentDay {
  date: string;
  today: string;
  capacity: number;
  slots: AppointmentSlotView[];
}

export interface ProactiveCandidate {
  customerId: number;
  customerName: string;
  phone: string | null;
  vehicleId: number;
  plate: string | null;
  model: string;
  nextServiceDate: string;
  lastServiceDate: string | null;
}

export const appointmentsApi = {
  'appointments.day': method({ input: z.object({ date }).strict(), access: APPOINTMENT_ROLES, output: returns<AppointmentDay>() }),
  'appointments.book': method({
    input: z
      .object({
        customerId: id,
        vehicleId: id.nullable().optional(),
        date,
        slot: z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM'),
        advisorId: id.nullable().optional(),
        proactive: z.boolean().optional(),
        notes: z.string().trim().max(500).nullable().optional(),
      })
      .strict(),
    access: APPOINTMENT_ROLES,
    output: returns<{ id: number }>(),
  }),
  /** Arrival (also late, or after a no-show), cancellation, or a confirmed no-show. */
  'appointments.setStatus': method({
    input: z.object({ id, status: z.enum(['arrived', 'cancelled', 'no_show']) }).strict(),
    access: APPOINTMENT_ROLES,
    output: returns<{ id: number; status: string }>(),
  }),
  /** Booked and not arrived after the slot ended, within [from, to]. */
  'appointments.noShows': method({ input: z.object({ from: date, to: date }).strict(), access: APPOINTMENT_ROLES, output: returns<AppointmentRow[]>() }),
  /** The day-before reminders: tomorrow's bookings as tasks of kind 'appointment_reminder' (idempotent). */
  'appointments.remindTomorrow': method({
    input: z.object({}).strict(),
    access: ['serviceAgent', 'serviceManager', 'generalManager', 'admin'],
    output: returns<{ date: string; created: number; existing: number; dndExcluded: number }>(),
  }),
  'appointments.advisors': method({ input: z.object({}).strict(), access: APPOINTMENT_ROLES, output: returns<{ id: number; name: string }[]>() }),
  /** 主动预约: customers due for regular service in [from, to] not yet booked (DND left out, counted). */
  'appointments.proactiveCandidates': method({
    input: z.object({ from: date, to: date }).strict(),
    access: APPOINTMENT_ROLES,
    output: returns<{ rows: ProactiveCandidate[]; dndExcluded: number; source: 'reminders' | 'own' }>(),
  }),
};
