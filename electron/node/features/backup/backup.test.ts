import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { addDays } from '../../../common/dates';
import type { BackupFile, BackupRun, BackupStatus } from '../../../common/api/backup';
import { seedDemo } from '../demo/seed';
import { backupsToDelete, freeBackupName, newestFirst } from './retention';
import { settleBackupsAtStart } from './settle';

describe('backup retention (grandfather-father-son)', () => {
  it('a second backup in the same minute gets its own name and sorts as the newer', () => {
    const folder = new Set(['ds-crm-2026-12-05-1400.sqlite']);
    const second = freeBackupName('2026-12-05-1400', (n) => folder.has(n));
    expect(second).toBe('ds-crm-2026-12-05-1400-2.sqlite');
    folder.add(second);
    expect(freeBackupName('2026-12-05-1400', (n) => folder.has(n))).toBe('ds-crm-2026-12-05-1400-3.sqlite');
    expect(newestFirst(['ds-crm-2026-12-05-1400.sqlite', 'notes.txt', second, 'ds-crm-2026-12-04-0300.sqlite'])).toEqual([second, 'ds-crm-2026-12-05-1400.sqlite', 'ds-crm-2026-12-04-0300.sqlite']);
  });

  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months, and never a stranger’s file', () => {
    // A backup every night for 400 days, two on the last day.
    const names = Array.from({ length: 400 }, (_, i) => `ds-crm-${addDays('2025-11-01', i)}-0300.sqlite`);
    names.push('ds-crm-2026-12-05-1400.sqlite', 'my-notes.sqlite');
    const gone = new Set(backupsToDelete(names, { daily: 7, weekly: 4, monthly: 12 }));
    const kept = names.filter((n) => !gone.has(n));
    expect(kept).toContain('my-notes.sqlite');
    const ours = kept.filter((n) => n.startsWith('ds-crm-')).sort();
    // 7 days (the 5th's newest, then the 4th back to the 29th), 4 weeks (this one and three Sundays before), 12 months (this one and the last days of 11 before).
    expect(ours).toEqual(
      [
        '2026-01-31-0300',
        '2026-02-28-0300',
        '2026-03-31-0300',
        '2026-04-30-0300',
        '2026-05-31-0300',
        '2026-06-30-0300',
        '2026-07-31-0300',
        '2026-08-31-0300',
        '2026-09-30-0300',
        '2026-10-31-0300',
        '2026-11-15-0300',
        '2026-11-22-0300',
        '2026-11-29-0300',
        '2026-11-30-0300',
        '2026-12-01-0300',
        '2026-12-02-0300',
        '2026-12-03-0300',
        '2026-12-04-0300',
        '2026-12-05-1400',
      ].map((d) => `ds-crm-${d}.sqlite`),
    );
  });
});

/**
 * 立即备份 on a seeded database while users keep saving: a verified copy (integrity_check in a
 * worker, its row counts written into it and read back) in the chosen folder, private, with the
 * recordings copied incrementally beside it; an unwritable folder is a failed attempt with its
 * reason, which the administrator's home status flags.
 */
