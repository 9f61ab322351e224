import type { DayRange } from '../../../common/analysis';
import type { Headline } from '../../../common/api/analysis-headline';
import type { AftersalesPeriodFigures } from '../../../common/api/analysis-aftersales';
import type { Figure, RateFigure } from '../../../common/api/analysis';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { AftersalesService } from './aftersales';

type Pick2<T> = { [K in keyof AftersalesPeriodFigures]: AftersalesPeriodFigures[K] extends T ? K : never }[keyof AftersalesPeriodFigures];

/**
 * 售后 / 客服's headline numbers for 关键指标 / 总经理月报, counted by the 售后 / 客服 screen's own
 * period figures (the same rules and drills): revisits within 3 days (sales, repair), dissatisfied
 * revisits, complaints received, 招揽率, 首保回厂率, 保有客户回厂率. Dealer-wide, as the screen; the session is
 * the caller's (its role was checked by the report).
 */
export async function aftersalesHeadlines(core: Pick<Core, 'clock' | 'reads' | 'settings'>, _session: SessionCtx, range: DayRange, compareRange: DayRange | null): Promise<Headline[]> {
  const svc = new AftersalesService(core);
  const [cur, prev] = await Promise.all([svc.period(range), compareRange ? svc.period(compareRange) : null]);
  const rate = (key: Pick2<RateFigure>): Headline => ({ key, value: cur[key].value, previous: prev ? prev[key].value : null, format: 'rate', higherIsBetter: true, drill: cur[key].drill });
  const count = (key: Pick2<Figure>, higherIsBetter: boolean): Headline => ({ key, value: cur[key].value, previous: prev ? prev[key].value : null, format: 'count', higherIsBetter, drill: cur[key].drill });
  return [rate('revisitSales'), rate('revisitRepair'), count('dissatisfied', false), count('complaints', false), rate('solicitationRate'), rate('firstServiceReturn'), rate('retention')];
}
