import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { ManualClock } from '../clock';
import { call, tempDir, userWithSession } from '../../../tests/support/core';
import { ReadPool, ReadPoolError, readWorkersFrom } from './read-pool';

// A read that keeps one thread busy for about a second or more on this machine (millions of steps).
const HEAVY = 'with recursive n(i) as (select 1 union all select i + 1 from n where i < ?) select count(*) as c from n';
const HEAVY_STEPS = 6_000_000;

async function coreWith(readWorkers: number): Promise<{ core: Core; dir: string; token: string; customerId: number }> {
  const dir = tempDir('dscrm-reads-');
  const core = await createCore({ dataDir: dir, clock: new ManualClock(), bootstrapAdmin: false, readWorkers });
  const { token } = await userWithSession(core, 'boss', 'admin');
  const created = await call(core, token, 'customers.create', { name: '读取池测试', phones: [{ raw: '13800138000' }] });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  return { core, dir, token, customerId: (created.value as { id: number }).id };
}

describe('read pool', () => {
  let t: Awaited<ReturnType<typeof coreWith>>;
  beforeAll(async () => {
    t = await coreWith(2);
  });
  afterAll(async () => {
    t.core.close();
    await t.core.reads.close();
    fs.rmSync(t.dir, { recursive: true, force: true });
  });

  it('answers as the main connection does, on worker threads (parameters, NULLs, numbers, text, bytes)', async () => {
    const q = "select id, name, gender, owner_id as ownerId, null as blank, 1.5 as half, x'00ff' as bytes, ? as echoed from customers where name like ? order by id";
    const main = t.core.sqlite.prepare(q).all('回声', '读取%');
    const pooled = await t.core.reads.all(q, ['回声', '读取%']);
    expect(pooled).toEqual(main);
    expect(pooled).toHaveLength(1);
    expect(t.core.reads.stats()).toMatchObject({ onMain: false, workers: 1 });
  });

  it('keeps the main thread answering while a heavy read runs: customers.get completes first', async () => {
    const order: string[] = [];
    const heavy = t.core.reads.all<{ c: number }>(HEAVY, [HEAVY_STEPS]).then((r) => (order.push('heavy'), r));
    const got = await call(t.core, t.token, 'customers.get', { id: t.customerId });
    order.push('customers.get');
    expect(got.ok).toBe(true);
    expect((await heavy)[0]!.c).toBe(HEAVY_STEPS);
    expect(order).toEqual(['customers.get', 'heavy']);
  });

  it('a second read is not held up by a long one (two workers)', async () => {
    const order: string[] = [];
    const heavy = t.core.reads.all(HEAVY, [HEAVY_STEPS]).then(() => order.push('heavy'));
    const quick = t.core.reads.all('select count(*) as n from customers').then(() => order.push('quick'));
    await Promise.all([heavy, quick]);
    expect(order).toEqual(['quick', 'heavy']);
  });

  it('a read sent after a write committed on the main connection sees it, every time', async () => {
    const insert = t.core.sqlite.prepare("insert into dictionaries (kind, code, label_zh, label_en, sort, active) values ('h11_probe', ?, '探针', 'probe', 0, 1)");
    for (let i = 0; i < 40; i++) {
      insert.run(`c${i}`);
      const rows = await t.core.reads.all<{ n: number }>("select count(*) as n from dictionaries where kind = 'h11_probe'");
      expect(rows[0]!.n).toBe(i + 1);
    }
    t.core.sqlite.prepare("delete from dictionaries where kind = 'h11_probe'").run();
    expect((await t.core.reads.all<{ n: number }>("select count(*) as n from dictionaries where kind = 'h11_probe'"))[0]!.n).toBe(0);
  });

  it('refuses a statement that writes, and nothing is written', async () => {
    const before = t.core.sqlite.prepare('select count(*) as n from customers').get();
    await expect(t.core.reads.all('delete from customers')).rejects.toMatchObject({ code: 'READ_POOL_NOT_A_READ' });
    expect(t.core.sqlite.prepare('select count(*) as n from customers').get()).toEqual(before);
  });

  it('passes SQLite errors through with their code and message (dispatch’s damage check reads the code)', async () => {
    await expect(t.core.reads.all('select * from no_such_table')).rejects.toMatchObject({ code: 'SQLITE_ERROR', message: expect.stringContaining('no_such_table') });
  });

  it('a worker killed mid-request answers that request with an error, and the next read works', async () => {
    const doomed = t.core.reads.all(HEAVY, [HEAVY_STEPS]);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.core.reads.killBusyWorker()).toBe(true);
    const err = await doomed.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ReadPoolError);
    expect(err).toMatchObject({ code: 'READ_WORKER_DIED', message: expect.stringContaining('读取线程意外退出') });
    expect(await t.core.reads.all<{ n: number }>('select count(*) as n from customers')).toEqual([{ n: 1 }]);
    expect(t.core.reads.stats().onMain).toBe(false);
  });

  it('a memo answer (a grid total) is given again only while nothing has been committed since', async () => {
    const pool = new ReadPool(t.core.sqlite, { size: 1, busyTimeoutMs: 5000 });
    try {
      const q = 'select count(*) as n from customers';
      const [first] = await pool.all<{ n: number }>(q, [], { memo: true });
      expect(await pool.all(q, [], { memo: true })).toEqual([first]);
      expect(pool.stats().memoHits).toBe(1);
      const made = await call(t.core, t.token, 'customers.create', { name: '备忘测试', phones: [{ raw: '13900139011' }] });
      expect(made.ok).toBe(true);
      // A commit on the app's connection since: counted again, and the new customer is in it.
      expect(await pool.all(q, [], { memo: true })).toEqual([{ n: first!.n + 1 }]);
      expect(await pool.all(q)).toEqual([{ n: first!.n + 1 }]);
      expect(pool.stats().memoHits).toBe(1);
    } finally {
      await pool.close();
    }
  });
});

