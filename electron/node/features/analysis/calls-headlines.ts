import type { DayRange } from '../../../common/analysis';
import type { Headline } from '../../../common/api/analysis-headline';
import type { CallsPeriodFigures } from '../../../common/api/analysis-calls';
import type { Figure, RateFigure } from '../../../common/api/analysis';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { CallsService } from './calls';

type KeyOf<T> = { [K in keyof CallsPeriodFigures]: CallsPeriodFigures[K] extends T ? K : never }[keyof CallsPeriodFigures];

/**
 * 呼叫中心's headline numbers for 关键指标 / 总经理月报, counted by the 呼叫中心 screen's own period
 * figures (the same rules and drills): inbound calls, 接通率, 服务水平, missed calls not called back,
 * outbound calls, 外呼接通率 and the mean ring time. Dealer-wide, as the screen.
 */
export async function callsHeadlines(core: Pick<Core, 'reads' | 'settings'>, _session: SessionCtx, range: DayRange, compareRange: DayRange | null): Promise<Headline[]> {
  const svc = new CallsService(core);
  const [cur, prev] = await Promise.all([svc.period(range), compareRange ? svc.period(compareRange) : null]);
  const count = (key: KeyOf<Figure>, higherIsBetter: boolean): Headline => ({ key, value: cur[key].value, previous: prev ? prev[key].value : null, format: 'count', higherIsBetter, drill: cur[key].drill });
  const rate = (key: KeyOf<RateFigure>): Headline => ({ key, value: cur[key].value, previous: prev ? prev[key].value : null, format: 'rate', higherIsBetter: true, drill: cur[key].drill });
  return [
    count('inbound', true),
    rate('answerRate'),
    rate('serviceLevel'),
    count('missedNotCalledBack', false),
    count('outbound', true),
    rate('connectRate'),
    { key: 'avgAnswerSeconds', value: cur.avgAnswerSeconds, previous: prev ? prev.avgAnswerSeconds : null, format: 'seconds', higherIsBetter: false, drill: cur.inboundAnswered.drill },
  ];
}
