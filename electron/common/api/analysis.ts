import { z } from 'zod';
import { method, returns } from './contract';
import { SCOPES, type GridSelectionQuery, type Scope } from './grid';
import { COMPARE_KINDS, periodSchema, type DayRange } from '../analysis';
import { TRAFFIC_ROLES } from '../analysis/roles';

/**
 * 决策分析 (issue 17): figures for managers, each carrying the grid query of exactly the records it
 * counts (`drill`). Rules and definitions: docs/decision-analysis.md.
 */

export { TRAFFIC_ROLES };

/** Age bands at the visit, youngest first. */
export const AGE_BANDS = ['u25', 'a25', 'a35', 'a45', 'a55'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** A number and the records it counts: one list, or two (registered visits and walk-in batches) for traffic. */
export interface Figure {
  value: number;
  /** The records: the DataGrid shows drill[i] with exactly value (visits: rows; walk-ins: Σ 人数 of the batches). */
  drill: GridSelectionQuery[];
}

/** One line of a breakdown: this period, the compared one, share of the period's total and change (%; null = "—"). */
export interface Bucket {
  /** The group's key (a day, a source or model code, a city, an age band, 'first' / 'return'); null = not known. */
  key: string | null;
  current: Figure;
  previous: Figure | null;
  /** % of the period's total of this breakdown; null when that total is 0. */
  share: number | null;
  /** % change against the compared period; null when there is none or it counted 0. */
  change: number | null;
}

export interface HeatCell {
  /** Monday = 0 … Sunday = 6. */
  weekday: number;
  hour: number;
  value: number;
  drill: GridSelectionQuery[];
}

export interface TrafficAnalysis {
  range: DayRange;
  compareRange: DayRange | null;
  scope: Scope;
  consultantId: number | null;
  /** 集客量 = 登记来访 + 未留档; then the registered first and return visits. */
  totals: { traffic: Bucket; visits: Bucket; walkIns: Bucket; firstVisits: Bucket; returnVisits: Bucket };
  /** Every day of the period: traffic (visits + walk-ins), no comparison. */
  byDay: Bucket[];
  /** Registered visits by weekday × hour (cells with visits only); walk-ins carry no hour. */
  heat: HeatCell[];
  /** Registered visits without a time of day (not in the heat map). */
  heatUnknown: Figure;
  /** Registered visits by the customer's source (dictionary 'source'). */
  bySource: Bucket[];
  /** Traffic by model of interest: visits' 意向车型 and walk-ins' model. */
  byModel: Bucket[];
  /** Registered visits by the customer's city (largest first, at most DISTRICT_ROWS, the rest as key '*'). */
  byDistrict: Bucket[];
  /** Registered visits by age band on the visit day (birthday, else the 身份证号's birth date). */
  byAgeBand: Bucket[];
  /** Registered visits, first and return. */
  byVisitKind: Bucket[];
}

export const DISTRICT_ROWS = 15;

const id = z.number().int().positive();

export const analysisApi = {
  /** 集客分析: showroom traffic for a period against a compared one, in the user's scope or for one consultant. */
  'analysis.traffic.get': method({
    input: z
      .object({
        period: periodSchema,
        compare: z.enum(COMPARE_KINDS).default('previous'),
        scope: z.enum(SCOPES).default('team'),
        consultantId: id.optional(),
      })
      .strict(),
    access: TRAFFIC_ROLES,
    output: returns<TrafficAnalysis>(),
  }),
};
