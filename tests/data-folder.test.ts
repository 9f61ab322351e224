/**
 * The data folder on disk (issue 14 items 3, 10, 11, 12): one process per folder, private files,
 * a damaged database noticed, a read-only folder explained, write transactions that read first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DbOpenError } from '../db/client';
import { createCore, type Core } from '../electron/node/core';
import { ManualClock } from '../electron/node/clock';
import { dbFile } from '../electron/node/paths';
import { LOCK_FILE_NAME } from '../electron/node/data-folder/lock';
import { seedDemo } from '../electron/node/features/demo/seed';
import { DmsExporter } from '../electron/node/features/sales/dms-export';
import { Scheduler } from '../electron/node/features/scheduler/scheduler';
import { databaseBackup, integrityCheck } from '../electron/node/features/scheduler/maintenance';
import { call, tempDir, userWithSession } from './support/core';

const CHILD = path.join(import.meta.dirname, 'support', 'open-core-child.ts');
const TODAY = '2026-11-20';

const dirs: string[] = [];
const cores: Core[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const folder = () => {
  const d = tempDir('dscrm-folder-');
  dirs.push(d);
  return d;
};
async function open(dir: string, clock = new ManualClock()): Promise<Core> {
  const core = await createCore({ dataDir: dir, clock, bootstrapAdmin: false });
  cores.push(core);
  return core;
}

/** Starts the child on a folder; resolves with its first line(s) once it is READY or has exited. */
function child(dir: string, opts: { uid?: number; gid?: number } = {}): Promise<{ proc: ChildProcess; out: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'], cwd: path.resolve(import.meta.dirname, '..'), ...opts });
  children.push(proc);
  let out = '';
  return new Promise((resolve) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('READY')) resolve({ proc, out });
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', () => resolve({ proc, out }));
  });
}

