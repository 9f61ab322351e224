import type { ReactNode } from 'react';
import type { Dataset, GridFilter, GridSort, Scope } from '../../../electron/common/api/grid';
import { useI18n } from '../../i18n/react';
import { Button } from '../Button';
import { ExportButton } from './ExportButton';
import { ViewsMenu, type ViewsMenuProps } from './ViewsMenu';

// Separate from DataGrid because it only shows the grid's state and hands clicks back: saved
// views, 高级查找, 选择列, export, what is selected (and the offer to select every matching row),
// the screen's own bulk actions, and the total.

export interface GridToolbarProps {
  views: ViewsMenuProps;
  onMessage: (m: string | null) => void;
  onAdvanced: () => void;
  onColumns: () => void;
  /** The export's query, read when it is clicked; null when the user may not export. */
  exportQuery: (() => { dataset: Dataset; scope: Scope; filter: GridFilter; columns: string[]; sort: GridSort[] }) | null;
  /** Rows selected (ticked, or all matching once the server counted them). */
  selectedCount: number;
  /** Only ticked rows, no "all matching" yet: the offer to select them all is shown when more match. */
  tickedOnly: boolean;
  total: number | null;
  onClearSelection: () => void;
  onSelectAllMatching: () => void;
  actions?: ReactNode;
}

export function GridToolbar(p: GridToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="dg-toolbar">
      <ViewsMenu {...p.views} />
      <Button size="small" onClick={p.onAdvanced} data-testid="advanced-button">
        {t('grid.advanced')}
      </Button>
      <Button size="small" onClick={p.onColumns} data-testid="columns-button">
        {t('grid.columns')}
      </Button>
      {p.exportQuery && <ExportButton getQuery={p.exportQuery} onMessage={p.onMessage} />}
      <span className="spacer" />
      {p.selectedCount > 0 && (
        <span className="dg-selection" data-testid="selection-info">
          {t('grid.selected', { n: p.selectedCount.toLocaleString() })}
          <button type="button" className="link small" onClick={p.onClearSelection}>
            {t('grid.clearSelection')}
          </button>
        </span>
      )}
      {p.tickedOnly && p.selectedCount > 0 && p.total !== null && p.total > p.selectedCount && (
        <button type="button" className="link small" onClick={p.onSelectAllMatching} data-testid="select-all-matching">
          {t('grid.selectAllMatching', { n: p.total.toLocaleString() })}
        </button>
      )}
      {p.actions}
      <span className="dg-total" data-testid="grid-total">
        {p.total !== null ? t('grid.total', { n: p.total.toLocaleString() }) : ''}
      </span>
    </div>
  );
}
