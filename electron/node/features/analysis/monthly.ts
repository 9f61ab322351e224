import type { DayRange } from '../../../common/analysis';
import { HEADLINE_TOPICS, type Headline, type HeadlineTopic } from '../../../common/api/analysis-headline';
import { MONTHLY_SECTION_ROLES, headlineChange, type MonthlyReport } from '../../../common/api/analysis-monthly';
import { addMonths, monthDays } from '../../../common/dates';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { writeAudit } from '../admin';
import type { SessionCtx } from '../auth';
import { monthlyWorkbook } from './monthly-xlsx';
import { aftersalesHeadlines } from './aftersales-headlines';
import { callsHeadlines } from './calls-headlines';
import { salesHeadlines } from './sales-headlines';
import { trafficHeadlines } from './traffic-headlines';

type MonthlyCore = Pick<Core, 'clock' | 'db' | 'reads' | 'settings' | 'visibility'>;
type HeadlineSource = (core: MonthlyCore, s: SessionCtx, range: DayRange, compareRange: DayRange | null) => Promise<Headline[]>;

/**
 * Each section's headlines, counted by its topic's own service (the topic screen's rules and drills).
 * A topic is added here and in MONTHLY_SECTION_ROLES together (monthly.test.ts checks both list the same).
 */
export const MONTHLY_SOURCES: Partial<Record<HeadlineTopic, HeadlineSource>> = {
  traffic: trafficHeadlines,
  sales: salesHeadlines,
  aftersales: aftersalesHeadlines,
  calls: callsHeadlines,
};

/** The calendar month's days and the month before's. */
export function monthRanges(month: string): { range: DayRange; previousRange: DayRange } {
  const m = monthDays(month);
  const p = monthDays(addMonths(m.first, -1).slice(0, 7));
  return { range: { from: m.first, to: m.last }, previousRange: { from: p.first, to: p.last } };
}

/**
 * 总经理月报: every section the caller's role may see (the roles of the topic's own screen), in
 * HEADLINE_TOPICS order, each headline with last month's figure and the change between them. The
 * sections are counted at the same time on the read pool.
 */
export async function monthlyReport(core: MonthlyCore, s: SessionCtx, month: string): Promise<MonthlyReport> {
  const { range, previousRange } = monthRanges(month);
  const topics = HEADLINE_TOPICS.filter((t) => MONTHLY_SOURCES[t] && MONTHLY_SECTION_ROLES[t]?.includes(s.user.role));
  const sections = await Promise.all(
    topics.map(async (topic) => {
      const list = await MONTHLY_SOURCES[topic]!(core, s, range, previousRange);
      return { topic, headlines: list.map((h) => ({ ...h, ...headlineChange(h) })) };
    }),
  );
  return { month, range, previousRange, sections };
}

/**
 * The report as .xlsx for the export permission (asked first: a refused caller gets no report counted
 * and no file), with one 'export' audit row — as the grid's export writes one — naming the month and
 * its sections. Made in memory: nothing is written on the host, so no copy of the figures is left behind.
 */
export async function monthlyXlsx(core: MonthlyCore & Pick<Core, 'auth'>, s: SessionCtx, month: string): Promise<{ fileName: string; base64: string }> {
  if (!core.auth.hasPermission(s, 'export')) throw new AppError('FORBIDDEN');
  const report = await monthlyReport(core, s, month);
  const file = await monthlyWorkbook(report, s.user.locale);
  const rows = report.sections.reduce((n, x) => n + x.headlines.length, 0);
  writeAudit(core.db, core.clock, { userId: s.user.id, action: 'export', entity: 'report:monthly', after: { month, sections: report.sections.map((x) => x.topic), rows } });
  return { fileName: `monthly-report-${month}.xlsx`, base64: file.toString('base64') };
}
