import { sql, type SQL } from 'drizzle-orm';
import { phoneContainsPatterns, phoneDigits, phonePrefixes } from '../../../common/phone';
import {
  BOOLEAN_OPS,
  DATE_RELATIVE_OPS,
  ENUM_OPS,
  NUMBER_OPS,
  TEXT_OPS,
  type ColumnType,
  type Condition,
  type ConditionGroup,
  type GridFilter,
  type GridSort,
} from '../../../common/api/grid';
import { AppError } from '../../errors';
import { addDays, dayStartMs, isDate, relativeRange, todayIn } from '../../../common/dates';
import type { ColumnDef, DatasetDef } from './datasets';

export const invalid = (issues: string) => new AppError('INVALID_INPUT', { issues });

export interface BuildCtx {
  def: DatasetDef;
  timeZone: string;
  now: number;
  /**
   * When the rows are sorted, filters must not tempt SQLite into another index (a range on
   * created_at would then sort a million rows for one page): their plain columns get a unary '+'.
   */
  keepSortIndex?: boolean;
  /**
   * The dealer's area code (settings.areaCode()): a phone filter or quick find typed as a local
   * number without one ('62916000') also finds that number in the dealer's area.
   */
  areaCode?: string | null;
}

export function column(def: DatasetDef, id: string, need?: 'sortable' | 'filterable' | 'groupable'): ColumnDef {
  const c = def.columns.find((x) => x.id === id);
  if (!c) throw invalid(`unknown column '${id.slice(0, 64)}'`);
  if (need && !c[need]) throw invalid(`column '${id}' is not ${need}`);
  return c;
}

