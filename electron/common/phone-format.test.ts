import { describe, expect, it } from 'vitest';
import { formatPhone, phoneFilterDigits } from './phone-format';

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

describe('phoneFilterDigits', () => {
  it('keeps only digits for contains, and puts the country code in front for starts-with / equals', () => {
    expect(phoneFilterDigits('138 0013', false)).toBe('1380013');
    expect(phoneFilterDigits('138 0013', true)).toBe('861380013');
    expect(phoneFilterDigits('0755-8888', true)).toBe('867558888');
    expect(phoneFilterDigits('+86 138', true)).toBe('86138');
    expect(phoneFilterDigits('0086 138', true)).toBe('86138');
    expect(phoneFilterDigits('１３８', false)).toBe('138');
    expect(phoneFilterDigits('张三', false)).toBeNull();
  });
});
