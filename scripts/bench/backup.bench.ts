import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../electron/node/core';
import { BackupService } from '../../electron/node/features/backup';
import { log, round, type Metric } from './stats';

/**
 * 备份与恢复 at scale: one verified backup of the seeded database (SQLite's online backup API, the
 * copy stamped with its row counts, quick_check of the copy in a worker, retention), into a
 * folder beside the data folder that is removed afterwards. backup.1m.ms — goal ≤ 60 s.
 */
export async function benchBackup(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  const folder = `${dataDir.replace(/[\\/]+$/, '')}-bench-backups`;
  try {
    core.settings.set('backup.folder', folder);
    const t = performance.now();
    const run = await new BackupService(core).run('manual', null);
    const ms = performance.now() - t;
    if (run.status !== 'ok') throw new Error(`backup failed: ${run.error}`);
    log(`backup: ${run.fileName}, ${((run.size ?? 0) / 1024 / 1024).toFixed(0)} MB, ${run.counts?.customers?.toLocaleString()} customers, ${ms.toFixed(0)} ms`);
    return [{ name: 'backup.1m.ms', value: round(ms, 0), unit: 'ms', baseline: null, goal: '≤ 60,000 ms' }];
  } finally {
    core.settings.set('backup.folder', '');
    core.close();
    fs.rmSync(path.resolve(folder), { recursive: true, force: true });
  }
}
