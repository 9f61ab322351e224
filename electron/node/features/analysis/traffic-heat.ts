import type { Figure, HeatCell } from '../../../common/api/analysis';
import type { GridSelectionQuery } from '../../../common/api/grid';
import type { DayRange } from '../../../common/analysis';
import { weekdayMon0 } from '../../../common/dates';
import { hourPresetName, otherDayPresetName } from './visit-rules';

export interface HeatLayers {
  heat: HeatCell[];
  heatWalkIns: HeatCell[];
  heatWalkInsUnknown: Figure;
  heatTotal: HeatCell[];
}

/** weekday:hour → Σ n of the rows with an hour. */
function cellsOf(rows: { day: string; hour: number | null; n: number }[]): Map<string, number> {
  const cells = new Map<string, number>();
  for (const r of rows) {
    if (r.hour === null) continue;
    const k = `${weekdayMon0(r.day)}:${r.hour}`;
    cells.set(k, (cells.get(k) ?? 0) + r.n);
  }
  return cells;
}

const keyOf = (k: string) => k.split(':').map(Number) as [number, number];
const byCell = (a: HeatCell, b: HeatCell) => a.weekday - b.weekday || a.hour - b.hour;

/**
 * The heat map's three layers — 登记来访 (visits by visit_at), 未留档 (walk-ins' Σ 人数 by the hour
 * their batch was saved on its day: the counter saves a batch at each tap) and 合计 — each cell with
 * the grid queries of its records ('hour:…' presets on both data sets, same windows as the SQL
 * hours). A cell whose sum is 0 is left out (a correction can cancel its hour's taps); the walk-ins
 * saved on another day than they count (typed in later) have no hour and are one figure apart.
 */
export function heatLayers(
  range: DayRange,
  visitHours: { day: string; hour: number; n: number }[],
  walkIns: { day: string; h: number | null; n: number }[],
  visitsQ: (preset: string) => GridSelectionQuery,
  walkQ: (preset: string) => GridSelectionQuery,
): HeatLayers {
  const visits = cellsOf(visitHours);
  const walks = cellsOf(walkIns.map((w) => ({ day: w.day, hour: w.h, n: w.n })));
  const preset = (k: string) => {
    const [weekday, hour] = keyOf(k);
    return hourPresetName({ range, weekday, hour });
  };
  const layer = (cells: Map<string, number>, drill: (k: string) => GridSelectionQuery[]): HeatCell[] =>
    [...cells]
      .filter(([, value]) => value !== 0)
      .map(([k, value]) => {
        const [weekday, hour] = keyOf(k);
        return { weekday, hour, value, drill: drill(k) };
      })
      .sort(byCell);
  const both = new Map(visits);
  for (const [k, n] of walks) both.set(k, (both.get(k) ?? 0) + n);
  return {
    heat: layer(visits, (k) => [visitsQ(preset(k))]),
    heatWalkIns: layer(walks, (k) => [walkQ(preset(k))]),
    heatWalkInsUnknown: { value: walkIns.reduce((a, w) => (w.h === null ? a + w.n : a), 0), drill: [walkQ(otherDayPresetName(range))] },
    heatTotal: layer(both, (k) => [...(visits.has(k) ? [visitsQ(preset(k))] : []), ...(walks.has(k) ? [walkQ(preset(k))] : [])]),
  };
}
