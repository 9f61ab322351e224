import fs from 'node:fs';
import { GRID_VALUE_TEXTS } from './value-texts';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql, type SQL } from 'drizzle-orm';
import { readAll } from '../../read-pool/read-sql';
import { EXPORT_MAX_ROWS, gridQuerySchema, type Dataset, type EnumValue, type GridColumnMeta, type GridFilter, type GridPage, type GridSort, type Scope } from '../../../common/api/grid';
import type { z } from 'zod';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { AppError } from '../../errors';
import { writeAudit } from '../admin';
import { formatPhone } from '../../../common/phone';
import { datasetDef, type ColumnDef, type DatasetDef } from './datasets';
import { assertMayDescribeDataset, assertMayReadDataset } from './dataset-access';
import { and, column, decodeCursor, encodeCursor, filterSql, invalid, keyset, orderBy, type BuildCtx, type IdDir } from './query';

type Q = z.output<typeof gridQuerySchema>;
type Sel = { dataset: Dataset; scope: Scope; filter: GridFilter };

const maskId = (v: unknown) => (typeof v === 'string' && v.length > 8 ? `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}` : v);

export class GridService {

  constructor(private core: Core) {}

  /**
   * Every page, group count and count runs on the core's read pool (read-pool.ts): the SQL, with
   * the session's scope and the data set's roles, is built here on the main thread; only its
   * execution moves to a worker, so a manager's group-by over 1M customers no longer holds up
   * every other seat's call. Statements are prepared once per text there.
   */
  private all<T>(q: SQL, opts: { memo?: boolean } = {}): Promise<T[]> {
    return readAll<T>(this.core.reads, q, opts);
  }

  private enumValues(c: ColumnDef): EnumValue[] | undefined {
    if (c.enumValues) return c.enumValues;
    if (!c.dict) return undefined;
    return this.core.sqlite
      .prepare('select code as value, label_zh as zh, label_en as en from dictionaries where kind = ? and active = 1 order by sort, code')
      .all(c.dict) as EnumValue[];
  }

  columns(_s: SessionCtx, dataset: Dataset): { columns: GridColumnMeta[]; defaultSort: GridSort[]; scopes: Scope[] } {
    assertMayDescribeDataset(_s, dataset, this.core.auth.moduleOverrides(_s.user.id));
    const def = datasetDef(dataset);
    const columns = def.columns.map(({ expr: _e, dict: _d, nullable: _n, masked: _m, counted: _c, ...meta }) => ({ ...meta, enumValues: this.enumValues(def.columns.find((c) => c.id === meta.id)!) }));
    return { columns, defaultSort: def.defaultSort, scopes: this.scopesOf(_s).filter((sc) => sc === 'mine' || !def.widerScopesNeed || this.core.auth.hasPermission(_s, def.widerScopesNeed)) };
  }

  scopesOf(s: SessionCtx): Scope[] {
    return this.core.visibility.scopesOf(s);
  }

  private scopeSql(s: SessionCtx, scope: Scope, def: DatasetDef): SQL {
    if (!this.scopesOf(s).includes(scope)) throw new AppError('FORBIDDEN');
    if (scope !== 'mine' && def.widerScopesNeed && !this.core.auth.hasPermission(s, def.widerScopesNeed)) throw new AppError('FORBIDDEN');
    if (def.shared) return sql`1`;
    return this.core.visibility.ownedSql(s, scope, def.owner ?? 'c.owner_id');
  }

  private ctx(def: DatasetDef): BuildCtx {
    return { def, timeZone: this.core.settings.get('dealer.timeZone'), now: this.core.clock.now(), areaCode: this.core.settings.areaCode() };
  }

  private where(s: SessionCtx, sel: Sel, extra: SQL[] = [], keepSortIndex = false): { def: DatasetDef; where: SQL; filtered: boolean } {
    // Every row read (page, count, export, "all N matching") passes here: the data set's screen roles first.
    assertMayReadDataset(s, sel.dataset, sel.filter.preset, this.core.auth.moduleOverrides(s.user.id));
    const def = datasetDef(sel.dataset);
    const filters = filterSql({ ...this.ctx(def), keepSortIndex }, sel.filter);
    return { def, where: and([this.scopeSql(s, sel.scope, def), ...filters, ...extra]), filtered: filters.length > 0 };
  }

