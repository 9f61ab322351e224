import { z } from 'zod';
import { method, returns } from './contract';
import type { DayRange } from '../analysis';
import { MONTHLY_ROLES } from '../analysis/roles';
import type { Headline, HeadlineTopic } from './analysis-headline';

/**
 * 关键指标 · 总经理月报 (issue 17): one page for a calendar month with each 决策分析 topic's headline
 * numbers (analysis-headline.ts), last month's and the arrow between them; exported to .xlsx (one
 * sheet per section) and printed. Rules: docs/decision-analysis.md, section 总经理月报.
 */

// Who sees which section and who may open the report: electron/common/analysis/roles.ts (zod-free:
// the menu's screen registration reads them in the renderer's first chunk).
export { MONTHLY_ROLES, MONTHLY_SECTION_ROLES } from '../analysis/roles';

/** Which way the figure moved against last month; null when either month has nothing to count. */
export type Direction = 'up' | 'down' | 'flat';

export interface MonthlyHeadline extends Headline {
  /**
   * The change against last month: for a rate the difference in points of the fraction (0.05 = +5
   * percentage points), for the others the relative change (0.25 = +25 %); null ("—") when either
   * month is null, or for a relative change when last month counted 0 (nothing to divide by).
   */
  change: number | null;
  direction: Direction | null;
}

export interface MonthlySection {
  topic: HeadlineTopic;
  headlines: MonthlyHeadline[];
}

export interface MonthlyReport {
  /** 'YYYY-MM'. */
  month: string;
  range: DayRange;
  previousRange: DayRange;
  /** The sections the caller's role may see, in HEADLINE_TOPICS order. */
  sections: MonthlySection[];
}

/** The change and arrow of a headline (one rule for the page, the print and the workbook). */
export function headlineChange(h: Pick<Headline, 'value' | 'previous' | 'format'>): Pick<MonthlyHeadline, 'change' | 'direction'> {
  if (h.value === null || h.previous === null) return { change: null, direction: null };
  const direction: Direction = h.value > h.previous ? 'up' : h.value < h.previous ? 'down' : 'flat';
  if (h.format === 'rate') return { change: h.value - h.previous, direction };
  return { change: h.previous > 0 ? (h.value - h.previous) / h.previous : null, direction };
}

/** A calendar month, 'YYYY-MM' (months 01–12, years 2000–2099: the report's picker offers no other). */
export const monthSchema = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { message: '月份应写作 年-月,如 2026-11(1–12 月) / The month is written year-month, e.g. 2026-11 (months 01–12)' });
const monthInput = z.object({ month: monthSchema }).strict();

export const analysisMonthlyApi = {
  /** 总经理月报: the month's headline numbers of each section the caller may see, against last month. */
  'analysis.monthly.get': method({
    input: monthInput,
    access: MONTHLY_ROLES,
    output: returns<MonthlyReport>(),
  }),
  /**
   * The same report as .xlsx, one sheet per section (title row, the month, each figure, last month and
   * the change, formatted): only with the 'export' permission (checked on every call), audited as an
   * 'export' row; the file is made in memory, never written to disk on the host.
   */
  'analysis.monthly.xlsx': method({
    input: monthInput,
    access: MONTHLY_ROLES,
    output: returns<{ fileName: string; base64: string }>(),
  }),
};
