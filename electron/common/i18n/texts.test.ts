import { describe, expect, it } from 'vitest';
import { defineTexts, formatText, textVariables, localeOf } from './texts';

describe('formatText: placeholders and plural forms', () => {
  it('fills placeholders and leaves an unknown one as written', () => {
    expect(formatText('客户 {name} 已分配给 {owner}', 'zh-CN', { name: '王芳' })).toBe('客户 王芳 已分配给 {owner}');
  });
  it('picks the English plural arm by Intl.PluralRules and puts the number for #', () => {
    const t = 'Locked for {minutes, plural, one {# minute} other {# minutes}}.';
    expect(formatText(t, 'en', { minutes: 1 })).toBe('Locked for 1 minute.');
    expect(formatText(t, 'en', { minutes: 15 })).toBe('Locked for 15 minutes.');
  });
  it('Chinese has one form; an exact =0 arm wins over the category', () => {
    const t = '{n, plural, =0 {没有客户} other {# 位客户}}';
    expect(formatText(t, 'zh-CN', { n: 0 })).toBe('没有客户');
    expect(formatText(t, 'zh-CN', { n: 1 })).toBe('1 位客户');
    expect(formatText(t, 'zh-CN', { n: 30 })).toBe('30 位客户');
  });
  it('a placeholder inside a plural arm is filled too', () => {
    expect(formatText('{n, plural, one {# call from {who}} other {# calls from {who}}}', 'en', { n: 2, who: 'Li' })).toBe('2 calls from Li');
  });
});

describe('defineTexts: one table, read by key in a locale or as a pair', () => {
  const T = defineTexts({ saved: { 'zh-CN': '已保存 {n} 条', en: '{n, plural, one {# record} other {# records}} saved' } });
  it('reads the caller’s locale, anything unknown as zh-CN', () => {
    expect(T.text('saved', 'en', { n: 1 })).toBe('1 record saved');
    expect(T.text('saved', 'zh-CN', { n: 3 })).toBe('已保存 3 条');
    expect(T.text('saved', 'fr', { n: 3 })).toBe('已保存 3 条');
  });
  it('gives both languages for a grid column', () => {
    expect(T.pair('saved')).toEqual({ zh: '已保存 {n} 条', en: '{n, plural, one {# record} other {# records}} saved' });
  });
});

describe('textVariables: what both languages of a text must share', () => {
  it('names placeholders and plural counts once each, with the placeholders inside the arms', () => {
    expect(textVariables('已保存 {n} 条,共 {total} 条,{n}')).toEqual(['n', 'total']);
    expect(textVariables('{n, plural, one {# call from {who}} other {# calls from {who}}}')).toEqual(['n', 'who']);
    // An arm's words are not variables, with or without the # sign.
    expect(textVariables('{minutes, plural, one {minute} other {# minutes}}')).toEqual(['minutes']);
  });
});

describe('localeOf: the one reading of a locale string', () => {
  it('takes a session locale and an Accept-Language header alike; anything else is zh-CN', () => {
    expect(['en', 'zh-CN', 'en-US,en;q=0.9', ' EN-gb', 'zh-CN,zh;q=0.9', 'fr', '', null, undefined].map(localeOf)).toEqual(['en', 'zh-CN', 'en', 'en', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
  });
});
