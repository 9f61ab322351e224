import { useCallback, useRef, useState } from 'react';
import { MANAGER_ROLES } from '../../../../electron/common/roles';
import { useI18n } from '../../../i18n/react';
import { Button, Toolbar } from '../../../ui';
import { SessionDataGrid, type DataGridHandle, ScopePicker, useListScope } from '../../../ui/grid';
import { useSessionInfo } from '../../auth';
import { OpportunityForm } from './OpportunityForm';
import { OpportunityPanel } from './OpportunityPanel';
import './opportunities.css';

/**
 * 销售管理 → 潜在客户: the opportunities on the shared DataGrid; a double click (or Enter) opens the
 * opportunity beside the list, where the consultant moves it through the stages to delivery.
 */
export function ProspectsScreen() {
  const { t } = useI18n();
  const session = useSessionInfo();
  const manager = MANAGER_ROLES.includes(session.user.role);
  const { scopes, scope, setScope } = useListScope(manager ? 'team' : 'mine', manager ? undefined : ['mine']);
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const gridRef = useRef<DataGridHandle>(null);
  const onOpenRow = useCallback((row: Record<string, unknown>) => {
    const id = Number(row.id);
    if (Number.isInteger(id) && id > 0) setSelected(id);
  }, []);

  return (
    <div className="screen screen-fill opp-screen" data-testid="prospects-screen">
      <Toolbar title={t('nav.sales.prospects')}>
        {scope && <ScopePicker scopes={scopes} value={scope} onChange={setScope} />}
        <Button variant="primary" onClick={() => setCreating(true)} data-testid="opp-new">
          {t('opp.new')}
        </Button>
      </Toolbar>
      <div className={`opp-split${selected ? ' has-panel' : ''}`}>
        <div className="opp-grid">
          {scope && (
            <SessionDataGrid
              ref={gridRef}
              dataset="opportunities"
              scope={scope}
              onOpenRow={onOpenRow}
              scopes={scopes}
              onScopeChange={setScope}
            />
          )}
        </div>
        {selected && (
          <aside className="opp-side">
            <button type="button" className="link opp-side-close" aria-label={t('common.close')} onClick={() => setSelected(null)}>
              ×
            </button>
            <OpportunityPanel key={selected} id={selected} onChanged={() => gridRef.current?.refresh()} />
          </aside>
        )}
      </div>
      {creating && (
        <OpportunityForm
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            gridRef.current?.refresh();
            setSelected(id);
          }}
        />
      )}
    </div>
  );
}
