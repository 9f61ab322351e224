import { describe, expect, it } from 'vitest';
import { FIELD_MESSAGES } from '../../../common/i18n/errors';
import { normalizePlate } from './plate';
import { idNumberProblem, isPlausibleEmail, isValidIdNumber, isValidUscc, isValidVin } from '../../../common/customer-ids';
import { isDate as isRealDate } from '../../../common/dates';

describe('ID numbers (GB 11643)', () => {
  it('accepts real numbers, with X as check character in either case', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110101199003071233')).toBe(true);
  });
  it('names the first problem: shape, impossible date, future date, then the check digit', () => {
    expect(idNumberProblem('1101011990030712')).toEqual({ key: 'idNumber.format' });
    expect(idNumberProblem('910101199003071233')).toEqual({ key: 'idNumber.format' }); // region 9 does not exist
    expect(idNumberProblem('110101199002301233')).toEqual({ key: 'idNumber.birthday', date: '1990-02-30' });
    expect(idNumberProblem('110101189912311233')).toEqual({ key: 'idNumber.birthday', date: '1899-12-31' });
    expect(idNumberProblem('440305203001010017', '2026-11-23')).toEqual({ key: 'idNumber.future', date: '2030-01-01' });
    expect(idNumberProblem('110101199003071234')).toEqual({ key: 'idNumber.check' });
    expect(idNumberProblem('110101199003071233', '2026-11-23')).toBeNull();
  });
});

describe('VIN (ISO 3779 check digit at position 9)', () => {
  it('accepts a correct VIN and refuses a changed character, I/O/Q and a wrong length', () => {
    expect(isValidVin('LFV2A21K6D3012345')).toBe(true);
    expect(isValidVin('LFV2A21K6D3012346')).toBe(false);
    expect(isValidVin('LFV2A21K6D30I2345')).toBe(false);
    expect(isValidVin('LFV2A21K6D301234')).toBe(false);
    expect(isValidVin('LFV2A21KXD3012347')).toBe(true); // check value 10 is written X
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('checks the 18th character', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
  });
});

describe('plates', () => {
  it('normalises what staff type to the stored form', () => {
    expect(normalizePlate('粤b 12345')).toBe('粤B12345');
    expect(normalizePlate('粤B·12345')).toBe('粤B12345');
    expect(normalizePlate('粤Ｂ１２３４５')).toBe('粤B12345');
    expect(normalizePlate('粤B-D12345')).toBe('粤BD12345'); // new energy, small car
    expect(normalizePlate('粤B12345F')).toBe('粤B12345F'); // new energy, large vehicle
    expect(normalizePlate('粤B1234学')).toBe('粤B1234学');
    expect(normalizePlate('京A1234警')).toBe('京A1234警');
    expect(normalizePlate('粤A1234挂')).toBe('粤A1234挂');
    expect(normalizePlate('粤Z1234港')).toBe('粤Z1234港');
    expect(normalizePlate('沪A1234领')).toBe('沪A1234领');
    expect(normalizePlate('使123456')).toBe('使123456');
  });
  it('refuses what is not a plate', () => {
    for (const bad of ['粤12345', '粤B1234', '粤B123456', 'AB12345', '粤BI2345', '粤B1234使', '港B12345', '粤BA1234D']) {
      expect(normalizePlate(bad), bad).toBeNull();
    }
  });
});

describe('dates and e-mail', () => {
  it('knows which days exist', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2024-13-01')).toBe(false);
    expect(isRealDate('2024-1-1')).toBe(false);
  });
  it('catches obvious e-mail typos only', () => {
    expect(isPlausibleEmail('wang.xm@163.com')).toBe(true);
    expect(isPlausibleEmail('王小明@例子.中国')).toBe(true);
    expect(isPlausibleEmail('wang@@163.com')).toBe(false);
    expect(isPlausibleEmail('wang@163')).toBe(false);
    expect(isPlausibleEmail('wang xm@163.com')).toBe(false);
  });
});

describe('field messages', () => {
  it('exist in Chinese and English with the same placeholders', () => {
    const ph = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    for (const [key, m] of Object.entries(FIELD_MESSAGES)) {
      expect(m['zh-CN'].trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(m['zh-CN'], key).toMatch(/\p{Script=Han}/u);
      expect(ph(m.en), key).toEqual(ph(m['zh-CN']));
    }
  });
});
