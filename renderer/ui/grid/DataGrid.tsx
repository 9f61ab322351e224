import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellKeyDownEvent,
  type ColDef,
  type ColumnState,
  type GridApi,
  type GridReadyEvent,
  type ICellRendererParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConditionGroup, Dataset, GridColumnMeta, GridFilter, GridSelection, GridSort, GridView, Scope, ViewState } from '../../../electron/common/api/grid';
import type { Role } from '../../../electron/common/roles';
import { call, onReconnected } from '../../api';
import { formatDateTime } from '../../i18n';
import { PhoneCell } from '../../features/telephony/PhoneLink';
import { useI18n } from '../../i18n/react';
import { Button } from '../Button';
import { ColumnChooser } from './ColumnChooser';
import { ConditionEditor } from './ConditionEditor';
import { createDatasource, type QueryShape } from './datasource';
import { ExportButton } from './ExportButton';
import { FilterChips } from './FilterChips';
import { cleanGroup, colLabel } from './filterModel';
import { GridHeader, type HeaderContext } from './GridHeader';
import { GroupBar } from './GroupBar';
import { ViewsMenu } from './ViewsMenu';
import { fetchLevel, flatten, toNodes, type FlatRow, type GroupNode } from './groupModel';
import { gridLocaleText } from './localeText';
import { errorText } from '../errors';
import { useLoad } from '../use-load';

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

export interface DataGridSelection {
  selection: GridSelection | null;
  count: number;
}

export interface DataGridHandle {
  refresh(): void;
  /** After a bulk action (reassign, SMS) the rows it acted on are no longer "selected". */
  clearSelection(): void;
}

export interface DataGridProps {
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
  role: Role;
  canExport: boolean;
  onOpenRow?: (row: Record<string, unknown>) => void;
  onSelectionChange?: (s: DataGridSelection) => void;
  /** A view asks for another scope. */
  onScopeChange?: (s: Scope) => void;
  /** Extra buttons for the toolbar (the screen's bulk actions). */
  actions?: ReactNode;
}

interface ColumnsMeta {
  columns: GridColumnMeta[];
  defaultSort: GridSort[];
}

type Popover = { kind: 'menu'; colId: string; x: number; y: number } | { kind: 'filter'; colId: string; x?: number; y?: number } | { kind: 'advanced' } | { kind: 'chooser' } | null;


function GroupRowRenderer(p: ICellRendererParams<FlatRow>) {
  const d = p.data;
  const ctx = p.context as { toggle: (n: GroupNode) => void; more: (n: GroupNode) => void; moreLabel: string };
  if (!d || !d.__kind) return null;
  const node = d.node as GroupNode;
  const level = d.level as number;
  if (d.__kind === 'more')
    return (
      <div className="dg-grouprow" style={{ paddingLeft: 12 + level * 20 }}>
        <button type="button" className="link" onClick={() => ctx.more(node)}>
          {ctx.moreLabel}
        </button>
      </div>
    );
  return (
    <div className="dg-grouprow" data-testid="group-row" data-level={level} style={{ paddingLeft: 8 + level * 20 }} onClick={() => ctx.toggle(node)}>
      <span className="dg-twisty">{node.loading ? '…' : node.expanded ? '▾' : '▸'}</span>
      <b>{node.label}</b>
      <span className="dg-count">({node.count.toLocaleString()})</span>
    </div>
  );
}

