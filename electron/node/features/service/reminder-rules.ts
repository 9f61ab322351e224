/**
 * The reminder rules of 提醒服务 as pure functions of (vehicle facts, the dealer's today): which
 * vehicles qualify for each list. The SQL in reminders.ts reads the same cut-offs from here, and a
 * test checks both answer the same on demo data. Dates are 'YYYY-MM-DD' calendar days in the
 * dealer's time zone ('dealer.timeZone'), never the machine's.
 */
import { FIRST_SERVICE_DAYS, type ReminderKind } from '../../../common/api/reminders';
import { addDays, addMonths, daysBetween, isLeapYear } from '../../../common/dates';

/** Serviced on or after today − 10 → dropped from 常规/专项保养 (a service exactly 10 days ago is dropped). */
export const RECENT_SERVICE_DAYS = 10;
/** Not seen for more than 6 months: mileage is stale (专项保养) / the customer is churning (流失预警). */
export const STALE_MONTHS = 6;
/** 流失预警: serviced here more than 3 times. */
export const CHURN_MIN_VISITS = 4;
/** 首保: purchased around 90 days ago (± 7 days by default); the number lives in the contract, shared with 售后 / 客服. */
export { FIRST_SERVICE_DAYS };
/** 专项保养: default band, an 80,000 km timing belt. */
export const MILEAGE_BAND: readonly [number, number] = [78_000, 82_000];

/** First day that counts as "serviced recently" (inclusive). */
export const recentServiceFrom = (today: string) => addDays(today, -RECENT_SERVICE_DAYS);
/** First day that counts as "seen within 6 months" (inclusive): 6 months to the day is still seen. */
export const seenSince = (today: string) => addMonths(today, -STALE_MONTHS);

/** Estimated mileage today: the last reading plus the customer's average km per day since then. */
export function estimatedMileage(v: Pick<VehicleFacts, 'mileage' | 'mileageDate' | 'avgKmPerDay'>, today: string): number | null {
  if (v.mileage == null || !v.mileageDate) return null;
  const days = Math.max(0, daysBetween(v.mileageDate, today));
  return Math.round(v.mileage + Math.max(0, v.avgKmPerDay ?? 0) * days);
}

/** A plate of the dealer's city ('dealer.platePrefix', e.g. 粤B); spaces and case are ignored. */
export function isLocalPlate(plate: string | null, prefix: string): boolean {
  if (!plate || !prefix) return false;
  return plate.replace(/\s+/g, '').toUpperCase().startsWith(prefix.replace(/\s+/g, '').toUpperCase());
}

export interface VehicleFacts {
  customerId: number;
  vehicleId: number;
  plate: string | null;
  purchaseDate: string | null;
  nextServiceDate: string | null;
  lastServiceDate: string | null;
  mileage: number | null;
  mileageDate: string | null;
  avgKmPerDay: number | null;
  insuranceExpiry: string | null;
  membershipExpiry: string | null;
  inspectionExpiry: string | null;
  licenceExpiry: string | null;
  /** Service visits of this vehicle here (service_visits rows). */
  visits: number;
  /** 免打扰: the customer takes no calls (dnd_call) or no messages (dnd_sms). */
  dnd: boolean;
}

export interface RuleCtx {
  today: string;
  from: string;
  to: string;
  platePrefix: string;
  kmFrom: number;
  kmTo: number;
}

const inRange = (d: string | null, from: string, to: string) => d != null && d >= from && d <= to;

/** The default "查看" range of each list when the screen or job gives none. */
export function defaultRange(kind: ReminderKind, today: string): [string, string] {
  switch (kind) {
    case 'first_service':
      return [addDays(today, -FIRST_SERVICE_DAYS - 7), addDays(today, -FIRST_SERVICE_DAYS + 7)];
    case 'churn':
      // Last seen between 12 months and 6 months + 1 day ago.
      return [addMonths(today, -12), addDays(seenSince(today), -1)];
    case 'birthday':
      return [today, addDays(today, 6)];
    case 'mileage_service':
      return [today, today]; // the band is in km; the range is not used
    default:
      return [today, addDays(today, 30)];
  }
}

/** Does a vehicle qualify for a list (DND aside — see applyRule)? */
export function qualifies(kind: Exclude<ReminderKind, 'birthday'>, v: VehicleFacts, c: RuleCtx): boolean {
  switch (kind) {
    case 'first_service':
      return inRange(v.purchaseDate, c.from, c.to);
    case 'regular_service':
      return inRange(v.nextServiceDate, c.from, c.to) && !(v.lastServiceDate != null && v.lastServiceDate >= recentServiceFrom(c.today));
    case 'mileage_service': {
      if (!isLocalPlate(v.plate, c.platePrefix)) return false;
      // Seen within 6 months (so the estimate is fresh) but not in the last 10 days.
      if (v.lastServiceDate == null || v.lastServiceDate < seenSince(c.today) || v.lastServiceDate >= recentServiceFrom(c.today)) return false;
      const km = estimatedMileage(v, c.today);
      return km != null && km >= c.kmFrom && km <= c.kmTo;
    }
    case 'expiry_insurance':
      return inRange(v.insuranceExpiry, c.from, c.to);
    case 'expiry_membership':
      return inRange(v.membershipExpiry, c.from, c.to);
    case 'expiry_inspection':
      return inRange(v.inspectionExpiry, c.from, c.to);
    case 'expiry_licence':
      return inRange(v.licenceExpiry, c.from, c.to);
    case 'churn': {
      // No visit within the last 6 months: the range is clamped to before seenSince(today).
      const to = c.to < seenSince(c.today) ? c.to : addDays(seenSince(c.today), -1);
      return isLocalPlate(v.plate, c.platePrefix) && v.visits >= CHURN_MIN_VISITS && inRange(v.lastServiceDate, c.from, to);
    }
  }
}

/** A list: the qualifying vehicles without DND customers, and how many DND vehicles were left out. */
export function applyRule(kind: Exclude<ReminderKind, 'birthday'>, vs: readonly VehicleFacts[], c: RuleCtx): { rows: VehicleFacts[]; leftOutDnd: number } {
  const q = vs.filter((v) => qualifies(kind, v, c));
  return { rows: q.filter((v) => !v.dnd), leftOutDnd: q.filter((v) => v.dnd).length };
}

/**
 * The MM-DD birthdays of the inclusive range (at most a year). In a year without 29 February a
 * 02-29 birthday is celebrated on 02-28.
 */
export function birthdayMds(from: string, to: string): string[] {
  const out = new Set<string>();
  for (let d = from, i = 0; d <= to && i < 366; d = addDays(d, 1), i++) {
    const md = d.slice(5);
    out.add(md);
    if (md === '02-28' && !isLeapYear(Number(d.slice(0, 4)))) out.add('02-29');
  }
  return [...out];
}
