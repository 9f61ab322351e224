import type { ComplaintStatus } from '../../../common/api/complaints';
import { COMPLAINT_REOPEN_ROLES } from '../../../common/api/complaints';
import type { Role } from '../../../common/roles';

/**
 * 投诉建议 state rules, pure: open → assigned → handling → closed; a closed complaint's result is
 * locked ("选差不能改") and only a manager reopens it, with a reason. Each rule returns the
 * message key of the refusal (FIELD_MESSAGES 'complaint.*') or null when allowed.
 */
export type ComplaintRefusal =
  | 'complaint.locked'
  | 'complaint.resultRequired'
  | 'complaint.reasonRequired'
  | 'complaint.notClosed'
  | 'complaint.managerOnly'
  | 'complaint.notYours'
  | 'complaint.unassigned';

export interface ComplaintState {
  status: ComplaintStatus;
  assigneeId: number | null;
}

export interface Actor {
  userId: number;
  role: Role;
}

export const isComplaintManager = (role: Role) => COMPLAINT_REOPEN_ROLES.includes(role);

/** An agent works on complaints assigned to them or nobody yet; a manager on any. */
export function mayWork(c: ComplaintState, a: Actor): ComplaintRefusal | null {
  if (isComplaintManager(a.role)) return null;
  return c.assigneeId === null || c.assigneeId === a.userId ? null : 'complaint.notYours';
}

/** Editing anything — above all the result — of a closed complaint is refused. */
export function checkEdit(c: ComplaintState, a: Actor): ComplaintRefusal | null {
  if (c.status === 'closed') return 'complaint.locked';
  return mayWork(c, a);
}

export function checkAssign(c: ComplaintState, a: Actor): { refusal: ComplaintRefusal } | { next: ComplaintStatus } {
  const r = checkEdit(c, a);
  if (r) return { refusal: r };
  return { next: c.status === 'handling' ? 'handling' : 'assigned' };
}

export function checkHandle(c: ComplaintState, a: Actor): { refusal: ComplaintRefusal } | { next: ComplaintStatus } {
  const r = checkEdit(c, a);
  if (r) return { refusal: r };
  if (c.assigneeId === null) return { refusal: 'complaint.unassigned' };
  return { next: 'handling' };
}

export function checkClose(c: ComplaintState, a: Actor, result: string): { refusal: ComplaintRefusal } | { next: ComplaintStatus } {
  const r = checkEdit(c, a);
  if (r) return { refusal: r };
  if (!result.trim()) return { refusal: 'complaint.resultRequired' };
  return { next: 'closed' };
}

/** Reopening goes back to 处理中 with the same assignee; the old result stays in the history. */
export function checkReopen(c: ComplaintState, a: Actor, reason: string): { refusal: ComplaintRefusal } | { next: ComplaintStatus } {
  if (!isComplaintManager(a.role)) return { refusal: 'complaint.managerOnly' };
  if (c.status !== 'closed') return { refusal: 'complaint.notClosed' };
  if (!reason.trim()) return { refusal: 'complaint.reasonRequired' };
  return { next: c.assigneeId === null ? 'open' : 'handling' };
}
