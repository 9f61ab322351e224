/**
 * The LAN listener over real HTTPS on loopback (bound to 127.0.0.1 with the host's own certificate,
 * the client pinning it as a seat does): hello, pairing, the seat on every data route, revocation
 * closing sockets at once, the API version check, Host/Origin, the per-address login limit, and the
 * refusal to serve a LAN address without TLS.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema';
import { apiVersion, APP_VERSION } from '../../common/api/version';
import { call, GOOD_PASSWORD, makeCore, tempDir, userWithSession, type TestCore } from '../../../tests/support/core';
import { loadOrCreateHostCertificate, type HostCertificate } from '../lan/host-certificate';
import { CLOSE_SEAT_REVOKED } from './lan-gate';
import { LOGIN_FAILURES_PER_ADDRESS, LOGIN_FAILURE_WINDOW_MS } from './login-rate-limit';
import { InsecureBindError, startWebHost, type WebHost } from './server';

let t: TestCore;
let host: WebHost;
let tls: HostCertificate;
let adminId: number;
let adminToken: string;
let staticDir: string;
let origin: string;

beforeAll(async () => {
  t = await makeCore();
  staticDir = tempDir('dscrm-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>DS-CRM</title><div id="root"></div>');
  tls = loadOrCreateHostCertificate(t.dir, { names: ['localhost', '127.0.0.1'] });
  host = await startWebHost({ core: t.core, port: 0, staticDir, lan: { host: '127.0.0.1', port: 0, tls } });
  origin = `https://127.0.0.1:${host.lan!.port}`;
  await userWithSession(t.core, 'lan.agent', 'serviceAgent');
  ({ userId: adminId, token: adminToken } = await userWithSession(t.core, 'lan.admin', 'admin'));
});
afterAll(async () => {
  await host.close();
  t.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: { ok?: boolean; error?: { code: string; message: string }; value?: unknown } & Record<string, unknown>;
  peerFingerprint: string;
}

/** One HTTPS request to the LAN listener, trusting only the host's certificate (as a paired seat pins it). */
function lan(method: string, route: string, opts: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = opts.body === undefined ? undefined : Buffer.from(typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body));
    const req = https.request(
      `${origin}${route}`,
      { method, ca: tls.cert, servername: 'localhost', agent: false, headers: { 'content-type': 'application/json', ...opts.headers } },
      (res) => {
        const peerFingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json = {};
          try {
            json = JSON.parse(body);
          } catch {
            json = {};
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json, peerFingerprint });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const seatHeader = (token: string) => ({ 'x-dscrm-seat': token });

/** The code an administrator reads out from 终端管理 (the real seats service). */
const pairingCode = () => t.core.seats.createPairingCode(adminId).code;

async function pairedSeat(name: string): Promise<{ id: number; token: string }> {
  const r = await lan('POST', '/lan/pair', { body: { code: pairingCode(), seatName: name } });
  expect(r.status).toBe(200);
  return { id: r.json.seatId as number, token: r.json.seatToken as string };
}

async function loginAt(seatToken: string, username: string, password = GOOD_PASSWORD): Promise<Answer> {
  return lan('POST', '/api/auth.login', { headers: seatHeader(seatToken), body: { username, password } });
}

const lanAudit = () => t.core.db.select().from(auditLog).where(eq(auditLog.action, 'lan_refused')).all();

describe('LAN listener (HTTPS)', () => {
  it('answers /lan/hello with the versions and the fingerprint of the certificate it presents', async () => {
    expect(host.lan!.fingerprint).toBe(tls.fingerprint);
    expect(host.lan!.urls).toEqual([`${origin}/`]);
    const r = await lan('GET', '/lan/hello');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ product: 'DS-CRM', appVersion: APP_VERSION, apiVersion: apiVersion(), fingerprint: tls.fingerprint });
    expect(typeof r.json.hostName).toBe('string');
    expect(r.peerFingerprint).toBe(tls.fingerprint);
    // 终端管理's pairing code tells the administrator where seats find this host, and its fingerprint.
    const made = await call(t.core, adminToken, 'admin.seats.pairingCode.create');
    expect(made).toMatchObject({ ok: true, value: { hostUrls: [`${origin}/`], fingerprint: tls.fingerprint } });
  });

  it('serves the pages without a seat, but no data: /api, /upload, /media and /ws need a paired seat', async () => {
    const page = await lan('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const api = await lan('POST', '/api/auth.session', { body: {} });
    expect(api.status).toBe(401);
    expect(api.json.error).toEqual({ code: 'SEAT_UNKNOWN', message: '本机尚未配对到主机,请输入管理员提供的配对码' });
    expect((await lan('POST', '/api/auth.login', { body: { username: 'lan.agent', password: GOOD_PASSWORD } })).json.error?.code).toBe('SEAT_UNKNOWN');
    expect((await lan('POST', '/upload?name=a.csv', { body: 'a,b\n1,2\n', headers: { 'content-type': 'text/csv' } })).json.error?.code).toBe('SEAT_UNKNOWN');
    expect((await lan('GET', '/media/recordings/1')).json.error?.code).toBe('SEAT_UNKNOWN');
    expect((await lan('POST', '/api/auth.session', { headers: seatHeader('made-up'), body: {} })).json.error?.code).toBe('SEAT_UNKNOWN');
    // A malformed seat cookie is no seat, not a crash.
    expect((await lan('POST', '/api/auth.session', { headers: { cookie: 'dscrm_seat=%c0' }, body: {} })).json.error?.code).toBe('SEAT_UNKNOWN');
    expect((await lan('GET', '/lan/hello')).status).toBe(200);
    // The loopback listener (this PC itself) needs no seat, as before.
    const local = await fetch(`${host.url}api/auth.session`, { method: 'POST', body: '{}' });
    expect(((await local.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('pairs with a code (wrong code: PAIRING_CODE_WRONG), then a seat logs in with a Secure session cookie and the seat goes into dispatch', async () => {
    const code = pairingCode();
    const wrong = await lan('POST', '/lan/pair', { body: { code: code === '000000' ? '000001' : '000000', seatName: '前台-1' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error?.code).toBe('PAIRING_CODE_WRONG');
    const bad = await lan('POST', '/lan/pair', { body: '{"code":' });
    expect(bad.json.error?.code).toBe('INVALID_INPUT');

    const r = await lan('POST', '/lan/pair', { body: { code, seatName: '前台-1' } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ seatName: '前台-1', appVersion: APP_VERSION, apiVersion: apiVersion() });
    const token = r.json.seatToken as string;
    expect(r.headers['set-cookie']?.[0]).toMatch(new RegExp(`^dscrm_seat=${token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=\\d+$`));

    const login = await loginAt(token, 'lan.agent');
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/^dscrm_session=[\w-]+; HttpOnly; Secure; SameSite=Strict; Path=\/$/);
    // The browser's seat cookie works like the app's header.
    const session = await lan('POST', '/api/auth.session', { headers: { cookie: `${cookie.split(';')[0]}; dscrm_seat=${token}` }, body: {} });
    expect(session.status).toBe(200);
    // 终端管理 learns who works at the seat, and from where, from the login on.
    expect(t.core.seats.list().find((s) => s.id === r.json.seatId)).toMatchObject({ name: '前台-1', lastAddress: '127.0.0.1', lastUserName: 'lan.agent 测试', status: 'active' });
  });

  it("a seat is 在线 in 终端管理 while its event socket is open and 离线 once it closes; administrators are told at once", async () => {
    const seat = await pairedSeat('展厅-在线');
    const cookie = String((await loginAt(seat.token, 'lan.agent')).headers['set-cookie']?.[0]).split(';')[0]!;
    const listed = () => t.core.seats.list().find((s) => s.id === seat.id)!;
    const told: { target: unknown; payload: unknown }[] = [];
    const stop = t.core.events.subscribe((e) => {
      if (e.event === 'seats.presence') told.push({ target: e.target, payload: e.payload });
    });
    try {
      expect(listed().online).toBe(false);
      const ws = new WebSocket(`wss://127.0.0.1:${host.lan!.port}/ws`, { ca: tls.cert, headers: { cookie, ...seatHeader(seat.token) } });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      await expect.poll(() => listed().online).toBe(true);
      expect(await call(t.core, adminToken, 'admin.seats.list')).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ id: seat.id, online: true, lastUserName: expect.any(String) })]) });
      // Only administrators hear of it (their sessions, by user), not the agent at the seat.
      expect(told).toEqual([{ target: { userId: adminId }, payload: { seatId: seat.id, online: true, lastSeenAt: expect.any(Number) } }]);
      ws.close();
      await expect.poll(() => listed().online).toBe(false);
      expect(told.at(-1)).toEqual({ target: { userId: adminId }, payload: { seatId: seat.id, online: false, lastSeenAt: listed().lastSeenAt } });
    } finally {
      stop();
    }
  });

  it('refuses a revoked seat at once: its open /ws is closed and its next call is SEAT_REVOKED', async () => {
    const seat = await pairedSeat('收银台');
    const other = await pairedSeat('经理室');
    const cookieOf = async (s: { token: string }) => String((await loginAt(s.token, 'lan.agent')).headers['set-cookie']?.[0]).split(';')[0]!;
    const open = async (seatToken: string, cookie: string) => {
      const ws = new WebSocket(`wss://127.0.0.1:${host.lan!.port}/ws`, { ca: tls.cert, headers: { cookie, ...seatHeader(seatToken) } });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      return ws;
    };
    const closeOf = (ws: WebSocket) => new Promise<{ code: number; at: number }>((resolve) => ws.once('close', (code) => resolve({ code, at: Date.now() })));
    const otherCookie = await cookieOf(other);
    // The seat's own session (its login ends with the seat: 4001), and a session from another
    // seat whose cookie was carried over to this one (only the seat check closes it: 4003).
    const own = await open(seat.token, await cookieOf(seat));
    const carried = await open(seat.token, otherCookie);
    const bystander = await open(other.token, otherCookie);
    const closed = [closeOf(own), closeOf(carried)];
    const revokedAt = Date.now();
    t.core.seats.revoke(seat.id, adminId);
    const [ownClose, carriedClose] = await Promise.all(closed);
    expect([4001, CLOSE_SEAT_REVOKED]).toContain(ownClose!.code);
    expect(carriedClose!.code).toBe(CLOSE_SEAT_REVOKED);
    expect(Math.max(ownClose!.at, carriedClose!.at) - revokedAt).toBeLessThan(1000);
    // The other seat's socket stays.
    await new Promise((r) => setTimeout(r, 50));
    expect(bystander.readyState).toBe(WebSocket.OPEN);
    bystander.close();

    const after = await lan('POST', '/api/auth.session', { headers: seatHeader(seat.token), body: {} });
    expect(after.status).toBe(401);
    expect(after.json.error).toEqual({ code: 'SEAT_REVOKED', message: '本终端已被管理员停用,请联系管理员重新配对' });
    // Reconnecting is refused too, with the reason in the body for the client to read.
    const again = new WebSocket(`wss://127.0.0.1:${host.lan!.port}/ws`, { ca: tls.cert, headers: seatHeader(seat.token) });
    const refusal = await new Promise<{ status: number; body: string }>((resolve) =>
      again.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }),
    );
    expect(refusal.status).toBe(401);
    expect(JSON.parse(refusal.body).error.code).toBe('SEAT_REVOKED');
  });

  it('refuses a client of another API version with 409 naming the host version, and audits it', async () => {
    const seat = await pairedSeat('旧版本');
    const r = await lan('POST', '/api/auth.session', { headers: { ...seatHeader(seat.token), 'x-dscrm-api': '000000000000' }, body: {} });
    expect(r.status).toBe(409);
    expect(r.json.error?.code).toBe('API_VERSION_MISMATCH');
    expect(r.json.error?.message).toBe(`主机的 DS-CRM 版本为 ${APP_VERSION}(接口 ${apiVersion()}),与本机不同:请安装与主机相同的版本`);
    const en = await lan('POST', '/lan/pair', { headers: { 'x-dscrm-api': 'abc', 'accept-language': 'en' }, body: { code: pairingCode(), seatName: 'x' } });
    expect(en.json.error?.message).toContain(`DS-CRM ${APP_VERSION} (API ${apiVersion()})`);
    // The same version, or none (a browser), passes.
    expect((await lan('POST', '/api/auth.session', { headers: { ...seatHeader(seat.token), 'x-dscrm-api': apiVersion() }, body: {} })).json.error?.code).toBe('UNAUTHENTICATED');
    // The event socket too, with the reason in the body.
    const ws = new WebSocket(`wss://127.0.0.1:${host.lan!.port}/ws`, { ca: tls.cert, headers: { ...seatHeader(seat.token), 'x-dscrm-api': '000000000000' } });
    const refused = await new Promise<{ status: number; body: string }>((resolve) =>
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }),
    );
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.body).error.code).toBe('API_VERSION_MISMATCH');
    // hello answers whatever the version: that is how a client learns which one to install.
    expect((await lan('GET', '/lan/hello', { headers: { 'x-dscrm-api': 'abc' } })).status).toBe(200);
    expect(lanAudit().some((a) => (a.after as { code: string; clientApi?: string }).code === 'API_VERSION_MISMATCH' && (a.after as { clientApi?: string }).clientApi === '000000000000')).toBe(true);
  });

  it('refuses a foreign Host or Origin (and a plain-http Origin) on the LAN, and audits it', async () => {
    const seat = await pairedSeat('前台-2');
    for (const headers of [{ origin: 'https://evil.example' } as Record<string, string>, { origin: `http://127.0.0.1:${host.lan!.port}` }, { host: `evil.example:${host.lan!.port}` }]) {
      const r = await lan('POST', '/api/auth.session', { headers: { ...seatHeader(seat.token), ...headers }, body: {} });
      expect(r.status).toBe(403);
      expect(r.json.error?.code).toBe('BAD_ORIGIN');
    }
    expect((await lan('POST', '/api/auth.session', { headers: { ...seatHeader(seat.token), origin }, body: {} })).json.error?.code).toBe('UNAUTHENTICATED');
    const ws = new WebSocket(`wss://127.0.0.1:${host.lan!.port}/ws`, { ca: tls.cert, headers: { ...seatHeader(seat.token), origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
    expect(lanAudit().some((a) => (a.after as { code: string; origin?: string }).origin === 'https://evil.example')).toBe(true);
  });

  it(`stops logins from an address after ${LOGIN_FAILURES_PER_ADDRESS} failures in 15 minutes, even with the right password, until the window passes`, async () => {
    const seat = await pairedSeat('前台-3');
    // Different (unknown) names: no per-account lock is involved, only the address.
    for (let i = 0; i < LOGIN_FAILURES_PER_ADDRESS; i++) {
      const r = await loginAt(seat.token, `nobody${i}`, 'wrong-password-1');
      expect(r.json.error?.code).toBe('BAD_CREDENTIALS');
    }
    const blocked = await loginAt(seat.token, 'lan.agent');
    expect(blocked.status).toBe(429);
    expect(blocked.json.error?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(lanAudit().some((a) => (a.after as { code: string }).code === 'TOO_MANY_ATTEMPTS')).toBe(true);
    // The host PC's own loopback listener is not that address on the LAN.
    const local = await fetch(`${host.url}api/auth.login`, { method: 'POST', body: JSON.stringify({ username: 'lan.agent', password: GOOD_PASSWORD }) });
    expect(local.status).toBe(200);

    t.clock.advance(LOGIN_FAILURE_WINDOW_MS - 60_000);
    expect((await loginAt(seat.token, 'lan.agent')).status).toBe(429);
    t.clock.advance(60_001);
    expect((await loginAt(seat.token, 'lan.agent')).status).toBe(200);
  }, 120_000); // 20 real scrypt checks on a shared 2-core machine
});

describe('no LAN without TLS', () => {
  it('refuses to bind plain HTTP to a LAN address, or a LAN listener without its certificate, before listening', async () => {
    await expect(startWebHost({ core: t.core, port: 0, staticDir, host: '0.0.0.0' })).rejects.toThrow(InsecureBindError);
    await expect(startWebHost({ core: t.core, port: 0, staticDir, host: '192.168.1.20' })).rejects.toThrow(/拒绝在本机以外的地址.192\.168\.1\.20.上提供未加密的服务[\s\S]*Refusing to serve 192\.168\.1\.20 without TLS/);
    await expect(startWebHost({ core: t.core, port: 0, staticDir, lan: { host: '0.0.0.0', port: 0, tls: undefined } })).rejects.toThrow(InsecureBindError);
    // Loopback stays plain HTTP, as before.
    const local = await startWebHost({ core: t.core, port: 0, staticDir, host: '127.0.0.1' });
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await local.close();
  });
});
