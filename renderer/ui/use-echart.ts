import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';

/**
 * An echarts instance on a div: made on mount, resized with its box, disposed on unmount, and given
 * each new option whole. A click on an item calls onPick with its data index. Only the lazily loaded
 * chart modules import this (each registers the echarts parts it draws), so echarts stays out of the
 * bundle every window loads.
 */
export function useEChart(option: echarts.EChartsCoreOption, onPick?: (index: number) => void) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => pick.current?.(p.dataIndex));
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
  return el;
}
