// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Workbench, WorkbenchRow } from '../../../../electron/common/api/workbench';
import type * as Api from '../../../api';
import { mount, unmountAll } from '../../../ui/component-test-kit';
import { WorkbenchScreen } from './WorkbenchScreen';

// The screen talks to the host through call() and hears pushed events through onEvent(); the test
// plays the host's answers and pushes the events itself.
const call = vi.hoisted(() => vi.fn());
const listeners = vi.hoisted(() => new Map<string, Set<() => void>>());
const onEvent = vi.hoisted(() =>
  vi.fn((event: string, listener: () => void) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
    return () => listeners.get(event)?.delete(listener);
  }),
);
vi.mock('../../../api', async (original) => ({ ...(await original<typeof Api>()), call, onEvent }));
// An agent (not a manager): the workbench lists their own tasks.
vi.mock('../../auth/session', () => ({ useSessionInfo: () => ({ user: { id: 11, role: 'service', displayName: '客服一' }, permissions: [], modules: [] }) }));

const row = (id: number, customerName: string): WorkbenchRow => ({
  source: 'task', id, kind: 'revisit_sales', customerId: id, customerName, phone: '13800138000', plate: null, dueDate: '2026-12-04',
  reason: null, status: 'open', refType: null, refId: null, overdue: false, dnd: { call: false, sms: false }, version: 1, priority: 0,
});
const answer = (rows: WorkbenchRow[], total = rows.length, offset = 0): Workbench => ({ today: '2026-12-04', agentId: 11, rows, counts: { today: total, overdue: 0 }, total, offset, appointments: [] });

afterEach(() => {
  call.mockReset();
  listeners.clear();
});

const open = () => mount(<WorkbenchScreen />);
const rows = () => document.querySelector('[data-testid="workbench-rows"]')!.textContent;

describe('客服工作台: the task list', () => {
  it('shows the tasks a manager moved to me on another seat as soon as the host pushes tasks.reassigned', async () => {
    let lists = [answer([row(1, '王芳')]), answer([row(1, '王芳'), row(2, '赵强')])];
    call.mockImplementation(async (method: string) => {
      if (method === 'workbench.list') return lists.shift();
      throw new Error(`unexpected ${method}`);
    });
    await open();
    expect(call).toHaveBeenCalledWith('workbench.list', { offset: 0, limit: 100 });
    expect(rows()).toContain('王芳');
    expect(rows()).not.toContain('赵强');

    await act(async () => listeners.get('tasks.reassigned')?.forEach((l) => l()));
    expect(call.mock.calls.filter(([m]) => m === 'workbench.list')).toHaveLength(2);
    expect(rows()).toContain('赵强');
    lists = [];
  });

  it('pages a long list: the host counts all of it, 下一页 asks for the next hundred and 上一页 goes back', async () => {
    call.mockImplementation(async (method: string, input: { offset: number }) => {
      if (method !== 'workbench.list') throw new Error(`unexpected ${method}`);
      return answer([row(input.offset + 1, `客户${input.offset + 1}`)], 250, input.offset);
    });
    await open();
    const pager = () => document.querySelector('[data-testid="workbench-pager"]')!;
    const button = (label: string) => [...pager().querySelectorAll('button')].find((b) => b.textContent === label)!;
    expect(pager().textContent).toContain('第 1–100 条,共 250 条');
    expect(button('上一页').disabled).toBe(true);
    await act(async () => button('下一页').click());
    await act(async () => button('下一页').click());
    expect(call).toHaveBeenLastCalledWith('workbench.list', { offset: 200, limit: 100 });
    expect(rows()).toContain('客户201');
    expect(pager().textContent).toContain('第 201–250 条,共 250 条');
    expect(button('下一页').disabled).toBe(true);
    await act(async () => button('上一页').click());
    expect(call).toHaveBeenLastCalledWith('workbench.list', { offset: 100, limit: 100 });
  });

  it('stops listening when the screen closes', async () => {
    call.mockImplementation(async () => answer([]));
    await open();
    expect(listeners.get('tasks.reassigned')?.size).toBe(1);
    unmountAll();
    expect(listeners.get('tasks.reassigned')?.size).toBe(0);
  });
});
