import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { createCore } from '../../electron/node/core';
import { AUDIT_CHECKS } from '../../electron/common/api/self-audit';
import { todayIn } from '../../electron/common/dates';
import { allCountsSql, countSql, defaultAuditRange } from '../../electron/node/features/self-audit/checks';
import { apiAgainstSql, bareStatements } from './api-vs-sql';
import { log, round, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';
const RUNS = 10;

/**
 * audit.all_checks.ms: 审核自查's first load — every check over the last six months through the
 * whole API path (dispatch, read pool), p95 of RUNS calls, against the same statement (the nine
 * counts joined by UNION ALL) prepared with better-sqlite3. Each count's EXPLAIN QUERY PLAN is
 * logged (docs/self-audit.md keeps them).
 */
export async function benchSelfAudit(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  try {
    const { token } = await core.auth.login('admin', DEMO_PASSWORD);
    const tz = core.settings.get('dealer.timeZone');
    const range = defaultAuditRange(todayIn(tz, core.clock.now()));
    const ctx = { range, timeZone: tz, now: core.clock.now() };
    const queries = AUDIT_CHECKS.map((c) => countSql(c.no, ctx));
    const dialect = new SQLiteSyncDialect();
    AUDIT_CHECKS.forEach((c, i) => {
      const { sql, params } = dialect.sqlToQuery(queries[i]!);
      const plan = (core.sqlite.prepare(`explain query plan ${sql}`).all(...(params as unknown[])) as { detail: string }[]).map((r) => r.detail);
      log(`audit check ${c.no} plan: ${plan.join(' | ')}`);
    });
    const { first, p95, p95raw } = await apiAgainstSql(core, token, 'selfAudit.checks', {}, bareStatements(core, [allCountsSql(ctx)]), { runs: RUNS, warmup: 2 });
    log(`audit.all_checks ${range.from}..${range.to}: first call ${first.toFixed(1)} ms, p95 ${p95.toFixed(2)} ms, bare SQL ${p95raw.toFixed(2)} ms`);
    return [{ name: 'audit.all_checks.ms', value: round(p95), unit: 'ms', baseline: round(p95raw), goal: '≤ 2,000 ms' }];
  } finally {
    core.close();
  }
}
