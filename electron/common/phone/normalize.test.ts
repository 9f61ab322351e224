import { describe, expect, it } from 'vitest';
import { normalizePhone, normalizedOrDigits, isPhoneError } from './normalize';

const ok = (raw: string) => {
  const r = normalizePhone(raw);
  if (isPhoneError(r)) throw new Error(`${raw}: ${r.error}`);
  return r;
};
const ok2 = (raw: string, areaCode: string) => {
  const r = normalizePhone(raw, { areaCode });
  if (isPhoneError(r)) throw new Error(`${raw}: ${r.error}`);
  return r;
};

describe('normalizePhone: mobiles', () => {
  it.each([
    ['13800138000', '8613800138000'],
    ['138 0013 8000', '8613800138000'],
    ['138-0013-8000', '8613800138000'],
    ['+86 138-0013-8000', '8613800138000'],
    ['+86 138 0013 8000', '8613800138000'],
    ['+8613800138000', '8613800138000'],
    ['0086 13800138000', '8613800138000'],
    ['008613800138000', '8613800138000'],
    ['86 13800138000', '8613800138000'],
    ['8613800138000', '8613800138000'],
    ['(+86) 138 0013 8000', '8613800138000'],
    ['１３８００１３８０００', '8613800138000'],
    ['＋８６ １３８－００１３－８０００', '8613800138000'],
    ['  199.1234.5678 ', '8619912345678'],
    ['013800138000', '8613800138000'], // trunk 0 before a mobile, as dialled from a landline out of town
    ['17012345678', '8617012345678'],
  ])('%s → %s', (raw, normalized) => {
    expect(ok(raw)).toEqual({ normalized, kind: 'mobile' });
  });
});

describe('normalizePhone: landlines', () => {
  it.each([
    ['(0755) 8888 1234', '8675588881234'],
    ['0755-88881234', '8675588881234'],
    ['0755 8888 1234', '8675588881234'],
    ['075588881234', '8675588881234'],
    ['（0755）88881234', '8675588881234'],
    ['+86 755 8888 1234', '8675588881234'],
    ['+86 (0755) 8888-1234', '8675588881234'],
    ['0086 755 88881234', '8675588881234'],
    ['86 755 8888 1234', '8675588881234'],
    ['010-6552 9988', '861065529988'],
    ['(010) 65529988', '861065529988'],
    ['+86 10 6552 9988', '861065529988'],
    ['021-5888 6666', '862158886666'],
    ['020 3888 1234', '862038881234'],
    ['029-8765 4321', '862987654321'],
    ['0512-6523 4567', '8651265234567'],
    ['0937-6221234', '869376221234'], // 7-digit local number behind a 4-digit area code
    ['０５３２－８２８８８８８８', '8653282888888'],
  ])('%s → %s', (raw, normalized) => {
    expect(ok(raw)).toEqual({ normalized, kind: 'landline' });
  });
});

describe('normalizePhone: errors', () => {
  it.each([
    ['', /为空|empty/],
    ['   ', /为空|empty/],
    ['abc', /无效字符|invalid character/],
    ['138 0013 800a', /invalid character/],
    ['138001380001', /11 digits/], // 12 digits
    ['1380013800', /11 digits/], // 10 digits
    ['12800138000', /13–19/],
    ['88881234', /area code/], // local number without area code
    ['8888123', /area code/],
    ['+1 415 555 0100', /mainland China/],
    ['001 415 555 0100', /mainland China/],
    ['0755-8888-12345', /7–8 digits/],
    ['0755-123456', /7–8 digits/],
    ['010-0123 4567', /cannot start with 0 or 1/],
    ['026-1234 5678', /026/],
    ['400-800-8888', /400\/800/],
    ['+86 400 800 8888', /400\/800/],
    ['13800+138000', /'\+'/],
    ['0755-88881234 转 801', /invalid character/],
    ['0755-88881234-801', /7–8 digits/],
    ['12345', /11 digits/],
    ['56789', /Unrecognised/],
  ])('%j is refused', (raw, message) => {
    const r = normalizePhone(raw);
    expect(isPhoneError(r)).toBe(true);
    if (isPhoneError(r)) {
      expect(r.error).toMatch(message);
      expect(r.error).toContain(' / '); // Chinese and English
    }
  });
});

