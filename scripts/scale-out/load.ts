/**
 * Copies the customers grid's tables from a seeded SQLite database into PostgreSQL via CSV + COPY
 * (never row by row), then builds the indexes and the pg_trgm quick-find table.
 *
 *   npx tsx scripts/scale-out/load.ts --sqlite /tmp/seed-1m/dscrm.sqlite
 *
 * The SQLite file is opened read-only and only read (other people bench against it).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parseArgs } from '../args';
import { copyInto, psql } from './psql';

const here = path.dirname(fileURLToPath(import.meta.url));

const TABLES: { table: string; cols: string[] }[] = [
  { table: 'teams', cols: ['id', 'name', 'kind', 'manager_id'] },
  { table: 'users', cols: ['id', 'username', 'display_name', 'role', 'team_id'] },
  {
    table: 'customers',
    cols: ['id', 'kind', 'name', 'gender', 'id_number', 'birthday', 'birthday_md', 'province', 'city', 'address', 'email', 'wechat', 'source', 'owner_id', 'dnd_call', 'dnd_sms', 'dnd_revisit', 'notes', 'created_at', 'updated_at', 'created_by', 'primary_model', 'version'],
  },
  { table: 'customer_phones', cols: ['id', 'customer_id', 'raw', 'normalized', 'kind', 'is_primary'] },
  { table: 'vehicles', cols: ['id', 'customer_id', 'vin', 'plate', 'model', 'last_service_date'] },
];

async function main(): Promise<void> {
  const args = parseArgs();
  const file = typeof args.sqlite === 'string' ? args.sqlite : '/tmp/seed-1m/dscrm.sqlite';
  const src = new Database(file, { readonly: true, fileMustExist: true });
  try {
    psql(['-f', path.join(here, 'pg-schema.sql')]);
    for (const { table, cols } of TABLES) {
      const t0 = performance.now();
      const rows = src.prepare(`SELECT ${cols.join(', ')} FROM ${table} ORDER BY id`).raw().iterate() as IterableIterator<unknown[]>;
      const n = await copyInto(table, cols, rows);
      console.log(`${table}: ${n} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    src.close();
  }
  const t1 = performance.now();
  psql(['-f', path.join(here, 'pg-indexes.sql')]);
  console.log(`indexes, customer_search + pg_trgm, VACUUM ANALYZE: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
