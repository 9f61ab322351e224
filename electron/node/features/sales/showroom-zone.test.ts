import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';

describe("the dealer's zone setting, with cached formatters", () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeCore();
  });
  afterEach(() => t.cleanup());

  it("showroom.today answers in the dealer's zone before and after an administrator changes it, and after changing it back", async () => {
    const { token } = await userWithSession(t.core, 'front.desk', 'salesConsultant');
    t.clock.set(Date.UTC(2026, 2, 1, 17, 30));
    const today = async () => {
      const r = await call(t.core, token, 'showroom.today');
      if (!r.ok) throw new Error(r.error.code);
      return r.value;
    };
    expect(await today()).toEqual({ date: '2026-03-02', time: '01:30', timeZone: 'Asia/Shanghai' });
    t.core.settings.set('dealer.timeZone', 'Europe/London');
    expect(await today()).toEqual({ date: '2026-03-01', time: '17:30', timeZone: 'Europe/London' });
    t.core.settings.set('dealer.timeZone', 'Asia/Shanghai');
    expect(await today()).toEqual({ date: '2026-03-02', time: '01:30', timeZone: 'Asia/Shanghai' });
  });
});
