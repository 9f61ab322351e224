import { createCore, type Core } from '../../electron/node/core';
import type { SessionCtx } from '../../electron/node/features/auth/service';
import { dispatch } from '../../electron/node/dispatch';
import { addMonths, todayIn } from '../../electron/common/dates';
import { apiAgainstSql, bareStatements } from './api-vs-sql';
import { log, round, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';
const RUNS = 60;

/**
 * sales.funnel.ms: the funnel and forecast of the current month for all consultants (scope 'all',
 * as the general manager / admin sees it) through the whole API path, p95 of RUNS calls, next to
 * the same two SQL statements (open pipeline by stage + deals won in the month) run with raw
 * better-sqlite3 statements.
 */
export async function benchSales(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  try {
    const { token, session } = await core.auth.login('admin', DEMO_PASSWORD);
    const opps = (core.sqlite.prepare('select count(*) as n from opportunities').get() as { n: number }).n;
    // This month (deals won so far + what is still expected) and next month (a full month of pipeline): the slower counts.
    const today = todayIn(core.settings.get('dealer.timeZone'), core.clock.now());
    const next = addMonths(today, 1).slice(0, 7);
    let worst: Metric | null = null;
    for (const month of [today.slice(0, 7), next]) {
      const m = await benchMonth(core, token, session, month, opps);
      if (!worst || m.value > worst.value) worst = m;
    }
    return [worst!, await benchReassign(core, token)];
  } finally {
    core.close();
  }
}

async function benchMonth(core: Core, token: string, session: SessionCtx, month: string, opps: number): Promise<Metric> {
  {
    const input = { month, scope: 'all' as const };
    const plan = core.services.analysis.funnel.plan(session, input);
    const raw = bareStatements(core, [plan.open, plan.won]);
    const { p95, p95raw, last } = await apiAgainstSql(core, token, 'sales.funnel.get', input, raw, { runs: RUNS, warmup: 5 });
    const leads = (last as { totals: { leads: number } } | null)?.totals.leads ?? 0;
    log(`sales.funnel ${month} over ${opps.toLocaleString()} opportunities (${leads.toLocaleString()} in the month's funnel): p95 ${p95.toFixed(2)} ms, raw ${p95raw.toFixed(2)} ms`);
    return { name: 'sales.funnel.ms', value: round(p95), unit: 'ms', baseline: round(p95raw), goal: '≤ 100 ms' };
  }
}

/**
 * sales.reassign_10k.ms: one 客户资源分配 of 10,000 selected customers (with their open
 * opportunities, planned activities and 10,001 audit rows) through the API, inside an outer
 * transaction that is rolled back so the bench database stays as seeded. Median of 3.
 */
async function benchReassign(core: Core, token: string): Promise<Metric> {
  const from = core.sqlite.prepare("select u.id from users u where u.username = 'sales1'").pluck().get() as number;
  const to = core.sqlite.prepare("select u.id from users u where u.username = 'sales2'").pluck().get() as number;
  const ids = core.sqlite.prepare('select id from customers where owner_id = ? order by id limit 10000').pluck().all(from) as number[];
  const times: number[] = [];
  let moved = { customers: 0, opportunities: 0, activities: 0 };
  for (let i = 0; i < 3; i++) {
    core.sqlite.exec('begin');
    try {
      const t0 = performance.now();
      const r = await dispatch(core, token, 'customers.reassign', { selection: { ids }, toConsultantId: to });
      times.push(performance.now() - t0);
      if (!r.result.ok) throw new Error(`customers.reassign: ${r.result.error.message}`);
      moved = r.result.value as typeof moved;
    } finally {
      core.sqlite.exec('rollback');
    }
  }
  const median = [...times].sort((a, b) => a - b)[1]!;
  log(`customers.reassign of ${moved.customers.toLocaleString()} customers (${moved.opportunities.toLocaleString()} opportunities, ${moved.activities.toLocaleString()} plans): median ${median.toFixed(0)} ms`);
  return { name: 'sales.reassign_10k.ms', value: round(median, 1), unit: 'ms', baseline: null, goal: 'one step' };
}
