import { describe, expect, it } from 'vitest';
import { DAY_AND_MINUTE, dayStartMs, todayIn, zoneFormat } from '.';

describe('zoneFormat (formatters cached per locale and zone)', () => {
  it('gives one formatter per locale, zone and options, and each keeps its own zone', () => {
    const sh = zoneFormat('en-CA', 'Asia/Shanghai', DAY_AND_MINUTE);
    expect(zoneFormat('en-CA', 'Asia/Shanghai', DAY_AND_MINUTE)).toBe(sh);
    const ldn = zoneFormat('en-CA', 'Europe/London', DAY_AND_MINUTE);
    expect(ldn).not.toBe(sh);
    expect(zoneFormat('en-GB', 'Asia/Shanghai', DAY_AND_MINUTE)).not.toBe(sh);
    const at = Date.UTC(2026, 2, 1, 17, 30);
    expect(sh.format(at)).toBe('2026-03-02, 01:30');
    expect(ldn.format(at)).toBe('2026-03-01, 17:30');
    // Asking for London did not change what the Shanghai formatter says.
    expect(zoneFormat('en-CA', 'Asia/Shanghai', DAY_AND_MINUTE).format(at)).toBe('2026-03-02, 01:30');
  });

  it('refuses an unknown zone as the constructor does, every time', () => {
    expect(() => zoneFormat('en-CA', 'Mars/Olympus', DAY_AND_MINUTE)).toThrow(RangeError);
    expect(() => zoneFormat('en-CA', 'Mars/Olympus', DAY_AND_MINUTE)).toThrow(RangeError);
  });

  it('todayIn and dayStartMs follow the zone they are given', () => {
    const at = Date.UTC(2026, 2, 1, 17, 30);
    expect(todayIn('Asia/Shanghai', at)).toBe('2026-03-02');
    expect(todayIn('America/Los_Angeles', at)).toBe('2026-03-01');
    expect(todayIn('Asia/Shanghai', at)).toBe('2026-03-02');
    expect(dayStartMs('2026-03-02', 'Asia/Shanghai')).toBe(Date.UTC(2026, 2, 1, 16, 0));
    expect(dayStartMs('2026-03-02', 'Europe/London')).toBe(Date.UTC(2026, 2, 2, 0, 0));
    expect(dayStartMs('2026-03-02', 'Asia/Shanghai')).toBe(Date.UTC(2026, 2, 1, 16, 0));
  });
});