  async count(s: SessionCtx, sel: Sel): Promise<number> {
    const { def, where } = this.where(s, sel);
    return (await this.all<{ n: number }>(sql`select count(*) as n from ${sql.raw(def.from)} where ${where}`))[0]!.n;
  }

  /** The SQL of one grid.query call (rows or group counts), without running it: the bench runs it raw too. */
  plan(s: SessionCtx, q: Q): { kind: 'rows' | 'groups'; stmt: SQL; cols: ColumnDef[]; sort: GridSort[]; idDir?: IdDir; level: number; groupCol: ColumnDef | null; totalSql: SQL | null } {
    const def = datasetDef(q.dataset);
    if (q.groupKeys.length > q.groupBy.length) throw invalid('more group keys than group columns');
    if (new Set(q.groupBy).size !== q.groupBy.length) throw invalid('a column is grouped twice');
    const groupCols = q.groupBy.map((g) => column(def, g, 'groupable'));
    const keyValues = q.groupKeys.map((k, i) => (k === null ? null : groupCols[i]!.type === 'boolean' ? (k === 1 || k === '1' || k === 'true' ? 1 : 0) : k));
    const keyParts = keyValues.map((v, i) => {
      const gcol = groupCols[i]!;
      const e = sql.raw(gcol.groupKey?.expr ?? gcol.expr);
      return v === null ? sql`${e} is null` : sql`${e} = ${v}`;
    });
    const isRows = q.groupKeys.length >= q.groupBy.length;
    const { where, filtered } = this.where(s, q, keyParts, isRows && q.sort.length > 0);

    if (!isRows) {
      const level = q.groupKeys.length;
      const gc = groupCols[level]!;
      const e = sql.raw(gc.groupKey?.expr ?? gc.expr);
      // Unfiltered counts of counted columns come from the kept tables: the first level from
      // customer_group_counts, the second (inside one first-level group) from the pair counts.
      const outer = level === 1 ? groupCols[0]! : null;
      const counted = !filtered && !!gc.counted && (level === 0 || (level === 1 && !!outer!.counted));
      const counts = !counted
        ? sql`select ${e} as k, count(*) as n from ${sql.raw(def.from)} where ${where} group by 1`
        : level === 0
          ? this.countedGroups(s, q.scope, gc.counted!)
          : this.countedPairGroups(s, q.scope, { dim: outer!.counted!, key: keyValues[0]! }, gc.counted!);
      const page = sql`limit ${q.limit} offset ${q.offset ?? 0}`;
      return {
        kind: 'groups',
        // With a group key the groups are counted by key, then labelled and ordered by label
        // (blank first, as for plain columns); two owners with one name stay two groups.
        stmt: gc.groupKey
          ? sql`select g.k as k, g.n as n, ${sql.raw(gc.groupKey.label)} as l from (${counts}) g order by g.k is not null, l, g.k ${page}`
          : sql`${counts} order by 1 ${page}`,
        cols: [],
        sort: [],
        level,
        groupCol: gc,
        totalSql: !q.withTotal ? null : counted ? sql`select count(*) as n from (${counts})` : sql`select count(*) as n from (select 1 from ${sql.raw(def.from)} where ${where} group by ${e})`,
      };
    }

    for (const s2 of q.sort) column(def, s2.col, 'sortable');
    if (new Set(q.sort.map((x) => x.col)).size !== q.sort.length) throw invalid('a column is sorted twice');
    // id is unique: a sort on it decides the order there and then (its direction is the final
    // key's), anything after it would never be reached; without it, id ascending breaks ties.
    const idAt = q.sort.findIndex((x) => x.col === 'id');
    const idDir: IdDir = idAt >= 0 ? q.sort[idAt]!.dir : 'asc';
    const sort = idAt >= 0 ? q.sort.slice(0, idAt) : q.sort;
    const cols = [...new Set(q.columns)].map((id) => column(def, id));
    const conds = [where];
    if (q.cursor) conds.push(keyset(def, sort, decodeCursor(q.cursor, sort, idDir), idDir));
    const select = sql.join(
      [sql.raw('c.id as id'), ...cols.filter((c) => c.id !== 'id').map((c) => sql.raw(`${c.expr} as "${c.id}"`)), ...sort.map((x) => sql.raw(`${column(def, x.col).expr} as "__k_${x.col}"`))],
      sql`, `,
    );
    const offset = q.cursor ? 0 : (q.offset ?? 0);
    return {
      kind: 'rows',
      stmt: sql`select ${select} from ${sql.raw(def.from)} where ${and(conds)} order by ${orderBy(def, sort, idDir)} limit ${q.limit} offset ${offset}`,
      cols,
      sort,
      idDir,
      level: 0,
      groupCol: null,
      totalSql: q.withTotal ? sql`select count(*) as n from ${sql.raw(def.from)} where ${where}` : null,
    };
  }

