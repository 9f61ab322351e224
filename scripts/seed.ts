/**
 * `npm run seed -- --customers N [--data DIR] [--seed S] [--today YYYY-MM-DD]`
 * Deterministic zh-CN demo data (N from 1 to 1,000,000) in DIR's database (default: the app's data
 * folder). Refuses a database that already has customers.
 */
import { openDatabase, DbOpenError } from '../db/client';
import { seedDemo, MAX_DEMO_CUSTOMERS, DEFAULT_DEMO_SEED } from '../electron/node/features/demo/seed';
import { parseDay } from '../electron/node/features/demo/dates';
import { dbFile, resolveDataDir } from '../electron/node/paths';
import { ROLE_NAMES } from '../electron/common/roles';
import { intArg, parseArgs } from './args';

function usage(msg: string): never {
  console.error(msg);
  console.error('usage: npm run seed -- --customers N [--data DIR] [--seed S] [--today YYYY-MM-DD]');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = parseArgs();
  if (args.help === true || args.h === true) usage('Seeds deterministic demo data.');
  let customers: number;
  let seed: number;
  try {
    customers = intArg(args, 'customers', Number.NaN);
    seed = intArg(args, 'seed', DEFAULT_DEMO_SEED);
  } catch (err) {
    usage((err as Error).message);
  }
  if (Number.isNaN(customers)) usage('--customers N is required');
  if (customers < 1 || customers > MAX_DEMO_CUSTOMERS) usage(`--customers must be from 1 to ${MAX_DEMO_CUSTOMERS.toLocaleString('en-US')}, got ${customers}`);
  const today = typeof args.today === 'string' ? args.today : undefined;
  if (args.today === true) usage('--today needs a date YYYY-MM-DD');
  if (today !== undefined) {
    try {
      parseDay(today);
    } catch (err) {
      usage(`--today: ${(err as Error).message}`);
    }
  }
  if (args.data === true) usage('--data needs a folder');
  const dataDir = resolveDataDir(typeof args.data === 'string' ? args.data : undefined);
  const file = dbFile(dataDir);

  console.log(`Seeding ${customers.toLocaleString('en-US')} customers (seed ${seed}) into ${file}`);
  const t0 = performance.now();
  const { sqlite } = openDatabase(file);
  let report;
  try {
    report = await seedDemo(sqlite, { customers, seed, today, log: (m) => console.log(`  ${m}`) });
  } finally {
    sqlite.close();
  }
  const seconds = (performance.now() - t0) / 1000;

  console.log('\nRows:');
  for (const [table, n] of Object.entries(report.rows)) console.log(`  ${table.padEnd(22)} ${n.toLocaleString('en-US').padStart(10)}`);
  console.log(`\n演示用户 / Demo users (password 密码: ${report.password}):`);
  for (const u of report.users) console.log(`  ${u.username.padEnd(10)} ${u.password}  ${ROLE_NAMES[u.role].zh} ${u.displayName}`);
  console.log(`\n故意留下的数据问题 / Deliberate data problems (settings 'demo.problems', docs/demo-data.md):`);
  for (const p of report.problems) {
    const sample = p.ids.slice(0, 5).join(', ');
    console.log(`  ${p.code.padEnd(36)} ${String(p.count).padStart(7)} of ${String(p.candidates).padStart(8)} ${p.of}  ${p.zh}${sample ? `  e.g. ${p.table} ${sample}` : ''}`);
  }
  console.log(`\nDone in ${seconds.toFixed(1)} s: ${Math.round(customers / seconds).toLocaleString('en-US')} customers/s (today = ${report.today}).`);
}

main().catch((err: unknown) => {
  console.error(err instanceof DbOpenError || err instanceof Error ? err.message : err);
  process.exit(1);
});
