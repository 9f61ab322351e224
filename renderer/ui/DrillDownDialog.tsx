import { useState, type ReactNode } from 'react';
import type { GridSelectionQuery } from '../../electron/common/api/grid';
import { useI18n } from '../i18n/react';
import { Dialog } from './Dialog';
import { TabStrip } from './Tabs';
import { SessionDataGrid } from './grid';
import { useNavigation } from '../shell/navigation';

/** One list behind a figure: the server's query and, when a figure has several (visits + walk-ins), the tab's name. */
export interface DrillSource {
  query: GridSelectionQuery;
  label?: string;
}

export interface DrillDownDialogProps {
  /** What the number is ("集客量 11-03", "广告 · 首次来店"). */
  title: ReactNode;
  drills: readonly DrillSource[];
  onClose: () => void;
  onOpenRow?: (row: Record<string, unknown>, dataset: GridSelectionQuery['dataset']) => void;
}

/**
 * "Every number is a link" (issue 17): a figure's records in the shared DataGrid — exactly the
 * data set, scope and filter the server sent with the number (`drill`), so the grid's count is the
 * figure. The filter's column conditions and its server-side preset are pinned (the user may add
 * their own, sort, group and export within their export permission, which the session grid reads);
 * nothing is recomputed here.
 * A drill says its rule with column conditions and a preset (never `advanced` or `search`, which the
 * grid's pinned filter does not carry).
 */
export function DrillDownDialog({ title, drills, onClose, onOpenRow }: DrillDownDialogProps) {
  const { t } = useI18n();
  // Without a screen's own action a row opens its record where it is edited (navigation's
  // openRecord: one table of data set → screen), and the dialog gives way to that screen.
  const { openRecord } = useNavigation();
  const openRow = onOpenRow ?? (openRecord ? (row: Record<string, unknown>, dataset: GridSelectionQuery['dataset']) => {
    openRecord(dataset, row);
    onClose();
  } : undefined);
  const [active, setActive] = useState(0);
  const current = drills[active];
  const tabs = drills.map((d, i) => ({ id: String(i), label: d.label ?? String(i + 1) }));
  return (
    <Dialog title={title} onClose={onClose} closeLabel={t('common.close')} closeOnBackdrop width={1100}>
      <div data-testid="drill-dialog" style={{ height: '65vh', minHeight: 320, display: 'flex', flexDirection: 'column', gap: 8 }}>
        {drills.length > 1 && <TabStrip tabs={tabs} activeId={String(active)} onSelect={(id) => setActive(Number(id))} />}
        {current && (
          <div role={drills.length > 1 ? 'tabpanel' : undefined} style={{ flex: 1, minHeight: 300, display: 'flex', flexDirection: 'column' }} data-testid={`drill-grid-${current.query.dataset}`}>
            <SessionDataGrid
              key={active}
              dataset={current.query.dataset}
              scope={current.query.scope}
              baseFilter={current.query.filter.columns}
              preset={current.query.filter.preset}
              onOpenRow={openRow ? (row) => openRow(row, current.query.dataset) : undefined}
            />
          </div>
        )}
      </div>
    </Dialog>
  );
}
