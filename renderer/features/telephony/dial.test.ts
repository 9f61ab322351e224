import { describe, expect, it } from 'vitest';
import { dialable, withPrefix } from './dial';

describe('dial pad numbers', () => {
  it('keeps digits, * and # (and a leading +), drops separators, refuses anything else', () => {
    expect(dialable(' 138-0013 8000 ')).toBe('13800138000');
    expect(dialable('(0755) 8888-1234')).toBe('075588881234');
    expect(dialable('+86 138 0013 8000')).toBe('+8613800138000');
    expect(dialable('*72#')).toBe('*72#');
    for (const bad of ['138-abc', '', '1', '12+3', '电话']) expect(dialable(bad)).toBeNull();
  });

  it('puts the outside-line prefix before outside numbers only, and dials +86 as 0086', () => {
    expect(withPrefix('13800138000', '9')).toBe('913800138000');
    expect(withPrefix('1002', '9')).toBe('1002');
    expect(withPrefix('+8613800138000', '')).toBe('008613800138000');
    expect(withPrefix('+8613800138000', '9')).toBe('9008613800138000');
    // A PBX feature code (监听 *33 + extension) is the PBX's own, not an outside line.
    expect(withPrefix('*331002', '9')).toBe('*331002');
  });
});
