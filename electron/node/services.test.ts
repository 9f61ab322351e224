import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../tests/support/core';
import { createScheduler } from './features/scheduler/services';
import { lazily } from './services';

describe('lazily (how the service container builds)', () => {
  it('builds a service only when it is first read, once, and lets a test put its own in place', () => {
    const built: string[] = [];
    const box = lazily<{ a: { n: number }; b: string }>({
      a: () => (built.push('a'), { n: 1 }),
      b: () => (built.push('b'), 'b'),
    });
    expect(built).toEqual([]);
    const first = box.a;
    expect(box.a).toBe(first);
    expect(built).toEqual(['a']);
    box.a = { n: 2 };
    expect(box.a.n).toBe(2);
    expect(built).toEqual(['a']);
  });
});

describe('core.services', () => {
  let one: TestCore;
  let two: TestCore;
  beforeAll(async () => {
    one = await makeCore();
    two = await makeCore();
  });
  afterAll(() => {
    one.cleanup();
    two.cleanup();
  });

  it('gives the same service on every call within a core, and another core its own (statements belong to its database)', () => {
    expect(one.core.services.sales).toBe(one.core.services.sales);
    expect(one.core.services.sales.opportunities).toBe(one.core.services.sales.opportunities);
    expect(two.core.services.sales).not.toBe(one.core.services.sales);
    expect(two.core.services.grid.grid).not.toBe(one.core.services.grid.grid);
  });

  it("lets a test replace the core's scheduler, and everything then reaches the replacement", () => {
    const s = createScheduler(one.core, { jobs: [], instanceId: 'test' });
    expect(one.core.services.scheduler).toBe(s);
    expect(one.core.services.scheduler.instanceId).toBe('test');
  });
});
