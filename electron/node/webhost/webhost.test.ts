import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { GOOD_PASSWORD, makeCore, tempDir, userWithSession, type TestCore } from '../../../tests/support/core';
import { startWebHost, type WebHost } from './server';

let t: TestCore;
let host: WebHost;
let staticDir: string;

beforeAll(async () => {
  t = await makeCore();
  staticDir = tempDir('dscrm-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>DS-CRM</title><div id="root"></div>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({ core: t.core, port: 0, staticDir });
  await userWithSession(t.core, 'web.admin', 'admin');
  await userWithSession(t.core, 'web.sales', 'salesConsultant');
});
afterAll(async () => {
  await host.close();
  t.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function login(username: string): Promise<string> {
  const r = await post('auth.login', { username, password: GOOD_PASSWORD });
  expect(r.status).toBe(200);
  const cookie = r.headers.get('set-cookie')!;
  expect(cookie).toMatch(/^dscrm_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\//);
  const body = await r.json();
  // The token travels only in the HttpOnly cookie, never in what page scripts can read.
  expect(JSON.stringify(body)).not.toContain(cookie.split(';')[0]!.split('=')[1]!);
  return cookie.split(';')[0]!;
}

describe('web host', () => {
  it('binds to loopback and serves the renderer, falling back to index.html for app routes', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    expect(await (await fetch(`${host.url}customers/42`)).text()).toContain('<div id="root">');
    expect(await (await fetch(`${host.url}assets/app.js`)).text()).toBe('console.log(1)');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json']) {
      const r = await fetch(`${host.url.slice(0, -1)}${p}`);
      expect(await r.text()).not.toMatch(/root:|"name"/);
    }
  });

  it('maps errors to 401 / 403 / 423 / 400 / 404 with a readable message', async () => {
    expect((await post('auth.session', {})).status).toBe(401);
    const sales = await login('web.sales');
    const forbidden = await post('admin.users.list', {}, { cookie: sales });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.message).toBe('您的角色无权执行此操作');
    const bad = await post('customers.get', { id: -3 }, { cookie: sales });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('INVALID_INPUT');
    expect((await post('customers.get', '{not json', { cookie: sales })).status).toBe(400);
    expect((await post('no.such.method', {}, { cookie: sales })).status).toBe(404);
    expect((await post('auth.lock', {}, { cookie: sales })).status).toBe(200);
    const locked = await post('auth.session', {}, { cookie: sales });
    expect(locked.status).toBe(423);
    expect((await post('auth.unlock', { password: GOOD_PASSWORD }, { cookie: sales })).status).toBe(200);
    expect((await post('auth.session', {}, { cookie: sales })).status).toBe(200);
  });

  it('rejects a foreign Host (DNS rebinding) and a foreign Origin (CSRF)', async () => {
    const admin = await login('web.admin');
    const { request } = await import('node:http');
    const raw = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${host.url}api/admin.users.list`, { method: 'POST', headers: { cookie: admin, ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('{}');
      });
    expect(await raw({})).toBe(200);
    expect(await raw({ host: 'evil.example:80' })).toBe(403);
    expect(await raw({ origin: 'http://evil.example' })).toBe(403);
    expect(await raw({ origin: host.url.slice(0, -1) })).toBe(200);
  });

  it('logout clears the cookie and the session stops working', async () => {
    const cookie = await login('web.admin');
    const out = await post('auth.logout', {}, { cookie });
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await post('auth.session', {}, { cookie })).status).toBe(401);
  });

  it('pushes a lock made elsewhere to the page over the WebSocket, and refuses sockets without a session', async () => {
    const cookie = await login('web.admin');
    const wsUrl = host.url.replace('http', 'ws') + 'ws';
    const anonymous = new WebSocket(wsUrl);
    const refused = await new Promise<string>((resolve) => {
      anonymous.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      anonymous.on('error', () => resolve('error'));
    });
    expect(refused).toBe('401');
    const ws = new WebSocket(wsUrl, { headers: { cookie } });
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    const message = new Promise<string>((resolve) => ws.on('message', (d) => resolve(String(d))));
    await post('auth.lock', {}, { cookie });
    expect(JSON.parse(await message)).toEqual({ event: 'session.locked', payload: { reason: 'manual' } });
    ws.close();
  });

  it('holds pushed events for a locked session and delivers them after unlock, latest progress only', async () => {
    const cookie = await login('web.sales');
    const { userId } = { userId: t.core.auth.resolve(decodeURIComponent(cookie.split('=')[1]!))!.user.id };
    const ws = new WebSocket(host.url.replace('http', 'ws') + 'ws', { headers: { cookie } });
    const got: { event: string; payload: Record<string, unknown> }[] = [];
    ws.on('message', (d) => got.push(JSON.parse(String(d))));
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    const settle = () => new Promise((r) => setTimeout(r, 150));
    await post('auth.lock', {}, { cookie });
    t.core.events.publish({ userId }, 'notification', { id: 7, kind: 'review', title: '张三的跟进计划有新批阅', body: null });
    t.core.events.publish({ userId }, 'export.progress', { exportId: 'e1', done: 100, total: 300 });
    t.core.events.publish({ userId }, 'export.progress', { exportId: 'e1', done: 200, total: 300 });
    await settle();
    // Behind the lock screen: only the lock itself, no customer's name.
    expect(got.map((m) => m.event)).toEqual(['session.locked']);
    expect(JSON.stringify(got)).not.toContain('张三');
    expect((await post('auth.unlock', { password: GOOD_PASSWORD }, { cookie })).status).toBe(200);
    await settle();
    // The agent state's own changes (示忙 · 程序锁定, held behind the lock, then what the unlock restores) come too.
    const other = got.filter((m) => m.event !== 'callCenter.agentState');
    expect(other.map((m) => m.event)).toEqual(['session.locked', 'session.unlocked', 'notification', 'export.progress']);
    expect(other[3]!.payload.done).toBe(200);
    expect(got.filter((m) => m.event === 'callCenter.agentState').map((m) => m.payload.reason)).toEqual(['locked', 'login']);
    // Unlocked: events flow at once again.
    t.core.events.publish({ userId }, 'notification', { id: 8, kind: 'review', title: 'x', body: null });
    await settle();
    expect(got.at(-1)!.payload.id).toBe(8);
    ws.close();
  });
});
