import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { currentPeriod, type DayRange } from '../../../electron/common/analysis';
import type { Figure, RateFigure } from '../../../electron/common/api/analysis';
import type { AftersalesAnalysis, AftersalesPeriodFigures } from '../../../electron/common/api/analysis-aftersales';
import { SERVICE_TASK_KIND } from '../../../electron/common/api/service-texts';
import type { GridSelectionQuery } from '../../../electron/common/api/grid';
import { localToday } from '../../../electron/common/dates';
import { call } from '../../api';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { Table, Toolbar, type Column } from '../../ui';
import { DrillDownDialog, type DrillSource } from '../../ui/DrillDownDialog';
import { errorText } from '../../ui/errors';
import { useLoad } from '../../ui/use-load';
import { dictLabel, useDictionary } from '../dictionaries';
import { FigureLink } from './figures';
import { SalesPareto as Pareto, type ParetoLine } from './SalesPareto';
import { PeriodPicker, type PeriodValue } from './PeriodPicker';
import { rateText, SalesSection } from './SalesSection';
import { barsOption } from './traffic-options';

// echarts arrives with the first analysis screen opened, not with the app.
const AnalysisChart = lazy(() => import('./AnalysisChart'));

type RateKey = 'revisitSales' | 'revisitRepair' | 'solicitationRate' | 'solicitationSuccess' | 'firstServiceReturn' | 'retention';
const RATE_KEYS: RateKey[] = ['revisitSales', 'revisitRepair', 'solicitationRate', 'solicitationSuccess', 'firstServiceReturn', 'retention'];
const linkStyle = { background: 'none', border: 0, padding: 0, color: 'var(--c-link, #1f5fa8)', cursor: 'pointer', textDecoration: 'underline', font: 'inherit' } as const;

/**
 * 决策分析 → 售后 / 客服: revisits within 3 days, 招揽率 / 成功率 and retention; dissatisfaction
 * reasons (Pareto) and their trend; complaints by category with the median time to close; reminders
 * → appointments → arrivals per kind; churn reasons — for a period against the compared one,
 * dealer-wide. Every number opens the grid of exactly its records (the server's `drill`).
 */
