import fs from 'node:fs';
import path from 'node:path';
import type { Sqlite } from '../../../../db/client';

/**
 * Start-up: a backup the app was taking when it stopped (a crash, a power cut) failed; its partial
 * copy (<name>.part, never a finished backup's name) is removed from its folder if the folder is there.
 */
export function settleBackupsAtStart(sqlite: Sqlite, now: number): void {
  const folders = sqlite.prepare("SELECT DISTINCT folder FROM backup_runs WHERE status = 'running'").pluck().all() as string[];
  for (const folder of folders) {
    try {
      for (const f of fs.readdirSync(folder)) if (/^ds-crm-.*\.sqlite\.part$/.test(f)) fs.rmSync(path.join(folder, f), { force: true });
    } catch {
      // The drive or share is not there now: nothing to tidy.
    }
  }
  sqlite.prepare("UPDATE backup_runs SET status = 'failed', error = '程序中断 / The app stopped during the backup', finished_at = ? WHERE status = 'running'").run(now);
}
