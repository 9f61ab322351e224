/**
 * Electron main as a client seat (issue 15), the real bundle with `electron` stubbed, against a
 * real HTTPS host on loopback: the first-start choice, pairing with the fingerprint shown, calls
 * forwarded with the session token kept in main, host events relayed, the link state pushed, the
 * pinned certificate enforced, and a host restart survived under the same session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_API_CHANNEL, IPC_EVENT_CHANNEL, IPC_PICK_FOLDER_CHANNEL, IPC_UPLOAD_CHANNEL } from '../common/bridge';
import type { ApiResult } from '../common/api/contract';
import type { HostProbe, SeatStatus } from '../common/api/seat-mode';
import { makeHostCertificate, startFakeHost, type FakeHost } from '../node/host-client/fake-host.test-support';
import { loadOrCreateHostCertificate } from '../node/lan/host-certificate';
import { startWebHost } from '../node/webhost/server';
import { hashToken } from '../node/features/auth/service';
import { GOOD_PASSWORD, makeCore, userWithSession } from '../../tests/support/core';
import { useBundledMain, type Stub } from './electron-stub.test-support';

const { launch } = useBundledMain();

describe('Electron main, client seat (electron stubbed, real HTTPS host)', () => {
  let host: FakeHost;
  let s: Stub;
  let dataDir: string;
  let seatFile: string;
  let pinned: FakeHost['cert'] | null = null;

  const win = () => s.windows[0]!;
  const ipc = (channel: string, ...args: unknown[]) => s.handlers.get(channel)!({ sender: win().webContents, senderFrame: win().webContents.mainFrame }, ...args);
  const invoke = <T = unknown>(method: string, input: unknown = {}, locale?: string) => ipc(IPC_API_CHANNEL, method, input, locale) as Promise<ApiResult<T>>;
  const events = () => win().webContents.sent.filter((m) => m.channel === IPC_EVENT_CHANNEL).map((m) => m.msg as { event: string; payload: unknown });
  /** Everything the renderer was ever given: IPC answers and pushed messages. */
  const toRenderer: unknown[] = [];
  const call = async <T = unknown>(method: string, input: unknown = {}, locale?: string) => {
    const r = await invoke<T>(method, input, locale);
    toRenderer.push(r);
    return r;
  };

  beforeAll(async () => {
    host = await startFakeHost();
    ({ s, dataDir, seatFile } = launch());
    await vi.waitFor(() => expect(s.windows).toHaveLength(1), { timeout: 20_000 });
  }, 30_000);
  afterAll(async () => {
    await host.stop();
  });

  it('first start: asks 本机 / 连接到主机 and opens no database meanwhile', async () => {
    expect(s.errors).toEqual([]);
    expect(await call('seat.status')).toEqual({ ok: true, value: { mode: 'unset' } });
    expect(await call('auth.session')).toMatchObject({ ok: false, error: { code: 'SEAT_UNKNOWN', message: '本机尚未配对到主机,请输入管理员提供的配对码' } });
    expect(fs.existsSync(path.join(dataDir, 'dscrm.sqlite'))).toBe(false);
    expect(s.boxes).toEqual([]); // no first-run admin password: there is no local database
  });

  it('pairs: shows the fingerprint the host presents, then remembers host, certificate and seat (0600)', async () => {
    const probe = await call<HostProbe>('seat.probe', { hostUrl: `127.0.0.1:${host.port}` });
    expect(probe).toEqual({ ok: true, value: { hostUrl: host.url, hostName: 'front-office', appVersion: expect.any(String), apiVersion: host.apiVersion, fingerprint: host.cert.fingerprint, sameVersion: true } });
    const wrong = await call('seat.pair', { hostUrl: host.url, fingerprint: host.cert.fingerprint, code: '000000', seatName: '前台-1' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_WRONG', message: '配对码错误或已过期,请向管理员索取新的配对码' } });
    expect(fs.existsSync(seatFile)).toBe(false);
    const paired = await call<SeatStatus>('seat.pair', { hostUrl: host.url, fingerprint: host.cert.fingerprint, code: '123456', seatName: '前台-1' });
    expect(paired).toEqual({ ok: true, value: { mode: 'client', hostUrl: host.url, seatName: '前台-1', fingerprint: host.cert.fingerprint, link: { state: 'connected' }, problemMessage: null } });
    expect(fs.statSync(seatFile).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(fs.readFileSync(seatFile, 'utf8')) as Record<string, string>;
    expect(saved).toMatchObject({ mode: 'client', hostUrl: host.url, fingerprint: host.cert.fingerprint, seatName: '前台-1', seatToken: [...host.seats.keys()][0] });
    expect(saved.certPem!.replace(/\s/g, '')).toBe(host.cert.cert.replace(/\s/g, ''));
    // Paired once: a page script cannot re-point this PC at another host while the host accepts it.
    expect(await call('seat.probe', { hostUrl: host.url })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('seat.useLocal')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fs.existsSync(path.join(dataDir, 'dscrm.sqlite'))).toBe(false);
  });

  it('forwards calls to the host; the session token stays in main', async () => {
    expect(await call('auth.login', { username: 'sales1', password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const login = await call('auth.login', { username: 'sales1', password: 'demo1234' });
    expect(login).toEqual({ ok: true, value: { user: { username: 'sales1' }, idleLockMinutes: 7 } });
    const token = [...host.sessions][0]!;
    expect(await call('customers.get', { id: 3 }, 'en')).toEqual({ ok: true, value: { method: 'customers.get', input: { id: 3 } } });
    expect(host.apiHeaders.at(-1)).toMatchObject({ cookie: `dscrm_session=${token}`, 'accept-language': 'en', 'x-dscrm-seat': [...host.seats.keys()][0] });
    const up = (await ipc(IPC_UPLOAD_CHANNEL, '线索.csv', new Uint8Array([1, 2, 3]).buffer, 'zh-CN')) as ApiResult<unknown>;
    toRenderer.push(up);
    expect(up).toMatchObject({ ok: true, value: { uploadId: 'up-3', size: 3 } });
    // The player's recording request is streamed from the host with the window's session.
    const media = await s.protocols.get('file')!(new Request('file:///media/recordings/9', { headers: { range: 'bytes=0-1' } }));
    expect(media.status).toBe(206);
    expect(await media.text()).toBe('media-bytes');
    // A client seat's exports are the host's: no local folder picker.
    expect(await ipc(IPC_PICK_FOLDER_CHANNEL, 'recordings', '导出')).toBeNull();
  });

  it('relays the host’s events for the window’s session', async () => {
    const token = [...host.sessions][0]!;
    await vi.waitFor(() => expect(host.openSockets()).toBe(1));
    host.push(token, { event: 'notification', payload: { id: 1, kind: 'task', title: '新任务', body: null } });
    await vi.waitFor(() => expect(events().at(-1)).toEqual({ event: 'notification', payload: { id: 1, kind: 'task', title: '新任务', body: null } }));
  });

  it('locks on the host when the window is minimised', async () => {
    const before = host.received.length;
    win().minimize();
    await vi.waitFor(() => expect(host.received.slice(before)).toContain('POST /api/auth.lock'));
  });

  it('host restart: 正在重连… then 已连接主机, writes meanwhile refused (not queued), same session afterwards', async () => {
    const token = [...host.sessions][0]!;
    await host.stop();
    const saved = await call('customers.save', { id: 3, name: '李娜' });
    expect(saved).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE', message: '无法连接主机,本次操作未执行,请检查网络后重试' } });
    await vi.waitFor(() => expect(events().at(-1)).toEqual({ event: 'link', payload: { state: 'reconnecting' } }));
    expect(await call('seat.status')).toMatchObject({ ok: true, value: { link: { state: 'reconnecting' } } });
    const before = host.received.length;
    await host.start();
    await vi.waitFor(() => expect(events().at(-1)).toEqual({ event: 'link', payload: { state: 'connected' } }), { timeout: 10_000 });
    await vi.waitFor(() => expect(host.openSockets()).toBe(1), { timeout: 10_000 });
    expect(host.received.slice(before)).not.toContain('POST /api/customers.save');
    expect(await call('auth.session')).toMatchObject({ ok: true, value: { user: { username: 'sales1' } } });
    host.push(token, { event: 'notification', payload: { id: 2, kind: 'task', title: '重连后', body: null } });
    await vi.waitFor(() => expect(events().at(-1)).toMatchObject({ event: 'notification', payload: { id: 2 } }));
  });

  it('a changed host certificate is refused, said so, and pairing again is offered', async () => {
    pinned = host.cert;
    await host.useCertificate(makeHostCertificate());
    const before = host.received.length;
    expect(await call('customers.get', { id: 3 })).toMatchObject({ ok: false, error: { code: 'HOST_CERT_CHANGED' } });
    expect(host.received.length).toBe(before);
    await vi.waitFor(() => expect(events()).toContainEqual({ event: 'link', payload: { state: 'refused', problem: 'HOST_CERT_CHANGED' } }));
    expect(await call('seat.status')).toMatchObject({ ok: true, value: { mode: 'client', link: { state: 'refused' }, problemMessage: expect.stringContaining('主机证书已改变') } });
    expect(await call('seat.probe', { hostUrl: host.url })).toMatchObject({ ok: true, value: { fingerprint: host.cert.fingerprint } });
  });

  it('never hands the session token or the seat token to the renderer', () => {
    const secrets = [...host.sessions, ...host.seats.keys()];
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    const seen = JSON.stringify([toRenderer, win().webContents.sent]);
    for (const secret of secrets) expect(seen).not.toContain(secret);
  });

  it('on quit logs the session out on the host', async () => {
    await host.useCertificate(pinned!); // the pinned certificate is back (same host, restarted)
    expect(host.sessions.size).toBe(1);
    s.trays[0]!.menu!.items[3]!.click!();
    await vi.waitFor(() => expect(host.sessions.size).toBe(0));
    expect(host.received.at(-1)).toBe('POST /api/auth.logout');
  });
});

describe('Electron main, first start: 本机', () => {
  it('opens the local database only when the user picks 本机, and remembers the choice', async () => {
    const { s, dataDir, seatFile } = launch();
    await vi.waitFor(() => expect(s.windows).toHaveLength(1), { timeout: 20_000 });
    const w = s.windows[0]!;
    const invoke = (method: string, input: unknown = {}) => s.handlers.get(IPC_API_CHANNEL)!({ sender: w.webContents, senderFrame: w.webContents.mainFrame }, method, input) as Promise<ApiResult<unknown>>;
    expect(fs.existsSync(path.join(dataDir, 'dscrm.sqlite'))).toBe(false);
    expect(await invoke('seat.useLocal')).toEqual({ ok: true, value: { mode: 'local' } });
    expect(fs.existsSync(path.join(dataDir, 'dscrm.sqlite'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(seatFile, 'utf8'))).toEqual({ mode: 'local' });
    await vi.waitFor(() => expect(s.boxes).toHaveLength(1)); // the first-run admin password
    expect(await invoke('auth.login', { username: 'admin', password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await invoke('seat.pair', { hostUrl: 'x', fingerprint: 'AA:'.repeat(31) + 'AA', code: '123456', seatName: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    s.trays[0]!.menu!.items[3]!.click!();
  });
});

describe('Electron main, client seat against the real LAN listener', () => {
  it('pairs with a 终端管理 code, forwards with the token kept in main, relays the host’s lock, and keeps the session over a host restart', async () => {
    const t = await makeCore();
    const cert = loadOrCreateHostCertificate(t.dir, { names: ['localhost', '127.0.0.1'] });
    let lan = await startWebHost({ core: t.core, port: 0, lan: { host: '127.0.0.1', port: 0, tls: cert } });
    const lanPort = lan.lan!.port;
    // (The helper leaves a session of its own, made on the host: not the seat's.)
    const own = hashToken((await userWithSession(t.core, 'service1', 'serviceAgent')).token);
    const seatSessions = () => (t.core.sqlite.prepare('SELECT token_hash AS h FROM sessions').all() as { h: string }[]).map((r) => r.h).filter((h) => h !== own);
    const { s } = launch();
    try {
      await vi.waitFor(() => expect(s.windows).toHaveLength(1), { timeout: 20_000 });
      const w = s.windows[0]!;
      const given: unknown[] = [];
      const invoke = async (method: string, input: unknown = {}) => {
        const r = (await s.handlers.get(IPC_API_CHANNEL)!({ sender: w.webContents, senderFrame: w.webContents.mainFrame }, method, input)) as ApiResult<unknown>;
        given.push(r);
        return r;
      };
      const events = () => w.webContents.sent.filter((m) => m.channel === IPC_EVENT_CHANNEL).map((m) => m.msg as { event: string });

      const probe = (await invoke('seat.probe', { hostUrl: `127.0.0.1:${lanPort}` })) as ApiResult<HostProbe>;
      expect(probe).toMatchObject({ ok: true, value: { fingerprint: cert.fingerprint, sameVersion: true } });
      const { code } = t.core.seats.createPairingCode(null);
      expect(await invoke('seat.pair', { hostUrl: `127.0.0.1:${lanPort}`, fingerprint: cert.fingerprint, code, seatName: '前台-1' })).toMatchObject({ ok: true, value: { mode: 'client', link: { state: 'connected' } } });
      expect(t.core.seats.list().map((x) => x.name)).toEqual(['前台-1']);

      expect(await invoke('auth.login', { username: 'service1', password: GOOD_PASSWORD })).toMatchObject({ ok: true, value: { user: { username: 'service1' } } });
      expect(seatSessions()).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 300)); // the window's event socket opens
      w.minimize();
      // Recorded on the host as what it was (a minimise is a system lock), not as a manual lock.
      await vi.waitFor(() => expect(events().at(-1)).toEqual({ event: 'session.locked', payload: { reason: 'system' } }));
      expect(await invoke('auth.unlock', { password: GOOD_PASSWORD })).toMatchObject({ ok: true });

      await lan.close();
      expect(await invoke('auth.session')).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
      lan = await startWebHost({ core: t.core, port: 0, lan: { host: '127.0.0.1', port: lanPort, tls: cert } });
      await vi.waitFor(() => expect(events().at(-1)).toEqual({ event: 'link', payload: { state: 'connected' } }), { timeout: 10_000 });
      expect(await invoke('auth.session')).toMatchObject({ ok: true, value: { user: { username: 'service1' } } });

      // Neither the session token nor the seat token ever reached the renderer.
      const seatToken = (JSON.parse(fs.readFileSync(path.join(s.electron.app.getPath('userData'), 'seat.json'), 'utf8')) as { seatToken: string }).seatToken;
      const seen = JSON.stringify([given, w.webContents.sent]);
      expect(seen).not.toContain(seatToken);
      // The host keeps only the session's hash: no string the renderer got hashes to it.
      const sessionHashes = new Set(seatSessions());
      expect(sessionHashes.size).toBe(1);
      for (const candidate of seen.match(/[A-Za-z0-9_-]{20,}/g) ?? []) expect(sessionHashes.has(hashToken(candidate))).toBe(false);
      expect(seen).not.toMatch(/dscrm_session|set-cookie/i);

      s.trays[0]!.menu!.items[3]!.click!();
      await vi.waitFor(() => expect(seatSessions()).toEqual([]));
    } finally {
      await lan.close();
      t.cleanup();
    }
  }, 60_000);
});
