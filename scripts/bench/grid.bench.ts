import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { gridQuerySchema } from '../../electron/common/api/grid';
import { createCore } from '../../electron/node/core';
import { datasetDef } from '../../electron/node/features/grid/datasets';
import { dispatch } from '../../electron/node/dispatch';
import { log, percentile, round, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';

/** Five conditions across columns: what a user builds in the advanced-find panel. */
const FILTER5 = {
  columns: [],
  advanced: {
    join: 'and',
    conditions: [
      { col: 'gender', op: 'in', values: ['male', 'female'] },
      { col: 'source', op: 'notIn', values: ['outbound'] },
      { col: 'city', op: 'notBlank' },
      { col: 'dndCall', op: 'isFalse' },
      { col: 'createdAt', op: 'gte', value: '2015-01-01' },
    ],
  },
};
const COLUMNS = ['name', 'gender', 'phone', 'city', 'source', 'ownerName', 'vehicleModel', 'vehiclePlate', 'createdAt'];

/**
 * grid.page_sort_filter5.p95_ms: pages of 100 rows, sorted, 5-condition filter, walked with the
 * cursor, through the whole API path — versus the same SQL text and parameters on a raw
 * better-sqlite3 prepared statement. grid.group2.ms: two-level group counts (both levels).
 * export.xlsx_10k.ms: 10,000 rows to xlsx through grid.export.
 */
export async function benchGrid(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  try {
    const { token } = await core.auth.login('admin', DEMO_PASSWORD);
    const grid = core.services.grid.grid;
    const me = core.auth.resolve(token);
    if (!me) throw new Error('no session');
    const dialect = new SQLiteSyncDialect();
    const sorts = [[{ col: 'name', dir: 'asc' }], [{ col: 'createdAt', dir: 'desc' }], [{ col: 'city', dir: 'desc' }, { col: 'name', dir: 'desc' }], [{ col: 'name', dir: 'desc' }]];
    const api: number[] = [];
    const base: number[] = [];
    for (const sort of sorts) {
      const mark = api.length;
      let cursor: string | null = null;
      for (let page = 0; page < 60; page++) {
        const input = { dataset: 'customers', scope: 'all', columns: COLUMNS, sort, filter: FILTER5, limit: 100, cursor };
        // The same SQL text and parameters, on a raw prepared statement. Pages alternate which
        // side goes first, so neither always finds the pages warm.
        const plan = grid.plan(me, gridQuerySchema.parse(input));
        const q = dialect.sqlToQuery(plan.stmt);
        const stmt = core.sqlite.prepare(q.sql);
        const timeRaw = () => {
          const t1 = performance.now();
          const rows = stmt.all(...(q.params as unknown[]));
          return { dr: performance.now() - t1, n: rows.length };
        };
        const first = page % 2 ? timeRaw() : null;
        const t0 = performance.now();
        const r = await dispatch(core, token, 'grid.query', input);
        const dt = performance.now() - t0;
        const { dr, n } = first ?? timeRaw();
        if (!r.result.ok) throw new Error(`grid.query: ${r.result.error.message}`);
        const value = r.result.value as { nextCursor: string | null; rows: unknown[] };
        if (n !== value.rows.length) throw new Error('baseline disagrees');
        if (page > 0) {
          api.push(dt);
          base.push(dr);
        }
        cursor = value.nextCursor;
        if (!cursor) break;
      }
      log(`  sort ${sort.map((x) => `${x.col} ${x.dir}`).join(', ')}: max ${Math.max(...api.slice(mark)).toFixed(1)} ms, raw max ${Math.max(...base.slice(mark)).toFixed(1)} ms`);
    }
    const p95 = percentile(api, 95);
    const p95raw = percentile(base, 95);
    log(`grid page p95 ${p95.toFixed(2)} ms, raw ${p95raw.toFixed(2)} ms (${(p95 / p95raw).toFixed(2)}×, ${api.length} pages)`);

    const g = { dataset: 'customers', scope: 'all', columns: COLUMNS, groupBy: ['source', 'gender'], limit: 500 };
    const groupOnce = async () => {
      const t0 = performance.now();
      const l1 = await dispatch(core, token, 'grid.query', g);
      if (!l1.result.ok) throw new Error(l1.result.error.message);
      const first = (l1.result.value as { groups: { key: unknown }[] }).groups[0]!.key;
      const l2 = await dispatch(core, token, 'grid.query', { ...g, groupKeys: [first] });
      if (!l2.result.ok) throw new Error(l2.result.error.message);
      return performance.now() - t0;
    };
    await groupOnce();
    const groupMs = Math.min(await groupOnce(), await groupOnce(), await groupOnce());
    log(`two-level group counts ${groupMs.toFixed(1)} ms`);

    // Every column a user may drag into the group bar, on its own over all customers: the slowest
    // one is the figure (no column should leave a user waiting seconds for its groups).
    let slowest = { col: '', ms: 0 };
    for (const col of datasetDef('customers').columns.filter((c) => c.groupable)) {
      const once = async () => {
        const t1 = performance.now();
        const r1 = await dispatch(core, token, 'grid.query', { ...g, groupBy: [col.id] });
        if (!r1.result.ok) throw new Error(r1.result.error.message);
        return performance.now() - t1;
      };
      await once();
      const ms = Math.min(await once(), await once());
      log(`  group by ${col.id}: ${ms.toFixed(1)} ms`);
      if (ms > slowest.ms) slowest = { col: col.id, ms };
    }
    log(`slowest one-level group: ${slowest.col} ${slowest.ms.toFixed(1)} ms`);

    const ex = {
      dataset: 'customers',
      scope: 'all',
      columns: COLUMNS,
      sort: [{ col: 'name', dir: 'asc' }],
      filter: { columns: [{ join: 'and', conditions: [{ col: 'id', op: 'lte', value: 10_000 }] }] },
      exportId: 'bench-export',
    };
    const t0 = performance.now();
    const r = await dispatch(core, token, 'grid.export', ex);
    const exportMs = performance.now() - t0;
    if (!r.result.ok) throw new Error(`grid.export: ${r.result.error.message}`);
    log(`export of ${(r.result.value as { rows: number }).rows} rows ${exportMs.toFixed(0)} ms`);
    return [
      { name: 'grid.page_sort_filter5.p95_ms', value: round(p95), unit: 'ms', baseline: round(p95raw), goal: '≤ 50 ms and ≤ 1.5× baseline' },
      { name: 'grid.group2.ms', value: round(groupMs, 1), unit: 'ms', baseline: null, goal: '≤ 150 ms' },
      { name: 'grid.group_any_column.max_ms', value: round(slowest.ms, 1), unit: 'ms', baseline: null, goal: `≤ 500 ms (slowest: ${slowest.col})` },
      { name: 'export.xlsx_10k.ms', value: round(exportMs, 0), unit: 'ms', baseline: null, goal: '≤ 2,000 ms' },
    ];
  } finally {
    core.close();
  }
}
