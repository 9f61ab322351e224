import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupFile, BackupRun, BackupStatus } from '../../../common/api/backup';
import { APP_VERSION } from '../../../common/api/version';
import type { Core } from '../../core';
import { backupsDir } from '../../core';
import { checkDatabase } from '../../data-folder/integrity';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../data-folder/permissions';
import { MIGRATIONS_TABLE } from '../../../../db/client';
import { countTables } from './pending-restore';
import { copyRecordings } from './recordings-copy';
import { backupsToDelete, freeBackupName, newestFirst } from './retention';


type BackupCore = Pick<Core, 'sqlite' | 'dataDir' | 'settings' | 'clock' | 'health'>;

/** The dealer's local time as a backup's name carries it: 2026-12-05-0300. */
export function backupLabel(t: number, timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(t);
  const g = (k: string) => p.find((x) => x.type === k)?.value ?? '';
  return `${g('year')}-${g('month')}-${g('day')}-${g('hour')}${g('minute')}`;
}

/** What a backup file says about itself (its backup_info table), or null when it is not one of ours / unreadable. */
export function readBackupInfo(file: string): { takenAt: number; appVersion: string; counts: Record<string, number>; migrations: string[] } | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.prepare('SELECT key, value FROM backup_info').all() as { key: string; value: string }[];
    const info = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    return { takenAt: Number(info.takenAt), appVersion: String(info.appVersion), counts: info.counts as Record<string, number>, migrations: info.migrations as string[] };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * 备份与恢复's backups: an online copy of the database (SQLite's backup API while the app keeps
 * working; never a file copy of a live database) into the folder the administrator chose, stamped
 * with what it holds (when, app version, migrations, row counts), verified (quick_check of the
 * copy in a worker, its counts read back), kept by grandfather-father-son retention, with the
 * recordings folder copied incrementally beside it. Each attempt is logged in backup_runs.
 */
export class BackupService {
  constructor(private core: BackupCore) {}

  folder(): string {
    const chosen = this.core.settings.get('backup.folder').trim();
    return chosen ? path.resolve(chosen) : backupsDir(this.core.dataDir);
  }

