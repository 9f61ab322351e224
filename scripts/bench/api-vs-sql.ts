import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { SQL } from 'drizzle-orm';
import type { Core } from '../../electron/node/core';
import { dispatch } from '../../electron/node/dispatch';
import { percentile } from './stats';

/**
 * The same statements a method runs, as bare prepared better-sqlite3 statements: the baseline the
 * issues set the API's figures against ("≤ 1.5 × the same query in bare SQL").
 */
export function bareStatements(core: Pick<Core, 'sqlite'>, queries: readonly SQL[]): (() => unknown[])[] {
  const dialect = new SQLiteSyncDialect();
  return queries.map((q) => {
    const { sql, params } = dialect.sqlToQuery(q);
    const st = core.sqlite.prepare(sql);
    return () => st.all(...(params as unknown[]));
  });
}

export interface ApiAgainstSql {
  /** The very first call (cold statement cache and pages), before any warm-up. */
  first: number;
  p95: number;
  p95raw: number;
  /** The method's answer after the timed runs (for the log line: how many rows the figure covers). */
  last: unknown;
}

/**
 * p95 of one API call through dispatch (the whole handler path: session, zod, read pool) next to
 * p95 of the same SQL run bare, after `warmup` rounds; the two alternate which goes first so both
 * see the same cache and load.
 */
export async function apiAgainstSql(core: Core, token: string, method: string, input: unknown, bare: readonly (() => unknown)[], opts: { runs: number; warmup?: number }): Promise<ApiAgainstSql> {
  const timeApi = async () => {
    const t0 = performance.now();
    const r = await dispatch(core, token, method, input);
    const dt = performance.now() - t0;
    if (!r.result.ok) throw new Error(`${method}: ${r.result.error.message}`);
    return dt;
  };
  const timeBare = () => {
    const t0 = performance.now();
    for (const q of bare) q();
    return performance.now() - t0;
  };
  const first = await timeApi();
  for (let i = 0; i < (opts.warmup ?? 3); i++) {
    await timeApi();
    timeBare();
  }
  const api: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    if (i % 2) {
      api.push(await timeApi());
      base.push(timeBare());
    } else {
      base.push(timeBare());
      api.push(await timeApi());
    }
  }
  const r = await dispatch(core, token, method, input);
  return { first, p95: percentile(api, 95), p95raw: percentile(base, 95), last: r.result.ok ? r.result.value : null };
}
