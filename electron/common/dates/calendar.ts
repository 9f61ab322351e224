/**
 * Calendar arithmetic on 'YYYY-MM-DD' days (and 'YYYY-MM' months), free of any time zone: a day
 * string is already "the dealer's day" (zone.ts turns instants into days and back). Month and year
 * steps go through dayjs in UTC mode (clamped to a short month's end, as dayjs does). Whole-day
 * steps stay integer arithmetic on Date.UTC: they run in per-row loops (reminder lists, schedule
 * generation, the grid's 本周) and dayjs.utc().add(n, 'day') measured ~6× slower.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export const DAY_MS = 86_400_000;

const YMD_RE = /^\d{4}-\d{2}-\d{2}$/;
const FMT = 'YYYY-MM-DD';

/** Days since 1970-01-01 (UTC) of a 'YYYY-MM-DD' day; no validation. Date.UTC reads years 0–99 as 1900–1999, hence setUTCFullYear there. */
export function dayNumber(d: string): number {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1;
  const day = Number(d.slice(8, 10));
  return (y >= 100 ? Date.UTC(y, m, day) : new Date(0).setUTCFullYear(y, m, day)) / DAY_MS;
}
/** The 'YYYY-MM-DD' day of a day number (inverse of dayNumber). */
export const dayOfNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const addDays = (d: string, n: number) => dayOfNumber(dayNumber(d) + n);
/** Whole days from a to b (negative when b is earlier). */
export const daysBetween = (a: string, b: string) => dayNumber(b) - dayNumber(a);

/** A 'YYYY-MM-DD' string naming a day that exists (no 2 月 30 日, 02-29 only in a leap year). */
export function isDate(v: unknown): v is string {
  return typeof v === 'string' && YMD_RE.test(v) && dayOfNumber(dayNumber(v)) === v;
}

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** Days in month m (1–12) of year y. */
export const daysInMonth = (y: number, m: number) => dayjs.utc(Date.UTC(y, m - 1, 1)).daysInMonth();

/** Calendar months, clamped to the month's last day (08-31 − 6 months = 02-28, or 02-29 in a leap year). */
export const addMonths = (d: string, n: number) => dayjs.utc(d).add(n, 'month').format(FMT);

/** Monday = 0 … Sunday = 6 (the week of 本周 starts on Monday). */
export const weekdayMon0 = (d: string) => (new Date(dayNumber(d) * DAY_MS).getUTCDay() + 6) % 7;

/** First and last day of a 'YYYY-MM' month, and the first day of the month after it. */
export function monthDays(month: string): { first: string; last: string; next: string } {
  const m = dayjs.utc(`${month}-01`);
  return { first: m.format(FMT), last: m.endOf('month').format(FMT), next: m.add(1, 'month').format(FMT) };
}

/**
 * Parses a day written the ways Chinese spreadsheets write it — 2026-11-30, 2026/11/30, 2026.11.30,
 * 2026年11月30日 or 20261130 (a datetime's time part is ignored) — to 'YYYY-MM-DD'; null when it
 * is not a real day (2026-02-30).
 */
export function parseLooseDay(raw: string): string | null {
  const s = raw.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isDate(day) ? day : null;
}

/** Inclusive [from, to] range of a relative date operator (the grid's 今天 / 昨天 / 本周 / 本月 / 近 N 天 / 未来 N 天). */
export function relativeRange(op: string, today: string, n = 1): [string, string] {
  switch (op) {
    case 'today':
      return [today, today];
    case 'yesterday':
      return [addDays(today, -1), addDays(today, -1)];
    case 'thisWeek': {
      const dow = weekdayMon0(today);
      return [addDays(today, -dow), addDays(today, 6 - dow)];
    }
    case 'thisMonth': {
      const { first, last } = monthDays(today.slice(0, 7));
      return [first, last];
    }
    case 'lastNDays':
      return [addDays(today, -(n - 1)), today];
    case 'nextNDays':
      return [today, addDays(today, n - 1)];
    default:
      throw new Error(`not a relative operator: ${op}`);
  }
}
