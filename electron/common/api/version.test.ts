import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import pkg from '../../../package.json';
import { api } from './index';
import { method, returns } from './contract';
import { API_VERSION, APP_VERSION, contractVersion } from './version';

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

  it("APP_VERSION is the package's version", () => {
    expect(APP_VERSION).toBe(pkg.version);
  });
});
