/**
 * `npm run bench [-- --customers N] [--data DIR] [--only a,b] [--seconds S]`: performance figures as JSON
 * (names for --only: webhost, datafolder, api, grid, search, sales, analysis, audit, reminders, solicitation, dialer, cti, sms, import, backup, restore, dedupe, scheduler, seats, ui;
 * --seconds: how long the 30 seats work, default 60).
 * Seeds a fresh demo database (default 1,000,000 customers) in a temp folder — or uses an
 * already seeded --data DIR, skipping the seed figure — then measures. Progress goes to stderr;
 * the last line on stdout is `{"metrics":[{name,value,unit,baseline}]}`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { intArg, parseArgs } from './args';
import { benchSeed } from './bench/seed.bench';
import { benchWebhost } from './bench/webhost.bench';
import { benchApi } from './bench/api.bench';
import { benchGrid } from './bench/grid.bench';
import { benchSearch } from './bench/search.bench';
import { benchSales } from './bench/sales.bench';
import { benchAnalysis } from './bench/analysis.bench';
import { benchSelfAudit } from './bench/self-audit.bench';
import { benchReminders } from './bench/reminders.bench';
import { benchSolicitation } from './bench/solicitation.bench';
import { benchDialer } from './bench/dialer.bench';
import { benchCti } from './bench/cti.bench';
import { benchSms } from './bench/sms.bench';
import { benchScheduler } from './bench/scheduler.bench';
import { benchUi } from './bench/ui.bench';
import { benchDataFolder } from './bench/data-folder.bench';
import { benchSeats } from './bench/seats.bench';
import { benchImport } from './bench/import.bench';
import { benchBackup } from './bench/backup.bench';
import { benchRestore } from './bench/restore.bench';
import { benchDedupe } from './bench/dedupe.bench';
import { log, type Metric } from './bench/stats';
import { dbFile } from '../electron/node/paths';
import buildRendererIfStale from '../tests/e2e/global-setup';
import { ensureServerBundle } from './build-server';

const args = parseArgs();
const customers = intArg(args, 'customers', 1_000_000);
const only = typeof args.only === 'string' ? args.only.split(',') : null;
const want = (name: string) => !only || only.includes(name);

const given = typeof args.data === 'string' ? path.resolve(args.data) : null;
const dataDir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-bench-'));
const metrics: Metric[] = [];

// What the web host serves and runs from, built here when missing or older than its sources, so
// the bench works on a fresh clone (the same checks the browser tests and `npm run serve` use).
if (want('webhost') || want('ui')) {
  buildRendererIfStale();
  await ensureServerBundle({ log });
}

try {
  if (!given || !fs.existsSync(dbFile(dataDir))) metrics.push(...(await benchSeed(dataDir, customers)));
  else log(`using the seeded database in ${dataDir}`);
  if (want('webhost')) metrics.push(...(await benchWebhost(dataDir)));
  if (want('datafolder')) metrics.push(...(await benchDataFolder(dataDir)));
  if (want('api')) metrics.push(...(await benchApi(dataDir)));
  if (want('grid')) metrics.push(...(await benchGrid(dataDir)));
  if (want('search')) metrics.push(...(await benchSearch(dataDir)));
  if (want('sales')) metrics.push(...(await benchSales(dataDir)));
  if (want('analysis')) metrics.push(...(await benchAnalysis(dataDir)));
  if (want('audit')) metrics.push(...(await benchSelfAudit(dataDir)));
  if (want('reminders')) metrics.push(...(await benchReminders(dataDir)));
  if (want('solicitation')) metrics.push(...(await benchSolicitation(dataDir)));
  if (want('dialer')) metrics.push(...(await benchDialer(dataDir)));
  if (want('cti')) metrics.push(...(await benchCti(dataDir)));
  if (want('sms')) metrics.push(...(await benchSms()));
  if (want('import')) metrics.push(...(await benchImport(dataDir)));
  if (want('backup')) metrics.push(...(await benchBackup(dataDir)));
  if (want('restore')) metrics.push(...(await benchRestore(dataDir)));
  if (want('dedupe')) metrics.push(...(await benchDedupe(dataDir)));
  if (want('scheduler')) metrics.push(...(await benchScheduler(dataDir)));
  if (want('seats')) metrics.push(...(await benchSeats(dataDir, intArg(args, 'seconds', 60))));
  if (want('ui')) metrics.push(...(await benchUi(dataDir)));
} finally {
  if (!given) fs.rmSync(dataDir, { recursive: true, force: true });
}

console.log(JSON.stringify({ metrics }));
