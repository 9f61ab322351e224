import { sql, type SQL } from 'drizzle-orm';
import type { CallsAgent, CallsAnalysis, CallsHour, CallsOutcome, CallsPeriodFigures } from '../../../common/api/analysis-calls';
import type { Figure, RateFigure } from '../../../common/api/analysis';
import type { Condition, GridSelectionQuery } from '../../../common/api/grid';
import { comparePeriod, periodRange, ratio, type CompareKind, type DayRange, type Period } from '../../../common/analysis';
import type { Core } from '../../core';
import { readAll } from '../../read-pool/read-sql';
import { SERVICE_LEVEL_SECONDS } from '../../../common/api/analysis-calls';
import { callHourSql, callsCtx, callsQuery, callsWhere, calledBackSql, type CallsCtx } from './calls-rules';

/** One group of the period's calls: agent × hour × direction × answered × in time × outcome. */
interface GroupRow {
  u: number | null;
  h: number;
  d: 'inbound' | 'outbound';
  a: number;
  sl: number;
  o: string | null;
  n: number;
  talk: number | null;
  ring: number | null;
}

type Tally = { n: number; talk: number; ring: number };
const tally = (): Tally => ({ n: 0, talk: 0, ring: 0 });

/**
 * 呼叫中心: for a period (and the compared one), dealer-wide or for one agent. The period's calls are
 * read once (calls_started_idx) into groups of agent × hour × direction × answered × answered in
 * time × outcome, which every figure sums; the median ring time and the missed calls called back
 * are one statement each. Every figure drills to 通话记录 by the same rule (calls-rules.ts).
 */
export class CallsService {
  constructor(private core: Pick<Core, 'reads' | 'settings'>) {}

  ctx(range: DayRange): CallsCtx {
    return callsCtx(range, this.core.settings.get('dealer.timeZone'));
  }

  private agentSql(agentId: number | undefined): SQL {
    return agentId === undefined ? sql`` : sql` and c.user_id = ${agentId}`;
  }

  /** The grouped statement (also the bench's bare-SQL baseline). */
  groupsSql(range: DayRange, agentId?: number): SQL {
    const ctx = this.ctx(range);
    return sql`select c.user_id as u, ${sql.raw(callHourSql(ctx))} as h, c.direction as d, c.answered_at is not null as a,
        coalesce(c.answered_at - c.started_at <= ${SERVICE_LEVEL_SECONDS * 1000}, 0) as sl, c.outcome as o, count(*) as n,
        sum(c.duration_s) as talk, sum(c.answered_at - c.started_at) as ring
      from calls c where ${callsWhere('all', ctx)}${this.agentSql(agentId)} group by 1, 2, 3, 4, 5, 6`;
  }

  /**
   * The median ring time (ms) of the answered inbound calls in one pass: each call's rank by ring time
   * and the count, then the middle one (odd) or the mean of the middle two (even).
   */
  medianSql(range: DayRange, agentId?: number): SQL {
    const where = sql`${callsWhere('in.a', this.ctx(range))}${this.agentSql(agentId)}`;
    return sql`select avg(x) as m from (select c.answered_at - c.started_at as x, row_number() over (order by c.answered_at - c.started_at) as i, count(*) over () as n
      from calls c where ${where}) where i in ((n + 1) / 2, n / 2 + 1)`;
  }

  calledBackCountSql(range: DayRange, agentId?: number): SQL {
    return sql`select count(*) as n from calls c where ${callsWhere('in.m', this.ctx(range))}${this.agentSql(agentId)} and ${calledBackSql}`;
  }

