import type { GridColumnMeta } from '../../../electron/common/api/grid';
import { useI18n } from '../../i18n/react';
import { Button } from '../Button';
import { colLabel } from './filterModel';

/** Add or remove columns (related records' columns say where they come from) and move them. */
export function ColumnChooser({ all, visible, onChange, onClose }: { all: GridColumnMeta[]; visible: string[]; onChange: (ids: string[]) => void; onClose: () => void }) {
  const { t, locale } = useI18n();
  const hidden = all.filter((c) => !visible.includes(c.id));
  const byId = new Map(all.map((c) => [c.id, c]));
  const move = (i: number, d: number) => {
    const next = [...visible];
    const j = i + d;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j] as string, next[i] as string];
    onChange(next);
  };
  return (
    <div className="grid-popover dg-chooser" role="dialog" aria-label={t('grid.columns')}>
      <div className="grid-popover-title">{t('grid.columns')}</div>
      <ul className="dg-chooser-list">
        {visible.map((id, i) => (
          <li key={id}>
            <label>
              <input type="checkbox" checked disabled={visible.length <= 1} onChange={() => onChange(visible.filter((v) => v !== id))} /> {colLabel(byId.get(id), id, locale)}
            </label>
            <span className="spacer" />
            <button type="button" className="icon-btn" aria-label={t('grid.moveUp')} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button type="button" className="icon-btn" aria-label={t('grid.moveDown')} onClick={() => move(i, 1)}>
              ↓
            </button>
          </li>
        ))}
        {hidden.map((c) => (
          <li key={c.id}>
            <label>
              <input type="checkbox" checked={false} onChange={() => onChange([...visible, c.id])} /> {colLabel(c, c.id, locale)}
              {c.related && <span className="muted small"> · {t('grid.related')}</span>}
            </label>
          </li>
        ))}
      </ul>
      <div className="grid-popover-actions">
        <span className="spacer" />
        <Button size="small" onClick={onClose}>
          {t('common.close')}
        </Button>
      </div>
    </div>
  );
}
