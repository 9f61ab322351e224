import { z } from 'zod';
import { method, returns } from './contract';
import { gridSelectionSchema } from './grid';
import { WORKBENCH_MANAGER_ROLES } from './workbench';

/**
 * 任务分配: a customer-service manager hands out agents' tasks — typically the night's generated
 * tasks, which wait unassigned — from the 客服任务 grid: the ticked rows or all N matching the
 * grid's filter, to one agent or spread evenly over several (平均分配, earliest due first).
 */
export const taskPoolApi = {
  'taskPool.assign': method({
    input: z
      .object({
        selection: gridSelectionSchema,
        agentIds: z.array(z.number().int().positive()).min(1).max(50),
      })
      .strict(),
    access: WORKBENCH_MANAGER_ROLES,
    output: returns<TaskPoolAssignResult>(),
  }),
  /** 设优先级: the chosen open tasks get a priority (普通 / 优先 / 紧急); their agents' lists reorder. */
  'taskPool.prioritize': method({
    input: z
      .object({
        selection: gridSelectionSchema,
        priority: z.union([z.literal(0), z.literal(1), z.literal(2)]),
      })
      .strict(),
    access: WORKBENCH_MANAGER_ROLES,
    output: returns<TaskPoolPrioritizeResult>(),
  }),
} as const;

export interface TaskPoolPrioritizeResult {
  /** Open tasks whose priority changed (those that had it already are not counted). */
  changed: number;
  /** Selected tasks left alone: already closed. */
  skippedClosed: number;
}

export interface TaskPoolAssignResult {
  /** Tasks that changed hands, per agent (agents given but handed nothing are listed with 0). */
  perAgent: { agentId: number; name: string; assigned: number }[];
  assigned: number;
  /** Selected tasks left alone: already closed (done / failed / cancelled). */
  skippedClosed: number;
}