describe('read pool: where it runs on the main connection, and closing', () => {
  it('the pool size comes from the option, else DSCRM_READ_WORKERS, else 2; a bad value is not guessed', () => {
    expect(readWorkersFrom(undefined, {})).toBe(2);
    expect(readWorkersFrom(undefined, { DSCRM_READ_WORKERS: '4' })).toBe(4);
    expect(readWorkersFrom(0, { DSCRM_READ_WORKERS: '4' })).toBe(0);
    expect(readWorkersFrom(undefined, { DSCRM_READ_WORKERS: 'many' })).toBe(2);
    expect(readWorkersFrom(99, {})).toBe(2);
  });

  it('size 0 (today without the pool) runs on the main connection: the main thread waits for the heavy read', async () => {
    const t = await coreWith(0);
    try {
      const order: string[] = [];
      const heavy = t.core.reads.all(HEAVY, [HEAVY_STEPS / 4]).then(() => order.push('heavy'));
      const get = call(t.core, t.token, 'customers.get', { id: t.customerId }).then(() => order.push('customers.get'));
      await Promise.all([heavy, get]);
      expect(order).toEqual(['heavy', 'customers.get']);
      expect(t.core.reads.stats()).toMatchObject({ onMain: true, workers: 0 });
    } finally {
      t.core.close();
      fs.rmSync(t.dir, { recursive: true, force: true });
    }
  });

  it('an in-memory database reads on its own connection', async () => {
    const mem = new Database(':memory:');
    const pool = new ReadPool(mem, { size: 2, busyTimeoutMs: 1000 });
    expect(await pool.all('select 41 + ? as n', [1])).toEqual([{ n: 42 }]);
    expect(pool.stats()).toMatchObject({ onMain: true, workers: 0 });
    await pool.close();
    mem.close();
  });

  it('a pool whose worker cannot open the file falls back to the main connection with the same answer', async () => {
    const dir = tempDir('dscrm-reads-');
    const file = path.join(dir, 'gone.sqlite');
    const main = new Database(file);
    main.exec('create table t (x); insert into t values (7)');
    // The main connection keeps the open file; a new connection (the worker's) finds none.
    fs.rmSync(file);
    const pool = new ReadPool(main, { size: 2, busyTimeoutMs: 1000 });
    expect(await pool.all('select x from t')).toEqual([{ x: 7 }]);
    expect(pool.stats()).toMatchObject({ onMain: true, workers: 0 });
    await pool.close();
    main.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('close ends every worker thread and refuses later reads', async () => {
    const t = await coreWith(2);
    await Promise.all([t.core.reads.all('select 1 as one'), t.core.reads.all(HEAVY, [200_000])]);
    expect(t.core.reads.stats().workers).toBe(2);
    t.core.close();
    const started = performance.now();
    await t.core.reads.close();
    expect(performance.now() - started).toBeLessThan(3000);
    expect(t.core.reads.stats().workers).toBe(0);
    await expect(t.core.reads.all('select 1')).rejects.toMatchObject({ code: 'READ_POOL_CLOSED' });
    fs.rmSync(t.dir, { recursive: true, force: true });
  });

  it('closing the app with workers open leaves no WAL behind: the workers close first, the app last', async () => {
    const t = await coreWith(2);
    // Both workers hold a connection on the file.
    await Promise.all([t.core.reads.all('select 1 as one'), t.core.reads.all(HEAVY, [200_000])]);
    expect(t.core.reads.stats().workers).toBe(2);
    const wal = path.join(t.dir, 'dscrm.sqlite-wal');
    expect(fs.existsSync(wal)).toBe(true);
    t.core.close();
    // At once, not after the threads are gone: Electron's quit and the web host's exit do not wait.
    expect(fs.existsSync(wal)).toBe(false);
    await t.core.reads.close();
    fs.rmSync(t.dir, { recursive: true, force: true });
  });
});

describe('read pool: the host process still ends', () => {
  it('a web host that served grid pages through the pool, closed with a read under way, exits by itself', async () => {
    const dir = tempDir('dscrm-reads-exit-');
    try {
      const script = path.join(import.meta.dirname, 'host-exit-child.test-support.ts');
      const child = spawn(process.execPath, ['--import', 'tsx', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const exit = await new Promise<{ code: number | null; at: number }>((resolve) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), 25_000);
        child.on('exit', (code) => {
          clearTimeout(kill);
          resolve({ code, at: Date.now() });
        });
      });
      const report = JSON.parse(out.trim().split('\n').at(-1)!) as { page: boolean; workers: number; heavy: string; closedAt: number };
      expect(exit.code).toBe(0);
      expect(report).toMatchObject({ page: true, heavy: 'READ_POOL_CLOSED' });
      expect(report.workers).toBeGreaterThan(0);
      // The process ends once the worker's statement under way has returned (SQLite cannot be
      // interrupted from outside the thread), not at some timeout.
      expect(exit.at - report.closedAt).toBeLessThan(5_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
