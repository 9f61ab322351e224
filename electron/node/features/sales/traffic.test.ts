import { describe, expect, it } from 'vitest';
import { isLateEntry } from './showroom';
import { overlaps } from './test-drive';
import { closingRate, ratio, registrationRate } from './traffic';

describe('rates', () => {
  it('留档率 = new prospects / (new prospects + walk-ins); 成交率 = new sales / (new sales + new prospects)', () => {
    expect(registrationRate(3, 1)).toBe(0.75);
    expect(closingRate(1, 3)).toBe(0.25);
    expect(registrationRate(0, 4)).toBe(0);
    expect(closingRate(2, 0)).toBe(1);
  });
  it('a zero denominator is no rate (null), never NaN or a division error', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(registrationRate(0, 0)).toBeNull();
    expect(closingRate(0, 0)).toBeNull();
  });
});

describe('lateness', () => {
  it('late only when entered more than 24 hours after the visit', () => {
    const v = Date.UTC(2026, 10, 1, 2, 0);
    expect(isLateEntry(v, v + 24 * 3_600_000)).toBe(false);
    expect(isLateEntry(v, v + 24 * 3_600_000 + 1)).toBe(true);
    expect(isLateEntry(v, v + 5 * 60_000)).toBe(false);
  });
});

describe('booking overlap', () => {
  const b = (s: number, e: number) => ({ startAt: s, endAt: e });
  it('touching ends do not overlap; any shared moment does', () => {
    expect(overlaps(b(10, 11), b(11, 12))).toBe(false);
    expect(overlaps(b(11, 12), b(10, 11))).toBe(false);
    expect(overlaps(b(10, 12), b(11, 13))).toBe(true);
    expect(overlaps(b(10, 13), b(11, 12))).toBe(true);
    expect(overlaps(b(11, 12), b(10, 13))).toBe(true);
    expect(overlaps(b(10, 11), b(10, 11))).toBe(true);
  });
});
