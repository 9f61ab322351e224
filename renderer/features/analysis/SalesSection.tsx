import type { ReactNode } from 'react';
import type { DayRange } from '../../../electron/common/analysis';
import type { GridSelectionQuery } from '../../../electron/common/api/grid';

/** What a click on a 销售分析 number asks for: the dialog's title item, the period it counts and its lists. */
export type OpenSalesDrill = (item: string, range: DayRange, drills: GridSelectionQuery[]) => void;

/** A rate (0–1) as a percentage with one decimal, or "—" when nothing divides. */
export const rateText = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toLocaleString()}%`);

const sectionStyle = { display: 'flex', gap: 16, flexWrap: 'wrap', padding: '8px 12px', borderTop: '1px solid var(--c-border)' } as const;

/** One section of 销售分析: its title across the top, then the chart and the table side by side. */
export function SalesSection({ testId, title, children }: { testId: string; title: string; children: ReactNode }) {
  return (
    <section data-testid={testId} style={sectionStyle}>
      <h3 style={{ flex: '1 1 100%', margin: 0, fontSize: 14 }}>{title}</h3>
      {children}
    </section>
  );
}
