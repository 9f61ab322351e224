/**
 * The client seat's connection to its host, against a real HTTPS server on loopback with a
 * certificate made by the host's own code: trust on first use, pinning, no queued writes, and a
 * host restart that is a reconnect under the same session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventMessage } from '../../common/api/events';
import type { LinkStatus } from '../../common/api/seat-mode';
import { apiVersion } from '../../common/api/version';
import { tempDir } from '../../../tests/support/core';
import { startFakeHost, makeHostCertificate, type FakeHost } from './fake-host.test-support';
import { HostClient, helloUnpinned, normaliseHostUrl, pairSeat, sessionChangeOf } from './host-client';
import { loadSeatConfig, saveSeatConfig, seatConfigPath, SeatConfigError } from './seat-config';

let host: FakeHost;
let client: HostClient | null = null;

async function pairedClient(): Promise<HostClient> {
  const seen = await helloUnpinned(new URL(host.url));
  if ('error' in seen) throw new Error('hello failed');
  const paired = await pairSeat(new URL(host.url), seen.pin, host.pairingCode, '前台-1');
  if (!paired.ok) throw new Error(paired.error.code);
  client = new HostClient({ hostUrl: host.url, pin: seen.pin, seatToken: paired.value.seatToken });
  return client;
}

async function login(c: HostClient): Promise<string> {
  const { result, sessionChange } = await c.invoke('auth.login', { username: 'sales1', password: 'demo1234' }, { sessionToken: null });
  expect(result.ok).toBe(true);
  expect(sessionChange).toMatchObject({ set: expect.stringMatching(/^tok-/) });
  return (sessionChange as { set: string }).set;
}

function linkLog(c: HostClient): LinkStatus[] {
  const log: LinkStatus[] = [];
  c.link.onChange((s) => log.push(s));
  return log;
}

beforeEach(async () => {
  host = await startFakeHost();
});
afterEach(async () => {
  client?.dispose();
  client = null;
  await host.stop();
});

describe('pairing (trust on first use)', () => {
  it('shows the fingerprint of the certificate the host presents, then pairs over a connection pinned to it', async () => {
    const seen = await helloUnpinned(new URL(host.url));
    expect(seen).toMatchObject({ hello: { product: 'DS-CRM', hostName: 'front-office', apiVersion: apiVersion() }, pin: { fingerprint: host.cert.fingerprint } });
    if ('error' in seen) return;
    expect(seen.pin.certPem.replace(/\s/g, '')).toBe(host.cert.cert.replace(/\s/g, ''));
    expect(await pairSeat(new URL(host.url), seen.pin, '000000', '前台-1')).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_WRONG' } });
    const paired = await pairSeat(new URL(host.url), seen.pin, '123456', '前台-1');
    expect(paired).toMatchObject({ ok: true, value: { seatName: '前台-1', seatToken: expect.any(String) } });
  });

  it('sends the pairing code to nobody else: another certificate answering meanwhile gets nothing', async () => {
    const seen = await helloUnpinned(new URL(host.url));
    if ('error' in seen) throw new Error('hello failed');
    await host.useCertificate(makeHostCertificate());
    const before = host.received.length;
    expect(await pairSeat(new URL(host.url), seen.pin, '123456', '前台-1')).toMatchObject({ ok: false, error: { code: 'HOST_CERT_CHANGED', message: expect.stringContaining('主机证书已改变') } });
    expect(host.received.length).toBe(before);
    expect(host.seats.size).toBe(0);
  });

  it('reads what the user typed as the host address: HTTPS, port 5443 unless given', () => {
    expect(normaliseHostUrl('192.168.1.10').href).toBe('https://192.168.1.10:5443/');
    expect(normaliseHostUrl(' crm-host:6000 ').href).toBe('https://crm-host:6000/');
    expect(normaliseHostUrl('https://crm-host/x').href).toBe('https://crm-host:5443/');
    expect(() => normaliseHostUrl('http://crm-host')).toThrow(/HTTPS/);
  });
});

describe('HostClient', () => {
  it('forwards calls pinned, with the seat, the API version, the language and the session cookie', async () => {
    const c = await pairedClient();
    const token = await login(c);
    const { result } = await c.invoke('customers.get', { id: 7 }, { sessionToken: token, locale: 'en' });
    expect(result).toEqual({ ok: true, value: { method: 'customers.get', input: { id: 7 } } });
    const h = host.apiHeaders.at(-1)!;
    expect(h['x-dscrm-seat']).toBe([...host.seats.keys()][0]);
    expect(h['x-dscrm-api']).toBe(apiVersion());
    expect(h['accept-language']).toBe('en');
    expect(h.cookie).toBe(`dscrm_session=${token}`);
    // Logout clears the session (Max-Age=0).
    expect((await c.invoke('auth.logout', {}, { sessionToken: token })).sessionChange).toEqual({ clear: true });
    expect(c.link.get()).toEqual({ state: 'connected' });
  });

  it('refuses a changed certificate with HOST_CERT_CHANGED, sends nothing, and stays refused', async () => {
    const c = await pairedClient();
    const token = await login(c);
    const log = linkLog(c);
    await host.useCertificate(makeHostCertificate());
    const before = host.received.length;
    const { result, sessionChange } = await c.invoke('customers.save', { id: 7, name: '王伟' }, { sessionToken: token });
    expect(result).toMatchObject({ ok: false, error: { code: 'HOST_CERT_CHANGED', message: '主机证书已改变,为安全起见已断开。如主机确已更换证书,请由管理员重新配对本机' } });
    expect(sessionChange).toBeUndefined();
    expect(await c.upload('a.csv', Buffer.from('x'), { sessionToken: token, locale: 'en' })).toMatchObject({ ok: false, error: { code: 'HOST_CERT_CHANGED', message: expect.stringMatching(/^The host's certificate has changed/) } });
    expect(await c.probe()).toBe('HOST_CERT_CHANGED');
    expect(host.received.length).toBe(before);
    expect(log).toEqual([{ state: 'refused', problem: 'HOST_CERT_CHANGED' }]);
  });

  it('a host that is down: HOST_UNREACHABLE at once, the write is not retried later, and the link comes back by itself', async () => {
    const c = await pairedClient();
    const token = await login(c);
    const log = linkLog(c);
    await host.stop();
    const started = Date.now();
    const { result } = await c.invoke('customers.save', { id: 7, name: '王伟' }, { sessionToken: token });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE', message: '无法连接主机,本次操作未执行,请检查网络后重试' } });
    expect(log).toEqual([{ state: 'reconnecting' }]);
    const before = host.received.length;
    await host.start();
    await vi.waitFor(() => expect(c.link.get()).toEqual({ state: 'connected' }), { timeout: 5_000 });
    await new Promise((r) => setTimeout(r, 300));
    // Only the link's probes reached the host: the save never arrived behind the user's back.
    expect(host.received.slice(before).every((r) => r === 'GET /lan/hello')).toBe(true);
    expect(log).toEqual([{ state: 'reconnecting' }, { state: 'connected' }]);
  });

  it('a revoked seat and another API version are refusals retrying cannot cure', async () => {
    const c = await pairedClient();
    host.seats.get([...host.seats.keys()][0]!)!.revoked = true;
    expect((await c.invoke('auth.session', {}, { sessionToken: null })).result).toMatchObject({ ok: false, error: { code: 'SEAT_REVOKED' } });
    expect(c.link.get()).toEqual({ state: 'refused', problem: 'SEAT_REVOKED' });
    host.apiVersion = '000000000000';
    expect(await c.probe()).toBe('API_VERSION_MISMATCH');
    expect(c.hostVersions).toEqual({ hostApp: expect.any(String), hostApi: '000000000000' });
  });

  it('uploads a file and streams a recording with the session', async () => {
    const c = await pairedClient();
    const token = await login(c);
    expect(await c.upload('维修单.csv', Buffer.from('a,b\n1,2\n'), { sessionToken: token })).toEqual({ ok: true, value: { uploadId: 'up-8', size: 8, name: '维修单.csv' } });
    const media = await c.media('/media/recordings/5', { sessionToken: token, range: 'bytes=0-9' });
    expect(media.status).toBe(206);
    expect(media.headers.get('content-range')).toBe('bytes=0-9/1000');
    expect(await media.text()).toBe('media-bytes');
    await host.stop();
    expect((await c.media('/media/recordings/5', { sessionToken: token })).status).toBe(503);
  });

  it('events: the socket reconnects after a host restart and the same session keeps working', async () => {
    const c = await pairedClient();
    const token = await login(c);
    const got: EventMessage[] = [];
    const stopped: string[] = [];
    c.events(token, (m) => got.push(m), (why) => stopped.push(why));
    await vi.waitFor(() => expect(host.openSockets()).toBe(1));
    host.push(token, { event: 'notification', payload: { id: 1, kind: 'x', title: 'before', body: null } });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    const log = linkLog(c);
    await host.stop();
    await vi.waitFor(() => expect(log).toEqual([{ state: 'reconnecting' }]));
    await new Promise((r) => setTimeout(r, 1_200)); // a few refused reconnects (0.5 s, then 1 s)
    await host.start();
    await vi.waitFor(() => expect(host.openSockets()).toBe(1), { timeout: 5_000 });
    expect(c.link.get()).toEqual({ state: 'connected' });
    host.push(token, { event: 'notification', payload: { id: 2, kind: 'x', title: 'after', body: null } });
    await vi.waitFor(() => expect(got.map((m) => (m.payload as { title: string }).title)).toEqual(['before', 'after']));
    expect((await c.invoke('auth.session', {}, { sessionToken: token })).result).toMatchObject({ ok: true });
    expect(stopped).toEqual([]);
  });

  it('events: a session the host no longer knows stops the socket instead of retrying for ever', async () => {
    const c = await pairedClient();
    const token = await login(c);
    host.sessions.delete(token);
    const stopped: string[] = [];
    c.events(token, () => {}, (why) => stopped.push(why));
    await vi.waitFor(() => expect(stopped).toEqual(['session']));
    const upgrades = host.received.filter((r) => r.startsWith('UPGRADE')).length;
    await new Promise((r) => setTimeout(r, 800));
    expect(host.received.filter((r) => r.startsWith('UPGRADE')).length).toBe(upgrades);
  });
});

describe('seat.json', () => {
  it('is written 0600 and read back; a damaged or edited file is an error, not a first start', () => {
    const dir = tempDir('dscrm-seat-');
    const file = path.join(dir, 'seat.json');
    expect(loadSeatConfig(file)).toBeNull();
    const cert = makeHostCertificate();
    const config = { mode: 'client' as const, hostUrl: 'https://192.168.1.10:5443/', fingerprint: cert.fingerprint, certPem: cert.cert, seatToken: 's3cret', seatName: '前台-1' };
    saveSeatConfig(file, config);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSeatConfig(file)).toEqual(config);
    saveSeatConfig(file, { ...config, fingerprint: makeHostCertificate().fingerprint });
    expect(() => loadSeatConfig(file)).toThrow(SeatConfigError);
    fs.writeFileSync(file, '{"mode":"cli');
    expect(() => loadSeatConfig(file)).toThrow(/终端设置文件已损坏/);
    saveSeatConfig(file, { mode: 'local' });
    expect(loadSeatConfig(file)).toEqual({ mode: 'local' });
  });

  it('is found by --seat-config, DSCRM_SEAT_CONFIG, else in the app folder', () => {
    expect(seatConfigPath(['electron', '.', '--seat-config', '/etc/dscrm/seat.json'], {}, '/u')).toBe('/etc/dscrm/seat.json');
    expect(seatConfigPath(['--seat-config=/x/s.json'], { DSCRM_SEAT_CONFIG: '/y' }, '/u')).toBe('/x/s.json');
    expect(seatConfigPath([], { DSCRM_SEAT_CONFIG: '/y/s.json' }, '/u')).toBe('/y/s.json');
    expect(seatConfigPath([], {}, '/u')).toBe('/u/seat.json');
  });
});

it('reads the session change from Set-Cookie', () => {
  expect(sessionChangeOf(['dscrm_session=abc; HttpOnly; SameSite=Strict; Path=/'])).toEqual({ set: 'abc' });
  expect(sessionChangeOf(['other=1', 'dscrm_session=; Path=/; Max-Age=0'])).toEqual({ clear: true });
  expect(sessionChangeOf(undefined)).toBeUndefined();
});
