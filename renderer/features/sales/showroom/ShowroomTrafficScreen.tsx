import { useMemo, useRef, useState } from 'react';
import type { ConditionGroup } from '../../../../electron/common/api/grid';
import { MANAGER_ROLES } from '../../../../electron/common/roles';
import { useI18n } from '../../../i18n/react';
import { useNavigation, useRecordRequest } from '../../../shell/navigation';
import { call } from '../../../api';
import { errorText } from '../../../ui/errors';
import { Button, TabPanel, TabStrip, Toolbar, useToast } from '../../../ui';
import { SessionDataGrid, type DataGridHandle, ScopePicker, useListScope } from '../../../ui/grid';
import { useSessionInfo } from '../../auth';
import { TestDrivePanel } from './TestDrivePanel';
import { TrafficReport } from './TrafficReport';
import { useDealerNow } from './useShowroomToday';
import { VisitEditDialog } from './VisitEditDialog';
import { VisitForm } from './VisitForm';
import { WalkInCounter } from './WalkInCounter';
import './showroom.css';

type Tab = 'entry' | 'report' | 'testDrive';

/** 销售管理 → 展厅流量登记: walk-in counter, 登记来访, the visits list, 日报 and 试乘试驾. */
export function ShowroomTrafficScreen() {
  const { t } = useI18n();
  const toast = useToast();
  const session = useSessionInfo();
  const { openCustomer } = useNavigation();
  const now = useDealerNow();
  const manager = MANAGER_ROLES.includes(session.user.role);
  const [tab, setTab] = useState<Tab>('entry');
  const { scopes, scope, setScope } = useListScope(manager ? 'team' : 'mine', manager ? undefined : ['mine']);
  const [registering, setRegistering] = useState(false);
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const [changes, setChanges] = useState(0);
  const gridRef = useRef<DataGridHandle>(null);
  // 只看超24小时录入: the managers' list of late entries, as a fixed pre-filter on the same grid.
  const [lateOnly, setLateOnly] = useState(false);
  const baseFilter = useMemo<ConditionGroup[] | undefined>(() => (lateOnly ? [{ join: 'and', conditions: [{ col: 'late', op: 'isTrue' }] }] : undefined), [lateOnly]);
  const changed = () => setChanges((n) => n + 1);
  // A visit another screen opened (审核自查's offending rows): its form, with the row read afresh by id.
  useRecordRequest('sales.showroomTraffic', (r) => {
    if (r.kind !== 'row') return;
    setTab('entry');
    call('grid.query', {
      dataset: 'showroomVisits',
      // The widest scope the user has; a request may come before the list's scopes have loaded.
      scope: scopes[scopes.length - 1] ?? (session.permissions.includes('customers.viewAll') ? 'all' : manager ? 'team' : 'mine'),
      filter: { columns: [{ join: 'and', conditions: [{ col: 'id', op: 'eq', value: r.id }] }] },
      columns: ['id', 'name', 'visitDate', 'testDrive', 'ordered', 'delivered'],
      limit: 1,
    }).then(
      (page) => {
        const row = page.kind === 'rows' ? page.rows[0] : undefined;
        if (row) setEditing(row);
        else toast.show(t('showroom.visit.notFound'));
      },
      (e: unknown) => toast.show(errorText(e)),
    );
  });

  const tabs = [
    { id: 'entry', label: t('showroom.tab.entry') },
    { id: 'report', label: t('showroom.tab.report') },
    { id: 'testDrive', label: t('showroom.tab.testDrive') },
  ];
  return (
    <div className="screen screen-fill sr-screen" data-testid="showroom-screen">
      <Toolbar title={t('nav.sales.showroomTraffic')}>
        <TabStrip tabs={tabs} activeId={tab} onSelect={(id) => setTab(id as Tab)} aria-label={t('nav.sales.showroomTraffic')} />
        <span className="spacer" />
        <Button variant="primary" disabled={!now} onClick={() => setRegistering(true)} data-testid="visit-new">
          {t('showroom.visit.new')}
        </Button>
      </Toolbar>
      <TabPanel id="entry" active={tab === 'entry'}>
        <div className="sr-entry">
          {now && <WalkInCounter date={now.date} onSaved={changed} />}
          <section className="sr-visits">
            <div className="sr-row">
              <h3 className="sr-h">{t('showroom.visits.title')}</h3>
              {scope && <ScopePicker scopes={scopes} value={scope} onChange={setScope} />}
              <label className="sr-late-only">
                <input type="checkbox" checked={lateOnly} onChange={(e) => setLateOnly(e.target.checked)} data-testid="late-only" /> {t('showroom.visits.lateOnly')}
              </label>
            </div>
            <div className="sr-grid">
              {scope && <SessionDataGrid ref={gridRef} dataset="showroomVisits" scope={scope} baseFilter={baseFilter} scopes={scopes} onScopeChange={setScope} onOpenRow={setEditing} />}
            </div>
          </section>
        </div>
      </TabPanel>
      <TabPanel id="report" active={tab === 'report'}>
        {now && <TrafficReport month={now.date.slice(0, 7)} refreshKey={changes} />}
      </TabPanel>
      <TabPanel id="testDrive" active={tab === 'testDrive'}>
        {now && <TestDrivePanel now={now} />}
      </TabPanel>
      {editing && (
        <VisitEditDialog
          id={Number(editing.id)}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            gridRef.current?.refresh();
          }}
        />
      )}
      {registering && now && (
        <VisitForm
          now={now}
          onClose={() => setRegistering(false)}
          onSaved={(r, name) => {
            setRegistering(false);
            gridRef.current?.refresh();
            changed();
            toast.success(
              t(r.customerCreated ? 'showroom.visit.savedNew' : 'showroom.visit.savedLinked', { name }) + (r.late ? ` ${t('showroom.visit.savedLate')}` : ''),
            );
            if (r.customerCreated) openCustomer(r.customerId, name);
          }}
        />
      )}
    </div>
  );
}
