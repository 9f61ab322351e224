import { useState } from 'react';
import type { DayRange } from '../../../electron/common/analysis';
import type { CallsAgent, CallsAnalysis } from '../../../electron/common/api/analysis-calls';
import type { GridSelectionQuery } from '../../../electron/common/api/grid';
import { usePrefixedT } from '../../i18n/react';
import { Table, type Column } from '../../ui';
import { FigureLink } from './figures';
import { SalesSection } from './SalesSection';

const COUNTS = ['inbound', 'inboundAnswered', 'inboundMissed', 'outbound', 'outboundConnected'] as const;
const TIMES = ['talkSeconds', 'avgTalkSeconds', 'avgAnswerSeconds'] as const;
type SortKey = (typeof COUNTS)[number] | (typeof TIMES)[number] | 'name';

/** The value a column sorts by: names A→Z, numbers largest first, "—" (nothing to average) last. */
function sortValue(a: CallsAgent, key: SortKey): number | string | null {
  if (key === 'name') return a.name;
  if (key === 'talkSeconds' || key === 'avgTalkSeconds' || key === 'avgAnswerSeconds') return a[key];
  return a[key].value;
}

/**
 * 呼叫中心 → each agent's calls in the current period, sortable by a click on a header (the server's
 * order — most talk time — first). Every count opens that agent's calls. Tens of rows: sorted here,
 * counted on the server.
 */
export function CallsAgents({ d, open, seconds }: { d: CallsAnalysis; open: (item: string, range: DayRange, drills: GridSelectionQuery[]) => void; seconds: (v: number | null) => string }) {
  const s = usePrefixedT('anc.');
  const [sort, setSort] = useState<SortKey | null>(null);
  const rows =
    sort === null
      ? d.current.agents
      : [...d.current.agents].sort((a, b) => {
          const [x, y] = [sortValue(a, sort), sortValue(b, sort)];
          if (x === null || y === null) return Number(x === null) - Number(y === null);
          return typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : (y as number) - x;
        });
  const label = (key: SortKey) => (key === 'name' ? s('agent') : s(key));
  const header = (key: SortKey) => (
    <button type="button" className="link-button" data-testid={`agents-sort-${key}`} aria-pressed={sort === key} title={s('sortBy', { col: label(key) })} onClick={() => setSort(key)} style={{ background: 'none', border: 0, padding: 0, font: 'inherit', fontWeight: sort === key ? 700 : 'inherit', cursor: 'pointer' }}>
      {label(key)}
      {sort === key ? (key === 'name' ? ' ▲' : ' ▼') : ''}
    </button>
  );
  const columns: Column<CallsAgent>[] = [
    { key: 'name', header: header('name'), render: (a) => a.name },
    ...COUNTS.map(
      (key): Column<CallsAgent> => ({
        key,
        header: header(key),
        align: 'right',
        render: (a) => <FigureLink item={`${a.name} · ${s(key)}`} fig={a[key]} open={() => open(`${a.name} · ${s(key)}`, d.current.range, a[key].drill)} testId={`agent-${a.userId}-${key}`} />,
      }),
    ),
    ...TIMES.map((key): Column<CallsAgent> => ({ key, header: header(key), align: 'right', nowrap: true, render: (a) => <span data-testid={`agent-${a.userId}-${key}`}>{seconds(a[key])}</span> })),
  ];
  return (
    <SalesSection testId="section-agents" title={s('agents')}>
      <div style={{ flex: '1 1 100%' }}>
        <Table aria-label={s('agents')} columns={columns} rows={rows} rowKey={(a) => a.userId} rowProps={(a) => ({ 'data-testid': `agent-row-${a.userId}` })} empty={s('noCalls')} />
        <p className="hint">{s('agentsNote')}</p>
      </div>
    </SalesSection>
  );
}