describe("normalizePhone: local numbers without an area code take the dealer's", () => {
  it("completes a 7–8 digit local number with the dealer's area code (大连 0411)", () => {
    expect(ok2('62916000', '0411')).toEqual({ normalized: '8641162916000', kind: 'landline' });
    expect(ok2('6291 600', '0411')).toEqual({ normalized: '864116291600', kind: 'landline' });
    expect(ok2('８８８８ １２３４', '010')).toEqual({ normalized: '861088881234', kind: 'landline' });
    // The same customer typed with the area code is the same stored number.
    expect(ok2('62916000', '0411').normalized).toBe(ok('0411-62916000').normalized);
  });
  it('leaves numbers that carry their own area code, and mobiles, alone', () => {
    expect(ok2('0755-88881234', '0411').normalized).toBe('8675588881234');
    expect(ok2('+86 138 0013 8000', '0411').normalized).toBe('8613800138000');
  });
  it('still refuses what is no local number, with the dealer code or without one', () => {
    for (const [raw, message] of [['02916000', /malformed|前缀|7–8/], ['12916000', /11 digits/], ['6291', /Unrecognised/]] as const) {
      const r = normalizePhone(raw, { areaCode: '0411' });
      expect(isPhoneError(r) && r.error).toMatch(message);
    }
    expect(normalizePhone('62916000', { areaCode: '' })).toMatchObject({ error: expect.stringMatching(/area code/) });
    expect(normalizePhone('62916000', { areaCode: '411' })).toMatchObject({ error: expect.stringMatching(/area code/) });
  });
});

describe('normalizePhone: service numbers are never a customer phone', () => {
  it.each([
    ['4008123123', /400\/800/],
    ['800-810-8888', /400\/800/],
    ['95588', /95xxx/],
    ['96166', /95xxx/],
    ['955 88', /95xxx/],
  ])('%s', (raw, message) => {
    expect(normalizePhone(raw, { areaCode: '0411' })).toMatchObject({ error: expect.stringMatching(message) });
  });
});

describe("normalizePhone for a 大连 dealer (area code 0411): the cases every caller relies on", () => {
  it.each([
    // [typed, normalised or the error's pattern]
    ['13800138000', '8613800138000'], // mobile
    ['138-0013 8000', '8613800138000'], // spaces and dashes
    ['+86 138 0013 8000', '8613800138000'], // +86
    ['0086 13800138000', '8613800138000'], // 0086
    ['8613800138000', '8613800138000'], // bare 86
    ['0755-8888 1234', '8675588881234'], // trunk 0 dropped, other city
    ['+86 (0755) 88881234', '8675588881234'], // trunk 0 kept after +86
    ['0411-6291 6000', '8641162916000'], // the dealer's own, with its area code
    ['62916000', '8641162916000'], // the dealer's own, without: the same number
    ['6291600', '864116291600'], // 7-digit local number
    ['010 6552 9988', '861065529988'], // 3-digit area code
    ['400-800-8888', /400\/800 服务号码不能作为客户电话/], // service number
    ['95588', /95xxx\/96xxx/],
    ['0755-8888', /区号 0755 后的本地号码应为 7–8 位/], // too short
    ['张三', /电话号码中有无效字符“张”/], // junk
    ['', /电话号码为空/],
    ['+1 415 555 0100', /仅支持中国大陆号码/],
  ] as const)('%j', (raw, expected) => {
    const r = normalizePhone(raw, { areaCode: '0411' });
    if (typeof expected === 'string') expect(r).toMatchObject({ normalized: expected });
    else expect(isPhoneError(r) && r.error).toMatch(expected);
  });
});

describe('normalizedOrDigits (an SMS reply\'s sender as stored)', () => {
  it.each([
    ['+8613900000001', '8613900000001'],
    ['13900000001', '8613900000001'],
    ['0086 139 0000 0001', '8613900000001'],
    ['85291234567', '85291234567'],
    ['1065912345', '1065912345'],
    ['', ''],
  ])('%j → %j', (raw, stored) => expect(normalizedOrDigits(raw)).toBe(stored));
});
