import { describe, expect, it } from 'vitest';
import { encodingOf, measure, splitParts, textProblem, ucs2, fromUcs2 } from './encoding';
import { fieldsOf, merge, salutation, unknownFields, withSignature } from './template';
import { parseManualNumbers } from './numbers';
import { isOptOutReply, resolveRecipients, type Candidate } from './recipients';

const zh = (n: number) => '好'.repeat(n);
const en = (n: number) => 'a'.repeat(n);

describe('encoding and parts', () => {
  it.each([
    ['plain ASCII', en(10), 'gsm7', 1],
    ['160 GSM characters fit one message', en(160), 'gsm7', 1],
    ['161 GSM characters take 2 parts of 153', en(161), 'gsm7', 2],
    ['306 GSM characters = 2 × 153', en(306), 'gsm7', 2],
    ['307 GSM characters take 3 parts', en(307), 'gsm7', 3],
    ['one Chinese character makes it UCS-2', en(100) + '好', 'ucs2', 2],
    ['70 Chinese characters fit one message', zh(70), 'ucs2', 1],
    ['71 Chinese characters take 2 parts of 67', zh(71), 'ucs2', 2],
    ['134 Chinese characters = 2 × 67', zh(134), 'ucs2', 2],
    ['135 Chinese characters take 3 parts', zh(135), 'ucs2', 3],
    ['GSM extension characters count double', '{'.repeat(80) + 'a', 'gsm7', 2],
    ['€ and [ ] stay GSM', '€[]', 'gsm7', 1],
    ['empty', '', 'gsm7', 0],
  ] as const)('%s', (_name, text, encoding, parts) => {
    expect(encodingOf(text)).toBe(encoding);
    expect(measure(text).parts).toBe(parts);
    expect(splitParts(text).length).toBe(parts);
    expect(splitParts(text).join('')).toBe(text);
  });

  it('never splits an emoji (surrogate pair) across parts', () => {
    const text = zh(66) + '😀' + zh(10);
    const parts = splitParts(text);
    expect(parts[0]).toBe(zh(66));
    expect(parts[1]!.startsWith('😀')).toBe(true);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(67);
  });

  it('counts characters as people do and units as the network does', () => {
    expect(measure('您好😀')).toMatchObject({ chars: 3, units: 4, encoding: 'ucs2' });
    expect(measure('a^b')).toMatchObject({ chars: 3, units: 4, encoding: 'gsm7' });
  });

  it('UCS-2 round trip', () => {
    expect(fromUcs2(ucs2('尊敬的王先生😀'))).toBe('尊敬的王先生😀');
  });

  it('refuses empty text and more than 10 parts, with the reason', () => {
    expect(textProblem('  ')).toMatch(/为空/);
    expect(textProblem(zh(670))).toBeNull(); // exactly 10 × 67
    expect(textProblem(zh(671))).toMatch(/需 11 条,最多 10 条/);
    expect(textProblem(en(1530))).toBeNull();
    expect(textProblem(en(1531))).toMatch(/最多 10 条/);
  });
});

