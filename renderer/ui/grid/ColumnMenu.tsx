import { GRID_MAX_GROUP_LEVELS, type GridColumnMeta } from '../../../electron/common/api/grid';
import { useI18n } from '../../i18n/react';

// Separate from DataGrid because a header's ▾ menu only offers what applies to that column
// (filter when filterable, group by while the group bar has room, hide while another column stays)
// and hands the choice back.

export interface ColumnMenuProps {
  col: GridColumnMeta;
  /** Where the ▾ was, relative to the grid. */
  x: number;
  y: number;
  groupBy: string[];
  visibleCount: number;
  onFilter: () => void;
  onGroupBy: () => void;
  onHide: () => void;
  onClose: () => void;
}

export function ColumnMenu({ col, x, y, groupBy, visibleCount, onFilter, onGroupBy, onHide, onClose }: ColumnMenuProps) {
  const { t } = useI18n();
  return (
    <div className="dg-menu" role="menu" style={{ left: x, top: y }} onMouseLeave={onClose}>
      {col.filterable && (
        <button type="button" role="menuitem" onClick={onFilter}>
          {t('grid.filterColumn')}
        </button>
      )}
      {col.groupable && !groupBy.includes(col.id) && groupBy.length < GRID_MAX_GROUP_LEVELS && (
        <button type="button" role="menuitem" onClick={onGroupBy}>
          {t('grid.groupByThis')}
        </button>
      )}
      {visibleCount > 1 && (
        <button type="button" role="menuitem" onClick={onHide}>
          {t('grid.hideColumn')}
        </button>
      )}
    </div>
  );
}
