import fs from 'node:fs';
import path from 'node:path';
import type { Sqlite } from '../../../../db/client';
import { PRIVATE_FILE_MODE } from '../../data-folder/permissions';
import { COUNTED_TABLES } from './counted-tables';

/**
 * A restore is staged by the running core (restore.ts) and applied by the next one, before it opens
 * the database: the file cannot be swapped under open connections (the app's, the read workers',
 * the LAN's). The marker is written last, so a staged copy without it (a crash while staging) is
 * never applied; the swap keeps the replaced file until the restored one has opened and counted.
 */
export interface RestoreMarker {
  /** The backup's file name in the backup folder, and what its backup_info said. */
  fromFile: string;
  takenAt: number;
  appVersion: string;
  counts: Record<string, number>;
  /** The safety copy of the data as it was just before the restore (in the backup folder). */
  safetyCopy: string;
  /** The backup folder it came from (the log shows it). */
  folder: string;
  requestedAt: number;
  requestedBy: { username: string; displayName: string };
}

export const restoreDir = (dataDir: string) => path.join(dataDir, 'restore');
const pendingFile = (dataDir: string) => path.join(restoreDir(dataDir), 'pending.sqlite');
const markerFile = (dataDir: string) => path.join(restoreDir(dataDir), 'pending.json');
const replacedFile = (dataDir: string) => path.join(restoreDir(dataDir), 'replaced.sqlite');
/** SQLite's companions of a database file: moved with it, or a -wal would be replayed into the wrong file. */
const COMPANIONS = ['', '-wal', '-shm'];

export function stagedPath(dataDir: string): string {
  return pendingFile(dataDir);
}

export function writeMarker(dataDir: string, marker: RestoreMarker): void {
  const tmp = `${markerFile(dataDir)}.part`;
  fs.writeFileSync(tmp, JSON.stringify(marker), { mode: PRIVATE_FILE_MODE });
  fs.renameSync(tmp, markerFile(dataDir));
}

/** Removes a staged restore (refused, failed, or applied). */
export function discardStaged(dataDir: string): void {
  for (const f of [markerFile(dataDir), `${markerFile(dataDir)}.part`, pendingFile(dataDir), `${pendingFile(dataDir)}.part`]) fs.rmSync(f, { force: true });
}

/** A swap done at start-up: what was restored, and how to put the replaced file back. */
export interface AppliedRestore {
  marker: RestoreMarker;
  rollBack(reason: string): void;
  /** The restored file opened and counted: the replaced one goes (the safety copy holds it) or, without a safety copy, is kept. */
  commit(): void;
}

/** Called by createCore before it opens the database: swaps a staged restore in, if there is one. */
export function applyPendingRestore(dataDir: string, dbFile: string): AppliedRestore | null {
  let marker: RestoreMarker;
  try {
    marker = JSON.parse(fs.readFileSync(markerFile(dataDir), 'utf8')) as RestoreMarker;
  } catch {
    // No marker: nothing was staged, or staging did not finish (its copy is not trusted).
    if (fs.existsSync(pendingFile(dataDir)) || fs.existsSync(`${pendingFile(dataDir)}.part`)) discardStaged(dataDir);
    return null;
  }
  if (!fs.existsSync(pendingFile(dataDir))) {
    discardStaged(dataDir);
    return null;
  }
  const replaced = replacedFile(dataDir);
  for (const c of COMPANIONS) fs.rmSync(replaced + c, { force: true });
  for (const c of COMPANIONS) if (fs.existsSync(dbFile + c)) fs.renameSync(dbFile + c, replaced + c);
  fs.renameSync(pendingFile(dataDir), dbFile);
  fs.rmSync(markerFile(dataDir), { force: true });
  return {
    marker,
    rollBack: (reason) => {
      console.error(`[restore] ${marker.fromFile} was not restored (${reason}); the data as it was is put back`);
      for (const c of COMPANIONS) fs.rmSync(dbFile + c, { force: true });
      for (const c of COMPANIONS) if (fs.existsSync(replaced + c)) fs.renameSync(replaced + c, dbFile + c);
    },
    commit: () => {
      // No safety copy (the replaced file was damaged and could not be backed up): it stays, renamed, for whoever wants to salvage it.
      const keep = marker.safetyCopy ? null : path.join(restoreDir(dataDir), `replaced-${marker.requestedAt}.sqlite`);
      for (const c of COMPANIONS) {
        if (keep && fs.existsSync(replaced + c)) fs.renameSync(replaced + c, keep + c);
        else fs.rmSync(replaced + c, { force: true });
      }
    },
  };
}

