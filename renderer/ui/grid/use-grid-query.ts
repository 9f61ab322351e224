import type { GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { ConditionGroup, Dataset, GridColumnMeta, GridFilter, GridSort, GridView, Scope, ViewState } from '../../../electron/common/api/grid';
import { call } from '../../api';
import { errorText } from '../errors';
import { useLoad } from '../use-load';
import type { QueryShape } from './datasource';

// Separate from DataGrid because this is the grid's one source of truth for *what* it asks the
// server (columns, sort, filter, grouping), and saved views are read from and applied to exactly
// this; the parts that draw rows, menus and the toolbar only read it or call its setters.

export interface ColumnsMeta {
  columns: GridColumnMeta[];
  defaultSort: GridSort[];
}

/** A screen's part of the DataGrid's props: what the grid lists before the user changes anything. */
export interface GridQueryProps {
  dataset: Dataset;
  scope: Scope;
  /** The screen's quick-find text (sent as filter.search). */
  search?: string;
  /** A screen's fixed pre-filter (quick filters such as 今日 / 逾期), ANDed with the user's filter and never saved in a view. Keep it memoised. */
  baseFilter?: ConditionGroup[];
  /** A named server-side rule of the data set (filter.preset, e.g. customers 'birthdaysWeek'); never saved in a view. */
  preset?: string;
  /** The columns a screen starts with (before any view), instead of the data set's defaults. */
  initialColumns?: string[];
  /** The sort a screen starts with (before any view), instead of the data set's default. */
  initialSort?: GridSort[];
  /** A view asks for another scope. */
  onScopeChange?: (s: Scope) => void;
}

export function useGridQuery(
  { dataset, scope, search, baseFilter, preset, initialColumns, initialSort: screenSort, onScopeChange }: GridQueryProps,
  { onMessage, apiRef }: { onMessage: (m: string) => void; /** The grid on screen (null before it is made): a loaded view's sort is handed to it. */ apiRef: RefObject<GridApi | null> },
) {
  const [meta, setMeta] = useState<ColumnsMeta | null>(null);
  const [visible, setVisible] = useState<string[]>([]);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [filter, setFilter] = useState<GridFilter>({ columns: [], advanced: null });
  const [groupBy, setGroupBy] = useState<string[]>([]);
  const [initialSort, setInitialSort] = useState<GridSort[]>([]);
  const [ready, setReady] = useState(false);
  const [generation, setGeneration] = useState(0);
  // The sort lives in ag-grid's sort model (a header click changes it without a render); this ref
  // is the copy a query, an export and a saved view read.
  const sortRef = useRef<GridSort[]>([]);

  const colMap = useMemo(() => new Map((meta?.columns ?? []).map((c) => [c.id, c])), [meta]);
  const fullFilter = useMemo<GridFilter>(
    () => ({ ...filter, columns: [...(baseFilter ?? []), ...filter.columns], ...(search?.trim() ? { search: search.trim() } : {}), ...(preset ? { preset } : {}) }),
    [filter, search, baseFilter, preset],
  );

  // Columns first, then the default view (if any) is applied before the first query.
  useLoad(
    () => call('grid.columns', { dataset }),
    [dataset],
    (r) => {
      setMeta(r);
      const start = initialColumns?.filter((id) => r.columns.some((c) => c.id === id));
      setVisible(start?.length ? start : r.columns.filter((c) => c.defaultVisible).map((c) => c.id));
      const sort = screenSort ?? r.defaultSort;
      setInitialSort(sort);
      sortRef.current = sort;
    },
    (e) => onMessage(errorText(e)),
  );

  /** Puts a saved view's columns, widths, filter, grouping, sort and scope in place. */
  const applyView = useCallback(
    (state: ViewState) => {
      if (!meta) return;
      const known = state.columns.filter((c) => colMap.has(c.id));
      if (known.length) {
        setVisible(known.filter((c) => !c.hidden).map((c) => c.id));
        setWidths(Object.fromEntries(known.filter((c) => c.width).map((c) => [c.id, c.width as number])));
      }
      setFilter({ columns: state.filter.columns, advanced: state.filter.advanced ?? null });
      setGroupBy(state.groupBy.filter((g) => colMap.has(g)));
      setInitialSort(state.sort);
      sortRef.current = state.sort;
      apiRef.current?.applyColumnState({ state: state.sort.map((s, i) => ({ colId: s.col, sort: s.dir, sortIndex: i })), defaultState: { sort: null } });
      if (state.scope && onScopeChange) onScopeChange(state.scope);
      setGeneration((g) => g + 1);
    },
    [meta, colMap, onScopeChange, apiRef],
  );

  const onDefaultLoaded = useCallback(
    (v: GridView | null) => {
      if (v) applyView(v.state);
      setReady(true);
    },
    [applyView],
  );

  /** What a saved view stores: the shown columns and their widths, sort, the user's filter (never the screen's), grouping, scope. */
  const currentState = useCallback((): ViewState => {
    return {
      columns: visible.map((id) => ({ id, ...(widths[id] ? { width: Math.round(Math.min(2000, Math.max(20, widths[id]))) } : {}) })),
      sort: sortRef.current,
      filter: { columns: filter.columns, advanced: filter.advanced ?? null },
      groupBy,
      scope,
    };
  }, [visible, widths, filter, groupBy, scope]);

  const shape = useMemo<QueryShape>(
    // rows always carry their id (to open them and to select them), shown or not
    () => ({ dataset, scope, columns: colMap.has('id') && !visible.includes('id') ? [...visible, 'id'] : visible, sort: sortRef.current, filter: fullFilter, groupBy, groupKeys: [] }),
    // the sort is read from ag-grid's sort model at query time; generation forces a new shape after a view load
    [dataset, scope, visible, colMap, fullFilter, groupBy, generation],
  );

  return { meta, colMap, visible, setVisible, widths, setWidths, filter, setFilter, groupBy, setGroupBy, initialSort, sortRef, ready, generation, fullFilter, shape, applyView, onDefaultLoaded, currentState };
}

export type GridQueryState = ReturnType<typeof useGridQuery>;
