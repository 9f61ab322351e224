// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../electron/common/api/customers';
import type * as Api from '../api';
import { mount as mountUi, typeInto } from './component-test-kit';
import { SearchBox } from './SearchBox';

// customers.search answers when the test says so: a query stays in flight until answer(text).
const pending = new Map<string, (hits: SearchHit[]) => void>();
const call = vi.hoisted(() => vi.fn());
vi.mock('../api', async (original) => ({ ...(await original<typeof Api>()), call }));

const hit = (id: number, name: string) => ({ id, name, phone: null, plate: null, vin: null, city: null, ownerName: null, matched: 'name' }) as unknown as SearchHit;
let box: HTMLElement;

afterEach(() => {
  call.mockReset();
  pending.clear();
});

async function mount(onOpen: (h: SearchHit) => void) {
  call.mockImplementation((_method: string, input: { q: string }) => new Promise((resolve) => pending.set(input.q, resolve)));
  box = await mountUi(<SearchBox onOpen={onOpen} />);
  return box.querySelector('input')!;
}

const type = typeInto;
const answer = (text: string, hits: SearchHit[]) => act(async () => pending.get(text)!(hits));
const enter = (input: HTMLInputElement) => act(async () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
const shown = () => [...box.querySelectorAll('[data-testid="search-hit"] b')].map((b) => b.textContent);

describe('quick find: Enter opens the customer that was typed', () => {
  it('Enter while the list still shows an earlier prefix waits for the answer to the whole name', async () => {
    const onOpen = vi.fn();
    const input = await mount(onOpen);
    await type(input, '郭');
    await answer('郭', [hit(1, '郭一'), hit(2, '郭杨鹏')]);
    await type(input, '郭杨鹏');
    expect(shown()).toEqual(['郭一', '郭杨鹏']); // the earlier list stays until the new answer
    await enter(input);
    expect(onOpen).not.toHaveBeenCalled();
    await answer('郭杨鹏', [hit(2, '郭杨鹏')]);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen.mock.calls[0]![0]).toMatchObject({ id: 2 });
  });

  it('Enter on an answered list opens the highlighted hit at once', async () => {
    const onOpen = vi.fn();
    const input = await mount(onOpen);
    await type(input, '郭');
    await answer('郭', [hit(1, '郭一'), hit(2, '郭杨鹏')]);
    await act(async () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    await enter(input);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen.mock.calls[0]![0]).toMatchObject({ id: 2 });
  });

  it('a pending Enter is dropped when the box is cleared', async () => {
    const onOpen = vi.fn();
    const input = await mount(onOpen);
    await type(input, '郭杨鹏');
    await enter(input);
    await type(input, '');
    await answer('郭杨鹏', [hit(2, '郭杨鹏')]);
    expect(onOpen).not.toHaveBeenCalled();
  });
});
