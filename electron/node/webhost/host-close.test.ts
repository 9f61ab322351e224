/**
 * Stopping the web host (a host restart, 退出, the tests) does not wait on connections that never
 * send a request: a browser's preconnect over TLS, a TCP connection that never starts its handshake,
 * a plain connection on loopback. Before, close() waited for each of them to time out — a minute
 * with a browser seat's idle connection, minutes with a bare TCP one — and the seats' reconnect
 * waited with it.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { loadOrCreateHostCertificate } from '../lan/host-certificate';
import { startWebHost } from './server';

describe('web host close', () => {
  let dir: string;
  let core: Core;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-host-close-'));
    core = await createCore({ dataDir: dir, bootstrapAdmin: false });
  });
  afterAll(() => {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('returns within a couple of seconds while silent connections are open on both listeners', async () => {
    const cert = loadOrCreateHostCertificate(dir, { names: ['localhost', '127.0.0.1'] });
    const host = await startWebHost({ core, port: 0, lan: { host: '127.0.0.1', port: 0, tls: cert } });
    const lanPort = host.lan!.port;
    const handshaken = tls.connect({ host: '127.0.0.1', port: lanPort, ca: cert.cert, servername: 'localhost' });
    await new Promise((resolve) => handshaken.once('secureConnect', resolve));
    const bare = net.connect(lanPort, '127.0.0.1');
    await new Promise((resolve) => bare.once('connect', resolve));
    const plain = net.connect(host.port, '127.0.0.1');
    await new Promise((resolve) => plain.once('connect', resolve));
    const ended = [handshaken, bare, plain].map((s) => new Promise((resolve) => s.once('close', resolve)));
    for (const s of [handshaken, bare, plain]) s.on('error', () => undefined);

    const started = Date.now();
    await host.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    // The peers see their connections closed, and the port is free for the restarted host.
    await Promise.all(ended);
    const again = await startWebHost({ core, port: 0, lan: { host: '127.0.0.1', port: lanPort, tls: cert } });
    expect(again.lan!.port).toBe(lanPort);
    await again.close();
  }, 30_000);
});
