import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { AGE_BAND_TEXTS } from '../../../electron/common/analysis';
import type { Bucket, TrafficAnalysis } from '../../../electron/common/api/analysis';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { Toolbar } from '../../ui';
import { DrillDownDialog, type DrillSource } from '../../ui/DrillDownDialog';
import { dictLabel, useDictionary } from '../dictionaries';
import { BreakdownTable, changeText, FigureLink, pctText, type OpenFigure } from './figures';
import { barsOption, titled } from './traffic-options';
import { TrafficHeat } from './TrafficHeat';
import { AnalysisFilters, useAnalysis } from './use-analysis';

// echarts arrives with the first analysis screen opened, not with the app.
const AnalysisChart = lazy(() => import('./AnalysisChart'));

interface Drill {
  title: string;
  drills: DrillSource[];
}

/**
 * 决策分析 → 集客分析: showroom traffic (registered visits + walk-ins) for a period against the
 * compared one — per day, by weekday and hour (visits, walk-ins or both), source, model of
 * interest, home area (address city or ID-number region, switched), occupation, age band and first /
 * return visit — in the manager's scope or for one consultant. Every number opens the grid of
 * exactly its records (the server's `drill`); nothing is counted here.
 */
export function TrafficScreen() {
  const t = usePrefixedT('an.');
  const { locale } = useI18n();
  const a = useAnalysis('analysis.traffic.get');
  const data = a.data;
  const sources = useDictionary('source');
  const models = useDictionary('model');
  const occupations = useDictionary('occupation');
  const [drill, setDrill] = useState<Drill | null>(null);
  const [districtBy, setDistrictBy] = useState<'city' | 'idRegion' | 'phoneArea'>('city');

  const rangeText = (r: { from: string; to: string }) => t('period.range', { from: r.from, to: r.to });
  const open: OpenFigure = (item, fig, compared) => {
    if (!data) return;
    const range = compared && data.compareRange ? data.compareRange : data.range;
    setDrill({
      title: t('drill.title', { item, range: rangeText(range) }),
      drills: fig.drill.map((query) => ({ query, label: query.dataset === 'walkInBatches' ? t('drill.walkIns') : t('drill.visits') })),
    });
  };
  const compared = !!data?.compareRange;

  const unknown = t('unknown');
  const labels = useMemo(
    () => ({
      source: (b: Bucket) => (b.key === null ? unknown : dictLabel(sources, b.key, locale)),
      model: (b: Bucket) => (b.key === null ? unknown : dictLabel(models, b.key, locale)),
      district: (b: Bucket) => (b.key === null ? unknown : b.key === '*' ? t('other') : b.key),
      region: (b: Bucket) => (b.key === null ? unknown : b.key === '*' ? t('traffic.otherRegion') : (data?.regionNames[b.key] ?? b.key)),
      phoneArea: (b: Bucket) => (b.key === null ? unknown : b.key === '*' ? t('traffic.otherRegion') : (data?.phoneAreaNames[b.key] ?? b.key)),
      occupation: (b: Bucket) => (b.key === null ? unknown : dictLabel(occupations, b.key, locale)),
      band: (b: Bucket) => (b.key === null ? unknown : AGE_BAND_TEXTS.text(b.key as 'u25', locale)),
      kind: (b: Bucket) => (b.key === 'first' ? t('kind.first') : t('kind.return')),
      day: (b: Bucket) => String(b.key).slice(5),
    }),
    [sources, models, occupations, data, locale, t, unknown],
  );

  /** One breakdown: chart and table; `chartTitle` names what the chart counts on it, `head` goes beside the heading (a switch). */
  const section = (name: string, title: string, buckets: Bucket[], label: (b: Bucket) => string, note?: ReactNode, horizontal = true, more: { chartTitle?: string; head?: ReactNode } = {}) => {
    const names = { current: t('col.current'), previous: t('col.previous') };
    // Days are not paired with the compared period's days: the totals above carry that comparison.
    const withCompare = compared && buckets.some((b) => b.previous);
    const prev = withCompare ? buckets.map((b) => b.previous?.value ?? 0) : null;
    const bars = barsOption(buckets.map(label), buckets.map((b) => b.current.value), prev, names, horizontal);
    const option = more.chartTitle ? titled(bars, more.chartTitle) : bars;
    return (
      <section className="an-section" data-testid={`section-${name}`} style={{ display: 'flex', gap: 16, flexWrap: 'wrap', padding: '8px 12px', borderTop: '1px solid var(--c-border)' }}>
        <h3 style={{ flex: '1 1 100%', margin: 0, fontSize: 14, display: 'flex', gap: 12, alignItems: 'center' }}>
          {title}
          {more.head}
        </h3>
        <div style={{ flex: '1 1 420px', minWidth: 320 }}>
          {buckets.length > 0 && (
            <Suspense fallback={null}>
              <AnalysisChart option={option} ariaLabel={more.chartTitle ? `${title} · ${more.chartTitle}` : title} testId={`chart-${name}`} series={buckets.map((b) => ({ name: label(b), value: b.current.value }))} onPick={(i) => buckets[i] && open(label(buckets[i]), buckets[i].current)} height={Math.max(220, horizontal ? buckets.length * 28 + 40 : 280)} />
            </Suspense>
          )}
        </div>
        <div style={{ flex: '1 1 380px' }}>
          <BreakdownTable name={name} buckets={buckets} label={label} open={open} compared={withCompare} />
          {note && <p className="hint">{note}</p>}
        </div>
      </section>
    );
  };

  const total = (name: keyof TrafficAnalysis['totals'], title: string) => {
    const b = data!.totals[name];
    return (
      <div className="an-total" style={{ padding: '8px 16px', border: '1px solid var(--c-border)', borderRadius: 4, minWidth: 150 }}>
        <div className="muted">{title}</div>
        <div style={{ fontSize: 22 }}>
          <FigureLink item={title} fig={b.current} open={open} testId={`total-${name}`} />
        </div>
        {compared && (
          <div className="muted" data-testid={`total-${name}-change`}>
            {t('col.previous')} {b.previous ? <FigureLink item={title} fig={b.previous} open={open} compared testId={`total-${name}-prev`} /> : '—'} · {changeText(b.change)}
            {name !== 'traffic' && <> · {t('col.share')} {pctText(b.share)}</>}
          </div>
        )}
      </div>
    );
  };
  // 客户地区 by the address city or by the ID number's region: a switch, the chosen source named on the chart.
  const districtSwitch = (
    <span role="radiogroup" aria-label={t('traffic.byDistrict')} style={{ display: 'inline-flex', gap: 4, fontWeight: 'normal' }}>
      {(['city', 'idRegion', 'phoneArea'] as const).map((k) => (
        <button key={k} type="button" role="radio" aria-checked={districtBy === k} className={districtBy === k ? 'btn btn-primary' : 'btn'} data-testid={`district-by-${k}`} onClick={() => setDistrictBy(k)}>
          {t(`traffic.district.${k}`)}
        </button>
      ))}
    </span>
  );

  return (
    <div className="screen screen-fill" data-testid="traffic-screen" style={{ overflow: 'auto' }}>
      <Toolbar title={t('traffic.traffic')} info={data ? `${rangeText(data.range)}${data.compareRange ? ` · ${t('period.vs', { from: data.compareRange.from, to: data.compareRange.to })}` : ''}` : undefined} />
      <AnalysisFilters a={a} />
      {data && (
        <>
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', padding: '4px 12px 12px' }} data-testid="traffic-totals">
            {total('traffic', t('traffic.traffic'))}
            {total('visits', t('traffic.visits'))}
            {total('walkIns', t('traffic.walkIns'))}
            {total('firstVisits', t('traffic.firstVisits'))}
            {total('returnVisits', t('traffic.returnVisits'))}
          </div>
          {data.totals.traffic.current.value === 0 && <p className="hint" style={{ padding: '0 12px' }}>{t('traffic.empty')}</p>}
          {section('byDay', t('traffic.byDay'), data.byDay, labels.day, undefined, false)}
          <TrafficHeat data={data} open={open} />
          {section('bySource', t('traffic.bySource'), data.bySource, labels.source, t('traffic.sourceNote'))}
          {section('byModel', t('traffic.byModel'), data.byModel, labels.model)}
          {districtBy === 'city' && section('byDistrict', t('traffic.byDistrict'), data.byDistrict, labels.district, t('traffic.districtNote.city'), true, { chartTitle: t('traffic.district.city'), head: districtSwitch })}
          {districtBy === 'idRegion' && section('byIdRegion', t('traffic.byDistrict'), data.byIdRegion, labels.region, t('traffic.districtNote.idRegion'), true, { chartTitle: t('traffic.district.idRegion'), head: districtSwitch })}
          {districtBy === 'phoneArea' && section('byPhoneArea', t('traffic.byDistrict'), data.byPhoneArea, labels.phoneArea, t('traffic.phoneAreaNote'), true, { chartTitle: t('traffic.district.phoneArea'), head: districtSwitch })}
          {section('byOccupation', t('traffic.byOccupation'), data.byOccupation, labels.occupation, t('traffic.occupationNote'))}
          {section('byAgeBand', t('traffic.byAgeBand'), data.byAgeBand, labels.band, t('traffic.ageNote'))}
          {section('byVisitKind', t('traffic.byVisitKind'), data.byVisitKind, labels.kind)}
        </>
      )}
      {drill && <DrillDownDialog title={drill.title} drills={drill.drills} onClose={() => setDrill(null)} />}
    </div>
  );
}
