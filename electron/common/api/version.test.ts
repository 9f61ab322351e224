import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import pkg from '../../../package.json';
import { api } from './index';
import { method, returns } from './contract';
import { apiVersion, APP_VERSION, contractVersion } from './version';

const API_VERSION = apiVersion();

describe('API_VERSION', () => {
  it('is 12 hex characters, the same every time it is computed from the same contract', () => {
    expect(API_VERSION).toMatch(/^[0-9a-f]{12}$/);
    expect(contractVersion(api)).toBe(API_VERSION);
    // Declaration order is not part of the contract.
    expect(contractVersion(Object.fromEntries(Object.entries(api).reverse()))).toBe(API_VERSION);
  });

  it('changes when a method is added or removed, or who may call one changes', () => {
    const extra = { ...api, 'lan.test.added': method({ input: z.object({}), access: 'session', output: returns<null>() }) };
    expect(contractVersion(extra)).not.toBe(API_VERSION);
    const { ['auth.login']: _gone, ...fewer } = api;
    expect(contractVersion(fewer)).not.toBe(API_VERSION);
    const stricter = { ...api, 'customers.get': { ...api['customers.get'], access: ['admin'] as const } };
    expect(contractVersion(stricter)).not.toBe(API_VERSION);
  });

  it('changes when a method takes another input: a field added, made required, or renamed', () => {
    const input = api['customers.get'].input as z.ZodObject;
    const widened = { ...api, 'customers.get': { ...api['customers.get'], input: input.extend({ note: z.string().optional() }) } };
    expect(contractVersion(widened)).not.toBe(API_VERSION);
    const required = { ...api, 'customers.get': { ...api['customers.get'], input: input.extend({ note: z.string() }) } };
    expect(contractVersion(required)).not.toBe(contractVersion(widened));
    expect(contractVersion({ ...api, 'customers.get': { ...api['customers.get'], input: input.extend({ remark: z.string() }) } })).not.toBe(contractVersion(required));
  });

  it("APP_VERSION is the package's version", () => {
    expect(APP_VERSION).toBe(pkg.version);
  });
});
