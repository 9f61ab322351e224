import { describe, expect, it } from 'vitest';
import { comparePeriod, currentPeriod, periodRange, periodSchema, rangeDayList, rangeDays, rangeMs, type Period } from '.';

const range = (p: Period) => periodRange(p);
const cmp = (p: Period, c: 'previous' | 'lastYear') => range(comparePeriod(p, c)!);

describe('analysis periods', () => {
  it('a week runs Monday to Sunday, whichever day names it, across a year end', () => {
    expect(range({ kind: 'week', anchor: '2026-11-23' })).toEqual({ from: '2026-11-23', to: '2026-11-29' }); // Monday
    expect(range({ kind: 'week', anchor: '2026-11-29' })).toEqual({ from: '2026-11-23', to: '2026-11-29' }); // Sunday
    expect(range({ kind: 'week', anchor: '2027-01-01' })).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(cmp({ kind: 'week', anchor: '2026-11-29' }, 'previous')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    // A week a year back is the one 52 weeks earlier: the same weekdays, Monday to Sunday.
    expect(cmp({ kind: 'week', anchor: '2026-11-25' }, 'lastYear')).toEqual({ from: '2025-11-24', to: '2025-11-30' });
  });

  it('months end on their last day; a leap February has 29 days; the month before March is February', () => {
    expect(range({ kind: 'month', anchor: '2026-01-31' })).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(range({ kind: 'month', anchor: '2024-02-10' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(range({ kind: 'month', anchor: '2026-02-10' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(cmp({ kind: 'month', anchor: '2024-03-31' }, 'previous')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(cmp({ kind: 'month', anchor: '2026-01-15' }, 'previous')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(cmp({ kind: 'month', anchor: '2025-02-28' }, 'lastYear')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('quarters start in January, April, July and October; the one before Q1 is last year\'s Q4', () => {
    expect(range({ kind: 'quarter', anchor: '2026-03-31' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(range({ kind: 'quarter', anchor: '2026-04-01' })).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(range({ kind: 'quarter', anchor: '2026-11-23' })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(rangeDays(range({ kind: 'quarter', anchor: '2024-02-29' }))).toBe(91);
    expect(rangeDays(range({ kind: 'quarter', anchor: '2026-02-01' }))).toBe(90);
    expect(cmp({ kind: 'quarter', anchor: '2026-02-15' }, 'previous')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(cmp({ kind: 'quarter', anchor: '2026-08-31' }, 'lastYear')).toEqual({ from: '2025-07-01', to: '2025-09-30' });
  });

  it('a day compares with the day before (across a month end) and the same date last year (29 February → 28 February)', () => {
    expect(cmp({ kind: 'day', anchor: '2026-03-01' }, 'previous')).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    expect(cmp({ kind: 'day', anchor: '2024-03-01' }, 'previous')).toEqual({ from: '2024-02-29', to: '2024-02-29' });
    expect(cmp({ kind: 'day', anchor: '2024-02-29' }, 'lastYear')).toEqual({ from: '2023-02-28', to: '2023-02-28' });
  });

  it('a custom range compares with the equally long range just before it, or the same dates a year earlier', () => {
    const p: Period = { kind: 'custom', from: '2026-11-20', to: '2026-12-05' };
    expect(rangeDays(range(p))).toBe(16);
    expect(cmp(p, 'previous')).toEqual({ from: '2026-11-04', to: '2026-11-19' });
    expect(cmp(p, 'lastYear')).toEqual({ from: '2025-11-20', to: '2025-12-05' });
    expect(comparePeriod(p, 'none')).toBeNull();
    expect(rangeDayList({ from: '2024-02-27', to: '2024-03-01' })).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('the contract refuses days that do not exist, backwards ranges and ranges over 366 days', () => {
    expect(periodSchema.safeParse({ kind: 'month', anchor: '2026-02-30' }).success).toBe(false);
    expect(periodSchema.safeParse({ kind: 'custom', from: '2026-11-02', to: '2026-11-01' }).success).toBe(false);
    expect(periodSchema.safeParse({ kind: 'custom', from: '2024-01-01', to: '2024-12-31' }).success).toBe(true); // 366 days
    expect(periodSchema.safeParse({ kind: 'custom', from: '2025-01-01', to: '2026-01-01' }).success).toBe(true); // 366 days
    expect(periodSchema.safeParse({ kind: 'custom', from: '2025-01-01', to: '2026-01-02' }).success).toBe(false);
    expect(periodSchema.safeParse({ kind: 'week', anchor: '2026-11-23', from: '2026-11-01' }).success).toBe(false);
  });

  it('the picker starts on the period holding today; instants are the dealer\'s days (Asia/Shanghai midnight is 16:00 UTC)', () => {
    expect(range(currentPeriod('month', '2026-11-23'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(range(currentPeriod('custom', '2026-11-23'))).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    const [a, b] = rangeMs({ from: '2026-11-01', to: '2026-11-30' }, 'Asia/Shanghai');
    expect(new Date(a).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(new Date(b).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});
