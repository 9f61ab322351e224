/**
 * The client seat against the real host: startWebHost's LAN listener (HTTPS, the host's own
 * certificate, the seats service) on loopback. Pairing with a code from 终端管理, a login whose
 * session token the client keeps, pushed events, a host restart (the same session afterwards), a
 * re-made certificate refused, a revoked seat refused.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventMessage } from '../../common/api/events';
import { loadOrCreateHostCertificate, type HostCertificate } from '../lan/host-certificate';
import { startWebHost, type WebHost } from '../webhost/server';
import { makeCore, tempDir, userWithSession, GOOD_PASSWORD, type TestCore } from '../../../tests/support/core';
import { HostClient, helloUnpinned, pairSeat } from './host-client';

let t: TestCore;
let cert: HostCertificate;
let host: WebHost;
let lanPort = 0;
const clients: HostClient[] = [];

const startHost = async (tls = cert) => {
  host = await startWebHost({ core: t.core, port: 0, lan: { host: '127.0.0.1', port: lanPort, tls } });
  lanPort = host.lan!.port;
};
const hostUrl = () => `https://127.0.0.1:${lanPort}/`;

async function pairedClient(): Promise<{ client: HostClient; seatId: number }> {
  const seen = await helloUnpinned(new URL(hostUrl()));
  if ('error' in seen) throw new Error(seen.error);
  expect(seen.pin.fingerprint).toBe(cert.fingerprint);
  const { code } = t.core.seats.createPairingCode(null);
  const paired = await pairSeat(new URL(hostUrl()), seen.pin, code, '前台-1');
  if (!paired.ok) throw new Error(paired.error.code);
  const client = new HostClient({ hostUrl: hostUrl(), pin: seen.pin, seatToken: paired.value.seatToken });
  clients.push(client);
  return { client, seatId: paired.value.seatId };
}

beforeEach(async () => {
  t = await makeCore();
  cert = loadOrCreateHostCertificate(t.dir, { names: ['localhost', '127.0.0.1'] });
  lanPort = 0;
  await startHost();
  await userWithSession(t.core, 'service1', 'serviceAgent');
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.dispose();
  await host.close();
  t.cleanup();
});

describe('client seat against the real LAN listener', () => {
  it('pairs with a code, logs in keeping the token, gets its events, and survives a host restart in the same session', async () => {
    const { client } = await pairedClient();
    expect(await pairSeat(new URL(hostUrl()), client.pin, '000000', '前台-2', 'zh-CN')).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_WRONG' } });
    const login = await client.invoke('auth.login', { username: 'service1', password: GOOD_PASSWORD }, { sessionToken: null });
    expect(login.result).toMatchObject({ ok: true, value: { user: { username: 'service1' } } });
    expect(JSON.stringify(login.result)).not.toMatch(/token/i);
    const token = (login.sessionChange as { set: string }).set;
    expect(t.core.auth.resolve(token)?.user.username).toBe('service1');

    const got: EventMessage[] = [];
    client.events(token, (m) => got.push(m), () => {});
    await new Promise((r) => setTimeout(r, 300));
    expect((await client.invoke('auth.lock', {}, { sessionToken: token })).result).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(got.map((m) => m.event)).toContain('session.locked'));
    expect((await client.invoke('auth.unlock', { password: GOOD_PASSWORD }, { sessionToken: token })).result).toMatchObject({ ok: true });

    await host.close();
    expect((await client.invoke('auth.session', {}, { sessionToken: token })).result).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
    expect(client.link.get()).toEqual({ state: 'reconnecting' });
    await startHost();
    await vi.waitFor(() => expect(client.link.get()).toEqual({ state: 'connected' }), { timeout: 10_000 });
    expect((await client.invoke('auth.session', {}, { sessionToken: token })).result).toMatchObject({ ok: true, value: { user: { username: 'service1' } } });
    // The event socket is back under the same session: the next lock arrives.
    got.length = 0;
    await vi.waitFor(
      async () => {
        await client.invoke('auth.lock', {}, { sessionToken: token });
        expect(got.map((m) => m.event)).toContain('session.locked');
      },
      { timeout: 10_000, interval: 500 },
    );
  });

  it('a host that comes back with another certificate is refused: HOST_CERT_CHANGED, and the host sees nothing', async () => {
    const { client } = await pairedClient();
    await host.close();
    const other = loadOrCreateHostCertificate(tempDir('dscrm-other-tls-'), { names: ['localhost', '127.0.0.1'] });
    await startHost(other);
    const auditBefore = t.core.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    const r = await client.invoke('auth.login', { username: 'service1', password: GOOD_PASSWORD }, { sessionToken: null });
    expect(r.result).toMatchObject({ ok: false, error: { code: 'HOST_CERT_CHANGED' } });
    expect(client.link.get()).toEqual({ state: 'refused', problem: 'HOST_CERT_CHANGED' });
    // No login reached the host (it would have been audited, and a session made).
    expect(t.core.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
  });

  it('a revoked seat is refused at once, its socket closed, and the link says so', async () => {
    const { client, seatId } = await pairedClient();
    const token = (await client.invoke('auth.login', { username: 'service1', password: GOOD_PASSWORD }, { sessionToken: null })).sessionChange as { set: string };
    const stopped: string[] = [];
    client.events(token.set, () => {}, (why) => stopped.push(why));
    await new Promise((r) => setTimeout(r, 300));
    t.core.seats.revoke(seatId, null);
    await vi.waitFor(() => expect(stopped.length).toBe(1));
    // Said at once, without waiting for the user's next call.
    await vi.waitFor(() => expect(client.link.get()).toEqual({ state: 'refused', problem: 'SEAT_REVOKED' }));
    expect((await client.invoke('auth.session', {}, { sessionToken: token.set })).result).toMatchObject({ ok: false, error: { code: 'SEAT_REVOKED', message: '本终端已被管理员停用,请联系管理员重新配对' } });
    expect(client.link.get()).toEqual({ state: 'refused', problem: 'SEAT_REVOKED' });
  });
});
