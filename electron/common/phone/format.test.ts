import { describe, expect, it } from 'vitest';
import { dialNumber, displayPhone, formatPhone, nationalNumber } from './format';

describe('formatPhone', () => {
  it('shows mobiles 3-4-4 and landlines with their area code', () => {
    expect(formatPhone('8613800138000')).toBe('138 0013 8000');
    expect(formatPhone('861065529988')).toBe('010-6552 9988');
    expect(formatPhone('862087654321')).toBe('020-8765 4321');
    expect(formatPhone('8675588881234')).toBe('0755-8888 1234');
    expect(formatPhone('867696244940')).toBe('0769-624 4940');
  });
  it('leaves anything else as it is', () => {
    expect(formatPhone(null)).toBeNull();
    expect(formatPhone('12345')).toBe('12345');
    expect(formatPhone('85291234567')).toBe('85291234567');
  });
});

describe('displayPhone (call log, caller ID as it came)', () => {
  it('shows Chinese numbers in the readable form and anything else as it came', () => {
    expect(displayPhone('+8613900139001')).toBe('139 0013 9001');
    expect(displayPhone('075588881234')).toBe('0755-8888 1234');
    expect(displayPhone('0086 10 6552 9988')).toBe('010-6552 9988');
    expect(displayPhone('1002')).toBe('1002');
    expect(displayPhone('anonymous')).toBe('anonymous');
    expect(displayPhone(null)).toBe('');
  });
});

describe('nationalNumber (as people quote a number; the quick-find index form): trunk 0 back on landlines, no 86 on mobiles', () => {
  it.each([
    ['8675588881234', 'landline', '075588881234'],
    ['861065529988', 'landline', '01065529988'],
    ['8613800138000', 'mobile', '13800138000'],
    ['85291234567', 'mobile', '85291234567'], // not stored as 86…: unchanged
  ])('%s (%s) → %s', (normalized, kind, national) => expect(nationalNumber(normalized, kind)).toBe(national));
});

describe('dialNumber (click-to-call dials the national form)', () => {
  it.each([
    ['8613800138000', '13800138000'],
    ['8675588881234', '075588881234'],
    ['861065529988', '01065529988'], // Beijing: 010 + 8 digits (was dialled as 861065529988)
    ['862087654321', '02087654321'],
    ['1002', '1002'], // an extension
    ['138****8000', '138****8000'],
  ])('%s → %s', (stored, dialled) => expect(dialNumber(stored)).toBe(dialled));
});
