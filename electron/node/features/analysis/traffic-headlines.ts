import type { DayRange } from '../../../common/analysis';
import type { Bucket, TrafficAnalysis } from '../../../common/api/analysis';
import type { Headline } from '../../../common/api/analysis-headline';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { TrafficService } from './traffic';

/**
 * 集客's headline numbers for 关键指标 / 总经理月报: 集客量, 登记来访, 未留档, 首次 and 再次来店 — 集客分析's
 * own totals (TrafficService, the same statements and drills as the screen) over everything the user
 * may see (their widest scope). Each month is asked for as its own range, so the compared one is the
 * caller's (the calendar month before), not a custom range's "equally long range before".
 */
export async function trafficHeadlines(core: Pick<Core, 'db' | 'reads' | 'settings' | 'visibility'>, session: SessionCtx, range: DayRange, compareRange: DayRange | null): Promise<Headline[]> {
  const traffic = new TrafficService(core);
  const scope = core.visibility.widest(session);
  const totals = (r: DayRange) => traffic.get(session, { period: { kind: 'custom', from: r.from, to: r.to }, compare: 'none', scope }).then((a) => a.totals);
  const [cur, prev] = await Promise.all([totals(range), compareRange ? totals(compareRange) : null]);
  const count = (key: keyof TrafficAnalysis['totals'], name: string): Headline => {
    const b: Bucket = cur[key];
    return { key: name, value: b.current.value, previous: prev ? prev[key].current.value : null, format: 'count', higherIsBetter: true, drill: b.current.drill };
  };
  return [count('traffic', 'traffic'), count('visits', 'visits'), count('walkIns', 'walkIns'), count('firstVisits', 'firstVisits'), count('returnVisits', 'returnVisits')];
}
