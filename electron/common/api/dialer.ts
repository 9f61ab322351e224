import { z } from 'zod';
import { method, returns } from './contract';
import { DIALER_ROLES, WORKBENCH_MANAGER_ROLES } from '../roles';
import { SERVICE_TASK_KIND_CODES, type ServiceTaskKind } from '../service-tasks';
import type { WorkbenchRow } from './workbench';

/**
 * 作业模式 — the preview dialer (issue 19). An agent works down one queue of their own tasks (a task
 * kind, or 招揽): the host hands them the next task they may call now, claimed for them alone; the
 * customer's card and the script open, and after the queue's preview time the seat's softphone
 * dials. The call's end is recorded as an attempt; the outcome form, wrap-up, then the next task.
 */
export { DIALER_ROLES, WORKBENCH_MANAGER_ROLES };

export type DialerQueue = ServiceTaskKind | 'solicitation';
/** 招揽 first (the campaigns are most of an agent's calls), then the task kinds in their usual order. */
export const DIALER_QUEUES: readonly [DialerQueue, ...DialerQueue[]] = ['solicitation', ...SERVICE_TASK_KIND_CODES];

/** Why the agent passes a task by (跳过): it comes back after the queue's retry wait. */
export const SKIP_REASONS = ['wrongNumber', 'notNow', 'handledElsewhere', 'needsInfo', 'other'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const ATTEMPT_RESULTS = ['answered', 'noAnswer', 'busy', 'failed', 'skipped'] as const;
export type AttemptResult = (typeof ATTEMPT_RESULTS)[number];

/** A claim lasts this long unless the seat renews it (every third of it while the card is open). */
export const DIALER_LEASE_MS = 90_000;

export interface DialerRules {
  queue: DialerQueue;
  /** Seconds the card shows before dialling; 0 = at once; null = only when the agent presses 拨打. */
  previewSeconds: number | null;
  maxAttempts: number;
  retryHours: number;
  /** null: the setting callCenter.wrapUpSeconds. */
  wrapUpSeconds: number | null;
  script: string;
}

export interface DialerQueueView extends DialerRules {
  /** The agent's open tasks of the queue due by today (as on the workbench). */
  due: number;
}

export interface DialerOverview {
  today: string;
  /** 'HH:MM-HH:MM' in the dealer's time zone (the setting callCenter.callingHours). */
  callingHours: string;
  /** Whether it is within the calling hours now. */
  open: boolean;
  queues: DialerQueueView[];
}

export interface DialerAttempt {
  at: number;
  result: AttemptResult;
  reason: string | null;
  userName: string | null;
}

export interface DialerCard {
  queue: DialerQueue;
  /** The task as the workbench shows it: the outcome forms (task, revisit, 招揽) take it as it is. */
  row: WorkbenchRow;
  customer: {
    id: number;
    name: string;
    phones: { number: string; kind: string | null; primary: boolean }[];
    vehicles: { id: number; plate: string | null; model: string | null; lastServiceDate: string | null; nextServiceDate: string | null }[];
  };
  attempts: DialerAttempt[];
  /** The customer's last calls (any agent), newest first. */
  recentCalls: { startedAt: number; direction: 'inbound' | 'outbound'; answered: boolean; durationS: number | null; userName: string | null }[];
  rules: DialerRules;
  claimExpiresAt: number;
}

/** Why there is no next task: none left that may be called now, outside the calling hours, or the agent is not 就绪. */
export type DialerIdle = 'empty' | 'outsideHours' | 'notReady';

export type DialerNext =
  | { card: DialerCard }
  | {
      card: null;
      why: DialerIdle;
      /** outsideHours: when calling starts again ('HH:MM', the dealer's zone). */
      opensAt?: string;
      /** empty: open tasks of the queue waiting (a retry not yet due, max attempts reached, DND, called today by another agent). */
      waiting?: number;
    };

const queue = z.enum(DIALER_QUEUES);

export const dialerApi = {
  /** The caller's queues with their rules and how many tasks each has due, and the calling hours. */
  'dialer.overview': method({ input: z.object({}).strict(), access: DIALER_ROLES, output: returns<DialerOverview>() }),
  /**
   * The next task of the queue the caller may call now, claimed for them (a claim they held before is
   * released): only while they are 就绪 and within the calling hours.
   */
  'dialer.next': method({ input: z.object({ queue }).strict(), access: DIALER_ROLES, output: returns<DialerNext>() }),
  /** 跳过 the claimed task with a reason (it comes back after the queue's retry wait), then the next. */
  'dialer.skip': method({
    input: z.object({ source: z.enum(['task', 'solicitation']), taskId: z.number().int().positive(), reason: z.enum(SKIP_REASONS), note: z.string().trim().max(200).default('') }).strict(),
    access: DIALER_ROLES,
    output: returns<DialerNext>(),
  }),
  /** The seat is still on its task: the claim runs another DIALER_LEASE_MS. */
  'dialer.renew': method({ input: z.object({}).strict(), access: DIALER_ROLES, output: returns<{ expiresAt: number | null }>() }),
  /** 停止作业: the caller's claim is released. */
  'dialer.stop': method({ input: z.object({}).strict(), access: DIALER_ROLES, output: returns<{ released: number }>() }),
  /** Every queue's rules (CS managers set them). */
  'dialer.rules': method({ input: z.object({}).strict(), access: WORKBENCH_MANAGER_ROLES, output: returns<DialerRules[]>() }),
  'dialer.rules.save': method({
    input: z
      .object({
        queue,
        previewSeconds: z.number().int().min(0).max(300).nullable(),
        maxAttempts: z.number().int().min(1).max(20),
        retryHours: z.number().int().min(0).max(168),
        wrapUpSeconds: z.number().int().min(0).max(600).nullable(),
        script: z.string().trim().max(4000),
      })
      .strict(),
    access: WORKBENCH_MANAGER_ROLES,
    output: returns<DialerRules>(),
  }),
} as const;
