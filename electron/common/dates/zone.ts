/**
 * Instants ↔ calendar days in a time zone: the dealer's zone ('dealer.timeZone', 系统设置 → 时区),
 * never the process's. Offsets and DST come from dayjs's timezone plugin; both answers are cached
 * per zone because the host asks on most requests (grid 今天 / 本周 filters, reminder lists, the
 * seats bench) and dayjs.tz() runs Intl formatToParts on every call (~50 µs measured).
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { addDays } from './calendar';
import { zoneFormat } from './zone-format';

dayjs.extend(utc);
dayjs.extend(timezone);

const YMD: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
// Zones a host sees are one or two and the days asked for a few hundred; these only bound odd callers.
const MAX_ZONES = 64;
const MAX_DAYS = 2048;

/** The calendar day an instant falls on in the zone, uncached (one formatter call). */
const dayAt = (timeZone: string, ms: number) => zoneFormat('en-CA', timeZone, YMD).format(ms);

const MINUTE = 60_000;

/**
 * dayjs.tz(day) is the day's midnight; where a DST change makes midnight happen twice (America/Havana
 * falls back from 01:00 to 00:00) it answers the later one, and where it skips midnight the first
 * instant after the gap. Checked against Intl and moved to the day's first minute when needed.
 */
function firstInstant(day: string, timeZone: string): number {
  const ms = dayjs.tz(day, timeZone).valueOf();
  const onDay = (t: number) => dayAt(timeZone, t) === day;
  let lo: number;
  let hi: number;
  if (!onDay(ms)) [lo, hi] = [ms, ms + 180 * MINUTE];
  else if (onDay(ms - 1)) [lo, hi] = [ms - 180 * MINUTE, ms];
  else return ms;
  // Offsets change by whole minutes and by at most a few hours: bisect [lo not on the day, hi on it].
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
    if (onDay(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const starts = new Map<string, number>();

/** Epoch ms of the first instant of the calendar day in the zone (its midnight, or the first minute after a DST gap). */
export function dayStartMs(day: string, timeZone: string): number {
  const key = `${timeZone}\u0000${day}`;
  let ms = starts.get(key);
  if (ms === undefined) {
    zoneFormat('en-CA', timeZone, YMD); // an unknown zone throws RangeError here, as before
    ms = firstInstant(day, timeZone);
    if (starts.size >= MAX_DAYS) starts.clear();
    starts.set(key, ms);
  }
  return ms;
}

/** Epoch ms just after the day in the zone: the [dayStartMs, dayEndMs) window of a day, or of a range ending on it. */
export const dayEndMs = (day: string, timeZone: string) => dayStartMs(addDays(day, 1), timeZone);

/** [from, to) epoch ms of the inclusive day range [fromDay, toDay] in the zone. */
export const dayRangeMs = (fromDay: string, toDay: string, timeZone: string): [number, number] => [dayStartMs(fromDay, timeZone), dayEndMs(toDay, timeZone)];

interface Today {
  day: string;
  from: number;
  to: number;
}
const todays = new Map<string, Today>();

/**
 * 'YYYY-MM-DD' of the instant `now` in the zone ("today" for the dealer). The day's [from, to)
 * window is kept per zone, so all but the first call of a day are two comparisons; a clock set
 * back (tests) or a changed 时区 setting falls outside the window or under another key.
 */
export function todayIn(timeZone: string, now: number): string {
  const t = todays.get(timeZone);
  if (t !== undefined && now >= t.from && now < t.to) return t.day;
  const day = dayAt(timeZone, now);
  const from = dayStartMs(day, timeZone);
  const to = dayEndMs(day, timeZone);
  // Kept only when the window checks out against Intl (a zone whose midnight falls in a DST gap included).
  if (from <= now && now < to && dayAt(timeZone, from) === day && dayAt(timeZone, from - 1) !== day && dayAt(timeZone, to - 1) === day && dayAt(timeZone, to) !== day) {
    if (todays.size >= MAX_ZONES) todays.clear();
    todays.set(timeZone, { day, from, to });
  }
  return day;
}
