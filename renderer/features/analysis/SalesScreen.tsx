import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { DayRange } from '../../../electron/common/analysis';
import type { Figure, LostReason, RateFigure, SalesAnalysis, SalesPeriodFigures, StageStep } from '../../../electron/common/api/analysis';
import type { GridSelectionQuery } from '../../../electron/common/api/grid';
import { STAGES } from '../../../electron/common/stages';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { Table, Toolbar, type Column } from '../../ui';
import { DrillDownDialog, type DrillSource } from '../../ui/DrillDownDialog';
import { dictLabel, useDictionary } from '../dictionaries';
import { FigureLink } from './figures';
import { barsOption } from './traffic-options';
import { AnalysisFilters, useAnalysis } from './use-analysis';
import { SalesCompetitors } from './SalesCompetitors';
import { SalesForecast } from './SalesForecast';
import { SalesPareto } from './SalesPareto';
import { SalesRanking } from './SalesRanking';
import { rateText, SalesSection } from './SalesSection';
import { SalesStageDays } from './SalesStageDays';

// echarts arrives with the first analysis screen opened, not with the app.
const AnalysisChart = lazy(() => import('./AnalysisChart'));


interface Drill {
  title: string;
  drills: DrillSource[];
}

/**
 * 决策分析 → 销售分析: the 日报's 留档率 and 成交率 with their counts, the funnel's stage-to-stage
 * conversion of the opportunities opened in the period and their median days per stage, the lost
 * reasons and competitor brands in Pareto order — for a period against the compared one, in the
 * manager's scope or for one consultant — then the consultant ranking and the forecast by month. Every number opens
 * the grid of exactly its records (the server's `drill`); nothing is counted here.
 */