describe('one process per data folder', () => {
  it('a second instance is refused with a message naming the owner; after the owner is killed the next start takes over', async () => {
    const dir = folder();
    const first = await child(dir);
    expect(first.out).toContain('READY');
    const refused = await createCore({ dataDir: dir, bootstrapAdmin: false }).then(
      (c) => (cores.push(c), null),
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DbOpenError);
    expect((refused as DbOpenError).problem).toBe('in_use');
    expect((refused as DbOpenError).message).toContain('数据文件夹正被另一个 DS-CRM 使用');
    expect((refused as DbOpenError).message).toContain(`pid ${first.proc.pid}`);
    expect((refused as DbOpenError).message).toContain(os.hostname());

    first.proc.kill('SIGKILL');
    await new Promise((r) => first.proc.once('exit', r));
    // The dead owner's lock is still on disk (kill -9 cleans nothing up) and is taken over.
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(true);
    const core = await open(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    // And while this process holds it, a new process is refused in turn; after close() it may start.
    expect((await child(dir)).out).toContain('REFUSED in_use');
    core.close();
    cores.splice(cores.indexOf(core), 1);
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    expect((await child(dir)).out).toContain('READY');
  }, 60_000);
});

describe('write transactions start IMMEDIATE', () => {
  it('a transaction that reads first keeps its write when another connection writes meanwhile', async () => {
    const dir = folder();
    const core = await open(dir);
    const other = new Database(dbFile(dir), { timeout: 200 });
    try {
      let otherWrite = 'not tried';
      const write = (via: 'sqlite' | 'drizzle') => {
        const body = () => {
          const n = core.sqlite.prepare('SELECT count(*) FROM job_schedules').pluck().get() as number;
          // Another PC (or a stray second process) writes between our read and our write. Under a
          // plain BEGIN it succeeds and our write then fails with SQLITE_BUSY_SNAPSHOT; under
          // BEGIN IMMEDIATE it waits for us and gives up, and ours goes through.
          try {
            other.prepare("INSERT INTO job_schedules (job, cron, paused, updated_at) VALUES ('other.' || abs(random()), '* * * * *', 0, 0)").run();
            otherWrite = 'went through';
          } catch (e) {
            otherWrite = (e as { code: string }).code;
          }
          core.sqlite.prepare("INSERT INTO job_schedules (job, cron, paused, updated_at) VALUES (?, '* * * * *', 0, ?)").run(`mine.${via}`, n);
        };
        if (via === 'sqlite') core.sqlite.transaction(body)();
        else core.db.transaction(() => body());
      };
      expect(() => write('sqlite')).not.toThrow();
      expect(otherWrite).toBe('SQLITE_BUSY');
      expect(() => write('drizzle')).not.toThrow();
      expect(otherWrite).toBe('SQLITE_BUSY');
      expect(core.db.all(sql`SELECT job FROM job_schedules WHERE job LIKE 'mine.%' ORDER BY job`)).toEqual([{ job: 'mine.drizzle' }, { job: 'mine.sqlite' }]);
    } finally {
      other.close();
    }
  });
});

/** Every file and folder under `dir` with a mode other than 0600 / 0700. */
function notPrivate(dir: string): string[] {
  const bad: string[] = [];
  const walk = (p: string) => {
    const st = fs.statSync(p);
    const mode = st.mode & 0o777;
    if (st.isDirectory()) {
      if (mode !== 0o700) bad.push(`${path.relative(dir, p) || '.'} ${mode.toString(8)}`);
      for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    } else if (mode !== 0o600) bad.push(`${path.relative(dir, p)} ${mode.toString(8)}`);
  };
  walk(dir);
  return bad;
}

describe.skipIf(process.platform === 'win32')('personal data is private on disk', () => {
  it('an existing world-readable folder is fixed at start-up; the database, its WAL, a backup, a recording and a DMS export are 0600 in 0700 folders', async () => {
    const dir = folder();
    // What an older version left: folder 755, database 644, an old backup 644.
    const clock = new ManualClock(Date.parse(`${TODAY}T02:00:00Z`));
    const old = await open(dir, clock);
    await seedDemo(old.sqlite, { customers: 300, today: TODAY });
    old.close();
    cores.splice(0);
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.writeFileSync(path.join(dir, 'backups', 'ds-crm-2026-11-01-0300.sqlite'), 'old');
    for (const f of [dir, path.join(dir, 'backups')]) fs.chmodSync(f, 0o755);
    for (const f of [dbFile(dir), path.join(dir, 'backups', 'ds-crm-2026-11-01-0300.sqlite')]) fs.chmodSync(f, 0o644);
    const before = process.umask(0o022);
    try {
      const core = await open(dir, clock);
      expect(notPrivate(dir)).toEqual([]);

      // A backup, a recording of a call, a deal's DMS file: each written by the app as a user would cause it.
      const run = await new Scheduler(core, { jobs: [databaseBackup], instanceId: 'test' }).runNow('maintenance.backup');
      expect(run.status).toBe('ok');
      const agent = await userWithSession(core, 'agent9', 'serviceAgent');
      const seat = { wsUrl: 'ws://127.0.0.1:8088', extension: '1009', authUser: '1009', password: 'pw-1009', displayName: '坐席 1009' };
      expect((await call(core, agent.token, 'telephony.settings.save', seat)).ok).toBe(true);
      const started = await call(core, agent.token, 'telephony.call.start', { direction: 'inbound', remoteNumber: '13800138000' });
      if (!started.ok) throw new Error(JSON.stringify(started));
      const callId = (started.value as { callId: number }).callId;
      expect((await call(core, agent.token, 'telephony.call.answer', { callId })).ok).toBe(true);
      expect((await call(core, agent.token, 'telephony.recording.chunk', { callId, seq: 0, mime: 'audio/webm', data: Buffer.alloc(100, 7).toString('base64') })).ok).toBe(true);
      // A deal as 递交新车 records it (the demo data has opportunities but no deliveries).
      const opp = core.sqlite.prepare('SELECT id, customer_id AS customerId FROM opportunities ORDER BY id LIMIT 1').get() as { id: number; customerId: number };
      const deliveryId = Number(
        core.sqlite
          .prepare("INSERT INTO deliveries (opportunity_id, customer_id, vin, model, price, delivery_date, buyer_id_number, created_at) VALUES (?, ?, 'LFV3A23C8K3123456', 'sagitar', 150000, ?, '210102199001011234', 0)")
          .run(opp.id, opp.customerId, TODAY).lastInsertRowid,
      );
      expect(new DmsExporter(core).export(null, deliveryId).dmsStatus).toBe('exported');

      const files = fs.readdirSync(dir, { recursive: true }).map(String);
      expect(files.some((f) => f.startsWith('recordings') && f.endsWith('.webm'))).toBe(true);
      expect(files.some((f) => f.startsWith('dms-export') && !fs.statSync(path.join(dir, f)).isDirectory())).toBe(true);
      expect(files.filter((f) => /^backups.ds-crm-.*\.sqlite$/.test(f))).toHaveLength(2);
      expect(files).toContain('dscrm.sqlite-wal');
      expect(notPrivate(dir)).toEqual([]);
    } finally {
      process.umask(before);
    }
  }, 60_000);
});

/**
 * 64 KiB of garbage over an index of the customers, as the issue found it (mid-file, in an index):
 * the file still opens, the damaged index's reads fail. Which pages: the index's own, from the schema.
 */
/**
 * Garbage over one customers index's pages only (as a bad disk sector would leave it): start-up
 * must still open the file, and quick_check must find the damage. Only that index's own pages are
 * hit — a blind 64 KiB from its root page once reached the planner statistics (sqlite_stat1, written
 * by ANALYZE since migration 0017), which no start-up can read past.
 */
function damage(core: Core): void {
  const { name } = core.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'customers' AND sql IS NOT NULL ORDER BY rootpage DESC LIMIT 1").get() as { name: string };
  const pages = core.sqlite.prepare('SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno').pluck().all(name) as number[];
  const pageSize = core.sqlite.pragma('page_size', { simple: true }) as number;
  core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const fd = fs.openSync(core.dbFile, 'r+');
  for (const page of pages) fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
}

describe('a damaged database is noticed', () => {
  it('start-up quick_check stops writing: changes are refused with DATABASE_DAMAGED, reads and login go on, the banner status names the backups', async () => {
    const dir = folder();
    const clock = new ManualClock(Date.parse(`${TODAY}T02:00:00Z`));
    const healthy = await open(dir, clock);
    await seedDemo(healthy.sqlite, { customers: 300, today: TODAY });
    const { token } = await userWithSession(healthy, 'mgr', 'admin');
    expect(await healthy.health.checked).toMatchObject({ ok: true });
    damage(healthy);
    healthy.close();
    cores.splice(0);

    const core = await open(dir, clock);
    expect(await core.health.checked).toMatchObject({ ok: false });
    const health = await call(core, token, 'system.health');
    expect(health).toEqual({ ok: true, value: { damaged: true, since: clock.now(), source: 'startup', backupsDir: path.join(dir, 'backups') } });
    const change = await call(core, token, 'admin.users.create', { username: 'newbie', displayName: '新人', role: 'salesConsultant' });
    expect(change).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED' } });
    expect((change as { error: { message: string } }).error.message).toContain('请联系管理员从备份恢复');
    expect((change as { error: { message: string } }).error.message).toContain(path.join(dir, 'backups'));
    expect(core.sqlite.prepare("SELECT count(*) FROM users WHERE username = 'newbie'").pluck().get()).toBe(0);
    // Reading and the session itself go on.
    expect(await call(core, token, 'auth.session')).toMatchObject({ ok: true });
    expect(await call(core, null, 'auth.login', { username: 'mgr', password: 'Dealer2026ok' })).toMatchObject({ ok: true });
    // The nightly jobs do not write either: no backup of the damaged file over the good ones.
    expect((await new Scheduler(core, { jobs: [databaseBackup], instanceId: 't' }).tick()).runs).toEqual([]);
  }, 60_000);

  it('the nightly integrity_check marks a database damaged that was fine at start-up', async () => {
    const dir = folder();
    const core = await open(dir);
    await seedDemo(core.sqlite, { customers: 300, today: TODAY });
    expect(await core.health.checked).toMatchObject({ ok: true });
    damage(core);
    const run = await new Scheduler(core, { jobs: [integrityCheck], instanceId: 't' }).runNow('maintenance.integrity');
    expect(run.status).toBe('failed');
    expect(run.error).toContain('数据库已损坏');
    expect(core.health.status()).toMatchObject({ damaged: true, source: 'nightly' });
  }, 60_000);
});

describe.skipIf(process.platform === 'win32' || process.getuid?.() !== 0)('a read-only data folder', () => {
  it('gives a clear zh-CN + English message, not an SQLite stack', async () => {
    // As root nothing is read-only, so the second start runs as 'nobody' on root's 0755 folder.
    const dir = folder();
    (await open(dir)).close();
    cores.splice(0);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(dbFile(dir), 0o644);
    const r = await child(dir, { uid: 65534, gid: 65534 });
    expect(r.out).toContain('REFUSED read_only');
    expect(r.out).toContain('数据文件夹或数据库文件只读');
    expect(r.out).toContain('read-only');
    expect(r.out).not.toContain('SqliteError');
    // A new data folder asked for inside a folder the user may not write: the same message, no stack.
    const nested = await child(path.join(dir, 'new-folder'), { uid: 65534, gid: 65534 });
    expect(nested.out).toContain('REFUSED read_only');
    expect(nested.out).not.toContain('    at ');
  }, 60_000);
});

describe('event listeners', () => {
  it('a listener that throws is logged; the publisher and the other listeners go on', async () => {
    const core = await open(folder());
    const got: string[] = [];
    core.events.subscribe(() => {
      throw new Error('socket gone');
    });
    core.events.subscribe((e) => got.push(e.event));
    expect(() => core.events.publish('all', 'notification', { id: 1, kind: 'x', title: 't', body: null })).not.toThrow();
    expect(got).toEqual(['notification']);
  });
});
