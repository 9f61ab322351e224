import { expect, it } from 'vitest';
import { call, makeCore, userWithSession } from '../../../../tests/support/core';

it("showroom.today answers in the dealer's zone before and after an administrator changes it, and after changing it back (cached formatters and day windows)", async () => {
  const t = await makeCore();
  try {
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
    // A dealer in a DST zone: Berlin summer time is UTC+2, so 22:30 UTC is already the next day there.
    t.core.settings.set('dealer.timeZone', 'Europe/Berlin');
    t.clock.set(Date.UTC(2026, 6, 1, 22, 30));
    expect(await today()).toEqual({ date: '2026-07-02', time: '00:30', timeZone: 'Europe/Berlin' });
  } finally {
    t.cleanup();
  }
});
