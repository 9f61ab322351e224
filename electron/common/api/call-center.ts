import { z } from 'zod';
import { method, returns } from './contract';
import { WORKBENCH_MANAGER_ROLES, type Role } from '../roles';
import type { GridSelectionQuery } from './grid';
import type { DialerQueue } from './dialer';

/**
 * 呼叫中心 agent states (issue 19): 就绪 / 示忙 (with a reason) / 通话中 / 话后处理 / 离线. The agent sets
 * 就绪 and 示忙 from the status bar; calls set 通话中 and then 话后处理, which returns to 就绪 after the
 * wrap-up time unless the agent extends it; the program lock sets 示忙 and the unlock puts back what
 * was; logout (or the session ending) sets 离线. Every change is logged with its time.
 */
export const AGENT_STATES = ['ready', 'busy', 'onCall', 'wrapUp', 'offline'] as const;
export type AgentState = (typeof AGENT_STATES)[number];
/** The reasons an agent chooses for 示忙. */
export const BUSY_REASONS = ['break', 'training', 'meeting', 'lunch'] as const;
export type BusyReason = (typeof BUSY_REASONS)[number];
/** 示忙 reasons the program sets itself. */
export type SystemBusyReason = 'locked' | 'login';

export interface AgentStateView {
  userId: number;
  displayName: string;
  role: Role;
  state: AgentState;
  reason: BusyReason | SystemBusyReason | null;
  since: number;
  /** 话后处理: when it ends on its own. */
  wrapUpUntil: number | null;
}

/** One agent on the supervisor's wall board: their state, the call they are on, and today's figures. */
export interface FloorAgent extends AgentStateView {
  /** The call they are on; `extension`: the agent's own (what a listen-in code is dialled before). */
  call: { callId: number; direction: 'inbound' | 'outbound'; number: string; customerName: string | null; startedAt: number; answeredAt: number | null; extension: string | null } | null;
  today: { answered: number; missed: number; outbound: number; talkSeconds: number; avgWrapUpSeconds: number | null };
  /** Each of today's figures as its list of calls (通话记录), with exactly its count (talk: the answered calls). */
  drill: { answered: GridSelectionQuery[]; missed: GridSelectionQuery[]; outbound: GridSelectionQuery[]; talk: GridSelectionQuery[] };
}

/** A queue on the wall board: the agents' open tasks of it due by today, how many overdue, the oldest due day. */
export interface FloorQueue {
  queue: DialerQueue;
  due: number;
  overdue: number;
  oldestDue: string | null;
  /** The tasks (客服任务 or 招揽任务单) behind `due`. */
  drill: GridSelectionQuery[];
}

/** 坐席监控: the floor now (the wall board reloads it on each pushed change). */
export interface FloorView {
  at: number;
  /** The dealer's today. */
  today: string;
  agents: FloorAgent[];
  /** Inbound calls missed today not called back (呼叫中心's rule): to call back. */
  missedOpen: number;
  missedOpenDrill: GridSelectionQuery[];
  /** The queues with tasks due (作业模式's queues, every agent's), the deepest first. */
  queues: FloorQueue[];
  /** The PBX's listen-in code (callCenter.monitorCode); '' = no 监听. */
  monitorCode: string;
}

export const callCenterApi = {
  /** The caller's own state (离线 before anything was set). */
  'callCenter.state.get': method({ input: z.object({}).strict(), access: 'session', output: returns<AgentStateView>() }),
  /** 就绪, or 示忙 with one of the agent's reasons; refused while on a call (the call sets the state). */
  'callCenter.state.set': method({
    input: z.union([z.object({ state: z.literal('ready') }).strict(), z.object({ state: z.literal('busy'), reason: z.enum(BUSY_REASONS) }).strict()]),
    access: 'session',
    output: returns<AgentStateView>(),
  }),
  /** 话后处理 longer: the wrap-up ends this many seconds from now (only while in wrap-up). */
  'callCenter.wrapUp.extend': method({ input: z.object({ seconds: z.number().int().min(10).max(600) }).strict(), access: 'session', output: returns<AgentStateView>() }),
  /** Every agent's state now (the CS manager's floor). */
  'callCenter.agents': method({ input: z.object({}).strict(), access: WORKBENCH_MANAGER_ROLES, output: returns<AgentStateView[]>() }),
  /** 坐席监控 (the supervisor's wall board): every agent's state and call, today's figures, the missed calls open. */
  'callCenter.floor': method({ input: z.object({}).strict(), access: WORKBENCH_MANAGER_ROLES, output: returns<FloorView>() }),
} as const;
