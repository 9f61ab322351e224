/**
 * Builds the renderer once before the browser tests when dist/renderer is missing or older than
 * its sources (renderer/ and the shared contract in electron/common/). The build goes to a folder
 * of its own and is then swapped in: vite empties its output folder first, and a browser test of
 * another run loading a page meanwhile would get half a bundle.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const builtIndex = path.join(root, 'dist', 'renderer', 'index.html');
const SOURCES = ['renderer', 'electron/common', 'package-lock.json'];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export default function setup(): void {
  const built = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built >= sources && process.env.DSCRM_E2E_REBUILD !== '1') return;
  const started = Date.now();
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const target = path.dirname(builtIndex);
  const next = `${target}.next-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  // NODE_ENV=production whoever builds: under vitest it is 'test', and vite then bundled React's
  // development build (StrictMode running every effect twice, several times slower). The bench
  // (`--only ui`) reuses this folder when it is fresh, so it measured that build after a browser test.
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn', '--outDir', next, '--emptyOutDir'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) {
    fs.rmSync(next, { recursive: true, force: true });
    throw new Error(`renderer build failed (exit ${r.status ?? r.signal})`);
  }
  // Two renames: the folder is missing for a moment, never half written.
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(next, target);
  fs.rmSync(old, { recursive: true, force: true });
  console.log(`[e2e] renderer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
