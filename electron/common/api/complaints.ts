import { z } from 'zod';
import { method, returns } from './contract';
import type { Role } from '../roles';
import { enumOptions } from '../i18n/enum-options';
import { COMPLAINT_STATUS } from './service-texts';

/** Who works on complaints (投诉建议): the after-sales desk and the managers above it. */
export const COMPLAINT_ROLES: readonly Role[] = ['serviceAgent', 'serviceManager', 'serviceAdvisor', 'generalManager', 'admin'];
/** Only these may reopen a closed complaint (DS-CRM: "选差不能改" — the result is locked once closed). */
export const COMPLAINT_REOPEN_ROLES: readonly Role[] = ['serviceManager', 'generalManager', 'admin'];

export const COMPLAINT_STATUSES = enumOptions(COMPLAINT_STATUS);
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]['value'];

export const COMPLAINT_ACTIONS = ['create', 'assign', 'handle', 'update', 'close', 'reopen'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.number().int().positive();
/** The version the panel loaded (ComplaintDetail.version); an older one is refused as STALE_RECORD. */
const expectedVersion = z.number().int().positive();

export interface ComplaintHistoryRow {
  id: number;
  action: ComplaintAction;
  note: string | null;
  userId: number | null;
  userName: string | null;
  at: number;
}

export interface ComplaintDetail {
  id: number;
  source: string;
  category: string;
  customerId: number;
  customerName: string;
  vehicleId: number | null;
  plate: string | null;
  description: string;
  assigneeId: number | null;
  assigneeName: string | null;
  status: ComplaintStatus;
  result: string | null;
  closedAt: number | null;
  closedByName: string | null;
  createdAt: number;
  /** The record's version (issue 15): every change the panel makes sends it back as expectedVersion. */
  version: number;
  /** What the caller may do now (the server checks again on every call). */
  can: { edit: boolean; assign: boolean; handle: boolean; close: boolean; reopen: boolean };
  history: ComplaintHistoryRow[];
}

export const complaintsApi = {
  'complaints.create': method({
    input: z.object({
      source: text(40),
      category: text(40),
      customerId: z.number().int().positive(),
      vehicleId: z.number().int().positive().nullish(),
      description: text(2000),
      assigneeId: z.number().int().positive().nullish(),
    }),
    access: COMPLAINT_ROLES,
    output: returns<ComplaintDetail>(),
  }),
  'complaints.get': method({ input: z.object({ id: z.number().int().positive() }), access: COMPLAINT_ROLES, output: returns<ComplaintDetail>() }),
  /** Edits the facts of an open complaint; a closed one is refused (its result is locked). */
  'complaints.update': method({
    input: z.object({
      id,
      expectedVersion,
      source: text(40).optional(),
      category: text(40).optional(),
      description: text(2000).optional(),
      result: z.string().trim().max(2000).optional(),
    }),
    access: COMPLAINT_ROLES,
    output: returns<ComplaintDetail>(),
  }),
  'complaints.assign': method({
    input: z.object({ id, expectedVersion, assigneeId: z.number().int().positive() }),
    access: COMPLAINT_ROLES,
    output: returns<ComplaintDetail>(),
  }),
  'complaints.handle': method({ input: z.object({ id, expectedVersion, note: text(2000) }), access: COMPLAINT_ROLES, output: returns<ComplaintDetail>() }),
  'complaints.close': method({ input: z.object({ id, expectedVersion, result: z.string().trim().max(2000) }), access: COMPLAINT_ROLES, output: returns<ComplaintDetail>() }),
  'complaints.reopen': method({ input: z.object({ id, expectedVersion, reason: z.string().trim().max(2000) }), access: COMPLAINT_REOPEN_ROLES, output: returns<ComplaintDetail>() }),
  /** Agents a complaint can be assigned to (active after-sales staff). */
  'complaints.assignees': method({ input: z.object({}), access: COMPLAINT_ROLES, output: returns<{ id: number; name: string }[]>() }),
} as const;
