import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConditionGroup } from '../../../../electron/common/api/grid';
import { useI18n } from '../../../i18n/react';
import { Toolbar } from '../../../ui';
import { SessionDataGrid, type DataGridHandle, ScopePicker, useListScope } from '../../../ui/grid';
import { useSessionInfo } from '../../auth';
import { ActivityDetailDialog, REVIEWER_ROLES } from './ActivityDetail';
import { ReviewPanel } from './ReviewPanel';
import { TemplatesPanel } from './TemplatesPanel';
import { NoPlanCustomers } from '../analysis/NoPlanCustomers';

type Quick = 'today' | 'overdue' | 'planned' | 'all';
const QUICK: Quick[] = ['today', 'overdue', 'planned', 'all'];
const planned: ConditionGroup = { join: 'and', conditions: [{ col: 'status', op: 'in', values: ['planned'] }] };

/** The grid's fixed pre-filter of each quick filter (today / overdue are the dealer's day and now on the server). */
function baseFilterOf(q: Quick): ConditionGroup[] {
  if (q === 'today') return [planned, { join: 'and', conditions: [{ col: 'plannedAt', op: 'today' }] }];
  // status = planned first, so SQLite reads the (status, planned_at) or (owner, status, planned_at) index, not every activity.
  if (q === 'overdue') return [planned, { join: 'and', conditions: [{ col: 'overdue', op: 'isTrue' }] }];
  if (q === 'planned') return [planned];
  return [];
}

/** The activities grid with quick filters 今日 / 逾期 / 全部计划; a row opens the activity. */
function PlansList({ switcher }: { switcher?: ReactNode }) {
  const { t } = useI18n();
  const session = useSessionInfo();
  const manager = REVIEWER_ROLES.includes(session.user.role);
  const { scopes: allowed, scope, setScope } = useListScope(manager ? 'team' : 'mine', manager ? undefined : ['mine']);
  const [quick, setQuick] = useState<Quick>('planned');
  const [open, setOpen] = useState<{ id: number; customerId: number } | null>(null);
  const gridRef = useRef<DataGridHandle>(null);
  const baseFilter = useMemo(() => baseFilterOf(quick), [quick]);
  const onOpenRow = useCallback((row: Record<string, unknown>) => {
    const id = Number(row.id);
    const customerId = Number(row.customerId);
    if (id > 0 && customerId > 0) setOpen({ id, customerId });
  }, []);

  return (
    <div className="screen screen-fill">
      <Toolbar title={t('nav.sales.followUpPlans')}>
        {switcher}
        <span className="seg" role="radiogroup" aria-label={t('act.quick')}>
          {QUICK.map((q) => (
            <button key={q} type="button" role="radio" aria-checked={quick === q} className={`seg-btn${quick === q ? ' is-active' : ''}`} onClick={() => setQuick(q)}>
              {t(`act.quick.${q}`)}
            </button>
          ))}
        </span>
        {scope && <ScopePicker scopes={allowed} value={scope} onChange={setScope} />}
      </Toolbar>
      {scope && (
        <SessionDataGrid
          ref={gridRef}
          dataset="activities"
          scope={scope}
          baseFilter={baseFilter}
          onOpenRow={onOpenRow}
          scopes={allowed}
          onScopeChange={setScope}
        />
      )}
      {open && (
        <ActivityDetailDialog
          activityId={open.id}
          customerId={open.customerId}
          canComment={manager}
          onClose={() => setOpen(null)}
          onChanged={() => gridRef.current?.refresh()}
        />
      )}
    </div>
  );
}

/** 销售管理 → 跟踪计划: the plans grid; managers also get 领导批阅 and the plan templates. */
export function FollowUpPlansScreen() {
  const { t } = useI18n();
  const session = useSessionInfo();
  const manager = REVIEWER_ROLES.includes(session.user.role);
  const [tab, setTab] = useState<'plans' | 'review' | 'templates' | 'noPlan'>('plans');
  // The view switch sits in each view's toolbar, so every view keeps the full height. A consultant
  // also gets 无计划客户 here (their customers whose open opportunity has no planned follow-up);
  // managers find it, for their teams, in 机会检查.
  const tabs = manager ? (['plans', 'review', 'templates'] as const) : (['plans', 'noPlan'] as const);
  const switcher = (
    <span className="seg" role="tablist" aria-label={t('nav.sales.followUpPlans')}>
      {tabs.map((x) => (
        <button key={x} type="button" role="tab" aria-selected={tab === x} className={`seg-btn${tab === x ? ' is-active' : ''}`} onClick={() => setTab(x)}>
          {t(`act.tab.${x}`)}
        </button>
      ))}
    </span>
  );
  if (tab === 'noPlan')
    return (
      <div className="screen screen-fill">
        <Toolbar title={t('nav.sales.followUpPlans')}>{switcher}</Toolbar>
        <NoPlanCustomers scope="mine" />
      </div>
    );
  if (tab === 'review') return <ReviewPanel switcher={switcher} />;
  if (tab === 'templates') return <TemplatesPanel switcher={switcher} />;
  return <PlansList switcher={switcher} />;
}
