import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConditionGroup, Scope } from '../../../../electron/common/api/grid';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Toolbar } from '../../../ui';
import { NoPlanCustomers } from './NoPlanCustomers';
import { ScopePicker, SessionDataGrid, useScopes } from '../../../ui/grid';
import { errorText } from '../../../ui/errors';

type Kind = 'stalled' | 'noNextActivity' | 'noPlan';
const KINDS: Kind[] = ['stalled', 'noNextActivity', 'noPlan'];

const OPEN: ConditionGroup = { join: 'and', conditions: [{ col: 'status', op: 'in', values: ['open'] }] };
const NO_PLAN: ConditionGroup = { join: 'and', conditions: [{ col: 'hasPlan', op: 'isFalse' }] };

/**
 * 机会检查 (sales managers): 停滞机会 and 无下次计划的机会 on the DataGrid ('opportunitiesReview' with
 * the list's rule pinned as baseFilter, so sort / filter / group / export work as everywhere),
 * 无计划客户 as a table; a row opens the customer card.
 */
export function SalesReviewScreen() {
  const { t } = useI18n();
  const { openCustomer } = useNavigation();
  const scopes = useScopes();
  const [kind, setKind] = useState<Kind>('stalled');
  const [scope, setScope] = useState<Scope>('team');
  const [params, setParams] = useState<{ stalledDays: number; stalledOnOrBefore: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const effectiveScope = scopes.includes(scope) ? scope : scopes[scopes.length - 1]!;

  useEffect(() => {
    call('sales.review.params', {})
      .then(setParams)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  const baseFilter = useMemo<ConditionGroup[] | null>(() => {
    if (kind === 'noNextActivity') return [OPEN, NO_PLAN];
    if (kind === 'stalled' && params) return [OPEN, { join: 'and', conditions: [{ col: 'lastStageChangeAt', op: 'lte', value: params.stalledOnOrBefore }] }];
    return null;
  }, [kind, params]);
  const onOpenRow = useCallback(
    (row: Record<string, unknown>) => {
      const id = Number(row.customerId);
      if (Number.isInteger(id) && id > 0) openCustomer(id, typeof row.customerName === 'string' ? row.customerName : undefined);
    },
    [openCustomer],
  );

  return (
    <div className="screen screen-fill" data-testid="sales-review-screen">
      <Toolbar title={t('nav.analysis.salesReview')}>
        <span className="seg" role="tablist" aria-label={t('nav.analysis.salesReview')}>
          {KINDS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={kind === k} className={`seg-btn${kind === k ? ' is-active' : ''}`} onClick={() => setKind(k)}>
              {t(`sa.review.${k}`)}
            </button>
          ))}
        </span>
        <ScopePicker scopes={scopes} value={effectiveScope} onChange={setScope} />
      </Toolbar>
      {error && (
        <p className="form-message is-error" role="alert">
          {error}
        </p>
      )}
      {kind === 'stalled' && params && <p className="hint" style={{ padding: '0 12px' }}>{t('sa.review.stalledRule', { n: params.stalledDays })}</p>}
      {baseFilter && (
        <SessionDataGrid
          key={kind}
          dataset="opportunitiesReview"
          scope={effectiveScope}
          baseFilter={baseFilter}
          onOpenRow={onOpenRow}
          scopes={scopes}
          onScopeChange={setScope}
        />
      )}
      {kind === 'noPlan' && <NoPlanCustomers key="noPlan" scope={effectiveScope} scopes={scopes} onScopeChange={setScope} />}
    </div>
  );
}
