import { BOOLEAN_OPS, DATE_RELATIVE_OPS, ENUM_OPS, NUMBER_OPS, TEXT_OPS, type Condition, type ConditionGroup, type GridColumnMeta, type GridFilter } from '../../../electron/common/api/grid';
import type { Locale } from '../../i18n';

/** Operators offered for a column type. */
export function opsFor(col: GridColumnMeta): readonly string[] {
  switch (col.type) {
    case 'text':
      return TEXT_OPS;
    case 'number':
      return NUMBER_OPS;
    case 'date':
    case 'datetime':
      return [...NUMBER_OPS, ...DATE_RELATIVE_OPS];
    case 'enum':
      return ENUM_OPS;
    case 'boolean':
      return BOOLEAN_OPS;
  }
}

/** Which inputs an operator needs. */
export function operandsOf(op: string): 'none' | 'one' | 'two' | 'n' | 'values' {
  if (['blank', 'notBlank', 'today', 'yesterday', 'thisWeek', 'thisMonth', 'isTrue', 'isFalse'].includes(op)) return 'none';
  if (op === 'between') return 'two';
  if (op === 'lastNDays' || op === 'nextNDays') return 'n';
  if (op === 'in' || op === 'notIn') return 'values';
  return 'one';
}

/** A column's or an enum value's name in the user's language (both carry zh and en). */
export function localized(x: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? x.en : x.zh;
}

export function colLabel(col: GridColumnMeta | undefined, id: string, locale: Locale): string {
  if (!col) return id;
  return localized(col, locale);
}

/** An enum column's value by its name (a chip, a cell); a value the column does not list stays as it is. */
export function enumText(col: GridColumnMeta | undefined, value: string, locale: Locale): string {
  const e = col?.enumValues?.find((x) => x.value === value);
  return e ? localized(e, locale) : value;
}

/** Drops conditions whose operands are missing; numbers typed into number columns become numbers. */
export function cleanCondition(c: Condition, col: GridColumnMeta | undefined): Condition | null {
  const kind = operandsOf(c.op);
  const num = (v: unknown) => (col?.type === 'number' && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);
  if (kind === 'none') return { col: c.col, op: c.op };
  if (kind === 'n') return c.n && c.n > 0 ? { col: c.col, op: c.op, n: c.n } : null;
  if (kind === 'values') return c.values && c.values.length > 0 ? { col: c.col, op: c.op, values: c.values } : null;
  if (c.value == null || c.value === '') return null;
  if (kind === 'two') return c.value2 == null || c.value2 === '' ? null : { col: c.col, op: c.op, value: num(c.value) as string | number, value2: num(c.value2) as string | number };
  return { col: c.col, op: c.op, value: num(c.value) as string | number };
}

export function cleanGroup(g: ConditionGroup, cols: Map<string, GridColumnMeta>): ConditionGroup | null {
  const conditions = g.conditions.map((c) => cleanCondition(c, cols.get(c.col))).filter((c): c is Condition => c !== null);
  return conditions.length ? { join: g.join, conditions } : null;
}

export function hasFilter(f: GridFilter): boolean {
  return f.columns.length > 0 || !!f.advanced || !!f.search;
}

/** A short human text for a condition, for the chips. */
export function describeCondition(c: Condition, col: GridColumnMeta | undefined, opLabel: (op: string) => string, locale: Locale): string {
  const kind = operandsOf(c.op);
  switch (kind) {
    case 'none':
      return opLabel(c.op);
    case 'n':
      return `${opLabel(c.op)} ${c.n ?? ''}`;
    case 'values':
      return `${opLabel(c.op)} ${(c.values ?? []).map((v) => enumText(col, v, locale)).join(', ')}`;
    case 'two':
      return `${opLabel(c.op)} ${String(c.value)} – ${String(c.value2)}`;
    default:
      return `${opLabel(c.op)} ${String(c.value)}`;
  }
}
