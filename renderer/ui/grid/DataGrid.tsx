import type { GridApi } from 'ag-grid-community';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Role } from '../../../electron/common/roles';
import { onReconnected } from '../../api';
import { useI18n } from '../../i18n/react';
import { columnDefsOf } from './column-defs';
import { FilterChips } from './FilterChips';
import { GridBody } from './GridBody';
import { GridPopover, type Popover } from './GridPopover';
import { GridToolbar } from './GridToolbar';
import { GroupBar } from './GroupBar';
import { useGridContext } from './use-grid-context';
import { useGridQuery, type GridQueryProps } from './use-grid-query';
import { useGridSelection, type DataGridSelection } from './use-grid-selection';
import { useGroupedRows } from './use-grouped-rows';
import { usePagedRows } from './use-paged-rows';

export type { DataGridSelection } from './use-grid-selection';

export interface DataGridHandle {
  refresh(): void;
  /** After a bulk action (reassign, SMS) the rows it acted on are no longer "selected". */
  clearSelection(): void;
}

/** What a screen gives the grid: what to list (GridQueryProps: data set, scope, search, fixed filters, start columns and sort) and how the user acts on it. */
export interface DataGridProps extends GridQueryProps {
  role: Role;
  canExport: boolean;
  onOpenRow?: (row: Record<string, unknown>) => void;
  onSelectionChange?: (s: DataGridSelection) => void;
  /** Extra buttons for the toolbar (the screen's bulk actions). */
  actions?: ReactNode;
}

/**
 * The one list grid: server-side sort, filter, grouping, paging; views, column chooser, selection, export.
 * This file only puts the parts together: what is asked (use-grid-query), the grouped rows
 * (use-grouped-rows) or the paged flat list (use-paged-rows), the selection (use-grid-selection),
 * the toolbar, group bar, filter chips, popovers and ag-grid itself (GridBody).
 */
export const DataGrid = forwardRef<DataGridHandle, DataGridProps>(function DataGrid(props, ref) {
  const { dataset, scope, search, baseFilter, preset, initialColumns, initialSort, role, canExport, onOpenRow, onSelectionChange, onScopeChange, actions } = props;
  const { t, locale } = useI18n();
  const [total, setTotal] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pop, setPop] = useState<Popover>(null);
  const apiRef = useRef<GridApi | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);

  const q = useGridQuery({ dataset, scope, search, baseFilter, preset, initialColumns, initialSort, onScopeChange }, { onMessage: setMessage, apiRef });
  const grouped = q.groupBy.length > 0;
  const canAsk = q.ready && q.visible.length > 0;
  const groupedRows = useGroupedRows({ active: canAsk && grouped, shape: q.shape, sortRef: q.sortRef, onTotal: setTotal, onMessage: setMessage });
  const datasource = usePagedRows(canAsk && !grouped, q.shape, setTotal, setMessage);
  const selection = useGridSelection({ shape: q.shape, query: { dataset, scope, filter: q.fullFilter }, onSelectionChange, onMessage: setMessage });

  // The rows again as the server has them now: a refresh asked by the screen, or a client seat whose
  // host was away (rows may have changed meanwhile and their events are lost).
  const refresh = () => {
    if (grouped) void groupedRows.reload();
    else apiRef.current?.purgeInfiniteCache();
  };
  const refreshRef = useRef(refresh);
  useEffect(() => {
    refreshRef.current = refresh;
  });
  useEffect(() => onReconnected(() => refreshRef.current()), []);

  useImperativeHandle(ref, () => ({
    refresh,
    clearSelection: () => {
      selection.clear();
      apiRef.current?.deselectAll();
    },
  }));

  const openMenu = useCallback((colId: string, anchor: HTMLElement) => {
    const r = anchor.getBoundingClientRect();
    const box = wrapRef.current?.getBoundingClientRect();
    setPop({ kind: 'menu', colId, x: r.left - (box?.left ?? 0), y: r.bottom - (box?.top ?? 0) });
  }, []);
  const context = useGridContext({ filter: q.filter, t, toggle: groupedRows.toggle, more: groupedRows.more, openMenu });
  const columnDefs = useMemo(() => columnDefsOf(q.visible, q.colMap, locale, q.widths, q.initialSort), [q.visible, q.colMap, locale, q.widths, q.initialSort]);

  if (!q.meta) return <div className="dg">{message ? <p className="form-message form-message-error">{message}</p> : <p className="muted">{t('common.loading')}</p>}</div>;

  return (
    <div className="dg" ref={wrapRef}>
      <GridToolbar
        views={{ dataset, role, current: q.currentState, onLoad: (v) => q.applyView(v.state), onDefaultLoaded: q.onDefaultLoaded, onMessage: setMessage }}
        onMessage={setMessage}
        onAdvanced={() => setPop({ kind: 'advanced' })}
        onColumns={() => setPop({ kind: 'chooser' })}
        exportQuery={canExport ? () => ({ dataset, scope, filter: q.fullFilter, columns: q.visible, sort: q.sortRef.current }) : null}
        selectedCount={selection.count}
        tickedOnly={selection.allMatching === null}
        total={total}
        onClearSelection={() => {
          selection.dropAllMatching();
          apiRef.current?.deselectAll();
        }}
        onSelectAllMatching={() => void selection.selectAllMatching()}
        actions={actions}
      />
      <GroupBar groupBy={q.groupBy} columns={q.colMap} onChange={q.setGroupBy} />
      <FilterChips filter={q.filter} columns={q.colMap} onChange={q.setFilter} onEditColumn={(colId) => setPop({ kind: 'filter', colId })} onEditAdvanced={() => setPop({ kind: 'advanced' })} />
      {message && (
        <div className="dg-message" role="status">
          {message}
          <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      )}
      <div className="dg-body">
        {q.ready && (
          <GridBody
            apiRef={apiRef}
            locale={locale}
            context={context}
            columnDefs={columnDefs}
            grouped={grouped ? { rows: groupedRows.rows } : null}
            datasource={datasource}
            generation={q.generation}
            knows={(colId) => q.colMap.has(colId)}
            visible={q.visible}
            onSort={(sort) => {
              q.sortRef.current = sort;
              if (grouped) void groupedRows.reload();
            }}
            onColumns={(order, widths) => {
              if (order) q.setVisible(order);
              q.setWidths((w) => ({ ...w, ...widths }));
            }}
            onTicked={selection.setTicked}
            onOpenRow={onOpenRow}
          />
        )}
      </div>
      <GridPopover pop={pop} setPop={setPop} query={q} gridWidth={() => wrapRef.current?.clientWidth} />
    </div>
  );
});
