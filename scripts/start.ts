/**
 * `npm start` (after `npm run build:renderer`): the desktop app when Electron can run here,
 * otherwise the web host on the demo database.
 *
 *   tsx scripts/start.ts [--no-build] [--port 5180] [--web]
 *
 * - Electron usable: `npm run build:electron` (skipped with --no-build), then the Electron binary
 *   with the project folder as its app.
 * - Electron binary missing (it is downloaded on first use, which fails without internet), or
 *   --web: one line saying so, then the web host on 127.0.0.1, run from its bundle
 *   (dist/server/serve.cjs, built first when missing or stale — scripts/build-server.ts) exactly as
 *   `npm run serve` runs it. Data folder: resolveDataDir() (DSCRM_DATA_DIR or the per-user
 *   folder). A database that does not exist yet is created with demo data (2,000 customers)
 *   first, so there is something to look at.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SeedReport } from '../electron/node/features/demo/seed';
import { intArg, parseArgs } from './args';

const root = path.resolve(import.meta.dirname, '..');
export const DEMO_CUSTOMERS = 2000;
export const DEFAULT_PORT = 5180;

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Where the Electron binary is, without side effects. Requiring the `electron` package would do
 * the same lookup but, when the binary is absent, first tries to download it (a slow failure
 * without internet, a surprise 100 MB download with it), so this reads the package's own record
 * (`path.txt`, written by its installer) and checks the file is there. Honours
 * ELECTRON_OVERRIDE_DIST_PATH like the package does.
 */
export function findElectronBinary(opts: { electronDir?: string; env?: NodeJS.ProcessEnv } = {}): ElectronBinary {
  const env = opts.env ?? process.env;
  let dir = opts.electronDir;
  if (!dir) {
    try {
      dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    } catch {
      return { ok: false, reason: 'the electron package is not installed' };
    }
  }
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return { ok: false, reason: 'its binary was never downloaded' };
  const binary = override ? path.join(override, relative || 'electron') : path.join(dir, 'dist', relative);
  return fs.existsSync(binary) && fs.statSync(binary).isFile() ? { ok: true, path: binary } : { ok: false, reason: `${binary} does not exist` };
}

export type StartPlan = { host: 'electron'; binary: string } | { host: 'web'; notice: string };

/** Which host `npm start` runs, and the one line it prints when that is not Electron. */
export function planStart(opts: { forceWeb?: boolean; electron?: ElectronBinary } = {}): StartPlan {
  if (opts.forceWeb) return { host: 'web', notice: '按要求启动网页版 / --web given: starting the web host' };
  const electron = opts.electron ?? findElectronBinary();
  if (electron.ok) return { host: 'electron', binary: electron.path };
  return {
    host: 'web',
    notice: `未找到 Electron 程序,改为启动网页版 / Electron binary missing (${electron.reason}), starting the web host instead`,
  };
}

function runElectron(binary: string, build: boolean): void {
  if (build) {
    const r = spawnSync('npm', ['run', 'build:electron', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const env = { ...process.env };
  // Set in some shells / CI; it would make the binary behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  runChild(binary, ['.'], env);
}

/** Creates the demo database in `dataDir` unless a database is already there. */
export async function ensureDemoDatabase(dataDir: string, customers = DEMO_CUSTOMERS): Promise<string | null> {
  const { dbFile } = await import('../electron/node/paths');
  const file = dbFile(dataDir);
  if (fs.existsSync(file)) return null;
  const { openDatabase } = await import('../db/client');
  const { seedDemo } = await import('../electron/node/features/demo/seed');
  // Seeded under a temporary name and renamed when complete: an interrupted seed must not leave
  // a half-filled database that the next start would take for the real one.
  const partial = `${file}.seeding`;
  const removePartial = () => {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
  };
  removePartial();
  console.log(`正在生成演示数据 / Creating the demo database (${customers} customers) in ${dataDir} …`);
  const { sqlite } = openDatabase(partial);
  let report: SeedReport;
  try {
    report = await seedDemo(sqlite, { customers });
    // Self-contained file before the rename (no -wal beside it); the app turns WAL back on.
    sqlite.pragma('journal_mode = DELETE');
  } catch (err) {
    sqlite.close();
    removePartial();
    throw err;
  }
  sqlite.close();
  fs.renameSync(partial, file);
  return demoUsersLine(report);
}

/** The line naming the demo log-ins (every demo user has the same password). */
export function demoUsersLine(report: Pick<SeedReport, 'users' | 'password'>): string {
  return `演示用户 / Demo users: ${report.users.map((u) => u.username).join(', ')} — 密码 / password: ${report.password}`;
}

/** Runs a child to its end, passing on Ctrl+C / SIGTERM, and exits with its code. */
function runChild(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
}

async function runWeb(notice: string, port: number): Promise<void> {
  console.log(notice);
  const { resolveDataDir } = await import('../electron/node/paths');
  const { ensureServerBundle } = await import('./build-server');
  const dataDir = resolveDataDir();
  const bundle = await ensureServerBundle({ log: (m) => console.log(m) });
  const users = await ensureDemoDatabase(dataDir);
  if (users) console.log(users);
  // The bundle prints the URL (and, on an empty non-demo database, the first-run admin password).
  runChild(process.execPath, [bundle, '--port', String(port), '--data', dataDir, '--host', '127.0.0.1']);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const args = parseArgs();
  const plan = planStart({ forceWeb: args.web === true });
  if (plan.host === 'electron') runElectron(plan.binary, args['no-build'] !== true);
  else {
    runWeb(plan.notice, intArg(args, 'port', DEFAULT_PORT)).catch(async (err: unknown) => {
      const { DbOpenError } = await import('../db/client');
      console.error(err instanceof DbOpenError ? err.message : err);
      process.exit(1);
    });
  }
}
