import type { ColDef, ColumnState } from 'ag-grid-community';
import { GRID_MAX_SORT, type GridColumnMeta, type GridSort } from '../../../electron/common/api/grid';
import { formatDateTime, type Locale } from '../../i18n';
import { PhoneCell } from '../../features/telephony/PhoneLink';
import { colLabel, enumText } from './filterModel';
import { GridHeader } from './GridHeader';

// Separate from DataGrid because it is plain data in, plain data out: what ag-grid is told about
// each column (label, width, header, cell text, starting sort) and how its column state is read
// back, with no React state, so it can be read and tested on its own.

/** The text a cell shows for a column's type: enum names, ✓ for true, dates to the minute. */
function valueFormatterOf(c: GridColumnMeta, locale: Locale): ((p: { value: unknown }) => string) | undefined {
  const asText = (v: unknown) => (v == null ? '' : String(v as string));
  switch (c.type) {
    case 'enum':
      return (p) => (typeof p.value === 'string' ? enumText(c, p.value, locale) : asText(p.value));
    case 'boolean':
      return (p) => (p.value == null ? '' : p.value ? '✓' : '');
    case 'datetime':
      return (p) => (typeof p.value === 'number' ? formatDateTime(p.value).slice(0, 16) : asText(p.value));
    default:
      return undefined;
  }
}

/** ag-grid's column definitions for the shown columns, in their order. */
export function columnDefsOf(visible: string[], colMap: Map<string, GridColumnMeta>, locale: Locale, widths: Record<string, number>, initialSort: GridSort[]): ColDef[] {
  return visible
    .map((id) => colMap.get(id))
    .filter((c): c is GridColumnMeta => !!c)
    .map((c) => {
      const sortIndex = initialSort.findIndex((s) => s.col === c.id);
      return {
        colId: c.id,
        field: c.id,
        headerName: colLabel(c, c.id, locale),
        sortable: c.sortable,
        width: widths[c.id] ?? c.width ?? 140,
        headerComponent: GridHeader,
        // the server sorts; in the grouped view ag-grid must keep the server's order
        comparator: () => 0,
        ...(c.phone ? { cellRenderer: PhoneCell } : {}),
        ...(sortIndex >= 0 ? { initialSort: initialSort[sortIndex]?.dir, initialSortIndex: sortIndex } : {}),
        valueFormatter: valueFormatterOf(c, locale),
      } satisfies ColDef;
    });
}

/** The sort ag-grid shows (headers clicked, shift for a second key), in its order, at most GRID_MAX_SORT keys (the contract's limit). */
export function sortOfColumnState(state: ColumnState[]): GridSort[] {
  const sorted = state.filter((s) => s.sort) as (ColumnState & { sort: 'asc' | 'desc' })[];
  sorted.sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0));
  return sorted.slice(0, GRID_MAX_SORT).map((s) => ({ col: s.colId, dir: s.sort }));
}
