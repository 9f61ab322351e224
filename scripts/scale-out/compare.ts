/**
 * The customers grid's generated SQL and quick find's candidate queries, run on SQLite (the seeded
 * file, read-only, better-sqlite3 in process — as the host runs them) and on PostgreSQL (pgbench,
 * prepared statements over the loopback socket — as a host process with a pg driver would), each
 * 50+ times; prints p50 / p95 side by side and writes them as JSON. docs/scale-out.md has the figures.
 *
 *   npx tsx scripts/scale-out/compare.ts --sqlite /tmp/seed-1m/dscrm.sqlite [--runs 60] [--out FILE]
 *
 * The SQL is not written by hand: GridService.plan() and CustomerSearch.candidateQueries() make it,
 * with the SQLite dialect, exactly as the product does; toPg() below then applies the few rewrites
 * a pg dialect would make (each one counted and printed — they are the dialect list in the doc).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { SQL } from 'drizzle-orm';
import { gridQuerySchema, type GridFilter, type GridQuery, type GridSort } from '../../electron/common/api/grid';
import type { SessionUser } from '../../electron/common/api/auth';
import type { Core } from '../../electron/node/core';
import type { SessionCtx } from '../../electron/node/features/auth/service';
import type { AuthService } from '../../electron/node/features/auth/service';
import { GridService } from '../../electron/node/features/grid/service';
import { encodeCursor } from '../../electron/node/features/grid/query';
import { CustomerVisibility } from '../../electron/node/features/customers/visibility';
import { CustomerSearch, parseSearchInput } from '../../electron/node/features/customers/search';
import { parseArgs, intArg } from '../args';
import { pgEnv, psql } from './psql';

type Q = { sql: string; params: unknown[] };

const args = parseArgs();
const FILE = typeof args.sqlite === 'string' ? args.sqlite : '/tmp/seed-1m/dscrm.sqlite';
const RUNS = intArg(args, 'runs', 60);
const OUT = typeof args.out === 'string' ? args.out : path.join(os.tmpdir(), 'scale-out-figures.json');
// The grid's relative dates and day bounds need a clock and the dealer's time zone: fixed, so the
// SQL (and so the figures) are the same on every run.
const NOW = Date.UTC(2026, 11, 1, 4, 0, 0);

const sqlite = new Database(FILE, { readonly: true, fileMustExist: true });
const dialect = new SQLiteSyncDialect();

function session(id: number, username: string, role: SessionUser['role']): SessionCtx {
  return { tokenHash: 'scale-out', lastSeenAt: NOW, locked: false, mustChangePassword: false, user: { id, username, displayName: username, role, teamId: null, locale: 'zh-CN' } };
}
const admin = session(1, 'admin', 'admin');
const sales1 = session(4, 'sales1', 'salesConsultant');

// plan() needs only who sees what, the time zone and the clock. The permission answer is the demo
// roles' (customers.viewAll for the administrator, not for a consultant) instead of a full
// AuthService, which would want a writable database.
const auth = { hasPermission: (s: SessionCtx, p: string) => p === 'customers.viewAll' && s.user.role === 'admin' } as unknown as AuthService;
const visibility = new CustomerVisibility(sqlite, auth);
const planCore = { sqlite, auth, visibility, settings: { get: () => 'Asia/Shanghai' }, clock: { now: () => NOW } } as unknown as Core;
const grid = new GridService(planCore);
const search = new CustomerSearch(sqlite, visibility);

// ---- SQLite → PostgreSQL text ------------------------------------------------------------------

// Which rewrite touched how many distinct statements (a statement runs many times, counted once).
const rewritten = new Map<string, Set<string>>();
const count = (what: string, stmt: string) => rewritten.set(what, (rewritten.get(what) ?? new Set()).add(stmt));
const rewrites = () => Object.fromEntries([...rewritten].map(([what, set]) => [what, set.size]));

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return String(v);
  return `'${String(v).replace(/'/g, "''")}'`;
}

/**
 * What drizzle's pg dialect (or the SQL fragments in the data sets) would have to say differently.
 * Parameters are inlined as literals because pgbench runs a script file; with -M prepared the plan
 * is still made once per statement, as with a driver's prepared statement.
 */
