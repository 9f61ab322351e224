import * as echarts from 'echarts/core';
import { FunnelChart as EFunnel } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../../../ui/use-echart';
import type { FunnelDatum } from './funnel-option';

// Only the funnel, its tooltip and legend, drawn on canvas: keeps echarts' share of the bundle small.
// This module is loaded on first use of a funnel screen (React.lazy), so echarts is not in the
// bundle every window loads at start-up.
echarts.use([EFunnel, TooltipComponent, LegendComponent, CanvasRenderer]);

/** The funnel chart; the option it draws is mirrored in data-series for tests and assistive tools. */
export default function FunnelChart({ option, ariaLabel }: { option: echarts.EChartsCoreOption; ariaLabel: string }) {
  const el = useEChart(option);
  const series = (option.series as { data: FunnelDatum[] }[])[0]?.data ?? [];
  return (
    <div
      ref={el}
      className="funnel-chart"
      role="img"
      aria-label={ariaLabel}
      data-testid="funnel-chart"
      data-series={JSON.stringify(series.map((d) => ({ name: d.name, value: d.value })))}
      style={{ width: '100%', height: 360 }}
    />
  );
}
