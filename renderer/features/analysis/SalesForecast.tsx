import { lazy, Suspense } from 'react';
import type { ForecastMonth, SalesAnalysis } from '../../../electron/common/api/analysis';
import { monthDays } from '../../../electron/common/dates';
import { usePrefixedT } from '../../i18n/react';
import { Table, type Column } from '../../ui';
import { FigureLink } from './figures';
import { barsOption } from './traffic-options';
import { SalesSection, type OpenSalesDrill } from './SalesSection';

// echarts arrives with the first analysis screen opened, not with the app.
const AnalysisChart = lazy(() => import('./AnalysisChart'));

/**
 * 销售分析 → open opportunities by expected purchase month, this month and the five after it: how many
 * (a link to them) and the deals to expect (Σ of their stages' win probability), as bars and a table.
 */
export function SalesForecast({ d, open }: { d: SalesAnalysis; open: OpenSalesDrill }) {
  const s = usePrefixedT('ans.');
  const list = d.forecast;
  const monthRange = (m: ForecastMonth) => {
    const { first, last } = monthDays(m.month);
    return { from: first, to: last };
  };
  const openMonth = (m: ForecastMonth) => open(`${s('forecast')} · ${m.month}`, monthRange(m), m.count.drill);
  const columns: Column<ForecastMonth>[] = [
    { key: 'month', header: s('month'), render: (m) => m.month },
    { key: 'count', header: s('count'), align: 'right', render: (m) => <FigureLink item={m.month} fig={m.count} open={() => openMonth(m)} testId={`forecast-${m.month}`} /> },
    { key: 'weight', header: s('weight'), align: 'right', render: (m) => <span data-testid={`forecast-${m.month}-weight`}>{m.weight.toLocaleString()}</span> },
  ];
  const labels = list.map((m) => m.month);
  return (
    <SalesSection testId="section-forecast" title={s('forecast')}>
      <div style={{ flex: '1 1 420px', minWidth: 320 }}>
        <Suspense fallback={null}>
          <AnalysisChart
            option={barsOption(labels, list.map((m) => m.count.value), list.map((m) => m.weight), { current: s('count'), previous: s('weight') }, false)}
            ariaLabel={s('forecast')}
            testId="chart-forecast"
            series={list.map((m) => ({ name: m.month, value: m.count.value, weight: m.weight }))}
            onPick={(i) => list[i] && openMonth(list[i])}
          />
        </Suspense>
      </div>
      <div style={{ flex: '1 1 380px' }}>
        <Table aria-label={s('forecast')} columns={columns} rows={list} rowKey={(m) => m.month} />
        <p className="hint">{s('forecastNote')}</p>
      </div>
    </SalesSection>
  );
}
