// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReminderRow } from '../../../../electron/common/api';
import { ApiError } from '../../../api';
import type * as Api from '../../../api';
import { mount } from '../../../ui/component-test-kit';
import { ChurnReasonDialog } from './ChurnReasonDialog';

// The form talks to the host only through call(); the test plays the host's answers.
const call = vi.hoisted(() => vi.fn());
vi.mock('../../../api', async (original) => ({ ...(await original<typeof Api>()), call }));

const row = { customerId: 7, vehicleId: 3, customerName: '王芳', plate: '粤B12345' } as ReminderRow;
afterEach(() => {
  call.mockReset();
});

const open = () => mount(<ChurnReasonDialog row={row} onClose={() => undefined} onDone={() => undefined} />);

describe('流失原因 form: the server’s refusal', () => {
  it('shows a field’s message under that field and a message for a field the form has not on the line below', async () => {
    call.mockImplementation(async (method: string) => {
      if (method === 'dict.list') return [{ code: 'moved', zh: '搬家', en: 'Moved' }];
      throw new ApiError('INVALID_INPUT', 'reason: 请选择流失原因; vehicleId: 车辆不属于该客户', {
        fields: [
          { field: 'reason', message: '请选择流失原因' },
          { field: 'vehicleId', message: '车辆不属于该客户' },
        ],
      });
    });
    await open();
    const save = document.querySelector<HTMLButtonElement>('[data-testid="rem-churn-save"]')!;
    await act(async () => save.click());
    expect(call).toHaveBeenCalledWith('churn.record', { customerId: 7, vehicleId: 3, reason: '', note: null });
    const reasonField = document.querySelector('[data-testid="rem-churn-reason"]')!.closest('label, .field, div')!;
    expect(reasonField.textContent).toContain('请选择流失原因');
    expect(reasonField.textContent).not.toContain('车辆不属于该客户');
    expect(document.body.textContent).toContain('车辆不属于该客户');
  });

  it('shows the message of a refusal that names no field', async () => {
    call.mockImplementation(async (method: string) => {
      if (method === 'dict.list') return [];
      throw new ApiError('FORBIDDEN', '无权限记录流失原因');
    });
    await open();
    await act(async () => document.querySelector<HTMLButtonElement>('[data-testid="rem-churn-save"]')!.click());
    expect(document.body.textContent).toContain('无权限记录流失原因');
  });
});
