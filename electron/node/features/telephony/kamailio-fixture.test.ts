/**
 * The test SIP server every softphone test relies on: kamailio from tests/fixtures/kamailio on
 * free loopback ports, registration over WebSocket with digest auth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKamailio, TEST_EXTENSIONS, type Kamailio } from '../../../../tests/support/kamailio';
import { registerOnce } from '../../../../tests/support/kamailio-client';

describe('test SIP server (kamailio on loopback)', () => {
  let k: Kamailio;
  beforeAll(async () => {
    k = await startKamailio();
  }, 20_000);
  afterAll(async () => {
    await k?.close();
  });

  it('registers a test extension over WebSocket with its password', async () => {
    const r = await registerOnce(k.wsUrl, '1001', TEST_EXTENSIONS['1001']!);
    expect(r, k.log().slice(-2000)).toMatchObject({ ok: true, status: 200 });
  });

  it('refuses a wrong password with 403 "Wrong password" and an unknown extension as unknown', async () => {
    expect(await registerOnce(k.wsUrl, '1002', 'not-the-password')).toMatchObject({ ok: false, status: 403, reason: 'Wrong password' });
    expect(await registerOnce(k.wsUrl, '1999', 'whatever')).toMatchObject({ ok: false, status: 403, reason: 'Unknown user' });
  });

  it('is unreachable while stopped and registers again once restarted on the same port', async () => {
    await k.stop();
    expect(k.running()).toBe(false);
    const down = await registerOnce(k.wsUrl, '1003', TEST_EXTENSIONS['1003']!, 2000);
    expect(down.ok).toBe(false);
    expect(down.status).toBe(0);
    await k.start();
    expect(await registerOnce(k.wsUrl, '1003', TEST_EXTENSIONS['1003']!)).toMatchObject({ ok: true, status: 200 });
  }, 20_000);
});
