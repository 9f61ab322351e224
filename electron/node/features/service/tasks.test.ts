import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { createTasks, openTaskCount, taskNaturalKey } from './tasks';

let t: TestCore;
let customerId: number;
beforeAll(async () => {
  t = await makeCore();
  customerId = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('甲', 0, 0)").run().lastInsertRowid);
});
afterAll(() => t.cleanup());

describe('agent tasks', () => {
  it('a list turned into tasks twice gives each task once, each audited once', () => {
    const rows = [
      { kind: 'expiry_insurance' as const, customerId, dueDate: '2026-12-05', reason: '保险 2026-12-05 到期' },
      { kind: 'birthday' as const, customerId, dueDate: '2026-12-05' },
    ];
    expect(createTasks(t.core, null, rows)).toEqual({ created: 2, existing: 0 });
    expect(createTasks(t.core, null, rows)).toEqual({ created: 0, existing: 2 });
    expect(openTaskCount(t.core.db, 'expiry_insurance', customerId)).toBe(1);
    const audits = t.core.sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'task'").pluck().get();
    expect(audits).toBe(2);
    expect(taskNaturalKey(rows[0]!)).toBe(`expiry_insurance:${customerId}/:2026-12-05`);
  });
});
