import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../electron/node/core';
import { BackupService } from '../../electron/node/features/backup';
import { log, round, type Metric } from './stats';

/**
 * 恢复 at scale, in place: a backup of the seeded database is taken (not timed), then restored over
 * the same data — the same rows, so the bench database is unchanged apart from its logs. Timed from
 * 开始恢复 to the restarted core open on the restored file: integrity_check of the backup in a worker,
 * the staging copy and its counts, the safety copy of the current (equally large) database, the
 * swap, opening and counting. restore.1m.ms; no goal in the issue (the steps are each needed).
 */
export async function benchRestore(dataDir: string): Promise<Metric[]> {
  let restarted: () => void = () => undefined;
  const restartAsked = new Promise<void>((resolve) => (restarted = resolve));
  const open = () => createCore({ dataDir, bootstrapAdmin: false, onRestartRequested: () => restarted() });
  let core: Core = await open();
  const folder = `${dataDir.replace(/[\\/]+$/, '')}-bench-restore`;
  try {
    core.settings.set('backup.folder', folder);
    const backup = await new BackupService(core).run('manual', null);
    if (backup.status !== 'ok' || !backup.fileName) throw new Error(`backup failed: ${backup.error}`);
    const by = core.sqlite.prepare("SELECT id, username, display_name AS displayName FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").get() as { id: number; username: string; displayName: string };
    const phases: Record<string, number> = {};
    const t = performance.now();
    const off = core.events.subscribe((e) => {
      if (e.event === 'backup.restore') phases[(e.payload as { phase: string }).phase] = round(performance.now() - t, 0);
    });
    const first = core.services.restore.start(backup.fileName, by);
    if (first.phase === 'refused') throw new Error(`restore refused: ${first.error}`);
    let asked = false;
    void restartAsked.then(() => (asked = true));
    while (!asked) {
      await new Promise((r) => setTimeout(r, 200));
      const s = core.services.restore.status();
      if (s.phase === 'refused') throw new Error(`restore refused: ${s.error}`);
    }
    off();
    await core.closeAndWait();
    core = await open();
    const ms = performance.now() - t;
    // Not timed (it runs in the background of every start), but the restored file must pass it.
    const check = await core.health.checked;
    if (check && !check.ok) throw new Error(`restored file failed quick_check: ${check.problems.join('; ')}`);
    const log1 = core.sqlite.prepare("SELECT status, error FROM backup_runs WHERE kind = 'restore' ORDER BY id DESC LIMIT 1").get() as { status: string; error: string | null };
    if (log1.status !== 'ok') throw new Error(`restore failed at start-up: ${log1.error}`);
    log(`restore: ${backup.counts?.customers?.toLocaleString()} customers, ${ms.toFixed(0)} ms; phases started at ${JSON.stringify(phases)}`);
    return [{ name: 'restore.1m.ms', value: round(ms, 0), unit: 'ms', baseline: null }];
  } finally {
    core.settings.set('backup.folder', '');
    await core.closeAndWait();
    fs.rmSync(path.resolve(folder), { recursive: true, force: true });
  }
}
