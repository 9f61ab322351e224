import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DbOpenError, loadMigrations, migrationsFolder, MIGRATIONS_TABLE, openDatabase } from '../db/client';
import type { MigrationStep } from './migrations/step';
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

/** The migrations in the order they apply, by tag (0006_customer_primary_model ...). */
const tags = (JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] }).entries
  .sort((a, b) => a.idx - b.idx)
  .map((e) => e.tag);
const stepsDir = path.join(import.meta.dirname, 'migrations');
const stepFiles = new Set(fs.readdirSync(stepsDir).filter((f) => /^\d{4}_.*\.ts$/.test(f)));
const steps = new Map<string, MigrationStep>();
for (const tag of tags) {
  if (stepFiles.has(`${tag}.ts`)) steps.set(tag, ((await import(`./migrations/${tag}.ts`)) as { default: MigrationStep }).default);
}

describe('each migration on a database holding data (tests/migrations/<tag>.ts)', () => {
  it('every migration has its step test, and every step test names a migration', () => {
    expect(tags.length).toBe(loadMigrations().length);
    const missing = tags.filter((t) => !stepFiles.has(`${t}.ts`));
    expect(missing, 'add tests/migrations/<tag>.ts for each new migration (see tests/migrations/step.ts)').toEqual([]);
    expect([...stepFiles].filter((f) => !tags.includes(f.slice(0, -3)))).toEqual([]);
  });

  it.each(tags.map((tag, i) => [tag, i + 1] as const).filter(([tag]) => steps.has(tag)))('%s', (tag, n) => {
    const step = steps.get(tag)!;
    const file = newFile();
    const before = openDatabase(file, { migrateUpTo: n - 1 }).sqlite;
    step.seed?.(before);
    before.close();
    const after = openDatabase(file, { migrateUpTo: n }).sqlite;
    try {
      expect((after.prepare(`SELECT COUNT(*) AS n FROM "${MIGRATIONS_TABLE}"`).get() as { n: number }).n).toBe(n);
      step.check(after);
    } finally {
      after.close();
    }
  });
});

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
