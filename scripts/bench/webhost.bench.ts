import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log, percentile, round, type Metric } from './stats';

const root = path.resolve(import.meta.dirname, '../..');

/** One cold start: process spawned → the login page (index.html) served over HTTP. */
async function coldStart(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', '0', '--data', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const m = buf.match(/web host: (http:\/\/\S+)/);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      setTimeout(() => reject(new Error('serve did not start in 20 s')), 20_000);
    });
    const res = await fetch(url);
    const html = await res.text();
    if (res.status !== 200 || !html.includes('<div id="root">')) throw new Error(`login page not served: ${res.status}`);
    return performance.now() - t0;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchWebhost(dataDir: string): Promise<Metric[]> {
  if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) throw new Error('dist/renderer is missing: run npm run build:renderer');
  const times: number[] = [];
  await coldStart(dataDir); // the first start also warms the OS file cache; not counted
  for (let i = 0; i < 5; i++) times.push(await coldStart(dataDir));
  log(`web host cold starts (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
  return [{ name: 'webhost.cold_start_ms', value: round(percentile(times, 50), 0), unit: 'ms', baseline: null, goal: '≤ 1,500 ms' }];
}
