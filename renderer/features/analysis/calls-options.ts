import type { EChartsCoreOption } from 'echarts/core';
import type { CallsHour } from '../../../electron/common/api/analysis-calls';

/** Calls by hour of the day: inbound answered and missed stacked, outbound beside them. */
export function callsHourOption(hours: CallsHour[], labels: string[], names: { answered: string; missed: string; outbound: string }): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 30, bottom: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 1 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: names.answered, type: 'bar', stack: 'in', data: hours.map((h) => h.inboundAnswered.value), itemStyle: { color: '#2f6fb0' } },
      { name: names.missed, type: 'bar', stack: 'in', data: hours.map((h) => h.inboundMissed.value), itemStyle: { color: '#d9822b' } },
      { name: names.outbound, type: 'bar', data: hours.map((h) => h.outbound.value), itemStyle: { color: '#8fb573' } },
    ],
  };
}
