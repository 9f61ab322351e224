import type { EChartsCoreOption } from 'echarts/core';

/** Pareto: the counts as bars, largest first, and the running share (%) as a line on a 0–100 % axis. */
export function paretoOption(labels: string[], counts: number[], cumulative: (number | null)[], names: { count: string; cumulative: string }): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 48, top: 24, bottom: 60 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: names.count, type: 'bar', data: counts, barMaxWidth: 48, itemStyle: { color: '#2f6fb0' } },
      { name: names.cumulative, type: 'line', yAxisIndex: 1, data: cumulative.map((c) => (c === null ? null : Math.round(c * 1000) / 10)), itemStyle: { color: '#d4842a' } },
    ],
  };
}
