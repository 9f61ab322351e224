import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, makeCore, tempDir, userWithSession, type TestCore } from '../../../tests/support/core';
import { startWebHost, type WebHost } from './server';

/**
 * Requests a web page, a broken client or an attacker on the LAN can send. Each must get an answer
 * (400 / 401 / 404 / 413 …) and the server must keep serving: one bad request used to throw a
 * URIError inside the request listener and take the process down for everyone.
 */
let t: TestCore;
let host: WebHost;
let staticDir: string;
let cookie: string;

beforeAll(async () => {
  t = await makeCore();
  staticDir = tempDir('dscrm-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>DS-CRM</title>');
  host = await startWebHost({ core: t.core, port: 0, staticDir });
  await userWithSession(t.core, 'hostile.admin', 'admin');
  const r = await fetch(`${host.url}api/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'hostile.admin', password: GOOD_PASSWORD }),
  });
  cookie = r.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await host.close();
  t.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

/** One raw HTTP/1.1 exchange (fetch would normalise the path); resolves to the status code, 0 if none. */
function raw(request: string | Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(host.port, '127.0.0.1');
    let data = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0));
    };
    const timer = setTimeout(done, 3000);
    socket.on('data', (d) => {
      data += d.toString('latin1');
      if (data.includes('\r\n')) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(request);
  });
}

const hostHeader = () => `127.0.0.1:${host.port}`;
const get = (p: string, headers: Record<string, string> = {}) =>
  raw(`GET ${p} HTTP/1.1\r\nHost: ${hostHeader()}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Connection: close\r\n\r\n`);

async function stillServing(): Promise<void> {
  const r = await fetch(host.url);
  expect(r.status).toBe(200);
  const s = await fetch(`${host.url}api/auth.session`, { method: 'POST', headers: { cookie } });
  expect(s.status).toBe(200);
}

describe('web host under hostile requests', () => {
  it('answers malformed percent-encoding in a path with 400 and keeps serving', async () => {
    for (const p of ['/%c0', '/%', '/%%41', '/assets/%E0%A4%A', '/%ff%fe', '/a%00b']) {
      expect(await get(p)).toBe(400);
    }
    await stillServing();
  });

  it('treats a malformed session cookie as no session on every route', async () => {
    const bad = { cookie: 'dscrm_session=%c0' };
    expect(await get('/', bad)).toBe(200);
    expect(await get('/media/recordings/1', bad)).toBe(401);
    const api = await raw(`POST /api/auth.session HTTP/1.1\r\nHost: ${hostHeader()}\r\nCookie: dscrm_session=%\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    expect(api).toBe(401);
    const ws = await raw(
      `GET /ws HTTP/1.1\r\nHost: ${hostHeader()}\r\nCookie: dscrm_session=%c0\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    expect(ws).toBe(401);
    await stillServing();
  });

  it('answers a body over the limit with 413 and a message, not a dropped connection', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const r = await fetch(`${host.url}api/auth.session`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: big });
    expect(r.status).toBe(413);
    const body = (await r.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.error.code).toBe('TOO_LARGE');
    expect(body.error.message).toContain('2.0 MB');
    await stillServing();
  });

  it('survives a deterministic fuzz of paths, cookies and headers on static, API, recordings and WebSocket routes', async () => {
    let seed = 20261204;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['%', '%c0', '%e0%a4', '%2e%2e', '/', '..', '?', '#', ';', '=', '\u00e9', '%00', 'A', '~', '%ZZ', '[', '"', '\\'];
    const junk = (len: number) => Array.from({ length: len }, () => pieces[rnd(pieces.length)]).join('');
    const routes = ['/', '/assets/', '/api/', '/api/customers.get', '/media/recordings/', '/ws'];
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const p = (routes[rnd(routes.length)] + junk(rnd(6))).replace(/[\r\n ]/g, '');
      const headers: string[] = [`Host: ${rnd(10) === 0 ? junk(3) : hostHeader()}`];
      if (rnd(2)) headers.push(`Cookie: ${rnd(2) ? cookie : 'dscrm_session=' + junk(4)}; ${junk(2)}=${junk(2)}`);
      if (rnd(3) === 0) headers.push(`Accept-Language: ${junk(5)}`);
      if (rnd(3) === 0) headers.push(`Range: bytes=${junk(2)}-${rnd(2) ? '99999999999999999999' : junk(1)}`);
      if (rnd(4) === 0) headers.push(`Origin: ${junk(3)}`);
      if (p.startsWith('/ws') && rnd(2)) headers.push('Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13', `Sec-WebSocket-Key: ${junk(3)}`);
      const method = p.startsWith('/api/') ? 'POST' : ['GET', 'HEAD', 'PUT'][rnd(3)];
      const body = method === 'POST' ? ['{}', '{"id":', 'null', '[]', junk(4)][rnd(5)]! : '';
      const status = await raw(
        `${method} ${p || '/'} HTTP/1.1\r\n${headers.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      statuses.add(status);
    }
    // Every answer is an HTTP status a client can act on; none is a server failure.
    for (const s of statuses) expect(s === 0 || (s >= 101 && s < 500)).toBe(true);
    await stillServing();
  });

  it('keeps serving after a WebSocket client resets mid-handshake', async () => {
    for (let i = 0; i < 20; i++) {
      const socket = net.connect(host.port, '127.0.0.1');
      await new Promise((resolve) => socket.on('connect', resolve));
      socket.write(`GET /ws HTTP/1.1\r\nHost: ${hostHeader()}\r\nCookie: ${cookie}\r\nUpgrade: websocket\r\n`);
      socket.resetAndDestroy();
    }
    await stillServing();
    expect((await fetch(`${host.url}api/auth.unlock`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ password: GOOD_PASSWORD }) })).status).toBeLessThan(500);
  });
});
