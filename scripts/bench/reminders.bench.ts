import { REMINDER_DATASETS, REMINDER_KINDS, reminderPreset, type ReminderKind } from '../../electron/common/api/reminders';
import { REVISIT_DATASETS, REVISIT_KINDS, revisitPreset, type RevisitKind } from '../../electron/common/api/revisits';
import { gridQuerySchema, type GridQuery } from '../../electron/common/api/grid';
import { datasetDef } from '../../electron/node/features/grid/datasets';
import { createCore, type Core } from '../../electron/node/core';
import type { ReminderService } from '../../electron/node/features/service/reminders';
import { apiAgainstSql, bareStatements } from './api-vs-sql';
import { log, round, type Metric } from './stats';

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

async function benchKind(core: Core, token: string, session: Parameters<ReminderService['statements']>[0], kind: ReminderKind): Promise<Metric> {
  const input = { kind, offset: 0, limit: 100 };
  const { count, dnd, page } = core.services.reminders.statements(session, input);
  const [countRaw] = bareStatements(core, [count]);
  const n = (countRaw!()[0] as { n: number }).n;
  const raw = [countRaw!, ...bareStatements(core, [dnd(n), page])];
  const m = await apiAgainstSql(core, token, 'reminders.list', input, raw, { runs: RUNS });
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
  const raw = bareStatements(core, [plan.stmt, plan.totalSql!]);
  const m = await apiAgainstSql(core, token, 'grid.query', input, raw, { runs: RUNS });
  const total = (m.last as { total: number | null } | null)?.total ?? null;
  const { p95, p95raw } = m;
  log(`grid.query ${dataset} (preset ${preset}): ${total?.toLocaleString()} rows: p95 ${p95.toFixed(2)} ms, raw ${p95raw.toFixed(2)} ms`);
  const churn = kind === 'churn';
  const name = revisit ? `revisits.${kind}.grid.ms` : churn ? 'churn.grid.ms' : `reminders.${kind}.grid.ms`;
  return { name, value: round(p95), unit: 'ms', baseline: round(p95raw), goal: churn ? '≤ 500 ms' : '≤ 200 ms' };
}