  /**
   * A customers column's groups with no filter, from customer_group_counts (kept by migration
   * 0020's triggers): the caller's owners' rows summed, ~576 rows at 1M customers instead of 1M
   * index entries. Same keys and counts as the scan, NULL included (stored as x'00', written here as a
   * literal: a Buffer parameter would reach the read worker as a plain Uint8Array).
   */
  private countedGroups(s: SessionCtx, scope: Scope, dim: string): SQL {
    const owners = this.core.visibility.ownedSql(s, scope, 'gc.owner_id');
    return sql`select case when gc.value = x'00' then null else gc.value end as k, sum(gc.n) as n
      from customer_group_counts gc where gc.dim = ${dim} and ${owners} group by gc.value having sum(gc.n) > 0`;
  }

  /**
   * The second level of a customers grid grouped by two counted columns, with no filter: inside the
   * first-level group `outer`, the groups of column `inner`, from customer_group_pair_counts
   * (migration 0021; a pair is stored once, the smaller column name first) or, where the owner is
   * one of the two, from customer_group_counts, whose rows all carry their owner.
   */
  private countedPairGroups(s: SessionCtx, scope: Scope, outer: { dim: string; key: string | number | null }, inner: string): SQL {
    const key = outer.key === null ? sql.raw("x'00'") : sql`${outer.key}`;
    if (outer.dim === 'owner_id') {
      const owners = this.core.visibility.ownedSql(s, scope, 'gc.owner_id');
      return sql`select case when gc.value = x'00' then null else gc.value end as k, sum(gc.n) as n
        from customer_group_counts gc where gc.dim = ${inner} and gc.owner_id = ${outer.key ?? 0} and ${owners} group by gc.value having sum(gc.n) > 0`;
    }
    if (inner === 'owner_id') {
      const owners = this.core.visibility.ownedSql(s, scope, 'gc.owner_id');
      return sql`select nullif(gc.owner_id, 0) as k, sum(gc.n) as n
        from customer_group_counts gc where gc.dim = ${outer.dim} and gc.value = ${key} and ${owners} group by gc.owner_id having sum(gc.n) > 0`;
    }
    const owners = this.core.visibility.ownedSql(s, scope, 'p.owner_id');
    const outerFirst = outer.dim < inner;
    const [d1, d2] = outerFirst ? [outer.dim, inner] : [inner, outer.dim];
    const [keyCol, valueCol] = outerFirst ? [sql.raw('p.v1'), sql.raw('p.v2')] : [sql.raw('p.v2'), sql.raw('p.v1')];
    return sql`select case when ${valueCol} = x'00' then null else ${valueCol} end as k, sum(p.n) as n
      from customer_group_pair_counts p where p.d1 = ${d1} and p.d2 = ${d2} and ${keyCol} = ${key} and ${owners} group by ${valueCol} having sum(p.n) > 0`;
  }

  async query(s: SessionCtx, q: Q): Promise<GridPage> {
    const p = this.plan(s, q);
    // One after the other, not side by side: one call holds at most one read worker, so a manager's
    // group-by with its total leaves the other worker to the next seat's page.
    const rows = await this.all<Record<string, unknown>>(p.stmt);
    // A page that is not full and starts at a known place already tells the total: a grouped
    // grid's first page (the renderer asks for its total) is then one scan of 1M customers, not two.
    const offset = q.cursor ? null : (q.offset ?? 0);
    const told = offset !== null && rows.length < q.limit && (offset === 0 || rows.length > 0);
    // The total does not depend on the sort: a sort click with nothing written since reuses it.
    const total = !p.totalSql ? null : told ? offset + rows.length : (await this.all<{ n: number }>(p.totalSql, { memo: true }))[0]!.n;
    if (p.kind === 'groups') {
      const gc = p.groupCol!;
      const locale = s.user.locale === 'en' ? 'en' : 'zh';
      const enums = gc.type === 'enum' ? this.enumValues(gc) : undefined;
      const groups = (rows as { k: string | number | null; n: number; l?: string | null }[]).map((r) => ({ key: r.k, count: r.n, label: this.label(gc, r.l === undefined ? r.k : r.l, enums, locale) }));
      return { kind: 'groups', level: p.level, groups, total };
    }
    const nextCursor = rows.length === q.limit ? encodeCursor(p.sort, rows[rows.length - 1]!, p.idDir) : null;
    const viewAll = p.cols.some((c) => c.masked) && this.core.auth.hasPermission(s, 'customers.viewAll');
    return { kind: 'rows', rows: rows.map((r) => this.clean(p.cols, r, viewAll)), nextCursor, total };
  }

