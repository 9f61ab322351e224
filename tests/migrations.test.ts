import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DbOpenError, loadMigrations, MIGRATIONS_TABLE, openDatabase } from '../db/client';
import { tempDir } from './support/core';

const dirs: string[] = [];
const newFile = () => {
  const d = tempDir('dscrm-mig-');
  dirs.push(d);
  return path.join(d, 'db.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('migrations', () => {
  it('apply one by one to a real file, each step adding what its SQL creates, and end with the whole domain', () => {
    const file = newFile();
    const all = loadMigrations();
    expect(all.length).toBeGreaterThan(0);
    let previous: string[] = [];
    for (let n = 1; n <= all.length; n++) {
      const { sqlite } = openDatabase(file, { migrateUpTo: n });
      const now = tables(sqlite);
      const created = all[n - 1]!.sql.join('\n').match(/CREATE TABLE `(\w+)`/g)?.map((s) => s.slice(14, -1)) ?? [];
      for (const t of created) expect(now).toContain(t);
      const indexes = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type='index'").all() as { name: string }[]).map((r) => r.name);
      const createdIdx = all[n - 1]!.sql.join('\n').match(/CREATE (?:UNIQUE )?INDEX `(\w+)`/g)?.map((s) => s.split('`')[1]!) ?? [];
      for (const i of createdIdx) expect(indexes).toContain(i);
      expect(now.length).toBeGreaterThanOrEqual(previous.length);
      expect((sqlite.prepare(`SELECT COUNT(*) AS n FROM "${MIGRATIONS_TABLE}"`).get() as { n: number }).n).toBe(n);
      previous = now;
      sqlite.close();
    }
    for (const t of ['users', 'sessions', 'audit_log', 'customers', 'customer_phones', 'vehicles', 'service_visits', 'showroom_visits',
      'walk_in_batches', 'opportunities', 'stage_history', 'activities', 'purchase_intents', 'deliveries', 'test_drive_vehicles',
      'test_drive_bookings', 'revisit_templates', 'revisit_questions', 'revisits', 'revisit_answers', 'appointments', 'tasks',
      'solicitation_tasks', 'complaints', 'calls', 'recordings', 'sms_templates', 'sms_batches', 'sms_messages', 'job_runs',
      'grid_views', 'dictionaries', 'role_permissions', 'user_permissions']) {
      expect(previous).toContain(t);
    }
  });

  it("0006 fills customers.primary_model from the vehicles an older database already holds", () => {
    const file = newFile();
    const before = openDatabase(file, { migrateUpTo: 6 }).sqlite;
    const cust = before.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES (?, 0, 0)");
    const veh = before.prepare('INSERT INTO vehicles (customer_id, vin, model, created_at, updated_at) VALUES (?, ?, ?, 0, 0)');
    const a = Number(cust.run('甲').lastInsertRowid);
    const b = Number(cust.run('乙').lastInsertRowid);
    veh.run(a, 'VIN00000000000001', 'magotan');
    veh.run(a, 'VIN00000000000002', 'sagitar');
    before.close();
    const after = openDatabase(file).sqlite;
    const model = after.prepare('SELECT primary_model FROM customers WHERE id = ?').pluck();
    expect([model.get(a), model.get(b)]).toEqual(['magotan', null]);
    after.prepare('INSERT INTO vehicles (customer_id, vin, model, created_at, updated_at) VALUES (?, ?, ?, 0, 0)').run(b, 'VIN00000000000003', 'tayron');
    expect(model.get(b)).toBe('tayron');
    after.close();
  });

  it('0012 gives existing records version 1 without rewriting their pages (instant at 1M customers)', () => {
    const file = newFile();
    const before = openDatabase(file, { migrateUpTo: 12 - 1 }).sqlite;
    const cust = before.prepare("INSERT INTO customers (name, notes, created_at, updated_at) VALUES (?, ?, 0, 0)");
    before.transaction(() => {
      for (let i = 0; i < 3000; i++) cust.run(`客户${i}`, '备注'.repeat(20));
    })();
    before.pragma('wal_checkpoint(TRUNCATE)');
    const pages = before.pragma('page_count', { simple: true }) as number;
    before.close();
    // Up to 0012 only: later migrations may build indexes on customers (0016), which do write pages.
    const after = openDatabase(file, { migrateUpTo: 13 }).sqlite;
    // A rebuilt table would have written every one of its pages to the WAL; adding a column with a
    // constant default only rewrites the schema page.
    const walPages = after.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    expect(walPages[0]!.log).toBeLessThan(pages / 10);
    expect(after.prepare('SELECT COUNT(*) AS n, MIN(version) AS lo, MAX(version) AS hi FROM customers').get()).toEqual({ n: 3000, lo: 1, hi: 1 });
    for (const t of ['opportunities', 'activities', 'complaints', 'tasks']) {
      expect((after.prepare(`SELECT name, dflt_value AS d, "notnull" AS nn FROM pragma_table_info('${t}') WHERE name = 'version'`).get())).toEqual({ name: 'version', d: '1', nn: 1 });
    }
    after.close();
  });

  it('opening an up-to-date database again applies nothing and keeps the data', () => {
    const file = newFile();
    const a = openDatabase(file);
    a.sqlite.prepare("INSERT INTO roles (code, name_zh, name_en) VALUES ('x', '测试', 'test')").run();
    a.sqlite.close();
    const b = openDatabase(file);
    expect(b.sqlite.prepare("SELECT name_zh FROM roles WHERE code='x'").get()).toEqual({ name_zh: '测试' });
    b.sqlite.close();
  });

  it('runs in WAL mode with foreign keys enforced', () => {
    const { sqlite } = openDatabase(newFile());
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => sqlite.prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ('h', 999, 0, 0)").run()).toThrow(
      /FOREIGN KEY/,
    );
    sqlite.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = newFile();
    openDatabase(file).sqlite.close();
    const raw = new Database(file);
    raw.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" (hash, created_at) VALUES ('future-hash', 99999999999999)`).run();
    raw.close();
    const before = fs.readFileSync(file);
    const err = (() => {
      try {
        openDatabase(file);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DbOpenError);
    expect((err as DbOpenError).problem).toBe('newer_than_app');
    expect((err as Error).message).toMatch(/更新版本/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database and never overwrites it', () => {
    const file = newFile();
    const content = 'Customer list exported from Excel\n'.repeat(200);
    fs.writeFileSync(file, content);
    expect(() => openDatabase(file)).toThrow(DbOpenError);
    try {
      openDatabase(file);
    } catch (e) {
      expect((e as DbOpenError).problem).toBe('not_a_database');
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });

  it('reports a database locked by another program instead of waiting forever or failing obscurely', () => {
    const file = newFile();
    openDatabase(file).sqlite.close();
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      let problem: string | undefined;
      try {
        openDatabase(file, { busyTimeoutMs: 100 });
      } catch (e) {
        problem = (e as DbOpenError).problem;
      }
      expect(problem).toBe('locked');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // Once the other program lets go, the same file opens normally.
    const ok = openDatabase(file);
    expect(tables(ok.sqlite)).toContain('customers');
    ok.sqlite.close();
  });
});
