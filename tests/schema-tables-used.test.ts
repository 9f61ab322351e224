import fs from 'node:fs';
import path from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../db/schema';

/**
 * Issue 16 counted "12 of 52 tables never referenced" by their drizzle export only; every one of
 * them is read and written through prepared SQL by its feature (sms_channels, job_schedules, ...).
 * This test keeps the schema honest the other way round: a table the app's code neither names in
 * SQL nor reaches through its export is dead weight and must be dropped by a migration.
 */
const root = path.resolve(import.meta.dirname, '..');
function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.(test|e2e)\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

describe('schema tables', () => {
  it('every table in db/schema is used by the app (by its export or by name in SQL)', () => {
    const files = ['electron', 'scripts'].flatMap(sources).map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
    const schemaUsers = files.filter((text) => /from '(\.\.\/)+db\/schema'/.test(text)).join('\n');
    const code = files.join('\n');
    const tables = Object.entries(schema as Record<string, unknown>).flatMap(([exportName, v]) => (is(v, SQLiteTable) ? [[exportName, v] as const] : []));
    expect(tables.length).toBeGreaterThan(50);
    const unused = tables
      .map(([exportName, table]) => [exportName, getTableConfig(table).name] as const)
      .filter(
        ([exportName, name]) =>
          !new RegExp(`\\b${exportName}\\b`).test(schemaUsers) && !new RegExp(`\\b(from|join|into|update|table)\\s+[\`"]?${name}\\b`, 'i').test(code),
      );
    expect(unused).toEqual([]);
  });
});
