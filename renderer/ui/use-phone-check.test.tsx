// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PhoneCheck } from '../../electron/common/api/customers';
import type * as Api from '../api';
import { mount, typeInto } from './component-test-kit';
import { usePhoneCheck } from './use-phone-check';

// The hook talks to the host only through call(); each check here waits for the test to answer it.
const call = vi.hoisted(() => vi.fn());
vi.mock('../api', async (original) => ({ ...(await original<typeof Api>()), call }));
afterEach(() => call.mockReset());

const answers = new Map<string, (c: PhoneCheck) => void>();
const ok = (normalized: string): PhoneCheck => ({ normalized, kind: null, error: null, owners: [] }) as unknown as PhoneCheck;
const pause = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

/** A phone input with the hook's verdict under it, as the customer form and 登记来访 show it. */
function Phone() {
  const [raw, setRaw] = useState('');
  const check = usePhoneCheck(raw, 9);
  return (
    <>
      <label htmlFor="p">电话</label>
      <input id="p" value={raw} onChange={(e) => setRaw(e.target.value)} />
      <output>{check?.normalized ?? ''}</output>
    </>
  );
}
const shown = () => document.querySelector('output')!.textContent;

describe('usePhoneCheck', () => {
  it('asks once after a pause in typing, not under three characters, and drops the answer for a number since changed', async () => {
    call.mockImplementation((_m: string, input: { raw: string }) => new Promise((resolve) => answers.set(input.raw, resolve)));
    await mount(<Phone />);
    await typeInto('电话', '13');
    await pause(300);
    expect(call).not.toHaveBeenCalled();
    await typeInto('电话', '1380');
    await typeInto('电话', '13800');
    await pause(300);
    expect(call.mock.calls).toEqual([['customers.checkPhone', { raw: '13800', exceptCustomerId: 9 }]]);
    await typeInto('电话', '13900');
    await pause(300);
    await act(async () => answers.get('13800')!(ok('+8613800')));
    expect(shown()).toBe('');
    await act(async () => answers.get('13900')!(ok('+8613900')));
    expect(shown()).toBe('+8613900');
  });
});
