import { lazy, Suspense, useState } from 'react';
import type { Figure, HeatCell, TrafficAnalysis } from '../../../electron/common/api/analysis';
import { usePrefixedT } from '../../i18n/react';
import { FigureLink, type OpenFigure } from './figures';
import { heatOption } from './traffic-options';

const AnalysisChart = lazy(() => import('./AnalysisChart'));

const LAYERS = ['visits', 'walkIns', 'total'] as const;
type Layer = (typeof LAYERS)[number];

/**
 * 集客分析's heat map (weekday × hour) with its three layers — 登记来访, 未留档, 合计 — chosen by a
 * switch, the table of the shown layer beside it, and what has no hour (visits without a time,
 * walk-ins typed in on a later day) as linked figures under it. The server counts every cell.
 */
export function TrafficHeat({ data, open }: { data: TrafficAnalysis; open: OpenFigure }) {
  const t = usePrefixedT('an.');
  const [layer, setLayer] = useState<Layer>('visits');
  const cells: HeatCell[] = layer === 'visits' ? data.heat : layer === 'walkIns' ? data.heatWalkIns : data.heatTotal;
  const weekdays = Array.from({ length: 7 }, (_, i) => t(`weekday.${i}` as 'weekday.0'));
  const layerName = t(`traffic.heatLayer.${layer}`);
  const cellName = (c: HeatCell) => `${layerName} · ${weekdays[c.weekday]} ${c.hour}:00`;
  const pick = (i: number) => {
    const c = cells[i];
    if (c) open(cellName(c), c as Figure);
  };
  const unknown = (fig: Figure, key: 'traffic.heatUnknown' | 'traffic.heatWalkInsUnknown', testId: string) =>
    fig.value !== 0 && (
      <>
        {' '}
        {t(key, { n: '' })}
        <FigureLink item={t(key, { n: '' })} fig={fig} open={open} testId={testId} />
      </>
    );

  return (
    <section className="an-section" data-testid="section-heat" style={{ display: 'flex', gap: 16, flexWrap: 'wrap', padding: '8px 12px', borderTop: '1px solid var(--c-border)' }}>
      <h3 style={{ flex: '1 1 100%', margin: 0, fontSize: 14, display: 'flex', gap: 12, alignItems: 'center' }}>
        {t('traffic.heat')}
        <span role="radiogroup" aria-label={t('traffic.heatLayer')} style={{ display: 'inline-flex', gap: 4, fontWeight: 'normal' }}>
          {LAYERS.map((l) => (
            <button key={l} type="button" role="radio" aria-checked={layer === l} className={layer === l ? 'btn btn-primary' : 'btn'} data-testid={`heat-layer-${l}`} onClick={() => setLayer(l)}>
              {t(`traffic.heatLayer.${l}`)}
            </button>
          ))}
        </span>
      </h3>
      <div style={{ flex: '1 1 640px', minWidth: 420 }}>
        <Suspense fallback={null}>
          <AnalysisChart option={heatOption(cells, weekdays, layerName)} ariaLabel={`${t('traffic.heat')} · ${layerName}`} testId="chart-heat" series={cells.map((c) => [c.weekday, c.hour, c.value])} onPick={pick} height={320} />
        </Suspense>
      </div>
      <div style={{ flex: '1 1 260px' }}>
        <table className="table" aria-label={`${t('traffic.heat')} · ${layerName}`}>
          <tbody>
            {cells.map((c) => (
              <tr key={`${c.weekday}-${c.hour}`}>
                <td>
                  {weekdays[c.weekday]} {c.hour}:00
                </td>
                <td style={{ textAlign: 'right' }}>
                  <FigureLink item={cellName(c)} fig={c} open={open} testId={`heat-${layer}-${c.weekday}-${c.hour}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">
          {layer !== 'walkIns' && t('traffic.heatNote')}
          {layer !== 'visits' && ` ${t('traffic.heatWalkInsNote')}`}
          {layer !== 'walkIns' && unknown(data.heatUnknown, 'traffic.heatUnknown', 'heat-unknown')}
          {layer !== 'visits' && unknown(data.heatWalkInsUnknown, 'traffic.heatWalkInsUnknown', 'heat-walkins-unknown')}
        </p>
      </div>
    </section>
  );
}
