// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomerCard } from '../../../electron/common/api/customers';
import type * as Api from '../../api';
import { clickOn, errorUnder, inputOf, mount, typeInto } from '../../ui/component-test-kit';
import { CustomerForm } from './CustomerForm';

// The form talks to the host only through call(); the test plays the host's answers.
const call = vi.hoisted(() => vi.fn());
vi.mock('../../api', async (original) => ({ ...(await original<typeof Api>()), call }));
// A consultant (no owner picker), as the form sees the logged-in user.
vi.mock('../auth/session', () => ({ useSessionInfo: () => ({ user: { id: 5, role: 'sales', displayName: '顾问' }, permissions: [], modules: [] }) }));

const saved = vi.fn();
afterEach(() => {
  call.mockReset();
  saved.mockReset();
});

/** The host: dictionaries empty, a phone check that finds nothing wrong unless `phoneError`, a save that succeeds. */
function host(phoneError: string | null = null) {
  call.mockImplementation(async (method: string) => {
    if (method === 'dict.list') return [];
    if (method === 'customers.checkPhone') return { normalized: phoneError ? null : '+8613800138000', kind: null, error: phoneError, owners: [] };
    if (method === 'customers.create' || method === 'customers.update') return { id: 42, duplicatePhones: [] };
    throw new Error(`unexpected ${method}`);
  });
}

const open = (card?: CustomerCard) => mount(<CustomerForm card={card} onClose={() => undefined} onSaved={saved} />);
const save = () => clickOn('[data-testid="customer-save"]');
const saves = () => call.mock.calls.filter(([m]) => m === 'customers.create' || m === 'customers.update');
/** Name and phone filled in, as every new customer needs. */
async function newCustomer() {
  host();
  await open();
  await typeInto('客户姓名', '张三');
  await typeInto('手机/电话', '13800138000');
}

describe('客户表单: problems shown under their field before the round trip', () => {
  it('a mistyped ID number: the host’s message under 身份证号, nothing sent', async () => {
    await newCustomer();
    await typeInto('身份证号', '110101199003071234'); // check digit should be 3
    await save();
    expect(errorUnder('身份证号')).toBe('身份证号校验位不符,请核对是否有输错的数字');
    expect(errorUnder('客户姓名')).toBe('');
    expect(saves()).toEqual([]);
    expect(saved).not.toHaveBeenCalled();
  });

  it('an ID number of the wrong shape and a blank name: each message under its own field', async () => {
    host();
    await open();
    await typeInto('手机/电话', '13800138000');
    await typeInto('身份证号', '11010119900307');
    await save();
    expect(errorUnder('身份证号')).toBe('身份证号应为 18 位:17 位数字加 1 位数字或 X');
    expect(errorUnder('客户姓名')).toBe('请填写此项');
    expect(saves()).toEqual([]);
  });

  it('a VIN without its model: 必填 under the model (the contract’s rule), nothing sent', async () => {
    await newCustomer();
    await typeInto('VIN', 'LSVAU2180N2183294');
    await save();
    expect(errorUnder('车型')).toBe('请填写此项');
    expect(saves()).toEqual([]);
  });

  it('a bad phone: the host’s phone check shows why under the field while typing', async () => {
    host('号码位数不对 / Wrong number of digits');
    await open();
    await typeInto('手机/电话', '1380013');
    // The check waits for a pause in typing (250 ms) before it asks.
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(call).toHaveBeenCalledWith('customers.checkPhone', { raw: '1380013' });
    expect(inputOf('手机/电话').closest('div')!.parentElement!.textContent).toContain('号码位数不对');
  });

  it('valid values go to the host in one save', async () => {
    await newCustomer();
    await typeInto('身份证号', '110101199003071233');
    await save();
    expect(saves()).toHaveLength(1);
    expect(saves()[0]![1]).toMatchObject({ name: '张三', idNumber: '110101199003071233', phones: [{ raw: '13800138000', isPrimary: true }] });
    expect(saved).toHaveBeenCalledWith(42, '张三');
  });

  it('an edit keeps a stored ID number that fails today’s check: the host alone judges an unchanged value', async () => {
    host();
    const card = {
      id: 9, kind: 'individual', name: '李四', gender: 'male', idNumber: '110101199003071234', birthday: null, city: null, address: null,
      source: 'other', ownerId: 5, ownerName: '顾问', version: 3, phones: [{ id: 1, raw: '13800138000', normalized: '+8613800138000', kind: 'mobile', isPrimary: true }],
    } as unknown as CustomerCard;
    await open(card);
    await typeInto('城市', '大连');
    await save();
    expect(saves()).toHaveLength(1);
    expect(saves()[0]![1]).toMatchObject({ id: 9, expectedVersion: 3, patch: { city: '大连', idNumber: '110101199003071234' } });
  });
});
