import { describe, expect, it } from 'vitest';
import { parseManualNumbers } from './numbers';

describe('manual SMS numbers go through the one phone normaliser', () => {
  it('keeps mobiles however typed and lists service numbers, landlines and local numbers with their reason', () => {
    const r = parseManualNumbers(['+86 138 0013 8000', '８６１３９００１３９０００', '95588', '400-810-8888', '62916000', '0411-62916000', '0086 138-0013-8000'].join('\n'));
    expect(r.numbers.map((n) => n.number)).toEqual(['8613800138000', '8613900139000']);
    expect(r.invalid.map((i) => [i.line, i.error.split(' / ')[0]])).toEqual([
      [3, '95xxx/96xxx 服务热线号码不能作为客户电话'],
      [4, '400/800 服务号码不能作为客户电话'],
      [5, '固定电话请加区号,例如 0755-88881234'],
      [6, '固定电话不能接收短信'],
    ]);
    expect(r.duplicates).toBe(1);
  });
  it("with the dealer's area code a local number is the landline it is, not one missing its area code", () => {
    expect(parseManualNumbers('62916000', '0411').invalid.map((i) => i.error.split(' / ')[0])).toEqual(['固定电话不能接收短信']);
  });
});
