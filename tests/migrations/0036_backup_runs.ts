import { expect } from 'vitest';
import { exists, seedBasics, type MigrationStep } from './step';

/** 备份与恢复's log of backup attempts: empty at first, listed newest first by its start. */
export default {
  seed(db) {
    seedBasics(db);
  },
  check(db) {
    expect(exists(db, 'table', 'backup_runs')).toBe(true);
    expect(exists(db, 'index', 'backup_runs_started_idx')).toBe(true);
    db.prepare("INSERT INTO backup_runs (kind, status, folder, started_at) VALUES ('manual', 'running', '/tmp', 0)").run();
    expect(db.prepare('SELECT status FROM backup_runs').pluck().get()).toBe('running');
  },
} satisfies MigrationStep;