describe('备份与恢复: backups', () => {
  let t: TestCore;
  let admin: { token: string; userId: number };
  let folder: string;
  beforeAll(async () => {
    t = await makeCore();
    await seedDemo(t.core.sqlite, { customers: 300, today: '2026-11-23' });
    admin = await userWithSession(t.core, 'bk.admin', 'admin');
    folder = path.join(t.dir, 'usb-drive', 'DS-CRM 备份');
    expect(await call(t.core, admin.token, 'admin.settings.update', { 'backup.folder': folder })).toMatchObject({ ok: true });
  }, 120_000);
  afterAll(() => t.cleanup());

  it('backs up under write load: the copy is whole, verified and carries what it holds', async () => {
    fs.mkdirSync(path.join(t.dir, 'recordings', '2026-11'), { recursive: true });
    fs.writeFileSync(path.join(t.dir, 'recordings', '2026-11', 'call-1.webm'), Buffer.alloc(2048, 1));
    fs.writeFileSync(path.join(t.dir, 'recordings', '2026-11', 'call-2.webm'), Buffer.alloc(1024, 2));
    // Writes keep coming while the backup runs (the backup API restarts its copy when the file changes).
    let writing = true;
    let written = 0;
    const insert = t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('负载客户', 0, 0)");
    const load = (async () => {
      while (writing) {
        insert.run();
        written++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const r = await call(t.core, admin.token, 'backup.now', {});
    writing = false;
    await load;
    expect(written).toBeGreaterThan(0);
    const run = r.ok ? (r.value as BackupRun) : null;
    expect(run).toMatchObject({ kind: 'manual', status: 'ok', folder, recordingsCopied: 2, error: null });
    const file = path.join(folder, run!.fileName!);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const customers = copy.prepare('SELECT count(*) FROM customers').pluck().get() as number;
      expect(run!.counts!.customers).toBe(customers);
      expect(customers).toBeGreaterThanOrEqual(300);
      expect(JSON.parse(copy.prepare("SELECT value FROM backup_info WHERE key = 'counts'").pluck().get() as string).vehicles).toBe(run!.counts!.vehicles);
    } finally {
      copy.close();
    }
    // The next backup copies only the recordings it does not have yet.
    fs.writeFileSync(path.join(t.dir, 'recordings', '2026-11', 'call-3.webm'), Buffer.alloc(512, 3));
    t.clock.advance(60_000);
    const again = await call(t.core, admin.token, 'backup.now', {});
    expect(again.ok && (again.value as BackupRun).recordingsCopied).toBe(1);
    expect(fs.readFileSync(path.join(folder, 'recordings', '2026-11', 'call-3.webm')).length).toBe(512);
  }, 60_000);

  it('lists the backups with what they hold; a damaged file in the folder is listed as unreadable', async () => {
    fs.writeFileSync(path.join(folder, 'ds-crm-2026-01-01-0300.sqlite'), 'not a database');
    const r = await call(t.core, admin.token, 'backup.overview', {});
    const v = r.ok ? (r.value as { folder: string; files: BackupFile[]; runs: BackupRun[] }) : null;
    expect(v!.folder).toBe(folder);
    expect(v!.files[0]).toMatchObject({ readable: true, appVersion: expect.any(String) });
    expect(v!.files[0]!.counts!.customers).toBeGreaterThanOrEqual(300);
    expect(v!.files.at(-1)).toMatchObject({ fileName: 'ds-crm-2026-01-01-0300.sqlite', readable: false, counts: null });
    expect(v!.runs.map((x) => x.status)).toEqual(['ok', 'ok']);
  });

  it('an unwritable folder is a failed attempt with its reason, flagged for the administrator’s home', async () => {
    const blocked = path.join(t.dir, 'a-file');
    fs.writeFileSync(blocked, 'x');
    await call(t.core, admin.token, 'admin.settings.update', { 'backup.folder': path.join(blocked, 'sub') });
    const r = await call(t.core, admin.token, 'backup.now', {});
    expect(r.ok && (r.value as BackupRun)).toMatchObject({ status: 'failed', error: expect.stringContaining('备份文件夹不可写') });
    const s = await call(t.core, admin.token, 'backup.status', {});
    expect(s.ok && (s.value as BackupStatus)).toMatchObject({ attention: true, last: { status: 'failed' } });
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    await call(t.core, admin.token, 'admin.settings.update', { 'backup.folder': folder });
  });

  it('a backup the app was taking when it stopped is failed at the next start, its partial copy removed', () => {
    t.core.sqlite.prepare("INSERT INTO backup_runs (kind, status, folder, started_at) VALUES ('nightly', 'running', ?, 0)").run(folder);
    fs.writeFileSync(path.join(folder, 'ds-crm-2026-12-05-0300.sqlite.part'), 'half');
    settleBackupsAtStart(t.core.sqlite, 1);
    expect(t.core.sqlite.prepare("SELECT status, error FROM backup_runs WHERE started_at = 0").get()).toEqual({ status: 'failed', error: expect.stringContaining('程序中断') });
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('only the administrator may back up', async () => {
    const gm = await userWithSession(t.core, 'bk.gm', 'generalManager');
    expect(await call(t.core, gm.token, 'backup.now', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
