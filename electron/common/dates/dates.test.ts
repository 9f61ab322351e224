import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayEndMs, dayRangeMs, dayStartMs, daysBetween, daysInMonth, isDate, monthDays, parseLooseDay, relativeRange, todayIn } from '.';

// The process runs in UTC here; the dealers are in Asia/Shanghai (UTC+8, no DST) or, where the
// setting allows another zone, in one with DST (Europe/Berlin: 23-hour day in March, 25-hour in October).
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);
const HOUR = 3_600_000;

describe("today in the dealer's zone", () => {
  it.each([
    // instant (UTC), Shanghai, UTC, Berlin
    [utc(2026, 11, 30, 15, 59, 59, 999), '2026-11-30', '2026-11-30', '2026-11-30'],
    [utc(2026, 11, 30, 16, 0), '2026-12-01', '2026-11-30', '2026-11-30'],
    [utc(2026, 12, 31, 16, 0), '2027-01-01', '2026-12-31', '2026-12-31'], // New Year in Shanghai first
    [utc(2026, 12, 31, 23, 0), '2027-01-01', '2026-12-31', '2027-01-01'], // Berlin winter: UTC+1
    [utc(2026, 7, 1, 21, 59, 59, 999), '2026-07-02', '2026-07-01', '2026-07-01'],
    [utc(2026, 7, 1, 22, 0), '2026-07-02', '2026-07-01', '2026-07-02'], // Berlin summer: UTC+2
    [utc(2028, 2, 28, 16, 0), '2028-02-29', '2028-02-28', '2028-02-28'], // leap day starts in Shanghai
    [utc(2028, 2, 29, 23, 0), '2028-03-01', '2028-02-29', '2028-03-01'],
  ])('at %i: Shanghai %s, UTC %s, Berlin %s', (at, sh, u, berlin) => {
    expect(todayIn('Asia/Shanghai', at)).toBe(sh);
    expect(todayIn('UTC', at)).toBe(u);
    expect(todayIn('Europe/Berlin', at)).toBe(berlin);
  });

  it('stays right when the clock moves back and forth across midnight and between zones (the per-zone cache)', () => {
    const before = utc(2026, 11, 30, 15, 59, 59, 999);
    const after = before + 1;
    const steps: [number, string, string][] = [
      [before, 'Asia/Shanghai', '2026-11-30'],
      [after, 'Asia/Shanghai', '2026-12-01'],
      [before, 'Asia/Shanghai', '2026-11-30'],
      [after, 'UTC', '2026-11-30'],
      [after, 'Asia/Shanghai', '2026-12-01'],
      [after + 24 * HOUR - 1, 'Asia/Shanghai', '2026-12-01'],
      [after + 24 * HOUR, 'Asia/Shanghai', '2026-12-02'],
      [utc(2020, 1, 1), 'Asia/Shanghai', '2020-01-01'],
    ];
    for (const [at, zone, day] of steps) expect(todayIn(zone, at)).toBe(day);
  });

  it('refuses an unknown zone', () => {
    expect(() => todayIn('Mars/Olympus', 0)).toThrow(RangeError);
    expect(() => dayStartMs('2026-01-01', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('the instants of a day in the zone', () => {
  it.each([
    // day, zone, first instant, hours in the day
    ['2026-03-02', 'Asia/Shanghai', utc(2026, 3, 1, 16), 24],
    ['2026-03-02', 'UTC', utc(2026, 3, 2), 24],
    ['2028-02-29', 'Asia/Shanghai', utc(2028, 2, 28, 16), 24],
    ['2026-03-29', 'Europe/Berlin', utc(2026, 3, 28, 23), 23], // clocks go forward at 02:00
    ['2026-10-25', 'Europe/Berlin', utc(2026, 10, 24, 22), 25], // and back at 03:00
    ['2026-09-06', 'America/Santiago', utc(2026, 9, 6, 4), 23], // midnight skipped: the day starts at 01:00
    ['2026-11-01', 'America/Havana', utc(2026, 11, 1, 4), 25], // midnight happens twice: the first one
  ])('%s in %s starts at %i and lasts %i hours', (day, zone, start, hours) => {
    expect(dayStartMs(day, zone)).toBe(start);
    expect(dayEndMs(day, zone) - start).toBe(hours * HOUR);
    expect(todayIn(zone, start)).toBe(day);
    expect(todayIn(zone, start - 1)).toBe(addDays(day, -1));
    expect(todayIn(zone, start + hours * HOUR - 1)).toBe(day);
  });

  it('gives [from, to) of an inclusive day range, month end to month start', () => {
    expect(dayRangeMs('2026-11-01', '2026-11-30', 'Asia/Shanghai')).toEqual([utc(2026, 10, 31, 16), utc(2026, 11, 30, 16)]);
    expect(dayRangeMs('2026-10-01', '2026-10-31', 'Europe/Berlin')).toEqual([utc(2026, 9, 30, 22), utc(2026, 10, 31, 23)]);
  });
});

describe('calendar days', () => {
  it.each([
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-29', 1, '2026-03-30'], // a DST day is still one calendar day
    ['2026-01-01', -365, '2025-01-01'],
  ])('addDays(%s, %i) = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));

  it.each([
    ['2026-08-31', -6, '2026-02-28'],
    ['2028-08-31', -6, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-05-31', -1, '2026-04-30'],
  ])('addMonths(%s, %i) = %s (clamped to the month end)', (d, n, out) => expect(addMonths(d, n)).toBe(out));

  it.each([
    [2026, 2, 28],
    [2028, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (y, m, n) => expect(daysInMonth(y, m)).toBe(n));

  it.each([
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-1', false],
    [20260101, false],
  ])('isDate(%j) = %j', (v, ok) => expect(isDate(v)).toBe(ok));

  it('counts whole days across month ends and leap days', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
  });

  it('gives a month its first, last and next days', () => {
    expect(monthDays('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28', next: '2026-03-01' });
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29', next: '2028-03-01' });
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31', next: '2027-01-01' });
  });

  it.each([
    ['today', '2026-11-23', 1, ['2026-11-23', '2026-11-23']],
    ['yesterday', '2026-03-01', 1, ['2026-02-28', '2026-02-28']],
    ['thisWeek', '2026-11-23', 1, ['2026-11-23', '2026-11-29']], // a Monday
    ['thisWeek', '2026-11-22', 1, ['2026-11-16', '2026-11-22']], // a Sunday ends its week
    ['thisWeek', '2026-12-31', 1, ['2026-12-28', '2027-01-03']],
    ['thisMonth', '2028-02-10', 1, ['2028-02-01', '2028-02-29']],
    ['thisMonth', '2026-12-31', 1, ['2026-12-01', '2026-12-31']],
    ['lastNDays', '2026-03-01', 3, ['2026-02-27', '2026-03-01']],
    ['nextNDays', '2028-02-28', 3, ['2028-02-28', '2028-03-01']],
  ] as const)('relativeRange(%s, %s, %i)', (op, today, n, range) => expect(relativeRange(op, today, n)).toEqual(range));

  it('parses the ways spreadsheets write a day, and refuses days that do not exist', () => {
    expect(parseLooseDay(' 2028/2/29 ')).toBe('2028-02-29');
    expect(parseLooseDay('2026年11月30日')).toBe('2026-11-30');
    expect(parseLooseDay('2026.11.30 08:15')).toBe('2026-11-30');
    expect(parseLooseDay('20261130')).toBe('2026-11-30');
    expect(parseLooseDay('2026-02-29')).toBeNull();
    expect(parseLooseDay('2026-11')).toBeNull();
  });
});
