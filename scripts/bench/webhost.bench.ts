import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureServerBundle } from '../build-server';
import { log, percentile, round, type Metric } from './stats';

const root = path.resolve(import.meta.dirname, '../..');

/** The web host as `npm run serve` runs it: plain node on the bundle's launcher, in its own process. */
export async function spawnHost(launcher: string, dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [launcher, '--port', '0', '--data', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const m = buf.match(/web host: (http:\/\/\S+)/);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err.trim()}`)));
      setTimeout(() => reject(new Error('serve did not start in 20 s')), 20_000);
    });
    return { url, stop };
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
  return [{ name: 'webhost.cold_start_ms', value: round(percentile(times, 50), 0), unit: 'ms', baseline: null, goal: '≤ 800 ms (spawn → login page served, median of 5)' }];
}
