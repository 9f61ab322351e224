import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema>;
export type Sqlite = Database.Database;

/** Why a database file could not be opened. The file is never modified or replaced in these cases. */
export type DbOpenProblem = 'locked' | 'in_use' | 'read_only' | 'damaged' | 'newer_than_app' | 'not_a_database' | 'unreadable';

export class DbOpenError extends Error {
  constructor(
    readonly problem: DbOpenProblem,
    readonly file: string,
    detail: string,
  ) {
    super(`${dbOpenMessages[problem]} (${file}): ${detail}`);
    this.name = 'DbOpenError';
  }
}

const dbOpenMessages: Record<DbOpenProblem, string> = {
  locked: '数据库正被另一个程序占用,请关闭其他 DS-CRM 窗口后重试 / The database is locked by another program',
  in_use: '数据文件夹正被另一个 DS-CRM 使用,请先关闭它再启动 / The data folder is in use by another DS-CRM; close it first',
  read_only: '数据文件夹或数据库文件只读,DS-CRM 需要写入权限 / The data folder or database file is read-only; DS-CRM needs write access',
  damaged: '数据库文件已损坏,请联系管理员从备份恢复 / The database file is damaged; ask the administrator to restore a backup',
  newer_than_app: '数据库来自更新版本的 DS-CRM,请升级本程序 / The database was written by a newer DS-CRM; upgrade this app',
  not_a_database: '该文件不是 DS-CRM 数据库,未做任何改动 / The file is not a DS-CRM database; it was left untouched',
  unreadable: '无法读取数据库文件 / The database file cannot be read',
};

/** The migrations beside the source tree (dev, tests, web host). */
export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

/**
 * Where migrations are read from: DSCRM_MIGRATIONS_DIR when set, else `migrationsFolder`.
 * The bundled Electron main has no source tree around it (its `import.meta.url` points into
 * dist/electron, or into app.asar), so it sets the variable to the shipped copy. Read at call
 * time, not at import time, because a bundle evaluates this module before the main's own code.
 */
export function resolveMigrationsFolder(): string {
  const fromEnv = process.env.DSCRM_MIGRATIONS_DIR;
  return fromEnv ? path.resolve(fromEnv) : migrationsFolder;
}

export const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface OpenOptions {
  busyTimeoutMs?: number;
  /** Apply only the first N migrations (used by the migration test). */
  migrateUpTo?: number;
  readonly?: boolean;
}

function classify(err: unknown, file: string): DbOpenError | unknown {
  const code = (err as { code?: string }).code ?? '';
  const msg = (err as Error).message ?? String(err);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY')) return new DbOpenError('locked', file, msg);
  if (code === 'SQLITE_NOTADB') return new DbOpenError('not_a_database', file, msg);
  if (code.startsWith('SQLITE_CORRUPT')) return new DbOpenError('damaged', file, msg);
  if (code.startsWith('SQLITE_READONLY')) return new DbOpenError('read_only', file, msg);
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') return new DbOpenError('unreadable', file, msg);
  if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') return new DbOpenError('read_only', file, msg);
  return err;
}

export function loadMigrations(): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: resolveMigrationsFolder() });
}

/**
 * Applies pending migrations in one transaction, tracked in drizzle's own table so drizzle-kit
 * tooling agrees with us. Refuses a database that has migrations this build does not know.
 */
export function applyMigrations(sqlite: Sqlite, file: string, upTo?: number): { applied: number } {
  const all = loadMigrations();
  const wanted = upTo === undefined ? all : all.slice(0, upTo);
  sqlite.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash TEXT NOT NULL, created_at NUMERIC)`);
  const done = sqlite.prepare(`SELECT hash, created_at AS createdAt FROM "${MIGRATIONS_TABLE}" ORDER BY created_at`).all() as {
    hash: string;
    createdAt: number;
  }[];
  const known = new Set(all.map((m) => m.hash));
  const unknown = done.filter((d) => !known.has(d.hash));
  if (unknown.length > 0) {
    throw new DbOpenError('newer_than_app', file, `${unknown.length} migration(s) unknown to this build`);
  }
  const doneHashes = new Set(done.map((d) => d.hash));
  const pending = wanted.filter((m) => !doneHashes.has(m.hash));
  if (pending.length === 0) return { applied: 0 };
  const insert = sqlite.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" (hash, created_at) VALUES (?, ?)`);
  sqlite.transaction(() => {
    for (const m of pending) {
      for (const stmt of m.sql) if (stmt.trim()) sqlite.exec(stmt);
      insert.run(m.hash, m.folderMillis);
    }
  }).immediate();
  return { applied: pending.length };
}

/**
 * Every transaction on this connection starts with BEGIN IMMEDIATE. A write transaction that reads
 * first under a plain BEGIN takes the write lock only at its first write, and when another
 * connection wrote in between SQLite answers SQLITE_BUSY at once (the busy timeout cannot help a
 * read lock that must become a write lock). IMMEDIATE waits for the write lock up front, within
 * busy_timeout; the few read-only transactions pay only that wait. One place instead of ~70 call
 * sites: drizzle's `db.transaction` calls the client's `transaction(fn)[behavior ?? 'deferred']`,
 * so 'deferred' is pointed at IMMEDIATE too. Nested calls still become savepoints.
 */
export function immediateTransactions(sqlite: Sqlite): void {
  const plain = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...args: never[]) => unknown) => {
    const tx = plain(fn);
    const immediate = tx.immediate;
    return Object.assign((...args: never[]) => immediate(...args), { default: immediate, deferred: immediate, immediate, exclusive: tx.exclusive });
  }) as Sqlite['transaction'];
}

/** Opens (creating if absent) the database file with the pragmas the app relies on, then migrates. */
export function openDatabase(file: string, opts: OpenOptions = {}): { sqlite: Sqlite; db: Db } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let sqlite: Sqlite | undefined;
  try {
    sqlite = new Database(file, { readonly: opts.readonly ?? false, timeout: opts.busyTimeoutMs ?? 5000 });
    // Reading the header first turns "not a database" into an error before anything is written.
    sqlite.pragma('schema_version');
    if (!opts.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    if (!opts.readonly) {
      immediateTransactions(sqlite);
      applyMigrations(sqlite, file, opts.migrateUpTo);
    }
  } catch (err) {
    sqlite?.close();
    throw classify(err, file);
  }
  const db = drizzle({ client: sqlite, schema, casing: 'snake_case' });
  return { sqlite, db };
}

export { schema };
