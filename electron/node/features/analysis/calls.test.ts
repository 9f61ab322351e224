import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { callValue as call } from '../../../../tests/fixtures/sales-floor';
import { drillCount } from '../../../../tests/fixtures/analysis-floor';
import { dayStartMs } from '../../../common/dates';
import type { Figure, RateFigure } from '../../../common/api/analysis';
import type { CallsAnalysis, CallsPeriodFigures } from '../../../common/api/analysis-calls';
import type { GridSelectionQuery } from '../../../common/api/grid';
import { callsHeadlines } from './calls-headlines';

const S = 1000;
const H = 3_600_000;
/** An instant in Shanghai: the day, the hour and minutes. */
const at = (day: string, hour: number, minute = 0, second = 0) => dayStartMs(day, 'Asia/Shanghai') + hour * H + minute * 60_000 + second * S;
const NOVEMBER = { period: { kind: 'month', anchor: '2026-11-15' }, compare: 'previous' } as const;

interface CallSpec {
  dir: 'inbound' | 'outbound';
  user: number | null;
  customer?: number | null;
  number?: string;
  start: number;
  /** Seconds of ringing before an answer; null = never answered. */
  ring: number | null;
  talk?: number;
  outcome?: string | null;
}

/**
 * 呼叫中心 on a hand-built call log (today 2026-11-30 12:00 Shanghai), November against October.
 * Each expected number is worked out beside its calls.
 */
