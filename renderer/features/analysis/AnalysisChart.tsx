import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../../ui/use-echart';

// Bars (the Pareto's cumulative line too) and the heat map with their axes, tooltip and colour scale, drawn on canvas. This module is
// loaded with the first analysis screen (React.lazy), so echarts is not in the bundle every window loads.
// The legend tells stacked series apart (呼叫中心: answered / missed / outbound by hour).
// The title names what a chart counts where a switch changes it (集客分析: the source of the home area, the heat map's layer).
echarts.use([BarChart, HeatmapChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/**
 * One analysis chart. A click on a bar or cell calls onPick with its data index (the screen opens
 * that figure's records); `data-series` mirrors the drawn numbers for tests and assistive tools.
 */
export default function AnalysisChart({ option, ariaLabel, testId, series, onPick, height = 280 }: { option: echarts.EChartsCoreOption; ariaLabel: string; testId: string; series: unknown; onPick?: (index: number) => void; height?: number }) {
  const el = useEChart(option, onPick);
  return <div ref={el} role="img" aria-label={ariaLabel} data-testid={testId} data-series={JSON.stringify(series)} style={{ width: '100%', height }} />;
}
