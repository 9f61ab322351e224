import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellKeyDownEvent, type ColDef, type GridApi, type IDatasource } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { RefObject } from 'react';
import type { GridSort } from '../../../electron/common/api/grid';
import type { Locale } from '../../i18n';
import { sortOfColumnState } from './column-defs';
import { GroupRow, type GroupRowContext } from './GroupRow';
import type { HeaderContext } from './GridHeader';
import type { FlatRow } from './groupModel';
import { gridLocaleText } from './localeText';

// Separate from DataGrid because this is the only place that knows ag-grid itself: its modules and
// theme, the two row models (grouped rows the client holds, the flat list paged from the server),
// and how its sort, column and key events are read back into the grid's state.

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  rowHeight: 30,
  headerHeight: 32,
  spacing: 5,
  accentColor: '#1d5fa7',
  headerBackgroundColor: '#f6f8fa',
  borderRadius: 2,
  wrapperBorderRadius: 2,
});

export interface GridBodyProps {
  apiRef: RefObject<GridApi | null>;
  locale: Locale;
  context: HeaderContext & GroupRowContext;
  columnDefs: ColDef[];
  /** Grouped: the group rows and open groups' rows; otherwise the flat list's datasource (undefined: nothing to ask yet). */
  grouped: { rows: FlatRow[] } | null;
  datasource: IDatasource | undefined;
  /** A new flat grid after a view is loaded (its sort and columns are ag-grid's initial state). */
  generation: number;
  /** Only the shown columns ag-grid still knows (it may report columns a new view has dropped). */
  knows: (colId: string) => boolean;
  visible: string[];
  onSort: (sort: GridSort[]) => void;
  onColumns: (order: string[] | null, widths: Record<string, number>) => void;
  onTicked: (rows: Record<string, unknown>[]) => void;
  onOpenRow?: (row: Record<string, unknown>) => void;
}

export function GridBody(p: GridBodyProps) {
  const { apiRef, onOpenRow } = p;
  const onColumnsChanged = () => {
    const api = apiRef.current;
    if (!api) return;
    const state = api.getColumnState().filter((s) => !s.hide && p.knows(s.colId));
    const order = state.map((s) => s.colId);
    p.onColumns(order.join() !== p.visible.join() ? order : null, Object.fromEntries(state.map((s) => [s.colId, s.width ?? 140])));
  };
  // Enter on a record's row opens it, as a double click does (never on a group row).
  const onCellKeyDown = (e: CellKeyDownEvent) => {
    const ev = e.event as KeyboardEvent | undefined;
    if (ev?.key === 'Enter' && e.data && !(e.data as FlatRow).__kind) onOpenRow?.(e.data as Record<string, unknown>);
  };

  // What both grids (grouped rows and the flat infinite list) share: headers, locale, sort and column events.
  const shared = {
    theme,
    columnDefs: p.columnDefs,
    context: p.context,
    localeText: gridLocaleText(p.locale),
    suppressDragLeaveHidesColumns: true,
    onGridReady: (e: { api: GridApi }) => {
      apiRef.current = e.api;
    },
    onSortChanged: () => {
      if (apiRef.current) p.onSort(sortOfColumnState(apiRef.current.getColumnState()));
    },
    onColumnMoved: (e: { finished: boolean }) => e.finished && onColumnsChanged(),
    onColumnResized: (e: { finished: boolean }) => e.finished && onColumnsChanged(),
    onCellKeyDown,
  };

  if (p.grouped)
    return (
      <AgGridReact<FlatRow>
        key="grouped"
        rowModelType="clientSide"
        animateRows={false}
        rowData={p.grouped.rows}
        getRowId={(r) => r.data.__id}
        isFullWidthRow={(r) => !!(r.rowNode.data as FlatRow | undefined)?.__kind}
        fullWidthCellRenderer={GroupRow}
        {...shared}
        onRowDoubleClicked={(e) => e.data && !e.data.__kind && onOpenRow?.(e.data)}
      />
    );
  if (!p.datasource) return null;
  return (
    <AgGridReact
      key={`flat-${p.generation}`}
      rowModelType="infinite"
      datasource={p.datasource}
      cacheBlockSize={100}
      maxBlocksInCache={50}
      getRowId={(r) => String((r.data as { id?: unknown }).id ?? JSON.stringify(r.data))}
      rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false }}
      {...shared}
      onRowDoubleClicked={(e) => e.data && onOpenRow?.(e.data as Record<string, unknown>)}
      onSelectionChanged={(e) => p.onTicked(e.api.getSelectedRows() as Record<string, unknown>[])}
    />
  );
}
