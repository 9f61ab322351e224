import { useState } from 'react';
import { GRID_MAX_GROUP_LEVELS, type GridColumnMeta } from '../../../electron/common/api/grid';
import { useI18n } from '../../i18n/react';
import { DRAG_TYPE } from './GridHeader';
import { colLabel } from './filterModel';

/** The bar above the grid: drop a header here to group by it (up to 3 levels); × ungroups. */
export function GroupBar({ groupBy, columns, onChange }: { groupBy: string[]; columns: Map<string, GridColumnMeta>; onChange: (g: string[]) => void }) {
  const { t, locale } = useI18n();
  const [over, setOver] = useState(false);
  const accept = (id: string) => {
    const col = columns.get(id);
    if (!col?.groupable || groupBy.includes(id) || groupBy.length >= GRID_MAX_GROUP_LEVELS) return;
    onChange([...groupBy, id]);
  };
  return (
    <div
      className={`dg-groupbar${over ? ' is-over' : ''}`}
      data-testid="group-bar"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        accept(e.dataTransfer.getData(DRAG_TYPE) || e.dataTransfer.getData('text/plain'));
      }}
    >
      {groupBy.length === 0 ? (
        <span className="muted">{t('grid.groupHint')}</span>
      ) : (
        groupBy.map((id, i) => (
          <span className="chip" key={id} data-testid="group-chip">
            {i > 0 && <span className="dg-arrow">›</span>}
            {colLabel(columns.get(id), id, locale)}
            <button type="button" aria-label={t('grid.ungroup', { name: colLabel(columns.get(id), id, locale) })} onClick={() => onChange(groupBy.filter((g) => g !== id))}>
              ×
            </button>
          </span>
        ))
      )}
    </div>
  );
}
