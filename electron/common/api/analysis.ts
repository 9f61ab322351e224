import { z } from 'zod';
import { method, returns } from './contract';
import { SCOPES, type GridSelectionQuery, type Scope } from './grid';
import { COMPARE_KINDS, periodSchema, type DayRange } from '../analysis';
import { TRAFFIC_ROLES } from '../analysis/roles';
import type { StageCode } from '../stages';

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
  /** Registered visits by weekday × hour (cells with visits only). */
  heat: HeatCell[];
  /** Registered visits without a time of day (not in the heat map). */
  heatUnknown: Figure;
  /**
   * 未留档 walk-ins (Σ 人数) by weekday × hour their batch was saved on its day: the counter saves a
   * batch at each tap, so that is about when the visitors came. Cells summing to 0 are left out.
   */
  heatWalkIns: HeatCell[];
  /** Walk-ins whose batch was saved on another day than the one it counts (typed in later): no hour. */
  heatWalkInsUnknown: Figure;
  /** 合计: registered visits + walk-ins per cell (drill: both lists). */
  heatTotal: HeatCell[];
  /** Registered visits by the customer's source (dictionary 'source'). */
  bySource: Bucket[];
  /** Traffic by model of interest: visits' 意向车型 and walk-ins' model. */
  byModel: Bucket[];
  /** Registered visits by the customer's city (largest first, at most DISTRICT_ROWS, the rest as key '*'). */
  byDistrict: Bucket[];
  /**
   * Registered visits by the region of the customer's 身份证号 (its first six digits, a GB/T 2260
   * code; people only), in the same shape as byDistrict; named by regionNames.
   */
  byIdRegion: Bucket[];
  /** The name of each region code of byIdRegion ('广东省深圳市南山区'). */
  regionNames: Record<string, string>;
  /**
   * Registered visits by the area code of the customer's landline (primary, else the first), in the
   * same shape as byDistrict; customers with mobiles only are unknown (a mobile carries no place).
   */
  byPhoneArea: Bucket[];
  /** The city (or cities sharing it) of each area code of byPhoneArea ('0755 深圳市'). */
  phoneAreaNames: Record<string, string>;
  /** Registered visits by the customer's 职业 (dictionary 'occupation'), largest first, unknown last. */
  byOccupation: Bucket[];
  /** Registered visits by age band on the visit day (birthday, else the 身份证号's birth date). */
  byAgeBand: Bucket[];
  /** Registered visits, first and return. */
  byVisitKind: Bucket[];
}

export const DISTRICT_ROWS = 15;

/** A rate (0–1, the 日报's fractions) and the lists it divides: null = nothing to divide ("—"). */
export interface RateFigure {
  value: number | null;
  /** The numerator's and the rest of the denominator's records (e.g. first visits and walk-ins). */
  drill: GridSelectionQuery[];
}

/** One stage of the funnel for the opportunities opened in the period. */
export interface StageStep {
  stage: StageCode;
  /** Opportunities opened in the period whose stage is this one or a later one. */
  reached: Figure;
  /** reached / the previous stage's reached (0–1); null for the first stage or when that is 0. */
  conversion: number | null;
}

/** One reason of the lost opportunities, in Pareto order (largest first, unknown last). */
export interface LostReason {
  /** abandon_reason (dictionary 'abandon_reason'); null = no reason given. */
  reason: string | null;
  figure: Figure;
  /** Share of all lost (0–1) and the running total down the list, both null when nothing was lost. */
  share: number | null;
  cumulative: number | null;
}

/** Days an opportunity stays in a stage before entering the next (the opportunities opened in the period). */
export interface StageDays {
  stage: StageCode;
  /** Median days (fractional); null when no opportunity left the stage ("—"). */
  median: number | null;
  /** The opportunities measured: they entered the stage and then another; those still in it are not counted. */
  measured: Figure;
}