/** The row counts a restore is checked by (the same tables the backup counted). */
export function countTables(sqlite: Sqlite): Record<string, number> {
  const has = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const counts: Record<string, number> = {};
  for (const t of COUNTED_TABLES) if (has.has(t)) counts[t] = sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number;
  return counts;
}

/** Tables whose count differs between what the backup said and what was opened (none: the restore is whole). */
export function countsDiffer(expected: Record<string, number>, actual: Record<string, number>): string[] {
  return Object.keys(expected).filter((t) => expected[t] !== actual[t]);
}

/**
 * In the restored database, once it is open: everyone signs in again (sessions in the backup are
 * from another time), and the restore is written to the backup log and the audit log.
 */
export function recordRestore(sqlite: Sqlite, applied: RestoreMarker, now: number, outcome: { ok: true; counts: Record<string, number> } | { ok: false; error: string }): void {
  const by = sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(applied.requestedBy.username) as number | undefined;
  sqlite.transaction(() => {
    if (outcome.ok) sqlite.prepare('DELETE FROM sessions').run();
    sqlite
      .prepare(
        `INSERT INTO backup_runs (kind, status, folder, file_name, counts, error, started_at, finished_at, started_by, ms)
         VALUES ('restore', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        outcome.ok ? 'ok' : 'failed',
        applied.folder,
        applied.fromFile,
        outcome.ok ? JSON.stringify(outcome.counts) : null,
        outcome.ok ? null : outcome.error.slice(0, 1000),
        applied.requestedAt,
        now,
        by ?? null,
        now - applied.requestedAt,
      );
    sqlite
      .prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, ?, 'database', NULL, NULL, ?)")
      .run(
        now,
        by ?? null,
        outcome.ok ? 'restore' : 'restore_failed',
        JSON.stringify({ fromFile: applied.fromFile, takenAt: applied.takenAt, appVersion: applied.appVersion, safetyCopy: applied.safetyCopy, by: applied.requestedBy.displayName, ...(outcome.ok ? {} : { error: outcome.error }) }),
      );
  })();
}

/**
 * Opens the database through a staged restore, if one is waiting: swaps it in, opens it (migrating
 * an older backup), checks its row counts against the backup's, and records the outcome in the
 * database that is kept. Anything wrong puts the replaced file back and opens that instead.
 */
export function openThroughRestore<T extends { sqlite: Sqlite }>(dataDir: string, dbFile: string, open: () => T, now: () => number): T {
  const applied = applyPendingRestore(dataDir, dbFile);
  if (!applied) return open();
  let opened: T | undefined;
  let problem: string;
  try {
    opened = open();
    const counts = countTables(opened.sqlite);
    const differ = countsDiffer(applied.marker.counts, counts);
    if (differ.length === 0) {
      recordRestore(opened.sqlite, applied.marker, now(), { ok: true, counts });
      applied.commit();
      return opened;
    }
    problem = `行数与备份不一致 / row counts differ from the backup: ${differ.join(', ')}`;
  } catch (err) {
    problem = (err as Error)?.message ?? String(err);
  }
  opened?.sqlite.close();
  applied.rollBack(problem);
  const kept = open();
  recordRestore(kept.sqlite, applied.marker, now(), { ok: false, error: `恢复未完成,数据保持恢复前的状态 / The restore did not complete; the data is as it was before: ${problem}` });
  return kept;
}
