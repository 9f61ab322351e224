import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { FunnelChart as EFunnel } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { FunnelStage } from '../../../../electron/common/api/sales-analysis';

// Only the funnel, its tooltip and legend, drawn on canvas: keeps echarts' share of the bundle small.
echarts.use([EFunnel, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface FunnelDatum {
  name: string;
  value: number;
  leads: number;
  amount: string;
}

/** The echarts option for the stages: the funnel's widths are the leads per stage, in stage order. */
export function funnelOption(stages: FunnelStage[], label: (s: FunnelStage) => string, amount: (s: FunnelStage) => string): echarts.EChartsCoreOption {
  const data: FunnelDatum[] = stages.map((s) => ({ name: label(s), value: s.leads, leads: s.leads, amount: amount(s) }));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data: FunnelDatum }).data;
        return `${d.name}<br/>${d.leads.toLocaleString()} · ${d.amount}`;
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        top: 10,
        bottom: 10,
        minSize: '8%',
        gap: 2,
        label: { show: true, position: 'inside', formatter: '{b}: {c}' },
        data,
      },
    ],
  };
}

/** The funnel chart; the option it draws is mirrored in data-series for tests and assistive tools. */
export function FunnelChart({ option, ariaLabel }: { option: echarts.EChartsCoreOption; ariaLabel: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
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
