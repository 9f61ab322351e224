import { describe, expect, it } from 'vitest';
import { nationalDigits, phoneContainsPatterns, phonePrefix } from './filter';
import { normalizePhone } from './normalize';

const stored = (raw: string) => (normalizePhone(raw) as { normalized: string }).normalized;

describe('phonePrefix: a fragment that starts a number, as the start of the stored form', () => {
  it('drops the trunk 0 of an area code, so 0755… finds the numbers stored as 86755…', () => {
    expect(phonePrefix('0755-8888')).toBe('867558888');
    expect(stored('0755-8888 1234').startsWith(phonePrefix('0755')!)).toBe(true);
    expect(stored('010 6552 9988').startsWith(phonePrefix('(010) 6552')!)).toBe(true);
  });
  it('puts 86 before a mobile fragment and keeps a typed country code once', () => {
    expect(phonePrefix('138 0013')).toBe('861380013');
    expect(phonePrefix('+86 138')).toBe('86138');
    expect(phonePrefix('0086 138')).toBe('86138');
    expect(phonePrefix('8613800138000')).toBe('8613800138000');
    expect(phonePrefix('１３８－００１３')).toBe('861380013');
    expect(phonePrefix('张三')).toBeNull();
  });
});

describe('phoneContainsPatterns', () => {
  it('looks for the digits, and for an area code also where stored numbers hold it (after 86, no 0)', () => {
    expect(phoneContainsPatterns('138 0013')).toEqual(['1380013']);
    expect(phoneContainsPatterns('0755')).toEqual(['0755', '86755']);
    expect(phoneContainsPatterns('８８８８')).toEqual(['8888']);
    expect(phoneContainsPatterns('---')).toBeNull();
  });
});

describe('nationalDigits', () => {
  it('takes a country code off only where it cannot be the last digits of a number', () => {
    expect(nationalDigits('+86 138 0013 8000', false)).toBe('13800138000');
    expect(nationalDigits('0086 13800138000', false)).toBe('13800138000');
    expect(nationalDigits('8613800138000', false)).toBe('13800138000');
    expect(nationalDigits('8613', false)).toBe('8613');
    expect(nationalDigits('0086', false)).toBe('0086');
    expect(nationalDigits('8613', true)).toBe('13');
  });
});
