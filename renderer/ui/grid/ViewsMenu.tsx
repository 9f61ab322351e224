import { useCallback, useEffect, useState } from 'react';
import type { Dataset, GridView, ViewState } from '../../../electron/common/api/grid';
import { MANAGER_ROLES, ROLES, type Role } from '../../../electron/common/roles';
import { call } from '../../api';
import { roleName } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { Button } from '../Button';
import { errorText } from '../errors';

export interface ViewsMenuProps {
  dataset: Dataset;
  role: Role;
  current: () => ViewState;
  onLoad: (v: GridView) => void;
  /** Called once with the default view (if any) when the list first arrives. */
  onDefaultLoaded: (v: GridView | null) => void;
  onMessage: (m: string | null) => void;
}

/** Saved views: save the current state under a name, make one the default, load, delete; managers share with a role. */
export function ViewsMenu({ dataset, role, current, onLoad, onDefaultLoaded, onMessage }: ViewsMenuProps) {
  const { t, locale } = useI18n();
  const [views, setViews] = useState<GridView[]>([]);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [asDefault, setAsDefault] = useState(false);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [initialised, setInitialised] = useState(false);

  const fail = useCallback((e: unknown) => onMessage(errorText(e)), [onMessage]);
  const reload = useCallback(async () => {
    const list = await call('grid.views.list', { dataset });
    setViews(list);
    return list;
  }, [dataset]);

  useEffect(() => {
    if (initialised) return;
    setInitialised(true);
    reload().then(
      (list) => {
        const def = list.find((v) => v.isDefault) ?? null;
        if (def) setActiveId(def.id);
        onDefaultLoaded(def);
      },
      (e: unknown) => {
        onDefaultLoaded(null);
        fail(e);
      },
    );
  }, [initialised, reload, onDefaultLoaded, fail]);

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const existing = views.find((v) => v.mine && v.name === trimmed);
    try {
      const v = await call('grid.views.save', { id: existing?.id, dataset, name: trimmed, state: current(), isDefault: asDefault || undefined });
      setActiveId(v.id);
      setName('');
      onMessage(t('grid.viewSaved', { name: v.name }));
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const active = views.find((v) => v.id === activeId);
  const isManager = MANAGER_ROLES.includes(role);

  return (
    <span className="dg-views">
      <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="views-button">
        {t('grid.views')}
        {active ? `: ${active.name}` : ''} ▾
      </Button>
      {open && (
        <div className="grid-popover dg-views-pop" role="dialog" aria-label={t('grid.views')}>
          <div className="grid-popover-title">{t('grid.views')}</div>
          {views.length === 0 && <p className="muted small">{t('grid.noViews')}</p>}
          <ul className="dg-view-list">
            {views.map((v) => (
              <li key={v.id} data-testid="view-item">
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setActiveId(v.id);
                    onLoad(v);
                    setOpen(false);
                  }}
                >
                  {v.name}
                </button>
                {v.isDefault && <span className="badge">{t('grid.default')}</span>}
                {v.sharedWithRole && <span className="badge">{roleName(v.sharedWithRole as Role, locale)}</span>}
                {!v.mine && <span className="muted small">{v.ownerName}</span>}
                <span className="spacer" />
                {v.mine && !v.isDefault && (
                  <button type="button" className="link small" onClick={() => void act(() => call('grid.views.save', { id: v.id, dataset, name: v.name, state: v.state, isDefault: true }))}>
                    {t('grid.setDefault')}
                  </button>
                )}
                {v.mine && isManager && (
                  <select
                    aria-label={t('grid.shareWith')}
                    value={v.sharedWithRole ?? ''}
                    onChange={(e) => void act(() => call('grid.views.share', { id: v.id, role: (e.target.value || null) as Role | null }))}
                  >
                    <option value="">{t('grid.notShared')}</option>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {roleName(r, locale)}
                      </option>
                    ))}
                  </select>
                )}
                {v.mine && (
                  <button type="button" className="icon-btn" aria-label={t('grid.deleteView', { name: v.name })} onClick={() => void act(() => call('grid.views.delete', { id: v.id }))}>
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
          <div className="dg-view-save">
            <input aria-label={t('grid.viewName')} placeholder={t('grid.viewName')} maxLength={60} value={name} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void save()} />
            <label className="small">
              <input type="checkbox" checked={asDefault} onChange={(e) => setAsDefault(e.target.checked)} /> {t('grid.asDefault')}
            </label>
            <Button size="small" variant="primary" disabled={!name.trim()} onClick={() => void save()}>
              {t('grid.saveView')}
            </Button>
          </div>
        </div>
      )}
    </span>
  );
}
