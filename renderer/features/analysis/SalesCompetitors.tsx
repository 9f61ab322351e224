import { lazy, Suspense } from 'react';
import type { CompetitorBrand, SalesAnalysis } from '../../../electron/common/api/analysis';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { Table, type Column } from '../../ui';
import { dictLabel, useDictionary } from '../dictionaries';
import { FigureLink } from './figures';
import { paretoOption } from './sales-options';
import { rateText, SalesSection, type OpenSalesDrill } from './SalesSection';

// echarts arrives with the first analysis screen opened, not with the app.
const AnalysisChart = lazy(() => import('./AnalysisChart'));

/**
 * 销售分析 → the brands the period's lost opportunities went to, in Pareto order (bars and the running
 * share), the unrecorded brand last; each count opens its opportunities.
 */
export function SalesCompetitors({ d, open }: { d: SalesAnalysis; open: OpenSalesDrill }) {
  const t = usePrefixedT('an.');
  const s = usePrefixedT('ans.');
  const { locale } = useI18n();
  const brands = useDictionary('brand');
  const list = d.current.competitorBrands;
  const brandName = (b: CompetitorBrand) => (b.brand === null ? s('noBrand') : dictLabel(brands, b.brand, locale));
  const openFig = (p: typeof d.current) => (item: string, fig: { drill: Parameters<OpenSalesDrill>[2] }) => open(item, p.range, fig.drill);
  const columns: Column<CompetitorBrand>[] = [
    { key: 'brand', header: s('brand'), render: brandName },
    { key: 'count', header: s('count'), align: 'right', render: (b) => <FigureLink item={brandName(b)} fig={b.figure} open={openFig(d.current)} testId={`brand-${b.brand ?? 'null'}`} /> },
    { key: 'share', header: s('share'), align: 'right', render: (b) => rateText(b.share) },
    { key: 'cumulative', header: s('cumulative'), align: 'right', render: (b) => rateText(b.cumulative) },
  ];
  const labels = list.map(brandName);
  return (
    <SalesSection testId="section-competitors" title={s('competitors')}>
      <div style={{ flex: '1 1 420px', minWidth: 320 }}>
        {list.length > 0 && (
          <Suspense fallback={null}>
            <AnalysisChart
              option={paretoOption(labels, list.map((b) => b.figure.value), list.map((b) => b.cumulative), { count: s('count'), cumulative: s('cumulative') })}
              ariaLabel={s('competitors')}
              testId="chart-competitors"
              series={list.map((b, i) => ({ name: labels[i], value: b.figure.value }))}
              onPick={(i) => list[i] && open(labels[i]!, d.current.range, list[i].figure.drill)}
            />
          </Suspense>
        )}
      </div>
      <div style={{ flex: '1 1 380px' }}>
        <p style={{ margin: '0 0 6px' }}>
          {s('competitorTotal')} <FigureLink item={s('competitorTotal')} fig={d.current.competitorLost} open={openFig(d.current)} testId="competitor-total" />
          {d.previous && (
            <span className="muted">
              {' '}
              · {t('col.previous')} <FigureLink item={s('competitorTotal')} fig={d.previous.competitorLost} open={openFig(d.previous)} testId="competitor-total-prev" />
            </span>
          )}
        </p>
        <Table aria-label={s('competitors')} columns={columns} rows={list} rowKey={(b) => String(b.brand)} empty={s('competitorsEmpty')} />
        <p className="hint">{s('competitorsNote')}</p>
      </div>
    </SalesSection>
  );
}
