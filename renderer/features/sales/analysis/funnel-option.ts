import type { EChartsCoreOption } from 'echarts/core';
import type { FunnelStage } from '../../../../electron/common/api/sales-analysis';

export interface FunnelDatum {
  name: string;
  value: number;
  leads: number;
  amount: string;
}

/** The echarts option for the stages: the funnel's widths are the leads per stage, in stage order. */
export function funnelOption(stages: FunnelStage[], label: (s: FunnelStage) => string, amount: (s: FunnelStage) => string): EChartsCoreOption {
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
