import { checkDatabase } from '../../electron/node/data-folder/integrity';
import { dbFile } from '../../electron/node/paths';
import { log, type Metric } from './stats';

/**
 * The start-up check of the data folder: PRAGMA quick_check of the whole file, as createCore runs
 * it in a worker thread (the web host answers meanwhile; a damaged verdict stops writing).
 */
export async function benchDataFolder(dataDir: string): Promise<Metric[]> {
  const r = await checkDatabase(dbFile(dataDir), 'quick_check');
  log(`quick_check: ${r.ok ? 'ok' : r.problems.join('; ')} in ${r.ms} ms`);
  return [{ name: 'startup.quick_check_ms', value: r.ms, unit: 'ms', baseline: null, goal: 'off the main thread: start-up does not wait for it' }];
}
