import { z } from 'zod';
import { method, returns } from './contract';
import { WORKBENCH_MANAGER_ROLES, type Role } from '../roles';
import type { ServiceTaskKind } from '../service-tasks';

export const WORKBENCH_ROLES: readonly Role[] = ['serviceAgent', 'serviceManager', 'serviceAdvisor', 'generalManager', 'admin'];
export { WORKBENCH_MANAGER_ROLES };

/** A row kind on the workbench: an agent task kind, or a 招揽任务 (its own table). */
export type WorkbenchKind = ServiceTaskKind | 'solicitation';

export interface WorkbenchRow {
  /** 'task' rows take the outcome form; 'solicitation' rows are worked on the solicitation screen. */
  source: 'task' | 'solicitation';
  id: number;
  kind: WorkbenchKind;
  customerId: number;
  customerName: string;
  phone: string | null;
  plate: string | null;
  dueDate: string;
  reason: string | null;
  status: string;
  /** What a task is about (a revisit's delivery / service_visit, …): the workbench opens the revisit form from it. */
  refType: string | null;
  refId: number | null;
  overdue: boolean;
  dnd: { call: boolean; sms: boolean };
  /** A task's version (issue 15), sent back with its outcome as expectedVersion; null on 招揽 rows. */
  version: number | null;
  /** 0 普通, 1 优先, 2 紧急 (TASK_PRIORITY; 任务分配 sets it); 招揽 rows are 0. Within a due day the higher comes first. */
  priority: number;
}

/** A service advisor's appointment of the day on their workbench. */
export interface WorkbenchAppointment {
  id: number;
  slot: string;
  customerId: number;
  customerName: string;
  phone: string | null;
  plate: string | null;
  status: 'booked' | 'arrived' | 'no_show' | 'cancelled';
  notes: string | null;
}

export interface Workbench {
  /** The dealer's today (Asia/Shanghai), YYYY-MM-DD. */
  today: string;
  /** Whose list this is; null: the unassigned tasks (managers). */
  agentId: number | null;
  rows: WorkbenchRow[];
  /** The whole list's (not the page's): due today and overdue. */
  counts: { today: number; overdue: number };
  /** Rows on the whole list; `rows` is the page from `offset`. */
  total: number;
  offset: number;
  /** Today's appointments booked with this user as the service advisor (empty for agents). */
  appointments: WorkbenchAppointment[];
}

export interface AgentLoad {
  agentId: number | null;
  agentName: string | null;
  kind: WorkbenchKind;
  open: number;
  overdue: number;
}

export const workbenchApi = {
  /** Today's and overdue work of one agent (self; a manager may look at any agent, or the unassigned pool), one page at a time. */
  'workbench.list': method({
    input: z.object({
      agentId: z.number().int().positive().optional(),
      unassigned: z.boolean().optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    access: WORKBENCH_ROLES,
    output: returns<Workbench>(),
  }),
  /**
   * The outcome of a task: done / failed (with a note) / rescheduled to a later day; a 低分跟进 may
   * also be 修复中 (repairing): closed with its description and a next follow-up planned (dueDate,
   * default in 3 days).
   */
  'workbench.outcome': method({
    input: z.object({
      taskId: z.number().int().positive(),
      /** The version of the task the workbench loaded (WorkbenchRow.version); an older one is refused as STALE_RECORD. */
      expectedVersion: z.number().int().positive(),
      outcome: z.enum(['done', 'failed', 'reschedule', 'repairing']),
      note: z.string().trim().max(2000).default(''),
      dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    }),
    access: WORKBENCH_ROLES,
    output: returns<{ id: number; status: string; dueDate: string; nextTaskId?: number | null }>(),
  }),
  /** Every agent's open / overdue counts per kind (unassigned tasks under agentId null). */
  'workbench.load': method({ input: z.object({}), access: WORKBENCH_MANAGER_ROLES, output: returns<{ today: string; rows: AgentLoad[] }>() }),
  'workbench.agents': method({ input: z.object({}), access: WORKBENCH_MANAGER_ROLES, output: returns<{ id: number; name: string }[]>() }),
  /** Moves open tasks — the selected ones, or all of one agent's — to another agent, audited. */
  'workbench.reassign': method({
    input: z
      .object({
        taskIds: z.array(z.number().int().positive()).min(1).max(10000).optional(),
        fromAgentId: z.number().int().positive().optional(),
        toAgentId: z.number().int().positive(),
      })
      .refine((v) => (v.taskIds === undefined) !== (v.fromAgentId === undefined), { message: 'taskIds or fromAgentId' }),
    access: WORKBENCH_MANAGER_ROLES,
    output: returns<{ moved: number; toAgentId: number }>(),
  }),
} as const;
