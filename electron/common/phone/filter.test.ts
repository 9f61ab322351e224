import { describe, expect, it } from 'vitest';
import { nationalDigits, phoneContainsPatterns, phoneDigits, phonePrefix, phonePrefixes } from './filter';
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

describe("phonePrefixes: a local number typed without its area code is also one in the dealer's area", () => {
  it.each([
    ['62916000', '0411', ['8662916000', '8641162916000']],
    ['6291 6000', '0411', ['8662916000', '8641162916000']],
    ['６２９１', '010', ['866291', '86106291']],
    ['62916000', null, ['8662916000']],
    ['62916000', '411', ['8662916000']], // not an area code: ignored
    ['0755 8888', '0411', ['867558888']], // its own area code
    ['138 0013', '0411', ['861380013']], // a mobile
    ['+86 6291', '0411', ['866291']], // a country code: no local number
    ['162916000', '0411', ['86162916000']], // 9 digits: no local number
  ] as const)('%s with area code %s', (text, areaCode, expected) => {
    expect(phonePrefixes(text, areaCode)).toEqual(expected);
  });
  it('no digits: null', () => expect(phonePrefixes('张三', '0411')).toBeNull());
});

describe('phoneDigits', () => {
  it('keeps the digits, full-width ones too', () => {
    expect(phoneDigits('１３８-0013 8000')).toBe('13800138000');
    expect(phoneDigits('-- ')).toBeNull();
  });
});
