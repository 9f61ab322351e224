import { useEffect, useState } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import type { SalesList, SalesListRow } from '../../../../electron/common/api/sales-analysis';
import { STAGES } from '../../../../electron/common/stages';
import { call, isApiError } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Table, Toolbar, type Column } from '../../../ui';
import { yuan } from './format';
import { ScopePicker, useScopes } from './ScopePicker';

type Kind = 'stalled' | 'noNextActivity' | 'noPlan';
const KINDS: Kind[] = ['stalled', 'noNextActivity', 'noPlan'];

/** 机会检查 (managers): 停滞机会 / 无下次计划的机会 / 无计划客户, with a click to the customer card. */
export function SalesReviewScreen() {
  const { t, locale } = useI18n();
  const { openCustomer } = useNavigation();
  const scopes = useScopes();
  const [kind, setKind] = useState<Kind>('stalled');
  const [scope, setScope] = useState<Scope>('team');
  const [data, setData] = useState<SalesList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const effectiveScope = scopes.includes(scope) ? scope : scopes[scopes.length - 1]!;

  useEffect(() => {
    let live = true;
    setError(null);
    setData(null);
    call(`sales.lists.${kind}`, { scope: effectiveScope })
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(isApiError(e) ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [kind, effectiveScope]);

  const stage = (code: string | null) => {
    const s = STAGES.find((x) => x.code === code);
    return s ? `${locale === 'en' ? s.en : s.zh} ${s.probability}%` : '';
  };
  const columns: Column<SalesListRow>[] = [
    {
      key: 'customer',
      header: t('sa.customer'),
      render: (r) => (
        <button type="button" className="link" onClick={() => openCustomer(r.customerId, r.customerName)}>
          {r.customerName}
        </button>
      ),
    },
    { key: 'consultant', header: t('sa.owner'), render: (r) => r.consultantName ?? '' },
    ...(kind === 'noPlan'
      ? [{ key: 'open', header: t('sa.review.openOpps'), align: 'right' as const, render: (r: SalesListRow) => r.openOpportunities ?? 0 }]
      : [
          { key: 'stage', header: t('sa.funnel.stage'), render: (r: SalesListRow) => stage(r.stage) },
          { key: 'model', header: t('sa.model'), render: (r: SalesListRow) => r.modelLabel ?? r.model ?? '' },
          { key: 'price', header: t('sa.price'), align: 'right' as const, nowrap: true, render: (r: SalesListRow) => yuan(r.price, locale) },
          { key: 'days', header: t('sa.review.daysInStage'), align: 'right' as const, render: (r: SalesListRow) => r.daysInStage ?? '' },
        ]),
    { key: 'expected', header: t('sa.review.expected'), nowrap: true, render: (r) => r.expectedPurchaseDate ?? '' },
  ];

  return (
    <div className="screen screen-fill" data-testid="sales-review-screen">
      <Toolbar title={t('nav.analysis.salesReview')} info={data ? t('sa.review.total', { n: data.total.toLocaleString() }) : undefined}>
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
      {data && (
        <div style={{ padding: 12, overflow: 'auto' }}>
          {kind === 'stalled' && <p className="hint">{t('sa.review.stalledRule', { n: data.stalledDays ?? 30 })}</p>}
          <Table aria-label={t(`sa.review.${kind}`)} columns={columns} rows={data.rows} rowKey={(r) => r.id} empty={t('sa.review.none')} />
          {data.total > data.rows.length && <p className="hint">{t('sa.more', { shown: data.rows.length, n: data.total.toLocaleString() })}</p>}
        </div>
      )}
    </div>
  );
}