describe('template merge fields', () => {
  it('fills every field the recipient has', () => {
    const r = merge('{称呼}您好,您的{车型}({车牌})保养将于{到期日}到期。{经销商}', {
      称呼: '王先生', 车型: '秦PLUS', 车牌: '粤B12345', 到期日: '2026-12-08', 经销商: '深圳比亚迪4S店',
    });
    expect(r).toEqual({ text: '王先生您好,您的秦PLUS(粤B12345)保养将于2026-12-08到期。深圳比亚迪4S店', missing: [] });
  });

  it('reports the fields a recipient lacks, once each, and leaves them visible', () => {
    const r = merge('{姓名}:{车牌} {预约时间} {车牌}', { 姓名: '李四', 车牌: null, 预约时间: ' ' });
    expect(r.missing).toEqual(['车牌', '预约时间']);
    expect(r.text).toContain('{车牌}');
  });

  it('finds unknown fields so a typo is refused when saving', () => {
    expect(fieldsOf('{姓名}{车牌}{姓名}')).toEqual(['姓名', '车牌']);
    expect(unknownFields('{姓命}您好 {车牌}')).toEqual(['姓命']);
    expect(unknownFields('价格 {100} 元')).toEqual(['100']);
  });

  it.each([
    ['王小明', 'male', 'individual', '王先生'],
    ['李娜', 'female', 'individual', '李女士'],
    ['欧阳娜娜', 'female', 'individual', '欧阳女士'],
    ['张三', 'other', 'individual', '张三'],
    ['深圳某某科技有限公司', 'male', 'company', '深圳某某科技有限公司'],
  ] as const)('称呼 of %s', (name, gender, kind, expected) => {
    expect(salutation(name, gender, kind)).toBe(expected);
  });

  it('appends the dealer signature once', () => {
    expect(withSignature('您好', '鹏城汽车')).toBe('您好【鹏城汽车】');
    expect(withSignature('您好', '【鹏城汽车】')).toBe('您好【鹏城汽车】');
    expect(withSignature('【鹏城汽车】您好', '鹏城汽车')).toBe('【鹏城汽车】您好');
    expect(withSignature('您好', ' ')).toBe('您好');
  });
});

describe('manual numbers', () => {
  it('reads one per line in any common format and lists the invalid ones with their line', () => {
    const r = parseManualNumbers(['138 0013 8000', '+86 139-0013-9000', '', '0086１３７００１３７０００', '12345', '0755-88881234', '13800138000', '150 0000 0000, 151-0000-0000'].join('\n'));
    expect(r.numbers.map((n) => n.number)).toEqual(['8613800138000', '8613900139000', '8613700137000', '8615000000000', '8615100000000']);
    expect(r.invalid.map((i) => i.line)).toEqual([5, 6]);
    expect(r.invalid[1]!.error).toMatch(/固定电话不能接收短信/);
    expect(r.duplicates).toBe(1);
  });
});

describe('recipients', () => {
  const c = (customerId: number, number: string | null, dnd = false, consent = false): Candidate => ({ customerId, number, dnd, consent, values: {} });

  it('leaves out DND, opted-out and mobile-less customers, texts a shared number once, and counts each reason', () => {
    const r = resolveRecipients(
      [c(1, '8613800000001'), c(2, '8613800000002', true), c(3, '8613800000003'), c(4, '8613800000001'), c(5, null), c(6, '8613800000006')],
      new Set(['8613800000003']),
    );
    expect(r.recipients.map((x) => x.customerId)).toEqual([1, 6]);
    expect(r.leftOut).toEqual({ dnd: 1, optOut: 1, duplicate: 1, noMobile: 1, noConsent: 0 });
  });

  it('a 营销 batch leaves out those without consent (after opt-outs and 免打扰, which say more), a 服务通知 batch does not', () => {
    const list = [c(1, '8613800000001', false, true), c(2, '8613800000002'), c(3, '8613800000003', true), c(4, null, false, true), c(5, '8613800000005')];
    const marketing = resolveRecipients(list, new Set(['8613800000005']), true);
    expect(marketing.recipients.map((x) => x.customerId)).toEqual([1]);
    expect(marketing.leftOut).toEqual({ dnd: 1, optOut: 1, duplicate: 0, noMobile: 1, noConsent: 1 });
    const service = resolveRecipients(list, new Set(['8613800000005']));
    expect(service.recipients.map((x) => x.customerId)).toEqual([1, 2]);
    expect(service.leftOut.noConsent).toBe(0);
  });

  it.each([
    ['TD', true], ['td', true], [' T ', true], ['退订', true], ['退订。', true], ['好的', false], ['TDD', false], ['谢谢 T', false],
  ])('reply %j opts out: %s', (text, expected) => {
    expect(isOptOutReply(text)).toBe(expected);
  });
});