const OPS_BY_TYPE: Record<ColumnType, readonly string[]> = {
  text: TEXT_OPS,
  number: NUMBER_OPS,
  date: [...NUMBER_OPS, ...DATE_RELATIVE_OPS],
  datetime: [...NUMBER_OPS, ...DATE_RELATIVE_OPS],
  enum: ENUM_OPS,
  boolean: BOOLEAN_OPS,
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
const like = (e: SQL, pattern: string, not = false) => (not ? sql`coalesce(${e} not like ${pattern} escape '\\', 1)` : sql`${e} like ${pattern} escape '\\'`);

function text(v: unknown, col: string): string {
  if (typeof v !== 'string') throw invalid(`column '${col}' needs a text value`);
  return v;
}

/** A comparable bound for number / date / datetime columns. For datetime a day maps to its start (or next day's start). */
function bound(c: ColumnDef, v: unknown, ctx: BuildCtx, end = false): number | string {
  if (c.type === 'number') {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(`column '${c.id}' needs a number`);
    return v;
  }
  if (!isDate(v)) throw invalid(`column '${c.id}' needs a date YYYY-MM-DD`);
  if (c.type === 'date') return v;
  return dayStartMs(end ? addDays(v, 1) : v, ctx.timeZone);
}

/** [from, to] inclusive days as SQL on a date or datetime column. */
function dayRange(c: ColumnDef, e: SQL, from: string, to: string, ctx: BuildCtx): SQL {
  if (c.type === 'date') return sql`(${e} >= ${from} and ${e} <= ${to})`;
  return sql`(${e} >= ${dayStartMs(from, ctx.timeZone)} and ${e} < ${dayStartMs(addDays(to, 1), ctx.timeZone)})`;
}

export function condition(ctx: BuildCtx, cond: Condition): SQL {
  const c = column(ctx.def, cond.col, 'filterable');
  if (!OPS_BY_TYPE[c.type].includes(cond.op)) throw invalid(`operator '${cond.op}' does not fit column '${c.id}' (${c.type})`);
  const e = sql.raw(ctx.keepSortIndex && /^[a-z]\.\w+$/.test(c.expr) ? `+${c.expr}` : c.expr);
  const op = cond.op;
  if (op === 'blank') return c.type === 'text' ? sql`(${e} is null or ${e} = '')` : sql`(${e} is null)`;
  if (op === 'notBlank') return c.type === 'text' ? sql`(${e} is not null and ${e} <> '')` : sql`(${e} is not null)`;
  switch (c.type) {
    case 'text': {
      const v = text(cond.value, c.id);
      if (c.phone) {
        // Phone cells hold the normalised number (86 + national, no trunk 0): compare it with the
        // typed fragment put through the same rules (common/phone/filter.ts), whatever was typed.
        if (op === 'contains' || op === 'notContains') {
          const patterns = phoneContainsPatterns(v);
          if (!patterns) throw invalid(`column '${c.id}' needs digits of a phone number`);
          const likes = patterns.map((p) => like(e, `%${escapeLike(p)}%`, op === 'notContains'));
          return sql`(${sql.join(likes, op === 'contains' ? sql` or ` : sql` and `)})`;
        }
        if (op === 'endsWith') {
          const digits = phoneDigits(v);
          if (!digits) throw invalid(`column '${c.id}' needs digits of a phone number`);
          return like(e, `%${escapeLike(digits)}`);
        }
        const prefixes = phonePrefixes(v, ctx.areaCode);
        if (!prefixes) throw invalid(`column '${c.id}' needs digits of a phone number`);
        if (op === 'startsWith') return sql`(${sql.join(prefixes.map((p) => like(e, `${escapeLike(p)}%`)), sql` or `)})`;
        const list = sql.join(prefixes.map((p) => sql`${p}`), sql`, `);
        return op === 'equals' ? sql`${e} in (${list})` : sql`(${e} is null or ${e} not in (${list}))`;
      }
      if (op === 'contains') return like(e, `%${escapeLike(v)}%`);
      if (op === 'notContains') return like(e, `%${escapeLike(v)}%`, true);
      if (op === 'startsWith') return like(e, `${escapeLike(v)}%`);
      if (op === 'endsWith') return like(e, `%${escapeLike(v)}`);
      if (op === 'equals') return sql`${e} = ${v}`;
      return sql`(${e} is null or ${e} <> ${v})`; // notEquals
    }
    case 'enum': {
      const vals = cond.values;
      if (!vals || vals.length === 0) throw invalid(`operator '${op}' on '${c.id}' needs values`);
      const list = sql.join(vals.map((v) => sql`${v}`), sql`, `);
      return op === 'in' ? sql`${e} in (${list})` : sql`(${e} is null or ${e} not in (${list}))`;
    }
    case 'boolean':
      return op === 'isTrue' ? sql`${e} = 1` : sql`(${e} = 0 or ${e} is null)`;
    default: {
      if ((DATE_RELATIVE_OPS as readonly string[]).includes(op)) {
        if ((op === 'lastNDays' || op === 'nextNDays') && cond.n === undefined) throw invalid(`operator '${op}' needs n`);
        const [from, to] = relativeRange(op, todayIn(ctx.timeZone, ctx.now), cond.n);
        return dayRange(c, e, from, to, ctx);
      }
      const isDay = c.type === 'datetime';
      if (op === 'between') {
        const lo = bound(c, cond.value, ctx);
        const hi = bound(c, cond.value2, ctx, isDay);
        return isDay ? sql`(${e} >= ${lo} and ${e} < ${hi})` : sql`(${e} >= ${lo} and ${e} <= ${hi})`;
      }
      const v = bound(c, cond.value, ctx);
      if (isDay) {
        const end = bound(c, cond.value, ctx, true);
        if (op === 'eq') return sql`(${e} >= ${v} and ${e} < ${end})`;
        if (op === 'ne') return sql`(${e} < ${v} or ${e} >= ${end})`;
        if (op === 'lt') return sql`${e} < ${v}`;
        if (op === 'lte') return sql`${e} < ${end}`;
        if (op === 'gt') return sql`${e} >= ${end}`;
        return sql`${e} >= ${v}`; // gte
      }
      if (op === 'eq') return sql`${e} = ${v}`;
      if (op === 'ne') return sql`(${e} is null or ${e} <> ${v})`;
      if (op === 'lt') return sql`${e} < ${v}`;
      if (op === 'lte') return sql`${e} <= ${v}`;
      if (op === 'gt') return sql`${e} > ${v}`;
      return sql`${e} >= ${v}`;
    }
  }
}

function group(ctx: BuildCtx, g: ConditionGroup, oneColumn: boolean): SQL {
  if (oneColumn && new Set(g.conditions.map((c) => c.col)).size > 1) throw invalid('a column filter names more than one column');
  return sql`(${sql.join(g.conditions.map((c) => condition(ctx, c)), g.join === 'and' ? sql` and ` : sql` or `)})`;
}

/**
 * The quick-find box: the name or phone-number prefix of the row's customer, both on indexes.
 * Each data set says where its customer id is (`searchCustomerId`); one without it has no box.
 */
function search(def: DatasetDef, term: string, areaCode: string | null | undefined): SQL | null {
  const t = term.trim();
  if (!t) return null;
  if (!def.searchCustomerId) throw invalid('this list has no quick-find box');
  const cid = sql.raw(def.searchCustomerId);
  const hi = `${t}\u{10FFFF}`;
  // On the customers list itself the name range applies to the row directly (customers_name_idx).
  const parts: SQL[] = [
    def.searchCustomerId === 'c.id' ? sql`(c.name >= ${t} and c.name < ${hi})` : sql`${cid} in (select id from customers where name >= ${t} and name < ${hi})`,
  ];
  // A phone prefix as typed ('0755-8888', '+86 138', '138 0013'), as the stored form's prefix.
  const compact = t.normalize('NFKC').replace(/[\s-]/g, '');
  // A local number typed without its area code ('6291 6000') also as one in the dealer's area: a
  // second index range, only for such input (mobiles, names and 0… numbers get exactly one).
  for (const n of /^\+?\d{3,}$/.test(compact) ? (phonePrefixes(compact, areaCode) ?? []) : []) {
    parts.push(sql`${cid} in (select customer_id from customer_phones where normalized >= ${n} and normalized < ${`${n};`})`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

export function filterSql(ctx: BuildCtx, f: GridFilter): SQL[] {
  const out: SQL[] = (f.columns ?? []).map((g) => group(ctx, g, true));
  if (f.advanced) out.push(group(ctx, f.advanced, false));
  if (f.preset !== undefined) {
    const rule = Object.hasOwn(ctx.def.presets ?? {}, f.preset) ? ctx.def.presets![f.preset] : undefined;
    if (!rule) throw invalid(`unknown preset '${f.preset}'`);
    out.push(sql`(${rule(ctx)})`);
  }
  if (f.search) {
    const s = search(ctx.def, f.search, ctx.areaCode);
    if (s) out.push(s);
  }
  return out;
}

export const and = (parts: SQL[]): SQL => (parts.length ? sql.join(parts, sql` and `) : sql`1`);

// ---- keyset cursor -------------------------------------------------------------------------

type Key = string | number | null;

/** The id's direction as the final key: a sort on id itself sets it (and ends the sort); else ascending. */
export type IdDir = 'asc' | 'desc';

/** A cursor is bound to the exact sort it was made for, the id's direction included. */
const signature = (sort: GridSort[], idDir: IdDir) => [...sort.map((s) => `${s.col}:${s.dir}`), ...(idDir === 'desc' ? ['id:desc'] : [])].join(',');

export function encodeCursor(sort: GridSort[], row: Record<string, unknown>, idDir: IdDir = 'asc'): string {
  const v = sort.map((s) => row[`__k_${s.col}`] as Key);
  return Buffer.from(JSON.stringify({ s: signature(sort, idDir), v, id: row.id })).toString('base64url');
}

export function decodeCursor(cursor: string, sort: GridSort[], idDir: IdDir = 'asc'): { v: Key[]; id: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('the cursor is not valid');
  }
  const p = parsed as { s?: unknown; v?: unknown; id?: unknown };
  const sig = signature(sort, idDir);
  if (
    !p ||
    typeof p !== 'object' ||
    p.s !== sig ||
    !Array.isArray(p.v) ||
    p.v.length !== sort.length ||
    !p.v.every((x) => x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))) ||
    typeof p.id !== 'number' ||
    !Number.isSafeInteger(p.id)
  )
    throw invalid('the cursor is not valid');
  return { v: p.v as Key[], id: p.id };
}

/** Rows strictly after the cursor in (sort..., id asc) order; NULLs sort first ascending, as SQLite does. */
export function keyset(def: DatasetDef, sort: GridSort[], cur: { v: Key[]; id: number }, idDir: IdDir = 'asc'): SQL {
  const ors: SQL[] = [];
  for (let k = 0; k <= sort.length; k++) {
    const eqs: SQL[] = [];
    for (let i = 0; i < k; i++) {
      const e = sql.raw(column(def, sort[i]!.col).expr);
      eqs.push(cur.v[i] === null ? sql`${e} is null` : sql`${e} = ${cur.v[i]}`);
    }
    if (k === sort.length) eqs.push(idDir === 'asc' ? sql`c.id > ${cur.id}` : sql`c.id < ${cur.id}`);
    else {
      const e = sql.raw(column(def, sort[k]!.col).expr);
      const v = cur.v[k];
      if (sort[k]!.dir === 'asc') eqs.push(v === null ? sql`${e} is not null` : sql`${e} > ${v}`);
      else {
        if (v === null) continue;
        eqs.push(sql`(${e} < ${v} or ${e} is null)`);
      }
    }
    ors.push(sql`(${and(eqs)})`);
  }
  if (!ors.length) return sql`0`;
  const all = sql`(${sql.join(ors, sql` or `)})`;
  // A plain range on the first sort key lets SQLite seek in its index instead of trying an
  // OR-by-union plan that sorts every match (seconds at 1,000,000 rows).
  const first = sort[0];
  const v0 = cur.v[0];
  if (!first || v0 === null || v0 === undefined) return all;
  const c0 = column(def, first.col);
  const e0 = sql.raw(c0.expr);
  if (first.dir === 'asc') return sql`${e0} >= ${v0} and ${all}`;
  if (!c0.nullable) return sql`${e0} <= ${v0} and ${all}`;
  return all;
}

export function orderBy(def: DatasetDef, sort: GridSort[], idDir: IdDir = 'asc'): SQL {
  const parts = sort.map((s) => sql.raw(`${column(def, s.col).expr} ${s.dir === 'asc' ? 'asc' : 'desc'}`));
  parts.push(sql.raw(idDir === 'asc' ? 'c.id asc' : 'c.id desc'));
  return sql.join(parts, sql`, `);
}