export function toPg(q: Q): string {
  let i = 0;
  const original = q.sql;
  let text = q.sql.replace(/\?/g, () => literal(q.params[i++]));
  const rule = (what: string, re: RegExp, to: string) => {
    const next = text.replace(re, to);
    if (next !== text) count(what, original);
    text = next;
  };
  rule("SQLite's true as `1` (empty scope / filter) → true", /\b(where|and|or) 1\b(?! *[=<>])/gi, '$1 true');
  rule('unary + planner hint on a filter column → dropped', /\+(\w\.\w+)/g, '$1');
  rule('INDEXED BY hint → dropped (pg has no index hints)', / INDEXED BY \w+/gi, '');
  rule('FTS5 rowid → customer_search.id', /\bs\.rowid\b/g, 's.id');
  if (/:/.test(text)) throw new Error(`pgbench would read ':' as a variable: ${text}`);
  return text;
}

// ---- timing --------------------------------------------------------------------------------------

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** One case = one or more statements run back to back (quick find runs all its candidate queries). */
function timeSqlite(qs: Q[], runs: number): { ms: number[]; rows: number } {
  const stmts = qs.map((q) => ({ st: sqlite.prepare(q.sql), params: q.params }));
  let rows = 0;
  const once = () => {
    const t0 = performance.now();
    rows = 0;
    for (const { st, params } of stmts) rows += st.all(...params).length;
    return performance.now() - t0;
  };
  for (let w = 0; w < 3; w++) once();
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) ms.push(once());
  return { ms, rows };
}

