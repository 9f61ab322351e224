import { z } from 'zod';
import { method, returns } from './contract';
import type { Role } from '../roles';
import { importEncoding } from './import-file';
import { enumPairs } from '../i18n/enum-options';
import { SOLICITATION_STATE } from './service-texts';

/**
 * 招揽任务 (solicitation tasks, reference/003): generated from the regular-service list, assigned
 * to agents, worked (招揽中 / failed with a reason); 招揽成功 is computed from a service visit
 * within the task's window. 招揽率 (the audit: 未分配 + 已分配 < 5% of six months' regular-service
 * tasks) and 成功率 per agent and overall.
 */
export const SOLICITATION_ROLES: readonly Role[] = ['serviceAgent', 'serviceManager', 'generalManager', 'admin'];
export const SOLICITATION_MANAGERS: readonly Role[] = ['serviceManager', 'generalManager', 'admin'];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const id = z.number().int().positive();

export const SOLICITATION_STATE_LABELS = enumPairs(SOLICITATION_STATE);

export interface SolicitationRateRow {
  agentId: number | null;
  agentName: string | null;
  total: number;
  unassigned: number;
  assigned: number;
  inProgress: number;
  succeeded: number;
  failed: number;
  solicitationRate: number | null;
  successRate: number | null;
  passes: boolean;
}

export interface SolicitationTaskRow {
  id: number;
  customerId: number;
  customerName: string;
  plate: string | null;
  windowStart: string;
  windowEnd: string;
  status: 'unassigned' | 'assigned' | 'in_progress' | 'succeeded' | 'failed';
  assigneeId: number | null;
  assigneeName: string | null;
  createdDate: string;
}

export interface SolicitationRates {
  /** The audit period: task creation dates in [from, to] (six months to today). */
  from: string;
  to: string;
  overall: SolicitationRateRow;
  perAgent: SolicitationRateRow[];
  /** The 未分配 / 已分配 tasks that pull the rate down (oldest first, at most 200). */
  pulling: SolicitationTaskRow[];
}

export const solicitationApi = {
  /** Regular-service tasks for vehicles due in [from, to]; the window is the due date ± windowDays. */
  'solicitation.generate': method({
    input: z.object({ from: date, to: date, windowDays: z.number().int().min(0).max(60).default(15) }).strict(),
    access: SOLICITATION_MANAGERS,
    output: returns<{ created: number; existing: number; dndExcluded: number; source: 'reminders' | 'own' }>(),
  }),
  'solicitation.assign': method({
    input: z.object({ ids: z.array(id).min(1).max(5000), agentId: id.nullable() }).strict(),
    access: SOLICITATION_MANAGERS,
    output: returns<{ updated: number }>(),
  }),
  /** The agent's moves: 招揽中, or failed with a reason. 招揽成功 is never set by hand. */
  'solicitation.setState': method({
    input: z.object({ id, state: z.enum(['in_progress', 'failed']), failReason: z.string().trim().max(200).nullable().optional() }).strict(),
    access: SOLICITATION_ROLES,
    output: returns<{ id: number; status: string }>(),
  }),
  /** The agent's 招揽成功: accepted only when a service visit of the task lies in its window. */
  'solicitation.confirmSuccess': method({ input: z.object({ id }).strict(), access: SOLICITATION_ROLES, output: returns<{ id: number; status: string }>() }),
  /** Marks 招揽成功 where a service visit falls within an open task's window. */
  'solicitation.detectSuccess': method({ input: z.object({}).strict(), access: SOLICITATION_ROLES, output: returns<{ succeeded: number }>() }),
  'solicitation.rates': method({ input: z.object({}).strict(), access: SOLICITATION_MANAGERS, output: returns<SolicitationRates>() }),
  /** A manufacturer's campaign list (.xlsx or .csv with a VIN or 车牌 column) → unassigned 'campaign' tasks. */
  'solicitation.importCampaign': method({
    input: z
      .object({
        campaign: z.string().trim().min(1).max(60),
        windowStart: date,
        windowEnd: date,
        /** The campaign file, sent first through the upload route. */
        uploadId: z.string().min(1).max(64),
        /** A CSV's encoding when the detection guessed wrong; default: detected. */
        encoding: importEncoding,
      })
      .strict(),
    access: SOLICITATION_MANAGERS,
    output: returns<{ rows: number; created: number; existing: number; unmatched: { row: number; value: string }[]; unmatchedCount: number; dndExcluded: number }>(),
  }),
  'solicitation.agents': method({ input: z.object({}).strict(), access: SOLICITATION_ROLES, output: returns<{ id: number; name: string }[]>() }),
};
