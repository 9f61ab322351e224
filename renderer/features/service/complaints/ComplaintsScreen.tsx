import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import { useI18n } from '../../../i18n/react';
import { Button, Toolbar } from '../../../ui';
import { SessionDataGrid, ScopePicker, useScopes, type DataGridHandle } from '../../../ui/grid';
import { ComplaintPanel } from './ComplaintPanel';
import { RegisterComplaintDialog } from './RegisterComplaintDialog';
import './complaints.css';

const COLUMNS = ['id', 'customerName', 'plate', 'source', 'category', 'status', 'description', 'assigneeName', 'result', 'createdAt'];
const SORT = [{ col: 'id', dir: 'desc' as const }];

/** 投诉建议: the complaints grid, a register dialog, and a complaint's panel with its history. */
export function ComplaintsScreen() {
  const { t } = useI18n();
  const scopes = useScopes();
  const [scope, setScope] = useState<Scope | null>(null);
  // The desk works on every complaint (unassigned ones have no owner): start on 全部 when allowed.
  useEffect(() => {
    if (scope === null && scopes.length > 1) setScope(scopes.includes('all') ? 'all' : scopes[scopes.length - 1]!);
  }, [scopes, scope]);
  const current: Scope = scope ?? 'mine';
  const [registering, setRegistering] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const grid = useRef<DataGridHandle>(null);

  const onOpenRow = useCallback((row: Record<string, unknown>) => {
    const id = Number(row.id);
    if (Number.isInteger(id) && id > 0) setOpenId(id);
  }, []);

  return (
    <div className="screen screen-fill" data-testid="complaints-screen">
      <Toolbar title={t('nav.service.complaints')}>
        <ScopePicker scopes={scopes} value={current} onChange={setScope} noun="scope.noun.complaints" />
        <Button variant="primary" onClick={() => setRegistering(true)} data-testid="complaint-register">
          {t('cw.complaint.register')}
        </Button>
      </Toolbar>
      <SessionDataGrid
        ref={grid}
        dataset="complaints"
        scope={current}
        initialColumns={COLUMNS}
        initialSort={SORT}
        onOpenRow={onOpenRow}
        scopes={scopes}
        onScopeChange={setScope}
      />
      {registering && (
        <RegisterComplaintDialog
          onClose={() => setRegistering(false)}
          onSaved={(id) => {
            setRegistering(false);
            grid.current?.refresh();
            setOpenId(id);
          }}
        />
      )}
      {openId !== null && <ComplaintPanel id={openId} onClose={() => setOpenId(null)} onChanged={() => grid.current?.refresh()} />}
    </div>
  );
}
