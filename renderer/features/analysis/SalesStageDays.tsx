import type { SalesAnalysis, SalesPeriodFigures, StageDays } from '../../../electron/common/api/analysis';
import { usePrefixedT } from '../../i18n/react';
import { Table, type Column } from '../../ui';
import { FigureLink } from './figures';
import { SalesSection, type OpenSalesDrill } from './SalesSection';

/**
 * 销售分析 → median days in each stage of the opportunities opened in the period (and the compared
 * one): the median, and how many opportunities it measured as a link to them. "—" when none left the stage.
 */
export function SalesStageDays({ d, stageName, open }: { d: SalesAnalysis; stageName: (code: string) => string; open: OpenSalesDrill }) {
  const s = usePrefixedT('ans.');
  const daysText = (v: number | null) => (v === null ? '—' : s('days', { n: (Math.round(v * 10) / 10).toLocaleString() }));
  const rows = d.current.stageDays.map((cur, i) => ({ cur, prev: d.previous?.stageDays[i] ?? null }));
  type Row = (typeof rows)[number];
  const measured = (p: SalesPeriodFigures, x: StageDays, testId: string) => <FigureLink item={`${stageName(x.stage)} · ${s('measured')}`} fig={x.measured} open={(item, fig) => open(item, p.range, fig.drill)} testId={testId} />;
  const columns: Column<Row>[] = [
    { key: 'stage', header: s('stage'), render: (r) => stageName(r.cur.stage) },
    { key: 'median', header: s('median'), align: 'right', render: (r) => <span data-testid={`days-${r.cur.stage}`}>{daysText(r.cur.median)}</span> },
    { key: 'measured', header: s('measured'), align: 'right', render: (r) => measured(d.current, r.cur, `days-${r.cur.stage}-measured`) },
  ];
  if (d.previous) {
    const prev = d.previous;
    columns.push(
      { key: 'prevMedian', header: s('previousMedian'), align: 'right', render: (r) => daysText(r.prev?.median ?? null) },
      { key: 'prevMeasured', header: s('previousMeasured'), align: 'right', render: (r) => (r.prev ? measured(prev, r.prev, `days-${r.prev.stage}-measured-prev`) : '—') },
    );
  }
  return (
    <SalesSection testId="section-stage-days" title={s('stageDays')}>
      <div style={{ flex: '1 1 480px' }}>
        <Table aria-label={s('stageDays')} columns={columns} rows={rows} rowKey={(r) => r.cur.stage} />
      </div>
      <p className="hint" style={{ flex: '1 1 320px' }}>
        {s('stageDaysNote')}
      </p>
    </SalesSection>
  );
}
