/**
 * Calendar arithmetic on day numbers (days since 1970-01-01) for the seeder's hot loops, with
 * cached 'YYYY-MM-DD' strings. The dealership's time zone is Asia/Shanghai (UTC+8, no DST), so a
 * local wall-clock time on a day maps to epoch milliseconds without a time-zone database.
 */

export const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai is UTC+8 all year. */
export const TZ_OFFSET_MS = 8 * 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → day number; throws on an impossible date. */
export function parseDay(ymd: string): number {
  const m = DATE_RE.exec(ymd);
  if (!m) throw new Error(`not a YYYY-MM-DD date: "${ymd}"`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const day = Date.UTC(y, mo - 1, d) / MS_PER_DAY;
  if (formatDay(day) !== ymd) throw new Error(`no such date: "${ymd}"`);
  return day;
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today's date in the dealership's time zone (Asia/Shanghai). */
export function todayInShanghai(nowMs: number = Date.now()): string {
  return new Date(nowMs + TZ_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms of a local (UTC+8) wall-clock time: `minuteOfDay` minutes after local midnight of `day`. */
export function localMs(day: number, minuteOfDay: number): number {
  return day * MS_PER_DAY - TZ_OFFSET_MS + minuteOfDay * 60_000;
}

/** The local day an epoch-ms instant falls on. */
export function dayOfMs(ms: number): number {
  return Math.floor((ms + TZ_OFFSET_MS) / MS_PER_DAY);
}

/** Adds calendar years (29 Feb → 28 Feb in a common year). */
export function addYears(day: number, years: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  let dd = d.getUTCDate();
  if (m === 1 && dd === 29 && !isLeap(y)) dd = 28;
  return Date.UTC(y, m, dd) / MS_PER_DAY;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Cached strings for every day of a range: 'YYYY-MM-DD', 'YYYYMMDD', 'MM-DD' and the year.
 * Outside the range it falls back to computing (correct, just slower).
 */
export class DayTable {
  private readonly ymd: string[];
  private readonly compact: string[];
  private readonly years: Int16Array;

  constructor(
    readonly firstDay: number,
    readonly lastDay: number,
  ) {
    const n = lastDay - firstDay + 1;
    this.ymd = new Array<string>(n);
    this.compact = new Array<string>(n);
    this.years = new Int16Array(n);
    for (let i = 0; i < n; i++) {
      const s = formatDay(firstDay + i);
      this.ymd[i] = s;
      this.compact[i] = s.slice(0, 4) + s.slice(5, 7) + s.slice(8, 10);
      this.years[i] = Number(s.slice(0, 4));
    }
  }

  /** 'YYYY-MM-DD' */
  str(day: number): string {
    const i = day - this.firstDay;
    return i >= 0 && i < this.ymd.length ? (this.ymd[i] as string) : formatDay(day);
  }

  /** 'YYYYMMDD' */
  ymdCompact(day: number): string {
    const i = day - this.firstDay;
    if (i >= 0 && i < this.compact.length) return this.compact[i] as string;
    const s = formatDay(day);
    return s.slice(0, 4) + s.slice(5, 7) + s.slice(8, 10);
  }

  /** 'MM-DD' */
  monthDay(day: number): string {
    return this.str(day).slice(5);
  }

  year(day: number): number {
    const i = day - this.firstDay;
    return i >= 0 && i < this.years.length ? (this.years[i] as number) : Number(formatDay(day).slice(0, 4));
  }

  /** Month 1–12. */
  month(day: number): number {
    return Number(this.str(day).slice(5, 7));
  }
}
