import { lazy, Suspense, useMemo, useState } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import type { Funnel, FunnelStage } from '../../../../electron/common/api/sales-analysis';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Table, Toolbar, type Column } from '../../../ui';
import { funnelOption } from './funnel-option';

// echarts arrives with the first funnel screen opened, not with the app.
const FunnelChart = lazy(() => import('./FunnelChart'));
import { yuan, thisMonth } from './format';
import { useScopes } from '../../../ui/grid';
import { errorText } from '../../../ui/errors';
import { useLoad } from '../../../ui/use-load';
import { ScopeConsultantPicker } from '../../../ui/ConsultantPicker';

/**
 * 销售漏斗 (sales.funnel; analysis.funnel for managers): one month's funnel and forecast for me,
 * my team or everyone, or one consultant — the echarts funnel and the same numbers as a table.
 */
export function FunnelScreen({ initialScope = 'mine' }: { initialScope?: Scope }) {
  const { t, locale } = useI18n();
  const scopes = useScopes();
  const [month, setMonth] = useState(thisMonth());
  const [scope, setScope] = useState<Scope>(initialScope);
  const [consultantId, setConsultantId] = useState<number | null>(null);
  const [funnel, setFunnel] = useState<Funnel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const effectiveScope = scopes.includes(scope) ? scope : scopes[scopes.length - 1]!;

  useLoad(
    /^\d{4}-\d{2}$/.test(month)
      ? () => {
          setError(null);
          return call('sales.funnel.get', { month, scope: effectiveScope, ...(consultantId ? { consultantId } : {}) });
        }
      : null,
    [month, effectiveScope, consultantId],
    setFunnel,
    (e) => setError(errorText(e)),
  );

  const stageLabel = (s: FunnelStage) => (locale === 'en' ? s.en : s.zh);
  const option = useMemo(() => (funnel ? funnelOption(funnel.stages, (s) => (locale === 'en' ? s.en : s.zh), (s) => yuan(s.amount, locale)) : null), [funnel, locale]);

  const columns: Column<FunnelStage>[] = [
    { key: 'stage', header: t('sa.funnel.stage'), render: stageLabel },
    { key: 'leads', header: t('sa.funnel.leads'), align: 'right', render: (s) => <span data-testid={`leads-${s.code}`}>{s.leads.toLocaleString()}</span> },
    { key: 'probability', header: t('sa.funnel.probability'), align: 'right', render: (s) => `${s.probability}%` },
    { key: 'weight', header: t('sa.funnel.weight'), align: 'right', render: (s) => <span data-testid={`weight-${s.code}`}>{s.weight.toLocaleString()}</span> },
    { key: 'amount', header: t('sa.funnel.amount'), align: 'right', nowrap: true, render: (s) => <span data-testid={`amount-${s.code}`}>{yuan(s.amount, locale)}</span> },
  ];

  return (
    <div className="screen screen-fill" data-testid="funnel-screen">
      <Toolbar title={t('nav.sales.funnel')} info={funnel ? t('sa.funnel.range', { from: funnel.range.fromDay, to: funnel.range.toDay }) : undefined} />
      <div className="sa-filters" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', padding: '8px 12px', whiteSpace: 'nowrap' }}>
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          {t('sa.funnel.month')}
          <input type="month" className="input" style={{ width: 170 }} value={month} aria-label={t('sa.funnel.month')} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </label>
        <ScopeConsultantPicker scopes={scopes} scope={effectiveScope} consultantId={consultantId} onScope={setScope} onConsultant={setConsultantId} texts={{ label: t('sa.consultant'), all: t('sa.allConsultants'), inactive: t('sa.inactive') }} />
      </div>
      {error && (
        <p className="form-message is-error" role="alert">
          {error}
        </p>
      )}
      {funnel && option && (
        <div className="funnel-layout" style={{ display: 'flex', gap: 16, flexWrap: 'wrap', padding: 12, overflow: 'auto' }}>
          <div style={{ flex: '1 1 360px', minWidth: 320 }}>
            <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
              <FunnelChart option={option} ariaLabel={t('nav.sales.funnel')} />
            </Suspense>
          </div>
          <div style={{ flex: '1 1 420px' }}>
            <Table aria-label={t('sa.funnel.table')} columns={columns} rows={funnel.stages} rowKey={(s) => s.code} />
            <p className="funnel-totals" data-testid="funnel-totals">
              {t('sa.funnel.totals', { leads: funnel.totals.leads.toLocaleString(), weight: funnel.totals.weight.toLocaleString(), amount: yuan(funnel.totals.amount, locale) })}
              {funnel.totals.unpriced > 0 && <> · {t('sa.funnel.unpriced', { n: funnel.totals.unpriced })}</>}
            </p>
            <p className="hint">{t('sa.funnel.rule')}</p>
          </div>
        </div>
      )}
    </div>
  );
}

/** 分析 → 漏斗分析: the same screen, opened on the manager's team (or everyone). */
export function FunnelAnalysisScreen() {
  return <FunnelScreen initialScope="all" />;
}
