import { useState } from 'react';
import { GRID_MAX_CONDITIONS, type Condition, type ConditionGroup, type GridColumnMeta } from '../../../electron/common/api/grid';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { Button } from '../Button';
import { colLabel, localized, operandsOf, opsFor } from './filterModel';

interface Props {
  /** Columns a condition may use: one (a column's filter) or several (advanced find). */
  columns: GridColumnMeta[];
  initial: ConditionGroup | null;
  onApply: (group: ConditionGroup | null) => void;
  onCancel: () => void;
  title: string;
}

/** Up to 5 conditions joined by AND / OR; operators by column type. */
export function ConditionEditor({ columns, initial, onApply, onCancel, title }: Props) {
  const { t, locale } = useI18n();
  const first = columns[0];
  const blank = (col: GridColumnMeta): Condition => ({ col: col.id, op: opsFor(col)[0] ?? 'equals' });
  const [join, setJoin] = useState<'and' | 'or'>(initial?.join ?? 'and');
  const [conds, setConds] = useState<Condition[]>(initial?.conditions.length ? initial.conditions : first ? [blank(first)] : []);
  const byId = new Map(columns.map((c) => [c.id, c]));
  const opLabel = (op: string) => t(`grid.op.${op}` as MessageKey);

  const update = (i: number, patch: Partial<Condition>) => setConds((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  return (
    <div className="grid-popover" role="dialog" aria-label={title} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div className="grid-popover-title">{title}</div>
      <div className="cond-join" role="radiogroup" aria-label={t('grid.join')}>
        <label>
          <input type="radio" checked={join === 'and'} onChange={() => setJoin('and')} /> {t('grid.join.and')}
        </label>
        <label>
          <input type="radio" checked={join === 'or'} onChange={() => setJoin('or')} /> {t('grid.join.or')}
        </label>
      </div>
      {conds.map((c, i) => {
        const col = byId.get(c.col) ?? first;
        if (!col) return null;
        const kind = operandsOf(c.op);
        const inputType = col.type === 'date' || col.type === 'datetime' ? 'date' : col.type === 'number' ? 'number' : 'text';
        return (
          <div className="cond-row" key={i} data-testid="condition">
            {columns.length > 1 && (
              <select aria-label={t('grid.column')} value={c.col} onChange={(e) => { const nc = byId.get(e.target.value); if (nc) update(i, blank(nc)); }}>
                {columns.map((x) => (
                  <option key={x.id} value={x.id}>
                    {colLabel(x, x.id, locale)}
                  </option>
                ))}
              </select>
            )}
            <select aria-label={t('grid.operator')} value={c.op} onChange={(e) => update(i, { op: e.target.value as Condition['op'], value: undefined, value2: undefined, values: undefined, n: undefined })}>
              {opsFor(col).map((op) => (
                <option key={op} value={op}>
                  {opLabel(op)}
                </option>
              ))}
            </select>
            {(kind === 'one' || kind === 'two') && (
              <input aria-label={t('grid.value')} type={inputType} value={c.value == null ? '' : String(c.value)} onChange={(e) => update(i, { value: e.target.value })} />
            )}
            {kind === 'two' && (
              <input aria-label={t('grid.value2')} type={inputType} value={c.value2 == null ? '' : String(c.value2)} onChange={(e) => update(i, { value2: e.target.value })} />
            )}
            {kind === 'n' && (
              <input aria-label={t('grid.days')} type="number" min={1} max={3650} value={c.n ?? ''} onChange={(e) => update(i, { n: e.target.value ? Math.max(1, Math.trunc(Number(e.target.value))) : undefined })} />
            )}
            {kind === 'values' && (
              <select
                aria-label={t('grid.values')}
                multiple
                size={Math.min(5, col.enumValues?.length ?? 1)}
                value={c.values ?? []}
                onChange={(e) => update(i, { values: [...e.target.selectedOptions].map((o) => o.value) })}
              >
                {(col.enumValues ?? []).map((v) => (
                  <option key={v.value} value={v.value}>
                    {localized(v, locale)}
                  </option>
                ))}
              </select>
            )}
            <button type="button" className="icon-btn" aria-label={t('grid.removeCondition')} onClick={() => setConds((cs) => cs.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        );
      })}
      <div className="grid-popover-actions">
        <Button size="small" disabled={conds.length >= GRID_MAX_CONDITIONS || !first} onClick={() => first && setConds((cs) => [...cs, blank(byId.get(cs[cs.length - 1]?.col ?? '') ?? first)])}>
          + {t('grid.addCondition')}
        </Button>
        <span className="spacer" />
        <Button size="small" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button size="small" variant="primary" onClick={() => onApply(conds.length ? { join, conditions: conds } : null)}>
          {t('grid.apply')}
        </Button>
      </div>
    </div>
  );
}
