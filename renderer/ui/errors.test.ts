import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { fieldKey } from '../features/customers/customer-checks';
import { errorText, fieldErrors, fieldProblems, problemsText, splitFieldErrors } from './errors';

// What the host throws for a refused form (electron/node/field-problems.ts): one line plus the fields.
const invalid = (fields: unknown) => new ApiError('INVALID_INPUT', '姓名: 必填', { issues: '姓名: 必填', fields });

describe('errorText', () => {
  it("shows the server's message for a refused call and the thrown value for anything else", () => {
    expect(errorText(new ApiError('FORBIDDEN', '无权限'))).toBe('无权限');
    expect(errorText(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(errorText('boom')).toBe('boom');
  });
});

describe('field errors from details.fields', () => {
  it('reads the fields of INVALID_INPUT, last message per field', () => {
    const e = invalid([
      { field: 'name', message: '必填' },
      { field: 'email', message: '格式不对' },
      { field: 'name', message: '太长' },
    ]);
    expect(fieldErrors(e)).toEqual({ name: '太长', email: '格式不对' });
  });

  it('gives nothing for other codes, network failures, bugs and malformed lists, so a form never crashes', () => {
    expect(fieldProblems(new ApiError('STALE_RECORD', '已被修改', { fields: [{ field: 'name', message: 'x' }] }))).toEqual([]);
    expect(fieldProblems(new ApiError('NETWORK', '连不上服务器'))).toEqual([]);
    expect(fieldProblems(new Error('bug'))).toEqual([]);
    expect(fieldProblems(invalid('name: 必填'))).toEqual([]);
    expect(fieldProblems(invalid([null, { field: 'name' }, { field: 'city', message: '必填' }]))).toEqual([{ field: 'city', message: '必填' }]);
  });

  it('a one-line screen shows the field messages joined, or the error itself when no field is named', () => {
    expect(problemsText(invalid([{ field: 'a', message: '甲' }, { field: 'b', message: '乙' }]))).toBe('甲; 乙');
    expect(problemsText(new ApiError('NOT_FOUND', '客户不存在'))).toBe('客户不存在');
  });

  it("a form puts messages under the inputs it shows (the customer form's phones[0].raw under phones.0) and the rest on one line", () => {
    const e = invalid([
      { field: 'phones[0].raw', message: '号码不对' },
      { field: 'name', message: '必填' },
      { field: 'vehicles.1.vin', message: 'VIN 不对' },
    ]);
    expect(splitFieldErrors(e, ['name', 'phones.0'], fieldKey)).toEqual({ fields: { 'phones.0': '号码不对', name: '必填' }, message: 'VIN 不对' });
    expect(splitFieldErrors(e, ['name', 'phones[0].raw', 'vehicles.1.vin'])).toEqual({
      fields: { 'phones[0].raw': '号码不对', name: '必填', 'vehicles.1.vin': 'VIN 不对' },
      message: null,
    });
    expect(splitFieldErrors(new ApiError('FORBIDDEN', '无权限'), ['name'])).toEqual({ fields: {}, message: '无权限' });
  });
});
