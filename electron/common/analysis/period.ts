/**
 * The period of an analysis screen (决策分析, issue 17): a day, a Monday-to-Sunday week, a calendar
 * month, a calendar quarter or a custom range of days — always calendar days in the dealer's time
 * zone ('dealer.timeZone'; the host turns them into instants with dayRangeMs) — and the period it is
 * compared with: the one just before ("last period") or the same one a year earlier ("same period
 * last year"). Shared by the host (what it counts) and the screen (the picker and its label).
 */
import { z } from 'zod';
import { addDays, addMonths, dayRangeMs, daysBetween, isDate, monthDays, weekdayMon0 } from '../dates';

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const COMPARE_KINDS = ['previous', 'lastYear', 'none'] as const;
export type CompareKind = (typeof COMPARE_KINDS)[number];

/** A custom range is at most a year and a day (a leap year's 366 days): every query over it stays bounded. */
export const MAX_PERIOD_DAYS = 366;

const day = z.string().refine(isDate, { message: 'YYYY-MM-DD' });

/** A period as the screen sends it: a kind and any day inside it, or a custom [from, to] of days. */
export const periodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['day', 'week', 'month', 'quarter']), anchor: day }).strict(),
  z
    .object({ kind: z.literal('custom'), from: day, to: day })
    .strict()
    .refine((p) => daysBetween(p.from, p.to) >= 0, { message: 'from ≤ to', path: ['to'] })
    .refine((p) => daysBetween(p.from, p.to) < MAX_PERIOD_DAYS, { message: `≤ ${MAX_PERIOD_DAYS} days`, path: ['to'] }),
]);
export type Period = z.infer<typeof periodSchema>;

/** Inclusive calendar days. */
export interface DayRange {
  from: string;
  to: string;
}

/** The first day of the quarter holding the day (01-01, 04-01, 07-01, 10-01). */
function quarterStart(d: string): string {
  const m = Number(d.slice(5, 7));
  return `${d.slice(0, 4)}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

/** The days a period covers. */
export function periodRange(p: Period): DayRange {
  switch (p.kind) {
    case 'custom':
      return { from: p.from, to: p.to };
    case 'day':
      return { from: p.anchor, to: p.anchor };
    case 'week': {
      const from = addDays(p.anchor, -weekdayMon0(p.anchor));
      return { from, to: addDays(from, 6) };
    }
    case 'month': {
      const m = monthDays(p.anchor.slice(0, 7));
      return { from: m.first, to: m.last };
    }
    case 'quarter': {
      const from = quarterStart(p.anchor);
      return { from, to: addDays(addMonths(from, 3), -1) };
    }
  }
}

/** Number of days in a range (both ends counted). */
export const rangeDays = (r: DayRange) => daysBetween(r.from, r.to) + 1;

/**
 * The period compared with p:
 * - 'previous': the day, week, month or quarter before; a custom range's equally long range just before it;
 * - 'lastYear': the same month / quarter a year earlier; the same dates a year earlier for a day or a
 *   custom range (29 February → 28 February); for a week the week 52 weeks earlier (364 days: the same
 *   weekdays, which is what a week is compared on — the calendar date would start on another weekday).
 * null for 'none'.
 */
export function comparePeriod(p: Period, compare: CompareKind): Period | null {
  if (compare === 'none') return null;
  const r = periodRange(p);
  if (compare === 'previous') {
    switch (p.kind) {
      case 'day':
        return { kind: 'day', anchor: addDays(r.from, -1) };
      case 'week':
        return { kind: 'week', anchor: addDays(r.from, -7) };
      case 'month':
        return { kind: 'month', anchor: addMonths(r.from, -1) };
      case 'quarter':
        return { kind: 'quarter', anchor: addMonths(r.from, -3) };
      case 'custom': {
        const n = rangeDays(r);
        return { kind: 'custom', from: addDays(r.from, -n), to: addDays(r.from, -1) };
      }
    }
  }
  switch (p.kind) {
    case 'week':
      return { kind: 'week', anchor: addDays(r.from, -364) };
    case 'custom':
      return { kind: 'custom', from: addMonths(r.from, -12), to: addMonths(r.to, -12) };
    default:
      return { kind: p.kind, anchor: addMonths(r.from, -12) };
  }
}

/** The period of a kind holding today (the picker's start: 本月 and so on); custom starts as the last 7 days. */
export function currentPeriod(kind: PeriodKind, today: string): Period {
  return kind === 'custom' ? { kind, from: addDays(today, -6), to: today } : { kind, anchor: today };
}

/** [start, end) epoch ms of a range's days in the dealer's zone (visit_at, created_at and other instants). */
export const rangeMs = (r: DayRange, timeZone: string) => dayRangeMs(r.from, r.to, timeZone);

/** The days of a range in order (a period is ≤ 366 days). */
export function rangeDayList(r: DayRange): string[] {
  const out: string[] = [];
  for (let d = r.from; d <= r.to; d = addDays(d, 1)) out.push(d);
  return out;
}
