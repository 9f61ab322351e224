import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { ensureServerBundle } from '../build-server';
import { log, percentile, round, type Metric } from './stats';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The web host as `npm run serve` runs it: plain node on the bundle's launcher, in its own process.
 * `extraArgs` e.g. ['--lan', '--lan-host', '127.0.0.1', '--lan-port', '0'] for the LAN listener too.
 */
export async function spawnHost(
  launcher: string,
  dataDir: string,
  extraArgs: string[] = [],
): Promise<{ url: string; lanUrl: string | null; stop: () => Promise<void>; stderr: () => string }> {
  const child = spawn(process.execPath, [launcher, '--port', '0', '--data', dataDir, ...extraArgs], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const wantLan = extraArgs.includes('--lan');
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  try {
    const { url, lanUrl } = await new Promise<{ url: string; lanUrl: string | null }>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const m = buf.match(/web host: (http:\/\/\S+)/);
        const lan = buf.match(/LAN host: (https:\/\/\S+)/);
        if (m && (!wantLan || lan)) resolve({ url: m[1]!, lanUrl: lan?.[1] ?? null });
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err.trim()}`)));
      setTimeout(() => reject(new Error('serve did not start in 20 s')), 20_000);
    });
    // The host's log so far (the seats bench counts the SQLITE_BUSY lines in it).
    return { url, lanUrl, stop, stderr: () => err };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** One cold start: process spawned → the login page (index.html) served over HTTP. */
async function coldStart(launcher: string, dataDir: string): Promise<number> {
  const t0 = performance.now();
  const host = await spawnHost(launcher, dataDir);
  try {
    const res = await fetch(host.url);
    const html = await res.text();
    if (res.status !== 200 || !html.includes('<div id="root">')) throw new Error(`login page not served: ${res.status}`);
    return performance.now() - t0;
  } finally {
    await host.stop();
  }
}

export async function benchWebhost(dataDir: string): Promise<Metric[]> {
  // scripts/bench.ts builds the renderer when it is missing or stale; this is the guard for a direct caller.
  if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) throw new Error('dist/renderer is missing: run npm run build:renderer');
  const launcher = await ensureServerBundle({ log });
  const times: number[] = [];
  // The first start warms the OS file cache and writes V8's code cache, as any first start does; not counted.
  await coldStart(launcher, dataDir);
  for (let i = 0; i < 5; i++) times.push(await coldStart(launcher, dataDir));
  log(`web host cold starts from ${path.relative(root, launcher)} (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
  const handshakes = await tlsHandshakes(launcher, dataDir);
  log(`LAN listener TLS handshakes (ms): ${handshakes.map((t) => t.toFixed(1)).join(', ')}`);
  return [
    { name: 'webhost.cold_start_ms', value: round(percentile(times, 50), 0), unit: 'ms', baseline: null, goal: '≤ 800 ms (spawn → login page served, median of 5)' },
    {
      name: 'webhost.tls_handshake_ms',
      value: round(percentile(handshakes, 50), 1),
      unit: 'ms',
      baseline: null,
      goal: 'for the record (issue 15): median of 20 fresh TLS handshakes to the LAN listener on loopback, pinned to its certificate',
    },
  ];
}

/**
 * 20 fresh TLS handshakes (a new connection each, no session resumption) to the LAN listener of a
 * host started with --lan on 127.0.0.1, trusting only its own certificate as a paired seat does:
 * TCP connect → secureConnect, in ms.
 */
async function tlsHandshakes(launcher: string, dataDir: string): Promise<number[]> {
  const host = await spawnHost(launcher, dataDir, ['--lan', '--lan-host', '127.0.0.1', '--lan-port', '0']);
  try {
    const port = Number(new URL(host.lanUrl!).port);
    const ca = fs.readFileSync(path.join(dataDir, 'tls', 'host-cert.pem'), 'utf8');
    const once = () =>
      new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        const socket = tls.connect({ host: '127.0.0.1', port, ca, servername: 'localhost' }, () => {
          const ms = performance.now() - t0;
          socket.destroy();
          resolve(ms);
        });
        socket.once('error', reject);
      });
    await once(); // warms the host's TLS code path, as the first seat of the day does; not counted
    const times: number[] = [];
    for (let i = 0; i < 20; i++) times.push(await once());
    return times;
  } finally {
    await host.stop();
  }
}