describe('呼叫中心 (analysis.calls.get)', () => {
  let t: TestCore;
  let tok: Record<string, string>;
  let uid: Record<string, number>;
  let res: CallsAnalysis;
  let insert: (c: CallSpec) => number;
  beforeAll(async () => {
    t = await makeCore();
    t.clock.set(Date.UTC(2026, 10, 30, 4, 0, 0));
    ({ tok, uid } = await usersWithSessions(t.core, [
      ['cm', 'serviceManager'],
      ['gm', 'generalManager'],
      ['aa', 'admin'],
      ['agent1', 'serviceAgent'],
      ['agent2', 'serviceAgent'],
      ['sm', 'salesManager'],
      ['sc', 'salesConsultant'],
    ]));
    const db = t.core.sqlite;
    const now = t.clock.now();
    const run = (q: string, ...p: unknown[]) => Number(db.prepare(q).run(...p).lastInsertRowid);
    const cust = (name: string) => run('insert into customers (name, created_at, updated_at) values (?, ?, ?)', name, now, now);
    const [c1, c2, c3, c4] = ['甲', '乙', '丙', '丁'].map(cust) as [number, number, number, number];
    insert = (c) => {
      const answered = c.ring === null ? null : c.start + c.ring * S;
      const ended = answered === null ? c.start + 30 * S : answered + (c.talk ?? 0) * S;
      const [from, to] = c.dir === 'inbound' ? [c.number ?? '13800000000', '8001'] : ['8001', c.number ?? '13800000000'];
      return run(
        'insert into calls (direction, from_number, to_number, extension, user_id, customer_id, started_at, answered_at, ended_at, duration_s, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        c.dir, from, to, '8001', c.user, c.customer ?? null, c.start, answered, ended, answered === null ? 0 : (c.talk ?? 0), c.outcome === undefined ? 'done' : c.outcome,
      );
    };
    const [a1, a2] = [uid.agent1!, uid.agent2!];
    const missed4 = at('2026-11-05', 18, 59, 59);
    // Inbound, November: 7 calls, 4 answered (rings 5, 25, 3, 10 s: 3 within 20 s), 3 missed.
    insert({ dir: 'inbound', user: a1, customer: c1, start: at('2026-11-02', 9, 15), ring: 5, talk: 120 }); // 1: hour 9
    insert({ dir: 'inbound', user: a1, customer: c2, start: at('2026-11-02', 9, 40), ring: 25, talk: 60, outcome: 'appointment' }); // 2: hour 9, late answer
    insert({ dir: 'inbound', user: a2, customer: c3, start: at('2026-11-03', 14, 5), ring: null, outcome: 'missed' }); // 3: called back at 16:00 (customer)
    insert({ dir: 'inbound', user: a2, customer: c4, start: missed4, ring: null, outcome: 'missed' }); // 4: called back 1 s too late
    insert({ dir: 'inbound', user: a1, customer: null, number: '02161234567', start: at('2026-11-10', 10), ring: null, outcome: 'missed' }); // 5: unknown caller, called back by number
    insert({ dir: 'inbound', user: a2, customer: c1, start: at('2026-11-30', 23, 30), ring: 3, talk: 30, outcome: null }); // 6: hour 23, no outcome
    insert({ dir: 'inbound', user: a1, customer: c2, start: at('2026-11-01', 0), ring: 10, talk: 10 }); // 8: the month's first instant, hour 0
    // Outbound, November: 5 calls, 2 connected.
    insert({ dir: 'outbound', user: a2, customer: c3, start: at('2026-11-03', 16), ring: 8, talk: 90, outcome: 'callBack' }); // a
    insert({ dir: 'outbound', user: a2, customer: c4, start: missed4 + 24 * H + S, ring: null, outcome: 'noAnswer' }); // b: hour 19
    insert({ dir: 'outbound', user: a1, customer: null, number: '02161234567', start: at('2026-11-10', 10, 30), ring: 5, talk: 40 }); // c
    insert({ dir: 'outbound', user: a1, customer: c1, start: at('2026-11-20', 11), ring: null, outcome: 'noAnswer' }); // d
    insert({ dir: 'outbound', user: null, customer: c2, start: at('2026-11-21', 15), ring: null, outcome: 'failed' }); // e: no agent (the host)
    // October: one answered inbound call in its last second; one call of December's first instant counts nowhere.
    insert({ dir: 'inbound', user: a1, customer: c1, start: at('2026-11-01', 0) - S, ring: 4, talk: 20 });
    insert({ dir: 'inbound', user: a1, customer: c1, start: at('2026-12-01', 0), ring: 4, talk: 20 });
    res = (await call(t.core, tok.cm!, 'analysis.calls.get', NOVEMBER)) as CallsAnalysis;
  });
  afterAll(() => t.cleanup());

  it('counts inbound calls answered and missed, the answer rate and the service level', () => {
    const c = res.current;
    expect(c.range).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect([c.calls.value, c.inbound.value, c.inboundAnswered.value, c.inboundMissed.value]).toEqual([12, 7, 4, 3]);
    expect(c.answerRate.value).toBeCloseTo(4 / 7);
    expect(c.serviceLevel.value).toBeCloseTo(3 / 7);
    expect(c.avgAnswerSeconds).toBeCloseTo(43 / 4);
    expect(c.medianAnswerSeconds).toBe(7.5);
  });

  it('tells missed calls called back within 24 h (by customer, or by number for an unknown caller) from the rest', () => {
    expect([res.current.missedCalledBack.value, res.current.missedNotCalledBack.value]).toEqual([2, 1]);
  });

  it('counts outbound calls, those connected, and the talk time of every connected call', () => {
    const c = res.current;
    expect([c.outbound.value, c.outboundConnected.value]).toEqual([5, 2]);
    expect(c.connectRate.value).toBeCloseTo(2 / 5);
    expect(c.talkSeconds).toBe(350);
    expect(c.avgTalkSeconds).toBeCloseTo(350 / 6);
  });

  it("puts each call in the hour of the dealer's day it started in", () => {
    const hours = Object.fromEntries(
      res.current.byHour.filter((h) => h.inboundAnswered.value + h.inboundMissed.value + h.outbound.value > 0).map((h) => [h.hour, [h.inboundAnswered.value, h.inboundMissed.value, h.outbound.value]]),
    );
    expect(hours).toEqual({ 0: [1, 0, 0], 9: [2, 0, 0], 10: [0, 1, 1], 11: [0, 0, 1], 14: [0, 1, 0], 15: [0, 0, 1], 16: [0, 0, 1], 18: [0, 1, 0], 19: [0, 0, 1], 23: [1, 0, 0] });
    expect(res.current.byHour.map((h) => h.hour)).toEqual([...Array(24).keys()]);
  });

  it('gives each agent their calls, talk time and answer time, most talk first; a call without a user counts only in the totals', () => {
    const rows = res.current.agents.map((a) => [a.name, a.inbound.value, a.inboundAnswered.value, a.inboundMissed.value, a.outbound.value, a.outboundConnected.value, a.talkSeconds]);
    expect(rows).toEqual([
      ['agent1 测试', 4, 3, 1, 2, 1, 230],
      ['agent2 测试', 3, 1, 2, 2, 1, 120],
    ]);
    expect(res.current.agents[0]!.avgTalkSeconds).toBeCloseTo(230 / 4);
    expect(res.current.agents[0]!.avgAnswerSeconds).toBeCloseTo(40 / 3);
    expect(res.current.agents[1]!.avgAnswerSeconds).toBe(3);
    expect(res.agents.map((a) => a.id)).toEqual([uid.agent1, uid.agent2]);
  });

  it('lists the outcomes largest first, none recorded last', () => {
    expect(res.current.outcomes.map((o) => [o.key, o.figure.value])).toEqual([
      ['done', 3],
      ['missed', 3],
      ['noAnswer', 2],
      ['appointment', 1],
      ['callBack', 1],
      ['failed', 1],
      [null, 1],
    ]);
    expect(res.current.outcomes.at(-1)!.cumulative).toBe(1);
  });

  it('compares with October (its last second), and leaves out December', () => {
    const p = res.previous!;
    expect(p.range).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect([p.calls.value, p.inboundAnswered.value, p.outbound.value]).toEqual([1, 1, 0]);
    expect(p.connectRate.value).toBeNull();
    expect(p.medianAnswerSeconds).toBe(4);
  });

  it('narrows every figure to one agent, and that agent only', async () => {
    const one = (await call(t.core, tok.gm!, 'analysis.calls.get', { ...NOVEMBER, agentId: uid.agent2 })) as CallsAnalysis;
    const c = one.current;
    expect([c.inbound.value, c.inboundAnswered.value, c.inboundMissed.value, c.outbound.value, c.outboundConnected.value]).toEqual([3, 1, 2, 2, 1]);
    expect([c.missedCalledBack.value, c.missedNotCalledBack.value]).toEqual([1, 1]);
    expect(c.agents.map((a) => a.userId)).toEqual([uid.agent2]);
    // The picker still offers everyone of the period.
    expect(one.agents.map((a) => a.id)).toEqual([uid.agent1, uid.agent2]);
    expect(await drillCount(t.core, tok.gm!, c.inbound.drill[0]!)).toBe(3);
  });

  it("lists exactly each figure's records in 通话记录 (drill count = figure; a rate's two lists = its parts)", async () => {
    const one = (await call(t.core, tok.cm!, 'analysis.calls.get', { ...NOVEMBER, agentId: uid.agent1 })) as CallsAnalysis;
    const figures: [string, Figure][] = [];
    const rates: [string, RateFigure, number, number][] = [];
    for (const [name, p] of [['cur', res.current], ['prev', res.previous!], ['a1', one.current]] as [string, CallsPeriodFigures][]) {
      for (const k of ['calls', 'inbound', 'inboundAnswered', 'inboundMissed', 'missedCalledBack', 'missedNotCalledBack', 'outbound', 'outboundConnected'] as const) figures.push([`${name}.${k}`, p[k]]);
      for (const h of p.byHour) figures.push([`${name}.h${h.hour}.in.a`, h.inboundAnswered], [`${name}.h${h.hour}.in.m`, h.inboundMissed], [`${name}.h${h.hour}.out`, h.outbound]);
      for (const a of p.agents) for (const k of ['inbound', 'inboundAnswered', 'inboundMissed', 'outbound', 'outboundConnected'] as const) figures.push([`${name}.${a.name}.${k}`, a[k]]);
      for (const o of p.outcomes) figures.push([`${name}.o.${o.key}`, o.figure]);
    }
    const c = res.current;
    rates.push(['answerRate', c.answerRate, 4, 3], ['serviceLevel', c.serviceLevel, 3, 7], ['connectRate', c.connectRate, 2, 5]);
    for (const [who, token] of [['cm', tok.cm!], ['gm', tok.gm!], ['aa', tok.aa!]] as const) {
      for (const [name, f] of figures) {
        let n = 0;
        for (const q of f.drill) n += await drillCount(t.core, token, q);
        expect(`${who} ${name} ${n}`).toBe(`${who} ${name} ${f.value}`);
      }
      for (const [name, r, a, b] of rates) {
        const parts = [];
        for (const q of r.drill) parts.push(await drillCount(t.core, token, q));
        expect(`${who} ${name} ${parts.join('+')}`).toBe(`${who} ${name} ${a}+${b}`);
      }
    }
  });

  it('opens the list with the call, its agent, customer, ring and talk time', async () => {
    const page = (await call(t.core, tok.cm!, 'grid.query', { ...res.current.inboundAnswered.drill[0]!, columns: ['startedAt', 'direction', 'userName', 'customerName', 'ringS', 'durationS', 'outcome'], sort: [{ col: 'startedAt', dir: 'desc' }], limit: 50 })) as { kind: string; rows: Record<string, unknown>[] };
    expect(page.rows.map((r) => [r.userName, r.customerName, r.ringS, r.durationS, r.outcome])).toEqual([
      ['agent2 测试', '甲', 3, 30, null],
      ['agent1 测试', '乙', 25, 60, 'appointment'],
      ['agent1 测试', '甲', 5, 120, 'done'],
      ['agent1 测试', '乙', 10, 10, 'done'],
    ]);
  });

  it("is the CS manager's, general manager's and admin's: agents, sales managers and consultants are refused, the list too", async () => {
    const list: GridSelectionQuery = res.current.calls.drill[0]!;
    for (const who of ['agent1', 'sm', 'sc']) {
      await expect(call(t.core, tok[who]!, 'analysis.calls.get', NOVEMBER)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(call(t.core, tok[who]!, 'grid.count', list)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('refuses a preset that is not a figure, or a period longer than the analysis allows', async () => {
    const q = (preset: string) => call(t.core, tok.cm!, 'grid.count', { dataset: 'calls', scope: 'all', filter: { columns: [], preset } });
    await expect(q('h24.in.a@2026-11-01~2026-11-30')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(q('in@2020-01-01~2026-11-30')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(q("o.x';drop@2026-11-01~2026-11-30")).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('gives 总经理月报 its headlines from the same figures, with the compared month', async () => {
    const hs = await callsHeadlines(t.core, undefined as never, { from: '2026-11-01', to: '2026-11-30' }, { from: '2026-10-01', to: '2026-10-31' });
    const by = Object.fromEntries(hs.map((h) => [h.key, [h.value, h.previous]]));
    expect(by).toEqual({ inbound: [7, 1], answerRate: [4 / 7, 1], serviceLevel: [3 / 7, 1], missedNotCalledBack: [1, 0], outbound: [5, 0], connectRate: [0.4, null], avgAnswerSeconds: [10.75, 4] });
    expect(hs.find((h) => h.key === 'missedNotCalledBack')!.higherIsBetter).toBe(false);
    expect(hs.find((h) => h.key === 'inbound')!.drill).toEqual(res.current.inbound.drill);
  });
});

describe('呼叫中心 in a zone with summer time', () => {
  it("counts the hour from the day's own start on the 25-hour day summer time ends (Europe/Berlin)", async () => {
    const t = await makeCore();
    try {
      t.clock.set(Date.UTC(2026, 10, 30, 12));
      t.core.settings.set('dealer.timeZone', 'Europe/Berlin');
      const { tok, uid } = await usersWithSessions(t.core, [['cm', 'serviceManager'], ['a', 'serviceAgent']]);
      const put = (start: number) =>
        t.core.sqlite.prepare("insert into calls (direction, user_id, started_at, answered_at, ended_at, duration_s, outcome) values ('inbound', ?, ?, ?, ?, 10, 'done')").run(uid.a, start, start + 2000, start + 12000);
      // 2026-10-25 starts at 00:00 CEST (22:00 UTC the day before) and has 25 hours: 23:30 CET is 24.5 h in, its last hour.
      put(Date.UTC(2026, 9, 25, 22, 30));
      // 2026-10-26 01:30 CET (UTC+1): hour 1. 2026-10-24 12:10 CEST (UTC+2): hour 12.
      put(Date.UTC(2026, 9, 26, 0, 30));
      put(Date.UTC(2026, 9, 24, 10, 10));
      const r = (await call(t.core, tok.cm!, 'analysis.calls.get', { period: { kind: 'month', anchor: '2026-10-15' }, compare: 'none' })) as CallsAnalysis;
      const hours = r.current.byHour.filter((h) => h.inboundAnswered.value > 0).map((h) => [h.hour, h.inboundAnswered.value]);
      expect(hours).toEqual([
        [1, 1],
        [12, 1],
        [23, 1],
      ]);
      for (const h of r.current.byHour) expect(await drillCount(t.core, tok.cm!, h.inboundAnswered.drill[0]!)).toBe(h.inboundAnswered.value);
    } finally {
      t.cleanup();
    }
  });
});
