// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Api from '../../../api';
import { I18nProvider } from '../../../i18n/react';
import { OpportunityForm } from './OpportunityForm';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// The form talks to the host only through call(); the test plays the host's answers.
const call = vi.hoisted(() => vi.fn());
vi.mock('../../../api', async (original) => ({ ...(await original<typeof Api>()), call }));

let root: Root;
let box: HTMLElement;
const saved = vi.fn();

afterEach(() => {
  act(() => root.unmount());
  box.remove();
  call.mockReset();
  saved.mockReset();
});

async function open() {
  call.mockImplementation(async (method: string) => {
    if (method === 'dict.list') return [];
    if (method === 'opportunities.create') return { id: 77, activityId: 1 };
    throw new Error(`unexpected ${method}`);
  });
  box = document.body.appendChild(document.createElement('div'));
  root = createRoot(box);
  await act(async () =>
    root.render(
      <I18nProvider>
        <OpportunityForm customer={{ id: 7, name: '王芳' }} onClose={() => undefined} onSaved={saved} />
      </I18nProvider>,
    ),
  );
}

function input(label: string): HTMLInputElement {
  const l = [...document.querySelectorAll('label')].find((x) => x.textContent?.trim().startsWith(label));
  if (!l) throw new Error(`no field ${label}`);
  return document.getElementById(l.htmlFor) as HTMLInputElement;
}
async function type(label: string, value: string) {
  const el = input(label);
  // React listens for the native input event; set the value the way a keystroke does.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
  await act(async () => el.dispatchEvent(new Event('input', { bubbles: true })));
}
const errorOf = (label: string) => document.getElementById(`${input(label).id}-msg`)?.textContent ?? '';
const save = () => act(async () => document.querySelector<HTMLButtonElement>('[data-testid="opp-save"]')!.click());
const creates = () => call.mock.calls.filter(([m]) => m === 'opportunities.create');

describe('新建销售机会 form: the contract’s rules before the round trip', () => {
  it('a price typed as 12万: a message under 价格, nothing sent', async () => {
    await open();
    await type('价格', '12万');
    await save();
    expect(errorOf('价格')).toBe('格式不正确,请检查此项(价格只填数字)');
    expect(creates()).toEqual([]);
  });

  it('a price in digits goes to the host as a number', async () => {
    await open();
    await type('价格', '120000');
    await save();
    expect(errorOf('价格')).toBe('');
    expect(creates()).toHaveLength(1);
    expect(creates()[0]![1]).toMatchObject({ customerId: 7, price: 120000, stage: 'initial_contact' });
    expect(saved).toHaveBeenCalledWith(77);
  });
});
