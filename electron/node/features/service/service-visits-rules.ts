/**
 * Pure rules of recording a service visit (维修工单 / RO) and of reading import files: dates as
 * people and the DMS write them, visit types by code or Chinese name, the vehicle's average km per
 * day from a new odometer reading.
 */
import { addDays, daysBetween } from '../../../common/dates';

export const VISIT_TYPES = ['first_service', 'regular_service', 'repair', 'accident', 'warranty', 'other'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

/** The DMS export's Chinese names (and a few short forms) for each visit type. */
const TYPE_NAMES: Record<string, VisitType> = {
  首保: 'first_service',
  首次保养: 'first_service',
  常规保养: 'regular_service',
  保养: 'regular_service',
  定期保养: 'regular_service',
  维修: 'repair',
  一般维修: 'repair',
  机修: 'repair',
  事故: 'accident',
  事故车: 'accident',
  钣喷: 'accident',
  保修: 'warranty',
  索赔: 'warranty',
  其它: 'other',
  其他: 'other',
};

/** A visit type from its code or its Chinese name; null when it is neither. */
export function parseVisitType(raw: string): VisitType | null {
  const v = raw.trim();
  if ((VISIT_TYPES as readonly string[]).includes(v.toLowerCase())) return v.toLowerCase() as VisitType;
  return TYPE_NAMES[v] ?? null;
}

/** Under this many days since delivery the average is too noisy to plan a service with. */
export const MIN_DAYS_FOR_AVERAGE = 30;

/**
 * Average km per day over the car's life: the odometer at the visit divided by the days since
 * delivery (or purchase). Null when the span is too short or nothing is known; the caller then
 * keeps the average it had.
 */
export function avgKmPerDay(mileage: number | null, visitDate: string, since: string | null): number | null {
  if (mileage == null || mileage <= 0 || !since) return null;
  const days = daysBetween(since, visitDate);
  if (days < MIN_DAYS_FOR_AVERAGE) return null;
  return Math.round((mileage / days) * 10) / 10;
}

export interface VehicleReading {
  mileage: number | null;
  mileageDate: string | null;
}

/**
 * A reading that goes backwards is a typing error (or a swapped RO): on or after the last known
 * reading's day the odometer cannot show less than it did.
 */
export function mileageGoesBack(reading: VehicleReading, mileage: number | null, date: string): boolean {
  return mileage != null && reading.mileage != null && reading.mileageDate != null && date >= reading.mileageDate && mileage < reading.mileage;
}

/** The newer of two days (null-safe). */
export const laterDay = (a: string | null, b: string): string => (a && a > b ? a : b);

/** A visit may not be in the future (the dealer's today) nor before the car was delivered. */
export function visitDateProblem(date: string, today: string, deliveryDate: string | null): 'future' | 'beforeDelivery' | null {
  if (date > today) return 'future';
  if (deliveryDate && date < addDays(deliveryDate, 0)) return 'beforeDelivery';
  return null;
}
