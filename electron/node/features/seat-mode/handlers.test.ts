import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';

let t: TestCore;
beforeAll(async () => {
  t = await makeCore();
});
afterAll(() => t.cleanup());

it('the web host answers the seat methods for a browser page: mode browser, no probing of other hosts from the server', async () => {
  expect(await call(t.core, null, 'seat.status')).toEqual({ ok: true, value: { mode: 'browser' } });
  expect(await call(t.core, null, 'seat.useLocal')).toEqual({ ok: true, value: { mode: 'browser' } });
  expect(await call(t.core, null, 'seat.probe', { hostUrl: '10.0.0.1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await call(t.core, null, 'seat.pair', { hostUrl: 'x', fingerprint: 'nope', code: '123456', seatName: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});
