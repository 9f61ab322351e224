import { describe, expect, it } from 'vitest';
import type { Role } from '../../../common/roles';
import { checkAssign, checkClose, checkEdit, checkHandle, checkReopen } from './complaint-rules';

const agent = { userId: 1, role: 'serviceAgent' as Role };
const other = { userId: 2, role: 'serviceAgent' as Role };
const csm = { userId: 9, role: 'serviceManager' as Role };

describe('complaint rules (投诉建议)', () => {
  it.each([
    ['open, nobody assigned', { status: 'open' as const, assigneeId: null }, { next: 'assigned' }],
    ['assigned to me', { status: 'assigned' as const, assigneeId: 1 }, { next: 'assigned' }],
    ['handling stays handling', { status: 'handling' as const, assigneeId: 1 }, { next: 'handling' }],
    ['someone else’s', { status: 'assigned' as const, assigneeId: 2 }, { refusal: 'complaint.notYours' }],
    ['closed', { status: 'closed' as const, assigneeId: 1 }, { refusal: 'complaint.locked' }],
  ])('assign: %s', (_n, c, want) => expect(checkAssign(c, agent)).toEqual(want));

  it('handling needs an assignee; a manager may work on anyone’s complaint', () => {
    expect(checkHandle({ status: 'open', assigneeId: null }, agent)).toEqual({ refusal: 'complaint.unassigned' });
    expect(checkHandle({ status: 'assigned', assigneeId: 1 }, agent)).toEqual({ next: 'handling' });
    expect(checkHandle({ status: 'assigned', assigneeId: 1 }, other)).toEqual({ refusal: 'complaint.notYours' });
    expect(checkHandle({ status: 'assigned', assigneeId: 1 }, csm)).toEqual({ next: 'handling' });
  });

  it('closing needs a result; once closed the result is locked for everyone, managers included', () => {
    expect(checkClose({ status: 'handling', assigneeId: 1 }, agent, '  ')).toEqual({ refusal: 'complaint.resultRequired' });
    expect(checkClose({ status: 'handling', assigneeId: 1 }, agent, '已更换配件,客户满意')).toEqual({ next: 'closed' });
    expect(checkClose({ status: 'closed', assigneeId: 1 }, agent, '改一下')).toEqual({ refusal: 'complaint.locked' });
    expect(checkEdit({ status: 'closed', assigneeId: 1 }, csm)).toBe('complaint.locked');
    expect(checkClose({ status: 'closed', assigneeId: 1 }, csm, '改一下')).toEqual({ refusal: 'complaint.locked' });
  });

  it.each([
    ['an agent', agent, { status: 'closed' as const, assigneeId: 1 }, '客户再次来电', { refusal: 'complaint.managerOnly' }],
    ['an advisor', { userId: 3, role: 'serviceAdvisor' as Role }, { status: 'closed' as const, assigneeId: 1 }, '原因', { refusal: 'complaint.managerOnly' }],
    ['a manager without a reason', csm, { status: 'closed' as const, assigneeId: 1 }, '   ', { refusal: 'complaint.reasonRequired' }],
    ['a manager, not closed', csm, { status: 'handling' as const, assigneeId: 1 }, '原因', { refusal: 'complaint.notClosed' }],
    ['a manager with a reason', csm, { status: 'closed' as const, assigneeId: 1 }, '客户再次投诉', { next: 'handling' }],
    ['the general manager', { userId: 5, role: 'generalManager' as Role }, { status: 'closed' as const, assigneeId: null }, '复查', { next: 'open' }],
    ['the admin', { userId: 6, role: 'admin' as Role }, { status: 'closed' as const, assigneeId: 1 }, '复查', { next: 'handling' }],
    ['a sales manager', { userId: 7, role: 'salesManager' as Role }, { status: 'closed' as const, assigneeId: 1 }, '复查', { refusal: 'complaint.managerOnly' }],
  ])('reopen by %s', (_n, who, c, reason, want) => expect(checkReopen(c, who, reason)).toEqual(want));
});