/** One brand the lost opportunities went to, in Pareto order (largest first, unknown last). */
export interface CompetitorBrand {
  /** competitor_brand (dictionary 'brand'); null = lost to a competitor without the brand recorded. */
  brand: string | null;
  figure: Figure;
  share: number | null;
  cumulative: number | null;
}

/** One consultant's counts in one period. */
export interface RankCounts {
  /** 新增潜客: registered first visits (the 日报's rule). */
  leads: Figure;
  /** Registered visits, first and return. */
  visits: Figure;
  /** Registered visits with 试乘试驾 ticked. */
  testDrives: Figure;
  /** 新增成交: deliveries by this consultant dated in the period. */
  deals: Figure;
  /** Activities due (planned) in the period, not cancelled; and those done by the end of their due day. */
  activitiesDue: Figure;
  activitiesOnTime: Figure;
  /** activitiesOnTime / activitiesDue; null when none was due. */
  onTimeRate: number | null;
}

/**
 * One consultant's line of the ranking: the current period's counts and, when a period is compared,
 * the same counts then (zeros with their links when the consultant had none; a consultant with figures
 * only in the compared period is listed too, so a drop to nothing shows).
 */
export interface ConsultantRank extends RankCounts {
  consultantId: number;
  name: string;
  previous: RankCounts | null;
}

/** Open opportunities expected to be bought in a month. */
export interface ForecastMonth {
  /** 'YYYY-MM'. */
  month: string;
  count: Figure;
  /** Σ of the stage's win probability (0–1) over them: the deals to expect. */
  weight: number;
}

/** The sales figures of one period. */
export interface SalesPeriodFigures {
  range: DayRange;
  /** 新增潜客: registered first visits with a consultant (the 日报's rule). */
  newProspects: Figure;
  /** 未留档: walk-ins with a consultant (Σ 人数). */
  walkIns: Figure;
  /** 新增成交: deliveries (递交新车) dated in the period. */
  deals: Figure;
  registrationRate: RateFigure;
  closingRate: RateFigure;
  funnel: StageStep[];
  /** Opportunities abandoned (closed) in the period. */
  lost: Figure;
  lostReasons: LostReason[];
  /** Median days in each stage but the last (交车 is where the funnel ends). */
  stageDays: StageDays[];
  /** Abandoned in the period to a competitor (a brand recorded or the reason 竞品), by brand. */
  competitorLost: Figure;
  competitorBrands: CompetitorBrand[];
}

export interface SalesAnalysis {
  scope: Scope;
  consultantId: number | null;
  current: SalesPeriodFigures;
  previous: SalesPeriodFigures | null;
  /** The consultants of the scope with any figure in the current period, by deals then leads. */
  ranking: ConsultantRank[];
  /** Open opportunities by expected purchase month: this month and the five after it (the dealer's today). */
  forecast: ForecastMonth[];
}

/** How many months the forecast shows, this one included. */
export const FORECAST_MONTHS = 6;

const id = z.number().int().positive();

/** What a 决策分析 screen asks for: a period and the compared one, in the user's scope or for one consultant of it. */
const periodScopeInput = z
  .object({
    period: periodSchema,
    compare: z.enum(COMPARE_KINDS).default('previous'),
    scope: z.enum(SCOPES).default('team'),
    consultantId: id.optional(),
  })
  .strict();

export const analysisApi = {
  /** 集客分析: showroom traffic for a period against a compared one, in the user's scope or for one consultant. */
  'analysis.traffic.get': method({
    input: periodScopeInput,
    access: TRAFFIC_ROLES,
    output: returns<TrafficAnalysis>(),
  }),
  /** 销售分析: the 日报's rates, deals, funnel conversion and lost reasons for a period against a compared one. */
  'analysis.sales.get': method({
    input: periodScopeInput,
    access: TRAFFIC_ROLES,
    output: returns<SalesAnalysis>(),
  }),
};
