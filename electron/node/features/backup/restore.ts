import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations } from '../../../../db/client';
import type { RestoreCheck, RestoreState } from '../../../common/api/backup';
import type { Core } from '../../core';
import { checkDatabase } from '../../data-folder/integrity';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../data-folder/permissions';
import { AppError } from '../../errors';
import { countTables, countsDiffer, discardStaged, restoreDir, stagedPath, writeMarker } from './pending-restore';
import { BACKUP_FILE_RE } from './retention';
import { BackupService, readBackupInfo } from './service';
import { RESTORE_TEXTS as T } from './texts';

type RestoreCore = Pick<Core, 'sqlite' | 'dataDir' | 'settings' | 'clock' | 'health' | 'events' | 'requestRestart' | 'services'>;

/**
 * 备份与恢复 → 恢复: puts a chosen backup in place of the current data. In order, each step able to
 * refuse with the current data untouched: the file must be one of ours, from this app version or
 * an older one (a newer one's tables this build does not know); integrity_check of the backup (it
 * becomes the live file: every index is checked, not just the pages); a staged copy in the data
 * folder whose row counts equal the backup's; then changes stop (RESTORING) and a safety copy of
 * the current data is taken into the backup folder, listed there like any backup, so restoring it
 * undoes the restore. Only then is the marker written and the host asked to restart its core; the
 * next core swaps the file in before it opens it (pending-restore.ts), checks the counts again, and
 * puts the old file back if anything is wrong.
 */
export class RestoreService {
  private state: RestoreState = { phase: 'idle', fileName: null, error: null, safetyCopy: null };

  constructor(private core: RestoreCore) {}

  status(): RestoreState {
    return this.state;
  }

  /** What a backup holds beside the current data, and why it cannot be restored (null: it can). */
  check(fileName: string): RestoreCheck {
    const file = this.backupPath(fileName);
    const info = readBackupInfo(file);
    let current: Record<string, number> = {};
    try {
      current = countTables(this.core.sqlite);
    } catch {
      // A damaged current file may not count: the dialog then shows the backup's side only.
    }
    if (!info) return { fileName, info: null, current, refusal: T.notABackup };
    return { fileName, info: { takenAt: info.takenAt, appVersion: info.appVersion, counts: info.counts }, current, refusal: refusalOf(info.migrations, info.appVersion) };
  }

  /** Starts a restore in the background (progress as `backup.restore` events); answers with its first state. */
  start(fileName: string, by: { id: number; username: string; displayName: string }): RestoreState {
    if (this.busy()) throw new AppError('CONFLICT');
    const checked = this.check(fileName);
    if (checked.refusal) return this.set({ phase: 'refused', fileName, error: checked.refusal, safetyCopy: null });
    if (this.core.services.dataImport.importing) return this.set({ phase: 'refused', fileName, error: T.importRunning, safetyCopy: null });
    if (!this.core.requestRestart) return this.set({ phase: 'refused', fileName, error: T.cannotRestart, safetyCopy: null });
    this.set({ phase: 'checking', fileName, error: null, safetyCopy: null });
    void this.run(fileName, checked, by).catch((err: unknown) => {
      discardStaged(this.core.dataDir);
      this.fail(fileName, `${T.failed}${(err as Error)?.message ?? String(err)}`);
    });
    return this.state;
  }

  private busy(): boolean {
    return this.state.phase === 'checking' || this.state.phase === 'staging' || this.state.phase === 'safetyCopy' || this.state.phase === 'restarting';
  }

  private async run(fileName: string, checked: RestoreCheck, by: { id: number; username: string; displayName: string }): Promise<void> {
    const file = this.backupPath(fileName);
    const info = checked.info!;
    // integrity_check, not quick_check: this file becomes the live database, so its indexes must agree with its tables.
    const verdict = await checkDatabase(file, 'integrity_check');
    if (!verdict.ok || verdict.failed) return this.fail(fileName, `${T.damaged}${verdict.problems.slice(0, 3).join('; ')}`);

    this.set({ ...this.state, phase: 'staging' });
    fs.mkdirSync(restoreDir(this.core.dataDir), { recursive: true, mode: PRIVATE_DIR_MODE });
    discardStaged(this.core.dataDir);
    const staged = stagedPath(this.core.dataDir);
    // The backup is not a live database (nothing writes to it), so a plain copy is a whole one.
    await fs.promises.copyFile(file, `${staged}.part`);
    if (process.platform !== 'win32') fs.chmodSync(`${staged}.part`, PRIVATE_FILE_MODE);
    const copy = new Database(`${staged}.part`, { readonly: true, fileMustExist: true });
    let differ: string[];
    try {
      differ = countsDiffer(info.counts, countTables(copy));
    } finally {
      copy.close();
    }
    if (differ.length > 0) {
      discardStaged(this.core.dataDir);
      return this.fail(fileName, `${T.countsDiffer}${differ.join(', ')}`);
    }
    fs.renameSync(`${staged}.part`, staged);

    // From here no change is saved: the safety copy must hold everything the restore replaces.
    this.set({ ...this.state, phase: 'safetyCopy' });
    this.core.health.beginRestore();
    // A damaged current file is exactly when a restore is wanted: it cannot be backed up (the backup
    // refuses it, and even its log row may not be writable), so it is kept beside the data instead
    // (pending-restore.ts commit) and the restore goes on.
    const safety = this.core.health.damaged ? null : await new BackupService(this.core).run('beforeRestore', by.id);
    if (safety && safety.status !== 'ok') {
      discardStaged(this.core.dataDir);
      return this.fail(fileName, `${T.safetyFailed}${safety.error ?? ''}`);
    }
    writeMarker(this.core.dataDir, {
      fromFile: fileName,
      folder: path.dirname(file),
      takenAt: info.takenAt,
      appVersion: info.appVersion,
      counts: info.counts,
      safetyCopy: safety?.fileName ?? '',
      requestedAt: this.core.clock.now(),
      requestedBy: { username: by.username, displayName: by.displayName },
    });
    this.set({ ...this.state, phase: 'restarting', safetyCopy: safety?.fileName ?? null });
    // The host closes this core (its sockets, workers, scheduler) and starts the next, which swaps the file in.
    setTimeout(() => this.core.requestRestart?.(), 300);
  }

  /** A name from the backup folder's list, never a path: anything else is not found. */
  private backupPath(fileName: string): string {
    const folder = new BackupService(this.core).folder();
    const file = path.join(folder, fileName);
    if (!BACKUP_FILE_RE.test(fileName) || path.dirname(file) !== folder || !fs.existsSync(file)) throw new AppError('NOT_FOUND');
    return file;
  }

  private fail(fileName: string, error: string): void {
    // Changes were stopped for the safety copy: a restore that does not happen gives them back.
    this.core.health.endRestore();
    this.set({ phase: 'refused', fileName, error, safetyCopy: null });
  }

  private set(s: RestoreState): RestoreState {
    this.state = s;
    this.core.events.publish('all', 'backup.restore', s);
    return s;
  }
}

/** A backup with migrations this build does not have was written by a newer app: refused, never half-read. */
function refusalOf(migrations: string[], appVersion: string): string | null {
  const known = new Set(loadMigrations().map((m) => m.hash));
  return migrations.some((h) => !known.has(h)) ? T.newer(appVersion) : null;
}
