import type { EChartsCoreOption } from 'echarts/core';
import type { HeatCell } from '../../../electron/common/api/analysis';

/** Bars of one breakdown: this period, and the compared one beside it when there is one. */
export function barsOption(labels: string[], current: number[], previous: number[] | null, names: { current: string; previous: string }, horizontal: boolean): EChartsCoreOption {
  const cat = { type: 'category', data: labels, axisLabel: { interval: 0, ...(horizontal ? {} : { rotate: labels.length > 10 ? 45 : 0 }) } };
  const val = { type: 'value', minInterval: 1 };
  const series = [{ name: names.current, type: 'bar', data: current, itemStyle: { color: '#2f6fb0' } }];
  if (previous) series.push({ name: names.previous, type: 'bar', data: previous, itemStyle: { color: '#b8c7d9' } });
  // Two series side by side need their names under the plot (this period / compared; count / weighted).
  const legend = previous ? { legend: { bottom: 0, left: 'center', itemWidth: 14, itemHeight: 10 } } : {};
  const bottom = (horizontal ? 24 : 60) + (previous ? 24 : 0);
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    ...legend,
    grid: { left: horizontal ? 110 : 40, right: 16, top: 16, bottom, containLabel: false },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series,
  };
}

/** The chart's own title (what it counts, e.g. the source of a home area), above the plot. */
export function titled(option: EChartsCoreOption, text: string): EChartsCoreOption {
  const grid = (option.grid ?? {}) as Record<string, unknown>;
  return { ...option, title: { text, left: 'center', top: 0, textStyle: { fontSize: 12, fontWeight: 'normal' } }, grid: { ...grid, top: 30 } };
}

/** Weekday (rows, Monday on top) × hour (columns) of one layer (registered visits, walk-ins or both), its name as the title. */
export function heatOption(cells: HeatCell[], weekdays: string[], title: string): EChartsCoreOption {
  const max = Math.max(1, ...cells.map((c) => c.value));
  // A walk-in correction can leave an hour below 0: the scale then starts there.
  const min = Math.min(0, ...cells.map((c) => c.value));
  return {
    animation: false,
    title: { text: title, left: 'center', top: 0, textStyle: { fontSize: 12, fontWeight: 'normal' } },
    tooltip: { position: 'top' },
    grid: { left: 50, right: 16, top: 30, bottom: 60 },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)), splitArea: { show: true } },
    yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
    visualMap: { min, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#eef4fb', '#2f6fb0'] } },
    series: [{ type: 'heatmap', data: cells.map((c) => [c.hour, c.weekday, c.value]), label: { show: true } }],
  };
}
