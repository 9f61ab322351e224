import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { call, tempDir, userWithSession } from '../../../../tests/support/core';
import type { BackupRun, RestoreCheck, RestoreState } from '../../../common/api/backup';
import { ManualClock } from '../../clock';
import { createCore, type Core } from '../../core';
import { seedDemo } from '../demo/seed';
import { writeMarker } from './pending-restore';
import { readBackupInfo } from './service';

/**
 * 备份与恢复 → 恢复: a backup taken under write load is restored into the data folder — refused
 * with the current data untouched when the backup is damaged or from a newer app, otherwise staged,
 * safety-copied, swapped in by the next core and checked — with identical row counts and integrity ok.
 */
describe('备份与恢复: restore', () => {
  let dir: string;
  let clock: ManualClock;
  let core: Core | null = null;
  let restarts = 0;
  const open = async () => {
    core = await createCore({ dataDir: dir, clock, bootstrapAdmin: false, onRestartRequested: () => restarts++ });
    return core;
  };
  const customers = (c: Core) => c.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  const until = async (c: Core, phases: RestoreState['phase'][]) => {
    for (let i = 0; i < 600; i++) {
      const s = c.services.restore.status();
      if (phases.includes(s.phase)) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`restore stuck in ${c.services.restore.status().phase}`);
  };
  const setUp = async () => {
    dir = tempDir();
    clock = new ManualClock(Date.parse('2026-12-05T02:00:00Z'));
    restarts = 0;
    const c = await open();
    await seedDemo(c.sqlite, { customers: 200, today: '2026-12-04' });
    const admin = await userWithSession(c, 'rs.admin', 'admin');
    return { c, admin };
  };
  const backUp = async (c: Core, token: string) => {
    const r = await call(c, token, 'backup.now', {});
    const run = r.ok ? (r.value as BackupRun) : null;
    expect(run).toMatchObject({ status: 'ok' });
    return run!;
  };
  afterEach(async () => {
    await core?.closeAndWait();
    core = null;
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  it('round trip: back up under write load, change the data, restore — identical counts, integrity ok, everyone signs in again, undoable', async () => {
    const { c, admin } = await setUp();
    // Users keep saving while the backup is taken.
    let writing = true;
    const insert = c.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('负载客户', 0, 0)");
    const load = (async () => {
      while (writing) {
        insert.run();
        await new Promise((r) => setImmediate(r));
      }
    })();
    const backup = await backUp(c, admin.token);
    writing = false;
    await load;
    const inBackup = backup.counts!;
    // The backup is a snapshot from somewhere in the load; rows written after it are not in it.
    const afterLoad = customers(c);
    expect(inBackup.customers).toBeLessThanOrEqual(afterLoad);
    // Work done after the backup: it is what the restore takes away (and what its safety copy keeps).
    for (let i = 0; i < 25; i++) insert.run();
    c.sqlite.prepare("DELETE FROM customers WHERE id IN (SELECT id FROM customers WHERE name = '负载客户' LIMIT 3)").run();
    const before = { customers: customers(c) };
    expect(before.customers).toBe(afterLoad + 22);

    const checked = await call(c, admin.token, 'backup.restoreCheck', { fileName: backup.fileName });
    expect(checked.ok && (checked.value as RestoreCheck)).toMatchObject({ refusal: null, info: { counts: { customers: inBackup.customers } }, current: { customers: before.customers } });
    clock.advance(60_000);
    const started = await call(c, admin.token, 'backup.restore', { fileName: backup.fileName, confirm: true });
    expect(started.ok && (started.value as RestoreState).phase).toBe('checking');
    expect(await call(c, admin.token, 'backup.restore', { fileName: backup.fileName, confirm: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const ready = await until(c, ['restarting', 'refused']);
    expect(ready).toMatchObject({ phase: 'restarting', error: null, safetyCopy: expect.stringMatching(/^ds-crm-.*\.sqlite$/) });
    // From the safety copy on, a change would be in neither copy: refused with the reason; reads go on.
    expect(await call(c, admin.token, 'customers.create', { name: '晚到的客户', phones: [{ raw: '13911112222' }] })).toMatchObject({ ok: false, error: { code: 'RESTORING' } });
    expect(await call(c, admin.token, 'backup.overview', {})).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 400));
    expect(restarts).toBe(1);

    // The host restarts its core: the next one swaps the staged file in before it opens it.
    await c.closeAndWait();
    const next = await open();
    expect(customers(next)).toBe(inBackup.customers);
    expect(next.sqlite.prepare('SELECT count(*) FROM vehicles').pluck().get()).toBe(inBackup.vehicles);
    expect(next.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await next.health.checked)?.ok).toBe(true);
    // Sessions from the backup's time are gone: everyone signs in again.
    expect(await call(next, admin.token, 'auth.session', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const log = next.sqlite.prepare("SELECT status, file_name AS fileName, error FROM backup_runs WHERE kind = 'restore'").all();
    expect(log).toEqual([{ status: 'ok', fileName: backup.fileName, error: null }]);
    const audit = next.sqlite.prepare("SELECT action, after FROM audit_log WHERE entity = 'database'").get() as { action: string; after: string };
    expect(audit.action).toBe('restore');
    expect(JSON.parse(audit.after)).toMatchObject({ fromFile: backup.fileName, safetyCopy: ready.safetyCopy, by: 'rs.admin 测试' });
    expect(fs.readdirSync(path.join(dir, 'restore'))).toEqual([]);
    // The attempt that made the backup shows as done in the restored log, not as running for ever,
    // and the restored backup is still in the folder (the safety copy does not rotate it out).
    expect(next.sqlite.prepare("SELECT status FROM backup_runs WHERE file_name = ? AND kind = 'manual'").pluck().get(backup.fileName)).toBe('ok');
    expect(next.sqlite.prepare("SELECT count(*) FROM backup_runs WHERE status = 'running'").pluck().get()).toBe(0);
    expect(fs.existsSync(path.join(dir, 'backups', backup.fileName!))).toBe(true);

    // The safety copy holds the data as it was just before: restoring it undoes the restore.
    const safety = readBackupInfo(path.join(dir, 'backups', ready.safetyCopy!));
    expect(safety?.counts).toMatchObject(before);
    const again = await userWithSession(next, 'rs.admin2', 'admin');
    await call(next, again.token, 'backup.restore', { fileName: ready.safetyCopy, confirm: true });
    await until(next, ['restarting', 'refused']);
    await new Promise((r) => setTimeout(r, 400));
    expect(restarts).toBe(2);
    await next.closeAndWait();
    const undone = await open();
    expect(customers(undone)).toBe(before.customers);
  }, 120_000);

  it('a damaged backup is refused by its integrity check; the current data is untouched and writable', async () => {
    const { c, admin } = await setUp();
    const backup = await backUp(c, admin.token);
    const file = path.join(dir, 'backups', backup.fileName!);
    // Garbage over pages in the middle of the file (a bad sector, a copy cut short and patched).
    const fd = fs.openSync(file, 'r+');
    const size = fs.statSync(file).size;
    fs.writeSync(fd, Buffer.alloc(4096 * 4, 0xa5), 0, 4096 * 4, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    const n = customers(c);
    await call(c, admin.token, 'backup.restore', { fileName: backup.fileName, confirm: true });
    const s = await until(c, ['refused', 'restarting']);
    expect(s).toMatchObject({ phase: 'refused', error: expect.stringContaining('备份文件已损坏') });
    expect(restarts).toBe(0);
    expect(customers(c)).toBe(n);
    expect(fs.existsSync(path.join(dir, 'restore'))).toBe(false);
    expect(await call(c, admin.token, 'customers.create', { name: '仍可保存', phones: [{ raw: '13911113333' }] })).toMatchObject({ ok: true });
    // A restart anyway (the app closed for the night) finds nothing staged: the same data.
    await c.closeAndWait();
    expect(customers(await open())).toBe(n + 1);
  }, 60_000);

  it('a backup from a newer app version is refused with a clear message, before anything is touched', async () => {
    const { c, admin } = await setUp();
    const backup = await backUp(c, admin.token);
    const file = path.join(dir, 'backups', backup.fileName!);
    const db = new Database(file);
    const migrations = JSON.parse(db.prepare("SELECT value FROM backup_info WHERE key = 'migrations'").pluck().get() as string) as string[];
    db.prepare("UPDATE backup_info SET value = ? WHERE key = 'migrations'").run(JSON.stringify([...migrations, 'f'.repeat(64)]));
    db.prepare("UPDATE backup_info SET value = '\"9.0.0\"' WHERE key = 'appVersion'").run();
    db.close();
    const checked = await call(c, admin.token, 'backup.restoreCheck', { fileName: backup.fileName });
    expect(checked.ok && (checked.value as RestoreCheck).refusal).toContain('该备份来自更新版本的 DS-CRM(9.0.0)');
    const r = await call(c, admin.token, 'backup.restore', { fileName: backup.fileName, confirm: true });
    expect(r.ok && (r.value as RestoreState)).toMatchObject({ phase: 'refused', error: expect.stringContaining('upgrade this app') });
    expect(fs.existsSync(path.join(dir, 'restore'))).toBe(false);
  });

  it('names outside the backup folder are not found; only the administrator may restore', async () => {
    const { c, admin } = await setUp();
    for (const fileName of ['../dscrm.sqlite', 'ds-crm-2026-12-05-0300.sqlite', '/etc/passwd'])
      expect(await call(c, admin.token, 'backup.restoreCheck', { fileName })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const gm = await userWithSession(c, 'rs.gm', 'generalManager');
    expect(await call(c, gm.token, 'backup.restore', { fileName: 'x', confirm: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a staged restore whose counts do not match at start-up is rolled back: the old data opens, the failure is logged', async () => {
    const { c, admin } = await setUp();
    const backup = await backUp(c, admin.token);
    const n = customers(c);
    await c.closeAndWait();
    // Staged by hand with a marker that claims other counts (a copy that lost rows on the way).
    fs.mkdirSync(path.join(dir, 'restore'), { recursive: true });
    fs.copyFileSync(path.join(dir, 'backups', backup.fileName!), path.join(dir, 'restore', 'pending.sqlite'));
    writeMarker(dir, {
      fromFile: backup.fileName!,
      folder: path.join(dir, 'backups'),
      takenAt: 0,
      appVersion: '0',
      counts: { ...backup.counts!, customers: n + 5 },
      safetyCopy: '',
      requestedAt: clock.now(),
      requestedBy: { username: 'rs.admin', displayName: 'rs.admin' },
    });
    const back = await open();
    expect(customers(back)).toBe(n);
    expect(back.sqlite.prepare("SELECT status, error FROM backup_runs WHERE kind = 'restore'").get()).toMatchObject({ status: 'failed', error: expect.stringContaining('customers') });
    // The old file's sessions are kept: nothing was restored.
    expect(await call(back, admin.token, 'auth.session', {})).toMatchObject({ ok: true });
  });

  it('a copy staged without its marker (a crash while staging) is never applied', async () => {
    const { c, admin } = await setUp();
    const backup = await backUp(c, admin.token);
    await call(c, admin.token, 'customers.create', { name: '备份后新增', phones: [{ raw: '13911114444' }] });
    const n = customers(c);
    await c.closeAndWait();
    fs.mkdirSync(path.join(dir, 'restore'), { recursive: true });
    fs.copyFileSync(path.join(dir, 'backups', backup.fileName!), path.join(dir, 'restore', 'pending.sqlite.part'));
    const back = await open();
    expect(customers(back)).toBe(n);
    expect(fs.readdirSync(path.join(dir, 'restore'))).toEqual([]);
  });

  it('a damaged current database can still be restored (without a safety copy; the damaged file is kept aside)', async () => {
    const { c, admin } = await setUp();
    const backup = await backUp(c, admin.token);
    c.health.markDamaged('runtime', ['SQLITE_CORRUPT: test']);
    await call(c, admin.token, 'backup.restore', { fileName: backup.fileName, confirm: true });
    expect(await until(c, ['restarting', 'refused'])).toMatchObject({ phase: 'restarting', safetyCopy: null });
    await new Promise((r) => setTimeout(r, 400));
    await c.closeAndWait();
    const next = await open();
    expect(customers(next)).toBe(backup.counts!.customers);
    expect(fs.readdirSync(path.join(dir, 'restore')).filter((f) => /^replaced-\d+\.sqlite$/.test(f))).toHaveLength(1);
  });
});
