import { createCore } from '../../electron/node/core';
import { comparePeriod, periodRange, type Period } from '../../electron/common/analysis';
import { todayIn } from '../../electron/common/dates';
import { consultantFilter } from '../../electron/node/features/analysis';
import { TrafficService } from '../../electron/node/features/analysis/traffic';
import { SalesService } from '../../electron/node/features/analysis/sales';
import { AftersalesService } from '../../electron/node/features/analysis/aftersales';
import { CallsService } from '../../electron/node/features/analysis/calls';
import { dispatch } from '../../electron/node/dispatch';
import { apiAgainstSql, bareStatements } from './api-vs-sql';
import { log, percentile, round, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';
const RUNS = 30;

/**
 * analysis.traffic.ms: 集客分析's first load — this month against last month for everyone (scope
 * 'all', as the general manager opens it) through the whole API path (dispatch, read pool, every
 * breakdown and its drill queries), p95 of RUNS calls; the baseline is the same four statements
 * (visits and walk-ins of both months) as prepared better-sqlite3 statements. The very first call
 * (cold statement cache and pages) is logged beside it.
 */
export async function benchAnalysis(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  try {
    const { token, session } = await core.auth.login('admin', DEMO_PASSWORD);
    const today = todayIn(core.settings.get('dealer.timeZone'), core.clock.now());
    const period: Period = { kind: 'month', anchor: today };
    const input = { period, compare: 'previous' as const, scope: 'all' as const };
    const svc = new TrafficService(core);
    const ranges = [periodRange(period), periodRange(comparePeriod(period, 'previous')!)];
    const raw = bareStatements(
      core,
      ranges.flatMap((r) => [svc.visitsSql(r, consultantFilter(core, session, 'all', 'sv.consultant_id')), svc.walkInsSql(r, consultantFilter(core, session, 'all', 'w.consultant_id'))]),
    );
    const { first, p95, p95raw } = await apiAgainstSql(core, token, 'analysis.traffic.get', input, raw, { runs: RUNS });
    const visits = core.sqlite.prepare('select count(*) from showroom_visits where visit_date between ? and ?').pluck().get(ranges[0]!.from, ranges[0]!.to) as number;
    log(`analysis.traffic ${ranges[0]!.from}..${ranges[0]!.to} (${visits.toLocaleString()} visits this month): first call ${first.toFixed(1)} ms, p95 ${p95.toFixed(2)} ms, bare SQL ${p95raw.toFixed(2)} ms`);
    const traffic: Metric = { name: 'analysis.traffic.ms', value: round(p95), unit: 'ms', baseline: round(p95raw), goal: '≤ 500 ms, ≤ 1.5 × bare SQL' };

    // analysis.sales.ms: 销售分析's first load, the same month against the month before; baseline its
    // statements (each period's counts and stage days, the ranking, the forecast).
    const sales = new SalesService(core);
    const salesRaw = bareStatements(core, sales.firstLoadSql(session, input));
    const s = await apiAgainstSql(core, token, 'analysis.sales.get', input, salesRaw, { runs: RUNS });
    log(`analysis.sales ${ranges[0]!.from}..${ranges[0]!.to}: first call ${s.first.toFixed(1)} ms, p95 ${s.p95.toFixed(2)} ms, bare SQL ${s.p95raw.toFixed(2)} ms`);
    const salesMetric: Metric = { name: 'analysis.sales.ms', value: round(s.p95), unit: 'ms', baseline: round(s.p95raw), goal: '≤ 500 ms, ≤ 1.5 × bare SQL' };
    // analysis.aftersales.ms: 售后 / 客服's first load (dealer-wide), the same month against the month
    // before; baseline its two statements (one UNION ALL of every count per period).
    const aftersales = new AftersalesService(core);
    const afterRaw = bareStatements(core, ranges.map((r) => aftersales.countsSql(r)));
    const a = await apiAgainstSql(core, token, 'analysis.aftersales.get', { period, compare: 'previous' as const }, afterRaw, { runs: RUNS });
    log(`analysis.aftersales ${ranges[0]!.from}..${ranges[0]!.to}: first call ${a.first.toFixed(1)} ms, p95 ${a.p95.toFixed(2)} ms, bare SQL ${a.p95raw.toFixed(2)} ms`);
    const aftersalesMetric: Metric = { name: 'analysis.aftersales.ms', value: round(a.p95), unit: 'ms', baseline: round(a.p95raw), goal: '≤ 500 ms, ≤ 1.5 × bare SQL' };
    // analysis.calls.ms: 呼叫中心's first load (all agents), the same month against the month before;
    // baseline its statements (each period's groups, median ring time and missed calls called back).
    const calls = new CallsService(core);
    const callsRaw = bareStatements(core, ranges.flatMap((r) => [calls.groupsSql(r), calls.medianSql(r), calls.calledBackCountSql(r)]));
    const c = await apiAgainstSql(core, token, 'analysis.calls.get', { period, compare: 'previous' as const }, callsRaw, { runs: RUNS });
    const monthCalls = core.sqlite.prepare('select count(*) from calls where started_at >= ? and started_at < ?').pluck().get(...calls.ctx(ranges[1]!).ms) as number;
    log(`analysis.calls ${ranges[0]!.from}..${ranges[0]!.to} (${monthCalls.toLocaleString()} calls in the compared month): first call ${c.first.toFixed(1)} ms, p95 ${c.p95.toFixed(2)} ms, bare SQL ${c.p95raw.toFixed(2)} ms`);
    const callsMetric: Metric = { name: 'analysis.calls.ms', value: round(c.p95), unit: 'ms', baseline: round(c.p95raw), goal: '≤ 500 ms, ≤ 1.5 × bare SQL' };
    return [traffic, salesMetric, aftersalesMetric, callsMetric, await benchMonthlyXlsx(core, token, today.slice(0, 7))];
  } finally {
    core.close();
  }
}

/**
 * report.monthly_xlsx.ms: 总经理月报's workbook for this month as the administrator opens it (every
 * section, each counted with last month) through dispatch — the sections' statements on the read
 * pool, exceljs in memory, the audit row — p95 of XLSX_RUNS after one warm-up; the first call is logged.
 */
const XLSX_RUNS = 10;
async function benchMonthlyXlsx(core: Awaited<ReturnType<typeof createCore>>, token: string, month: string): Promise<Metric> {
  const once = async () => {
    const t0 = performance.now();
    const r = await dispatch(core, token, 'analysis.monthly.xlsx', { month });
    const dt = performance.now() - t0;
    if (!r.result.ok) throw new Error(`analysis.monthly.xlsx: ${r.result.error.message}`);
    return dt;
  };
  const first = await once();
  const times: number[] = [];
  for (let i = 0; i < XLSX_RUNS; i++) times.push(await once());
  const p95 = percentile(times, 95);
  log(`report.monthly_xlsx ${month}: first call ${first.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  return { name: 'report.monthly_xlsx.ms', value: round(p95), unit: 'ms', baseline: null, goal: '≤ 3,000 ms' };
}
