import { useState, type ReactNode } from 'react';
import type { ConsultantRank, Figure, SalesAnalysis } from '../../../electron/common/api/analysis';
import { usePrefixedT } from '../../i18n/react';
import { Table, type Column } from '../../ui';
import { FigureLink } from './figures';
import { rateText, SalesSection, type OpenSalesDrill } from './SalesSection';

const COUNTS = ['leads', 'visits', 'testDrives', 'deals', 'activitiesDue', 'activitiesOnTime'] as const;
type SortKey = (typeof COUNTS)[number] | 'onTimeRate' | 'name';

/** The value a column sorts by: names A→Z, numbers largest first, "—" (no rate) last. */
function sortValue(r: ConsultantRank, key: SortKey): number | string | null {
  if (key === 'name') return r.name;
  if (key === 'onTimeRate') return r.onTimeRate;
  return r[key].value;
}

/** The compared period's figure under this period's, smaller and grey, with its name (also for a screen reader). */
function Compared({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="hint" style={{ margin: 0, fontSize: '0.85em' }}>
      <span>{label} </span>
      {children}
    </div>
  );
}

/**
 * 销售分析 → the consultants of the scope, this period's counts and under each the compared period's,
 * sortable by each column (a click on its header sorts by this period; the server's order — deals, then
 * leads — first). Every count opens its records. Tens of rows: sorted here, counted on the server.
 */
export function SalesRanking({ d, open }: { d: SalesAnalysis; open: OpenSalesDrill }) {
  const s = usePrefixedT('ans.');
  const t = usePrefixedT('an.');
  const [sort, setSort] = useState<SortKey | null>(null);
  const rows = sort === null ? d.ranking : [...d.ranking].sort((a, b) => {
    const [x, y] = [sortValue(a, sort), sortValue(b, sort)];
    if (x === null || y === null) return Number(x === null) - Number(y === null);
    return typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : (y as number) - x;
  });
  const header = (key: SortKey, label: string) => (
    <button type="button" className="link-button" data-testid={`rank-sort-${key}`} aria-pressed={sort === key} title={s('sortBy', { col: label })} onClick={() => setSort(key)} style={{ background: 'none', border: 0, padding: 0, font: 'inherit', fontWeight: sort === key ? 700 : 'inherit', cursor: 'pointer' }}>
      {label}
      {sort === key ? (key === 'name' ? ' ▲' : ' ▼') : ''}
    </button>
  );
  const cell = (r: ConsultantRank, key: (typeof COUNTS)[number]) => {
    const fig: Figure = r[key];
    const prev = r.previous?.[key];
    return (
      <>
        <FigureLink item={`${r.name} · ${s(key)}`} fig={fig} open={(item) => open(item, d.current.range, fig.drill)} testId={`rank-${r.consultantId}-${key}`} />
        {prev && d.previous && <Compared label={t('col.previous')}>{<FigureLink item={`${r.name} · ${s(key)} · ${t('col.previous')}`} fig={prev} open={(item) => open(item, d.previous!.range, prev.drill)} testId={`rank-${r.consultantId}-${key}-prev`} />}</Compared>}
      </>
    );
  };

  const columns: Column<ConsultantRank>[] = [
    { key: 'name', header: header('name', s('consultant')), render: (r) => r.name },
    ...COUNTS.map((key): Column<ConsultantRank> => ({ key, header: header(key, s(key)), align: 'right', render: (r) => cell(r, key) })),
    {
      key: 'onTimeRate',
      header: header('onTimeRate', s('onTimeRate')),
      align: 'right',
      render: (r) => (
        <>
          {rateText(r.onTimeRate)}
          {r.previous && <Compared label={t('col.previous')}>{rateText(r.previous.onTimeRate)}</Compared>}
        </>
      ),
    },
  ];
  return (
    <SalesSection testId="section-ranking" title={s('ranking')}>
      <div style={{ flex: '1 1 100%' }}>
        <Table aria-label={s('ranking')} columns={columns} rows={rows} rowKey={(r) => r.consultantId} rowProps={(r) => ({ 'data-testid': `rank-row-${r.consultantId}` })} empty={s('rankingEmpty')} />
        <p className="hint">{s('rankingNote')}</p>
      </div>
    </SalesSection>
  );
}
