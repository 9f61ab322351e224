import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { REMINDER_DATASETS, REMINDER_KINDS, reminderPreset, type ReminderKind } from '../../electron/common/api/reminders';
import { REVISIT_DATASETS, REVISIT_KINDS, revisitPreset, type RevisitKind } from '../../electron/common/api/revisits';
import { gridQuerySchema, type GridQuery } from '../../electron/common/api/grid';
import { datasetDef } from '../../electron/node/features/grid/datasets';
import { createCore, type Core } from '../../electron/node/core';
import { dispatch } from '../../electron/node/dispatch';
import type { ReminderService } from '../../electron/node/features/service/reminders';
import { log, percentile, round, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';
const RUNS = 20;

/**
 * reminders.<kind>.ms: the first page (100 rows) and the counts (total, DND left out) of each
 * reminder list for its default range as a customer-service agent sees it (scope 'all'), through
 * the whole API path, p95 of RUNS calls; churn.ms the same for the churn warning. The baseline runs
 * the same two SQL statements with raw better-sqlite3.
 */
export async function benchReminders(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  try {
    const { token, session } = await core.auth.login('service1', DEMO_PASSWORD);
    const out: Metric[] = [];
    for (const kind of REMINDER_KINDS) out.push(await benchKind(core, token, session, kind));
    for (const kind of REMINDER_KINDS) out.push(await benchGridPath(core, token, session, kind));
    for (const kind of REVISIT_KINDS) out.push(await benchGridPath(core, token, session, kind));
    return out;
  } finally {
    core.close();
  }
}

/**
 * p95 of one API call through dispatch (the whole handler path) next to p95 of the same SQL run
 * bare (`raw`), after 3 warm-up rounds, interleaved so both see the same cache and load.
 */
async function p95ApiAndRaw(core: Core, token: string, method: string, input: unknown, raw: (() => unknown)[]): Promise<{ p95: number; p95raw: number; last: unknown }> {
  const timeApi = async () => {
    const t0 = performance.now();
    const r = await dispatch(core, token, method, input);
    const dt = performance.now() - t0;
    if (!r.result.ok) throw new Error(`${method}: ${r.result.error.message}`);
    return dt;
  };
  const timeRaw = () => {
    const t0 = performance.now();
    for (const q of raw) q();
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) {
    await timeApi();
    timeRaw();
  }
  const api: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    api.push(await timeApi());
    base.push(timeRaw());
  }
  const r = await dispatch(core, token, method, input);
  return { p95: percentile(api, 95), p95raw: percentile(base, 95), last: r.result.ok ? r.result.value : null };
}

async function benchKind(core: Core, token: string, session: Parameters<ReminderService['statements']>[0], kind: ReminderKind): Promise<Metric> {
  const input = { kind, offset: 0, limit: 100 };
  const { count, dnd, page } = core.services.reminders.statements(session, input);
  const dialect = new SQLiteSyncDialect();
  const prep = (q: Parameters<typeof dialect.sqlToQuery>[0]) => {
    const { sql, params } = dialect.sqlToQuery(q);
    const st = core.sqlite.prepare(sql);
    return () => st.all(...(params as unknown[])) as { n: number }[];
  };
  const countRaw = prep(count);
  const n = countRaw()[0]!.n;
  const raw = [countRaw, prep(dnd(n)), prep(page)];
  const m = await p95ApiAndRaw(core, token, 'reminders.list', input, raw);
  const v = m.last as { total: number; leftOutDnd: number; from: string; to: string } | null;
  const { p95, p95raw } = m;
  log(`reminders.list ${kind} ${v?.from}…${v?.to}: ${v?.total.toLocaleString()} rows (+${v?.leftOutDnd.toLocaleString()} DND left out): p95 ${p95.toFixed(2)} ms, raw ${p95raw.toFixed(2)} ms`);
  const churn = kind === 'churn';
  return { name: churn ? 'churn.ms' : `reminders.${kind}.ms`, value: round(p95), unit: 'ms', baseline: round(p95raw), goal: churn ? '≤ 500 ms' : '≤ 200 ms' };
}

/**
 * reminders.<kind>.grid.ms (churn.grid.ms): what the 提醒服务 screen asks for a list — the grid's
 * first page (100 rows, the data set's default columns and sort, with its total) of the list's
 * data set with the rule pinned as the preset for the default range, scope 'all', through the
 * whole API path; baseline: the same SQL (page + count) on raw better-sqlite3. The screen also
 * calls reminders.list once per 查看 for the DND count (the figure above).
 * revisits.<sales|repair>.grid.ms: the same for the 待回访 tab of the last 3 days.
 */
async function benchGridPath(core: Core, token: string, session: Parameters<ReminderService['statements']>[0], kind: ReminderKind | RevisitKind): Promise<Metric> {
  const revisit = kind === 'sales' || kind === 'repair';
  const dataset = revisit ? REVISIT_DATASETS[kind] : REMINDER_DATASETS[kind];
  const preset = revisit ? revisitPreset('pending') : reminderPreset(kind, {});
  const def = datasetDef(dataset);
  const input: GridQuery = {
    dataset,
    scope: 'all',
    filter: { columns: [], preset },
    columns: def.columns.filter((c) => c.defaultVisible).map((c) => c.id),
    sort: def.defaultSort,
    limit: 100,
    withTotal: true,
  };
  const plan = core.services.grid.grid.plan(session!, gridQuerySchema.parse(input));
  const dialect = new SQLiteSyncDialect();
  const raw = [plan.stmt, plan.totalSql!].map((q) => {
    const { sql, params } = dialect.sqlToQuery(q);
    const st = core.sqlite.prepare(sql);
    return () => st.all(...(params as unknown[]));
  });
  const m = await p95ApiAndRaw(core, token, 'grid.query', input, raw);
  const total = (m.last as { total: number | null } | null)?.total ?? null;
  const { p95, p95raw } = m;
  log(`grid.query ${dataset} (preset ${preset}): ${total?.toLocaleString()} rows: p95 ${p95.toFixed(2)} ms, raw ${p95raw.toFixed(2)} ms`);
  const churn = kind === 'churn';
  const name = revisit ? `revisits.${kind}.grid.ms` : churn ? 'churn.grid.ms' : `reminders.${kind}.grid.ms`;
  return { name, value: round(p95), unit: 'ms', baseline: round(p95raw), goal: churn ? '≤ 500 ms' : '≤ 200 ms' };
}
