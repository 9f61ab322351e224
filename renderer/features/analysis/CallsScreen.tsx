import { lazy, Suspense, useEffect, useState } from 'react';
import { currentPeriod, type DayRange } from '../../../electron/common/analysis';
import type { Figure, RateFigure } from '../../../electron/common/api/analysis';
import type { CallsAnalysis, CallsPeriodFigures } from '../../../electron/common/api/analysis-calls';
import type { GridSelectionQuery } from '../../../electron/common/api/grid';
import { localToday } from '../../../electron/common/dates';
import { call } from '../../api';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { Table, Toolbar, type Column } from '../../ui';
import { DrillDownDialog, type DrillSource } from '../../ui/DrillDownDialog';
import { errorText } from '../../ui/errors';
import { useLoad } from '../../ui/use-load';
import { callOutcomeLabel } from '../telephony';
import { CallsAgents } from './CallsAgents';
import { callsHourOption } from './calls-options';
import { FigureLink } from './figures';
import { PeriodPicker, type PeriodValue } from './PeriodPicker';
import { SalesPareto as Pareto, type ParetoLine } from './SalesPareto';
import { rateText, SalesSection } from './SalesSection';

// echarts arrives with the first analysis screen opened, not with the app.
const AnalysisChart = lazy(() => import('./AnalysisChart'));

type CountKey = 'calls' | 'inbound' | 'inboundAnswered' | 'inboundMissed' | 'missedCalledBack' | 'missedNotCalledBack' | 'outbound' | 'outboundConnected';
type RateKey = 'answerRate' | 'serviceLevel' | 'connectRate';
type SecondsKey = 'avgAnswerSeconds' | 'medianAnswerSeconds' | 'talkSeconds' | 'avgTalkSeconds';
type Line = { kind: 'count'; key: CountKey } | { kind: 'rate'; key: RateKey } | { kind: 'seconds'; key: SecondsKey };
const LINES: Line[] = [
  { kind: 'count', key: 'inbound' },
  { kind: 'count', key: 'inboundAnswered' },
  { kind: 'count', key: 'inboundMissed' },
  { kind: 'rate', key: 'answerRate' },
  { kind: 'rate', key: 'serviceLevel' },
  { kind: 'count', key: 'missedCalledBack' },
  { kind: 'count', key: 'missedNotCalledBack' },
  { kind: 'count', key: 'outbound' },
  { kind: 'count', key: 'outboundConnected' },
  { kind: 'rate', key: 'connectRate' },
  { kind: 'seconds', key: 'avgAnswerSeconds' },
  { kind: 'seconds', key: 'medianAnswerSeconds' },
  { kind: 'seconds', key: 'talkSeconds' },
  { kind: 'seconds', key: 'avgTalkSeconds' },
];
const linkStyle = { background: 'none', border: 0, padding: 0, color: 'var(--c-link, #1f5fa8)', cursor: 'pointer', textDecoration: 'underline', font: 'inherit' } as const;

/**
 * 决策分析 → 呼叫中心: inbound calls answered and missed, the answer rate and service level, missed
 * calls called back, outbound calls connected, time to answer and talk time; calls by hour; each
 * agent's calls; the outcomes — for a period against the compared one, for all agents or one.
 * Every number opens 通话记录 with exactly its calls (the server's `drill`).
 */