/** The one list grid: server-side sort, filter, grouping, paging; views, column chooser, selection, export. */
export const DataGrid = forwardRef<DataGridHandle, DataGridProps>(function DataGrid(props, ref) {
  const { dataset, scope, search, baseFilter, preset, initialColumns, initialSort: screenSort, role, canExport, onOpenRow, onSelectionChange, onScopeChange, actions } = props;
  const { t, locale } = useI18n();
  const [meta, setMeta] = useState<ColumnsMeta | null>(null);
  const [visible, setVisible] = useState<string[]>([]);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [filter, setFilter] = useState<GridFilter>({ columns: [], advanced: null });
  const [groupBy, setGroupBy] = useState<string[]>([]);
  const [initialSort, setInitialSort] = useState<GridSort[]>([]);
  const [ready, setReady] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pop, setPop] = useState<Popover>(null);
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const [allMatching, setAllMatching] = useState<number | null>(null);
  const [groups, setGroups] = useState<GroupNode[]>([]);
  const [generation, setGeneration] = useState(0);
  const apiRef = useRef<GridApi | null>(null);
  const sortRef = useRef<GridSort[]>([]);
  const wrapRef = useRef<HTMLDivElement>(null);

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
    (e) => setMessage(errorText(e)),
  );

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
    [meta, colMap, onScopeChange],
  );

  const onDefaultLoaded = useCallback(
    (v: GridView | null) => {
      if (v) applyView(v.state);
      setReady(true);
    },
    [applyView],
  );

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

  // Flat mode: a datasource per query shape (the sort comes from ag-grid's sort model at each request).
  const flatDatasource = useMemo(
    () => (!ready || visible.length === 0 || groupBy.length > 0 ? undefined : createDatasource(shape, { onTotal: setTotal, onError: setMessage })),
    [ready, shape, visible.length, groupBy.length],
  );

  // Grouped mode: group rows from the server, expanded in place.
  const groupsAsked = useRef(0);
  const loadGroups = useCallback(async () => {
    if (!ready || groupBy.length === 0 || visible.length === 0) return;
    // The previous grouping's rows go at once: opened while the new one loads (a second header just
    // dragged in), a group of the old shape would open as rows and then vanish. Only the newest
    // answer is shown.
    const asked = ++groupsAsked.current;
    setGroups([]);
    try {
      const page = await fetchLevel({ ...shape, sort: sortRef.current }, []);
      if (asked !== groupsAsked.current) return;
      setGroups(toNodes(page, []));
      setTotal(page.kind === 'groups' ? page.groups.reduce((a, g) => a + g.count, 0) : null);
    } catch (e) {
      setMessage(errorText(e));
    }
  }, [ready, groupBy.length, visible.length, shape]);
  useEffect(() => {
    void loadGroups();
  }, [loadGroups]);

  const rerender = useCallback(() => setGroups((g) => [...g]), []);
  const toggle = useCallback(
    async (n: GroupNode) => {
      if (n.expanded) {
        n.expanded = false;
        rerender();
        return;
      }
      n.expanded = true;
      if (!n.groups && !n.rows) {
        n.loading = true;
        rerender();
        try {
          const page = await fetchLevel({ ...shape, sort: sortRef.current }, n.path);
          if (page.kind === 'groups') n.groups = toNodes(page, n.path);
          else {
            n.rows = page.rows;
            n.nextCursor = page.nextCursor;
          }
        } catch (e) {
          n.expanded = false;
          setMessage(errorText(e));
        }
        n.loading = false;
      }
      rerender();
    },
    [shape, rerender],
  );
  const more = useCallback(
    async (n: GroupNode) => {
      try {
        const page = await fetchLevel({ ...shape, sort: sortRef.current }, n.path, n.nextCursor);
        if (page.kind === 'rows') {
          n.rows = [...(n.rows ?? []), ...page.rows];
          n.nextCursor = page.nextCursor;
          rerender();
        }
      } catch (e) {
        setMessage(errorText(e));
      }
    },
    [shape, rerender],
  );
  const flatRows = useMemo(() => (groupBy.length ? flatten(groups) : []), [groups, groupBy.length]);

  // Selection: explicit ids, or all rows matching the current query.
  useEffect(() => {
    setSelectedIds([]);
    setAllMatching(null);
  }, [shape]);
  useEffect(() => {
    if (!onSelectionChange) return;
    if (allMatching !== null) onSelectionChange({ selection: { query: { dataset, scope, filter: fullFilter }, expectedCount: allMatching }, count: allMatching });
    else onSelectionChange({ selection: selectedIds.length ? { ids: selectedIds } : null, count: selectedIds.length });
  }, [selectedIds, allMatching, onSelectionChange, dataset, scope, fullFilter]);
  const selectAllMatching = async () => {
    try {
      const { count } = await call('grid.count', { dataset, scope, filter: fullFilter });
      setAllMatching(count);
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  // A client seat whose host was away: rows may have changed meanwhile and their events are lost.
  const refreshRef = useRef<() => void>(() => undefined);
  refreshRef.current = () => {
    if (groupBy.length) void loadGroups();
    else apiRef.current?.purgeInfiniteCache();
  };
  useEffect(() => onReconnected(() => refreshRef.current()), []);

  useImperativeHandle(ref, () => ({
    refresh: () => {
      if (groupBy.length) void loadGroups();
      else apiRef.current?.purgeInfiniteCache();
    },
    clearSelection: () => {
      setAllMatching(null);
      setSelectedIds([]);
      apiRef.current?.deselectAll();
    },
  }));

  // ag-grid reads `context` once, when the grid is made (it is an @initial option): a new object
  // later is ignored, so the grouped grid kept calling the toggle of the first grouping and, after a
  // second header was dragged in, opened a group as rows instead of its sub-groups. One object for
  // the grid's life; what it calls and reads is the current render's, through a ref.
  const live = useRef({ filter, t, toggle, more });
  useEffect(() => {
    live.current = { filter, t, toggle, more };
  });
  const headerContext = useMemo<HeaderContext & { toggle: (n: GroupNode) => void; more: (n: GroupNode) => void; moreLabel: string }>(
    () => ({
      openMenu: (colId, anchor) => {
        const r = anchor.getBoundingClientRect();
        const box = wrapRef.current?.getBoundingClientRect();
        setPop({ kind: 'menu', colId, x: r.left - (box?.left ?? 0), y: r.bottom - (box?.top ?? 0) });
      },
      isFiltered: (colId) => live.current.filter.columns.some((g) => g.conditions[0]?.col === colId),
      get menuLabel() {
        return live.current.t('grid.columnMenu');
      },
      toggle: (n) => void live.current.toggle(n),
      more: (n) => void live.current.more(n),
      get moreLabel() {
        return live.current.t('grid.loadMore');
      },
    }),
    [],
  );

  const columnDefs = useMemo<ColDef[]>(
    () =>
      visible
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
            valueFormatter:
              c.type === 'enum'
                ? (p: { value: unknown }) => {
                    const e = c.enumValues?.find((v) => v.value === p.value);
                    return e ? (locale === 'en' ? e.en : e.zh) : p.value == null ? '' : String(p.value as string);
                  }
                : c.type === 'boolean'
                  ? (p: { value: unknown }) => (p.value == null ? '' : p.value ? '✓' : '')
                  : c.type === 'datetime'
                    ? (p: { value: unknown }) => (typeof p.value === 'number' ? formatDateTime(p.value).slice(0, 16) : p.value == null ? '' : String(p.value as string))
                    : undefined,
          } satisfies ColDef;
        }),
    [visible, colMap, locale, widths, initialSort],
  );

  const onGridReady = (e: GridReadyEvent) => {
    apiRef.current = e.api;
  };
  const onSortChanged = () => {
    const api = apiRef.current;
    if (!api) return;
    const state = api.getColumnState().filter((s) => s.sort) as (ColumnState & { sort: 'asc' | 'desc' })[];
    state.sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0));
    sortRef.current = state.slice(0, 3).map((s) => ({ col: s.colId, dir: s.sort }));
    if (groupBy.length) void loadGroups();
  };
  const onColumnsChanged = () => {
    const api = apiRef.current;
    if (!api) return;
    const state = api.getColumnState().filter((s) => !s.hide && colMap.has(s.colId));
    const order = state.map((s) => s.colId);
    if (order.join() !== visible.join()) setVisible(order);
    setWidths((w) => ({ ...w, ...Object.fromEntries(state.map((s) => [s.colId, s.width ?? 140])) }));
  };
  const onCellKeyDown = (e: CellKeyDownEvent) => {
    const ev = e.event as KeyboardEvent | undefined;
    if (ev?.key === 'Enter' && e.data && !(e.data as FlatRow).__kind) onOpenRow?.(e.data as Record<string, unknown>);
  };

  const setColumnFilter = (colId: string, g: ConditionGroup | null) => {
    const cleaned = g ? cleanGroup(g, colMap) : null;
    const others = filter.columns.filter((x) => x.conditions[0]?.col !== colId);
    setFilter({ ...filter, columns: cleaned ? [...others, cleaned] : others });
    setPop(null);
  };
  const setAdvanced = (g: ConditionGroup | null) => {
    setFilter({ ...filter, advanced: g ? cleanGroup(g, colMap) : null });
    setPop(null);
  };

  const menuCol = pop && 'colId' in pop ? colMap.get(pop.colId) : undefined;
  const grouped = groupBy.length > 0;
  const selectedCount = allMatching ?? selectedIds.length;

  if (!meta) return <div className="dg">{message ? <p className="form-message form-message-error">{message}</p> : <p className="muted">{t('common.loading')}</p>}</div>;

  // What both grids (grouped rows and the flat infinite list) share: headers, locale, sort and column events.
  const sharedGridProps = {
    context: headerContext,
    localeText: gridLocaleText(locale),
    suppressDragLeaveHidesColumns: true,
    onGridReady,
    onSortChanged,
    onColumnMoved: (e: { finished: boolean }) => e.finished && onColumnsChanged(),
    onColumnResized: (e: { finished: boolean }) => e.finished && onColumnsChanged(),
    onCellKeyDown,
  };

  return (
    <div className="dg" ref={wrapRef}>
      <div className="dg-toolbar">
        <ViewsMenu dataset={dataset} role={role} current={currentState} onLoad={(v) => applyView(v.state)} onDefaultLoaded={onDefaultLoaded} onMessage={setMessage} />
        <Button size="small" onClick={() => setPop({ kind: 'advanced' })} data-testid="advanced-button">
          {t('grid.advanced')}
        </Button>
        <Button size="small" onClick={() => setPop({ kind: 'chooser' })} data-testid="columns-button">
          {t('grid.columns')}
        </Button>
        {canExport && <ExportButton getQuery={() => ({ dataset, scope, filter: fullFilter, columns: visible, sort: sortRef.current })} onMessage={setMessage} />}
        <span className="spacer" />
        {selectedCount > 0 && (
          <span className="dg-selection" data-testid="selection-info">
            {t('grid.selected', { n: selectedCount.toLocaleString() })}
            <button
              type="button"
              className="link small"
              onClick={() => {
                setAllMatching(null);
                apiRef.current?.deselectAll();
              }}
            >
              {t('grid.clearSelection')}
            </button>
          </span>
        )}
        {selectedIds.length > 0 && allMatching === null && total !== null && total > selectedIds.length && (
          <button type="button" className="link small" onClick={() => void selectAllMatching()} data-testid="select-all-matching">
            {t('grid.selectAllMatching', { n: total.toLocaleString() })}
          </button>
        )}
        {actions}
        <span className="dg-total" data-testid="grid-total">
          {total !== null ? t('grid.total', { n: total.toLocaleString() }) : ''}
        </span>
      </div>
      <GroupBar groupBy={groupBy} columns={colMap} onChange={setGroupBy} />
      <FilterChips filter={filter} columns={colMap} onChange={setFilter} onEditColumn={(colId) => setPop({ kind: 'filter', colId })} onEditAdvanced={() => setPop({ kind: 'advanced' })} />
      {message && (
        <div className="dg-message" role="status">
          {message}
          <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      )}
      <div className="dg-body">
        {ready && grouped && (
          <AgGridReact<FlatRow>
            key="grouped"
            theme={theme}
            rowModelType="clientSide"
            animateRows={false}
            rowData={flatRows}
            columnDefs={columnDefs}
            getRowId={(p) => p.data.__id}
            isFullWidthRow={(p) => !!(p.rowNode.data as FlatRow | undefined)?.__kind}
            fullWidthCellRenderer={GroupRowRenderer}
            {...sharedGridProps}
            onRowDoubleClicked={(e) => e.data && !e.data.__kind && onOpenRow?.(e.data)}
          />
        )}
        {ready && !grouped && flatDatasource && (
          <AgGridReact
            key={`flat-${generation}`}
            theme={theme}
            rowModelType="infinite"
            datasource={flatDatasource}
            cacheBlockSize={100}
            maxBlocksInCache={50}
            columnDefs={columnDefs}
            getRowId={(p) => String((p.data as { id?: unknown }).id ?? JSON.stringify(p.data))}
            rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false }}
            {...sharedGridProps}
            onRowDoubleClicked={(e) => e.data && onOpenRow?.(e.data as Record<string, unknown>)}
            onSelectionChanged={(e) => {
              setAllMatching(null);
              setSelectedIds(e.api.getSelectedRows().map((r) => Number((r as { id?: unknown }).id)).filter((n) => Number.isInteger(n) && n > 0));
            }}
          />
        )}
      </div>
      {pop?.kind === 'menu' && menuCol && (
        <div className="dg-menu" role="menu" style={{ left: pop.x, top: pop.y }} onMouseLeave={() => setPop(null)}>
          {menuCol.filterable && (
            <button type="button" role="menuitem" onClick={() => setPop({ kind: 'filter', colId: menuCol.id, x: pop.x, y: pop.y })}>
              {t('grid.filterColumn')}
            </button>
          )}
          {menuCol.groupable && !groupBy.includes(menuCol.id) && groupBy.length < 3 && (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setGroupBy([...groupBy, menuCol.id]);
                setPop(null);
              }}
            >
              {t('grid.groupByThis')}
            </button>
          )}
          {visible.length > 1 && (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setVisible(visible.filter((v) => v !== menuCol.id));
                setPop(null);
              }}
            >
              {t('grid.hideColumn')}
            </button>
          )}
        </div>
      )}
      {pop?.kind === 'filter' && menuCol && (
        <div className="dg-pop-anchor" style={pop.x !== undefined ? { left: Math.max(0, Math.min(pop.x - 200, (wrapRef.current?.clientWidth ?? 800) - 420)), top: pop.y } : undefined}>
          <ConditionEditor
            title={t('grid.filterOf', { name: colLabel(menuCol, menuCol.id, locale) })}
            columns={[menuCol]}
            initial={filter.columns.find((g) => g.conditions[0]?.col === menuCol.id) ?? null}
            onApply={(g) => setColumnFilter(menuCol.id, g)}
            onCancel={() => setPop(null)}
          />
        </div>
      )}
      {pop?.kind === 'advanced' && (
        <div className="dg-pop-anchor">
          <ConditionEditor title={t('grid.advanced')} columns={meta.columns.filter((c) => c.filterable)} initial={filter.advanced ?? null} onApply={setAdvanced} onCancel={() => setPop(null)} />
        </div>
      )}
      {pop?.kind === 'chooser' && (
        <div className="dg-pop-anchor">
          <ColumnChooser all={meta.columns} visible={visible} onChange={setVisible} onClose={() => setPop(null)} />
        </div>
      )}
    </div>
  );
});
