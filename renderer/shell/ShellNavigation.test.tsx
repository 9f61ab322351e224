// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CtiLookupResult } from '../../electron/common/api/telephony';
import type * as Api from '../api';
import { screenPop } from '../features/telephony/screen-pop';
import { clickOn, inputOf, mount, typeInto } from '../ui/component-test-kit';
import { useNavigation } from './navigation';
import { ShellNavigation } from './ShellNavigation';

// The form talks to the host only through call(); the test plays the host's answers.
const call = vi.hoisted(() => vi.fn());
vi.mock('../api', async (original) => ({ ...(await original<typeof Api>()), call }));
// A consultant (no owner picker), as the form sees the logged-in user.
vi.mock('../features/auth/session', () => ({ useSessionInfo: () => ({ user: { id: 5, role: 'sales', displayName: '顾问' }, permissions: [], modules: [] }) }));

const openCustomer = vi.fn();
const tabs = { openCustomer, setCustomerTitle: () => undefined };
afterEach(() => {
  call.mockReset();
  openCustomer.mockReset();
});

const lookup = (matches: CtiLookupResult['matches']): CtiLookupResult => ({ number: '13800138000', normalized: '8613800138000', unknownReason: null, matches, hiddenCount: 0 });

/** Stands in for the softphone: a button that runs its screen pop for `found` through the window's navigation. */
function Softphone({ found, allowNew }: { found: CtiLookupResult; allowNew: boolean }) {
  const navigation = useNavigation();
  return <button type="button" data-testid="pop" onClick={() => screenPop(navigation, found, '138 0013 8000', allowNew)} />;
}

async function pop(found: CtiLookupResult, allowNew = true) {
  call.mockImplementation(async (method: string) => {
    if (method === 'dict.list') return [];
    if (method === 'customers.checkPhone') return { normalized: '+8613800138000', kind: null, error: null, owners: [] };
    if (method === 'customers.create') return { id: 42, duplicatePhones: [] };
    throw new Error(`unexpected ${method}`);
  });
  await mount(
    <ShellNavigation tabs={tabs}>
      <Softphone found={found} allowNew={allowNew} />
    </ShellNavigation>,
  );
  await clickOn('[data-testid="pop"]');
}
const form = () => document.querySelector('[data-testid="customer-form"]');

describe('新建客户 for an unknown caller: the softphone asks, the shell shows the form', () => {
  it('an answered call from a number nobody has: the form opens with the number filled in; saving creates the customer and opens the card', async () => {
    await pop(lookup([]));
    expect(form()).not.toBeNull();
    expect(inputOf('手机/电话').value).toBe('138 0013 8000');
    await typeInto('客户姓名', '王五');
    await clickOn('[data-testid="customer-save"]');
    expect(call).toHaveBeenCalledWith('customers.create', expect.objectContaining({ name: '王五', phones: [{ raw: '138 0013 8000', isPrimary: true }] }));
    expect(openCustomer).toHaveBeenCalledWith(42, '王五');
    expect(form()).toBeNull();
  });

  it('closing the form creates nothing and opens no card', async () => {
    await pop(lookup([]));
    const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === '取消')!;
    await act(async () => cancel.click());
    expect(form()).toBeNull();
    expect(call.mock.calls.filter(([m]) => m === 'customers.create')).toEqual([]);
    expect(openCustomer).not.toHaveBeenCalled();
  });

  it('a known caller opens the card, not the form', async () => {
    await pop(lookup([{ customerId: 7, name: '赵六' } as CtiLookupResult['matches'][number]]));
    expect(openCustomer).toHaveBeenCalledWith(7, '赵六');
    expect(form()).toBeNull();
  });

  it('a call still ringing (the pop on ring) opens no form for an unknown number', async () => {
    await pop(lookup([]), false);
    expect(form()).toBeNull();
  });
});
