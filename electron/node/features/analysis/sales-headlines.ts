import type { DayRange } from '../../../common/analysis';
import type { Headline } from '../../../common/api/analysis-headline';
import type { SalesPeriodFigures } from '../../../common/api/analysis';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { SalesService } from './sales';

/**
 * 销售's headline numbers for 关键指标 / 总经理月报: 新增潜客, 新增成交, 留档率, 成交率 and the lost
 * opportunities, counted by 销售分析's own period figures (one statement per period, the same rules and
 * drills as the screen) over everything the user may see (their widest scope).
 */
export async function salesHeadlines(core: Pick<Core, 'clock' | 'db' | 'reads' | 'settings' | 'visibility'>, session: SessionCtx, range: DayRange, compareRange: DayRange | null): Promise<Headline[]> {
  const sales = new SalesService(core);
  const who = { scope: core.visibility.widest(session) };
  const [cur, prev] = await Promise.all([sales.period(session, range, who), compareRange ? sales.period(session, compareRange, who) : null]);
  const pick = <T>(f: (p: SalesPeriodFigures) => T) => ({ cur: f(cur), prev: prev ? f(prev) : null });

  const count = (key: 'newProspects' | 'deals' | 'lost', higherIsBetter: boolean): Headline => {
    const v = pick((p) => p[key]);
    return { key, value: v.cur.value, previous: v.prev?.value ?? null, format: 'count', higherIsBetter, drill: v.cur.drill };
  };
  // A rate lists its parts (numerator's and the rest of the denominator's records), as the screen's rate links do.
  const rate = (key: 'registrationRate' | 'closingRate'): Headline => {
    const v = pick((p) => p[key]);
    return { key, value: v.cur.value, previous: v.prev?.value ?? null, format: 'rate', higherIsBetter: true, drill: v.cur.drill };
  };
  return [count('newProspects', true), count('deals', true), rate('registrationRate'), rate('closingRate'), count('lost', false)];
}
