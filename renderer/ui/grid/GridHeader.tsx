import type { CustomHeaderProps } from 'ag-grid-react';
import { useEffect, useState, type DragEvent, type MouseEvent } from 'react';

/** What the DataGrid gives its headers through ag-grid's context. */
export interface HeaderContext {
  openMenu: (colId: string, anchor: HTMLElement) => void;
  isFiltered: (colId: string) => boolean;
  menuLabel: string;
}

export const DRAG_TYPE = 'application/x-dscrm-column';

/**
 * A column header: click sorts (asc → desc → none, shift-click adds a secondary sort), the label is
 * an HTML5 drag source for the group bar, ▾ opens the column menu (filter, group by, hide).
 */
export function GridHeader(props: CustomHeaderProps) {
  const { column, displayName, enableSorting, progressSort } = props;
  const ctx = props.context as HeaderContext;
  const [sort, setSort] = useState(column.getSort());
  const [sortIndex, setSortIndex] = useState(column.getSortIndex());
  useEffect(() => {
    const on = () => {
      setSort(column.getSort());
      setSortIndex(column.getSortIndex());
    };
    column.addEventListener('sortChanged', on);
    return () => column.removeEventListener('sortChanged', on);
  }, [column]);

  const colId = column.getColId();
  const onClick = (e: MouseEvent) => {
    if (enableSorting) progressSort(e.shiftKey);
  };
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_TYPE, colId);
    e.dataTransfer.setData('text/plain', colId);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const filtered = ctx.isFiltered(colId);
  return (
    // The label is the drag source for the group bar; the rest of the header still drags to reorder (ag-grid's own move).
    <div className="dg-header" data-col={colId} onClick={onClick}>
      <span className="dg-header-label" draggable onDragStart={onDragStart} title={displayName}>
        {displayName}
        {sort && (
          <span className="dg-sort" aria-label={sort}>
            {sort === 'asc' ? '▲' : '▼'}
            {sortIndex != null && sortIndex > 0 ? <sup>{sortIndex + 1}</sup> : null}
          </span>
        )}
        {filtered && <span className="dg-filtered" aria-hidden="true">⧩</span>}
      </span>
      <span className="dg-header-fill" />
      <button
        type="button"
        className="dg-header-menu"
        aria-label={ctx.menuLabel}
        onClick={(e) => {
          e.stopPropagation();
          ctx.openMenu(colId, e.currentTarget);
        }}
      >
        ▾
      </button>
    </div>
  );
}
