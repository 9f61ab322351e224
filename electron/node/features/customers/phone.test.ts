import { describe, expect, it } from 'vitest';
import { normalizePhone, isPhoneError } from './phone';

const ok = (raw: string) => {
  const r = normalizePhone(raw);
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