export function AftersalesScreen() {
  const t = usePrefixedT('an.');
  const s = usePrefixedT('ana.');
  const { locale } = useI18n();
  const [today, setToday] = useState<string | null>(null);
  const [value, setValue] = useState<PeriodValue | null>(null);
  const [data, setData] = useState<AftersalesAnalysis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ title: string; drills: DrillSource[] } | null>(null);
  const reasons = useDictionary('dissatisfaction_reason');
  const categories = useDictionary('complaint_category');
  const churnReasons = useDictionary('churn_reason');

  // The dealer's today where the user may ask for it (the sales floor's clock), else the PC's.
  useLoad(() => call('showroom.today', {}), [], (r) => setToday(r.date), () => setToday(localToday()));
  useEffect(() => {
    if (today && !value) setValue({ period: currentPeriod('month', today), compare: 'previous' });
  }, [today, value]);
  useLoad(
    value
      ? () => {
          setError(null);
          return call('analysis.aftersales.get', value);
        }
      : null,
    [value],
    setData,
    (e) => setError(errorText(e)),
  );

  const rangeText = (r: DayRange) => t('period.range', { from: r.from, to: r.to });
  const open = (item: string, range: DayRange, drills: GridSelectionQuery[]) =>
    setDrill({ title: t('drill.title', { item, range: rangeText(range) }), drills: drills.map((query) => ({ query, label: s('drill.records') })) });
  const count = (item: string, p: AftersalesPeriodFigures, fig: Figure, testId: string) => <FigureLink item={item} fig={fig} open={() => open(item, p.range, fig.drill)} testId={testId} />;
  const rate = (item: string, p: AftersalesPeriodFigures, r: RateFigure | { value: number | null; drill: GridSelectionQuery[] }, testId: string) =>
    r.value === null ? (
      <span data-testid={testId}>—</span>
    ) : (
      <button type="button" className="link-button" data-testid={testId} title={t('drill.hint')} onClick={() => open(item, p.range, r.drill)} style={linkStyle}>
        {rateText(r.value)}
      </button>
    );
  const periods = (d: AftersalesAnalysis) => [d.current, ...(d.previous ? [d.previous] : [])];

  const rates = (d: AftersalesAnalysis) => {
    const columns: Column<RateKey>[] = [
      { key: 'item', header: t('col.item'), render: (k) => s(k) },
      { key: 'current', header: t('col.current'), align: 'right', render: (k) => rate(s(k), d.current, d.current[k], `rate-${k}`) },
    ];
    if (d.previous) columns.push({ key: 'previous', header: t('col.previous'), align: 'right', render: (k) => rate(s(k), d.previous!, d.previous![k], `rate-${k}-prev`) });
    return (
      <SalesSection testId="section-rates" title={s('rates')}>
        <div style={{ flex: '1 1 380px' }}>
          <Table aria-label={s('rates')} columns={columns} rows={RATE_KEYS} rowKey={(k) => k} />
        </div>
        <p className="hint" style={{ flex: '1 1 320px' }}>
          {s('ratesNote')}
        </p>
      </SalesSection>
    );
  };

  const trend = (d: AftersalesAnalysis) => {
    const points = d.current.dissatisfactionTrend;
    const label = (r: DayRange) => (r.from === r.to ? r.from.slice(5) : `${r.from.slice(5)}~${r.to.slice(5)}`);
    const labels = points.map((p) => label(p.range));
    const columns: Column<(typeof points)[number]>[] = [
      { key: 'bucket', header: s('bucket'), render: (p) => label(p.range) },
      { key: 'count', header: s('dissatisfied'), align: 'right', render: (p) => <FigureLink item={s('dissatisfied')} fig={p.figure} open={() => open(s('dissatisfied'), p.range, p.figure.drill)} testId={`trend-${p.range.from}`} /> },
    ];
    return (
      <SalesSection testId="section-trend" title={s('trend')}>
        <div style={{ flex: '1 1 420px', minWidth: 320 }}>
          <Suspense fallback={null}>
            <AnalysisChart option={barsOption(labels, points.map((p) => p.figure.value), null, { current: s('dissatisfied'), previous: '' }, false)} ariaLabel={s('trend')} testId="chart-trend" series={points.map((p, i) => ({ name: labels[i], value: p.figure.value }))} onPick={(i) => points[i] && open(s('dissatisfied'), points[i].range, points[i].figure.drill)} />
          </Suspense>
        </div>
        <div style={{ flex: '1 1 300px' }}>
          <Table aria-label={s('trend')} columns={columns} rows={points} rowKey={(p) => p.range.from} />
        </div>
      </SalesSection>
    );
  };

  const complaints = (d: AftersalesAnalysis) => {
    const cur = d.current;
    const lines: ParetoLine[] = cur.complaintCategories.map((c) => ({ ...c, key: c.category, label: dictLabel(categories, c.category, locale) }));
    const hours = (p: AftersalesPeriodFigures) => (p.complaintCloseHours === null ? '—' : s('hours', { n: Math.round(p.complaintCloseHours * 10) / 10 }));
    const extra: ReactNode = (
      <p style={{ margin: '0 0 6px' }} data-testid="complaints-status">
        {s('open')} {count(s('open'), cur, cur.complaintsOpen, 'complaints-open')} · {s('closed')} {count(s('closed'), cur, cur.complaintsClosed, 'complaints-closed')} · {s('closeHours')}{' '}
        <span data-testid="complaints-hours">{hours(cur)}</span>
        {d.previous && (
          <span className="muted">
            {' '}
            ({t('col.previous')} <span data-testid="complaints-hours-prev">{hours(d.previous)}</span>)
          </span>
        )}
      </p>
    );
    return (
      <>
        <Pareto d={d} open={open} name="complaints" title={s('complaints')} keyHeader={s('category')} totalLabel={s('complaintsTotal')} total={(p) => p.complaints} lines={lines} empty={s('empty')} note={s('complaintsNote')} />
        <div style={{ padding: '0 12px 8px' }}>{extra}</div>
      </>
    );
  };

  const reminders = (d: AftersalesAnalysis) => {
    const rows = d.current.reminders;
    const kindName = (k: string) => {
      const pair = SERVICE_TASK_KIND.pair(k as 'first_service');
      return locale === 'en' ? pair.en : pair.zh;
    };
    type R = (typeof rows)[number];
    const stage = (key: 'sent' | 'appointed' | 'arrived'): Column<R> => ({ key, header: s(key), align: 'right', render: (r) => count(`${kindName(r.kind)} · ${s(key)}`, d.current, r[key], `reminder-${r.kind}-${key}`) });
    const columns: Column<R>[] = [
      { key: 'kind', header: s('kind'), render: (r) => kindName(r.kind) },
      stage('sent'),
      stage('appointed'),
      stage('arrived'),
      { key: 'appointmentRate', header: s('appointmentRate'), align: 'right', render: (r) => <span data-testid={`reminder-${r.kind}-appointmentRate`}>{rateText(r.appointmentRate)}</span> },
      { key: 'arrivalRate', header: s('arrivalRate'), align: 'right', render: (r) => rateText(r.arrivalRate) },
    ];
    const labels = rows.map((r) => kindName(r.kind));
    const option = barsOption(labels, rows.map((r) => r.sent.value), rows.map((r) => r.appointed.value), { current: s('sent'), previous: s('appointed') }, false);
    return (
      <SalesSection testId="section-reminders" title={s('reminders')}>
        <div style={{ flex: '1 1 420px', minWidth: 320 }}>
          <Suspense fallback={null}>
            <AnalysisChart option={option} ariaLabel={s('reminders')} testId="chart-reminders" series={rows.map((r, i) => ({ name: labels[i], value: r.sent.value, appointed: r.appointed.value }))} onPick={(i) => rows[i] && open(labels[i]!, d.current.range, rows[i].sent.drill)} />
          </Suspense>
        </div>
        <div style={{ flex: '1 1 420px' }}>
          <Table aria-label={s('reminders')} columns={columns} rows={rows} rowKey={(r) => r.kind} />
          <p className="hint">{s('remindersNote')}</p>
        </div>
      </SalesSection>
    );
  };

  const dissatisfaction = (d: AftersalesAnalysis) => {
    const lines: ParetoLine[] = d.current.dissatisfactionReasons.map((r) => ({ ...r, label: r.key === null ? s('noReason') : dictLabel(reasons, r.key, locale) }));
    return <Pareto d={d} open={open} name="dissatisfaction" title={s('dissatisfaction')} keyHeader={s('reason')} totalLabel={s('dissatisfied')} total={(p) => p.dissatisfied} lines={lines} empty={s('empty')} note={s('dissatisfactionNote')} />;
  };
  const churn = (d: AftersalesAnalysis) => {
    const lines: ParetoLine[] = d.current.churnReasons.map((r) => ({ ...r, label: dictLabel(churnReasons, r.key, locale) }));
    return <Pareto d={d} open={open} name="churn" title={s('churn')} keyHeader={s('reason')} totalLabel={s('churned')} total={(p) => p.churned} lines={lines} empty={s('empty')} />;
  };

  return (
    <div className="screen screen-fill" data-testid="aftersales-analysis-screen" style={{ overflow: 'auto' }}>
      <Toolbar title={s('title')} info={data ? periods(data).map((p, i) => (i === 0 ? rangeText(p.range) : t('period.vs', { from: p.range.from, to: p.range.to }))).join(' · ') : undefined} />
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', padding: '8px 12px' }}>
        {value && today && <PeriodPicker value={value} onChange={setValue} today={today} />}
        <span className="hint">{t('drill.hint')}</span>
      </div>
      {error && (
        <p className="form-message is-error" role="alert">
          {error}
        </p>
      )}
      {data && (
        <>
          {rates(data)}
          {dissatisfaction(data)}
          {trend(data)}
          {complaints(data)}
          {reminders(data)}
          {churn(data)}
        </>
      )}
      {drill && <DrillDownDialog title={drill.title} drills={drill.drills} onClose={() => setDrill(null)} />}
    </div>
  );
}