export function SalesScreen() {
  const t = usePrefixedT('an.');
  const s = usePrefixedT('ans.');
  const { locale } = useI18n();
  const a = useAnalysis('analysis.sales.get');
  const data = a.data;
  const reasons = useDictionary('abandon_reason');
  const [drill, setDrill] = useState<Drill | null>(null);

  const rangeText = (r: DayRange) => t('period.range', { from: r.from, to: r.to });
  const tabLabel = (q: GridSelectionQuery) =>
    q.dataset === 'walkInBatches' ? t('drill.walkIns') : q.dataset === 'showroomVisits' ? t('drill.visits') : q.dataset === 'activities' ? s('drill.activities') : s('drill.opportunities');
  const openDrill = (item: string, range: DayRange, drills: GridSelectionQuery[]) =>
    setDrill({ title: t('drill.title', { item, range: rangeText(range) }), drills: drills.map((query) => ({ query, label: tabLabel(query) })) });
  const periods = (d: SalesAnalysis) => [d.current, ...(d.previous ? [d.previous] : [])];

  /** A count of a period that opens its records. */
  const count = (item: string, p: SalesPeriodFigures, fig: Figure, testId: string) => <FigureLink item={item} fig={fig} open={() => openDrill(item, p.range, fig.drill)} testId={testId} />;
  /** A rate that opens the lists it divides (one tab each); "—" when nothing divides. */
  const rate = (item: string, p: SalesPeriodFigures, r: RateFigure, testId: string) =>
    r.value === null ? (
      <span data-testid={testId}>—</span>
    ) : (
      <button type="button" className="link-button" data-testid={testId} title={t('drill.hint')} onClick={() => openDrill(item, p.range, r.drill)} style={{ background: 'none', border: 0, padding: 0, color: 'var(--c-link, #1f5fa8)', cursor: 'pointer', textDecoration: 'underline', font: 'inherit' }}>
        {rateText(r.value)}
      </button>
    );

  const stageName = (code: string) => {
    const st = STAGES.find((x) => x.code === code);
    return st ? (locale === 'en' ? st.en : st.zh) : code;
  };
  const reasonName = (r: LostReason) => (r.reason === null ? s('noReason') : dictLabel(reasons, r.reason, locale));

  const daily = (d: SalesAnalysis) => {
    type Row = { key: string; cell: (p: SalesPeriodFigures, prev: boolean) => ReactNode };
    const countRow = (key: 'newProspects' | 'walkIns' | 'deals'): Row => ({ key, cell: (p, prev) => count(s(key), p, p[key], `daily-${key}${prev ? '-prev' : ''}`) });
    const rateRow = (key: 'registrationRate' | 'closingRate'): Row => ({ key, cell: (p, prev) => rate(s(key), p, p[key], `daily-${key}${prev ? '-prev' : ''}`) });
    const rows: Row[] = [countRow('newProspects'), countRow('walkIns'), countRow('deals'), rateRow('registrationRate'), rateRow('closingRate')];
    const columns: Column<Row>[] = [
      { key: 'item', header: t('col.item'), render: (r) => s(r.key as 'deals') },
      { key: 'current', header: t('col.current'), align: 'right', render: (r) => r.cell(d.current, false) },
    ];
    if (d.previous) columns.push({ key: 'previous', header: t('col.previous'), align: 'right', render: (r) => r.cell(d.previous!, true) });
    return (
      <SalesSection testId="section-daily" title={s('daily')}>
        <div style={{ flex: '1 1 380px' }}>
          <Table aria-label={s('daily')} columns={columns} rows={rows} rowKey={(r) => r.key} />
        </div>
        <p className="hint" style={{ flex: '1 1 320px' }}>
          {s('dailyNote')}
        </p>
      </SalesSection>
    );
  };

  const funnel = (d: SalesAnalysis) => {
    const rows = d.current.funnel.map((step, i) => ({ step, prev: d.previous?.funnel[i] ?? null }));
    type Row = (typeof rows)[number];
    const columns: Column<Row>[] = [
      { key: 'stage', header: s('stage'), render: (r) => stageName(r.step.stage) },
      { key: 'reached', header: s('reached'), align: 'right', render: (r) => count(stageName(r.step.stage), d.current, r.step.reached, `funnel-${r.step.stage}`) },
      { key: 'conversion', header: s('conversion'), align: 'right', render: (r) => <span data-testid={`funnel-${r.step.stage}-conversion`}>{rateText(r.step.conversion)}</span> },
    ];
    if (d.previous) {
      columns.push(
        { key: 'prevReached', header: s('previousReached'), align: 'right', render: (r) => (r.prev ? count(stageName(r.prev.stage), d.previous!, r.prev.reached, `funnel-${r.prev.stage}-prev`) : '—') },
        { key: 'prevConversion', header: s('previousConversion'), align: 'right', render: (r) => rateText(r.prev?.conversion ?? null) },
      );
    }
    const steps: StageStep[] = d.current.funnel;
    const labels = steps.map((x) => stageName(x.stage));
    const option = barsOption(labels, steps.map((x) => x.reached.value), d.previous ? d.previous.funnel.map((x) => x.reached.value) : null, { current: t('col.current'), previous: t('col.previous') }, true);
    return (
      <SalesSection testId="section-funnel" title={s('funnel')}>
        <div style={{ flex: '1 1 420px', minWidth: 320 }}>
          <Suspense fallback={null}>
            <AnalysisChart option={option} ariaLabel={s('funnel')} testId="chart-funnel" series={steps.map((x) => ({ name: stageName(x.stage), value: x.reached.value }))} onPick={(i) => steps[i] && openDrill(labels[i]!, d.current.range, steps[i].reached.drill)} height={steps.length * 34 + 60} />
          </Suspense>
        </div>
        <div style={{ flex: '1 1 380px' }}>
          <Table aria-label={s('funnel')} columns={columns} rows={rows} rowKey={(r) => r.step.stage} />
          <p className="hint">{s('funnelNote')}</p>
        </div>
      </SalesSection>
    );
  };

  return (
    <div className="screen screen-fill" data-testid="sales-analysis-screen" style={{ overflow: 'auto' }}>
      <Toolbar title={s('title')} info={data ? periods(data).map((p, i) => (i === 0 ? rangeText(p.range) : t('period.vs', { from: p.range.from, to: p.range.to }))).join(' · ') : undefined} />
      <AnalysisFilters a={a} />
      {data && (
        <>
          {daily(data)}
          {funnel(data)}
          <SalesStageDays d={data} stageName={stageName} open={openDrill} />
          <SalesPareto
            d={data}
            open={openDrill}
            name="lost"
            title={s('lost')}
            keyHeader={s('reason')}
            totalLabel={s('lostTotal')}
            total={(p) => p.lost}
            lines={data.current.lostReasons.map((r) => ({ ...r, key: r.reason, label: reasonName(r) }))}
            empty={s('lostEmpty')}
          />
          <SalesCompetitors d={data} open={openDrill} />
          <SalesRanking d={data} open={openDrill} />
          <SalesForecast d={data} open={openDrill} />
        </>
      )}
      {drill && <DrillDownDialog title={drill.title} drills={drill.drills} onClose={() => setDrill(null)} />}
    </div>
  );
}