/** pgbench: one client, -M prepared, every statement of the case as one script; per-run latency from its log. */
function timePg(qs: Q[], runs: number): { ms: number[]; rows: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-out-'));
  try {
    const texts = qs.map(toPg);
    const script = path.join(dir, 'case.sql');
    fs.writeFileSync(script, texts.map((t) => `${t.replace(/\s*\n\s*/g, ' ')};\n`).join(''));
    // Rows returned, once, for the check that both engines answer the same.
    const rows = texts.reduce((n, t) => n + psql(['-c', t]).split('\n').filter(Boolean).length, 0);
    const r = spawnSync('pgbench', ['-n', '-M', 'prepared', '-c', '1', '-t', String(runs + 3), '-f', script, '--log', `--log-prefix=${path.join(dir, 'log')}`], { env: pgEnv(), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pgbench failed: ${r.stderr}`);
    const log = fs.readdirSync(dir).find((f) => f.startsWith('log'))!;
    const us = fs
      .readFileSync(path.join(dir, log), 'utf8')
      .trim()
      .split('\n')
      .map((l) => Number(l.split(' ')[2]));
    return { ms: us.slice(3).map((u) => u / 1000), rows };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Row {
  case: string;
  /** The statements as run: SQLite text + parameters, and the pg text (for EXPLAIN by hand). */
  sql?: { sqlite: Q[]; pg: string[] };
  /** null for a pg-only variant. */
  sqlite: { p50: number | null; p95: number | null; rows: number };
  pg: { p50: number; p95: number; rows: number };
  runs: number;
}
const results: Row[] = [];

const r2 = (x: number) => Math.round(x * 100) / 100;
const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(2)).padStart(8);
/** One printed line per case; `rows` differing between the engines is flagged. */
function report(row: Row, rowsNote: string): void {
  results.push(row);
  const warn = row.sqlite.p50 !== null && row.sqlite.rows !== row.pg.rows ? `  (rows differ: SQLite ${row.sqlite.rows}, pg ${row.pg.rows})` : '';
  console.log(`${row.case.padEnd(46)} SQLite p50 ${fmt(row.sqlite.p50)} p95 ${fmt(row.sqlite.p95)} | pg p50 ${fmt(row.pg.p50)} p95 ${fmt(row.pg.p95)} ms  ${rowsNote}${warn}`);
}

function run(name: string, qs: Q[], runs = RUNS): void {
  const a = timeSqlite(qs, runs);
  const b = timePg(qs, runs);
  const row: Row = { case: name, sql: { sqlite: qs, pg: qs.map(toPg) }, runs, sqlite: { p50: r2(pct(a.ms, 50)), p95: r2(pct(a.ms, 95)), rows: a.rows }, pg: { p50: r2(pct(b.ms, 50)), p95: r2(pct(b.ms, 95)), rows: b.rows } };
  report(row, `rows ${a.rows}`);
}

// ---- the customers grid ------------------------------------------------------------------------

const COLUMNS = ['name', 'gender', 'phone', 'city', 'source', 'ownerName', 'vehicleModel', 'vehiclePlate', 'createdAt'];
/** Three conditions as a user builds them in the filter panel. */
const FILTER3: GridFilter = {
  columns: [],
  advanced: {
    join: 'and',
    conditions: [
      { col: 'gender', op: 'in', values: ['female'] },
      { col: 'source', op: 'notIn', values: ['outbound'] },
      { col: 'createdAt', op: 'gte', value: '2019-01-01' },
    ],
  },
};
const BY_NAME: GridSort[] = [{ col: 'name', dir: 'asc' }];

function gridSql(s: SessionCtx, input: GridQuery): Q[] {
  const p = grid.plan(s, gridQuerySchema.parse(input));
  const qs = [dialect.sqlToQuery(p.stmt)];
  if (p.totalSql) qs.push(dialect.sqlToQuery(p.totalSql as SQL));
  return qs;
}

function deepCursor(): { cursor: string; name: string; id: number } {
  // The row 300,000 deep in the filtered name order: what a user reaches after 3,000 pages, or
  // how the export walks. Found once (slow, by offset); the measured query seeks to it by keyset.
  const page0 = grid.plan(admin, gridQuerySchema.parse({ dataset: 'customers', scope: 'all', columns: ['name'], sort: BY_NAME, filter: FILTER3, limit: 1, offset: 300_000 }));
  const q = dialect.sqlToQuery(page0.stmt);
  const row = sqlite.prepare(q.sql).get(...q.params) as Record<string, unknown>;
  return { cursor: encodeCursor(page0.sort, row, page0.idDir), name: row.name as string, id: row.id as number };
}

/** A pg-only variant (how a pg dialect would better say the same thing): pg column only. */
function runPgOnly(name: string, texts: string[], runs = RUNS): void {
  const b = timePg(
    texts.map((t) => ({ sql: t, params: [] })),
    runs,
  );
  const row: Row = { case: name, sql: { sqlite: [], pg: texts }, runs, sqlite: { p50: null, p95: null, rows: 0 }, pg: { p50: r2(pct(b.ms, 50)), p95: r2(pct(b.ms, 95)), rows: b.rows } };
  report(row, `rows ${b.rows}`);
}

function main(): void {
  console.log(`SQLite ${FILE} (read-only) vs PostgreSQL ${psql(['-c', 'show server_version']).trim()} at ${pgEnv().PGHOST}:${pgEnv().PGPORT}; ${RUNS} runs per case after 3 warm-ups\n`);
  const base = { dataset: 'customers', columns: COLUMNS, limit: 100 } as const;
  run('grid: sort by name, first page', gridSql(admin, { ...base, scope: 'all', sort: BY_NAME }));
  run('grid: sort by name + 3-condition filter', gridSql(admin, { ...base, scope: 'all', sort: BY_NAME, filter: FILTER3 }));
  run('grid: same, with its total (COUNT)', gridSql(admin, { ...base, scope: 'all', sort: BY_NAME, filter: FILTER3, withTotal: true }));
  const deep = deepCursor();
  const deepQs = gridSql(admin, { ...base, scope: 'all', sort: BY_NAME, filter: FILTER3, cursor: deep.cursor });
  run('grid: same, page at a cursor 300,000 deep', deepQs);
  // pg compares row values in one index range: (name, id) > (…) instead of the OR SQLite needs.
  const deepName = literal(deep.name);
  const orForm = `c.name >= ${deepName} and ((c.name > ${deepName}) or (c.name = ${deepName} and c.id > ${deep.id}))`;
  const pgDeep = toPg(deepQs[0]!);
  if (!pgDeep.includes(orForm)) throw new Error('the keyset is not in the expected form');
  runPgOnly('  same, pg row-value keyset (name, id) > (…)', [pgDeep.replace(orForm, `(c.name, c.id) > (${deepName}, ${deep.id})`)]);
  run('grid: group-by source count + filter', gridSql(admin, { ...base, scope: 'all', groupBy: ['source'], filter: FILTER3 }));
  run('grid: group-by owner (labelled), all', gridSql(admin, { ...base, scope: 'all', groupBy: ['ownerName'] }));
  run('grid: consultant "mine", sort by created', gridSql(sales1, { ...base, scope: 'mine', sort: [{ col: 'createdAt', dir: 'desc' }] }));

  // ---- quick find: every candidate query of one input, as CustomerSearch runs them ----
  const max = sqlite.prepare('SELECT max(id) FROM customers').pluck().get() as number;
  const samples = Array.from({ length: 10 }, (_, i) => 1 + Math.floor(((i * 7919 + 13) % 997) * (max / 997)));
  const phone = sqlite.prepare('SELECT normalized FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, id LIMIT 1').pluck();
  const name = sqlite.prepare('SELECT name FROM customers WHERE id = ?').pluck();
  const find = (label: string, inputs: string[], who: SessionCtx) => {
    // Each input gets RUNS / inputs runs; the case's figures pool them (≥ RUNS samples in all).
    const per = Math.ceil(RUNS / inputs.length);
    const all: { s: number[]; p: number[]; rs: number; rp: number } = { s: [], p: [], rs: 0, rp: 0 };
    for (const input of inputs) {
      const parsed = parseSearchInput(input)!;
      const qs = search.candidateQueries(who, parsed).map((c) => search.toQuery(c) as Q);
      const a = timeSqlite(qs, per);
      const b = timePg(qs, per);
      all.s.push(...a.ms);
      all.p.push(...b.ms);
      all.rs += a.rows;
      all.rp += b.rows;
    }
      const row: Row = { case: label, runs: all.s.length, sqlite: { p50: r2(pct(all.s, 50)), p95: r2(pct(all.s, 95)), rows: all.rs }, pg: { p50: r2(pct(all.p, 50)), p95: r2(pct(all.p, 95)), rows: all.rp } };
    report(row, `candidate rows ${all.rs} over ${inputs.length} inputs`);
  };
  const last4 = samples.map((id) => (phone.get(id) as string).slice(-4));
  const mid4 = samples.map((id) => (phone.get(id) as string).slice(-8, -4));
  const two = samples.map((id) => [...(name.get(id) as string)].slice(0, 2).join(''));
  const three = samples.map((id) => [...(name.get(id) as string)].slice(-3).join(''));
  console.log('');
  find('quick find: phone last 4 digits (admin)', last4, admin);
  find('quick find: phone middle 4 digits (admin)', mid4, admin);
  find('quick find: 2-character name (admin)', two, admin);
  find('quick find: 3-character name fragment (admin)', three, admin);
  find('quick find: phone last 4 digits (consultant)', last4, sales1);

  console.log(`\nSQLite → pg rewrites applied (statements): ${JSON.stringify(rewrites())}`);
  fs.writeFileSync(OUT, JSON.stringify({ at: new Date().toISOString(), runs: RUNS, results, rewrites: rewrites() }, null, 2));
  console.log(`figures: ${OUT}`);
}

try {
  main();
} finally {
  sqlite.close();
}