export function CallsScreen() {
  const t = usePrefixedT('an.');
  const s = usePrefixedT('anc.');
  const { locale } = useI18n();
  const [today, setToday] = useState<string | null>(null);
  const [value, setValue] = useState<PeriodValue | null>(null);
  const [agentId, setAgentId] = useState<number | null>(null);
  const [data, setData] = useState<CallsAnalysis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ title: string; drills: DrillSource[] } | null>(null);

  // The dealer's today where the user may ask for it, else the PC's.
  useLoad(() => call('showroom.today', {}), [], (r) => setToday(r.date), () => setToday(localToday()));
  useEffect(() => {
    if (today && !value) setValue({ period: currentPeriod('month', today), compare: 'previous' });
  }, [today, value]);
  useLoad(
    value
      ? () => {
          setError(null);
          return call('analysis.calls.get', { ...value, ...(agentId ? { agentId } : {}) });
        }
      : null,
    [value, agentId],
    setData,
    (e) => setError(errorText(e)),
  );

  const rangeText = (r: DayRange) => t('period.range', { from: r.from, to: r.to });
  const open = (item: string, range: DayRange, drills: GridSelectionQuery[]) =>
    setDrill({ title: t('drill.title', { item, range: rangeText(range) }), drills: drills.map((query) => ({ query, label: s('drill.records') })) });
  const seconds = (v: number | null) => (v === null ? '—' : v >= 600 ? s('minutes', { n: Math.round(v / 6) / 10 }) : s('seconds', { n: Math.round(v * 10) / 10 }));
  const rate = (item: string, p: CallsPeriodFigures, r: RateFigure, testId: string) =>
    r.value === null ? (
      <span data-testid={testId}>—</span>
    ) : (
      <button type="button" className="link-button" data-testid={testId} title={t('drill.hint')} onClick={() => open(item, p.range, r.drill)} style={linkStyle}>
        {rateText(r.value)}
      </button>
    );
  const cell = (line: Line, p: CallsPeriodFigures, suffix: string) => {
    const item = s(line.key);
    const testId = `calls-${line.key}${suffix}`;
    if (line.kind === 'count') {
      const fig: Figure = p[line.key];
      return <FigureLink item={item} fig={fig} open={() => open(item, p.range, fig.drill)} testId={testId} />;
    }
    if (line.kind === 'rate') return rate(item, p, p[line.key], testId);
    return <span data-testid={testId}>{seconds(p[line.key])}</span>;
  };

  const overview = (d: CallsAnalysis) => {
    const columns: Column<Line>[] = [
      { key: 'item', header: t('col.item'), render: (l) => s(l.key) },
      { key: 'current', header: t('col.current'), align: 'right', render: (l) => cell(l, d.current, '') },
    ];
    if (d.previous) columns.push({ key: 'previous', header: t('col.previous'), align: 'right', render: (l) => cell(l, d.previous!, '-prev') });
    return (
      <SalesSection testId="section-overview" title={s('overview')}>
        <div style={{ flex: '1 1 420px' }}>
          <p style={{ margin: '0 0 6px' }}>
            {s('calls')} {cell({ kind: 'count', key: 'calls' }, d.current, '')}
          </p>
          <Table aria-label={s('overview')} columns={columns} rows={LINES} rowKey={(l) => l.key} />
        </div>
        <p className="hint" style={{ flex: '1 1 320px' }}>
          {s('overviewNote')}
        </p>
      </SalesSection>
    );
  };

  const byHour = (d: CallsAnalysis) => {
    const hours = d.current.byHour;
    const used = hours.filter((h) => h.inboundAnswered.value + h.inboundMissed.value + h.outbound.value > 0);
    const label = (h: number) => s('hourLabel', { h: String(h).padStart(2, '0') });
    type H = (typeof hours)[number];
    const link = (h: H, key: 'inboundAnswered' | 'inboundMissed' | 'outbound') => (
      <FigureLink item={`${label(h.hour)} · ${s(key)}`} fig={h[key]} open={() => open(`${label(h.hour)} · ${s(key)}`, d.current.range, h[key].drill)} testId={`hour-${h.hour}-${key}`} />
    );
    const columns: Column<H>[] = [
      { key: 'hour', header: s('hour'), render: (h) => label(h.hour) },
      { key: 'inboundAnswered', header: s('inboundAnswered'), align: 'right', render: (h) => link(h, 'inboundAnswered') },
      { key: 'inboundMissed', header: s('inboundMissed'), align: 'right', render: (h) => link(h, 'inboundMissed') },
      { key: 'outbound', header: s('outbound'), align: 'right', render: (h) => link(h, 'outbound') },
    ];
    const names = { answered: s('inboundAnswered'), missed: s('inboundMissed'), outbound: s('outbound') };
    return (
      <SalesSection testId="section-hours" title={s('byHour')}>
        <div style={{ flex: '1 1 520px', minWidth: 360 }}>
          <Suspense fallback={null}>
            <AnalysisChart
              option={callsHourOption(hours, hours.map((h) => label(h.hour)), names)}
              ariaLabel={s('byHour')}
              testId="chart-hours"
              series={hours.map((h) => ({ hour: h.hour, answered: h.inboundAnswered.value, missed: h.inboundMissed.value, outbound: h.outbound.value }))}
              onPick={(i) => hours[i] && open(label(i), d.current.range, [...hours[i].inboundAnswered.drill, ...hours[i].inboundMissed.drill, ...hours[i].outbound.drill])}
            />
          </Suspense>
        </div>
        <div style={{ flex: '1 1 320px', maxHeight: 320, overflow: 'auto' }}>
          <Table aria-label={s('byHour')} columns={columns} rows={used} rowKey={(h) => h.hour} empty={s('noCalls')} />
        </div>
      </SalesSection>
    );
  };

  const outcomes = (d: CallsAnalysis) => {
    const lines: ParetoLine[] = d.current.outcomes.map((o) => ({ ...o, label: o.key === null ? s('noOutcome') : callOutcomeLabel(o.key, locale) }));
    return <Pareto d={d} open={open} name="outcomes" title={s('outcomes')} keyHeader={s('outcome')} totalLabel={s('calls')} total={(p) => p.calls} lines={lines} empty={s('noCalls')} note={s('outcomesNote')} />;
  };

  const agentOptions = data?.agents ?? [];
  return (
    <div className="screen screen-fill" data-testid="calls-analysis-screen" style={{ overflow: 'auto' }}>
      <Toolbar title={s('title')} info={data ? [data.current, ...(data.previous ? [data.previous] : [])].map((p, i) => (i === 0 ? rangeText(p.range) : t('period.vs', { from: p.range.from, to: p.range.to }))).join(' · ') : undefined} />
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', padding: '8px 12px' }}>
        {value && today && <PeriodPicker value={value} onChange={setValue} today={today} />}
        <label style={{ display: 'inline-flex', gap: 4, alignItems: 'center', whiteSpace: 'nowrap' }}>
          {s('agent')}
          <select className="input" data-testid="calls-agent" value={agentId ?? ''} onChange={(e) => setAgentId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{s('allAgents')}</option>
            {agentOptions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <span className="hint">{t('drill.hint')}</span>
      </div>
      {error && (
        <p className="form-message is-error" role="alert">
          {error}
        </p>
      )}
      {data && (
        <>
          {overview(data)}
          {byHour(data)}
          <CallsAgents d={data} open={open} seconds={seconds} />
          {outcomes(data)}
        </>
      )}
      {drill && <DrillDownDialog title={drill.title} drills={drill.drills} onClose={() => setDrill(null)} />}
    </div>
  );
}