  async run(kind: BackupRun['kind'], startedBy: number | null, label = backupLabel(this.core.clock.now(), this.core.settings.get('dealer.timeZone'))): Promise<BackupRun> {
    const sqlite = this.core.sqlite;
    const folder = this.folder();
    const started = this.core.clock.now();
    const t0 = performance.now();
    const id = Number(
      sqlite.prepare("INSERT INTO backup_runs (kind, status, folder, started_at, started_by) VALUES (?, 'running', ?, ?, ?)").run(kind, folder, started, startedBy).lastInsertRowid,
    );
    const name = freeBackupName(label, (n) => fs.existsSync(path.join(folder, n)));
    const tmp = path.join(folder, `${name}.part`);
    try {
      // A damaged file copied over the good backups would rotate the last good one out.
      if (this.core.health.damaged) throw new Error('数据库已损坏,未备份 / The database is damaged: not backed up');
      try {
        fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR_MODE });
        fs.accessSync(folder, fs.constants.W_OK);
      } catch (err) {
        throw new Error(`备份文件夹不可写:${folder}(U 盘或网络共享是否已连接?) / The backup folder cannot be written: ${folder} (is the drive or share connected?) — ${(err as Error).message}`);
      }
      await sqlite.backup(tmp);
      if (process.platform !== 'win32') fs.chmodSync(tmp, PRIVATE_FILE_MODE);
      const counts = stamp(tmp, this.core.clock.now(), { runId: id, fileName: name });
      // quick_check reads every page of the copy (14 s at 1M) — what a bad write or a full disk
      // spoils. integrity_check's index-against-table pass (123 s at 1M) was run on the live file
      // by the 02:30 job, and the backup API copies pages as they are: it would only repeat that.
      const check = await checkDatabase(tmp, 'quick_check');
      if (!check.ok || check.failed) throw new Error(`备份校验失败 / The backup failed its check: ${check.problems.slice(0, 3).join('; ')}`);
      const back = readBackupInfo(tmp);
      if (!back || JSON.stringify(back.counts) !== JSON.stringify(counts)) throw new Error('备份校验失败:行数读回不一致 / The backup failed its check: the row counts read back differ');
      fs.renameSync(tmp, path.join(folder, name));
      const size = fs.statSync(path.join(folder, name)).size;
      // Not for a restore's safety copy: as the day's newest it would rotate out the very backup
      // being restored (and today's nightly); the next backup's pruning counts it like any other.
      if (kind !== 'beforeRestore') for (const old of backupsToDelete(fs.readdirSync(folder), this.retention())) fs.rmSync(path.join(folder, old), { force: true });
      const recordingsCopied = await copyRecordings(path.join(this.core.dataDir, 'recordings'), path.join(folder, 'recordings'));
      sqlite
        .prepare("UPDATE backup_runs SET status = 'ok', file_name = ?, size = ?, ms = ?, counts = ?, recordings_copied = ?, finished_at = ? WHERE id = ?")
        .run(name, size, Math.round(performance.now() - t0), JSON.stringify(counts), recordingsCopied, this.core.clock.now(), id);
    } catch (err) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // The folder itself is the problem (not a folder, gone): there is no partial file to remove.
      }
      const message = String((err as Error)?.message ?? err);
      if (sqlite.open) sqlite.prepare("UPDATE backup_runs SET status = 'failed', error = ?, ms = ?, finished_at = ? WHERE id = ?").run(message.slice(0, 1000), Math.round(performance.now() - t0), this.core.clock.now(), id);
    }
    return this.runs(1, id)[0]!;
  }

  retention() {
    return { daily: this.core.settings.get('scheduler.backupKeep'), weekly: this.core.settings.get('backup.keepWeekly'), monthly: this.core.settings.get('backup.keepMonthly') };
  }

  /** The backups in the folder, newest first, each with what it says it holds. */
  files(): BackupFile[] {
    const folder = this.folder();
    let names: string[];
    try {
      names = newestFirst(fs.readdirSync(folder));
    } catch {
      return [];
    }
    return names.map((fileName) => {
        const file = path.join(folder, fileName);
        const info = readBackupInfo(file);
        return { fileName, size: fs.statSync(file).size, takenAt: info?.takenAt ?? null, appVersion: info?.appVersion ?? null, counts: info?.counts ?? null, readable: info !== null };
      });
  }

  runs(limit = 30, id?: number): BackupRun[] {
    return this.core.sqlite
      .prepare(
        `SELECT r.id, r.kind, r.status, r.folder, r.file_name AS fileName, r.size, r.ms, r.counts, r.recordings_copied AS recordingsCopied, r.error,
                r.started_at AS startedAt, r.finished_at AS finishedAt, u.display_name AS startedBy
           FROM backup_runs r LEFT JOIN users u ON u.id = r.started_by ${id === undefined ? '' : 'WHERE r.id = ?'} ORDER BY r.id DESC LIMIT ?`,
      )
      .all(...(id === undefined ? [limit] : [id, limit]))
      .map((r) => {
        const row = r as BackupRun & { counts: string | null };
        return { ...row, counts: row.counts ? (JSON.parse(row.counts) as Record<string, number>) : null };
      });
  }

  /** For the administrator's home: the last attempt, and whether it (or the lack of one for two days) needs attention. */
  status(): BackupStatus {
    const last = this.runs(1)[0] ?? null;
    const lastOk = this.core.sqlite.prepare("SELECT max(finished_at) FROM backup_runs WHERE status = 'ok'").pluck().get() as number | null;
    const stale = lastOk === null || this.core.clock.now() - lastOk > 2 * 86_400_000;
    return { last, lastOkAt: lastOk, attention: last?.status === 'failed' || stale };
  }
}

/** Writes backup_info into the fresh copy: when, which app, which migrations, the row counts of the copy. */
function stamp(file: string, takenAt: number, run: { runId: number; fileName: string }): Record<string, number> {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    const counts = countTables(db);
    const migrations = (db.prepare(`SELECT hash FROM "${MIGRATIONS_TABLE}" ORDER BY created_at`).all() as { hash: string }[]).map((r) => r.hash);
    db.exec('CREATE TABLE IF NOT EXISTS backup_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const put = db.prepare('INSERT OR REPLACE INTO backup_info (key, value) VALUES (?, ?)');
    db.transaction(() => {
      put.run('takenAt', JSON.stringify(takenAt));
      put.run('appVersion', JSON.stringify(APP_VERSION));
      put.run('migrations', JSON.stringify(migrations));
      put.run('counts', JSON.stringify(counts));
      // The copy caught its own attempt as 'running': restored, its log would show it running for
      // ever. In the copy it is the attempt that made this file (the copy is kept only if it verifies).
      db.prepare("UPDATE backup_runs SET status = 'ok', file_name = ?, finished_at = ? WHERE id = ?").run(run.fileName, takenAt, run.runId);
    })();
    return counts;
  } finally {
    db.close();
  }
}
