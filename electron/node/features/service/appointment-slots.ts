/**
 * 预约 slots: pure rules on (data, the dealer's clock) — no database here, so every edge is a table test.
 * Slots are hourly from 08:30 to 16:30 (the last one ends at 17:30, when the workshop stops taking cars).
 */
import { DAY_AND_MINUTE, zoneFormat } from '../../../common/dates';

export const APPOINTMENT_SLOTS = ['08:30', '09:30', '10:30', '11:30', '12:30', '13:30', '14:30', '15:30', '16:30'] as const;
export type AppointmentSlot = (typeof APPOINTMENT_SLOTS)[number];
export const SLOT_MINUTES = 60;

export function isSlot(v: string): v is AppointmentSlot {
  return (APPOINTMENT_SLOTS as readonly string[]).includes(v);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Local wall-clock "now" of the dealer: its calendar day and minutes since midnight. */
export interface DealerNow {
  date: string;
  minutes: number;
}

export function dealerNow(timeZone: string, nowMs: number): DealerNow {
  const p = zoneFormat('en-CA', timeZone, DAY_AND_MINUTE).formatToParts(nowMs);
  const g = (t: string) => p.find((x) => x.type === t)!.value;
  return { date: `${g('year')}-${g('month')}-${g('day')}`, minutes: Number(g('hour')) * 60 + Number(g('minute')) };
}

/** A slot that has already started is in the past: a car cannot be booked into an hour already running. */
export function isPastSlot(date: string, slot: string, now: DealerNow): boolean {
  if (date !== now.date) return date < now.date;
  return minutesOf(slot) <= now.minutes;
}

/** The slot has ended (start + 60 min): a booking still not arrived is a no-show. */
export function isSlotOver(date: string, slot: string, now: DealerNow): boolean {
  if (date !== now.date) return date < now.date;
  return minutesOf(slot) + SLOT_MINUTES <= now.minutes;
}

/** A slot takes `capacity` bookings; the one after that is refused. Cancelled bookings free their place. */
export function slotHasRoom(booked: number, capacity: number): boolean {
  return booked < capacity;
}

export type AppointmentStatus = 'booked' | 'arrived' | 'no_show' | 'cancelled';

/**
 * What the screen shows: a booked appointment whose slot is over is a no-show even before anyone
 * marks it (the stored status stays 'booked' until arrival is marked or the no-show is confirmed).
 */
export function effectiveStatus(status: AppointmentStatus, date: string, slot: string, now: DealerNow): AppointmentStatus {
  return status === 'booked' && isSlotOver(date, slot, now) ? 'no_show' : status;
}

/** Allowed changes of a stored appointment. Arrival may be marked late (the customer came after the slot). */
export function canChangeAppointment(from: AppointmentStatus, to: AppointmentStatus): boolean {
  if (from === 'booked') return to === 'arrived' || to === 'cancelled' || to === 'no_show';
  if (from === 'no_show') return to === 'arrived';
  return false;
}
