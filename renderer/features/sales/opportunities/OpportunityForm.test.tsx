// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Api from '../../../api';
import { clickOn, errorUnder, mount, typeInto } from '../../../ui/component-test-kit';
import { OpportunityForm } from './OpportunityForm';

// The form talks to the host only through call(); the test plays the host's answers.
const call = vi.hoisted(() => vi.fn());
vi.mock('../../../api', async (original) => ({ ...(await original<typeof Api>()), call }));

const saved = vi.fn();
afterEach(() => {
  call.mockReset();
  saved.mockReset();
});

/** A new opportunity for 王芳 with `price` typed, saved. */
async function saveWithPrice(price: string) {
  call.mockImplementation(async (method: string) => {
    if (method === 'dict.list') return [];
    if (method === 'opportunities.create') return { id: 77, activityId: 1 };
    throw new Error(`unexpected ${method}`);
  });
  await mount(<OpportunityForm customer={{ id: 7, name: '王芳' }} onClose={() => undefined} onSaved={saved} />);
  await typeInto('价格', price);
  await clickOn('[data-testid="opp-save"]');
}
const creates = () => call.mock.calls.filter(([m]) => m === 'opportunities.create');

describe('新建销售机会 form: the contract’s rules before the round trip', () => {
  it('a price typed as 12万: a message under 价格, nothing sent', async () => {
    await saveWithPrice('12万');
    expect(errorUnder('价格')).toBe('格式不正确,请检查此项(价格只填数字)');
    expect(creates()).toEqual([]);
  });

  it('a price in digits goes to the host as a number', async () => {
    await saveWithPrice('120000');
    expect(errorUnder('价格')).toBe('');
    expect(creates()).toHaveLength(1);
    expect(creates()[0]![1]).toMatchObject({ customerId: 7, price: 120000, stage: 'initial_contact' });
    expect(saved).toHaveBeenCalledWith(77);
  });
});
