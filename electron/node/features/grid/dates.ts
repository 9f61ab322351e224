/** Calendar arithmetic on 'YYYY-MM-DD' strings in the dealer's time zone (never the process TZ). */
import { zoneFormat } from '../../zone-formats';
const DAY = 86_400_000;
// Formatters are cached per zone (zone-formats.ts): these run on most requests.
const YMD: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const YMD_HMS: Intl.DateTimeFormatOptions = { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' };

export function todayIn(timeZone: string, now: number): string {
  return zoneFormat('en-CA', timeZone, YMD).format(now);
}

const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (d: string, n: number) => fromUtc(toUtc(d) + n * DAY);

export function isDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  return fromUtc(toUtc(v)) === v;
}

/** Inclusive [from, to] range of a relative date operator. */
export function relativeRange(op: string, today: string, n = 1): [string, string] {
  switch (op) {
    case 'today':
      return [today, today];
    case 'yesterday':
      return [addDays(today, -1), addDays(today, -1)];
    case 'thisWeek': {
      const dow = (new Date(toUtc(today)).getUTCDay() + 6) % 7; // Monday = 0
      return [addDays(today, -dow), addDays(today, 6 - dow)];
    }
    case 'thisMonth': {
      const first = `${today.slice(0, 8)}01`;
      const d = new Date(toUtc(first));
      d.setUTCMonth(d.getUTCMonth() + 1);
      return [first, addDays(fromUtc(d.getTime()), -1)];
    }
    case 'lastNDays':
      return [addDays(today, -(n - 1)), today];
    case 'nextNDays':
      return [today, addDays(today, n - 1)];
    default:
      throw new Error(`not a relative operator: ${op}`);
  }
}

/** Epoch ms of midnight starting the given calendar day in the time zone. */
export function dayStartMs(day: string, timeZone: string): number {
  const guess = toUtc(day);
  const offsetAt = (ms: number) => {
    const p = zoneFormat('en-CA', timeZone, YMD_HMS).formatToParts(ms);
    const g = (t: string) => Number(p.find((x) => x.type === t)?.value);
    return Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute'), g('second')) - ms;
  };
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
}
