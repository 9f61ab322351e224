import type { GridColumnMeta, GridFilter } from '../../../electron/common/api/grid';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { Button } from '../Button';
import { colLabel, describeCondition } from './filterModel';

/** The active filter as removable chips, with one "clear all". */
export function FilterChips({ filter, columns, onChange, onEditColumn, onEditAdvanced }: {
  filter: GridFilter;
  columns: Map<string, GridColumnMeta>;
  onChange: (f: GridFilter) => void;
  onEditColumn: (colId: string) => void;
  onEditAdvanced: () => void;
}) {
  const { t, locale } = useI18n();
  if (filter.columns.length === 0 && !filter.advanced) return null;
  const opLabel = (op: string) => t(`grid.op.${op}` as MessageKey);
  const joinText = (j: 'and' | 'or') => ` ${t(j === 'and' ? 'grid.join.and' : 'grid.join.or')} `;
  return (
    <div className="dg-chips" data-testid="filter-chips">
      {filter.columns.map((g, i) => {
        const colId = g.conditions[0]?.col ?? '';
        const col = columns.get(colId);
        const text = g.conditions.map((c) => describeCondition(c, col, opLabel, locale)).join(joinText(g.join));
        return (
          <span className="chip" key={`${colId}-${i}`} data-testid="filter-chip">
            <button type="button" className="chip-text" onClick={() => onEditColumn(colId)}>
              <b>{colLabel(col, colId, locale)}</b> {text}
            </button>
            <button type="button" aria-label={t('grid.removeFilter')} onClick={() => onChange({ ...filter, columns: filter.columns.filter((_, j) => j !== i) })}>
              ×
            </button>
          </span>
        );
      })}
      {filter.advanced && (
        <span className="chip" data-testid="filter-chip">
          <button type="button" className="chip-text" onClick={onEditAdvanced}>
            <b>{t('grid.advanced')}</b>{' '}
            {filter.advanced.conditions.map((c) => `${colLabel(columns.get(c.col), c.col, locale)} ${describeCondition(c, columns.get(c.col), opLabel, locale)}`).join(joinText(filter.advanced.join))}
          </button>
          <button type="button" aria-label={t('grid.removeFilter')} onClick={() => onChange({ ...filter, advanced: null })}>
            ×
          </button>
        </span>
      )}
      <Button size="small" variant="quiet" onClick={() => onChange({ columns: [], advanced: null, search: filter.search })}>
        {t('grid.clearAll')}
      </Button>
    </div>
  );
}
