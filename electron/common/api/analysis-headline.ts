import type { GridSelectionQuery } from './grid';

/**
 * One headline number of a 决策分析 topic, as 关键指标 / 总经理月报 shows it: this month, last month
 * and the arrow between them, and the records behind the number. Every topic (销售, 售后 / 客服,
 * 呼叫中心, 集客) exports a `<topic>Headlines(...)` returning these, so the monthly report reuses the
 * topic's own counting instead of a second copy of it.
 */
export interface Headline {
  /** Stable key within the topic, e.g. 'revisit3d' (also the report's text key). */
  key: string;
  /** The figure: a count, a rate 0–1, a duration in seconds or days; null = nothing to count ("—"). */
  value: number | null;
  /** The same figure for the compared period; null when there is none or nothing to count. */
  previous: number | null;
  format: 'count' | 'rate' | 'seconds' | 'days';
  /** true when a rise is good news (the arrow's colour), false when a fall is (e.g. complaints, missed calls). */
  higherIsBetter: boolean;
  /** The records the current figure counts (empty when it is a rate whose parts are listed elsewhere). */
  drill: GridSelectionQuery[];
}

/** The topics of the monthly report, in its order; each is one section and one sheet of the xlsx. */
export const HEADLINE_TOPICS = ['traffic', 'sales', 'aftersales', 'calls'] as const;
export type HeadlineTopic = (typeof HEADLINE_TOPICS)[number];