  private clean(cols: ColumnDef[], r: Record<string, unknown>, viewAll: boolean): Record<string, unknown> {
    const o: Record<string, unknown> = { id: r.id };
    for (const c of cols) {
      let v = r[c.id];
      if (c.masked && !viewAll) v = maskId(v);
      if (c.phone && typeof v === 'string') v = formatPhone(v);
      if (c.type === 'boolean' && v != null) v = v === 1 || v === true;
      o[c.id] = v;
    }
    return o;
  }

  private label(c: ColumnDef, k: unknown, enums: EnumValue[] | undefined, locale: 'zh' | 'en'): string {
    if (k === null || k === undefined || k === '') return GRID_VALUE_TEXTS.text('blank', locale);
    if (c.type === 'boolean') return GRID_VALUE_TEXTS.text(k ? 'yes' : 'no', locale);
    const e = enums?.find((x) => x.value === k);
    return e ? e[locale] : String(k);
  }

  async export(
    s: SessionCtx,
    input: Sel & { columns: string[]; sort: GridSort[]; exportId: string },
  ): Promise<{ fileName: string; rows: number; base64: string }> {
    if (!this.core.auth.hasPermission(s, 'export')) throw new AppError('FORBIDDEN');
    const def = datasetDef(input.dataset);
    const cols = [...new Set(input.columns)].map((id) => column(def, id));
    const count = await this.count(s, input);
    if (count > EXPORT_MAX_ROWS) throw new AppError('TOO_MANY_ROWS', { count, max: EXPORT_MAX_ROWS });
    const locale = s.user.locale === 'en' ? 'en' : 'zh';
    const dir = path.join(this.core.dataDir, 'tmp');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `export-${randomUUID()}.xlsx`);
    try {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
      const ws = wb.addWorksheet(input.dataset);
      ws.columns = cols.map((c) => ({ header: c[locale], key: c.id, width: Math.round((c.width ?? 120) / 7) }));
      const enums = new Map(cols.filter((c) => c.type === 'enum').map((c) => [c.id, this.enumValues(c) ?? []]));
      let done = 0;
      let after: string | null = null;
      const sort = input.sort.length ? input.sort : def.defaultSort;
      for (;;) {
        const page = await this.query(s, gridQuerySchema.parse({ dataset: input.dataset, scope: input.scope, filter: input.filter, columns: cols.map((c) => c.id), sort, cursor: after, limit: 500 }));
        if (page.kind !== 'rows') break;
        for (const r of page.rows) {
          const row: Record<string, unknown> = {};
          for (const c of cols) {
            const v = r[c.id];
            if (c.type === 'enum') row[c.id] = enums.get(c.id)?.find((e) => e.value === v)?.[locale] ?? v;
            else if (c.type === 'datetime' && typeof v === 'number') row[c.id] = new Date(v);
            else if (c.type === 'boolean') row[c.id] = v ? GRID_VALUE_TEXTS.text('yes', locale) : '';
            else row[c.id] = v;
          }
          ws.addRow(row).commit();
          done++;
          if (done % 1000 === 0) this.core.events.publish({ sessionHash: s.tokenHash }, 'export.progress', { exportId: input.exportId, done, total: count });
        }
        if (!page.nextCursor || done >= EXPORT_MAX_ROWS) break;
        after = page.nextCursor;
      }
      ws.commit();
      await wb.commit();
      this.core.events.publish({ sessionHash: s.tokenHash }, 'export.progress', { exportId: input.exportId, done, total: count });
      writeAudit(this.core.db, this.core.clock, { userId: s.user.id, action: 'export', entity: `grid:${input.dataset}`, after: { filter: input.filter, scope: input.scope, rows: done } });
      const stamp = new Date(this.core.clock.now()).toISOString().slice(0, 10);
      return { fileName: `${input.dataset}-${stamp}.xlsx`, rows: done, base64: fs.readFileSync(file).toString('base64') };
    } finally {
      fs.rmSync(file, { force: true });
    }
  }
}