  async period(range: DayRange, agentId?: number): Promise<CallsPeriodFigures> {
    const [groups, [median], [cb]] = await Promise.all([
      readAll<GroupRow>(this.core.reads, this.groupsSql(range, agentId)),
      readAll<{ m: number | null }>(this.core.reads, this.medianSql(range, agentId)),
      readAll<{ n: number }>(this.core.reads, this.calledBackCountSql(range, agentId)),
    ]);
    const q = (key: string, ...conditions: Condition[]): GridSelectionQuery => callsQuery(key, range, agentId, ...conditions);
    const fig = (value: number, key: string, ...conditions: Condition[]): Figure => ({ value, drill: [q(key, ...conditions)] });
    const rate = (num: number, den: number, numKey: string, restKey: string): RateFigure => ({ value: ratio(num, den), drill: [q(numKey), q(restKey)] });

    // Sums over the groups a predicate picks.
    const sum = (pick: (g: GroupRow) => boolean) =>
      groups.reduce((t, g) => (pick(g) ? { n: t.n + g.n, talk: t.talk + (g.a ? (g.talk ?? 0) : 0), ring: t.ring + (g.a ? (g.ring ?? 0) : 0) } : t), tally());
    const isIn = (g: GroupRow) => g.d === 'inbound';
    const inA = (g: GroupRow) => isIn(g) && g.a === 1;
    const inM = (g: GroupRow) => isIn(g) && g.a === 0;
    const isOut = (g: GroupRow) => g.d === 'outbound';
    const outA = (g: GroupRow) => isOut(g) && g.a === 1;

    const all = sum(() => true);
    const inbound = sum(isIn).n;
    const answered = sum(inA);
    const missedN = sum(inM).n;
    const sl = sum((g) => inA(g) && g.sl === 1).n;
    const outbound = sum(isOut).n;
    const connected = sum(outA).n;
    const talking = sum((g) => g.a === 1);
    const calledBack = cb?.n ?? 0;

    const byHour: CallsHour[] = Array.from({ length: 24 }, (_, hour) => ({
      hour,
      inboundAnswered: fig(sum((g) => g.h === hour && inA(g)).n, `h${hour}.in.a`),
      inboundMissed: fig(sum((g) => g.h === hour && inM(g)).n, `h${hour}.in.m`),
      outbound: fig(sum((g) => g.h === hour && isOut(g)).n, `h${hour}.out`),
    }));

    const agentIds = [...new Set(groups.map((g) => g.u).filter((u): u is number => u !== null))];
    const names = new Map((await this.names(agentIds)).map((u) => [u.id, u.name]));
    const agents: CallsAgent[] = agentIds
      .map((userId) => {
        const mine = (p: (g: GroupRow) => boolean) => sum((g) => g.u === userId && p(g));
        const byAgent = { col: 'userId', op: 'eq', value: userId } as const;
        const ans = mine(inA);
        const talk = mine((g) => g.a === 1);
        return {
          userId,
          name: names.get(userId) ?? String(userId),
          inbound: fig(mine(isIn).n, 'in', byAgent),
          inboundAnswered: fig(ans.n, 'in.a', byAgent),
          inboundMissed: fig(mine(inM).n, 'in.m', byAgent),
          outbound: fig(mine(isOut).n, 'out', byAgent),
          outboundConnected: fig(mine(outA).n, 'out.a', byAgent),
          talkSeconds: talk.talk,
          avgTalkSeconds: talk.n ? talk.talk / talk.n : null,
          avgAnswerSeconds: ans.n ? ans.ring / ans.n / 1000 : null,
        };
      })
      .sort((a, b) => b.talkSeconds - a.talkSeconds || a.name.localeCompare(b.name, 'zh-CN'));

    const outcomeCounts = new Map<string | null, number>();
    for (const g of groups) outcomeCounts.set(g.o, (outcomeCounts.get(g.o) ?? 0) + g.n);
    let running = 0;
    const outcomes: CallsOutcome[] = [...outcomeCounts]
      .sort(([a, x], [b, y]) => Number(a === null) - Number(b === null) || y - x || String(a).localeCompare(String(b)))
      .map(([key, value]) => {
        running += value;
        return { key, figure: fig(value, key === null ? 'o-' : `o.${key}`), share: ratio(value, all.n), cumulative: ratio(running, all.n) };
      });

    return {
      range,
      calls: fig(all.n, 'all'),
      inbound: fig(inbound, 'in'),
      inboundAnswered: fig(answered.n, 'in.a'),
      inboundMissed: fig(missedN, 'in.m'),
      answerRate: rate(answered.n, inbound, 'in.a', 'in.m'),
      serviceLevel: { value: ratio(sl, inbound), drill: [q('in.sl'), q('in')] },
      missedCalledBack: fig(calledBack, 'in.cb'),
      missedNotCalledBack: fig(missedN - calledBack, 'in.ncb'),
      outbound: fig(outbound, 'out'),
      outboundConnected: fig(connected, 'out.a'),
      connectRate: { value: ratio(connected, outbound), drill: [q('out.a'), q('out')] },
      avgAnswerSeconds: answered.n ? answered.ring / answered.n / 1000 : null,
      medianAnswerSeconds: median?.m === null || median?.m === undefined ? null : median.m / 1000,
      talkSeconds: talking.talk,
      avgTalkSeconds: talking.n ? talking.talk / talking.n : null,
      byHour,
      agents,
      outcomes,
    };
  }

  private async names(ids: number[]): Promise<{ id: number; name: string }[]> {
    if (ids.length === 0) return [];
    return readAll<{ id: number; name: string }>(this.core.reads, sql`select u.id, u.display_name as name from users u where u.id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  }

  /** Everyone with calls in the period, whatever the agent filter (the picker's choices), by name. */
  async agentsOf(range: DayRange): Promise<{ id: number; name: string }[]> {
    const ids = await readAll<{ u: number }>(this.core.reads, sql`select distinct c.user_id as u from calls c where ${callsWhere('all', this.ctx(range))} and c.user_id is not null`);
    const rows = await this.names(ids.map((r) => r.u));
    return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id);
  }

  async get(input: { period: Period; compare: CompareKind; agentId?: number }): Promise<CallsAnalysis> {
    const range = periodRange(input.period);
    const cmp = comparePeriod(input.period, input.compare);
    const [agents, current, previous] = await Promise.all([this.agentsOf(range), this.period(range, input.agentId), cmp ? this.period(periodRange(cmp), input.agentId) : null]);
    return { current, previous, agents };
  }
}
