import { z } from 'zod';
import { method, returns } from './contract';
import { COMPARE_KINDS, periodSchema, type DayRange } from '../analysis';
import type { Figure, RateFigure } from './analysis';
import { CALLS_ROLES } from '../analysis/roles';

/**
 * 决策分析 → 呼叫中心 (issue 17): calls by hour, answered / missed, answer time, talk time per agent
 * and outcomes, from the call log every seat writes (calls). Dealer-wide with a filter by agent (the
 * call's user). Rules: docs/decision-analysis.md (呼叫中心).
 */

export { CALLS_ROLES };

/** 服务水平: an inbound call answered within this many seconds of ringing counts as answered in time. */
export const SERVICE_LEVEL_SECONDS = 20;
/** A missed inbound call counts as called back when the customer (or the number) was called within this many hours. */
export const CALLBACK_HOURS = 24;

/** One hour of the day (0–23, the dealer's zone) with its calls. */
export interface CallsHour {
  hour: number;
  inboundAnswered: Figure;
  inboundMissed: Figure;
  outbound: Figure;
}

/** One agent's (the call's user) calls of the period; durations in seconds, null when there is nothing to average. */
export interface CallsAgent {
  userId: number;
  name: string;
  inbound: Figure;
  inboundAnswered: Figure;
  inboundMissed: Figure;
  outbound: Figure;
  outboundConnected: Figure;
  /** Σ talk time of the agent's connected calls (both directions). */
  talkSeconds: number;
  avgTalkSeconds: number | null;
  /** Mean ring time of the agent's answered inbound calls. */
  avgAnswerSeconds: number | null;
}

/** One outcome (calls.outcome: a technical end or the agent's business outcome; null = none recorded), Pareto order. */
export interface CallsOutcome {
  key: string | null;
  figure: Figure;
  share: number | null;
  cumulative: number | null;
}

/** The call-centre figures of one period (calls started in it, the dealer's days). */
export interface CallsPeriodFigures {
  range: DayRange;
  calls: Figure;
  inbound: Figure;
  /** Inbound calls someone answered (answered_at set) and the rest. */
  inboundAnswered: Figure;
  inboundMissed: Figure;
  /** 接通率: answered ÷ inbound. */
  answerRate: RateFigure;
  /** 服务水平: inbound answered within SERVICE_LEVEL_SECONDS ÷ inbound. */
  serviceLevel: RateFigure;
  /** Missed inbound calls whose customer / number was called within CALLBACK_HOURS, and those not (yet). */
  missedCalledBack: Figure;
  missedNotCalledBack: Figure;
  outbound: Figure;
  /** Outbound calls the other side answered. */
  outboundConnected: Figure;
  connectRate: RateFigure;
  /** Ring time of the answered inbound calls: mean and median seconds; null when none was answered. */
  avgAnswerSeconds: number | null;
  medianAnswerSeconds: number | null;
  /** Talk time of the connected calls (both directions): Σ and mean seconds. */
  talkSeconds: number;
  avgTalkSeconds: number | null;
  byHour: CallsHour[];
  agents: CallsAgent[];
  outcomes: CallsOutcome[];
}

export interface CallsAnalysis {
  current: CallsPeriodFigures;
  previous: CallsPeriodFigures | null;
  /** Everyone with calls in the current period (the agent picker's choices), by name. */
  agents: { id: number; name: string }[];
}

const id = z.number().int().positive();

export const callsAnalysisApi = {
  /** 呼叫中心 for a period against a compared one, dealer-wide or for one agent. */
  'analysis.calls.get': method({
    input: z.object({ period: periodSchema, compare: z.enum(COMPARE_KINDS).default('previous'), agentId: id.optional() }).strict(),
    access: CALLS_ROLES,
    output: returns<CallsAnalysis>(),
  }),
};
