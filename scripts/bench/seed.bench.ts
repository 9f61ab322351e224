import { openDatabase } from '../../db/client';
import { seedDemo } from '../../electron/node/features/demo/seed';
import { dbFile } from '../../electron/node/paths';
import { log, round, type Metric } from './stats';

/**
 * seed.customers_per_s and seed.seconds: the whole demo data set (customers, vehicles, service
 * history, sales, and the quick-find index), as `npm run seed` does it. seed.cpu_seconds is the
 * process's CPU time (main thread and the quick-find worker): on a machine shared with other work
 * the wall time moves with the load, the CPU time much less, so compare that between runs.
 */
export async function benchSeed(dataDir: string, customers: number): Promise<Metric[]> {
  const { sqlite } = openDatabase(dbFile(dataDir));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await seedDemo(sqlite, { customers, seed: 1, log: (m) => log(`seed: ${m}`) });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  sqlite.close();
  log(`seeded ${customers} customers in ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s)`);
  return [
    { name: 'seed.customers_per_s', value: round(customers / seconds, 0), unit: 'customers/s', baseline: null, goal: '1,000,000 in ≤ 60 s' },
    { name: 'seed.seconds', value: round(seconds, 1), unit: 's', baseline: null, goal: customers === 1_000_000 ? '≤ 60 s' : '≤ 60 s at 1,000,000 customers' },
    { name: 'seed.cpu_seconds', value: round(cpuSeconds, 1), unit: 's', baseline: null },
  ];
}
