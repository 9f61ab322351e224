// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomerCard } from '../../../electron/common/api/customers';
import type * as Api from '../../api';
import { clickOn, inputOf, mount, typeInto, unmountAll } from '../../ui/component-test-kit';
import { CustomerForm } from './CustomerForm';

// Its own file: the dictionaries are cached per window (module), and this test needs the occupation
// list filled where CustomerForm.test.tsx plays empty lists.
const call = vi.hoisted(() => vi.fn());
vi.mock('../../api', async (original) => ({ ...(await original<typeof Api>()), call }));
vi.mock('../auth/session', () => ({ useSessionInfo: () => ({ user: { id: 5, role: 'sales', displayName: '顾问' }, permissions: [], modules: [] }) }));

afterEach(() => call.mockReset());

const saves = () => call.mock.calls.filter(([m]) => m === 'customers.create' || m === 'customers.update');
async function pick(select: HTMLSelectElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
  await act(async () => select.dispatchEvent(new Event('change', { bubbles: true })));
}

describe('客户表单: 职业', () => {
  it('offers the occupation list with 未知 first, saves the picked code, and sends 未知 as null on an edit', async () => {
    call.mockImplementation(async (method: string, input: { kind?: string }) => {
      if (method === 'dict.list') return input.kind === 'occupation' ? [{ code: 'teacher', zh: '教师', en: 'Teacher' }, { code: 'retired', zh: '退休', en: 'Retired' }] : [];
      if (method === 'customers.checkPhone') return { normalized: '+8613800138000', kind: null, error: null, owners: [] };
      if (method === 'customers.create' || method === 'customers.update') return { id: 42, duplicatePhones: [] };
      throw new Error(`unexpected ${method}`);
    });
    await mount(<CustomerForm onClose={() => undefined} onSaved={() => undefined} />);
    await typeInto('客户姓名', '张三');
    await typeInto('手机/电话', '13800138000');
    const select = inputOf('职业') as unknown as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['未知', '教师', '退休']);
    await pick(select, 'teacher');
    await clickOn('[data-testid="customer-save"]');
    expect(saves()[0]![1]).toMatchObject({ name: '张三', occupation: 'teacher' });
    unmountAll();

    const card = {
      id: 9, kind: 'individual', name: '李四', gender: 'male', idNumber: null, birthday: null, city: null, address: null, source: 'other', occupation: 'retired',
      ownerId: 5, ownerName: '顾问', version: 3, phones: [{ id: 1, raw: '13800138000', normalized: '+8613800138000', kind: 'mobile', isPrimary: true }],
    } as unknown as CustomerCard;
    await mount(<CustomerForm card={card} onClose={() => undefined} onSaved={() => undefined} />);
    const again = inputOf('职业') as unknown as HTMLSelectElement;
    expect(again.value).toBe('retired');
    await pick(again, '');
    await clickOn('[data-testid="customer-save"]');
    expect(saves().at(-1)![1]).toMatchObject({ id: 9, patch: { occupation: null } });
  });
});
