// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomerCard } from '../../../electron/common/api/customers';
import type * as Api from '../../api';
import { NavigationContext } from '../../shell/navigation';
import { mount } from '../../ui/component-test-kit';
import { CustomerCardPanel } from './CustomerCardPanel';

// The card's first load takes the request its tab's opening started (callPrefetched); later loads ask again (call).
const call = vi.hoisted(() => vi.fn());
const callPrefetched = vi.hoisted(() => vi.fn());
vi.mock('../../api', async (original) => ({ ...(await original<typeof Api>()), call, callPrefetched }));
vi.mock('../auth/session', () => ({ useSessionInfo: () => ({ user: { id: 5, role: 'service', displayName: '客服' }, permissions: [], modules: [] }) }));

const empty = { total: 0, items: [] };
const card = (name: string, idNumber: string | null): CustomerCard =>
  ({
    id: 7, kind: 'individual', name, gender: 'female', idNumber, birthday: null, city: '大连', address: null, source: 'other', ownerId: 5, ownerName: '顾问',
    dndCall: false, dndSms: false, dndRevisit: false, version: 2, phones: [{ id: 1, raw: '13800138000', normalized: '+8613800138000', kind: 'mobile', isPrimary: true }],
    vehicles: [], opportunities: empty, serviceHistory: empty, revisits: empty, calls: empty, sms: empty, complaints: empty,
  }) as unknown as CustomerCard;

const setCustomerTitle = vi.fn();
afterEach(() => {
  call.mockReset();
  callPrefetched.mockReset();
});

describe('客户卡片', () => {
  it('shows the prefetched card and names its tab; 刷新 asks the host again and shows what it says now', async () => {
    callPrefetched.mockResolvedValue(card('王芳', null));
    call.mockImplementation(async (method: string) => (method === 'customers.get' ? card('王芳芳', '110101199003071233') : method === 'activities.forCustomer' ? { rows: [], total: 0 } : []));
    const box = await mount(
      <NavigationContext.Provider value={{ openCustomer: () => undefined, setCustomerTitle }}>
        <CustomerCardPanel id={7} />
      </NavigationContext.Provider>,
    );
    expect(callPrefetched).toHaveBeenCalledWith('customers.get', { id: 7 });
    expect(setCustomerTitle).toHaveBeenLastCalledWith(7, '王芳');
    expect(box.querySelector('[data-testid="card-phones"]')!.textContent).toContain('主号码');

    const refresh = [...box.querySelectorAll('button')].find((b) => b.textContent === '刷新')!;
    await act(async () => refresh.click());
    expect(call).toHaveBeenCalledWith('customers.get', { id: 7 });
    expect(callPrefetched).toHaveBeenCalledTimes(1);
    expect(setCustomerTitle).toHaveBeenLastCalledWith(7, '王芳芳');
    expect(box.textContent).toContain('110101199003071233');
  });

  it('leaves out the sections the host did not send (their module taken away), and shows the rest', async () => {
    callPrefetched.mockResolvedValue({ ...card('李雷', null), opportunities: null, sms: null });
    call.mockImplementation(async (method: string) => (method === 'activities.forCustomer' ? { rows: [], total: 0 } : []));
    const box = await mount(
      <NavigationContext.Provider value={{ openCustomer: () => undefined, setCustomerTitle }}>
        <CustomerCardPanel id={7} />
      </NavigationContext.Provider>,
    );
    expect(box.querySelector('[data-testid="card-opportunities"]')).toBeNull();
    expect(box.querySelector('[data-testid="card-sms"]')).toBeNull();
    expect(box.querySelector('[data-testid="card-serviceHistory"]')).not.toBeNull();
    expect(box.querySelector('[data-testid="card-complaints"]')).not.toBeNull();
  });
});
