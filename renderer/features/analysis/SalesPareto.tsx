import { lazy, Suspense } from 'react';
import type { DayRange } from '../../../electron/common/analysis';
import type { Figure } from '../../../electron/common/api/analysis';
import { usePrefixedT } from '../../i18n/react';
import { Table, type Column } from '../../ui';
import { FigureLink } from './figures';
import { paretoOption } from './sales-options';
import { rateText, SalesSection, type OpenSalesDrill } from './SalesSection';

// echarts arrives with the first analysis screen opened, not with the app.
const AnalysisChart = lazy(() => import('./AnalysisChart'));

/** One line of a Pareto list (a lost reason, a competitor brand): its key (null = unknown), name and figures. */
export interface ParetoLine {
  key: string | null;
  label: string;
  figure: Figure;
  share: number | null;
  cumulative: number | null;
}

/**
 * A Pareto section of 销售分析 (lost reasons, competitor brands): bars largest first with the running
 * share, the period's total (and the compared one's) as links, and the table — every count opens its
 * records. `name` prefixes the test ids ('lost' → section-lost, chart-lost, lost-total, lost-<key>).
 * Any topic's period figures (P) fit: 售后 / 客服 shows its reasons and categories with it.
 */
export function SalesPareto<P extends { range: DayRange }>(props: {
  d: { current: P; previous: P | null };
  open: OpenSalesDrill;
  name: string;
  title: string;
  keyHeader: string;
  totalLabel: string;
  total: (p: P) => Figure;
  lines: ParetoLine[];
  empty: string;
  note?: string;
}) {
  const { d, open, name, title, lines } = props;
  const t = usePrefixedT('an.');
  const s = usePrefixedT('ans.');
  const link = (item: string, p: P, fig: Figure, testId: string) => <FigureLink item={item} fig={fig} open={() => open(item, p.range, fig.drill)} testId={testId} />;
  const columns: Column<ParetoLine>[] = [
    { key: 'key', header: props.keyHeader, render: (l) => l.label },
    { key: 'count', header: s('count'), align: 'right', render: (l) => link(l.label, d.current, l.figure, `${name}-${l.key ?? 'null'}`) },
    { key: 'share', header: s('share'), align: 'right', render: (l) => rateText(l.share) },
    { key: 'cumulative', header: s('cumulative'), align: 'right', render: (l) => rateText(l.cumulative) },
  ];
  return (
    <SalesSection testId={`section-${name}`} title={title}>
      <div style={{ flex: '1 1 420px', minWidth: 320 }}>
        {lines.length > 0 && (
          <Suspense fallback={null}>
            <AnalysisChart
              option={paretoOption(lines.map((l) => l.label), lines.map((l) => l.figure.value), lines.map((l) => l.cumulative), { count: s('count'), cumulative: s('cumulative') })}
              ariaLabel={title}
              testId={`chart-${name}`}
              series={lines.map((l) => ({ name: l.label, value: l.figure.value }))}
              onPick={(i) => lines[i] && open(lines[i].label, d.current.range, lines[i].figure.drill)}
            />
          </Suspense>
        )}
      </div>
      <div style={{ flex: '1 1 380px' }}>
        <p style={{ margin: '0 0 6px' }}>
          {props.totalLabel} {link(props.totalLabel, d.current, props.total(d.current), `${name}-total`)}
          {d.previous && (
            <span className="muted">
              {' '}
              · {t('col.previous')} {link(props.totalLabel, d.previous, props.total(d.previous), `${name}-total-prev`)}
            </span>
          )}
        </p>
        <Table aria-label={title} columns={columns} rows={lines} rowKey={(l) => String(l.key)} empty={props.empty} />
        {props.note && <p className="hint">{props.note}</p>}
      </div>
    </SalesSection>
  );
}
