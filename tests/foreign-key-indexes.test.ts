import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../db/client';

/**
 * Deleting a row makes SQLite look in every table with a foreign key to it for rows pointing at
 * it; without an index on that column each delete scans the whole child table. An import's undo
 * deletes opportunities and repair orders by the hundred thousand — before migration 0043 that
 * was a scan of every purchase intent per opportunity, hours at 1M customers. So every foreign key
 * has an index led by its column, unless its parent is a table the app never deletes from (users
 * are deactivated, seats revoked, templates retired) — and that is checked against the code.
 */
const NEVER_DELETED = ['users', 'roles', 'seats', 'sms_templates', 'plan_templates'];

describe('foreign keys and deletes', () => {
  const db = new Database(':memory:');
  applyMigrations(db, ':memory:');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'").pluck().all() as string[];

  it('every foreign key to a table the app deletes from has an index led by its column', () => {
    const missing: string[] = [];
    for (const t of tables) {
      const led = new Set(
        (db.prepare('SELECT name FROM pragma_index_list(?)').pluck().all(t) as string[]).map((i) => db.prepare('SELECT name FROM pragma_index_info(?) WHERE seqno = 0').pluck().get(i) as string),
      );
      const pk = db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0').pluck().all(t) as string[];
      for (const fk of db.prepare('SELECT "from" AS col, "table" AS parent FROM pragma_foreign_key_list(?)').all(t) as { col: string; parent: string }[]) {
        if (NEVER_DELETED.includes(fk.parent) || led.has(fk.col) || pk[0] === fk.col) continue;
        missing.push(`${t}.${fk.col} -> ${fk.parent}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the tables left out are never deleted from by the app', () => {
    const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
          const text = fs.readFileSync(p, 'utf8');
          for (const t of NEVER_DELETED) if (new RegExp(`DELETE\\s+FROM\\s+["\`]?${t}\\b|\\.delete\\(${camel(t)}\\)`, 'i').test(text)) offenders.push(`${path.relative(process.cwd(), p)}: ${t}`);
        }
      }
    };
    walk(path.join(import.meta.dirname, '../electron'));
    walk(path.join(import.meta.dirname, '../db'));
    expect(offenders).toEqual([]);
  });
});
